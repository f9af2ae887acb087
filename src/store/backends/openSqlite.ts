import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import Keyv from 'keyv';
import type { BackendOptions, OpenedKeyv } from './openedKeyv.js';
import { sqlCells } from './sqlCells.js';
import { SqliteKeyvAdapter } from './sqliteKeyvAdapter.js';

/**
 * How long a writer waits for another process's write lock before failing with SQLITE_BUSY.
 * Longer than the network timeouts: a busy file is contention, not an outage. (The ledger's own
 * connection holds the lock for one statement at a time.)
 */
const BUSY_TIMEOUT_MS = 5_000;

/** A keyv store in a SQLite file, creating the file and its folder on first use. */
export async function openSqlite(file: string, options: BackendOptions): Promise<OpenedKeyv> {
  await mkdir(path.dirname(file), { recursive: true });
  // No waiting inside the driver: it would block the event loop (the adapter waits instead).
  const db = new Database(file, { timeout: 0 });
  let adapter: SqliteKeyvAdapter;
  try {
    // Write-ahead logging lets another process (or the ledger's connection) read while this one
    // writes. Settings, strikes and notices need not reach the disk at every write: in WAL mode
    // NORMAL still never corrupts the file, and a power cut loses at most the last moments'
    // changes. (What must survive one is the ledger, which keeps its own FULL connection, and the
    // spool.)
    // Opening may meet another process switching the file to WAL: wait for it here, once.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 0');
    // A bad path or a file that is not a database fails here, at open.
    adapter = new SqliteKeyvAdapter(db, options.table, BUSY_TIMEOUT_MS);
  } catch (error) {
    db.close();
    throw error;
  }
  const keyv = new Keyv(adapter, { namespace: options.namespace, throwOnErrors: true });
  const cells = sqlCells(adapter.query, options.table, 'sqlite');
  return { keyv, cells, close: () => adapter.disconnect() };
}
