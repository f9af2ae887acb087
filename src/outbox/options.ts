import { type Clock, realClock } from './clock.js';
import type { DropReason, Merged, OutboxItem } from './types.js';

/** How an `Outbox` sends, limits and reports. Only `send` is required. */
export interface OutboxOptions<T> {
  /** Delivers one message; throws `RetryAfterError` on a platform 429. */
  send: (item: OutboxItem<T>) => Promise<void>;
  /**
   * Sends to one chat in any 60 s. Telegram allows 20 messages a minute per group; `null`: no
   * window of ours, for a platform whose client keeps the platform's limits itself (see
   * PLATFORM_LIMITS). One send at a time per chat either way.
   * @defaultValue 20
   */
  perChatPerMinute?: number | null;
  /**
   * Sends to all chats together in any 1 s. Telegram's bulk limit is about 30 a second; `null`:
   * no window of ours.
   * @defaultValue 30
   */
  globalPerSecond?: number | null;
  /**
   * Items held at once (waiting or being sent), so a flood cannot grow memory without bound.
   * @defaultValue 1000
   */
  maxQueued?: number;
  /**
   * Folds a later payload into an earlier waiting one with the same chat and merge key, e.g. to
   * build one digest reply (`combined: true`), or to let a newer reply take the older's place.
   * @defaultValue the later payload replaces the earlier
   */
  merge?: (earlier: T, later: T) => Merged<T>;
  /**
   * Called once when a send fails with an error other than `RetryAfterError`; the item is dropped.
   * @defaultValue does nothing
   */
  onError?: (item: OutboxItem<T>, error: unknown) => void;
  /**
   * Called when an item that was already queued is evicted or discarded on close. Failed sends go to
   * `onError` instead, and refused enqueues are told by the return value.
   * @defaultValue does nothing
   */
  onDrop?: (item: OutboxItem<T>, reason: DropReason) => void;
  /**
   * Time source and timers.
   * @defaultValue real time (`Date.now`, `setTimeout`)
   */
  clock?: Clock;
}

const keepLater = <T>(_earlier: T, later: T): Merged<T> => ({ payload: later, combined: false });
const ignore = (): void => undefined;

export const DEFAULT_OUTBOX_OPTIONS = {
  perChatPerMinute: 20,
  globalPerSecond: 30,
  maxQueued: 1000,
  merge: keepLater,
  onError: ignore,
  onDrop: ignore,
  clock: realClock,
} as const satisfies Required<Omit<OutboxOptions<unknown>, 'send'>>;

export type ResolvedOutboxOptions<T> = Required<OutboxOptions<T>>;

/** User values over the defaults; limits must be positive integers. */
export function resolveOutboxOptions<T>(options: OutboxOptions<T>): ResolvedOutboxOptions<T> {
  const resolved: ResolvedOutboxOptions<T> = {
    send: options.send,
    // null is a value here (no limit), not "unset".
    perChatPerMinute: options.perChatPerMinute === undefined ? DEFAULT_OUTBOX_OPTIONS.perChatPerMinute : options.perChatPerMinute,
    globalPerSecond: options.globalPerSecond === undefined ? DEFAULT_OUTBOX_OPTIONS.globalPerSecond : options.globalPerSecond,
    maxQueued: options.maxQueued ?? DEFAULT_OUTBOX_OPTIONS.maxQueued,
    merge: options.merge ?? DEFAULT_OUTBOX_OPTIONS.merge,
    onError: options.onError ?? DEFAULT_OUTBOX_OPTIONS.onError,
    onDrop: options.onDrop ?? DEFAULT_OUTBOX_OPTIONS.onDrop,
    clock: options.clock ?? DEFAULT_OUTBOX_OPTIONS.clock,
  };
  for (const field of ['perChatPerMinute', 'globalPerSecond', 'maxQueued'] as const) {
    const value = resolved[field];
    if (value === null && field !== 'maxQueued') continue;
    if (!Number.isInteger(value) || value! < 1) {
      throw new RangeError(`outbox option ${field} must be a positive integer${field === 'maxQueued' ? '' : ' or null (no limit)'}, got ${String(value)}`);
    }
  }
  return resolved;
}
