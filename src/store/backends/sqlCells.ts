import type { RawCells } from './rawCells.js';

/** Runs one statement with positional parameters and gives its rows (both keyv SQL adapters can). */
export type RunSql = (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

/**
 * Cells on the `(key, value)` table of @keyv/sqlite and @keyv/postgres. Each swap is a single
 * conditional statement (an insert that does nothing on conflict, an update or delete whose
 * WHERE clause holds the value read), so it is atomic without a transaction: a transaction would
 * need a connection of its own, and the SQLite adapter has one connection per process that every
 * other query shares. RETURNING tells whether a row was changed (SQLite ≥ 3.35, any Postgres).
 *
 * @param table the table, already qualified (`public.rumorguard_kv`) and known to be safe
 * @param dialect how parameters are written: `?` (SQLite) or `$1` (Postgres)
 */
export function sqlCells(run: RunSql, table: string, dialect: 'sqlite' | 'postgres'): RawCells {
  const p = (n: number) => (dialect === 'sqlite' ? '?' : `$${n}`);
  const read = `SELECT value FROM ${table} WHERE key = ${p(1)}`;
  const insert = `INSERT INTO ${table} (key, value) VALUES (${p(1)}, ${p(2)}) ON CONFLICT (key) DO NOTHING RETURNING key`;
  const replace = `UPDATE ${table} SET value = ${p(1)} WHERE key = ${p(2)} AND value = ${p(3)} RETURNING key`;
  const remove = `DELETE FROM ${table} WHERE key = ${p(1)} AND value = ${p(2)} RETURNING key`;
  return {
    async read(key) {
      const [row] = await run(read, [key]);
      return typeof row?.value === 'string' ? row.value : undefined;
    },
    async swap(key, expected, next) {
      let rows: unknown[];
      if (expected === undefined) rows = next === undefined ? [] : await run(insert, [key, next]);
      else if (next === undefined) rows = await run(remove, [key, expected]);
      else rows = await run(replace, [next, key, expected]);
      // Nothing to nothing changes no row, yet is no conflict: the key was absent when read.
      return rows.length === 1 || (expected === undefined && next === undefined);
    },
  };
}
