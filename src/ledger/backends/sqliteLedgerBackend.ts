import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';
import type { StoredChain } from '../storedEntry.js';
import { entriesOf } from '../storedEntry.js';
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
}

export const SQLITE_LEDGER_DEFAULTS = {
  table: 'rumorguard_ledger',
  // Long enough for another process's append (one fsync) many times over; short enough that a
  // process holding the lock forever shows up as an error rather than a hang.
  busyTimeoutMs: 5000,
} as const satisfies Required<SqliteLedgerOptions>;

/**
 * A ledger in a SQLite file. Appends are compare-and-set inside `BEGIN IMMEDIATE`, which takes the
 * file's write lock before the head is read, so two processes on one file take turns; WAL lets
 * readers continue meanwhile, and `synchronous=FULL` makes every acknowledged append durable.
 */
export async function sqliteLedgerBackend(file: string, options: SqliteLedgerOptions = {}): Promise<ClosableLedgerBackend> {
  const table = checkTableName(options.table ?? SQLITE_LEDGER_DEFAULTS.table);
  const textTable = checkTableName(`${table}_text`);
  const busyTimeoutMs = options.busyTimeoutMs ?? SQLITE_LEDGER_DEFAULTS.busyTimeoutMs;
  const where = `sqlite://${file}`;

  let db: Database;
  try {
    if (file !== ':memory:' && file !== '') await mkdir(dirname(file), { recursive: true });
    db = await Database.open(file);
  } catch (err) {
    throw ledgerStoreError('unreachable', where, 'cannot open the file', err);
  }
  try {
    // The busy timeout first: switching to WAL itself needs a lock another process may hold.
    await db.run(`PRAGMA busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    await db.get('PRAGMA journal_mode = WAL');
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
    const rows = await exclusive(`read group ${groupId}`, () => db.all<{ seq: number; entry: string }>(`SELECT seq, entry FROM ${table} WHERE group_id = ? ORDER BY seq`, [groupId]));
    return { items: rows.map((r) => parseStoredEntry(r.entry, r.seq)) };
  }
  const headOf = (groupId: string) => db.get<{ seq: number; hash: string }>(`SELECT seq, hash FROM ${table} WHERE group_id = ? ORDER BY seq DESC LIMIT 1`, [groupId]);

  return {
    async head(groupId) {
      const row = await exclusive(`read the head of group ${groupId}`, () => headOf(groupId));
      return row ? { seq: row.seq, hash: row.hash } : undefined;
    },

    tryAppend: (groupId, entry, text) =>
      exclusive(`append seq ${entry.seq} to group ${groupId}`, async () => {
        await db.run('BEGIN IMMEDIATE');
        try {
          const head = await headOf(groupId);
          const follows = head ? entry.seq === head.seq + 1 && entry.prev === head.hash : entry.seq === 1;
          if (!follows) {
            await db.run('ROLLBACK');
            return false;
          }
          await db.run(`INSERT INTO ${table} (group_id, seq, hash, prev, entry) VALUES (?, ?, ?, ?, ?)`, [
            groupId,
            entry.seq,
            entry.hash,
            entry.prev,
            JSON.stringify(entry),
          ]);
          if (text) {
            // The same text again (a repeated rumor) is kept as long as its latest incident needs it.
            await db.run(
              `INSERT INTO ${textTable} (group_id, hash, text, keep_until) VALUES (?, ?, ?, ?) ` +
                'ON CONFLICT (group_id, hash) DO UPDATE SET text = excluded.text, keep_until = max(keep_until, excluded.keep_until)',
              [groupId, text.hash, text.text, text.keepUntil.getTime()],
            );
          }
          await db.run('COMMIT');
          return true;
        } catch (err) {
          await db.run('ROLLBACK').catch(() => undefined);
          throw err;
        }
      }),

    readChain,
    read: async (groupId) => entriesOf(groupId, await readChain(groupId)),

    async texts(groupId, hashes, now) {
      const found = new Map<string, string>();
      // Well under SQLite's limit of bound parameters per statement.
      for (let i = 0; i < hashes.length; i += 500) {
        const chunk = hashes.slice(i, i + 500);
        const rows = await exclusive(`read message texts of group ${groupId}`, () =>
          db.all<{ hash: string; text: string }>(
            `SELECT hash, text FROM ${textTable} WHERE group_id = ? AND keep_until > ? AND hash IN (${chunk.map(() => '?').join(', ')})`,
            [groupId, now.getTime(), ...chunk],
          ),
        );
        for (const r of rows) found.set(r.hash, r.text);
      }
      return found;
    },

    purgeTexts: (now) =>
      exclusive('purge message texts', () => db.run(`DELETE FROM ${textTable} WHERE keep_until <= ?`, [now.getTime()])),

    async groups() {
      const rows = await exclusive('list groups', () => db.all<{ group_id: string }>(`SELECT DISTINCT group_id FROM ${table} ORDER BY group_id`));
      return rows.map((r) => r.group_id);
    },

    close: () => db.exclusive(() => db.close()),
  };
}

/**
 * One sqlite3 connection with promises. A transaction belongs to the connection, not to a caller,
 * so `exclusive` runs one operation at a time: two appends through one connection must not
 * interleave their BEGIN … COMMIT.
 */
class Database {
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(private readonly db: sqlite3.Database) {}

  static open(file: string): Promise<Database> {
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(file, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE, (err) => (err ? reject(err) : resolve(new Database(db))));
    });
  }

  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Runs a statement; resolves with the number of rows it changed. */
  run(sql: string, params: unknown[] = []): Promise<number> {
    return new Promise((resolve, reject) =>
      this.db.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve(this.changes);
      }),
    );
  }

  get<T>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => this.db.get<T>(sql, params, (err, row) => (err ? reject(err) : resolve(row))));
  }

  all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return new Promise((resolve, reject) => this.db.all<T>(sql, params, (err, rows) => (err ? reject(err) : resolve(rows))));
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }
}
