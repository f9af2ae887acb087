import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';
import type { LedgerEntry } from '../ledgerEntry.js';
import type { StoredChain } from '../storedEntry.js';
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
}

/** Rows one INSERT carries: 5 parameters a row stays far below SQLite's 32,766. */
const ROWS_PER_STATEMENT = 200;

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

    tryAppend: (groupId, entries, texts = []) =>
      exclusive(`append seq ${entries[0]?.seq}…${entries.at(-1)?.seq} to group ${groupId}`, async () => {
        const first = entries[0];
        if (!first) return false;
        await db.run('BEGIN IMMEDIATE');
        try {
          const head = await headOf(groupId);
          const follows = head ? first.seq === head.seq + 1 && first.prev === head.hash : first.seq === 1;
          if (!follows) {
            await db.run('ROLLBACK');
            return false;
          }
          // Many rows a statement, well under SQLite's limit of bound parameters: one commit (one
          // fsync) for the whole batch.
          for (let i = 0; i < entries.length; i += ROWS_PER_STATEMENT) {
            const rows = entries.slice(i, i + ROWS_PER_STATEMENT);
            await db.run(
              `INSERT INTO ${table} (group_id, seq, hash, prev, entry) VALUES ${rows.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
              rows.flatMap((e) => [groupId, e.seq, e.hash, e.prev, JSON.stringify(e)]),
            );
          }
          for (let i = 0; i < texts.length; i += ROWS_PER_STATEMENT) {
            const rows = texts.slice(i, i + ROWS_PER_STATEMENT);
            // The same text again (a repeated rumor) is kept as long as its latest incident needs it.
            await db.run(
              `INSERT INTO ${textTable} (group_id, hash, text, keep_until) VALUES ${rows.map(() => '(?, ?, ?, ?)').join(', ')} ` +
                'ON CONFLICT (group_id, hash) DO UPDATE SET text = excluded.text, keep_until = max(keep_until, excluded.keep_until)',
              rows.flatMap((t) => [groupId, t.hash, t.text, t.keepUntil.getTime()]),
            );
          }
          await db.run('COMMIT');
          return true;
        } catch (err) {
          await db.run('ROLLBACK').catch(() => undefined);
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
