import pg from 'pg';
import { entriesOf, type StoredChain } from '../storedEntry.js';
import type { ClosableLedgerBackend } from './closableLedgerBackend.js';
import { parseStoredEntry } from './parseStoredEntry.js';
import { ledgerStoreError } from './ledgerStoreError.js';
import { checkTableName } from './tableName.js';

/** Where and how a PostgreSQL ledger is kept. */
export interface PostgresLedgerOptions {
  /**
   * Table holding the entries (created when missing); message texts go in `<table>_text` beside it.
   * @defaultValue POSTGRES_LEDGER_DEFAULTS.table
   */
  table?: string;
  /** How long to wait for a connection before failing, in ms. @defaultValue POSTGRES_LEDGER_DEFAULTS.connectTimeoutMs */
  connectTimeoutMs?: number;
  /** How long to wait for one query's answer before failing, in ms. @defaultValue POSTGRES_LEDGER_DEFAULTS.queryTimeoutMs */
  queryTimeoutMs?: number;
  /** Connections in the pool. @defaultValue POSTGRES_LEDGER_DEFAULTS.maxConnections */
  maxConnections?: number;
}

export const POSTGRES_LEDGER_DEFAULTS = {
  table: 'rumorguard_ledger',
  connectTimeoutMs: 5000,
  // An append is one short statement; a server that takes this long is stuck, not busy.
  queryTimeoutMs: 30_000,
  maxConnections: 10,
} as const satisfies Required<PostgresLedgerOptions>;

/** SQLSTATEs of two sessions creating the same table at once (the loser trips over the catalog). */
const CREATED_CONCURRENTLY = new Set(['23505', '42P07']);

/**
 * A ledger in a PostgreSQL table. An append is one statement that inserts the entry only when it
 * follows the head it reads; two writers that read the same head both aim at the same
 * (group_id, seq) key, and the primary key lets exactly one of them in. Entries are kept as the
 * text they were appended as (not jsonb, which would reorder keys and renormalize numbers).
 */
export async function postgresLedgerBackend(url: string, options: PostgresLedgerOptions = {}): Promise<ClosableLedgerBackend> {
  const table = checkTableName(options.table ?? POSTGRES_LEDGER_DEFAULTS.table);
  const textTable = checkTableName(`${table}_text`);
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: options.connectTimeoutMs ?? POSTGRES_LEDGER_DEFAULTS.connectTimeoutMs,
    query_timeout: options.queryTimeoutMs ?? POSTGRES_LEDGER_DEFAULTS.queryTimeoutMs,
    max: options.maxConnections ?? POSTGRES_LEDGER_DEFAULTS.maxConnections,
  });
  // An idle connection that drops (server restart) is discarded by the pool; without a listener
  // the 'error' event would end the process. The next query opens a new connection or fails.
  pool.on('error', () => undefined);

  const statements = [
    `CREATE TABLE IF NOT EXISTS ${table} (group_id TEXT NOT NULL, seq BIGINT NOT NULL CHECK (seq > 0), hash TEXT NOT NULL, ` +
      'prev TEXT NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (group_id, seq))',
    // keep_until in ms since 1970; the index makes the hourly purge one range delete.
    `CREATE TABLE IF NOT EXISTS ${textTable} (group_id TEXT NOT NULL, hash TEXT NOT NULL, text TEXT NOT NULL, ` +
      'keep_until BIGINT NOT NULL, PRIMARY KEY (group_id, hash))',
    `CREATE INDEX IF NOT EXISTS ${textTable}_keep_until ON ${textTable} (keep_until)`,
  ];
  for (const statement of statements) {
    try {
      await pool.query(statement);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (typeof code !== 'string' || !CREATED_CONCURRENTLY.has(code)) {
        await pool.end().catch(() => undefined);
        throw ledgerStoreError('unreachable', url, 'cannot connect or prepare the ledger table', err);
      }
    }
  }

  const query = async <R extends pg.QueryResultRow>(what: string, text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> => {
    try {
      return await pool.query<R>(text, values);
    } catch (err) {
      throw ledgerStoreError('unavailable', url, what, err);
    }
  };

  async function readChain(groupId: string): Promise<StoredChain> {
    const { rows } = await query<{ seq: string; entry: string }>(`read group ${groupId}`, `SELECT seq, entry FROM ${table} WHERE group_id = $1 ORDER BY seq`, [groupId]);
    return { items: rows.map((r) => parseStoredEntry(r.entry, Number(r.seq))) };
  }

  return {
    async head(groupId) {
      const { rows } = await query<{ seq: string; hash: string }>(
        `read the head of group ${groupId}`,
        `SELECT seq, hash FROM ${table} WHERE group_id = $1 ORDER BY seq DESC LIMIT 1`,
        [groupId],
      );
      const row = rows[0];
      return row ? { seq: Number(row.seq), hash: row.hash } : undefined;
    },

    async tryAppend(groupId, entry, text) {
      const insertEntry = `INSERT INTO ${table} (group_id, seq, hash, prev, entry)
         SELECT $1::text, $2::bigint, $3::text, $4::text, $5::text
         WHERE COALESCE(
           (SELECT seq = $2::bigint - 1 AND hash = $4::text FROM ${table} WHERE group_id = $1::text ORDER BY seq DESC LIMIT 1),
           $2::bigint = 1)
         ON CONFLICT (group_id, seq) DO NOTHING`;
      const values = [groupId, entry.seq, entry.hash, entry.prev, JSON.stringify(entry)];
      const what = `append seq ${entry.seq} to group ${groupId}`;
      if (!text) return (await query(what, insertEntry, values)).rowCount === 1;
      // One statement still: the text is written only when the entry was (a CTE that modifies
      // data runs whether or not it is read). The same text again keeps its later time.
      const { rows } = await query<{ written: string }>(
        what,
        `WITH appended AS (${insertEntry} RETURNING 1),
         kept AS (
           INSERT INTO ${textTable} (group_id, hash, text, keep_until)
           SELECT $1::text, $6::text, $7::text, $8::bigint FROM appended
           ON CONFLICT (group_id, hash) DO UPDATE SET text = EXCLUDED.text, keep_until = GREATEST(${textTable}.keep_until, EXCLUDED.keep_until))
         SELECT count(*) AS written FROM appended`,
        [...values, text.hash, text.text, text.keepUntil.getTime()],
      );
      return Number(rows[0]?.written) === 1;
    },

    readChain,
    read: async (groupId) => entriesOf(groupId, await readChain(groupId)),

    async texts(groupId, hashes, now) {
      const found = new Map<string, string>();
      if (hashes.length === 0) return found;
      const { rows } = await query<{ hash: string; text: string }>(
        `read message texts of group ${groupId}`,
        `SELECT hash, text FROM ${textTable} WHERE group_id = $1 AND keep_until > $2 AND hash = ANY($3::text[])`,
        [groupId, now.getTime(), [...hashes]],
      );
      for (const r of rows) found.set(r.hash, r.text);
      return found;
    },

    async purgeTexts(now) {
      const { rowCount } = await query('purge message texts', `DELETE FROM ${textTable} WHERE keep_until <= $1`, [now.getTime()]);
      return rowCount ?? 0;
    },

    async groups() {
      const { rows } = await query<{ group_id: string }>('list groups', `SELECT DISTINCT group_id FROM ${table} ORDER BY group_id`);
      return rows.map((r) => r.group_id);
    },

    close: () => pool.end(),
  };
}
