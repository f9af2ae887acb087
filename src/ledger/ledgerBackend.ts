import type { LedgerEntry } from './ledgerEntry.js';
import { entriesOf, storedItem, type StoredChain } from './storedEntry.js';

/** The end of a group's chain. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * A message text kept beside the chain: the chain holds only its sha256 (`messageHash`), so the
 * text can go after its time without breaking verification.
 */
export interface KeptText {
  /** sha256 (hex) of the text: the record's `messageHash`. */
  hash: string;
  text: string;
  /** After this moment the text is gone: no longer returned, and removed by the next purge. */
  keepUntil: Date;
}

/**
 * Where ledger entries are kept. Appending is compare-and-set on the head: an entry is written
 * only if it follows the current head (its seq is head + 1 and its prev is the head's hash);
 * otherwise another writer got there first and `tryAppend` returns false. Each backend
 * implements that atomically (a unique (group, seq) key in SQL, a script in Redis), which is
 * what keeps two processes from losing an entry or forking a chain.
 */
export interface LedgerBackend {
  head(groupId: string): Promise<ChainHead | undefined>;
  /** Appends `entry` when it follows the head; `text`, if any, is kept beside it in the same step. */
  tryAppend(groupId: string, entry: LedgerEntry, text?: KeptText): Promise<boolean>;
  /** Entries of a group as stored, in storage order; rejects with DamagedLedgerError on damage. */
  read(groupId: string): Promise<LedgerEntry[]>;
  /**
   * A group's storage in one snapshot, damaged items included as values, with the head the store
   * keeps apart (if it keeps one): what verification checks.
   */
  readChain(groupId: string): Promise<StoredChain>;
  /** Groups that have a ledger. */
  groups(): Promise<string[]>;
  /** The texts still kept for these message hashes in a group (by hash; gone ones are absent). */
  texts(groupId: string, hashes: readonly string[], now: Date): Promise<Map<string, string>>;
  /** Removes texts whose time is over; returns how many (0 where the store expires them itself). */
  purgeTexts(now: Date): Promise<number>;
}

/** A ledger kept in memory: for tests and the playground. */
export function memoryLedgerBackend(): LedgerBackend & { entries: Map<string, LedgerEntry[]>; kept: Map<string, KeptText> } {
  const entries = new Map<string, LedgerEntry[]>();
  const kept = new Map<string, KeptText>();
  const textKey = (groupId: string, hash: string) => `${groupId}\n${hash}`;
  const readChain = async (groupId: string): Promise<StoredChain> => ({
    // Tests put anything into the lists, as someone editing a database would.
    items: (entries.get(groupId) ?? []).map((value, i) => storedItem(value, i + 1)),
  });
  return {
    entries,
    kept,
    async head(groupId) {
      const list = entries.get(groupId);
      const last = list?.[list.length - 1];
      return last ? { seq: last.seq, hash: last.hash } : undefined;
    },
    async tryAppend(groupId, entry, text) {
      const list = entries.get(groupId) ?? [];
      const last = list[list.length - 1];
      if (entry.seq !== (last?.seq ?? 0) + 1 || (last && entry.prev !== last.hash)) return false;
      list.push(entry);
      entries.set(groupId, list);
      if (text) kept.set(textKey(groupId, text.hash), text);
      return true;
    },
    read: async (groupId) => entriesOf(groupId, await readChain(groupId)),
    readChain,
    async groups() {
      return [...entries.keys()];
    },
    async texts(groupId, hashes, now) {
      const found = new Map<string, string>();
      for (const hash of hashes) {
        const t = kept.get(textKey(groupId, hash));
        if (t && t.keepUntil.getTime() > now.getTime()) found.set(hash, t.text);
      }
      return found;
    },
    async purgeTexts(now) {
      let n = 0;
      for (const [key, t] of kept) if (t.keepUntil.getTime() <= now.getTime() && kept.delete(key)) n++;
      return n;
    },
  };
}
