import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@redis/client';
import { dropPostgresLedgerTable } from '../../ledger/backends/dropPostgresLedgerTable.js';
import { openLedgerBackend, type OpenedLedgerBackend } from '../../ledger/backends/openLedgerBackend.js';
import { memoryLedgerBackend } from '../../ledger/ledgerBackend.js';

export const LEDGER_BENCH_STORES = ['memory', 'sqlite', 'redis', 'postgres'] as const;
export type LedgerBenchStore = (typeof LEDGER_BENCH_STORES)[number];

/** A store the bench may write to, under names of its own, and remove afterwards. */
export interface BenchStore {
  name: LedgerBenchStore;
  /** A new connection (the memory store hands out the same one: it lives in this process). */
  open(): Promise<OpenedLedgerBackend>;
  /** Drops the bench's table, keys or file. */
  remove(): Promise<void>;
}

/**
 * The stores to bench: memory and a SQLite file in a temporary folder always, Redis and
 * PostgreSQL when their URL is given. Each run writes to its own table or key prefix, so it
 * never touches the bot's ledger on the same server.
 */
export function benchStores(urls: { redis?: string; postgres?: string }, only: readonly LedgerBenchStore[] = LEDGER_BENCH_STORES): BenchStore[] {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const stores: BenchStore[] = [];
  if (only.includes('memory')) {
    const backend = memoryLedgerBackend();
    stores.push({ name: 'memory', open: async () => ({ backend, close: async () => undefined }), remove: async () => undefined });
  }
  if (only.includes('sqlite')) {
    let dir: string | undefined;
    stores.push({
      name: 'sqlite',
      open: () => openLedgerBackend(`sqlite://${join((dir ??= mkdtempSync(join(tmpdir(), 'rumorguard-bench-'))), 'ledger.sqlite')}`),
      remove: async () => {
        if (dir) rmSync(dir, { recursive: true, force: true });
      },
    });
  }
  const redisUrl = urls.redis;
  if (redisUrl && only.includes('redis')) {
    const keyPrefix = `rumorguard-bench:${runId}:`;
    stores.push({
      name: 'redis',
      open: () => openLedgerBackend(redisUrl, { keyPrefix }),
      remove: async () => {
        const client = createClient({ url: redisUrl, socket: { connectTimeout: 5000, reconnectStrategy: false } });
        client.on('error', () => undefined);
        await client.connect();
        try {
          for await (const batch of client.scanIterator({ MATCH: `${keyPrefix}*`, COUNT: 500 })) if (batch.length > 0) await client.del(batch);
        } finally {
          await client.close();
        }
      },
    });
  }
  const postgresUrl = urls.postgres;
  if (postgresUrl && only.includes('postgres')) {
    const table = `rumorguard_ledger_bench_${runId}`;
    stores.push({
      name: 'postgres',
      open: () => openLedgerBackend(postgresUrl, { table }),
      remove: () => dropPostgresLedgerTable(postgresUrl, table),
    });
  }
  return stores;
}
