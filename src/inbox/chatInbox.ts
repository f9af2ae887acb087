/** What became of an item handed to the inbox. */
export type InboxPush = { outcome: 'queued'; waiting: number } | { outcome: 'dropped'; reason: 'full' | 'closed' };

export interface ChatInboxOptions<T> {
  /** Handles one item; the next item of the same chat waits for it, other chats' do not. */
  handle: (item: T, key: string) => Promise<void>;
  /**
   * Items one chat may have waiting. A chat's flood beyond it is dropped, newest first, and told
   * to `onDrop` one by one: memory stays bounded whatever a group sends.
   * @defaultValue INBOX_DEFAULTS.maxPerKey
   */
  maxPerKey?: number;
  /** Told about each item dropped (never silently): the adapter logs it with the chat and message. */
  onDrop?: (item: T, key: string, reason: 'full' | 'closed') => void;
  /** A handler that threw: told here, and the chat's next item goes on. */
  onError?: (error: unknown, item: T, key: string) => void;
}

export const INBOX_DEFAULTS = {
  /**
   * About a few minutes of a very busy group at the pace one chat is handled (hundreds of messages
   * a second): a flood this deep is an attack, and a platform update is about a kilobyte.
   */
  maxPerKey: 5_000,
} as const;

/** Figures for tests and the logs. */
export interface InboxStats {
  /** Items waiting or being handled, over all chats. */
  queued: number;
  /** Chats with items waiting or being handled. */
  chats: number;
  handled: number;
  dropped: number;
}

interface Lane<T> {
  items: T[];
  /** Index of the next item in `items` (items before it are done). */
  head: number;
}

/**
 * Per-chat first-in-first-out queues that run side by side: a chat's items are handled one at a
 * time, in the order they came, while every other chat's go on at once. What the platforms put
 * between receiving an update and handling it, so receiving never waits for handling and one
 * group's flood never delays another group.
 */
export class ChatInbox<T> {
  private readonly lanes = new Map<string, Lane<T>>();
  private readonly maxPerKey: number;
  private readonly counts = { queued: 0, handled: 0, dropped: 0 };
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: ChatInboxOptions<T>) {
    this.maxPerKey = options.maxPerKey ?? INBOX_DEFAULTS.maxPerKey;
  }

  /** Queues an item behind the chat's earlier ones and returns at once. */
  push(key: string, item: T): InboxPush {
    if (this.closed) return this.drop(item, key, 'closed');
    const lane = this.lanes.get(key);
    if (lane) {
      if (lane.items.length - lane.head >= this.maxPerKey) return this.drop(item, key, 'full');
      lane.items.push(item);
      this.counts.queued += 1;
      return { outcome: 'queued', waiting: lane.items.length - lane.head };
    }
    this.lanes.set(key, { items: [item], head: 0 });
    this.counts.queued += 1;
    void this.run(key);
    return { outcome: 'queued', waiting: 1 };
  }

  /** Resolves once every item queued so far (and any queued meanwhile) is handled. */
  settled(): Promise<void> {
    if (this.counts.queued === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Refuses new items (at shutdown); those queued are still handled. */
  close(): void {
    this.closed = true;
  }

  stats(): InboxStats {
    return { queued: this.counts.queued, chats: this.lanes.size, handled: this.counts.handled, dropped: this.counts.dropped };
  }

  /** Handles a chat's items until its lane is empty, then forgets the chat. */
  private async run(key: string): Promise<void> {
    const lane = this.lanes.get(key)!;
    while (lane.head < lane.items.length) {
      const item = lane.items[lane.head]!;
      try {
        await this.options.handle(item, key);
      } catch (error) {
        try {
          this.options.onError?.(error, item, key);
        } catch {
          // A reporter that throws must not stop the chat's queue.
        }
      }
      lane.items[lane.head] = undefined as T;
      lane.head += 1;
      // Drop handled items now and then: amortized O(1) per item, memory bounded by the waiting ones.
      if (lane.head > 1024 && lane.head * 2 > lane.items.length) {
        lane.items = lane.items.slice(lane.head);
        lane.head = 0;
      }
      this.counts.handled += 1;
      this.counts.queued -= 1;
    }
    this.lanes.delete(key);
    if (this.counts.queued === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const wake of waiters) wake();
    }
  }

  private drop(item: T, key: string, reason: 'full' | 'closed'): InboxPush {
    this.counts.dropped += 1;
    try {
      this.options.onDrop?.(item, key, reason);
    } catch {
      // Reporting a drop must not turn into a failed receive.
    }
    return { outcome: 'dropped', reason };
  }
}
