import { gunzipSync } from 'node:zlib';
import { PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { FIVE_G_ID, FIVE_G_SOURCE, TEXT } from '../../engine/harness.js';
import { ALICE, APP, BOB, BOT_PERMISSIONS, CHANNEL, type DiscordHarness, GUILD, MOD, MODS, OWNER, THREAD, startDiscordBot } from './discordHarness.js';

let h: DiscordHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const NO_PINGS = { parse: [], users: [], roles: [], replied_user: false };
const MANAGE_GUILD = String(PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages);
const MEMBER = String(PermissionFlagsBits.SendMessages);

describe('Discord: a known rumor', () => {
  it('GIVEN a member posts a known rumor THEN the bot replies with an embed and three buttons, pings nobody, AND the incident is in the ledger', async () => {
    h = await startDiscordBot();
    const message = await h.says(ALICE.id, TEXT.fiveG);
    const [reply, ...rest] = h.sentTo(CHANNEL);
    expect(rest).toEqual([]);
    expect(reply?.sent).toMatchObject({ message_reference: { message_id: message.id, fail_if_not_exists: false }, allowed_mentions: NO_PINGS });
    expect(reply?.embeds[0]).toMatchObject({ title: 'ℹ️ Fact check: rated false' });
    expect(JSON.stringify(reply?.embeds[0]?.fields)).toContain(FIVE_G_SOURCE);
    const buttons = (reply?.components?.[0] as { components: { label: string; custom_id: string }[] }).components;
    expect(buttons.map((b) => b.label)).toEqual(['Sources', 'Not a rumor?', 'Report']);
    const [incident] = await h.incidents();
    expect(incident).toMatchObject({ platform: 'discord', groupId: GUILD, messageId: message.id, member: { id: ALICE.id, name: 'Alice' }, debunkId: FIVE_G_ID, link: `https://discord.com/channels/${GUILD}/${CHANNEL}/${message.id}` });
  });

  it('GIVEN a member posts two rumors in one message THEN one reply carries an embed for each, within Discord\'s limits, AND the ledger names both', async () => {
    h = await startDiscordBot();
    await h.says(ALICE.id, `${TEXT.garlic}. Also mosquitoes spread the coronavirus, so use a net.`);
    const [reply, ...rest] = h.sentTo(CHANNEL);
    expect(rest).toEqual([]);
    expect(reply?.sent).toMatchObject({ allowed_mentions: NO_PINGS });
    const embeds = (reply?.embeds ?? []) as { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
    expect(embeds).toHaveLength(2);
    expect(JSON.stringify(embeds)).toMatch(/garlic/i);
    expect(JSON.stringify(embeds)).toMatch(/mosquito/i);
    const size = (e: (typeof embeds)[number]) => (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(embeds.reduce((n, e) => n + size(e), 0)).toBeLessThanOrEqual(6000);
    const [incident] = await h.incidents();
    expect(incident).toMatchObject({ debunkId: 'garlic-prevents-infection', also: [expect.objectContaining({ debunkId: 'mosquitoes-spread-coronavirus' })] });
  });

  it('GIVEN a rumor in a thread THEN the reply goes to the thread', async () => {
    h = await startDiscordBot();
    await h.says(ALICE.id, TEXT.garlic, THREAD);
    expect(h.sentTo(THREAD)).toHaveLength(1);
  });

  it('GIVEN an edit that turns small talk into a rumor THEN it is checked again and answered', async () => {
    h = await startDiscordBot();
    const message = await h.says(ALICE.id, TEXT.chatter);
    expect(h.sentTo(CHANNEL)).toEqual([]);
    await h.edits(CHANNEL, message.id, TEXT.fiveG);
    expect(h.sentTo(CHANNEL)[0]?.sent).toMatchObject({ message_reference: { message_id: message.id } });
  });

  it('GIVEN a member who refutes the rumor THEN no warning and no strike', async () => {
    h = await startDiscordBot({ enforceAll: true });
    await h.says(BOB.id, 'This is a hoax: 5G towers spread the coronavirus is false');
    expect(h.sentTo(CHANNEL)).toEqual([]);
    expect(await h.engine.strikesOf(GUILD, BOB.id)).toEqual([]);
  });

  it('GIVEN every action enabled WHEN a member repeats a rumor three times THEN a warning, then a 1 h timeout and an alert to the owner by DM', async () => {
    h = await startDiscordBot({ enforceAll: true });
    const before = Date.now();
    for (let i = 0; i < 3; i++) await h.says(ALICE.id, TEXT.fiveG);
    const texts = h.sentTo(CHANNEL).map((m) => m.content);
    expect(texts).toContain('Alice, please check before sharing: this is strike 2. Strikes expire after 30 days; repeated rumors can lead to a mute.');
    const [timeout] = h.fake.callsOf(`PATCH /guilds/${GUILD}/members/${ALICE.id}`);
    const until = Date.parse((timeout?.body as { communication_disabled_until: string }).communication_disabled_until);
    expect(until - before).toBeGreaterThanOrEqual(3_600_000 - 5_000);
    expect(until - before).toBeLessThan(3_600_000 + 60_000);
    const dms = h.fake.botMessages().filter((m) => m.channel_id !== CHANNEL && m.channel_id !== THREAD);
    expect(dms).toHaveLength(1);
    expect(dms[0]?.embeds[0]?.description).toContain(`Alice posted a known rumor, “5G towers spread the coronavirus” (${FIVE_G_ID}, score 1.00), strike 3.`);
    expect(h.fake.callsOf('POST /users/@me/channels')[0]?.body).toEqual({ recipient_id: OWNER.id });
  });

  it('GIVEN a member timed out by the ladder WHEN a moderator pardons them THEN the timeout ends too, the answer says so, and so does the ledger', async () => {
    h = await startDiscordBot({ enforceAll: true });
    for (let i = 0; i < 3; i++) await h.says(ALICE.id, `${TEXT.fiveG} (${i})`);
    expect(Date.parse(h.fake.member(GUILD, ALICE.id).communication_disabled_until ?? '')).toBeGreaterThan(Date.now());
    const ref = await h.fake.slashCommand(GUILD, CHANNEL, MOD.id, 'rumorguard', [{ type: 1, name: 'pardon', options: [{ type: 6, name: 'member', value: ALICE.id }] }], { memberPermissions: MANAGE_GUILD });
    expect((await h.answered(ref)).edits).toEqual([expect.objectContaining({ content: `OK: removed 3 strike(s) of ${ALICE.id}\nTheir mute is lifted.` })]);
    expect(h.fake.member(GUILD, ALICE.id).communication_disabled_until).toBeNull();
    expect((await h.records()).find((r) => r.type === 'admin' && r.action === 'pardon')).toMatchObject({ detail: `pardoned ${ALICE.id} (3); mute lifted` });
  });

  it('GIVEN another bot or a webhook posts a rumor THEN it is ignored', async () => {
    h = await startDiscordBot();
    h.fake.addUser({ id: '200000000000000099', username: 'otherbot', bot: true });
    h.fake.addMember(GUILD, '200000000000000099');
    const fromBot = await h.fake.memberSays(CHANNEL, '200000000000000099', TEXT.fiveG);
    const fromHook = await h.fake.memberSays(CHANNEL, ALICE.id, TEXT.fiveG, { webhookId: '400000000000000001' });
    await h.adapter.whenHandled(fromBot.id);
    await h.adapter.whenHandled(fromHook.id);
    await h.adapter.idle();
    expect(h.sentTo(CHANNEL)).toEqual([]);
  });
});

describe('Discord: slash commands, buttons and the context menu', () => {
  it('GIVEN the commands are registered THEN /rumorguard needs Manage Server, /check and "Report as rumor" do not', async () => {
    h = await startDiscordBot();
    const names = (h.fake.registeredCommands() as { name: string; default_member_permissions?: string | null }[]).map((c) => [c.name, c.default_member_permissions ?? null]);
    expect(names).toEqual([
      ['rumorguard', String(PermissionFlagsBits.ManageGuild)],
      ['check', null],
      ['Report as rumor', null],
    ]);
    expect(APP).toBeDefined();
  });

  it('GIVEN the bot added to a server THEN it says once what it does and how to set it up (as on Telegram); a Chinese server hears it in Chinese', async () => {
    // Regression (QA): Telegram explained itself when added to a group, Discord said nothing.
    h = await startDiscordBot();
    await h.fake.addGuild({ id: '1100000000008388608', name: 'Newcomers', ownerId: MOD.id, channels: [{ id: '1100000000008388609', name: 'lobby' }] });
    await h.fake.addGuild({ id: '1100000000008388616', name: '新群', ownerId: MOD.id, preferredLocale: 'zh-CN', channels: [{ id: '1100000000008388617', name: '大厅' }] });
    await h.adapter.idle();
    const [welcome, ...more] = h.sentTo('1100000000008388609');
    expect(more).toEqual([]);
    expect(welcome?.sent).toMatchObject({ content: expect.stringContaining('Managers: /rumorguard help lists the settings.'), allowed_mentions: NO_PINGS });
    expect(h.sentTo('1100000000008388617')[0]?.sent).toMatchObject({ content: expect.stringContaining('/rumorguard help 列出所有设置') });
    // Already a member when it starts: no welcome in the harness's own server.
    expect(h.sentTo(CHANNEL)).toEqual([]);
  });

  it('GIVEN a manager who types "/rg help" as text (as on Telegram) THEN they are told the settings are slash commands, once in a while; a member\'s "/rg" text gets nothing', async () => {
    // Regression (QA): "/rg …" typed as text on Discord was ignored without a word.
    h = await startDiscordBot();
    const typed = await h.says(MOD.id, '/rg help');
    const [hint, ...more] = h.sentTo(CHANNEL);
    expect(more).toEqual([]);
    expect(hint?.sent).toMatchObject({ content: expect.stringContaining('type /rumorguard and pick one'), message_reference: { message_id: typed.id }, allowed_mentions: NO_PINGS });
    await h.says(MOD.id, '/rg status');
    await h.says(ALICE.id, '/rg mode observe');
    expect(h.sentTo(CHANNEL)).toEqual([]);
    expect(await h.records()).toEqual([]);
  });

  it('GIVEN a member with Manage Server WHEN /rumorguard mode observe THEN it is applied, answered privately, and ledgered', async () => {
    h = await startDiscordBot();
    const ref = await h.fake.slashCommand(GUILD, CHANNEL, MOD.id, 'rumorguard', [{ type: 1, name: 'mode', options: [{ type: 3, name: 'mode', value: 'observe' }] }], { memberPermissions: MANAGE_GUILD });
    const answer = await h.answered(ref);
    // Acknowledged at once (Discord's 3 s deadline), privately, then answered by editing it.
    expect(answer.callback).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(answer.edits).toEqual([expect.objectContaining({ content: 'OK: mode observe', allowed_mentions: NO_PINGS })]);
    expect((await h.engine.settingsFor(GUILD)).mode).toBe('observe');
    expect((await h.records())[0]).toMatchObject({ type: 'admin', action: 'mode', by: { kind: 'admin', id: MOD.id } });
  });

  it('GIVEN the settings Telegram has (soft replies, repeat window, answer threshold, telling reporters) THEN /rumorguard sets them too, each ledgered', async () => {
    // Regression (QA): /rumorguard had no softreply, repeat, threshold answer or tellreporter.
    h = await startDiscordBot();
    const run = async (name: string, options: { type: number; name: string; value: string | number }[] = []) =>
      (await h!.answered(await h!.fake.slashCommand(GUILD, CHANNEL, MOD.id, 'rumorguard', [{ type: 1, name, options }], { memberPermissions: MANAGE_GUILD }))).edits.at(-1)?.content;
    expect(await run('softreply', [{ type: 3, name: 'setting', value: 'on' }])).toBe('OK: soft replies on');
    expect(await run('repeat', [{ type: 4, name: 'minutes', value: 30 }, { type: 3, name: 'later', value: 'silent' }])).toBe('OK: repeat window 30 min, then silent');
    expect(await run('threshold', [{ type: 10, name: 'answer', value: 0.6 }])).toBe('OK: answer threshold 0.6');
    expect(await run('tellreporter', [{ type: 3, name: 'setting', value: 'on' }])).toMatch(/^OK: tell reporters of rejected reports on/);
    const settings = await h.engine.settingsFor(GUILD);
    expect([settings.softReply, settings.repeat, settings.thresholds.answer, settings.review.tellReporter]).toEqual([true, { windowMinutes: 30, later: 'silent' }, 0.6, true]);
    expect((await h.records()).map((r) => (r.type === 'admin' ? r.action : r.type))).toEqual(['softreply', 'repeat', 'threshold', 'tellreporter']);
  });

  it('GIVEN /rumorguard help in a Chinese server THEN every subcommand with its options, in Chinese, in embeds within Discord\'s limits; nothing of the Telegram help', async () => {
    // Regression (QA t5): the help was Telegram's with "/rg" rewritten: "/rumorguard accept <id> | …",
    // "(or: /rumorguard lang …)", and no incidents, export or alerts.
    h = await startDiscordBot({ preferredLocale: 'zh-CN' });
    await h.engine.configure(GUILD, { language: 'zh' });
    const ref = await h.fake.slashCommand(GUILD, CHANNEL, MOD.id, 'rumorguard', [{ type: 1, name: 'help' }], { memberPermissions: MANAGE_GUILD });
    const answer = await h.answered(ref);
    expect(answer.callback).toMatchObject({ type: 5, data: { flags: 64 } });
    const embeds = (answer.edits.at(-1)?.embeds ?? []) as { title?: string; description?: string }[];
    expect(embeds[0]?.title).toBe('RumorGuard 的命令（[ ] 中的选项可以不填）');
    const help = embeds.map((e) => e.description ?? '').join('\n');
    for (const form of ['`/rumorguard incidents [count:<1-20>]` 最近的事件记录', '`/rumorguard export`', '`/rumorguard alerts [channel:<#频道>]`', '`/rumorguard resolve item:<文字> decision:accept|reject']) {
      expect(help).toContain(form);
    }
    expect(help).not.toMatch(/\/rg |\/rumorguard accept|\(or|或：/);
    expect(embeds.reduce((n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0), 0)).toBeLessThanOrEqual(6000);
  });

  it('GIVEN a member without Manage Server (the default permission bypassed) THEN the command is refused and nothing changes', async () => {
    h = await startDiscordBot();
    const ref = await h.fake.slashCommand(GUILD, CHANNEL, ALICE.id, 'rumorguard', [{ type: 1, name: 'mode', options: [{ type: 3, name: 'mode', value: 'observe' }] }], { memberPermissions: MEMBER });
    expect((await h.answered(ref)).callback).toMatchObject({ data: { content: 'Only members with the Manage Server permission can configure RumorGuard.', flags: 64 } });
    expect((await h.engine.settingsFor(GUILD)).mode).toBe('enforce');
    expect(await h.records()).toEqual([]);
  });

  it('GIVEN /rumorguard export THEN the verified report comes back as a file only the admin sees, and the export is ledgered', async () => {
    h = await startDiscordBot();
    await h.says(ALICE.id, TEXT.fiveG);
    const ref = await h.fake.slashCommand(GUILD, CHANNEL, MOD.id, 'rumorguard', [{ type: 1, name: 'export' }], { memberPermissions: MANAGE_GUILD });
    const answer = await h.answered(ref);
    expect(answer.callback).toMatchObject({ type: 5, data: { flags: 64 } });
    // The incident and the outcome of its refutation.
    expect(answer.edits).toEqual([expect.objectContaining({ content: 'RumorGuard ledger of Town hall: 2 entries, chain verified.' })]);
    const calls = h.fake.callsOf(new RegExp('^PATCH /webhooks/'));
    const file = calls[0]?.files[0];
    expect(file?.name).toMatch(/^rumorguard-100000000000000010-\d{4}-\d\d-\d\d\.md$/);
    expect(file?.data.toString('utf8')).toContain('# RumorGuard management report');
    expect((await h.records()).at(-1)).toMatchObject({ type: 'admin', action: 'export' });
  });

  it('GIVEN a report over the upload limit THEN it comes gzip-compressed, and too large even so THEN the admin is told where to download it', async () => {
    h = await startDiscordBot({ uploadLimitBytes: 1_500 });
    for (const text of [TEXT.fiveG, TEXT.garlic, TEXT.whatsapp, TEXT.fiveG, TEXT.garlic, TEXT.whatsapp]) await h.says(ALICE.id, text);
    const exportNow = async () => h!.answered(await h!.fake.slashCommand(GUILD, CHANNEL, MOD.id, 'rumorguard', [{ type: 1, name: 'export' }], { memberPermissions: MANAGE_GUILD }));
    const compressed = await exportNow();
    expect(compressed.edits[0]?.content).toMatch(/^RumorGuard ledger of Town hall: \d+ entries, chain verified\. The report is gzip-compressed \(\d(\.\d)? kB\)/);
    const file = h.fake.callsOf(new RegExp('^PATCH /webhooks/'))[0]?.files[0];
    expect(file?.name).toMatch(/\.md\.gz$/);
    expect(gunzipSync(file!.data).toString('utf8')).toContain('# RumorGuard management report');
    expect((await h.records()).at(-1)).toMatchObject({ type: 'admin', action: 'export' });
    await h.stop();

    h = await startDiscordBot({ uploadLimitBytes: 200 });
    await h.says(ALICE.id, TEXT.fiveG);
    const before = (await h.records()).length;
    const tooLarge = await exportNow();
    expect(tooLarge.edits[0]?.content).toMatch(/^The ledger report is \d(\.\d)? kB, more than Discord lets a bot attach \(200 bytes\) even compressed\./);
    expect(h.fake.callsOf(new RegExp('^PATCH /webhooks/')).flatMap((c) => c.files)).toEqual([]);
    expect((await h.records()).length).toBe(before);
  });

  it('GIVEN /check text: THEN the asker alone gets the match', async () => {
    h = await startDiscordBot();
    const ref = await h.fake.slashCommand(GUILD, CHANNEL, ALICE.id, 'check', [{ type: 3, name: 'text', value: TEXT.fiveG }], { memberPermissions: MEMBER });
    const answer = await h.answered(ref);
    expect(answer.callback).toMatchObject({ data: { content: 'This resembles known, refuted claims:', flags: 64 } });
    expect(JSON.stringify(answer.callback)).toContain(FIVE_G_SOURCE);
    expect(await h.records()).toEqual([]);
  });

  it('GIVEN "Not a rumor?" pressed by two members (one twice), "Report", and the context menu THEN the queue holds them once each', async () => {
    h = await startDiscordBot();
    const rumor = await h.says(ALICE.id, TEXT.fiveG);
    const [reply] = h.sentTo(CHANNEL);
    const press = async (user: string, id: string) => (await h!.answered(await h!.fake.pressButton(GUILD, CHANNEL, user, reply!, id))).callback;
    const dispute = `rg:n:${rumor.id}:${FIVE_G_ID}`;
    expect(await press(ALICE.id, dispute)).toMatchObject({ data: { content: 'Thanks: your objection is queued for the moderators (1 so far).', flags: 64 } });
    expect(await press(ALICE.id, dispute)).toMatchObject({ data: { content: 'You already objected to this one.' } });
    expect(await press(BOB.id, dispute)).toMatchObject({ data: { content: 'Thanks: your objection is queued for the moderators (2 so far).' } });
    expect(await press(BOB.id, `rg:r:${rumor.id}:${FIVE_G_ID}`)).toMatchObject({ data: { content: 'Thanks: the moderators will review this message.' } });
    const menu = await h.fake.contextMenu(GUILD, CHANNEL, MOD.id, 'Report as rumor', rumor);
    expect((await h.answered(menu)).callback).toMatchObject({ data: { content: 'Thanks: the moderators will review this message.' } });
    const open = await h.moderator.feedback!.open(GUILD);
    // The report from under the refutation names the rumor it was answered with (real-client QA).
    expect(open.filter((i) => i.kind === 'report').map((i) => i.debunkId)).toEqual([FIVE_G_ID, undefined]);
    expect(open.map((i) => [i.kind, i.by.id])).toEqual([
      ['not_a_rumor', ALICE.id],
      ['not_a_rumor', BOB.id],
      ['report', BOB.id],
      ['report', MOD.id],
    ]);
    const sources = await press(BOB.id, `rg:s:${FIVE_G_ID}`);
    expect(JSON.stringify(sources)).toContain('www.who.int');
    // The bot's own refutation has no text of a member's to review: not queued, and the member is
    // told what to report instead (real-client QA: "That message has no text to report.").
    const own = await h.fake.contextMenu(GUILD, CHANNEL, MOD.id, 'Report as rumor', reply!);
    expect((await h.answered(own)).callback).toMatchObject({
      data: { content: "That is RumorGuard's own reply. To report a rumor, report the member's message; if the reply is wrong, press \"Not a rumor?\" under it." },
    });
    expect(await h.moderator.feedback!.open(GUILD)).toHaveLength(4);
  });
});

describe('Discord: alerts, deletions and language', () => {
  it('GIVEN /rumorguard alerts channel:#mods THEN owner alerts go to that channel, not to the owner\'s DMs', async () => {
    h = await startDiscordBot({ enforceAll: true });
    const ref = await h.fake.slashCommand(GUILD, CHANNEL, MOD.id, 'rumorguard', [{ type: 1, name: 'alerts', options: [{ type: 7, name: 'channel', value: MODS }] }], { memberPermissions: MANAGE_GUILD });
    expect((await h.answered(ref)).edits).toEqual([expect.objectContaining({ content: `Owner alerts will be posted in <#${MODS}>.` })]);
    for (let i = 0; i < 3; i++) await h.says(ALICE.id, TEXT.fiveG);
    expect(h.sentTo(MODS).map((m) => m.embeds[0]?.title)).toEqual(['Known rumor in Town hall']);
    expect(h.fake.callsOf('POST /users/@me/channels')).toEqual([]);
    expect((await h.records()).find((r) => r.type === 'admin')).toMatchObject({ action: 'alerts', detail: `owner alerts to channel ${MODS}` });
  });

  it('GIVEN an alert channel the bot can no longer post in THEN the owner gets the alert by direct message, the ledger says it was done, and the owner is told by DM that the bot cannot post', async () => {
    h = await startDiscordBot({ enforceAll: true });
    await h.answered(await h.fake.slashCommand(GUILD, CHANNEL, MOD.id, 'rumorguard', [{ type: 1, name: 'alerts', options: [{ type: 7, name: 'channel', value: MODS }] }], { memberPermissions: MANAGE_GUILD }));
    h.fake.failNext('POST', `/channels/${MODS}/messages`, { status: 403, body: { message: 'Missing Access', code: 50001 } }, 50);
    for (let i = 0; i < 3; i++) await h.says(ALICE.id, TEXT.fiveG);
    await h.adapter.idle();
    expect(h.fake.callsOf('POST /users/@me/channels').map((c) => c.body)).toContainEqual({ recipient_id: OWNER.id });
    const dms = h.fake.botMessages().filter((m) => m.channel_id !== CHANNEL && m.channel_id !== MODS);
    expect(dms.some((m) => m.embeds[0]?.title === 'Known rumor in Town hall')).toBe(true);
    expect(dms.some((m) => /could not post its replies/.test(m.content))).toBe(true);
    const outcomes = (await h.records()).flatMap((r) => (r.type === 'outcome' ? r.actions : []));
    expect(outcomes.find((a) => a.type === 'alert_owners')).toMatchObject({ status: 'done' });
  });

  it('GIVEN deletion enabled and permitted THEN the rumor is deleted', async () => {
    h = await startDiscordBot({ enforceAll: true });
    await h.engine.configure(GUILD, { ladder: { default: [['reply_refutation', 'delete']] } });
    const message = await h.says(ALICE.id, TEXT.fiveG);
    expect(h.fake.callsOf(`DELETE /channels/${CHANNEL}/messages/${message.id}`).map((c) => c.status)).toEqual([204]);
  });

  it('GIVEN a server whose preferred locale is Chinese THEN the bot\'s own answers are in Chinese', async () => {
    h = await startDiscordBot({ preferredLocale: 'zh-CN' });
    const ref = await h.fake.slashCommand(GUILD, CHANNEL, ALICE.id, 'rumorguard', [{ type: 1, name: 'status' }], { memberPermissions: MEMBER });
    expect((await h.answered(ref)).callback).toMatchObject({ data: { content: '只有拥有“管理服务器”权限的成员可以设置 RumorGuard。' } });
  });
});

describe('Discord: missing permissions', () => {
  it('GIVEN the bot may not delete messages WHEN two deletions are due THEN the owner is told once, each refusal is ledgered, and the refutations still go out', async () => {
    h = await startDiscordBot({ enforceAll: true, botPermissions: BOT_PERMISSIONS & ~PermissionFlagsBits.ManageMessages });
    await h.engine.configure(GUILD, { ladder: { default: [['reply_refutation', 'delete']] } });
    await h.says(ALICE.id, TEXT.fiveG);
    await h.says(BOB.id, TEXT.garlic);
    expect(h.fake.callsOf(new RegExp(`^DELETE /channels/${CHANNEL}/messages/`)).map((c) => c.status)).toEqual([403, 403]);
    const dms = h.fake.botMessages().filter((m) => m.channel_id !== CHANNEL);
    expect(dms.map((m) => m.content)).toEqual([
      'RumorGuard could not delete messages in Town hall: it lacks the "Manage Messages" permission. Grant it (Server Settings → Roles); meanwhile every incident is still logged.',
    ]);
    // Each refusal is the outcome of its incident's deletion, with Discord's own words.
    const deletions = (await h.records()).flatMap((r) => (r.type === 'outcome' ? r.actions : [])).filter((a) => a.type === 'delete');
    expect(deletions).toEqual([
      expect.objectContaining({ status: 'failed', error: 'Missing Permissions' }),
      expect.objectContaining({ status: 'failed', error: 'Missing Permissions' }),
    ]);
    expect(h.sentTo(CHANNEL).filter((m) => m.embeds.length > 0)).toHaveLength(2);
  });

  it('GIVEN a member above the bot (Discord refuses the timeout with "Missing Permissions" though the bot holds Timeout Members) THEN the mute is ledgered failed, and the owner is not told to grant a permission the bot has', async () => {
    h = await startDiscordBot({ enforceAll: true });
    await h.engine.configure(GUILD, { ladder: { default: [['reply_refutation', 'mute 1h']] } });
    h.fake.failNext('PATCH', new RegExp(`^/guilds/${GUILD}/members/\\d+$`), { status: 403, body: { message: 'Missing Permissions', code: 50013 } }, 5);
    await h.says(ALICE.id, TEXT.fiveG);
    await h.adapter.idle();
    const mutes = (await h.records()).flatMap((r) => (r.type === 'outcome' ? r.actions : [])).filter((a) => a.type === 'mute');
    expect(mutes).toEqual([expect.objectContaining({ status: 'failed', error: 'Missing Permissions' })]);
    expect(h.fake.botMessages().filter((m) => /lacks the/.test(m.content))).toEqual([]);
  });

  it('GIVEN replies refused for want of Read Message History (160002) THEN the owner is told that permission by DM, once, and the refusal is ledgered', async () => {
    h = await startDiscordBot();
    h.fake.failNext('POST', `/channels/${CHANNEL}/messages`, { status: 400, body: { message: 'Cannot reply without permission to read message history', code: 160002 } }, 2);
    await h.says(ALICE.id, TEXT.fiveG);
    await h.says(BOB.id, TEXT.garlic);
    await h.adapter.idle();
    const dms = h.fake.botMessages().filter((m) => m.channel_id !== CHANNEL);
    expect(dms.map((m) => m.content)).toEqual([expect.stringContaining('it lacks the "Read Message History" permission')]);
    const replies = (await h.records()).flatMap((r) => (r.type === 'outcome' ? r.actions : [])).filter((a) => a.type === 'reply_refutation');
    expect(replies.map((a) => a.status)).toEqual(['failed', 'failed']);
  });

  it('GIVEN the bot may not post in threads WHEN two rumors there need replies THEN the owner is told once and nothing crashes', async () => {
    h = await startDiscordBot({ botPermissions: BOT_PERMISSIONS & ~PermissionFlagsBits.SendMessagesInThreads });
    await h.says(ALICE.id, TEXT.fiveG, THREAD);
    await h.says(BOB.id, TEXT.garlic, THREAD);
    await h.adapter.idle();
    expect(h.fake.callsOf(`POST /channels/${THREAD}/messages`).map((c) => c.status)).toEqual([403, 403]);
    const dms = h.fake.botMessages().filter((m) => m.channel_id !== THREAD && m.channel_id !== CHANNEL);
    expect(dms.map((m) => m.content)).toEqual([
      'RumorGuard could not post its replies in Town hall: it lacks the "Send Messages (in Threads)" permission. Grant it (Server Settings → Roles); meanwhile every incident is still logged.',
    ]);
    expect(await h.incidents()).toHaveLength(2);
  });
});

describe('Discord: stopping', () => {
  it('GIVEN a reply waiting out a 429 with a long retry_after WHEN the bot stops THEN it stops within its grace instead of waiting for the retry', async () => {
    h = await startDiscordBot();
    h.fake.failNext('POST', `/channels/${CHANNEL}/messages`, { status: 429, body: { retry_after: 30, global: false } }, 1);
    const message = await h.fake.memberSays(CHANNEL, ALICE.id, TEXT.fiveG);
    await h.adapter.whenHandled(message.id);
    await h.adapter.stop(500);
    // The retry (30 s later) never came: stop did not wait for it.
    expect(h.fake.callsOf(`POST /channels/${CHANNEL}/messages`)).toHaveLength(1);
  });
});

describe('Discord: updates that are no edit', () => {
  it('GIVEN a link preview attached to a message discord.js no longer has in its cache THEN it is not checked again: one incident, not two', async () => {
    h = await startDiscordBot();
    const message = await h.says(ALICE.id, `${TEXT.fiveG} https://example.com/article`);
    // Evicted from the cache (a restart, or a busy channel): the update comes without the old text.
    (h.adapter.client.channels.cache.get(CHANNEL) as unknown as { messages: { cache: Map<string, unknown> } }).messages.cache.clear();
    const stored = h.fake.message(message.id) as unknown as Record<string, unknown>;
    await h.fake.sendEvent(GUILD, 'MESSAGE_UPDATE', { ...stored, embeds: [{ type: 'link', url: 'https://example.com/article', title: 'Article' }] });
    await h.adapter.whenHandled(message.id);
    await h.adapter.idle();
    expect(await h.incidents()).toHaveLength(1);
    // A real edit of it is still checked.
    await h.edits(CHANNEL, message.id, 'never mind, wrong chat');
    expect(await h.incidents()).toHaveLength(1);
    await h.edits(CHANNEL, message.id, TEXT.garlic);
    expect((await h.incidents()).map((i) => i.debunkId)).toHaveLength(2);
  });
});

describe('Discord: exempt channels', () => {
  it('GIVEN a channel exempt THEN a rumor in one of its threads is exempt too: no strike', async () => {
    h = await startDiscordBot({ enforceAll: true });
    await h.engine.configure(GUILD, { exemptions: { channels: [CHANNEL] } });
    await h.says(BOB.id, TEXT.garlic, THREAD);
    expect(await h.engine.strikesOf(GUILD, BOB.id)).toEqual([]);
    const [incident] = await h.incidents();
    expect(incident?.actions.some((a) => a.type === 'warn')).toBe(false);
  });
});
