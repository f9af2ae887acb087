import { describe, expect, it } from 'vitest';
import type { OutboxItem, Priority } from '../../src/outbox/types.js';
import { outboxHarness } from './harness.js';

describe('Outbox ordering', () => {
  it('GIVEN a high item enqueued behind 50 low ones in one chat THEN it goes out first among the queued ones', async () => {
    const { clock, delivered, outbox } = outboxHarness<string>();
    for (let i = 0; i < 50; i++) outbox.enqueue({ chatId: 1, priority: 'low', payload: `low-${i}` });
    outbox.enqueue({ chatId: 1, priority: 'high', payload: 'alert' });
    await clock.runAll();

    // low-0 was already being sent when the alert arrived.
    expect(delivered().map((send) => send.payload).slice(0, 4)).toEqual(['low-0', 'alert', 'low-1', 'low-2']);
    expect(delivered()).toHaveLength(51);
  });

  it('GIVEN mixed priorities waiting THEN they go most urgent first, oldest first within a priority', async () => {
    const { clock, delivered, outbox } = outboxHarness<string>();
    const items: [Priority, string][] = [['low', 'a'], ['low', 'b'], ['normal', 'c'], ['high', 'd'], ['normal', 'e'], ['high', 'f']];
    for (const [priority, payload] of items) outbox.enqueue({ chatId: 1, priority, payload });
    await clock.runAll();
    expect(delivered().map((send) => send.payload)).toEqual(['a', 'd', 'f', 'c', 'e', 'b']);
  });

  it('GIVEN a high item in one chat and low items in others THEN the high item goes before waiting low ones', async () => {
    const { clock, delivered, outbox } = outboxHarness<string>({ globalPerSecond: 1 });
    outbox.enqueue({ chatId: 'a', priority: 'low', payload: 'a-0' });
    outbox.enqueue({ chatId: 'b', priority: 'low', payload: 'b-0' });
    outbox.enqueue({ chatId: 'c', priority: 'high', payload: 'c-alert' });
    await clock.runAll();
    expect(delivered().map((send) => send.payload)).toEqual(['a-0', 'c-alert', 'b-0']);
  });
});

describe('Outbox merging', () => {
  it('GIVEN 10 pointers with one merge key while the chat is rate-limited THEN one message carries all ten', async () => {
    const { clock, delivered, outbox } = outboxHarness<string[]>({ merge: (earlier, later) => ({ payload: [...earlier, ...later], combined: true }) });
    for (let i = 0; i < 20; i++) outbox.enqueue({ chatId: 1, priority: 'normal', payload: [`reply-${i}`] });
    await clock.advance(0);
    expect(delivered()).toHaveLength(20);

    const outcomes = [...Array(10).keys()].map((i) =>
      outbox.enqueue({ chatId: 1, priority: 'low', payload: [`pointer-${i}`], mergeKey: 'pointers' }).outcome,
    );
    expect(outcomes).toEqual(['queued', ...Array(9).fill('merged')]);

    await clock.runAll();
    expect(delivered()).toHaveLength(21);
    expect(delivered()[20]?.payload).toEqual([...Array(10).keys()].map((i) => `pointer-${i}`));
    expect(outbox.stats()).toMatchObject({ queued: 0, sent: 21, merged: 9 });
  });

  it.each([
    { given: 'another chat', second: { chatId: 2, mergeKey: 'k' }, sends: 3 },
    { given: 'another merge key', second: { chatId: 1, mergeKey: 'other' }, sends: 3 },
    { given: 'no merge key', second: { chatId: 1, mergeKey: undefined }, sends: 3 },
    { given: 'the same chat and key', second: { chatId: 1, mergeKey: 'k' }, sends: 2 },
  ])('GIVEN a second item for $given THEN $sends messages go out', async ({ second, sends }) => {
    const { clock, delivered, outbox } = outboxHarness<string>({ merge: (a, b) => ({ payload: `${a}+${b}`, combined: true }) });
    outbox.enqueue({ chatId: 1, priority: 'low', payload: 'busy' });
    outbox.enqueue({ chatId: 1, priority: 'low', payload: 'x', mergeKey: 'k' });
    outbox.enqueue({ ...second, priority: 'low', payload: 'y' });
    await clock.runAll();
    expect(delivered()).toHaveLength(sends);
  });

  it('GIVEN a merge that throws THEN both items are sent separately', async () => {
    const { clock, delivered, outbox } = outboxHarness<string>({
      merge: () => {
        throw new Error('cannot merge');
      },
    });
    outbox.enqueue({ chatId: 1, priority: 'low', payload: 'busy' });
    outbox.enqueue({ chatId: 1, priority: 'low', payload: 'x', mergeKey: 'k' });
    expect(outbox.enqueue({ chatId: 1, priority: 'low', payload: 'y', mergeKey: 'k' })).toEqual({ outcome: 'queued' });
    await clock.runAll();
    expect(delivered().map((send) => send.payload)).toEqual(['busy', 'x', 'y']);
  });
});

describe('Outbox bound', () => {
  it.each([
    { given: 'full of low, a new normal', waiting: 'low', incoming: 'normal', outcome: 'queued', evicted: ['w-0'] },
    { given: 'full of low, a new low', waiting: 'low', incoming: 'low', outcome: 'queued', evicted: ['w-0'] },
    { given: 'full of normal, a new low', waiting: 'normal', incoming: 'low', outcome: 'dropped', evicted: [] },
    { given: 'full of high, a new normal', waiting: 'high', incoming: 'normal', outcome: 'dropped', evicted: [] },
    { given: 'full of high, a new high', waiting: 'high', incoming: 'high', outcome: 'dropped', evicted: [] },
  ] as const)('GIVEN a queue $given THEN the newcomer is $outcome', ({ waiting, incoming, outcome, evicted }) => {
    const dropped: string[] = [];
    const { outbox } = outboxHarness<string>({ maxQueued: 3, onDrop: (item) => dropped.push(item.payload) });
    // Chat 1 is paused behind a send that never finishes, so everything else waits.
    outbox.enqueue({ chatId: 1, priority: 'low', payload: 'busy' });
    outbox.enqueue({ chatId: 1, priority: waiting, payload: 'w-0' });
    outbox.enqueue({ chatId: 1, priority: waiting, payload: 'w-1' });
    const result = outbox.enqueue({ chatId: 1, priority: incoming, payload: 'new' });
    expect(result.outcome).toBe(outcome);
    if (result.outcome === 'dropped') expect(result.reason).toBe('queue_full');
    expect(dropped).toEqual(evicted);
    expect(outbox.stats().queued).toBe(3);
  });

  it('GIVEN 2000 enqueues with maxQueued 1000 THEN the queue never exceeds 1000, no high item is lost and the stats add up', async () => {
    const lost: OutboxItem<number>[] = [];
    const { clock, delivered, outbox } = outboxHarness<number>({ onDrop: (item) => lost.push(item) });
    const priorities: Priority[] = ['high', 'normal', 'low', 'low', 'normal', 'low', 'low', 'normal', 'low', 'low'];
    let highs = 0;
    for (let i = 0; i < 2000; i++) {
      const priority = priorities[i % priorities.length] ?? 'low';
      if (priority === 'high') highs += 1;
      const result = outbox.enqueue({ chatId: i % 5, priority, payload: i, mergeKey: priority === 'low' && i % 7 === 0 ? 'digest' : undefined });
      if (priority === 'high') expect(result.outcome).not.toBe('dropped');
      const stats = outbox.stats();
      expect(stats.queued).toBeLessThanOrEqual(1000);
      expect(stats.sent + stats.dropped + stats.merged + stats.queued).toBe(i + 1);
    }
    await clock.runAll();

    const stats = outbox.stats();
    expect(stats.queued).toBe(0);
    expect(stats.sent + stats.dropped + stats.merged).toBe(2000);
    expect(stats.dropped).toBeGreaterThan(0);
    expect(lost.filter((item) => item.priority === 'high')).toEqual([]);
    expect(delivered().filter((send) => send.priority === 'high')).toHaveLength(highs);
  });
});
