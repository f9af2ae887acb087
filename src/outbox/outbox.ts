import { ChatQueue, PRIORITY_RANK, type QueuedEntry } from './chatQueue.js';
import type { CancelTimer } from './clock.js';
import { type OutboxOptions, type ResolvedOutboxOptions, resolveOutboxOptions } from './options.js';
import { RetryAfterError } from './retryAfterError.js';
import { SlidingWindow } from './slidingWindow.js';
import type { ChatId, DeliveryFate, EnqueueResult, OutboxItem, OutboxStats, Priority } from './types.js';

/**
 * Schedules outgoing bot messages under per-chat and global rate limits: most urgent first, oldest
 * first within a priority, chats served round-robin, memory bounded by `maxQueued`. Platform-free:
 * adapters pass `send` and throw `RetryAfterError` on a 429.
 */
export class Outbox<T> {
  private readonly options: ResolvedOutboxOptions<T>;
  // Map order is the round-robin order: a chat moves to the end when it is served.
  private readonly chats = new Map<ChatId, ChatQueue<T>>();
  private readonly globalWindow: SlidingWindow;
  private globalPausedUntil = 0;
  private nextSeq = 0;
  private held = 0;
  private readonly counts = { sent: 0, merged: 0, dropped: 0, retried: 0 };
  private cancelTimer: CancelTimer | undefined;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  private inFlight = 0;
  private quietWaiters: (() => void)[] = [];

  constructor(options: OutboxOptions<T>) {
    this.options = resolveOutboxOptions(options);
    this.globalWindow = new SlidingWindow(this.options.globalPerSecond ?? Number.POSITIVE_INFINITY, 1_000);
  }

  /**
   * Queues, merges or drops one message; never throws. What finally becomes of it (sent, replaced
   * by a newer one, dropped, refused by the platform) is told to the item's `onFate`, once.
   */
  enqueue(item: OutboxItem<T>): EnqueueResult {
    if (this.closed) return this.refuse(item, 'closed');
    const existing = this.chats.get(item.chatId);
    if (item.mergeKey !== undefined && existing && this.mergeInto(existing, item)) return { outcome: 'merged' };
    if (this.held >= this.options.maxQueued && !this.evictFor(item.priority)) return this.refuse(item, 'queue_full');

    const chat = existing ?? this.addChat(item.chatId);
    chat.push({ item, seq: this.nextSeq++, watchers: item.onFate ? [item.onFate] : [], carried: 1 });
    this.held += 1;
    this.pump();
    return { outcome: 'queued' };
  }

  stats(): OutboxStats {
    return { queued: this.held, ...this.counts };
  }

  /** Resolves once nothing is held: every item sent, merged or dropped. */
  drain(): Promise<void> {
    if (this.held === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Resolves when no send is under way (items may still wait for their rate window). Lets a test
   * on a fake clock move time only once the sends of the current moment have finished.
   */
  settled(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.quietWaiters.push(resolve));
  }

  /** Refuses new items and discards waiting ones; sends already under way finish. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    for (const chat of this.chats.values()) {
      for (const entry of chat.clear()) this.drop(entry, 'closed');
    }
    this.notifyIfIdle();
  }

  private addChat(chatId: ChatId): ChatQueue<T> {
    const chat = new ChatQueue<T>(this.options.perChatPerMinute ?? Number.POSITIVE_INFINITY);
    this.chats.set(chatId, chat);
    return chat;
  }

  private mergeInto(chat: ChatQueue<T>, item: OutboxItem<T>): boolean {
    const target = chat.mergeTarget(item.mergeKey ?? '');
    if (!target) return false;
    let merged: { payload: T; combined: boolean };
    try {
      merged = this.options.merge(target.item.payload, item.payload);
    } catch {
      // A merge that cannot combine these two leaves them as two messages rather than losing one.
      return false;
    }
    const priority = PRIORITY_RANK[item.priority] < PRIORITY_RANK[target.item.priority] ? item.priority : target.item.priority;
    chat.replace(target, { ...target.item, payload: merged.payload, priority });
    if (merged.combined) {
      target.carried += 1;
      if (item.onFate) target.watchers.push(item.onFate);
    } else {
      // The newer message takes the older's place: the older ones will never be sent.
      this.tell(target.watchers.splice(0), { status: 'replaced' });
      target.carried = 1;
      if (item.onFate) target.watchers.push(item.onFate);
    }
    this.counts.merged += 1;
    this.pump();
    return true;
  }

  /**
   * Makes room by evicting the oldest waiting item of the lowest priority, if that is no more urgent than
   * the newcomer. High items are never evicted.
   */
  private evictFor(priority: Priority): boolean {
    for (const lane of ['low', 'normal'] as const) {
      if (PRIORITY_RANK[lane] < PRIORITY_RANK[priority]) return false;
      let victim: { chat: ChatQueue<T>; entry: QueuedEntry<T> } | undefined;
      for (const chat of this.chats.values()) {
        const entry = chat.oldest(lane);
        if (entry && (!victim || entry.seq < victim.entry.seq)) victim = { chat, entry };
      }
      if (victim) {
        victim.chat.remove(lane);
        this.drop(victim.entry, 'evicted');
        return true;
      }
    }
    return false;
  }

  private refuse(item: OutboxItem<T>, reason: 'closed' | 'queue_full'): EnqueueResult {
    this.counts.dropped += 1;
    if (item.onFate) this.tell([item.onFate], { status: 'dropped', reason });
    return { outcome: 'dropped', reason };
  }

  private drop(entry: QueuedEntry<T>, reason: 'evicted' | 'closed'): void {
    this.held -= 1;
    this.counts.dropped += 1;
    this.tell(entry.watchers, { status: 'dropped', reason });
    this.callHook(() => this.options.onDrop(entry.item, reason));
  }

  /** Tells watchers what became of their message; one throwing watcher does not silence the rest. */
  private tell(watchers: readonly ((fate: DeliveryFate) => void)[], fate: DeliveryFate): void {
    for (const watch of watchers) this.callHook(() => watch(fate));
  }

  /** Sends everything that may go now, then sets one timer for the next moment something may. */
  private pump(): void {
    if (this.closed) return;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    const { clock } = this.options;
    const now = clock.now();
    let wakeAt: number;
    for (;;) {
      const globalFreeAt = Math.max(this.globalPausedUntil, this.globalWindow.nextFreeAt(now));
      const pick = this.pickChat(now);
      if (pick.chat && globalFreeAt <= now) {
        this.dispatch(pick.chat, now);
        continue;
      }
      wakeAt = pick.chat ? globalFreeAt : Math.max(pick.wakeAt, globalFreeAt);
      break;
    }
    if (Number.isFinite(wakeAt)) {
      this.cancelTimer = clock.setTimer(() => {
        this.cancelTimer = undefined;
        this.pump();
      }, Math.max(0, wakeAt - now));
    }
  }

  /**
   * The chat to serve now: the most urgent waiting priority among ready chats, and among those the one
   * served longest ago. Otherwise the earliest time a waiting chat becomes ready (Infinity if none waits).
   */
  private pickChat(now: number): { chat?: ChatQueue<T>; wakeAt: number } {
    let best: ChatQueue<T> | undefined;
    let bestRank = Number.POSITIVE_INFINITY;
    let wakeAt = Number.POSITIVE_INFINITY;
    for (const [chatId, chat] of this.chats) {
      // A chat with a send under way is woken by that send settling, not by a timer.
      if (chat.sending) continue;
      const priority = chat.bestPriority();
      if (priority === undefined) {
        // Forget idle chats only once their window is empty, or a returning chat could exceed its limit.
        if (chat.isDisposable(now)) this.chats.delete(chatId);
        continue;
      }
      const readyAt = Math.max(chat.pausedUntil, chat.window.nextFreeAt(now));
      if (readyAt > now) {
        wakeAt = Math.min(wakeAt, readyAt);
      } else if (PRIORITY_RANK[priority] < bestRank) {
        best = chat;
        bestRank = PRIORITY_RANK[priority];
        if (bestRank === PRIORITY_RANK.high) break;
      }
    }
    return best ? { chat: best, wakeAt: now } : { wakeAt };
  }

  private dispatch(chat: ChatQueue<T>, now: number): void {
    const entry = chat.takeNext();
    if (!entry) return;
    chat.sending = entry;
    this.inFlight += 1;
    // A send counts against both windows when it starts: the platform counts requests, not successes.
    chat.window.record(now);
    this.globalWindow.record(now);
    this.chats.delete(entry.item.chatId);
    this.chats.set(entry.item.chatId, chat);
    // Starting inside a promise turns a synchronous throw from `send` into a rejection.
    void Promise.resolve()
      .then(() => this.options.send(entry.item))
      .then(
        () => this.settle(chat, entry, { ok: true }),
        (error: unknown) => this.settle(chat, entry, { ok: false, error }),
      );
  }

  private settle(chat: ChatQueue<T>, entry: QueuedEntry<T>, result: { ok: true } | { ok: false; error: unknown }): void {
    chat.sending = undefined;
    this.inFlight -= 1;
    if (result.ok) {
      this.held -= 1;
      this.counts.sent += 1;
      this.tell(entry.watchers, { status: 'sent', carried: entry.carried });
    } else if (result.error instanceof RetryAfterError) {
      this.counts.retried += 1;
      if (this.closed) {
        this.drop(entry, 'closed');
      } else {
        const until = this.options.clock.now() + result.error.retryAfterMs;
        if (result.error.global) this.globalPausedUntil = Math.max(this.globalPausedUntil, until);
        else chat.pausedUntil = Math.max(chat.pausedUntil, until);
        chat.unshift(entry);
      }
    } else {
      this.held -= 1;
      this.counts.dropped += 1;
      const { error } = result;
      this.tell(entry.watchers, { status: 'failed', error });
      this.callHook(() => this.options.onError(entry.item, error));
    }
    this.notifyIfIdle();
    this.pump();
    // After pump(): a send it started right away keeps the outbox busy.
    if (this.inFlight === 0) {
      const waiters = this.quietWaiters;
      this.quietWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  // A throwing hook must not stop the queue; there is no better place left to report it.
  private callHook(hook: () => void): void {
    try {
      hook();
    } catch {
      /* ignored on purpose */
    }
  }

  private notifyIfIdle(): void {
    if (this.held !== 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
