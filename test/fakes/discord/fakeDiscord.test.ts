import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  DiscordAPIError,
  EmbedBuilder,
  GatewayIntentBits,
  PermissionFlagsBits,
  type Client,
  type ClientOptions,
  type Message,
  type TextChannel,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_BOT_PERMISSIONS, EVERYONE_PERMISSIONS, type FakeDiscord } from './fakeDiscord.js';
import { ALICE, BOT, GENERAL, GUILD, MOD, MOD_ROLE, newClient, OTHER_CHANNEL, OTHER_GUILD, OWNER, startFake, THREAD, TOKEN } from './testWorld.js';

/*
 * Checks the fake with the real discord.js Client over HTTP and WebSocket. Member actions
 * resolve once the client has emitted the event, so synchronous listeners have run when they
 * resolve; what async handlers do next is awaited with their own promises or waitForCall.
 */

let fake: FakeDiscord | undefined;
const clients: Client[] = [];

afterEach(async () => {
  // Clients first: discord.js reconnects when the server closes the gateway with 1000.
  await Promise.all(clients.splice(0).map((client) => client.destroy()));
  await fake?.stop();
  fake = undefined;
});

/** The test world and a logged-in client. */
async function start(options: Partial<ClientOptions> = {}): Promise<{ fake: FakeDiscord; client: Client; general: TextChannel }> {
  fake = await startFake();
  const client = newClient(fake, options);
  clients.push(client);
  await client.login(TOKEN);
  return { fake, client, general: client.channels.cache.get(GENERAL) as TextChannel };
}

describe('FakeDiscord with a real discord.js Client', () => {
  it('GIVEN login THEN it resolves once READY and GUILD_CREATE are handled: guilds, channels, thread, roles and members are cached', async () => {
    const { fake, client } = await start();

    expect(client.isReady()).toBe(true);
    expect(client.user?.id).toBe(BOT.id);
    expect(client.application?.id).toBe(BOT.id);
    // Shard 0 of 1 holds both guilds.
    expect([...client.guilds.cache.keys()].sort()).toEqual([OTHER_GUILD, GUILD].sort());
    const guild = client.guilds.cache.get(GUILD);
    expect(guild).toMatchObject({ available: true, name: 'Rumor Watch', ownerId: OWNER.id, preferredLocale: 'zh-CN' });
    expect(guild?.channels.cache.get(GENERAL)).toMatchObject({ name: 'general', type: ChannelType.GuildText });
    expect(guild?.channels.cache.get(THREAD)).toMatchObject({ name: 'moon-thread', type: ChannelType.PublicThread, parentId: GENERAL });
    expect(guild?.members.cache.get(MOD.id)?.roles.cache.has(MOD_ROLE)).toBe(true);
    // Permissions are computed client-side from the roles in GUILD_CREATE: @everyone's and the bot's role.
    expect(guild?.members.me?.permissions.bitfield).toBe(DEFAULT_BOT_PERMISSIONS | EVERYONE_PERMISSIONS);
    expect(guild?.members.me?.permissions.has(PermissionFlagsBits.ModerateMembers)).toBe(true);
    expect(fake.calls.map((call) => `${call.route} ${call.status}`)).toEqual(['GET /gateway/bot 200']);
    expect(fake.identifies).toMatchObject([{ shard: [0, 1], intents: client.options.intents.bitfield }]);
    expect(fake.connections).toBe(1);
  });

  it('GIVEN a member message THEN messageCreate has content, author, member and a createdTimestamp from the snowflake', async () => {
    const { fake, client } = await start();
    const seen: Message[] = [];
    client.on('messageCreate', (message) => void seen.push(message));

    const said = await fake.memberSays(GENERAL, ALICE.id, 'the moon is made of cheese');

    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ id: said.id, content: 'the moon is made of cheese', channelId: GENERAL, guildId: GUILD });
    expect(seen[0]?.author).toMatchObject({ id: ALICE.id, username: 'alice', globalName: 'Alice', bot: false });
    expect(seen[0]?.member?.id).toBe(ALICE.id);
    expect(Math.abs((seen[0]?.createdTimestamp ?? 0) - Date.now())).toBeLessThan(5_000);

    await fake.memberSays(THREAD, ALICE.id, 'in a thread');
    await fake.memberSays(GENERAL, MOD.id, 'no, it is rock', { referencedMessageId: said.id });
    await fake.memberSays(GENERAL, ALICE.id, 'news', { webhookId: '1100000000004194399' });
    expect(seen[1]?.channel.isThread()).toBe(true);
    expect(seen[2]).toMatchObject({ type: 19, reference: { messageId: said.id } });
    expect(seen[3]).toMatchObject({ webhookId: '1100000000004194399', member: null });
  });

  it('GIVEN a guild added while connected THEN the bot joins it: guildCreate fires and its messages arrive', async () => {
    const { fake, client } = await start();
    const joined: string[] = [];
    client.on('guildCreate', (guild) => void joined.push(guild.name));
    const seen: string[] = [];
    client.on('messageCreate', (message) => void seen.push(`${message.guild?.name}: ${message.content}`));

    await fake.addGuild({ id: '1100000000008388608', name: 'Newcomers', ownerId: OWNER.id, channels: [{ id: '1100000000008388609', name: 'lobby' }] });
    await fake.memberSays('1100000000008388609', OWNER.id, 'welcome');

    expect(joined).toEqual(['Newcomers']);
    expect(seen).toEqual(['Newcomers: welcome']);
  });

  it('GIVEN message.reply with an embed, a button and allowedMentions THEN the body is recorded exactly and the reply is a type 19 message', async () => {
    const { fake, client } = await start();
    const embed = new EmbedBuilder().setTitle('Refuted').setDescription('The moon is rock.').setColor(0xcc0000);
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('rg:more').setLabel('Why?').setStyle(ButtonStyle.Secondary));
    // Discord echoes the bot's own message on the gateway; discord.js emits messageCreate for it too.
    const own: Message[] = [];
    client.on('messageCreate', (message) => void (message.author.bot && own.push(message)));
    const reply = new Promise<Message>((resolve, reject) => {
      client.on('messageCreate', (message) => {
        if (!message.author.bot) message.reply({ content: 'Likely false', embeds: [embed], components: [row], allowedMentions: { parse: [], repliedUser: false } }).then(resolve, reject);
      });
    });

    const said = await fake.memberSays(GENERAL, ALICE.id, 'the moon is made of cheese');
    const call = await fake.waitForCall(`POST /channels/${GENERAL}/messages`);
    const replied = await reply;

    expect(call?.template).toBe('POST /channels/:channel/messages');
    const body = call?.body as Record<string, unknown>;
    expect(body.message_reference).toEqual({ message_id: said.id, fail_if_not_exists: true });
    expect(body.embeds).toEqual([embed.toJSON()]);
    expect(body.components).toEqual([row.toJSON()]);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(replied).toMatchObject({ type: 19, content: 'Likely false', reference: { messageId: said.id, channelId: GENERAL, guildId: GUILD } });
    expect(replied.author.id).toBe(BOT.id);
    expect(replied.embeds[0]?.title).toBe('Refuted');
    expect(fake.botMessages(GENERAL)).toMatchObject([
      { id: replied.id, content: 'Likely false', allowed_mentions: { parse: [], replied_user: false }, referenced_message: { id: said.id }, deleted: false },
    ]);
    await fake.settle();
    expect(own.map((message) => message.id)).toEqual([replied.id]);
  });

  it('GIVEN memberEdits of a cached message THEN messageUpdate has old and new content; an uncached one needs Partials.Message', async () => {
    const { fake, client, general } = await start();
    const updates: [string | null, string | null][] = [];
    client.on('messageUpdate', (old, updated) => void updates.push([old.content, updated.content]));
    const said = await fake.memberSays(GENERAL, ALICE.id, 'draft');

    await fake.memberEdits(GENERAL, said.id, 'the moon is cheese');
    expect(updates).toEqual([['draft', 'the moon is cheese']]);

    // Without Partials.Message discord.js drops MESSAGE_UPDATE for a message it has not cached.
    general.messages.cache.clear();
    await fake.memberEdits(GENERAL, said.id, 'edited again');
    expect(updates).toHaveLength(1);
  });

  it('GIVEN a client without the MessageContent intent THEN guild messages arrive blank unless they mention the bot', async () => {
    const { fake, client } = await start({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] });
    const contents: string[] = [];
    client.on('messageCreate', (message) => void contents.push(message.content));

    await fake.memberSays(GENERAL, ALICE.id, 'secret rumor');
    await fake.memberSays(GENERAL, ALICE.id, `<@${BOT.id}> is this true?`);

    expect(contents).toEqual(['', `<@${BOT.id}> is this true?`]);
  });

  it('GIVEN member.timeout THEN PATCH carries communication_disabled_until and the reason; refused with 50013 for the owner or without Moderate Members', async () => {
    const { fake, client } = await start();
    const guild = client.guilds.cache.get(GUILD);
    const alice = guild?.members.cache.get(ALICE.id);
    if (!guild || !alice) throw new Error('guild or member not cached');

    const timedOut = await alice.timeout(60_000, 'spreading rumors');

    const [call] = fake.callsOf(`PATCH /guilds/${GUILD}/members/${ALICE.id}`);
    const until = Date.parse(String((call?.body as { communication_disabled_until?: string }).communication_disabled_until));
    expect(until - Date.now()).toBeGreaterThan(55_000);
    expect(call).toMatchObject({ status: 200, reason: 'spreading rumors', template: 'PATCH /guilds/:guild/members/:user' });
    // discord.js patches a clone with the answer; the cached member changes only with GUILD_MEMBER_UPDATE (GuildMembers intent).
    expect(timedOut.communicationDisabledUntilTimestamp).toBe(until);
    expect(Date.parse(fake.member(GUILD, ALICE.id).communication_disabled_until ?? '')).toBe(until);
    await expect(fake.memberSays(GENERAL, ALICE.id, 'let me speak')).rejects.toThrow(/timed out/);
    // The timeout runs out.
    fake.addMember(GUILD, ALICE.id, { communicationDisabledUntil: null });
    expect(fake.member(GUILD, ALICE.id).communication_disabled_until).toBeNull();
    await expect(fake.memberSays(GENERAL, ALICE.id, 'let me speak')).resolves.toMatchObject({ content: 'let me speak' });

    await expect(guild.members.edit(OWNER.id, { communicationDisabledUntil: Date.now() + 60_000 })).rejects.toMatchObject({ status: 403, code: 50013 });
    await fake.setBotPermissions(GUILD, DEFAULT_BOT_PERMISSIONS & ~PermissionFlagsBits.ModerateMembers);
    // The client was told (GUILD_ROLE_UPDATE), so its own permission check agrees with the API.
    expect(guild.members.me?.permissions.has(PermissionFlagsBits.ModerateMembers)).toBe(false);
    const refused = await guild.members.cache.get(MOD.id)?.timeout(60_000).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DiscordAPIError);
    expect(refused).toMatchObject({ status: 403, code: 50013, message: 'Missing Permissions' });
  });

  it('GIVEN message.delete THEN others’ messages need Manage Messages (else 50013), the bot’s own never do', async () => {
    const { fake, general } = await start();
    const spam = await fake.memberSays(GENERAL, ALICE.id, 'spam');
    const more = await fake.memberSays(GENERAL, ALICE.id, 'more spam');

    await general.messages.cache.get(spam.id)?.delete();
    expect(fake.message(spam.id)?.deleted).toBe(true);
    expect(fake.callsOf(`DELETE /channels/${GENERAL}/messages/${spam.id}`)).toMatchObject([{ status: 204 }]);

    await fake.setBotPermissions(GUILD, DEFAULT_BOT_PERMISSIONS & ~PermissionFlagsBits.ManageMessages);
    await expect(general.messages.cache.get(more.id)?.delete()).rejects.toMatchObject({ status: 403, code: 50013 });
    const own = await general.send('mine');
    await expect(own.delete()).resolves.toBe(own);
    await expect(general.messages.fetch(more.id)).resolves.toMatchObject({ content: 'more spam' });
    await expect(general.messages.fetch({ message: spam.id, force: true })).rejects.toMatchObject({ status: 404, code: 10008 });
  });

  it('GIVEN user.send THEN a DM channel is opened and posted to; a member DM reaches messageCreate; closed DMs are refused with 50007', async () => {
    const { fake, client } = await start();
    const alice = await client.users.fetch(ALICE.id);

    const dm = await alice.send('You were warned.');

    expect(fake.callsOf('POST /users/@me/channels')).toMatchObject([{ body: { recipient_id: ALICE.id }, status: 200 }]);
    expect(dm.channel.type).toBe(ChannelType.DM);
    expect(fake.openDm(ALICE.id)).toBe(dm.channelId);
    expect(fake.botMessages(dm.channelId)).toMatchObject([{ content: 'You were warned.', channel_id: dm.channelId }]);
    expect(fake.botMessages(dm.channelId)[0]).not.toHaveProperty('guild_id');

    // A DM channel discord.js has never seen reaches messageCreate only thanks to Partials.Channel.
    const seen: Message[] = [];
    client.on('messageCreate', (message) => void seen.push(message));
    await fake.memberSays(fake.openDm(MOD.id), MOD.id, 'is this true?');
    await fake.memberSays(dm.channelId, ALICE.id, 'why?');
    expect(seen.map((message) => [message.channel.isDMBased(), message.author.id, message.content])).toEqual([
      [true, MOD.id, 'is this true?'],
      [true, ALICE.id, 'why?'],
    ]);

    fake.closeDms(MOD.id);
    const mod = await client.users.fetch(MOD.id);
    await expect(mod.send('hello')).rejects.toMatchObject({ status: 403, code: 50007 });
  });

  it('GIVEN a file attachment THEN the multipart upload is parsed into payload_json and files', async () => {
    const { fake, general } = await start();

    const sent = await general.send({ content: 'weekly report', files: [{ attachment: Buffer.from('hi'), name: 'r.md', description: 'report' }] });

    const [call] = fake.callsOf(`POST /channels/${GENERAL}/messages`);
    expect(call?.body).toMatchObject({ content: 'weekly report', attachments: [{ id: '0', description: 'report' }] });
    expect(call?.files.map((file) => ({ ...file, data: file.data.toString('utf8') }))).toEqual([{ field: 'files[0]', name: 'r.md', contentType: expect.any(String), data: 'hi' }]);
    expect(sent.attachments.first()).toMatchObject({ name: 'r.md', size: 2, description: 'report' });
    expect(fake.botMessages(GENERAL)[0]?.files[0]?.data.toString('utf8')).toBe('hi');
  });

  it('GIVEN failNext 429 with retry_after THEN discord.js waits it out and retries by itself; other failures reject as given', async () => {
    const { fake, general } = await start();
    fake.failNext('POST', /^\/channels\/\d+\/messages$/, { status: 429, body: { message: 'You are being rate limited.', retry_after: 0.05, global: false } });

    const startedAt = Date.now();
    await expect(general.send('after the limit')).resolves.toMatchObject({ content: 'after the limit' });

    // discord.js itself sleeps retry_after (+ its 50 ms offset) before retrying.
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(50);
    expect(fake.callsOf(`POST /channels/${GENERAL}/messages`)).toMatchObject([{ status: 429, response: { retry_after: 0.05, global: false } }, { status: 200 }]);

    fake.failNext('POST', '/channels/:channel/messages', { status: 429, body: { retry_after: 0.02, global: true } });
    await expect(general.send('after the global limit')).resolves.toMatchObject({ content: 'after the global limit' });

    fake.failNext('POST', '/channels/:channel/messages', { status: 403, body: { message: 'Missing Access', code: 50001 } });
    await expect(general.send('refused')).rejects.toMatchObject({ status: 403, code: 50001 });
    expect(fake.botMessages(GENERAL).map((message) => message.content)).toEqual(['after the limit', 'after the global limit']);
  });

  it('GIVEN a wrong token THEN login rejects with TokenInvalid; the fake wants the token as discord.js sends it', async () => {
    fake = await startFake();
    const stranger = newClient(fake);
    clients.push(stranger);

    await expect(stranger.login('Bot-wrong-token')).rejects.toMatchObject({ code: 'TokenInvalid' });

    expect(fake.calls).toMatchObject([{ route: 'GET /gateway/bot', status: 401, response: { message: '401: Unauthorized', code: 0 } }]);
    // login() strips a leading "Bot", so 'Bot-token-for-tests' goes out as '-token-for-tests'.
    const asSent = await fetch(`${fake.restApi}/v10/users/@me`, { headers: { Authorization: 'Bot -token-for-tests' } });
    const verbatim = await fetch(`${fake.restApi}/v10/users/@me`, { headers: { Authorization: `Bot ${TOKEN}` } });
    expect([asSent.status, verbatim.status]).toEqual([200, 401]);
  });

  it('GIVEN two clients on shards 0 and 1 of 2 THEN each holds only its guilds and gets only their events', async () => {
    fake = await startFake();
    const first = newClient(fake, { shards: 0, shardCount: 2 });
    const second = newClient(fake, { shards: 1, shardCount: 2 });
    clients.push(first, second);
    await Promise.all([first.login(TOKEN), second.login(TOKEN)]);

    expect([...first.guilds.cache.keys()]).toEqual([GUILD]);
    expect([...second.guilds.cache.keys()]).toEqual([OTHER_GUILD]);
    expect(fake.identifies.map((identify) => identify.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(fake.connections).toBe(2);

    const seen: string[] = [];
    first.on('messageCreate', (message) => void seen.push(`first: ${message.content}`));
    second.on('messageCreate', (message) => void seen.push(`second: ${message.content}`));
    await fake.memberSays(OTHER_CHANNEL, ALICE.id, 'over here');
    await fake.memberSays(GENERAL, ALICE.id, 'over there');
    expect(seen).toEqual(['second: over here', 'first: over there']);
  });

  it('GIVEN an unknown route or no client THEN the fake answers 404 code 0, and member actions fail clearly', async () => {
    const { fake, client } = await start();

    await expect(client.rest.get('/nothing/here')).rejects.toMatchObject({ status: 404, code: 0, message: '404: Not Found' });
    expect(fake.callsOf('GET /nothing/here')).toMatchObject([{ status: 404, template: 'GET /nothing/here' }]);
    await expect(fake.memberSays(GENERAL, '42', 'who am I')).rejects.toThrow(/user 42 is unknown/);

    const lonely = await startFake();
    try {
      await expect(lonely.memberSays(GENERAL, ALICE.id, 'anyone?')).rejects.toThrow(/log a client in first/);
    } finally {
      await lonely.stop();
    }
  });
});
