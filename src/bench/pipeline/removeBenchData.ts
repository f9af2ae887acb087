import { createClient } from '@redis/client';
import pg from 'pg';
import { checkTableName } from '../../ledger/backends/tableName.js';

/**
 * Removes what a bench run wrote to a shared server under its tag: Redis keys starting with it
 * (the keyv namespace `<tag>::…` and the ledger's `<tag>:…`), or its Postgres tables. SQLite runs
 * go with their temporary folder. Never used by the bot.
 */
export async function removeBenchData(store: 'sqlite' | 'redis' | 'postgres', url: string, tag: string): Promise<void> {
  if (store === 'redis') {
    const client = createClient({ url, socket: { connectTimeout: 5000, reconnectStrategy: false } });
    client.on('error', () => undefined);
    await client.connect();
    try {
      for await (const batch of client.scanIterator({ MATCH: `${tag}*`, COUNT: 1000 })) if (batch.length > 0) await client.del(batch);
    } finally {
      await client.close();
    }
  } else if (store === 'postgres') {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      const tables = [`${tag}_kv`, `${tag}_ledger`, `${tag}_ledger_text`].map(checkTableName);
      await client.query(`DROP TABLE IF EXISTS ${tables.join(', ')}`);
    } finally {
      await client.end();
    }
  }
}
