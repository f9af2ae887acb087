import { SlidingWindow } from './slidingWindow.js';
import { type DeliveryFate, type OutboxItem, PRIORITIES, type Priority } from './types.js';

/** Lower is more urgent. */
export const PRIORITY_RANK = { high: 0, normal: 1, low: 2 } as const satisfies Record<Priority, number>;

/** A held item and its enqueue order, which decides "oldest" across chats. */
export interface QueuedEntry<T> {
  item: OutboxItem<T>;
  readonly seq: number;
  /** Everyone waiting to hear what became of this message: its own item and those folded into it. */
  watchers: ((fate: DeliveryFate) => void)[];
  /** Items this message carries: 1, plus every item combined into it. */
  carried: number;
}

/** The waiting items of one chat, its send window and its pause. */
export class ChatQueue<T> {
  readonly window: SlidingWindow;
  /** No send to this chat before this time (a per-chat 429). */
  pausedUntil = 0;
  /** The item being sent; one at a time per chat keeps replies in order and makes a 429 retry go first. */
  sending: QueuedEntry<T> | undefined;
  private readonly lanes: Record<Priority, QueuedEntry<T>[]> = { high: [], normal: [], low: [] };
  private readonly byMergeKey = new Map<string, QueuedEntry<T>>();

  constructor(perMinute: number) {
    this.window = new SlidingWindow(perMinute, 60_000);
  }

  get waiting(): number {
    return this.lanes.high.length + this.lanes.normal.length + this.lanes.low.length;
  }

  /** The most urgent priority waiting, if any. */
  bestPriority(): Priority | undefined {
    return PRIORITIES.find((priority) => this.lanes[priority].length > 0);
  }

  /** The oldest waiting entry of a priority. */
  oldest(priority: Priority): QueuedEntry<T> | undefined {
    return this.lanes[priority][0];
  }

  push(entry: QueuedEntry<T>): void {
    this.lanes[entry.item.priority].push(entry);
    this.index(entry);
  }

  /** Puts an entry back at the front of its priority, e.g. after a 429. */
  unshift(entry: QueuedEntry<T>): void {
    this.lanes[entry.item.priority].unshift(entry);
    this.index(entry);
  }

  /** Removes and returns the most urgent, oldest entry. */
  takeNext(): QueuedEntry<T> | undefined {
    const priority = this.bestPriority();
    if (priority === undefined) return undefined;
    return this.remove(priority);
  }

  /** Removes and returns the oldest entry of a priority. */
  remove(priority: Priority): QueuedEntry<T> | undefined {
    const entry = this.lanes[priority].shift();
    if (entry) this.unindex(entry);
    return entry;
  }

  /** Removes and returns every waiting entry. */
  clear(): QueuedEntry<T>[] {
    const all = PRIORITIES.flatMap((priority) => this.lanes[priority].splice(0));
    this.byMergeKey.clear();
    return all;
  }

  /** The waiting entry a later item with this key folds into. */
  mergeTarget(mergeKey: string): QueuedEntry<T> | undefined {
    return this.byMergeKey.get(mergeKey);
  }

  /** Replaces a waiting entry's item; moves it to the back of a more urgent priority if raised. */
  replace(entry: QueuedEntry<T>, item: OutboxItem<T>): void {
    const from = this.lanes[entry.item.priority];
    if (item.priority !== entry.item.priority) {
      from.splice(from.indexOf(entry), 1);
      this.lanes[item.priority].push(entry);
    }
    entry.item = item;
  }

  /** Whether nothing here needs remembering: no items, no send under way, no pause, no recent send. */
  isDisposable(now: number): boolean {
    return this.waiting === 0 && !this.sending && this.pausedUntil <= now && this.window.isIdle(now);
  }

  private index(entry: QueuedEntry<T>): void {
    const key = entry.item.mergeKey;
    if (key !== undefined && !this.byMergeKey.has(key)) this.byMergeKey.set(key, entry);
  }

  private unindex(entry: QueuedEntry<T>): void {
    const key = entry.item.mergeKey;
    if (key !== undefined && this.byMergeKey.get(key) === entry) this.byMergeKey.delete(key);
  }
}
