import type { LedgerEntry } from './ledgerEntry.js';

/** The end of a group's chain. */
export interface ChainHead {
  seq: number;
  hash: string;
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
  tryAppend(groupId: string, entry: LedgerEntry): Promise<boolean>;
  /** Entries of a group as stored, in storage order (verification checks that order). */
  read(groupId: string): Promise<LedgerEntry[]>;
  /** Groups that have a ledger. */
  groups(): Promise<string[]>;
}

/** A ledger kept in memory: for tests and the playground. */
export function memoryLedgerBackend(): LedgerBackend & { entries: Map<string, LedgerEntry[]> } {
  const entries = new Map<string, LedgerEntry[]>();
  return {
    entries,
    async head(groupId) {
      const list = entries.get(groupId);
      const last = list?.[list.length - 1];
      return last ? { seq: last.seq, hash: last.hash } : undefined;
    },
    async tryAppend(groupId, entry) {
      const list = entries.get(groupId) ?? [];
      const last = list[list.length - 1];
      if (entry.seq !== (last?.seq ?? 0) + 1 || (last && entry.prev !== last.hash)) return false;
      list.push(entry);
      entries.set(groupId, list);
      return true;
    },
    async read(groupId) {
      return [...(entries.get(groupId) ?? [])];
    },
    async groups() {
      return [...entries.keys()];
    },
  };
}
