import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonBuilder,
  ButtonStyle,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type Client,
  type Interaction,
  type TextChannel,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeDiscord } from './fakeDiscord.js';
import { ALICE, APP_ID, GENERAL, GUILD, MOD, newClient, startFake, TOKEN } from './testWorld.js';

/*
 * Interactions with the real discord.js Client: slash commands, context menu commands and
 * buttons arrive as INTERACTION_CREATE; the bot's answers (callback, webhook edits and
 * follow-ups) are recorded per interaction. Handlers are async, so each test awaits a promise
 * the handler settles instead of sleeping.
 */

let fake: FakeDiscord | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await fake?.stop();
  fake = undefined;
});

async function start(): Promise<{ fake: FakeDiscord; client: Client; general: TextChannel }> {
  fake = await startFake();
  client = newClient(fake);
  await client.login(TOKEN);
  return { fake, client, general: client.channels.cache.get(GENERAL) as TextChannel };
}

/** Run `handle` for the first interaction it accepts (returns true for); resolves when it finished. */
function handleOnce(client: Client, handle: (interaction: Interaction) => Promise<boolean>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    client.on('interactionCreate', (interaction) => {
      handle(interaction).then((handled) => handled && resolve(), reject);
    });
  });
}

describe('FakeDiscord interactions with a real discord.js Client', () => {
  it('GIVEN a slash command THEN isChatInputCommand, options, memberPermissions and locale are readable, and reply, editReply and followUp are recorded', async () => {
    const { fake, client } = await start();
    const seen: Record<string, unknown> = {};
    const done = handleOnce(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return false;
      Object.assign(seen, {
        name: interaction.commandName,
        text: interaction.options.getString('text'),
        who: interaction.options.getUser('who')?.username,
        whoRoles: interaction.options.getMember('who') !== null,
        canManage: interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages),
        canBan: interaction.memberPermissions?.has(PermissionFlagsBits.BanMembers),
        botCanModerate: interaction.appPermissions.has(PermissionFlagsBits.ModerateMembers),
        locale: interaction.locale,
        guildLocale: interaction.guildLocale,
        channelId: interaction.channelId,
        userId: interaction.user.id,
      });
      await interaction.reply({ content: 'Checked', flags: MessageFlags.Ephemeral });
      await interaction.editReply({ content: 'Checked twice' });
      await interaction.followUp({ content: 'Sources: …', flags: MessageFlags.Ephemeral });
      return true;
    });

    const { id } = await fake.slashCommand(
      GUILD,
      GENERAL,
      ALICE.id,
      'check',
      [
        { name: 'text', type: ApplicationCommandOptionType.String, value: 'the moon is cheese' },
        { name: 'who', type: ApplicationCommandOptionType.User, value: MOD.id },
      ],
      { memberPermissions: String(PermissionFlagsBits.ManageMessages), locale: 'zh-CN' },
    );
    await done;

    expect(seen).toEqual({
      name: 'check',
      text: 'the moon is cheese',
      who: 'mod',
      whoRoles: true,
      canManage: true,
      canBan: false,
      botCanModerate: true,
      locale: 'zh-CN',
      guildLocale: 'zh-CN',
      channelId: GENERAL,
      userId: ALICE.id,
    });
    const responses = fake.interactionResponses(id);
    expect(responses.callback).toMatchObject({ type: 4, data: { content: 'Checked', flags: MessageFlags.Ephemeral } });
    expect(responses.edits).toMatchObject([{ content: 'Checked twice' }]);
    expect(responses.followups).toMatchObject([{ content: 'Sources: …', flags: MessageFlags.Ephemeral }]);
    // The callback goes without the bot token and with ?with_response=false, as discord.js sends it.
    expect(fake.callsOf('POST /interactions/:interaction/:token/callback')).toMatchObject([{ status: 204, query: { with_response: 'false' } }]);
    expect(fake.callsOf(`PATCH /webhooks/${APP_ID}/:token/messages/@original`)).toHaveLength(0);
    expect(fake.callsOf('PATCH /webhooks/:app/:token/messages/:message')).toMatchObject([{ status: 200, response: { content: 'Checked twice' } }]);
  });

  it('GIVEN a button press on a bot message THEN isButton with the customId, and update() rewrites that message', async () => {
    const { fake, client, general } = await start();
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('rg:dismiss').setLabel('Dismiss').setStyle(ButtonStyle.Danger));
    const posted = await general.send({ content: 'Likely false', components: [row] });
    const seen: string[] = [];
    const done = handleOnce(client, async (interaction) => {
      if (!interaction.isButton()) return false;
      seen.push(interaction.customId, interaction.message.id, interaction.message.author.id);
      await interaction.update({ content: 'Dismissed', components: [] });
      return true;
    });

    const [botMessage] = fake.botMessages(GENERAL);
    if (!botMessage) throw new Error('the bot posted nothing');
    const { id } = await fake.pressButton(GUILD, GENERAL, MOD.id, botMessage, 'rg:dismiss');
    await done;

    expect(seen).toEqual(['rg:dismiss', posted.id, client.user?.id]);
    expect(fake.interactionResponses(id).callback).toMatchObject({ type: 7, data: { content: 'Dismissed', components: [] } });
    expect(fake.message(posted.id)).toMatchObject({ content: 'Dismissed', components: [] });
  });

  it('GIVEN a message context menu command THEN isMessageContextMenuCommand with the target message, and a deferred reply is edited', async () => {
    const { fake, client } = await start();
    const said = await fake.memberSays(GENERAL, ALICE.id, 'vaccines contain chips');
    const seen: string[] = [];
    const done = handleOnce(client, async (interaction) => {
      if (!interaction.isMessageContextMenuCommand()) return false;
      seen.push(interaction.commandName, interaction.targetId, interaction.targetMessage.content, interaction.targetMessage.author.id);
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.editReply('Reported, thanks.');
      return true;
    });

    const { id } = await fake.contextMenu(GUILD, GENERAL, MOD.id, 'Report rumor', said);
    await done;

    expect(seen).toEqual(['Report rumor', said.id, 'vaccines contain chips', ALICE.id]);
    const responses = fake.interactionResponses(id);
    expect(responses.callback).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect(responses.edits).toMatchObject([{ content: 'Reported, thanks.' }]);
  });

  it('GIVEN application.commands.set and guild.commands.set THEN the commands are stored with ids, and interactions carry the registered id', async () => {
    const { fake, client } = await start();
    const check = new SlashCommandBuilder()
      .setName('check')
      .setDescription('Check a claim')
      .addStringOption((option) => option.setName('text').setDescription('The claim').setRequired(true));

    const registered = await client.application?.commands.set([check, { name: 'Report rumor', type: ApplicationCommandType.Message }]);
    await client.guilds.cache.get(GUILD)?.commands.set([{ name: 'rg-admin', description: 'Admin tools', defaultMemberPermissions: PermissionFlagsBits.ManageGuild }]);

    expect(fake.callsOf(`PUT /applications/${APP_ID}/commands`)).toMatchObject([{ status: 200, body: [JSON.parse(JSON.stringify(check.toJSON())), { name: 'Report rumor', type: 3 }] }]);
    expect(fake.registeredCommands()).toMatchObject([
      { name: 'check', description: 'Check a claim', type: 1, application_id: APP_ID, options: [{ name: 'text', type: 3, required: true }] },
      { name: 'Report rumor', type: 3 },
    ]);
    expect(fake.registeredCommands(GUILD)).toMatchObject([{ name: 'rg-admin', guild_id: GUILD, default_member_permissions: String(PermissionFlagsBits.ManageGuild) }]);
    expect(registered?.map((command) => command.name).sort()).toEqual(['Report rumor', 'check']);

    const commandIds: string[] = [];
    const done = handleOnce(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return false;
      commandIds.push(interaction.commandId);
      await interaction.reply('ok');
      return true;
    });
    await fake.slashCommand(GUILD, GENERAL, ALICE.id, 'check', [{ name: 'text', type: ApplicationCommandOptionType.String, value: 'x' }]);
    await done;
    expect(commandIds).toEqual([fake.registeredCommands()[0]?.id]);

    await expect(client.application?.commands.set([{ name: 'Bad Name', description: 'x' }])).rejects.toMatchObject({ status: 400, code: 50035 });
  });

  it('GIVEN a second callback for one interaction THEN the fake refuses it with 40060, as Discord does', async () => {
    const { fake, client } = await start();
    const done = handleOnce(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return false;
      await interaction.reply('first');
      // Bypass discord.js's own "already replied" guard to reach the API.
      await client.rest.post(`/interactions/${interaction.id}/${interaction.token}/callback`, { body: { type: 4, data: { content: 'second' } }, auth: false });
      return true;
    });

    await fake.slashCommand(GUILD, GENERAL, ALICE.id, 'check');

    await expect(done).rejects.toMatchObject({ status: 400, code: 40060 });
  });
});
