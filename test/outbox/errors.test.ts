import { describe, expect, it, vi } from 'vitest';
import { RetryAfterError } from '../../src/outbox/retryAfterError.js';
import { outboxHarness } from './harness.js';

describe('Outbox send errors', () => {
  it('GIVEN a 429 with retry after 3 s on the first send THEN that chat pauses 3 s, retries that item first, and other chats keep sending', async () => {
    const { clock, sends, outbox } = outboxHarness<string>({
      fail: (_item, attempt) => (attempt === 0 ? new RetryAfterError(3_000) : undefined),
    });
    for (const chat of ['a', 'b']) {
      for (let i = 0; i < 3; i++) outbox.enqueue({ chatId: chat, priority: 'normal', payload: `${chat}-${i}` });
    }
    await clock.advance(2_999);
    expect(sends.map((send) => [send.payload, send.at, send.ok])).toEqual([
      ['a-0', 0, false],
      ['b-0', 0, true],
      ['b-1', 0, true],
      ['b-2', 0, true],
    ]);

    await clock.advance(1);
    expect(sends.slice(4).map((send) => [send.payload, send.at, send.ok])).toEqual([
      ['a-0', 3_000, true],
      ['a-1', 3_000, true],
      ['a-2', 3_000, true],
    ]);
    expect(outbox.stats()).toEqual({ queued: 0, sent: 6, merged: 0, dropped: 0, retried: 1 });
  });

  it('GIVEN a global 429 THEN no chat sends until the pause ends', async () => {
    const { clock, sends, outbox } = outboxHarness<string>({
      fail: (_item, attempt) => (attempt === 0 ? new RetryAfterError(1_000, { global: true }) : undefined),
    });
    outbox.enqueue({ chatId: 'a', priority: 'normal', payload: 'a-0' });
    await clock.advance(0);
    for (const chat of ['a', 'b', 'c']) outbox.enqueue({ chatId: chat, priority: 'normal', payload: `${chat}-1` });
    await clock.advance(999);
    expect(sends).toHaveLength(1);

    await clock.advance(1);
    // a-0 goes first; a-1 waits for it (one send per chat at a time) while b and c take their turns.
    expect(sends.slice(1).map((send) => [send.payload, send.at])).toEqual([
      ['a-0', 1_000],
      ['b-1', 1_000],
      ['c-1', 1_000],
      ['a-1', 1_000],
    ]);
  });

  it.each([
    { given: 'a rejected send', error: new Error('Forbidden: bot was kicked') },
    { given: 'a send that throws a string', error: 'boom' },
  ])('GIVEN $given THEN onError is called once, the item is dropped and the queue continues', async ({ error }) => {
    const onError = vi.fn();
    const { clock, sends, delivered, outbox } = outboxHarness<string>({
      onError,
      fail: (_item, attempt) => (attempt === 0 ? (error as Error) : undefined),
    });
    for (let i = 0; i < 3; i++) outbox.enqueue({ chatId: 1, priority: 'normal', payload: `m-${i}` });
    await clock.runAll();

    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith({ chatId: 1, priority: 'normal', payload: 'm-0' }, error);
    expect(sends).toHaveLength(3);
    expect(delivered().map((send) => send.payload)).toEqual(['m-1', 'm-2']);
    expect(outbox.stats()).toEqual({ queued: 0, sent: 2, merged: 0, dropped: 1, retried: 0 });
  });

  it('GIVEN a send that throws synchronously and an onError that throws THEN the queue still continues', async () => {
    const { clock, outbox } = outboxHarness<string>({
      onError: () => {
        throw new Error('logger down');
      },
      fail: (item) => (item.payload === 'bad' ? new Error('bad payload') : undefined),
    });
    outbox.enqueue({ chatId: 1, priority: 'normal', payload: 'bad' });
    outbox.enqueue({ chatId: 1, priority: 'normal', payload: 'good' });
    await clock.runAll();
    expect(outbox.stats()).toMatchObject({ sent: 1, dropped: 1, queued: 0 });
  });
});

describe('Outbox lifecycle', () => {
  it('GIVEN queued items THEN drain resolves once they are all sent', async () => {
    const { clock, outbox } = outboxHarness<number>();
    for (let i = 0; i < 25; i++) outbox.enqueue({ chatId: 1, priority: 'normal', payload: i });
    let drained = false;
    void outbox.drain().then(() => {
      drained = true;
    });
    await clock.advance(30_000);
    expect(drained).toBe(false);
    await clock.advance(30_000);
    expect(drained).toBe(true);
  });

  it('GIVEN an empty outbox THEN drain resolves at once', async () => {
    const { outbox } = outboxHarness<number>();
    await expect(outbox.drain()).resolves.toBeUndefined();
  });

  it('GIVEN waiting items WHEN closed THEN they are dropped as closed, new items are refused and drain resolves', async () => {
    const onDrop = vi.fn();
    const { clock, delivered, outbox } = outboxHarness<number>({ onDrop });
    for (let i = 0; i < 25; i++) outbox.enqueue({ chatId: 1, priority: 'normal', payload: i });
    await clock.advance(0);
    outbox.close();

    expect(onDrop).toHaveBeenCalledTimes(5);
    expect(onDrop).toHaveBeenLastCalledWith({ chatId: 1, priority: 'normal', payload: 24 }, 'closed');
    expect(outbox.enqueue({ chatId: 1, priority: 'high', payload: 99 })).toEqual({ outcome: 'dropped', reason: 'closed' });
    await outbox.drain();
    await clock.runAll();
    expect(delivered()).toHaveLength(20);
    expect(outbox.stats()).toEqual({ queued: 0, sent: 20, merged: 0, dropped: 6, retried: 0 });
  });
});
