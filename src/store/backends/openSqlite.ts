import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import type { BackendOptions, OpenedKeyv } from './openedKeyv.js';
import { sqlCells } from './sqlCells.js';

/**
 * How long a writer waits for another process's write lock before failing with SQLITE_BUSY.
 * Longer than the network timeouts: a busy file is contention, not an outage.
 */
const BUSY_TIMEOUT_MS = 5_000;

/** Tries for this long in all while another process holds a new file (see openSqlite). */
const OPEN_BUSY_MS = BUSY_TIMEOUT_MS;

/** `run`, again after a short pause while it fails with SQLITE_BUSY, up to OPEN_BUSY_MS in all. */
async function whileBusy<T>(run: () => Promise<T>): Promise<T> {
  const until = Date.now() + OPEN_BUSY_MS;
  for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
    try {
      return await run();
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() + pause > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/** A keyv store in a SQLite file, creating the file and its folder on first use. */
export async function openSqlite(file: string, options: BackendOptions): Promise<OpenedKeyv> {
  await mkdir(path.dirname(file), { recursive: true });
  const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, table: options.table, busyTimeout: BUSY_TIMEOUT_MS });
  const keyv = new Keyv(adapter, { namespace: options.namespace, throwOnErrors: true });
  const close = () => adapter.disconnect();
  try {
    // The first query opens the file (and creates the table), so a bad path fails here.
    // Write-ahead logging lets another process read while this one writes. Switching a new file
    // to WAL needs the file to itself for a moment, and SQLite answers SQLITE_BUSY at once (its
    // busy timeout does not apply) when another process is creating it too: tried again.
    await whileBusy(() => adapter.query('PRAGMA journal_mode=WAL'));
    // Settings, strikes and notices need not reach the disk at every write: in WAL mode NORMAL
    // still never corrupts the file, and a power cut loses at most the last moments' changes.
    // (What must survive one is the ledger, which keeps its own FULL connection, and the spool.)
    await adapter.query('PRAGMA synchronous=NORMAL');
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
  // The adapter's query spreads its parameters (sqlite3's Database#all); its constructor has
  // set opts.table to the sanitized table name.
  const cells = sqlCells((sql, params) => adapter.query(sql, ...params), adapter.opts.table!, 'sqlite');
  return { keyv, cells, close };
}
