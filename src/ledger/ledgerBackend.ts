import type { LedgerEntry } from './ledgerEntry.js';
import { entriesOf, isDamaged, storedItem, type StoredChain, type StoredItem } from './storedEntry.js';

/** The end of a group's chain. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * Where a group's storage ended when an export or a verification began: pages are read up to
 * `end` and no further, so entries appended meanwhile are not half in a report, and every pass
 * over the chain sees the same entries.
 */
export interface ChainEnd {
  /** The place of the last item stored (its seq in SQL, its position in a list), 0 when none. */
  end: number;
  /** The head the store keeps apart from the entries (Redis), read in the same snapshot. */
  head?: ChainHead;
}

/** Items of a group's storage after one place, and the place of the last of them. */
export interface ChainPage {
  items: StoredItem[];
  /** The place to read the next page after (the `after` of the next readPage). */
  last: number;
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
 * Where ledger entries are kept. Appending is compare-and-set on the head: entries are written
 * only if the first follows the current head (its seq is head + 1 and its prev is the head's
 * hash), all of them or none; otherwise another writer got there first and `tryAppend` returns
 * false. Each backend implements that atomically (a unique (group, seq) key in one SQL
 * transaction or statement, a script in Redis), which is what keeps two processes from losing an
 * entry or forking a chain. Several entries in one call are one write (one commit, one round
 * trip): that is how a busy group's records reach the store at the rate they arrive.
 */
export interface LedgerBackend {
  head(groupId: string): Promise<ChainHead | undefined>;
  /**
   * Appends consecutive `entries` (each chained to the one before) when the first follows the
   * head; `texts` are kept beside them in the same step.
   */
  tryAppend(groupId: string, entries: readonly LedgerEntry[], texts?: readonly KeptText[]): Promise<boolean>;
  /** The last `count` entries of a group, in chain order (damaged items left out). */
  tail(groupId: string, count: number): Promise<LedgerEntry[]>;
  /** Entries of a group as stored, in storage order; rejects with DamagedLedgerError on damage. */
  read(groupId: string): Promise<LedgerEntry[]>;
  /**
   * A group's storage in one snapshot, damaged items included as values, with the head the store
   * keeps apart (if it keeps one): what verification checks.
   */
  readChain(groupId: string): Promise<StoredChain>;
  /** Where a group's storage ends now (see ChainEnd). */
  chainEnd(groupId: string): Promise<ChainEnd>;
  /**
   * Up to `limit` items of a group's storage, in storage order, placed after `after` and at most
   * at `end` (from chainEnd): what exports and verification read a page at a time, so a chain of
   * millions of entries is never in memory at once.
   */
  readPage(groupId: string, after: number, end: number, limit: number): Promise<ChainPage>;
  /** Groups that have a ledger. */
  groups(): Promise<string[]>;
  /** The texts still kept for these message hashes in a group (by hash; gone ones are absent). */
  texts(groupId: string, hashes: readonly string[], now: Date): Promise<Map<string, string>>;
  /**
   * `texts` for one pass through a group's chain in order (an export's), one call per page: the
   * same answers, where a store can find them faster knowing the pages come in chain order.
   */
  textsInOrder?(groupId: string): (hashes: readonly string[], now: Date) => Promise<Map<string, string>>;
  /** Removes texts whose time is over; returns how many (0 where the store expires them itself). */
  purgeTexts(now: Date): Promise<number>;
  /**
   * Where another thread can open this store on a connection of its own to read it (a long
   * export runs in a worker thread): absent, or undefined, for a store it cannot open (memory).
   */
  readerSource?(): Promise<ReaderSource | undefined>;
}

/** A store a worker thread can open to read (see LedgerBackend.readerSource): a SQLite file. */
export interface ReaderSource {
  kind: 'sqlite';
  /** The file's absolute path. */
  file: string;
  table: string;
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
    async tryAppend(groupId, appended, texts = []) {
      const list = entries.get(groupId) ?? [];
      const last = list[list.length - 1];
      const first = appended[0];
      if (!first || first.seq !== (last?.seq ?? 0) + 1 || (last && first.prev !== last.hash)) return false;
      for (const entry of appended) list.push(entry);
      entries.set(groupId, list);
      for (const text of texts) kept.set(textKey(groupId, text.hash), text);
      return true;
    },
    async tail(groupId, count) {
      return (await readChain(groupId)).items.filter((e): e is LedgerEntry => !isDamaged(e)).slice(-count);
    },
    read: async (groupId) => entriesOf(groupId, await readChain(groupId)),
    readChain,
    chainEnd: async (groupId) => ({ end: entries.get(groupId)?.length ?? 0 }),
    async readPage(groupId, after, end, limit) {
      const list = entries.get(groupId) ?? [];
      const stop = Math.min(end, after + limit);
      const items: StoredItem[] = [];
      for (let i = after; i < stop; i++) items.push(storedItem(list[i], i + 1));
      return { items, last: stop };
    },
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
