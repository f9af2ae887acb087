import pg from 'pg';
import type { LedgerEntry } from '../ledgerEntry.js';
import { entriesOf, isDamaged, type StoredChain } from '../storedEntry.js';
import type { ClosableLedgerBackend } from './closableLedgerBackend.js';
import { parseStoredEntry } from './parseStoredEntry.js';
import { ledgerStoreError } from './ledgerStoreError.js';
import { StoreError } from '../../store/storeError.js';
import { redactUrl } from '../../store/redactUrl.js';
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
  /**
   * How long to wait for the answer to one query of the message path (the head, an append, the
   * last entries) before failing, in ms; the spool keeps the records meanwhile.
   * @defaultValue POSTGRES_LEDGER_DEFAULTS.queryTimeoutMs
   */
  queryTimeoutMs?: number;
  /**
   * The same for the bulk reads of exports, reports and `ledger verify` (a whole chain, its texts,
   * the groups) and the purge of expired texts. @defaultValue POSTGRES_LEDGER_DEFAULTS.bulkTimeoutMs
   */
  bulkTimeoutMs?: number;
  /** Connections in the pool. @defaultValue POSTGRES_LEDGER_DEFAULTS.maxConnections */
  maxConnections?: number;
  /**
   * Only read (the ledger commands): the tables are not created; a database without them is
   * refused as holding no ledger, rather than given two empty tables and reported empty.
   */
  readOnly?: boolean;
}

export const POSTGRES_LEDGER_DEFAULTS = {
  table: 'rumorguard_ledger',
  connectTimeoutMs: 5000,
  // An append is one short statement; a server that takes this long is stuck, not busy (or a
  // network black hole), and the store's own calls give up after as long.
  queryTimeoutMs: 2_000,
  bulkTimeoutMs: 120_000,
  maxConnections: 10,
} as const satisfies Required<Omit<PostgresLedgerOptions, 'readOnly'>>;

/**
 * SQLSTATEs of two sessions creating the same table at once: the loser trips over the catalog, as
 * a unique violation, "relation already exists" or "type … already exists" (42710, seen when two
 * shards started on a fresh database).
 */
const CREATED_CONCURRENTLY = new Set(['23505', '42P07', '42710']);

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
  if (options.readOnly) {
    let found: (string | null)[];
    try {
      const result = await pool.query<{ t: string | null }>('SELECT to_regclass($1) AS t UNION ALL SELECT to_regclass($2)', [table, textTable]);
      found = result.rows.map((r) => r.t);
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw ledgerStoreError('unreachable', url, 'cannot connect', err);
    }
    if (found.some((t) => t === null)) {
      await pool.end().catch(() => undefined);
      throw new StoreError('unreachable', `no ledger at ${redactUrl(url)}: this database has no table ${table}. Name the bot's store with --store or STORE_URL.`);
    }
  }
  for (const statement of options.readOnly ? [] : statements) {
    try {
      await pool.query(statement);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      try {
        // The other session has committed the table by the time this one is told: once more, the
        // statement finds it and does nothing.
        if (typeof code !== 'string' || !CREATED_CONCURRENTLY.has(code)) throw err;
        await pool.query(statement);
      } catch (again) {
        await pool.end().catch(() => undefined);
        throw ledgerStoreError('unreachable', url, 'cannot connect or prepare the ledger table', again);
      }
    }
  }

  const bulkTimeoutMs = options.bulkTimeoutMs ?? POSTGRES_LEDGER_DEFAULTS.bulkTimeoutMs;
  const query = async <R extends pg.QueryResultRow>(what: string, text: string, values: unknown[] = [], bulk = false): Promise<pg.QueryResult<R>> => {
    try {
      // pg reads query_timeout from the query's config as well as the pool's.
      return await pool.query<R>(bulk ? ({ text, values, query_timeout: bulkTimeoutMs } as pg.QueryConfig) : { text, values });
    } catch (err) {
      throw ledgerStoreError('unavailable', url, what, err);
    }
  };

  async function readChain(groupId: string): Promise<StoredChain> {
    const { rows } = await query<{ seq: string; entry: string; hash: string }>(`read group ${groupId}`, `SELECT seq, entry, hash FROM ${table} WHERE group_id = $1 ORDER BY seq`, [groupId], true);
    const last = rows.at(-1);
    return { items: rows.map((r) => parseStoredEntry(r.entry, Number(r.seq))), ...(last ? { head: { seq: Number(last.seq), hash: last.hash } } : {}) };
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

    async tryAppend(groupId, entries, texts = []) {
      const first = entries[0];
      if (!first) return false;
      // One statement: the rows go in only when the first follows the head, and all of them or
      // none (no ON CONFLICT: a row another writer got in first aborts the whole statement, so a
      // batch can never be written in part on top of someone else's). The texts go in with them;
      // the same text again keeps its later time.
      const statement = `WITH follows AS (
           SELECT COALESCE(
             (SELECT seq = $2::bigint - 1 AND hash = $3::text FROM ${table} WHERE group_id = $1::text ORDER BY seq DESC LIMIT 1),
             $2::bigint = 1) AS ok),
         appended AS (
           INSERT INTO ${table} (group_id, seq, hash, prev, entry)
           SELECT $1::text, u.seq, u.hash, u.prev, u.entry
           FROM unnest($4::bigint[], $5::text[], $6::text[], $7::text[]) AS u(seq, hash, prev, entry)
           WHERE (SELECT ok FROM follows)
           RETURNING 1),
         kept AS (
           INSERT INTO ${textTable} (group_id, hash, text, keep_until)
           SELECT $1::text, t.hash, t.text, t.keep_until
           FROM unnest($8::text[], $9::text[], $10::bigint[]) AS t(hash, text, keep_until)
           WHERE EXISTS (SELECT 1 FROM appended)
           ON CONFLICT (group_id, hash) DO UPDATE SET text = EXCLUDED.text, keep_until = GREATEST(${textTable}.keep_until, EXCLUDED.keep_until))
         SELECT count(*) AS written FROM appended`;
      // A text repeated within the batch once: ON CONFLICT may not touch one row twice in a statement.
      const unique = [...new Map(texts.map((t) => [t.hash, t])).values()];
      const values = [
        groupId,
        first.seq,
        first.prev,
        entries.map((e) => e.seq),
        entries.map((e) => e.hash),
        entries.map((e) => e.prev),
        entries.map((e) => JSON.stringify(e)),
        unique.map((t) => t.hash),
        unique.map((t) => t.text),
        unique.map((t) => t.keepUntil.getTime()),
      ];
      try {
        const { rows } = await pool.query<{ written: string }>(statement, values);
        return Number(rows[0]?.written) === entries.length;
      } catch (err) {
        // 23505: a unique violation: another writer appended these seqs first.
        if ((err as { code?: unknown }).code === '23505') return false;
        throw ledgerStoreError('unavailable', url, `append seq ${first.seq}…${entries.at(-1)?.seq} to group ${groupId}`, err);
      }
    },

    async tail(groupId, count) {
      const { rows } = await query<{ seq: string; entry: string }>(
        `read the last entries of group ${groupId}`,
        `SELECT seq, entry FROM ${table} WHERE group_id = $1 ORDER BY seq DESC LIMIT $2`,
        [groupId, count],
      );
      return rows
        .reverse()
        .map((r) => parseStoredEntry(r.entry, Number(r.seq)))
        .filter((e): e is LedgerEntry => !isDamaged(e));
    },

    readChain,
    read: async (groupId) => entriesOf(groupId, await readChain(groupId)),

    async chainEnd(groupId) {
      const { rows } = await query<{ seq: string; hash: string }>(`read the head of group ${groupId}`, `SELECT seq, hash FROM ${table} WHERE group_id = $1 ORDER BY seq DESC LIMIT 1`, [groupId]);
      // The last row's own hash column, which the next append chains to (see the SQLite backend).
      return rows[0] ? { end: Number(rows[0].seq), head: { seq: Number(rows[0].seq), hash: rows[0].hash } } : { end: 0 };
    },

    async readPage(groupId, after, end, limit) {
      // By the primary key (group, seq): each page is one index range, however long the chain.
      const { rows } = await query<{ seq: string; entry: string }>(
        `read group ${groupId}`,
        `SELECT seq, entry FROM ${table} WHERE group_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4`,
        [groupId, after, end, limit],
        true,
      );
      const last = rows.at(-1);
      return { items: rows.map((r) => parseStoredEntry(r.entry, Number(r.seq))), last: last ? Number(last.seq) : end };
    },

    async texts(groupId, hashes, now) {
      const found = new Map<string, string>();
      if (hashes.length === 0) return found;
      const { rows } = await query<{ hash: string; text: string }>(
        `read message texts of group ${groupId}`,
        `SELECT hash, text FROM ${textTable} WHERE group_id = $1 AND keep_until > $2 AND hash = ANY($3::text[])`,
        [groupId, now.getTime(), [...hashes]],
        true,
      );
      for (const r of rows) found.set(r.hash, r.text);
      return found;
    },

    async purgeTexts(now) {
      const { rowCount } = await query('purge message texts', `DELETE FROM ${textTable} WHERE keep_until <= $1`, [now.getTime()], true);
      return rowCount ?? 0;
    },

    async groups() {
      const { rows } = await query<{ group_id: string }>('list groups', `SELECT DISTINCT group_id FROM ${table} ORDER BY group_id`, [], true);
      return rows.map((r) => r.group_id);
    },

    close: () => pool.end(),
  };
}
