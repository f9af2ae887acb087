import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@redis/client';
import pg from 'pg';
import { dropPostgresLedgerTable } from '../../../src/ledger/backends/dropPostgresLedgerTable.js';
import sqlite3 from 'sqlite3';
import { openLedgerBackend, type OpenedLedgerBackend, type OpenLedgerOptions } from '../../../src/ledger/backends/openLedgerBackend.js';
import { redisLedgerKeys } from '../../../src/ledger/backends/redisLedgerBackend.js';
import { memoryLedgerBackend } from '../../../src/ledger/ledgerBackend.js';
import { hashEntry, type LedgerEntry } from '../../../src/ledger/ledgerEntry.js';

/**
 * Edits a ledger behind the backend's back, in its own storage (rows, list items), the way
 * someone with access to the database would. Positions are 1-based and, on a chain nobody has
 * touched yet, equal to the sequence numbers.
 */
export interface RawLedger {
  /** Replaces the stored text of the entry at `position`. */
  rewrite(groupId: string, position: number, edit: (text: string) => string): Promise<void>;
  remove(groupId: string, position: number): Promise<void>;
  swap(groupId: string, a: number, b: number): Promise<void>;
  /** Stores `text` as an extra entry right after the one at `position`, moving the later ones up. */
  insertAfter(groupId: string, position: number, text: string): Promise<void>;
  /** Sets a SQL row's own `hash` or `prev` column, beside its entry; present on the SQL stores. */
  editColumn?(groupId: string, seq: number, column: 'hash' | 'prev', value: string): Promise<void>;
  /** Stores `text` under an existing (group, seq) key; present where `uniqueSeq` is true. */
  insertDuplicate?(groupId: string, seq: number, text: string): Promise<void>;
  /**
   * Removes every entry after seq `keep` the way a careful editor would: the store's own head
   * (Redis's head key, SQL's last row) then points at entry `keep`, so nothing looks out of place.
   */
  truncate(groupId: string, keep: number): Promise<void>;
  /** Removes a group entirely: its entries, its head, its name in the list of groups. */
  dropGroup(groupId: string): Promise<void>;
  /**
   * Rewrites entry `from` with `edit` and re-chains every entry after it, hashes recomputed, head
   * updated: a chain that verifies on its own.
   */
  rewriteFrom(groupId: string, from: number, edit: (e: LedgerEntry) => LedgerEntry): Promise<void>;
  /** Redis only: deletes the list of entries and leaves the head key. */
  dropListKeepHead?(groupId: string): Promise<void>;
  /** Redis only: sets the head key to seq `seq` and that entry's hash, the list untouched. */
  rollHeadBack?(groupId: string, seq: number): Promise<void>;
  /** Number of message texts kept beside the chain for a group (expired ones included until purged). */
  keptTexts(groupId: string): Promise<number>;
  close(): Promise<void>;
}

/** `entries` from `from` (1-based) on, edited and re-chained with recomputed hashes. */
export function rechain(entries: readonly LedgerEntry[], from: number, edit: (e: LedgerEntry) => LedgerEntry): LedgerEntry[] {
  const out = [...entries];
  for (let i = from - 1; i < out.length; i++) {
    const draft = i === from - 1 ? edit(out[i]!) : out[i]!;
    const prev = i === 0 ? draft.prev : out[i - 1]!.hash;
    const relinked = { seq: draft.seq, at: draft.at, record: draft.record, prev };
    out[i] = { ...relinked, hash: hashEntry(relinked) };
  }
  return out;
}

/** One backend under test: how to open it (in this process or a child) and how to get at its storage. */
export interface BackendHarness {
  name: string;
  /** Set when the backend cannot run here, with what would enable it. */
  skip?: string;
  /** What a child process passes to `openLedgerBackend`. */
  url: string;
  options: OpenLedgerOptions;
  open(): Promise<OpenedLedgerBackend>;
  raw(): Promise<RawLedger>;
  /** True when entries are kept as text, which may be damaged into something that is not JSON. */
  storesText: boolean;
  /** True when the store itself refuses a second entry with the same (group, seq). */
  uniqueSeq: boolean;
  /** Removes what this run created (its table, keys or file). */
  cleanup(): Promise<void>;
}

/** Unique per test file run: ids, table names and key prefixes never meet another run's. */
export const RUN_ID = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

export function harnesses(): BackendHarness[] {
  return [memoryHarness(), sqliteHarness(), redisHarness(process.env.REDIS_URL), postgresHarness(process.env.POSTGRES_URL)];
}

function memoryHarness(): BackendHarness {
  const backend = memoryLedgerBackend();
  const list = (groupId: string) => backend.entries.get(groupId) ?? [];
  // Text that is not JSON is stored as it is: a memory ledger holds whatever it is given.
  const parse = (text: string) => {
    try {
      return JSON.parse(text) as LedgerEntry;
    } catch {
      return text as unknown as LedgerEntry;
    }
  };
  return {
    name: 'memory',
    storesText: false,
    uniqueSeq: false,
    url: 'memory:',
    options: {},
    open: async () => ({ backend, close: async () => undefined }),
    raw: async () => ({
      rewrite: async (g, p, edit) => void (list(g)[p - 1] = parse(edit(JSON.stringify(list(g)[p - 1])))),
      remove: async (g, p) => void list(g).splice(p - 1, 1),
      swap: async (g, a, b) => {
        const l = list(g);
        [l[a - 1], l[b - 1]] = [l[b - 1]!, l[a - 1]!];
      },
      insertAfter: async (g, p, text) => void list(g).splice(p, 0, parse(text)),
      truncate: async (g, keep) => void list(g).splice(keep),
      dropGroup: async (g) => void backend.entries.delete(g),
      rewriteFrom: async (g, from, edit) => void backend.entries.set(g, rechain(list(g), from, edit)),
      keptTexts: async (g) => [...backend.kept.keys()].filter((k) => k.startsWith(`${g}\n`)).length,
      close: async () => undefined,
    }),
    cleanup: async () => undefined,
  };
}

function sqliteHarness(): BackendHarness {
  // Made on first use, so a run that filters this backend out leaves no folder behind.
  let dir: string | undefined;
  const file = () => join((dir ??= mkdtempSync(join(tmpdir(), 'rumorguard-ledger-'))), 'ledger.sqlite');
  const table = 'rumorguard_ledger';
  return {
    name: 'sqlite',
    storesText: true,
    uniqueSeq: true,
    get url() {
      return `sqlite://${file()}`;
    },
    options: {},
    open: () => openLedgerBackend(`sqlite://${file()}`),
    raw: async () => {
      const db = await new Promise<sqlite3.Database>((resolve, reject) => {
        const d = new sqlite3.Database(file(), (err) => (err ? reject(err) : resolve(d)));
      });
      const query: Query = (sql, ...params) =>
        new Promise((resolve, reject) => db.all<Record<string, unknown>>(sql, params, (err, rows) => (err ? reject(err) : resolve(rows))));
      await query('PRAGMA busy_timeout = 5000');
      return { ...sqlRaw(table, query), close: () => new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve()))) };
    },
    cleanup: async () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function redisHarness(url: string | undefined): BackendHarness {
  const keyPrefix = `rumorguard-test:${RUN_ID}:`;
  const keys = redisLedgerKeys(keyPrefix);
  const connect = async () => {
    const client = createClient({ url, socket: { connectTimeout: 5000, reconnectStrategy: false } });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  };
  return {
    name: 'redis',
    storesText: true,
    uniqueSeq: false,
    ...(url ? {} : { skip: 'set REDIS_URL to run' }),
    url: url ?? '',
    options: { keyPrefix },
    open: () => openLedgerBackend(url!, { keyPrefix }),
    raw: async () => {
      const client = await connect();
      const at = async (g: string, p: number) => String(await client.lIndex(keys.entries(g), p - 1));
      return {
        rewrite: async (g, p, edit) => void (await client.lSet(keys.entries(g), p - 1, edit(await at(g, p)))),
        remove: async (g, p) => void (await client.lRem(keys.entries(g), 1, await at(g, p))),
        swap: async (g, a, b) => {
          const [textA, textB] = [await at(g, a), await at(g, b)];
          await client.lSet(keys.entries(g), a - 1, textB);
          await client.lSet(keys.entries(g), b - 1, textA);
        },
        insertAfter: async (g, p, text) => void (await client.lInsert(keys.entries(g), 'AFTER', await at(g, p), text)),
        truncate: async (g, keep) => {
          const last = JSON.parse(await at(g, keep)) as LedgerEntry;
          await client.lTrim(keys.entries(g), 0, keep - 1);
          await client.hSet(keys.head(g), { seq: String(last.seq), hash: last.hash });
        },
        dropGroup: async (g) => {
          await client.del([keys.entries(g), keys.head(g)]);
          await client.sRem(keys.groups, g);
        },
        rewriteFrom: async (g, from, edit) => {
          const entries = (await client.lRange(keys.entries(g), 0, -1)).map((t) => JSON.parse(String(t)) as LedgerEntry);
          const rewritten = rechain(entries, from, edit);
          for (let i = from - 1; i < rewritten.length; i++) await client.lSet(keys.entries(g), i, JSON.stringify(rewritten[i]));
          const last = rewritten.at(-1)!;
          await client.hSet(keys.head(g), { seq: String(last.seq), hash: last.hash });
        },
        dropListKeepHead: async (g) => void (await client.del(keys.entries(g))),
        rollHeadBack: async (g, seq) => {
          const entry = JSON.parse(await at(g, seq)) as LedgerEntry;
          await client.hSet(keys.head(g), { seq: String(entry.seq), hash: entry.hash });
        },
        keptTexts: async (g) => {
          let n = 0;
          for await (const batch of client.scanIterator({ MATCH: keys.text(g, '*'), COUNT: 500 })) n += batch.length;
          return n;
        },
        close: () => client.close(),
      };
    },
    cleanup: async () => {
      if (!url) return;
      const client = await connect();
      try {
        for await (const batch of client.scanIterator({ MATCH: `${keyPrefix}*`, COUNT: 500 })) if (batch.length > 0) await client.del(batch);
      } finally {
        await client.close();
      }
    },
  };
}

function postgresHarness(url: string | undefined): BackendHarness {
  const table = `rumorguard_ledger_test_${RUN_ID}`;
  return {
    name: 'postgres',
    storesText: true,
    uniqueSeq: true,
    ...(url ? {} : { skip: 'set POSTGRES_URL to run' }),
    url: url ?? '',
    options: { table },
    open: () => openLedgerBackend(url!, { table }),
    raw: async () => {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
      await client.connect();
      const query: Query = async (sql, ...params) => {
        // The shared statements are written with `?`; PostgreSQL numbers its placeholders.
        let n = 0;
        return (await client.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows as Record<string, unknown>[];
      };
      return { ...sqlRaw(table, query), close: () => client.end() };
    },
    cleanup: async () => {
      if (!url) return;
      await dropPostgresLedgerTable(url, table);
    },
  };
}

/** A statement with `?` placeholders and its rows. */
type Query = (sql: string, ...params: unknown[]) => Promise<Record<string, unknown>[]>;

/** Out of the way of real sequence numbers while rows are renumbered (the primary key forbids two at once). */
const PARKED = 1_000_000_000;

/** The same edits on SQLite and PostgreSQL. */
function sqlRaw(table: string, query: Query): Omit<RawLedger, 'close'> {
  const insert = (g: string, seq: number, text: string) => {
    const entry = JSON.parse(text) as LedgerEntry;
    return query(`INSERT INTO ${table} (group_id, seq, hash, prev, entry) VALUES (?, ?, ?, ?, ?)`, g, seq, entry.hash, entry.prev, text);
  };
  return {
    rewrite: async (g, p, edit) => {
      const [row] = await query(`SELECT entry, hash, prev FROM ${table} WHERE group_id = ? AND seq = ?`, g, p);
      const text = edit(String(row?.entry));
      // A careful forger keeps the row's hash and prev columns the entry's own (see parseStoredRow).
      let fields: { hash?: unknown; prev?: unknown } = {};
      try {
        fields = JSON.parse(text) as typeof fields;
      } catch {
        // Not JSON any more: the columns stay.
      }
      const hash = typeof fields?.hash === 'string' ? fields.hash : row?.hash;
      const prev = typeof fields?.prev === 'string' ? fields.prev : row?.prev;
      await query(`UPDATE ${table} SET entry = ?, hash = ?, prev = ? WHERE group_id = ? AND seq = ?`, text, hash, prev, g, p);
    },
    editColumn: async (g, p, column, value) => void (await query(`UPDATE ${table} SET ${column} = ? WHERE group_id = ? AND seq = ?`, value, g, p)),
    remove: async (g, p) => void (await query(`DELETE FROM ${table} WHERE group_id = ? AND seq = ?`, g, p)),
    swap: async (g, a, b) => {
      await query(`UPDATE ${table} SET seq = ? WHERE group_id = ? AND seq = ?`, PARKED, g, a);
      await query(`UPDATE ${table} SET seq = ? WHERE group_id = ? AND seq = ?`, a, g, b);
      await query(`UPDATE ${table} SET seq = ? WHERE group_id = ? AND seq = ?`, b, g, PARKED);
    },
    insertAfter: async (g, p, text) => {
      await query(`UPDATE ${table} SET seq = seq + ? WHERE group_id = ? AND seq > ?`, PARKED + 1, g, p);
      await query(`UPDATE ${table} SET seq = seq - ? WHERE group_id = ? AND seq > ?`, PARKED, g, PARKED);
      await insert(g, p + 1, text);
    },
    insertDuplicate: async (g, seq, text) => void (await insert(g, seq, text)),
    truncate: async (g, keep) => void (await query(`DELETE FROM ${table} WHERE group_id = ? AND seq > ?`, g, keep)),
    dropGroup: async (g) => void (await query(`DELETE FROM ${table} WHERE group_id = ?`, g)),
    rewriteFrom: async (g, from, edit) => {
      const rows = await query(`SELECT entry FROM ${table} WHERE group_id = ? ORDER BY seq`, g);
      const rewritten = rechain(rows.map((r) => JSON.parse(String(r.entry)) as LedgerEntry), from, edit);
      for (const e of rewritten.slice(from - 1)) {
        await query(`UPDATE ${table} SET entry = ?, hash = ?, prev = ? WHERE group_id = ? AND seq = ?`, JSON.stringify(e), e.hash, e.prev, g, e.seq);
      }
    },
    keptTexts: async (g) => Number((await query(`SELECT count(*) AS n FROM ${table}_text WHERE group_id = ?`, g))[0]?.n),
  };
}
