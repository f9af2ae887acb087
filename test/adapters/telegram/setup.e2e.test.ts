import { afterEach, describe, expect, it } from 'vitest';
import { FIVE_G_ID, TEXT } from '../../engine/harness.js';
import { ALICE, type BotHarness, GROUP, GROUP_ID, OWNER, startBot } from './botHarness.js';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('Telegram: connecting', () => {
  it('GIVEN a launch THEN the webhook is set with a secret, and command menus are registered per audience in English and Chinese', async () => {
    h = await startBot();
    expect(h.fake.webhookUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/telegram$/);
    expect(h.fake.callsOf('setWebhook')[0]?.body).toMatchObject({ secret_token: 'test-secret_0', allowed_updates: ['message', 'edited_message', 'callback_query', 'my_chat_member'] });
    expect(h.fake.myCommands({ type: 'all_group_chats' }).map((c) => c.command)).toEqual(['report', 'check']);
    expect(h.fake.myCommands({ type: 'all_chat_administrators' }).map((c) => c.command)).toEqual(['rg', 'report', 'check']);
    expect(h.fake.myCommands({ type: 'all_private_chats' }, 'zh').map((c) => c.description)).toContain('查证一段文字是否为已知谣言');
    expect(h.fake.callsOf('setMyCommands')).toHaveLength(6);
  });

  it('GIVEN the bot added to a group (as an admin) THEN it says once what it does and how to set it up, in the adder\'s language; promoted later, nothing more', async () => {
    h = await startBot();
    const base = { chat: h.fake.chat(GROUP.id), from: { ...h.fake.user(OWNER.id), language_code: 'zh-hans' }, date: Math.floor(Date.now() / 1000) };
    const admin = { ...h.fake.member(GROUP.id, h.fake.botUser.id), status: 'administrator' } as never;
    await h.fake.sendUpdate({ my_chat_member: { ...base, old_chat_member: { user: h.fake.botUser, status: 'left' }, new_chat_member: admin } });
    await h.adapter.idle();
    const [welcome, ...more] = h.sentTo(GROUP.id).map((m) => m.text ?? '');
    expect(more).toEqual([]);
    expect(welcome).toMatch(/^RumorGuard 已加入。/);
    expect(welcome).toContain('/rg help');
    await h.fake.sendUpdate({ my_chat_member: { ...base, old_chat_member: { user: h.fake.botUser, status: 'member' }, new_chat_member: admin } });
    await h.adapter.idle();
    expect(h.sentTo(GROUP.id)).toEqual([]);
  });

  it('GIVEN privacy mode is on WHEN the bot is added as a plain member THEN it tells the group it cannot see messages; as an admin it says nothing', async () => {
    h = await startBot({ canReadAllGroupMessages: false });
    const base = { chat: h.fake.chat(GROUP.id), from: h.fake.user(OWNER.id), date: Math.floor(Date.now() / 1000) };
    const left = { user: h.fake.botUser, status: 'left' as const };
    await h.fake.sendUpdate({ my_chat_member: { ...base, old_chat_member: left, new_chat_member: { user: h.fake.botUser, status: 'member' } } });
    await h.adapter.idle();
    expect(h.sentTo(GROUP.id).map((m) => m.text)).toEqual([expect.stringMatching(/^RumorGuard cannot see the messages in this group: make it an admin, or turn off privacy mode/)]);
    await h.fake.sendUpdate({
      my_chat_member: {
        ...base,
        old_chat_member: { user: h.fake.botUser, status: 'member' },
        new_chat_member: { ...h.fake.member(GROUP.id, h.fake.botUser.id), status: 'administrator' } as never,
      },
    });
    await h.adapter.idle();
    expect(h.sentTo(GROUP.id)).toEqual([]);
  });
});

describe('Telegram: a group upgraded to a supergroup', () => {
  it('GIVEN settings and an alert link WHEN the group migrates THEN both move to the new id, and both ledgers record it', async () => {
    h = await startBot();
    await h.fake.sendCommand(GROUP.id, OWNER.id, '/rg lang zh');
    await h.adapter.alerts.link(GROUP.id, OWNER.id);
    const NEW = -1009999999999;
    await h.fake.sendUpdate({ message: { message_id: 999, date: Math.floor(Date.now() / 1000), chat: h.fake.chat(GROUP.id), from: h.fake.user(OWNER.id), migrate_to_chat_id: NEW } as never });
    expect((await h.engine.settingsFor(String(NEW))).language).toBe('zh');
    expect(await h.adapter.alerts.targetChat(NEW)).toBe(OWNER.id);
    expect((await h.records()).at(-1)).toMatchObject({ action: 'migrated', detail: expect.stringMatching(/^group upgraded to supergroup -1009999999999 \(settings and alert link\)/) });
    expect(await h.records(String(NEW))).toEqual([expect.objectContaining({ action: 'migrated', by: { kind: 'bot' } })]);
  });

  it('GIVEN a debunk the admins retired in the group WHEN it migrates THEN it stays retired in the supergroup', async () => {
    h = await startBot();
    await h.fake.sendCommand(GROUP.id, OWNER.id, `/rg retire ${FIVE_G_ID}`);
    await h.adapter.idle();
    const NEW = -1009999999998;
    await h.fake.sendUpdate({ message: { message_id: 998, date: Math.floor(Date.now() / 1000), chat: h.fake.chat(GROUP.id), from: h.fake.user(OWNER.id), migrate_to_chat_id: NEW } as never });
    await h.adapter.idle();
    expect((await h.records()).at(-1)).toMatchObject({ action: 'migrated', detail: expect.stringContaining('retired debunks and false positives') });
    const decision = await h.engine.evaluate({ platform: 'telegram', groupId: String(NEW), messageId: '1', member: { id: '202', name: 'Alice' }, text: TEXT.fiveG, sentAt: Date.now() }, { dryRun: true });
    expect(decision.actions.map((a) => a.type)).toEqual([]);
  });
});

describe('Telegram: the private fact-check tipline', () => {
  it('GIVEN /check with a rumor in private THEN the best match comes back with verdict, claim, refutation and sources', async () => {
    h = await startBot();
    const { message } = await h.fake.sendCommand(ALICE.id, ALICE.id, `/check ${TEXT.fiveG}`);
    await h.adapter.idle();
    const [answer] = h.sentTo(ALICE.id);
    expect(answer?.reply_parameters?.message_id).toBe(message.message_id);
    expect(answer?.text).toMatch(/^This resembles known, refuted claims:\n\n<b>false<\/b> · match 1\.00\nClaim: /);
    expect(answer?.text).toContain('<a href="https://www.who.int/');
    expect(await h.records()).toEqual([]);
  });

  it('GIVEN a message forwarded to the bot in private THEN it is looked up like /check, in the member\'s language', async () => {
    h = await startBot();
    const origin = { type: 'hidden_user', sender_user_name: 'Somebody', date: 1 };
    await h.fake.sendMessage(ALICE.id, ALICE.id, { text: TEXT.fiveGZh, forward_origin: origin as never });
    await h.adapter.idle();
    expect(h.sentTo(ALICE.id)[0]?.text).toContain('5G');
  });

  it('GIVEN small talk or an empty /check THEN the bot says it found nothing, or how to ask', async () => {
    h = await startBot();
    await h.fake.sendCommand(ALICE.id, ALICE.id, `/check ${TEXT.chatter}`);
    await h.adapter.idle();
    await h.fake.sendCommand(ALICE.id, ALICE.id, '/check');
    await h.adapter.idle();
    expect(h.sentTo(ALICE.id).map((m) => m.text)).toEqual([
      'No known rumor matches this. That does not make it true: check the source.',
      'Send /check followed by the text, or forward me a message.',
    ]);
  });

  it('GIVEN /check in a group THEN the member gets the answer without a strike', async () => {
    h = await startBot({ enforceAll: true });
    await h.fake.sendCommand(GROUP.id, ALICE.id, `/check ${TEXT.fiveG}`);
    await h.adapter.idle();
    const [answer, ...rest] = h.sentTo(GROUP.id);
    expect(answer?.text).toMatch(/^This resembles known, refuted claims:/);
    expect(rest).toEqual([]);
    expect(await h.records()).toEqual([]);
    expect(await h.engine.strikesOf(GROUP_ID, String(ALICE.id))).toEqual([]);
  });
});
