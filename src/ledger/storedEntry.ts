import type { LedgerEntry } from './ledgerEntry.js';

/**
 * Something in a group's storage that should be a ledger entry and is not: text that is no longer
 * JSON, `null`, an object without its record. Kept as a value, so verification names it as a
 * fault at its place instead of stopping with an exception.
 */
export interface DamagedEntry {
  damaged: true;
  /** The sequence number its place in storage stands for (its row's seq, or list position + 1). */
  seq: number;
  /** What is wrong with it: "not JSON", "null", "no record", … */
  reason: string;
}

/** One item of a group's storage, in storage order. */
export type StoredItem = LedgerEntry | DamagedEntry;

export const isDamaged = (item: StoredItem): item is DamagedEntry => (item as Partial<DamagedEntry>).damaged === true;

/** A group's storage as read in one snapshot. */
export interface StoredChain {
  items: StoredItem[];
  /**
   * The head the store keeps apart from the entries (Redis's head key), read in the same snapshot;
   * absent where the head is simply the last entry (SQL, memory) or there is none.
   */
  head?: { seq: number; hash: string };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Why `value` is not a ledger entry, or undefined when it has an entry's shape (whether its
 * content is true is for verification to say).
 */
export function entryShapeFault(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (!isObject(value)) return `a ${Array.isArray(value) ? 'list' : typeof value}, not an entry`;
  if (!Number.isSafeInteger(value.seq) || (value.seq as number) < 1) return 'no sequence number';
  if (!isObject(value.record)) return 'no record';
  if (typeof value.record.type !== 'string' || typeof value.record.groupId !== 'string') return 'a record without type or group';
  for (const field of ['at', 'prev', 'hash'] as const) if (typeof value[field] !== 'string') return `no ${field}`;
  return undefined;
}

/** `value` as an entry, or as damage at `seq` when it does not have an entry's shape. */
export function storedItem(value: unknown, seq: number): StoredItem {
  const fault = entryShapeFault(value);
  return fault === undefined ? (value as LedgerEntry) : { damaged: true, seq, reason: fault };
}

/** Thrown where a caller needs entries and storage holds damage: names the group, seq and fault. */
export class DamagedLedgerError extends Error {
  constructor(
    readonly groupId: string,
    readonly item: DamagedEntry,
  ) {
    super(`ledger entry seq ${item.seq} of group ${groupId} is damaged (${item.reason}): the store was damaged or edited by hand`);
    this.name = 'DamagedLedgerError';
  }
}

/** The entries of a snapshot; damage is an error (for callers that cannot work around it). */
export function entriesOf(groupId: string, chain: StoredChain): LedgerEntry[] {
  return chain.items.map((item) => {
    if (isDamaged(item)) throw new DamagedLedgerError(groupId, item);
    return item;
  });
}
