import { describe, expect, it } from 'vitest';
import { FeedbackQueue, MAX_OPEN_ITEMS } from '../../src/feedback/feedbackQueue.js';
import { memoryStore } from '../../src/store/keyvStore.js';

const report = (messageId: string, by = 'u1') => ({
  kind: 'report' as const,
  groupId: 'g',
  messageId,
  by: { id: by, name: by },
  note: 'x'.repeat(2000),
});

describe('FeedbackQueue', () => {
  it('GIVEN a report THEN it is open, with its note cut to 500 characters', async () => {
    const q = new FeedbackQueue(memoryStore(), () => 42);
    const r = await q.add(report('m1'));
    expect(r).toMatchObject({ ok: true, item: { status: 'open', at: 42, messageId: 'm1' } });
    expect((await q.open('g'))[0]!.note).toHaveLength(500);
  });

  it('GIVEN the same member reporting the same message twice THEN the second is a duplicate', async () => {
    const q = new FeedbackQueue(memoryStore());
    await q.add(report('m1'));
    expect(await q.add(report('m1'))).toEqual({ ok: false, error: 'duplicate' });
    expect((await q.add(report('m1', 'u2'))).ok).toBe(true);
  });

  it('GIVEN a full queue THEN more reports are refused (a flood cannot grow the store)', async () => {
    const q = new FeedbackQueue(memoryStore());
    // Many members (one member alone reaches their own share first: see test/probes/reviewQueue.test.ts).
    for (let i = 0; i < MAX_OPEN_ITEMS; i++) await q.add(report(`m${i}`, `u${i}`));
    expect(await q.add(report('one-more', 'newcomer'))).toEqual({ ok: false, error: 'queue_full' });
  });

  it('GIVEN an item resolved THEN it leaves the queue; an unknown id is not_found', async () => {
    const q = new FeedbackQueue(memoryStore());
    const r = await q.add(report('m1'));
    if (!r.ok) throw new Error('setup');
    expect(await q.resolve('g', r.item.id, 'accepted')).toMatchObject({ ok: true, item: { status: 'accepted' } });
    expect(await q.open('g')).toEqual([]);
    expect(await q.resolve('g', r.item.id, 'rejected')).toEqual({ ok: false, error: 'not_found' });
  });
});
