import { sha256Hex } from '../lib/sha256Hex.js';
import { canonicalJson } from './canonicalJson.js';
import type { LedgerRecord } from './ledgerRecord.js';

/** A record as kept in a group's ledger: numbered, timed and chained to the entry before it. */
export interface LedgerEntry {
  /** 1, 2, 3, … per group, without gaps. */
  seq: number;
  /** When it was appended (ISO 8601). */
  at: string;
  record: LedgerRecord;
  /** `hash` of the entry before (for seq 1: the group's genesis hash). */
  prev: string;
  /** sha256 over the canonical JSON (RFC 8785) of seq, at, record and prev. */
  hash: string;
}

/**
 * The hash the first entry of a group chains to. Tied to the group, so entries cannot be moved
 * from one group's ledger to another's without breaking both.
 */
export const genesisHash = (groupId: string) => sha256Hex(`rumorguard-ledger-v1:${groupId}`);

/**
 * The entry's hash. The canonical encoding (sorted keys, one number format) makes it the same
 * on every backend and in every language that re-checks an export.
 */
export function hashEntry(entry: Omit<LedgerEntry, 'hash'>): string {
  const body = canonicalJson({ seq: entry.seq, at: entry.at, record: entry.record, prev: entry.prev });
  if (body === undefined) throw new TypeError('ledger entry cannot be encoded');
  return sha256Hex(body);
}

/** Builds the entry that follows `head` (or the first one when the ledger is empty). */
export function nextEntry(groupId: string, head: { seq: number; hash: string } | undefined, record: LedgerRecord, at: Date): LedgerEntry {
  const draft = { seq: (head?.seq ?? 0) + 1, at: at.toISOString(), record, prev: head?.hash ?? genesisHash(groupId) };
  return { ...draft, hash: hashEntry(draft) };
}
