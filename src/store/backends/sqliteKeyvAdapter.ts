import { EventEmitter } from 'node:events';
import type Database from 'better-sqlite3';
import type { RunSql } from './sqlCells.js';

/**
 * A keyv storage adapter over one better-sqlite3 connection, on the table layout @keyv/sqlite uses
 * (`key VARCHAR(255) PRIMARY KEY, value TEXT`, keys with keyv's namespace prefix), so files written
 * by either read the same. Statements are prepared once and run synchronously: a key lookup or a
 * write at `synchronous=NORMAL` takes microseconds, where an asynchronous driver spends far more
 * handing each one to a thread and back. Nothing here waits for the disk.
 */
export class SqliteKeyvAdapter extends EventEmitter {
  /** Set by keyv. */
  namespace?: string;
  readonly opts: { table: string; dialect: 'sqlite' };
  private readonly statements = new Map<string, Database.Statement>();

  /**
   * @param db opened with `timeout: 0`: a busy file is waited for here, without blocking
   * @param busyTimeoutMs how long a statement waits for another connection's write lock in all
   */
  constructor(
    private readonly db: Database.Database,
    table: string,
    private readonly busyTimeoutMs: number,
  ) {
    super();
    this.opts = { table, dialect: 'sqlite' };
    db.exec(`CREATE TABLE IF NOT EXISTS ${table}(key VARCHAR(255) PRIMARY KEY, value TEXT)`);
  }

  /**
   * Any statement on this connection, prepared once; rows for those that return some. The file's
   * write lock may be held by another connection (the ledger's, another process): the driver is
   * told not to wait for it (that wait would stop the whole event loop), and the statement is
   * tried again a moment later instead, for up to `busyTimeoutMs`.
   */
  readonly query: RunSql = async (sql, params) => {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    const started = Date.now();
    for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
      try {
        if (statement.reader) return statement.all(...params) as Record<string, unknown>[];
        statement.run(...params);
        return [];
      } catch (error) {
        const busy = (error as { code?: unknown }).code === 'SQLITE_BUSY';
        if (!busy || Date.now() - started >= this.busyTimeoutMs) throw error;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  };

  async get(key: string): Promise<string | undefined> {
    const [row] = await this.query(`SELECT value FROM ${this.opts.table} WHERE key = ?`, [key]);
    return typeof row?.value === 'string' ? row.value : undefined;
  }

  async set(key: string, value: string): Promise<void> {
    await this.query(`INSERT INTO ${this.opts.table} (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, [key, value]);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.query(`DELETE FROM ${this.opts.table} WHERE key = ? RETURNING key`, [key])).length > 0;
  }

  async has(key: string): Promise<boolean> {
    return (await this.get(key)) !== undefined;
  }

  async clear(): Promise<void> {
    await this.query(`DELETE FROM ${this.opts.table} WHERE key LIKE ?`, [this.namespace ? `${this.namespace}:%` : '%']);
  }

  async disconnect(): Promise<void> {
    this.statements.clear();
    if (this.db.open) this.db.close();
  }
}
