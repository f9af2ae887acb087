import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../outbox/fakeClock.js';
import { TEXT } from '../../engine/harness.js';
import { CHANNEL, type DiscordHarness, GUILD, startDiscordBot } from './discordHarness.js';

let h: DiscordHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('Discord: a flood', () => {
  it(
    'GIVEN 1,000 rumor messages in one channel THEN every incident is in the ledger, sends stay within 20/min per channel, and the queue stays small',
    async () => {
      const clock = new FakeClock();
      h = await startDiscordBot({ clock, enforceAll: true });
      await h.engine.configure(GUILD, { ladder: { default: [['reply_refutation'], ['reply_refutation', 'warn'], ['reply_refutation', 'warn', 'alert_owners']] } });
      const MEMBERS = 100;
      for (let m = 0; m < MEMBERS; m++) {
        const id = String(210_000_000_000_000_000n + BigInt(m));
        h.fake.addUser({ id, username: `member${m}` });
        h.fake.addMember(GUILD, id);
      }
      let maxQueued = 0;
      const sendTimes: number[] = [];
      let seen = 0;
      const note = () => {
        const sent = h!.fake.botMessages(CHANNEL);
        for (let i = seen; i < sent.length; i++) sendTimes.push(clock.now());
        seen = sent.length;
      };
      for (let i = 0; i < 1000; i++) {
        const id = String(210_000_000_000_000_000n + BigInt(i % MEMBERS));
        const message = await h.fake.memberSays(CHANNEL, id, TEXT.fiveG);
        await h.adapter.whenHandled(message.id);
        maxQueued = Math.max(maxQueued, h.adapter.outbox.stats().queued);
      }
      await h.adapter.outbox.settled();
      note();
      for (let s = 0; s < 3600 && h.adapter.outbox.stats().queued > 0; s++) {
        await clock.advance(1_000);
        await h.adapter.alerts.settled();
        await h.adapter.outbox.settled();
        note();
      }
      expect(h.adapter.outbox.stats().queued).toBe(0);

      const incidents = await h.incidents();
      expect(incidents).toHaveLength(1000);
      expect(await h.ledger.verify(GUILD)).toMatchObject({ ok: true });
      for (const t of sendTimes) expect(sendTimes.filter((u) => u >= t && u < t + 60_000).length).toBeLessThanOrEqual(20);
      expect(maxQueued).toBeLessThan(10);
      expect(h.fake.botMessages(CHANNEL).length).toBeLessThan(40);
      // The owner hears of the rumor once, then in digests.
      expect(h.fake.botMessages().filter((m) => m.channel_id !== CHANNEL).length).toBeLessThan(5);
    },
    180_000,
  );
});
