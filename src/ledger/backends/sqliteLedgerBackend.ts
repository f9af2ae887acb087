import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import sqlite3 from 'sqlite3';
import type { LedgerEntry } from '../ledgerEntry.js';
import type { StoredChain, StoredItem } from '../storedEntry.js';
import { entriesOf, isDamaged } from '../storedEntry.js';
import type { ClosableLedgerBackend } from './closableLedgerBackend.js';
import { parseStoredEntry } from './parseStoredEntry.js';
import { ledgerStoreError } from './ledgerStoreError.js';
import { checkTableName } from './tableName.js';

/** Where and how a SQLite ledger is kept. */
export interface SqliteLedgerOptions {
  /**
   * Table holding the entries; it may share the file with the keyv store. Message texts go in
   * `<table>_text` beside it. @defaultValue SQLITE_LEDGER_DEFAULTS.table
   */
  table?: string;
  /**
   * How long a writer waits for another connection's write lock before the append fails, in ms.
   * @defaultValue SQLITE_LEDGER_DEFAULTS.busyTimeoutMs
   */
  busyTimeoutMs?: number;
  /**
   * Opens an existing ledger to read it only (a worker thread's export): no journal mode set, no
   * table created, so it takes no write lock from the process that appends.
   */
  readOnly?: boolean;
}

/**
 * Texts one INSERT carries (4 parameters a row). Entries go in one statement whatever their
 * number: a recorder batch (500 × 4 parameters) stays far below SQLite's 32,766.
 */
const ROWS_PER_STATEMENT = 200;

/** Rowids read past the latest text found, per text asked for (see textsInOrder). */
const RUN_PER_TEXT = 2;

/** The page cache of a connection that reads only (an export's), in KiB. */
const READER_CACHE_KB = 16 * 1024;

export const SQLITE_LEDGER_DEFAULTS = {
  table: 'rumorguard_ledger',
  // Long enough for another process's append (one fsync) many times over; short enough that a
  // process holding the lock forever shows up as an error rather than a hang.
  busyTimeoutMs: 5000,
} as const satisfies Required<Omit<SqliteLedgerOptions, 'readOnly'>>;

/**
 * A ledger in a SQLite file. An append is one statement that checks the head and inserts a batch
 * of entries (compare-and-set), so it holds the file's write lock only for that statement; two
 * processes on one file take turns; WAL lets readers continue meanwhile, and `synchronous=FULL`
 * makes every append durable before the spool forgets its records.
 */
export async function sqliteLedgerBackend(file: string, options: SqliteLedgerOptions = {}): Promise<ClosableLedgerBackend> {
  const table = checkTableName(options.table ?? SQLITE_LEDGER_DEFAULTS.table);
  const textTable = checkTableName(`${table}_text`);
  const busyTimeoutMs = options.busyTimeoutMs ?? SQLITE_LEDGER_DEFAULTS.busyTimeoutMs;
  const where = `sqlite://${file}`;
  // Resolved now: a worker thread may be started after the working directory changed.
  const absolute = resolve(file);

  const inMemory = file === ':memory:' || file === '';
  let db: Database;
  try {
    if (!inMemory && !options.readOnly) await mkdir(dirname(file), { recursive: true });
    db = await Database.open(file, options.readOnly ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE);
  } catch (err) {
    throw ledgerStoreError('unreachable', where, 'cannot open the file', err);
  }
  try {
    // The busy timeout first: switching to WAL itself needs a lock another process may hold.
    await db.run(`PRAGMA busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    if (!options.readOnly) await prepare(db, table, textTable);
    // A reader goes through a whole chain, and looks up by hash the kept texts it does not find
    // in order (see textsInOrder), all over the texts' index: with SQLite's default cache (2 MB)
    // such a lookup in a ledger of 1M incidents took 12 µs of CPU (22 µs in all), with 16 MB 7.
    else await db.run(`PRAGMA cache_size = -${READER_CACHE_KB}`);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw ledgerStoreError('unreachable', where, 'cannot prepare the ledger table', err);
  }

  /** One operation at a time on the connection, its failure named. */
  const exclusive = async <T>(what: string, task: () => Promise<T>): Promise<T> => {
    try {
      return await db.exclusive(task);
    } catch (err) {
      throw ledgerStoreError('unavailable', where, what, err);
    }
  };
  async function readChain(groupId: string): Promise<StoredChain> {
    const [rows, head] = await exclusive(`read group ${groupId}`, () =>
      Promise.all([db.all<{ seq: number; entry: string }>(`SELECT seq, entry FROM ${table} WHERE group_id = ? ORDER BY seq`, [groupId]), headOf(groupId)]),
    );
    return { items: rows.map((r) => parseStoredEntry(r.entry, r.seq)), ...(head ? { head: { seq: head.seq, hash: head.hash } } : {}) };
  }
  /**
   * Puts the texts kept for `hashes` into `found`, a statement at a time (an append can come in
   * between); returns the highest rowid among them (0 for none).
   */
  async function textsByHash(groupId: string, hashes: readonly string[], now: Date, found: Map<string, string>): Promise<number> {
    let last = 0;
    // Well under SQLite's limit of bound parameters per statement.
    for (let i = 0; i < hashes.length; i += 500) {
      const chunk = hashes.slice(i, i + 500);
      const rows = await exclusive(`read message texts of group ${groupId}`, () =>
        db.all<{ id: number; hash: string; text: string }>(
          `SELECT rowid AS id, hash, text FROM ${textTable} WHERE group_id = ? AND keep_until > ? AND hash IN (${chunk.map(() => '?').join(', ')})`,
          [groupId, now.getTime(), ...chunk],
        ),
      );
      for (const r of rows) {
        found.set(r.hash, r.text);
        if (r.id > last) last = r.id;
      }
    }
    return last;
  }
  const headOf = async (groupId: string) =>
    (await db.all<{ seq: number; hash: string }>(`SELECT seq, hash FROM ${table} WHERE group_id = ? ORDER BY seq DESC LIMIT 1`, [groupId]))[0];

  return {
    async head(groupId) {
      const row = await exclusive(`read the head of group ${groupId}`, () => headOf(groupId));
      return row ? { seq: row.seq, hash: row.hash } : undefined;
    },

    tryAppend: (groupId, entries, texts = []) =>
      exclusive(`append seq ${entries[0]?.seq}…${entries.at(-1)?.seq} to group ${groupId}`, async () => {
        const first = entries[0];
        if (!first) return false;
        try {
          // The texts first, in their own statement: kept beside entries that then fail to go
          // in, they are only unused (and purged in time); the chain never points at a text not kept.
          for (let i = 0; i < texts.length; i += ROWS_PER_STATEMENT) {
            const rows = texts.slice(i, i + ROWS_PER_STATEMENT);
            // The same text again (a repeated rumor) is kept as long as its latest incident needs it.
            await db.run(
              `INSERT INTO ${textTable} (group_id, hash, text, keep_until) VALUES ${rows.map(() => '(?, ?, ?, ?)').join(', ')} ` +
                'ON CONFLICT (group_id, hash) DO UPDATE SET text = excluded.text, keep_until = max(keep_until, excluded.keep_until)',
              rows.flatMap((t) => [groupId, t.hash, t.text, t.keepUntil.getTime()]),
            );
          }
          // One statement, so one atomic write without holding a transaction open across awaits:
          // the rows go in only when the first follows the head, and all of them or none (a row
          // another writer got in first breaks the (group, seq) key and aborts the statement).
          const written = await db.all(
            `INSERT INTO ${table} (group_id, seq, hash, prev, entry) ` +
              `SELECT ?, column1, column2, column3, column4 FROM (VALUES ${entries.map(() => '(?, ?, ?, ?)').join(', ')}) ` +
              `WHERE COALESCE((SELECT seq = ? AND hash = ? FROM ${table} WHERE group_id = ? ORDER BY seq DESC LIMIT 1), ? = 1) RETURNING seq`,
            [groupId, ...entries.flatMap((e) => [e.seq, e.hash, e.prev, JSON.stringify(e)]), first.seq - 1, first.prev, groupId, first.seq],
          );
          return written.length === entries.length;
        } catch (err) {
          if ((err as { code?: unknown }).code === 'SQLITE_CONSTRAINT') return false;
          throw err;
        }
      }),

    async tail(groupId, count) {
      const rows = await exclusive(`read the last entries of group ${groupId}`, () =>
        db.all<{ seq: number; entry: string }>(`SELECT seq, entry FROM ${table} WHERE group_id = ? ORDER BY seq DESC LIMIT ?`, [groupId, count]),
      );
      return rows
        .reverse()
        .map((r) => parseStoredEntry(r.entry, r.seq))
        .filter((e): e is LedgerEntry => !isDamaged(e));
    },

    readChain,
    read: async (groupId) => entriesOf(groupId, await readChain(groupId)),

    async chainEnd(groupId) {
      const row = await exclusive(`read the head of group ${groupId}`, () => headOf(groupId));
      // The last row's own hash column, which the next append chains to: verification holds it
      // to the entry's (a column edited by hand apart from its entry is a head_mismatch).
      return { end: row?.seq ?? 0, ...(row ? { head: { seq: row.seq, hash: row.hash } } : {}) };
    },

    async readPage(groupId, after, end, limit) {
      // By the primary key (group, seq): each page is one index range, however long the chain.
      // Row by row, through a statement kept prepared: a page read as one group_concat text (tried
      // before) made a string of some 660 kB per 1,000 entries, which V8 allocates outside its young
      // generation, in memory touched for the first time: on this kind of machine 1,000 entries cost
      // 5 ms of the reader's thread that way against 3.8 ms row by row (parsing included).
      const rows = await exclusive(`read group ${groupId}`, () =>
        db.reused<{ seq: number; entry: string }>(`SELECT seq, entry FROM ${table} WHERE group_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?`, [groupId, after, end, limit]),
      );
      const items: StoredItem[] = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) items[i] = parseStoredEntry(rows[i]!.entry, rows[i]!.seq);
      return { items, last: rows.at(-1)?.seq ?? end };
    },

    async texts(groupId, hashes, now) {
      const found = new Map<string, string>();
      await textsByHash(groupId, hashes, now, found);
      return found;
    },

    // The texts of a chain's incidents were written in the chain's order, just before their
    // entries: a page's texts mostly follow, in rowid order, the texts of the page before, and are
    // read there as a run (a few µs a row), rather than looked up one by one by their hash in the
    // index (7 µs each on a chain of 1M: the most of a SQLite export's reading). A run goes on
    // where the one before ended, and what it read past (mostly the next page's texts) is kept
    // for the next call, so each text is read once. What the runs did not hold (texts of other
    // groups in between, a text kept again for a later incident) is looked up as `texts` does;
    // what comes back for each hash is the same row either way.
    textsInOrder(groupId) {
      /** The rowid the texts were read up to: the next page's texts come after it. */
      let position: number | undefined;
      /** The texts the last run read that its page did not ask for, as kept at `aheadAt` (ms). */
      let ahead = new Map<string, string>();
      let aheadAt = 0;
      return async (hashes, now) => {
        const at = now.getTime();
        const found = new Map<string, string>();
        // Read past by the run before, when it read them as kept at this time or later.
        if (ahead.size > 0 && at <= aheadAt) {
          for (const hash of hashes) {
            const text = ahead.get(hash);
            if (text !== undefined) found.set(hash, text);
          }
        }
        ahead = new Map();
        const unread = found.size === 0 ? hashes : hashes.filter((h) => !found.has(h));
        let last = position ?? 0;
        if (position !== undefined && unread.length > 0) {
          const wanted = new Set(unread);
          // A run of rowids a few times the texts asked for, so that a run that holds none of them
          // (the chain's texts were written elsewhere) costs about as much as the lookups;
          // `+group_id` keeps SQLite on the rowids (by the group's index it read all its texts).
          const from = position;
          last = from + RUN_PER_TEXT * wanted.size;
          const rows = await exclusive(`read message texts of group ${groupId}`, () =>
            db.reused<{ hash: string; text: string }>(`SELECT hash, text FROM ${textTable} WHERE rowid > ? AND rowid <= ? AND +group_id = ? AND keep_until > ?`, [
              from,
              last,
              groupId,
              at,
            ]),
          );
          const past = new Map<string, string>();
          for (const r of rows) (wanted.has(r.hash) ? found : past).set(r.hash, r.text);
          ahead = past;
          aheadAt = at;
        }
        const missing = found.size === 0 ? hashes : hashes.filter((h) => !found.has(h));
        if (missing.length > 0) last = Math.max(last, await textsByHash(groupId, missing, now, found));
        position = last;
        return found;
      };
    },

    purgeTexts: async (now) =>
      (await exclusive('purge message texts', () => db.all(`DELETE FROM ${textTable} WHERE keep_until <= ? RETURNING 1`, [now.getTime()]))).length,

    async groups() {
      const rows = await exclusive('list groups', () => db.all<{ group_id: string }>(`SELECT DISTINCT group_id FROM ${table} ORDER BY group_id`));
      return rows.map((r) => r.group_id);
    },

    // A file (not one in memory) another connection can open: a worker thread's export reads it.
    readerSource: async () => (inMemory ? undefined : { kind: 'sqlite', file: absolute, table }),

    close: () => db.exclusive(() => db.close()),
  };
}

/** WAL, durable appends, and the ledger's tables, for a connection that writes. */
async function prepare(db: Database, table: string, textTable: string): Promise<void> {
  await db.all('PRAGMA journal_mode = WAL');
  // The store beside it writes at NORMAL; the ledger's appends reach the disk before they count,
  // because the spool forgets what the ledger has taken.
  await db.run('PRAGMA synchronous = FULL');
  await db.run(
    `CREATE TABLE IF NOT EXISTS ${table} (group_id TEXT NOT NULL, seq INTEGER NOT NULL, hash TEXT NOT NULL, ` +
      'prev TEXT NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (group_id, seq))',
  );
  // keep_until in ms since 1970; the index makes the hourly purge one range delete.
  await db.run(
    `CREATE TABLE IF NOT EXISTS ${textTable} (group_id TEXT NOT NULL, hash TEXT NOT NULL, text TEXT NOT NULL, ` +
      'keep_until INTEGER NOT NULL, PRIMARY KEY (group_id, hash))',
  );
  await db.run(`CREATE INDEX IF NOT EXISTS ${textTable}_keep_until ON ${textTable} (keep_until)`);
}

/** The ledger's sqlite3 connection with promises; `exclusive` runs its operations one at a time. */
class Database {
  private tail: Promise<unknown> = Promise.resolve();
  /** Statements kept prepared (see `reused`), by their SQL. */
  private readonly statements = new Map<string, Promise<sqlite3.Statement>>();

  private constructor(private readonly db: sqlite3.Database) {}

  static open(file: string, mode: number): Promise<Database> {
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(new Database(db))));
    });
  }

  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  async run(sql: string, params: unknown[] = []): Promise<void> {
    await this.all(sql, params);
  }

  all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return new Promise((ok, fail) => this.db.all(sql, params, (e, rows) => (e ? fail(e) : ok(rows as T[]))));
  }

  /**
   * `all` with a statement prepared once and kept, for the queries a pass through a chain makes on
   * every page. node-sqlite3 prepares a statement and then runs it as two tasks of its threads, each
   * waiting for a turn of the event loop to start the next: a reader busy with a page gives few
   * turns, so the reads behind it fell back (the worker of a json export of 200,000 entries waited
   * on nearly every page, some 300 ms in all).
   */
  async reused<T>(sql: string, params: unknown[]): Promise<T[]> {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = new Promise<sqlite3.Statement>((ok, fail) => {
        const statement = this.db.prepare(sql, (e) => (e ? fail(e) : ok(statement)));
      });
      this.statements.set(sql, prepared);
      // One that failed to prepare is prepared again next time.
      prepared.catch(() => this.statements.delete(sql));
    }
    const statement = await prepared;
    return new Promise((ok, fail) => statement.all(params, (e: Error | null, rows: unknown[]) => (e ? fail(e) : ok(rows as T[]))));
  }

  /** Finalizes the statements kept (SQLite does not close a connection that has any), then closes. */
  async close(): Promise<void> {
    const kept = [...this.statements.values()];
    this.statements.clear();
    for (const prepared of kept) {
      const statement = await prepared.catch(() => undefined);
      if (statement) await new Promise<void>((ok) => statement.finalize(() => ok()));
    }
    await new Promise<void>((ok, fail) => this.db.close((e) => (e ? fail(e) : ok())));
  }
}
