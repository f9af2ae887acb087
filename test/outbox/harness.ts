import { Outbox } from '../../src/outbox/outbox.js';
import type { OutboxOptions } from '../../src/outbox/options.js';
import type { ChatId, OutboxItem, Priority } from '../../src/outbox/types.js';
import { FakeClock } from './fakeClock.js';

export interface SendRecord<T> {
  readonly chatId: ChatId;
  readonly priority: Priority;
  readonly payload: T;
  readonly at: number;
  readonly ok: boolean;
}

/**
 * An outbox on a fake clock whose `send` records every attempt. `fail` may return an error to throw
 * for a given attempt (numbered from 0 over all attempts).
 */
export function outboxHarness<T>(
  options: Omit<OutboxOptions<T>, 'send' | 'clock'> & { fail?: (item: OutboxItem<T>, attempt: number) => Error | undefined } = {},
) {
  const clock = new FakeClock();
  const sends: SendRecord<T>[] = [];
  const { fail, ...rest } = options;
  const outbox = new Outbox<T>({
    ...rest,
    clock,
    send: async (item) => {
      const error = fail?.(item, sends.length);
      sends.push({ chatId: item.chatId, priority: item.priority, payload: item.payload, at: clock.now(), ok: !error });
      if (error) throw error;
    },
  });
  const delivered = () => sends.filter((send) => send.ok);
  return { clock, sends, delivered, outbox };
}

/** The most events found in any window of `windowMs` (an event at t counts until t + windowMs). */
export function maxInAnyWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[start] ?? 0) + windowMs <= (sorted[end] ?? 0)) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

/** The largest number of sends to one chat in any 60 s. */
export function maxPerChatPerMinute(sends: readonly SendRecord<unknown>[]): number {
  const byChat = new Map<ChatId, number[]>();
  for (const send of sends) byChat.set(send.chatId, [...(byChat.get(send.chatId) ?? []), send.at]);
  return Math.max(0, ...[...byChat.values()].map((times) => maxInAnyWindow(times, 60_000)));
}
