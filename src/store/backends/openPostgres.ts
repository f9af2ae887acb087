import KeyvPostgres from '@keyv/postgres';
import Keyv from 'keyv';
import pg from 'pg';
import type { BackendOptions, OpenedKeyv } from './openedKeyv.js';
import { sqlCells } from './sqlCells.js';

/**
 * @keyv/postgres 2 keeps one pg pool per process in a module variable: a second store on another
 * URL replaces it, and closing any store ends whichever pool is current. This subclass gives
 * each store its own pool (the adapter calls `connect()` from its constructor), bounded
 * connection attempts, and a listener for errors on idle connections, which pg otherwise
 * raises as an unhandled 'error' event that ends the process when the server restarts.
 */
class OwnPoolPostgres extends KeyvPostgres {
  // `declare`: a class field would be initialized after super() and erase the pool that the
  // adapter's constructor created through connect().
  private declare pool: pg.Pool | undefined;

  constructor(url: string, options: { table: string; timeoutMs: number }) {
    // keySize: the column is VARCHAR(keySize); 1024 leaves room for long platform ids.
    super({ uri: url, table: options.table, keySize: 1024, connectionTimeoutMillis: options.timeoutMs });
  }

  override async connect() {
    this.pool ??= this.createPool();
    const pool = this.pool;
    return async (sql: string, values?: unknown[]) => (await pool.query(sql, values)).rows;
  }

  override async disconnect() {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.end();
  }

  private createPool(): pg.Pool {
    const pool = new pg.Pool({
      connectionString: this.opts.uri,
      connectionTimeoutMillis: this.opts.connectionTimeoutMillis,
      // An idle pool does not keep a finished CLI command alive.
      allowExitOnIdle: true,
    });
    pool.on('error', (error) => this.emit('error', error));
    return pool;
  }
}

/** A keyv store in a Postgres table, with each store's own connection pool. */
export async function openPostgres(url: string, options: BackendOptions): Promise<OpenedKeyv> {
  const adapter = new OwnPoolPostgres(url, { table: options.table, timeoutMs: options.timeoutMs });
  const keyv = new Keyv(adapter, { namespace: options.namespace, throwOnErrors: true });
  const close = () => adapter.disconnect();
  try {
    // The adapter creates its table in the background and only emits an error when that
    // fails; reading the table waits for it and proves both the server and the table are there
    // (pg bounds the connection attempt by connectionTimeoutMillis).
    await adapter.query(`SELECT 1 FROM ${adapter.opts.schema}.${adapter.opts.table} LIMIT 1`);
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
  const cells = sqlCells((sql, params) => adapter.query(sql, params), `${adapter.opts.schema}.${adapter.opts.table}`, 'postgres');
  return { keyv, cells, close };
}
