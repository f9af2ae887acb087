import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../outbox/fakeClock.js';
import { TEXT } from '../../engine/harness.js';
import { ALICE, BOB, CHANNEL, type DiscordHarness, GUILD, startDiscordBot } from './discordHarness.js';

let h: DiscordHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const OTHER_GUILD = '100000000000000020';
const OTHER_CHANNEL = '100000000000000021';
const CAROL = { id: '200000000000000009', username: 'carol' };
const member = (m: number) => String(210_000_000_000_000_000n + BigInt(m));

/** Resolves with the ms from `since` until the bot replied to message `messageId` in `channel`. */
async function answered(bot: DiscordHarness, channel: string, messageId: string, since: number): Promise<number> {
  for (;;) {
    // The REST calls the fake answered (read as they are; botMessages() would copy every message each time).
    const replies = bot.fake.callsOf(`POST /channels/${channel}/messages`);
    if (replies.some((c) => c.status === 200 && (c.body as { message_reference?: { message_id?: string } }).message_reference?.message_id === messageId)) {
      return performance.now() - since;
    }
    if (performance.now() - since > 30_000) return Number.POSITIVE_INFINITY;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('Discord: a flood', () => {
  it(
    "GIVEN 500 rumors flooding a channel THEN a new, different rumor there and a rumor in another server are answered within 2 s, during and after the flood (Discord's limits, not Telegram's)",
    async () => {
      h = await startDiscordBot({ enforceAll: true });
      const bot = h;
      await bot.engine.configure(GUILD, { ladder: { default: [['reply_refutation'], ['reply_refutation', 'warn'], ['reply_refutation', 'warn', 'alert_owners']] } });
      bot.fake.addUser(CAROL);
      await bot.fake.addGuild({ id: OTHER_GUILD, name: 'Village', ownerId: CAROL.id, channels: [{ id: OTHER_CHANNEL, name: 'general' }] });
      const MEMBERS = 50;
      for (let m = 0; m < MEMBERS; m++) {
        bot.fake.addUser({ id: member(m), username: `member${m}` });
        bot.fake.addMember(GUILD, member(m));
      }
      const posted: string[] = [];
      const flood = (from: number, to: number) => (async () => {
        for (let i = from; i < to; i++) posted.push((await bot.fake.memberSays(CHANNEL, member(i % MEMBERS), TEXT.fiveG)).id);
      })();
      /** A rumor posted now; ms until the bot replied to it. */
      const ask = async (channel: string, userId: string, text: string) => {
        const at = performance.now();
        const message = await bot.fake.memberSays(channel, userId, text);
        return answered(bot, channel, message.id, at);
      };

      // Fifty members post one rumor 500 times; then Bob, who took no part, posts another one.
      await flood(0, 150);
      const floodGoesOn = flood(150, 500);
      const [duringHere, duringElsewhere] = await Promise.all([ask(CHANNEL, BOB.id, TEXT.garlic), ask(OTHER_CHANNEL, CAROL.id, TEXT.fiveG)]);
      await floodGoesOn;
      // After the flood: every post of it handled, its replies, warnings and digests sent or queued.
      await Promise.all(posted.map((id) => bot.adapter.whenHandled(id)));
      const [afterHere, afterElsewhere] = await Promise.all([ask(CHANNEL, ALICE.id, TEXT.mosquito), ask(OTHER_CHANNEL, CAROL.id, TEXT.gates)]);
      const sentToFlooded = bot.fake.callsOf(`POST /channels/${CHANNEL}/messages`).length;
      console.log(
        `discord flood of 500: a new rumor in the flooded channel answered in ${duringHere.toFixed(0)} ms during, ${afterHere.toFixed(0)} ms after; ` +
          `another server in ${duringElsewhere.toFixed(0)} ms during, ${afterElsewhere.toFixed(0)} ms after (${sentToFlooded} bot messages in the flooded channel by then)`,
      );
      expect(duringHere).toBeLessThan(2_000);
      expect(duringElsewhere).toBeLessThan(2_000);
      expect(afterHere).toBeLessThan(2_000);
      expect(afterElsewhere).toBeLessThan(2_000);

      await bot.adapter.idle();
      expect(await bot.incidents()).toHaveLength(502);
      expect(await bot.ledger.verify(GUILD)).toMatchObject({ ok: true });
    },
    180_000,
  );

  it(
    "GIVEN 1,000 rumor messages in one channel THEN every incident is in the ledger, no Telegram-sized window holds the replies back (discord.js keeps Discord's limits), and the queue stays small",
    async () => {
      const clock = new FakeClock();
      h = await startDiscordBot({ clock, enforceAll: true });
      await h.engine.configure(GUILD, { ladder: { default: [['reply_refutation'], ['reply_refutation', 'warn'], ['reply_refutation', 'warn', 'alert_owners']] } });
      const MEMBERS = 100;
      for (let m = 0; m < MEMBERS; m++) {
        h.fake.addUser({ id: member(m), username: `member${m}` });
        h.fake.addMember(GUILD, member(m));
      }
      let maxQueued = 0;
      for (let i = 0; i < 1000; i++) {
        const message = await h.fake.memberSays(CHANNEL, member(i % MEMBERS), TEXT.fiveG);
        await h.adapter.whenHandled(message.id);
        maxQueued = Math.max(maxQueued, h.adapter.outbox.stats().queued);
      }
      await h.adapter.alerts.settled();
      await h.adapter.outbox.settled();
      // Not a moment passed on the outbox's clock: Telegram's 20 a minute would have held all but 20.
      expect(h.fake.botMessages(CHANNEL).length).toBeGreaterThan(20);
      for (let s = 0; s < 3600 && h.adapter.outbox.stats().queued > 0; s++) {
        await clock.advance(1_000);
        await h.adapter.alerts.settled();
        await h.adapter.outbox.settled();
      }
      expect(h.adapter.outbox.stats().queued).toBe(0);

      const incidents = await h.incidents();
      expect(incidents).toHaveLength(1000);
      expect(await h.ledger.verify(GUILD)).toMatchObject({ ok: true });
      expect(maxQueued).toBeLessThan(10);
      // The owner hears of the rumor once, then in digests.
      expect(h.fake.botMessages().filter((m) => m.channel_id !== CHANNEL).length).toBeLessThan(5);
    },
    180_000,
  );
});
