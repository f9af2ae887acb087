import { StoreError } from '../../store/storeError.js';
import { parseStoreUrl } from '../../store/storeUrl.js';
import { memoryLedgerBackend, type LedgerBackend } from '../ledgerBackend.js';
import type { ClosableLedgerBackend } from './closableLedgerBackend.js';
import { postgresLedgerBackend, type PostgresLedgerOptions } from './postgresLedgerBackend.js';
import { redisLedgerBackend, type RedisLedgerOptions } from './redisLedgerBackend.js';
import { sqliteLedgerBackend, type SqliteLedgerOptions } from './sqliteLedgerBackend.js';

/** An open ledger backend and the way to release it. */
export interface OpenedLedgerBackend {
  backend: LedgerBackend;
  close(): Promise<void>;
}

/** Per-backend settings; each backend reads the ones it knows (absent ones keep its defaults). */
export type OpenLedgerOptions = SqliteLedgerOptions & PostgresLedgerOptions & RedisLedgerOptions;

/**
 * Opens the ledger backend a store URL names, read exactly as the key-value store reads it (so
 * one STORE_URL puts both in the same file or server): `sqlite://data/rumorguard.sqlite` (relative
 * to the working directory; `sqlite:///abs/path` for an absolute one), `redis://` or `rediss://`,
 * `postgres://` or `postgresql://`, or `memory:` (gone when the process ends). Rejects with a
 * StoreError, never hangs, when the URL is wrong or the store unreachable; messages show the URL
 * without its secrets.
 */
export async function openLedgerBackend(url: string, options: OpenLedgerOptions = {}): Promise<OpenedLedgerBackend> {
  const parsed = parseStoreUrl(url);
  if (!parsed.ok) throw new StoreError(parsed.code, parsed.error);
  const target = parsed.target;
  switch (target.backend) {
    case 'memory':
      return { backend: memoryLedgerBackend(), close: async () => undefined };
    case 'sqlite':
      return opened(await sqliteLedgerBackend(target.file, options));
    case 'redis':
      return opened(await redisLedgerBackend(target.url, options));
    case 'postgres':
      return opened(await postgresLedgerBackend(target.url, options));
  }
}

function opened(backend: ClosableLedgerBackend): OpenedLedgerBackend {
  return { backend, close: () => backend.close() };
}
