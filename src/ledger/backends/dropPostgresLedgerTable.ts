import pg from 'pg';
import { checkTableName } from './tableName.js';

/**
 * Removes a ledger table and its message texts: for benchmarks and tests, which each write to a table of their own.
 * Never called by the bot: a ledger is not something the bot deletes.
 */
export async function dropPostgresLedgerTable(url: string, table: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(`DROP TABLE IF EXISTS ${checkTableName(table)}, ${checkTableName(`${table}_text`)}`);
  } finally {
    await client.end();
  }
}
