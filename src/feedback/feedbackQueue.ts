import { randomUUID } from 'node:crypto';
import { KeyedLock } from '../lib/keyedLock.js';
import type { KeyValueStore } from '../store/keyValueStore.js';
import { storeKey } from '../store/storeKey.js';
import { cutText } from '../lib/cutText.js';

/** What members tell the admins: "this is a rumor" (report) or "this is not a rumor" (dispute). */
export interface FeedbackItem {
  id: string;
  kind: 'report' | 'not_a_rumor';
  groupId: string;
  /** The message the feedback is about. */
  messageId: string;
  /** For a dispute: the debunk the bot matched. */
  debunkId?: string;
  by: { id: string; name: string };
  /** The member's own words, kept short. */
  note: string;
  /**
   * The message as the platform showed it when it was reported, where the adapter had it: a
   * message that matched no rumor is kept nowhere else, and the admins reviewing the report need
   * to read it. Kept short; it leaves the store with the item.
   */
  message?: {
    text: string;
    author: { id: string; name: string };
    /** When it was sent (ms since the epoch), where the adapter knows. */
    sentAt?: number;
    /** A link to it, where the platform has one. */
    link?: string;
    /** The channel it is in (Discord), to answer it there. */
    channelId?: string;
  };
  at: number;
  status: 'open' | 'accepted' | 'rejected';
}

/** Notes are shown to admins; a report is not an essay. */
const MAX_NOTE = 500;
/** The reported message's text as kept with the item: enough to judge it, never a whole essay. */
const MAX_MESSAGE = 2000;
/** Open items a group may hold: a member flooding reports cannot grow the store without end. */
export const MAX_OPEN_ITEMS = 200;
/** Open items one member may hold in a group: one member cannot fill the queue for everyone else. */
export const MAX_OPEN_PER_MEMBER = 10;

export type FeedbackResult = { ok: true; item: FeedbackItem } | { ok: false; error: 'duplicate' | 'queue_full' | 'member_limit' | 'not_found' };

const key = (groupId: string) => storeKey('feedback', groupId);

/**
 * The per-group queue of member reports and "not a rumor" disputes, kept in the store so every
 * bot process sees the same queue. Admins resolve items; resolved items leave the queue (the
 * ledger keeps the record of what the admins decided).
 */
export class FeedbackQueue {
  /**
   * Changes to one group's queue take turns within this process, so a burst of reports retries
   * only against other processes' writes, not against each other.
   */
  private readonly lock = new KeyedLock();

  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Adds a report or dispute; one per member and message. The queue is changed by an atomic
   * update of the store, so reports made at once (five members pressing "Report", or two bot
   * processes) are all kept.
   */
  async add(item: Omit<FeedbackItem, 'id' | 'at' | 'status'>): Promise<FeedbackResult> {
    const added: FeedbackItem = {
      ...item,
      note: cutText(item.note, MAX_NOTE),
      ...(item.message ? { message: { ...item.message, text: cutText(item.message.text, MAX_MESSAGE) } } : {}),
      id: randomUUID().slice(0, 8),
      at: this.now(),
      status: 'open',
    };
    // Set by the change's last run, the one stored (the cast keeps TypeScript from narrowing it).
    let result = { ok: true, item: added } as FeedbackResult;
    const change = (current: FeedbackItem[] | undefined) => {
      const items = current ?? [];
      if (items.some((i) => i.messageId === item.messageId && i.by.id === item.by.id && i.kind === item.kind)) {
        result = { ok: false, error: 'duplicate' };
        return current;
      }
      if (items.filter((i) => i.by.id === item.by.id).length >= MAX_OPEN_PER_MEMBER) {
        result = { ok: false, error: 'member_limit' };
        return current;
      }
      if (items.length >= MAX_OPEN_ITEMS) {
        result = { ok: false, error: 'queue_full' };
        return current;
      }
      result = { ok: true, item: added };
      return [...items, added];
    };
    await this.lock.run(item.groupId, () => this.store.update(key(item.groupId), change));
    return result;
  }

  /** Open items of a group, oldest first. */
  async open(groupId: string): Promise<FeedbackItem[]> {
    return (await this.store.get<FeedbackItem[]>(key(groupId))) ?? [];
  }

  /** Takes an item off the queue with the admin's decision; of two admins deciding at once, one does. */
  async resolve(groupId: string, id: string, decision: 'accepted' | 'rejected'): Promise<FeedbackResult> {
    let found = undefined as FeedbackItem | undefined;
    const change = (current: FeedbackItem[] | undefined) => {
      const items = current ?? [];
      found = items.find((i) => i.id === id);
      if (!found) return current;
      const rest = items.filter((i) => i.id !== id);
      // An empty queue leaves no key behind.
      return rest.length > 0 ? rest : undefined;
    };
    await this.lock.run(groupId, () => this.store.update(key(groupId), change));
    if (!found) return { ok: false, error: 'not_found' };
    return { ok: true, item: { ...found, status: decision } };
  }
}
