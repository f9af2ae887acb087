import { afterEach, describe, expect, it } from 'vitest';
import { TEXT } from '../../engine/harness.js';
import { FakeClock } from '../../outbox/fakeClock.js';
import { BOB, type BotHarness, GROUP, GROUP_ID, startBot } from './botHarness.js';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const OTHER = { id: -1001000000003, type: 'supergroup', title: 'Village chat' } as const;
const CAROL = { id: 404, first_name: 'Carol' };
const FLOOD = 450;
const AHEAD = 100;
const MEMBERS = 50;
const RUMORS = [TEXT.fiveG, TEXT.garlic, TEXT.mosquito, TEXT.whatsapp, TEXT.gates];

/**
 * Telegram's side: updates wait in one queue and reach the bot one after another, each once the
 * bot answered the previous one (the webhook; getUpdates hands them over in order too).
 */
function telegramQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <R>(deliver: () => Promise<R>): Promise<R> => {
    const next = tail.then(deliver);
    tail = next.catch(() => undefined);
    return next;
  };
}

/** Resolves with the ms from `since` until the bot answered message `messageId` in `chatId`. */
async function answered(bot: BotHarness, chatId: number, messageId: () => number | undefined, since: number): Promise<number> {
  for (;;) {
    const id = messageId();
    if (id !== undefined && bot.fake.botMessages(chatId).some((m) => m.reply_parameters?.message_id === id)) return performance.now() - since;
    if (performance.now() - since > 30_000) return Number.POSITIVE_INFINITY;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('Telegram: a flood in one group', () => {
  it(
    `GIVEN ${FLOOD} rumors posted at once in one group THEN a rumor in another group is answered within 2 s, during and after the flood, AND the flooded group's messages are handled in order`,
    async () => {
      h = await startBot();
      const bot = h;
      bot.fake.addChat(OTHER);
      bot.fake.setMember(OTHER.id, CAROL, 'member');
      for (let m = 0; m < MEMBERS; m++) bot.fake.setMember(GROUP.id, { id: 10_000 + m, first_name: `Member ${m}` }, 'member');
      const telegram = telegramQueue();

      // The flood, every message in Telegram's queue at once; the other group's rumor after the first
      // AHEAD of them (the fake delivers them in this process, so each one ahead costs the measure a
      // round trip that is Telegram's, not the bot's).
      const flood: Promise<unknown>[] = [];
      const post = (i: number) => telegram(() => bot.deliver.sendMessage(GROUP.id, 10_000 + (i % MEMBERS), RUMORS[i % RUMORS.length]!));
      for (let i = 0; i < AHEAD; i++) flood.push(post(i));
      let duringId: number | undefined;
      const duringAt = performance.now();
      flood.push(telegram(() => bot.deliver.sendMessage(OTHER.id, CAROL.id, TEXT.fiveG)).then((d) => (duringId = d.message.message_id)));
      for (let i = AHEAD; i < FLOOD; i++) flood.push(post(i));
      const during = await answered(bot, OTHER.id, () => duringId, duringAt);
      await Promise.all(flood);

      // Right after the flood was delivered, while the flooded group's messages are still being handled.
      const afterAt = performance.now();
      const after = (await bot.deliver.sendMessage(OTHER.id, CAROL.id, TEXT.garlic)).message.message_id;
      const afterMs = await answered(bot, OTHER.id, () => after, afterAt);
      const backlog = bot.adapter.inbox.stats().queued;

      await bot.adapter.inbox.settled();
      console.log(
        `telegram flood of ${FLOOD}: other group answered ${during.toFixed(0)} ms after its rumor during the flood, ${afterMs.toFixed(0)} ms after it (${backlog} flood updates still waiting then)`,
      );
      expect(during).toBeLessThan(2_000);
      expect(afterMs).toBeLessThan(2_000);

      // Per-group order: the flooded group's incidents are in the ledger in the order they were posted.
      const incidents = await bot.incidents(GROUP_ID);
      expect(incidents).toHaveLength(FLOOD);
      const ids = incidents.map((r) => Number(r.messageId));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(await bot.ledger.verify(GROUP_ID)).toMatchObject({ ok: true });
    },
    180_000,
  );

  it('GIVEN a flood that filled the chat\'s minute with warnings and pointers still waiting THEN the refutation of a new rumor is the first message sent when the window frees', async () => {
    const clock = new FakeClock();
    h = await startBot({ clock, enforceAll: true });
    const bot = h;
    for (let m = 0; m < 30; m++) bot.fake.setMember(GROUP.id, { id: 10_000 + m, first_name: `Member ${m}` }, 'member');
    // Each member posts the rumor three times: a refutation and a pointer (the others passed over,
    // then pointed to it on their second post), then warnings on strike 2.
    for (let i = 0; i < 90; i++) await bot.fake.sendMessage(GROUP.id, 10_000 + (i % 30), TEXT.fiveG);
    await bot.adapter.outbox.settled();
    const waiting = bot.adapter.outbox.stats().queued;
    expect(waiting).toBeGreaterThan(0);
    const asked = await bot.fake.sendMessage(GROUP.id, BOB.id, TEXT.garlic);
    await bot.adapter.outbox.settled();
    bot.sentTo(GROUP.id);
    let next: ReturnType<BotHarness['sentTo']> = [];
    for (let s = 0; s < 120 && next.length === 0; s++) {
      await clock.advance(1_000);
      await bot.adapter.outbox.settled();
      next = bot.sentTo(GROUP.id);
    }
    expect(next[0]?.reply_parameters?.message_id).toBe(asked.message.message_id);
    expect(next[0]?.text).toMatch(/garlic/i);
  }, 120_000);

  it('GIVEN a chat sending faster than it is read, past its inbox THEN the updates beyond are dropped, yet every rumor is in the ledger once: handled, or withheld as not handled', async () => {
    h = await startBot({ inboxPerChat: 1 });
    const bot = h;
    for (let m = 0; m < 10; m++) bot.fake.setMember(GROUP.id, { id: 10_000 + m, first_name: `Member ${m}` }, 'member');
    // Rumors posted together reach the bot while the first is still being handled (an admin check
    // over HTTP at least): with room for one, the others are dropped. Until a drop is seen.
    let posted = 0;
    for (let round = 0; round < 20 && bot.adapter.inbox.stats().dropped === 0; round++) {
      await Promise.all(Array.from({ length: 5 }, (_, i) => bot.deliver.sendMessage(GROUP.id, 10_000 + ((posted + i) % 10), RUMORS[(posted + i) % RUMORS.length]!)));
      posted += 5;
      await bot.adapter.inbox.settled();
    }
    const { dropped, handled } = bot.adapter.inbox.stats();
    expect(dropped).toBeGreaterThan(0);
    expect(dropped + handled).toBe(posted);
    const incidents = await bot.incidents(GROUP_ID);
    expect(incidents).toHaveLength(posted);
    expect(new Set(incidents.map((r) => r.messageId)).size).toBe(posted);
    const withheld = incidents.filter((r) => r.actions.every((a) => a.status === 'withheld' && a.withheldBecause === 'inbox_full'));
    expect(withheld).toHaveLength(dropped);
    expect(await bot.ledger.verify(GROUP_ID)).toMatchObject({ ok: true });
  }, 120_000);
});

