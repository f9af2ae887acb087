import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIVE_G_ID, TEXT } from '../../engine/harness.js';
import { FakeClock } from '../../outbox/fakeClock.js';
import { ADMINS_GROUP, ALICE, BOB, type BotHarness, GROUP, GROUP_ID, OWNER, startBot } from './botHarness.js';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** Alice posts the 5G rumor `times` times; the bot has sent everything when this resolves. */
async function spread(bot: BotHarness, times: number, from = ALICE.id) {
  const sent = [];
  for (let i = 0; i < times; i++) {
    sent.push((await bot.fake.sendMessage(GROUP.id, from, TEXT.fiveG)).message);
    await bot.adapter.idle();
  }
  return sent;
}

describe('Telegram: the escalation ladder', () => {
  // Real-client QA: under a burst, a repeat's warning went out before the pointer that says why
  // (the outbox sent warnings ahead of pointers).
  it('GIVEN the outbox held back WHEN a member repeats a rumor THEN the pointer to its answer goes out before the warning', async () => {
    const clock = new FakeClock();
    h = await startBot({ clock, enforceAll: true });
    h.fake.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } });
    await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveG);
    await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveG);
    // The refutation waits out the 429; the repeat's pointer and warning queue behind it.
    await vi.waitFor(() => expect(h!.adapter.outbox.stats().queued).toBeGreaterThanOrEqual(2));
    await clock.advance(3_000);
    await h.adapter.outbox.settled();
    const sent = h.sentTo(GROUP.id).map((m) => m.text ?? '');
    const pointer = sent.findIndex((t) => t.startsWith('This rumor was answered'));
    const warning = sent.findIndex((t) => t.includes('please check before sharing: this is strike 2'));
    expect(pointer, sent.join(' | ')).toBeGreaterThanOrEqual(0);
    expect(warning, sent.join(' | ')).toBeGreaterThan(pointer);
  });

  it('GIVEN every action enabled AND the owner started the bot WHEN a member repeats a rumor three times THEN strike 2 warns, strike 3 mutes for 1 h and alerts the owner by DM', async () => {
    h = await startBot({ enforceAll: true });
    await h.fake.sendCommand(OWNER.id, OWNER.id, '/start');
    await h.adapter.idle();
    h.sentTo(OWNER.id);
    const before = Math.floor(Date.now() / 1000);
    const [, second, third] = await spread(h, 3);

    const group = h.sentTo(GROUP.id).map((m) => m.text ?? '');
    expect(group.some((t) => t.startsWith('Alice, please check before sharing: this is strike 2.'))).toBe(true);
    expect(group.some((t) => t === 'Alice is muted for 1 hour for repeating refuted rumors.')).toBe(true);

    const restricts = h.fake.callsOf('restrictChatMember');
    expect(restricts).toHaveLength(1);
    const body = restricts[0]!.body as { chat_id: number; user_id: number; until_date: number; permissions: Record<string, boolean> };
    expect(body).toMatchObject({ chat_id: GROUP.id, user_id: ALICE.id, permissions: { can_send_messages: false } });
    expect(body.until_date - before).toBeGreaterThanOrEqual(3600);
    expect(body.until_date - before).toBeLessThan(3700);
    expect(h.fake.member(GROUP.id, ALICE.id).status).toBe('restricted');

    const [alert, ...more] = h.sentTo(OWNER.id);
    expect(more).toEqual([]);
    expect(alert?.text).toContain('<b>Town news</b>');
    // The third post comes within the minute of the second's pointer: muted, it gets a pointer of
    // its own all the same, so Alice is told in words whatever Telegram makes of the mute.
    expect(alert?.text).toContain(`Alice posted a known rumor, “5G towers spread the coronavirus” (${FIVE_G_ID}, score 1.00), strike 3. Actions planned: pointer, mute.`);
    expect(alert?.text).toContain(`<a href="https://t.me/c/1000000001/${third!.message_id}">Open the message</a>`);

    const incidents = await h.incidents();
    expect(incidents.map((i) => i.strikes)).toEqual([1, 2, 3]);
    expect(incidents[2]?.actions.filter((a) => a.status === 'planned').map((a) => a.type)).toEqual(expect.arrayContaining(['mute', 'alert_owners']));
    expect(second).toBeDefined();
  });

  it('GIVEN a ladder muting for 400 days THEN the mute ends within Telegram\'s 366 days (beyond, Telegram would make it permanent), and the ledger says until when', async () => {
    h = await startBot({ enforceAll: true });
    await h.engine.configure(GROUP_ID, { ladder: { default: [['reply_refutation', 'mute 400d']] } });
    const before = Math.floor(Date.now() / 1000);
    await spread(h, 1);
    const body = h.fake.callsOf('restrictChatMember')[0]!.body as { until_date: number };
    expect(body.until_date - before).toBeLessThan(366 * 86_400);
    expect(body.until_date - before).toBeGreaterThan(365 * 86_400);
    const mute = (await h.records()).flatMap((r) => (r.type === 'outcome' ? r.actions : [])).find((a) => a.type === 'mute');
    expect(mute).toMatchObject({ status: 'done', detail: `until ${new Date(body.until_date * 1000).toISOString()}` });
  });

  it('GIVEN owners named in the rules who started the bot THEN they get the owner alert besides the group\'s admins', async () => {
    h = await startBot({ enforceAll: true });
    await h.engine.configure(GROUP_ID, { owners: [String(BOB.id)], ladder: { default: [['reply_refutation', 'alert_owners']] } });
    for (const user of [OWNER, BOB]) await h.fake.sendCommand(user.id, user.id, '/start');
    await h.adapter.idle();
    h.sentTo(OWNER.id);
    h.sentTo(BOB.id);
    await spread(h, 1);
    expect(h.sentTo(OWNER.id).map((m) => m.text)).toEqual([expect.stringContaining('Alice posted a known rumor')]);
    expect(h.sentTo(BOB.id).map((m) => m.text)).toEqual([expect.stringContaining('Alice posted a known rumor')]);
    const alert = (await h.records()).flatMap((r) => (r.type === 'outcome' ? r.actions : [])).find((a) => a.type === 'alert_owners');
    expect(alert).toMatchObject({ status: 'done', detail: 'to 2 of 2 chat(s)' });
  });

  it('GIVEN refutations only (the default) THEN the third offence is answered but nobody is muted, and the ledger says why', async () => {
    h = await startBot();
    await spread(h, 3);
    expect(h.fake.callsOf('restrictChatMember')).toEqual([]);
    const third = (await h.incidents())[2];
    expect(third?.actions.find((a) => a.type === 'mute')).toMatchObject({ status: 'withheld', withheldBecause: 'action_disabled' });
  });

  it('GIVEN a member who refutes the rumor THEN no warning, no strike', async () => {
    h = await startBot({ enforceAll: true });
    await h.fake.sendMessage(GROUP.id, BOB.id, 'This is a hoax: 5G towers spread the coronavirus is false');
    await h.adapter.idle();
    expect(h.sentTo(GROUP.id)).toEqual([]);
    expect(await h.engine.strikesOf(GROUP_ID, String(BOB.id))).toEqual([]);
    expect((await h.incidents())[0]).toMatchObject({ refuting: true, strikes: 0 });
  });

  it('GIVEN an admin posts the rumor THEN the refutation is shown but the admin gets no strike', async () => {
    h = await startBot({ enforceAll: true });
    await h.fake.sendMessage(GROUP.id, OWNER.id, TEXT.fiveG);
    await h.adapter.idle();
    expect(h.sentTo(GROUP.id)).toHaveLength(1);
    expect(await h.engine.strikesOf(GROUP_ID, String(OWNER.id))).toEqual([]);
  });

  it('GIVEN alerts linked to the admins\' group WHEN the rumor keeps spreading THEN one alert there, then a digest, not one per message', async () => {
    h = await startBot({ enforceAll: true });
    // Every strike alerts: a ladder whose only step is an alert.
    await h.engine.configure(GROUP_ID, { ladder: { default: [['reply_refutation', 'alert_owners']] } });
    const code = await linkAlerts(h);
    expect(code).toMatch(/^[\w-]{8}$/);
    for (const member of [ALICE, BOB]) {
      await h.fake.sendMessage(GROUP.id, member.id, TEXT.fiveG);
      await h.adapter.idle();
    }
    await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveG);
    await h.adapter.idle();
    expect(h.sentTo(ADMINS_GROUP.id).map((m) => m.text)).toEqual([expect.stringContaining('Alice posted a known rumor')]);
    h.adapter.alerts.flush();
    await h.adapter.idle();
    const [digest] = h.sentTo(ADMINS_GROUP.id);
    expect(digest?.text).toMatch(/^RumorGuard: 2 more message\(s\) repeating “5G towers spread the coronavirus” \(5g-spreads-coronavirus\) in Town news since \d\d:\d\d UTC\. Latest: Alice, strike 2\.$/);
    expect(h.sentTo(OWNER.id)).toEqual([]);
  });
});

describe('Telegram: linking owner alerts as the anonymous admin', () => {
  it('GIVEN the code sent in the admins\' group by its anonymous admin (posting as that group) THEN nothing is linked, and they are told to send it under their own name', async () => {
    h = await startBot();
    await h.fake.sendCommand(GROUP.id, OWNER.id, '/rg alerts');
    await h.adapter.idle();
    const code = /\/rg alerts (\S+)/.exec(h.sentTo(GROUP.id).at(-1)?.text ?? '')?.[1] ?? '';
    h.fake.setMember(ADMINS_GROUP.id, { id: 1087968824, first_name: 'Group', username: 'GroupAnonymousBot', is_bot: true }, 'member');
    await h.fake.sendCommand(ADMINS_GROUP.id, 1087968824, `/rg alerts ${code}`, { sender_chat: h.fake.chat(ADMINS_GROUP.id) });
    await h.adapter.idle();
    expect(h.sentTo(ADMINS_GROUP.id).map((m) => m.text)).toEqual(['Posting as the group, you cannot be checked as an admin of the group the code came from: send /rg alerts CODE under your own name.']);
    expect(await h.adapter.alerts.targetChat(GROUP.id)).toBeUndefined();
  });
});

/** The owner runs /rg alerts in the group and the code in the admins' group; returns the code. */
async function linkAlerts(bot: BotHarness): Promise<string> {
  await bot.fake.sendCommand(GROUP.id, OWNER.id, '/rg alerts');
  await bot.adapter.idle();
  const answer = bot.sentTo(GROUP.id).at(-1)?.text ?? '';
  const code = /\/rg alerts (\S+)/.exec(answer)?.[1] ?? '';
  await bot.fake.sendCommand(ADMINS_GROUP.id, OWNER.id, `/rg alerts ${code}`);
  await bot.adapter.idle();
  expect(bot.sentTo(ADMINS_GROUP.id).map((m) => m.text)).toEqual(['Owner alerts of &quot;Town news&quot; will be sent here.']);
  const records = await bot.records();
  expect(records.at(-1)).toMatchObject({ type: 'admin', action: 'alerts', by: { kind: 'admin', id: String(OWNER.id) } });
  return code;
}
