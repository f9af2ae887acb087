import { memoryLedgerBackend, type LedgerBackend } from '../ledgerBackend.js';
import type { ClosableLedgerBackend } from './closableLedgerBackend.js';
import { postgresLedgerBackend, type PostgresLedgerOptions } from './postgresLedgerBackend.js';
import { redisLedgerBackend, type RedisLedgerOptions } from './redisLedgerBackend.js';
import { sqliteLedgerBackend, type SqliteLedgerOptions } from './sqliteLedgerBackend.js';
import { redactUrl } from './storeUrl.js';

/** An open ledger backend and the way to release it. */
export interface OpenedLedgerBackend {
  backend: LedgerBackend;
  close(): Promise<void>;
}

/** Per-backend settings; each backend reads the ones it knows (absent ones keep its defaults). */
export type OpenLedgerOptions = SqliteLedgerOptions & PostgresLedgerOptions & RedisLedgerOptions;

/** The URL forms `openLedgerBackend` accepts, for its error message and for help texts. */
export const LEDGER_URL_FORMS = ['sqlite://<path>', 'redis://…', 'rediss://…', 'postgres://…', 'postgresql://…', 'memory:'] as const;

/**
 * Opens the ledger backend a store URL names: `sqlite://data/rumorguard.sqlite` (a relative path;
 * `sqlite:///abs/path` for an absolute one), `redis://` or `rediss://`, `postgres://` or
 * `postgresql://`, or `memory:` (gone when the process ends). Rejects, never hangs, when the
 * store is unreachable; messages show the URL without its password.
 */
export async function openLedgerBackend(url: string, options: OpenLedgerOptions = {}): Promise<OpenedLedgerBackend> {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  switch (scheme) {
    case 'memory':
      return { backend: memoryLedgerBackend(), close: async () => undefined };
    case 'sqlite': {
      const file = url.replace(/^sqlite:(\/\/)?/i, '');
      if (file === '') throw new Error(`ledger store URL ${url} names no file: use sqlite://<path>, e.g. sqlite://data/rumorguard.sqlite`);
      return opened(await sqliteLedgerBackend(file, options));
    }
    case 'redis':
    case 'rediss':
      return opened(await redisLedgerBackend(url, options));
    case 'postgres':
    case 'postgresql':
      return opened(await postgresLedgerBackend(url, options));
    default:
      throw new Error(`ledger store URL ${redactUrl(url)} has an unknown scheme; use one of: ${LEDGER_URL_FORMS.join(', ')}`);
  }
}

function opened(backend: ClosableLedgerBackend): OpenedLedgerBackend {
  return { backend, close: () => backend.close() };
}

