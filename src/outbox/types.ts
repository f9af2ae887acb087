/** A chat on any platform: Telegram uses numbers, Discord uses snowflake strings. */
export type ChatId = string | number;

/** Send order, most urgent first. */
export const PRIORITIES = ['high', 'normal', 'low'] as const;

/**
 * How urgent an outgoing message is.
 * - `high`: owner alerts, ledger-related notices, and refutations: the first answer to a rumor in a chat
 *   goes ahead of the pointers, warnings and digests a flood queued there; never evicted (refutations
 *   of one rumor fold into one, so a chat holds at most one per rumor).
 * - `normal`: warnings and mute notices.
 * - `low`: pointers and soft replies; the first to be merged or evicted under a flood.
 */
export type Priority = (typeof PRIORITIES)[number];

/** What finally became of one enqueued item: exactly one of these reaches its `onFate`. */
export type DeliveryFate =
  /** Sent; `carried` counts the items folded into the message (1 when it went alone). */
  | { readonly status: 'sent'; readonly carried: number }
  /** A later item with the same merge key took its place before it was sent. */
  | { readonly status: 'replaced' }
  | { readonly status: 'dropped'; readonly reason: Exclude<DropReason, 'send_failed'> }
  /** The platform refused it with an error that is not a rate limit. */
  | { readonly status: 'failed'; readonly error: unknown };

/** One outgoing message as the caller hands it to the outbox. */
export interface OutboxItem<T> {
  readonly chatId: ChatId;
  readonly priority: Priority;
  readonly payload: T;
  /** Waiting items of the same chat with the same key are folded into one message. */
  readonly mergeKey?: string;
  /** Told once what became of this item (sent, replaced, dropped, failed). */
  readonly onFate?: (fate: DeliveryFate) => void;
}

/** Two payloads folded into one: `combined` keeps both (a digest), otherwise the later replaced the earlier. */
export interface Merged<T> {
  readonly payload: T;
  readonly combined: boolean;
}

/** Why an item did not (or will not) reach the chat, with a sentence for logs. */
export const DROP_REASONS = {
  queue_full: 'the queue is full and holds nothing of lower priority to make room',
  evicted: 'made room for a newer item of equal or higher priority',
  send_failed: 'the send failed with an error that is not a rate limit (reported through onError)',
  closed: 'the outbox is closed',
} as const;

export type DropReason = keyof typeof DROP_REASONS;

/** What `enqueue` did with an item; an expected outcome, never an exception. */
export type EnqueueResult =
  | { readonly outcome: 'queued' }
  | { readonly outcome: 'merged' }
  | { readonly outcome: 'dropped'; readonly reason: DropReason };

/** Counters for tests and logs. `sent + dropped + merged + queued` equals the number of enqueues. */
export interface OutboxStats {
  /** Items held now: waiting, paused or being sent. */
  readonly queued: number;
  readonly sent: number;
  /** Items folded into an earlier waiting item. */
  readonly merged: number;
  /** Items refused, evicted, failed or discarded on close. */
  readonly dropped: number;
  /** Sends answered with a rate-limit error and put back at the front of their chat's queue. */
  readonly retried: number;
}
