import { describe, expect, it } from 'vitest';
import type { DeliveryFate } from '../../src/outbox/types.js';
import { outboxHarness } from './harness.js';

/** Collects the fates told to items, by name. */
function fates() {
  const told: Record<string, DeliveryFate[]> = {};
  const watch = (name: string) => (fate: DeliveryFate) => (told[name] ??= []).push(fate);
  return { told, watch };
}

describe('Outbox: what became of each item', () => {
  it('GIVEN an item that is sent THEN its watcher hears "sent", once', async () => {
    const { clock, outbox } = outboxHarness<string>();
    const { told, watch } = fates();
    outbox.enqueue({ chatId: 1, priority: 'normal', payload: 'a', onFate: watch('a') });
    await clock.runAll();
    expect(told.a).toEqual([{ status: 'sent', carried: 1 }]);
  });

  it('GIVEN notices combined into a digest THEN every one of them hears "sent" with the number carried', async () => {
    const { clock, outbox, delivered } = outboxHarness<string>({ merge: (a, b) => ({ payload: `${a}+${b}`, combined: true }) });
    const { told, watch } = fates();
    outbox.enqueue({ chatId: 1, priority: 'normal', payload: 'busy' });
    for (const name of ['x', 'y', 'z']) outbox.enqueue({ chatId: 1, priority: 'normal', payload: name, mergeKey: 'k', onFate: watch(name) });
    await clock.runAll();
    expect(delivered().map((d) => d.payload)).toEqual(['busy', 'x+y+z']);
    for (const name of ['x', 'y', 'z']) expect(told[name]).toEqual([{ status: 'sent', carried: 3 }]);
  });

  it('GIVEN a newer reply that takes an older one\'s place THEN the older hears "replaced" and the newer "sent"', async () => {
    const { clock, outbox, delivered } = outboxHarness<string>();
    const { told, watch } = fates();
    outbox.enqueue({ chatId: 1, priority: 'normal', payload: 'busy' });
    outbox.enqueue({ chatId: 1, priority: 'normal', payload: 'old', mergeKey: 'k', onFate: watch('old') });
    outbox.enqueue({ chatId: 1, priority: 'normal', payload: 'new', mergeKey: 'k', onFate: watch('new') });
    expect(told.old).toEqual([{ status: 'replaced' }]);
    await clock.runAll();
    expect(delivered().map((d) => d.payload)).toEqual(['busy', 'new']);
    expect(told.new).toEqual([{ status: 'sent', carried: 1 }]);
  });

  it('GIVEN a full queue, an eviction, a refusal by the platform and a close THEN each item hears why it was not sent', async () => {
    const { clock, outbox } = outboxHarness<string>({ maxQueued: 2, fail: (item) => (item.payload === 'refused' ? new Error('403 Forbidden') : undefined) });
    const { told, watch } = fates();
    outbox.enqueue({ chatId: 1, priority: 'low', payload: 'refused', onFate: watch('refused') });
    outbox.enqueue({ chatId: 1, priority: 'low', payload: 'evicted', onFate: watch('evicted') });
    // Full: the newcomer of equal priority evicts the oldest waiting low item.
    outbox.enqueue({ chatId: 1, priority: 'high', payload: 'kept', onFate: watch('kept') });
    outbox.enqueue({ chatId: 1, priority: 'high', payload: 'full', onFate: watch('full') });
    await clock.runAll();
    outbox.close();
    outbox.enqueue({ chatId: 1, priority: 'high', payload: 'late', onFate: watch('late') });
    expect(told.refused).toEqual([{ status: 'failed', error: new Error('403 Forbidden') }]);
    expect(told.evicted).toEqual([{ status: 'dropped', reason: 'evicted' }]);
    expect(told.full).toEqual([{ status: 'dropped', reason: 'queue_full' }]);
    expect(told.kept).toEqual([{ status: 'sent', carried: 1 }]);
    expect(told.late).toEqual([{ status: 'dropped', reason: 'closed' }]);
  });
});
