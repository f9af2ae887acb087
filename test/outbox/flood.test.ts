import { describe, expect, it } from 'vitest';
import type { Priority } from '../../src/outbox/types.js';
import { outboxHarness, maxInAnyWindow, maxPerChatPerMinute } from './harness.js';

describe('Outbox under a flood', () => {
  it('GIVEN 1,000 items into one group over 50 s THEN every high item is sent, memory stays bounded and the limits hold', async () => {
    const maxQueued = 200;
    const { clock, sends, delivered, outbox } = outboxHarness<string[]>({
      maxQueued,
      merge: (earlier, later) => ({ payload: [...earlier, ...later], combined: true }),
    });
    let highs = 0;
    let enqueued = 0;
    for (let i = 0; i < 1_000; i++) {
      // One in ten is an owner alert; the rest alternate refutations and digest-able pointers.
      const priority: Priority = i % 10 === 0 ? 'high' : i % 2 === 0 ? 'normal' : 'low';
      if (priority === 'high') highs += 1;
      const result = outbox.enqueue({
        chatId: -100123,
        priority,
        payload: [`${priority}-${i}`],
        mergeKey: priority === 'low' ? 'pointers' : undefined,
      });
      enqueued += 1;
      if (priority === 'high') expect(result.outcome).toBe('queued');
      const stats = outbox.stats();
      expect(stats.queued).toBeLessThanOrEqual(maxQueued);
      expect(stats.sent + stats.dropped + stats.merged + stats.queued).toBe(enqueued);
      await clock.advance(50);
    }
    await clock.runAll();

    const highSent = delivered().flatMap((send) => send.payload).filter((text) => text.startsWith('high-'));
    expect(highSent).toHaveLength(highs);
    expect(maxPerChatPerMinute(sends)).toBeLessThanOrEqual(20);
    expect(maxInAnyWindow(sends.map((send) => send.at), 1_000)).toBeLessThanOrEqual(30);
    const stats = outbox.stats();
    expect(stats.queued).toBe(0);
    expect(stats.sent + stats.dropped + stats.merged).toBe(1_000);
    expect(stats.merged).toBeGreaterThan(0);
  });
});
