import type { FeedbackItem } from '../feedback/feedbackQueue.js';
import { minHash, nearDuplicate } from '../matching/minHash.js';

/** A person named in a review item (reporter, author). */
export interface Person {
  id: string;
  name: string;
}

/**
 * What an admin reviews: one reported message, or one dispute, with every member's feedback about
 * it and about its near-duplicates gathered in one item, so twenty reports of one rumor are one
 * decision. Its id is the id of its oldest feedback item.
 */
export interface ReviewItem {
  id: string;
  kind: FeedbackItem['kind'];
  groupId: string;
  /** The reported message (the oldest one that has its text), as the platform showed it. */
  message?: { messageId: string; text: string; author: Person; sentAt?: number; link?: string; channelId?: string };
  /** For a dispute: the debunk the bot matched. */
  debunkId?: string;
  /** Every member who reported it (or disputed the match), once each, in order. */
  reporters: Person[];
  /** Members' notes, without empty ones. */
  notes: string[];
  /** When it was first reported. */
  at: number;
  /** Every message the item stands for: the one reported and its near-duplicates. */
  messageIds: string[];
  /** The messages grouped with it that have their text (to answer each one), oldest first. */
  messages: NonNullable<ReviewItem['message']>[];
  /** The feedback items it gathers (resolved together). */
  feedback: FeedbackItem[];
}

/**
 * Gathers a group's open feedback into review items: items of one kind about the same message, or
 * about messages whose texts are near-duplicates (MinHash, see minHash.ts), become one. Oldest
 * first. Linear in items × groups formed; the queue holds at most MAX_OPEN_ITEMS.
 */
export function reviewItems(open: readonly FeedbackItem[]): ReviewItem[] {
  const groups: { item: ReviewItem; signatures: number[][] }[] = [];
  for (const f of [...open].sort((a, b) => a.at - b.at)) {
    const signature = f.message ? minHash(f.message.text) : [];
    const home = groups.find(
      (g) =>
        g.item.kind === f.kind &&
        (f.kind === 'report' || g.item.debunkId === f.debunkId) &&
        (g.item.messageIds.includes(f.messageId) || (signature.length > 0 && g.signatures.some((s) => nearDuplicate(s, signature)))),
    );
    if (home) {
      add(home.item, f);
      if (signature.length > 0) home.signatures.push(signature);
    } else {
      const item: ReviewItem = {
        id: f.id,
        kind: f.kind,
        groupId: f.groupId,
        ...(f.debunkId ? { debunkId: f.debunkId } : {}),
        reporters: [],
        notes: [],
        at: f.at,
        messageIds: [],
        messages: [],
        feedback: [],
      };
      add(item, f);
      groups.push({ item, signatures: signature.length > 0 ? [signature] : [] });
    }
  }
  return groups.map((g) => g.item);
}

/** The review item holding the feedback item with this id (any of its items' ids names it). */
export function findReviewItem(items: readonly ReviewItem[], id: string): ReviewItem | undefined {
  return items.find((i) => i.id === id) ?? items.find((i) => i.feedback.some((f) => f.id === id));
}

function add(item: ReviewItem, f: FeedbackItem): void {
  item.feedback.push(f);
  if (!item.reporters.some((r) => r.id === f.by.id)) item.reporters.push({ id: f.by.id, name: f.by.name });
  if (f.note.trim()) item.notes.push(f.note.trim());
  if (!item.messageIds.includes(f.messageId)) {
    item.messageIds.push(f.messageId);
    if (f.message) {
      const m = { messageId: f.messageId, ...f.message };
      item.messages.push(m);
      item.message ??= m;
    }
  } else if (f.message && !item.messages.some((m) => m.messageId === f.messageId)) {
    const m = { messageId: f.messageId, ...f.message };
    item.messages.push(m);
    item.message ??= m;
  }
}
