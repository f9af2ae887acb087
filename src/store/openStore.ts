import Keyv from 'keyv';
import { openPostgres } from './backends/openPostgres.js';
import { openRedis } from './backends/openRedis.js';
import { openSqlite } from './backends/openSqlite.js';
import type { BackendOptions, OpenedKeyv } from './backends/openedKeyv.js';
import { mapCells } from './backends/rawCells.js';
import { UpdateContended } from './atomicUpdate.js';
import type { KeyValueStore } from './keyValueStore.js';
import { keyvStore } from './keyvStore.js';
import { redactUrl, scrubSecrets } from './redactUrl.js';
import { StoreError, type StoreErrorCode } from './storeError.js';
import { parseStoreUrl, type StoreBackend, type StoreTarget } from './storeUrl.js';
import { withDeadline } from './withDeadline.js';

/** An open store and how to let go of it. */
export interface OpenedStore {
  store: KeyValueStore;
  backend: StoreBackend;
  /** Closes the connection or file; the store must not be used afterwards. */
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /**
   * keyv namespace: every key is stored under it, so several concerns or test runs can share a
   * database. @defaultValue 'rumorguard'
   */
  namespace?: string;
  /** Table for SQLite and Postgres (letters, digits, `_`). @defaultValue 'rumorguard_kv' */
  table?: string;
  /** Working directory for a relative SQLite path. @defaultValue process.cwd() */
  cwd?: string;
  /**
   * How long one attempt to connect to Redis or Postgres may take, when opening and when an
   * operation needs a new connection, before it fails; and how long any one operation (get, set,
   * delete, update) may wait for its answer. A server that keeps the connection but stops
   * answering (stopped process, network black hole) then fails like a refused one, so the bot
   * decides without the store instead of waiting. @defaultValue 2000
   */
  timeoutMs?: number;
}

export const DEFAULT_STORE_OPTIONS = {
  namespace: 'rumorguard',
  table: 'rumorguard_kv',
  timeoutMs: 2_000,
} as const satisfies Required<Omit<OpenStoreOptions, 'cwd'>>;

/**
 * Opens the store that `url` names: `memory:`, `sqlite://path`, `redis://…` or `postgres://…`
 * (see storeUrl.ts). Opening proves the backend answers, so an unreachable server or an
 * unwritable file fails here, within about `timeoutMs`, with a StoreError whose message names
 * the backend and shows the URL with its password redacted. Operations on the store throw a
 * StoreError too when the backend fails or gives no answer within `timeoutMs`, rather than
 * pretending a write happened.
 *
 * Callers check the stored schema with `checkSchemaVersion` before using the store.
 */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<OpenedStore> {
  const parsed = parseStoreUrl(url, options.cwd);
  if (!parsed.ok) throw new StoreError(parsed.code, parsed.error);
  const settings: BackendOptions = {
    namespace: options.namespace ?? DEFAULT_STORE_OPTIONS.namespace,
    table: options.table ?? DEFAULT_STORE_OPTIONS.table,
    timeoutMs: options.timeoutMs ?? DEFAULT_STORE_OPTIONS.timeoutMs,
  };
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(settings.table)) {
    // A programming error, not a setting: the table comes from code, never from STORE_URL.
    throw new Error(`store table "${settings.table}" must be letters, digits and _, starting with a letter or _`);
  }
  const { backend } = parsed.target;
  const label = `${backend} store ${redactUrl(url)}`;
  const opening = openBackend(parsed.target, settings);
  let opened: OpenedKeyv;
  try {
    // The drivers bound their own connection attempts; the deadline is a second line for a
    // server that accepts the connection and then says nothing.
    opened = await withDeadline(opening, 2 * settings.timeoutMs + 1_000, 'opening');
  } catch (error) {
    // Should the backend still open after the deadline, let go of it then.
    opening.then((late) => late.close()).catch(() => undefined);
    throw failure('unreachable', `cannot open the ${label}`, error, url);
  }
  let closing: Promise<void> | undefined;
  return {
    backend,
    store: surfacingErrors(keyvStore(opened.keyv, opened.cells), label, url, settings.timeoutMs),
    // Idempotent: a caller's finally and an exit handler may both close.
    close: () => (closing ??= opened.close()),
  };
}

function openBackend(target: StoreTarget, options: BackendOptions): Promise<OpenedKeyv> {
  switch (target.backend) {
    case 'memory': {
      const map = new Map<string, unknown>();
      const keyv = new Keyv({ store: map, namespace: options.namespace, throwOnErrors: true });
      return Promise.resolve({ keyv, cells: mapCells(map), close: async () => undefined });
    }
    case 'sqlite':
      return openSqlite(target.file, options);
    case 'redis':
      return openRedis(target.url, options);
    case 'postgres':
      return openPostgres(target.url, options);
  }
}

/**
 * The store with each failure rethrown as a StoreError naming the operation, the key and the
 * backend, so "a write failed" reaches the caller with enough context to act on.
 */
function surfacingErrors(store: KeyValueStore, label: string, url: string, timeoutMs: number): KeyValueStore {
  const wrap = async <T>(operation: string, key: string, run: () => Promise<T>): Promise<T> => {
    try {
      const pending = run();
      // Should the deadline win, the late answer (or failure) of the abandoned call is expected.
      pending.catch(() => undefined);
      return await withDeadline(pending, timeoutMs, 'from the store');
    } catch (error) {
      const code = error instanceof UpdateContended ? 'contended' : 'unavailable';
      throw failure(code, `${label}: ${operation} "${key}" failed`, error, url, `${label}: ${operation} failed`);
    }
  };
  return {
    get: (key) => wrap('get', key, () => store.get(key)),
    set: (key, value, ttlMs) => wrap('set', key, () => store.set(key, value, ttlMs)),
    delete: (key) => wrap('delete', key, () => store.delete(key)),
    update: (key, change, ttlMs) => wrap('update', key, () => store.update(key, change, ttlMs)),
  };
}

function failure(code: StoreErrorCode, context: string, error: unknown, url: string, general?: string): StoreError {
  const reason = error instanceof Error ? describeError(error) : String(error);
  // The cause travels with the error for its stack; its text is scrubbed like ours, in case a
  // driver ever quotes its connection string.
  if (error instanceof Error) error.message = scrubSecrets(error.message, url);
  return new StoreError(code, scrubSecrets(`${context}: ${reason}`, url), { cause: error, ...(general ? { general: scrubSecrets(`${general}: ${reason}`, url) } : {}) });
}

/** A driver error's own words; node's AggregateError (IPv4 and IPv6 both refused) has none. */
function describeError(error: Error): string {
  if (error.message) return error.message;
  if (error instanceof AggregateError) return error.errors.map((e) => (e instanceof Error ? describeError(e) : String(e))).join('; ');
  return (error as { code?: string }).code ?? error.name;
}
