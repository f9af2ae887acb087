import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../outbox/fakeClock.js';
import { TEXT } from '../../engine/harness.js';
import { ALICE, type BotHarness, GROUP, GROUP_ID, OWNER, startBot } from './botHarness.js';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** Moves the fake clock and waits for the sends that became due to finish. */
async function advance(bot: BotHarness, clock: FakeClock, ms: number) {
  await clock.advance(ms);
  await bot.adapter.alerts.settled();
  await bot.adapter.outbox.settled();
}

describe('Telegram: outgoing limits', () => {
  it('GIVEN Telegram answers 429 with retry_after 3 THEN the bot waits exactly those 3 s before sending again, and the reply arrives', async () => {
    const clock = new FakeClock();
    h = await startBot({ clock });
    h.fake.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } });
    await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveG);
    await h.adapter.outbox.settled();
    expect(h.fake.callsOf('sendMessage').map((c) => c.response.ok)).toEqual([false]);
    await advance(h, clock, 2_999);
    expect(h.fake.callsOf('sendMessage')).toHaveLength(1);
    await advance(h, clock, 1);
    expect(h.fake.callsOf('sendMessage').map((c) => c.response.ok)).toEqual([false, true]);
    expect(h.sentTo(GROUP.id)).toHaveLength(1);
    expect(h.adapter.outbox.stats()).toMatchObject({ retried: 1, sent: 1, queued: 0 });
  });

  it(
    'GIVEN a flood of 1,000 rumor messages in one group THEN every incident is in the ledger, sends stay within 20/min per chat and 30/s overall, and the queue stays small',
    async () => {
      const clock = new FakeClock();
      h = await startBot({ clock, enforceAll: true });
      await h.fake.sendCommand(OWNER.id, OWNER.id, '/start');
      const MEMBERS = 334;
      for (let m = 0; m < MEMBERS; m++) h.fake.setMember(GROUP.id, { id: 10_000 + m, first_name: `Member ${m}` }, 'member');
      // Everyone posts the rumor in turn, three rounds. The first refutes one member and points one
      // more to it (strike 1 each); the others, passed over while the pointer's minute lasts, are
      // not struck for a post nobody answered to them. In the second round those two are warned,
      // the others get a pointer of their own and strike 1; in the third the two are muted (and
      // the owner alerted), the others warned.
      const sendsAt: { t: number; chat: number }[] = [];
      let seen = 0;
      const noteSends = () => {
        const calls = h!.fake.callsOf('sendMessage');
        for (const c of calls.slice(seen)) sendsAt.push({ t: clock.now(), chat: Number((c.body as { chat_id: number }).chat_id) });
        seen = calls.length;
      };
      let maxQueued = 0;
      for (let i = 0; i < 1000; i++) {
        await h.fake.sendMessage(GROUP.id, 10_000 + (i % MEMBERS), TEXT.fiveG);
        maxQueued = Math.max(maxQueued, h.adapter.outbox.stats().queued);
      }
      await h.adapter.outbox.settled();
      noteSends();
      // Then time passes until everything queued is out.
      for (let s = 0; s < 3600 && h.adapter.outbox.stats().queued > 0; s++) {
        await advance(h, clock, 1_000);
        noteSends();
      }
      expect(h.adapter.outbox.stats().queued).toBe(0);

      // No ledger entry lost, and the chain verifies.
      const incidents = await h.incidents();
      expect(incidents).toHaveLength(1000);
      expect(new Set(incidents.map((r) => r.messageId)).size).toBe(1000);
      expect(await h.ledger.verify(GROUP_ID)).toMatchObject({ ok: true });
      expect(h.fake.callsOf('restrictChatMember')).toHaveLength(2);
      expect(incidents.filter((i) => i.strikes === 0)).toHaveLength(MEMBERS - 2);
      // The two told first, in the second round; the 330 others that post a third time, in the third.
      expect(incidents.filter((i) => i.strikes === 2)).toHaveLength(2 + (1000 - 2 * MEMBERS) - 2);

      // Rate limits, on the outbox's clock.
      const inWindow = (from: number, ms: number, chat?: number) => sendsAt.filter((s) => s.t >= from && s.t < from + ms && (chat === undefined || s.chat === chat)).length;
      for (const { t } of sendsAt) {
        expect(inWindow(t, 60_000, GROUP.id)).toBeLessThanOrEqual(20);
        expect(inWindow(t, 1_000)).toBeLessThanOrEqual(30);
      }
      // Merging and the pointer cooldown kept the group's replies to the rate limit (20 in the first
      // minute, then one digest) and the queue small: bounded memory.
      const groupSends = sendsAt.filter((s) => s.chat === GROUP.id).length;
      expect(groupSends).toBeLessThan(40);
      expect(maxQueued).toBeLessThan(10);
      const merged = h.adapter.outbox.stats().merged;
      expect(merged).toBeGreaterThan(300);
      // The owner got one alert and digests, not 332 alerts.
      expect(h.fake.botMessages(OWNER.id).length).toBeLessThan(10);
      // The notices that waited arrive as one digest: ten lines, then how many more.
      expect(h.fake.botMessages(GROUP.id).at(-1)?.text).toMatch(/^(.*please check before sharing.*\n){10}\(\+\d+\)$/);
    },
    120_000,
  );
});

describe('Telegram: an admin\'s answer in a busy minute', () => {
  it('GIVEN the group\'s minute of sends used up and notices waiting THEN the answer to /rg status goes out first when room frees', async () => {
    // Regression (QA): admin answers waited 30 to 70 s behind the warnings a busy minute queued.
    const clock = new FakeClock();
    h = await startBot({ clock });
    for (let i = 0; i < 25; i++) h.adapter.outbox.enqueue({ chatId: GROUP.id, priority: 'normal', payload: { kind: 'html', html: `notice ${i}` }, onFate: () => {} });
    await h.adapter.outbox.settled();
    expect(h.sentTo(GROUP.id)).toHaveLength(20);
    await h.fake.sendCommand(GROUP.id, OWNER.id, '/rg status');
    // The command handled and its answer queued (the outbox waits for the clock).
    await h.adapter.inbox.settled();
    await advance(h, clock, 61_000);
    const next = h.sentTo(GROUP.id).map((m) => m.text ?? '');
    expect(next[0]).toMatch(/^mode: enforce/);
    expect(next.slice(1)).toEqual(['notice 20', 'notice 21', 'notice 22', 'notice 23', 'notice 24']);
  });
});
