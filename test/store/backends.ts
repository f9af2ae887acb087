import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KeyValueStore } from '../../src/store/keyValueStore.js';
import { openStore, type OpenedStore } from '../../src/store/openStore.js';
import type { StoreBackend } from '../../src/store/storeUrl.js';

/** One backend the behavioural suite runs against, and why it is skipped when it is. */
export interface BackendCase {
  backend: StoreBackend;
  /** The STORE_URL to open; called once the suite runs (the SQLite folder exists by then). */
  url: () => string;
  /** Undefined when the backend is available; otherwise the reason shown in the test title. */
  skip: string | undefined;
  /** False for memory: two opens are two separate stores, not two views of one. */
  sharedBetweenOpens: boolean;
}

let sqliteFolder: string | undefined;
/** A folder for this run's SQLite files, removed by `removeTempFiles`. */
function sqliteFile(): string {
  sqliteFolder ??= mkdtempSync(path.join(tmpdir(), 'rg-store-'));
  return path.join(sqliteFolder, 'nested', 'store.sqlite');
}

export function removeTempFiles(): void {
  if (sqliteFolder) rmSync(sqliteFolder, { recursive: true, force: true });
  sqliteFolder = undefined;
}

const fromEnv = (name: string) => process.env[name] || undefined;

export const BACKENDS: BackendCase[] = [
  { backend: 'memory', url: () => 'memory:', skip: undefined, sharedBetweenOpens: false },
  // sqlite:// + an absolute path gives sqlite:///tmp/…: the three-slash form.
  { backend: 'sqlite', url: () => `sqlite://${sqliteFile()}`, skip: undefined, sharedBetweenOpens: true },
  {
    backend: 'redis',
    url: () => fromEnv('REDIS_URL')!,
    skip: fromEnv('REDIS_URL') ? undefined : 'REDIS_URL is not set',
    sharedBetweenOpens: true,
  },
  {
    backend: 'postgres',
    url: () => fromEnv('POSTGRES_URL')!,
    skip: fromEnv('POSTGRES_URL') ? undefined : 'POSTGRES_URL is not set',
    sharedBetweenOpens: true,
  },
];

/** A namespace no other run (or concurrent test process) uses. */
export const runNamespace = () => `rgtest-${process.pid}-${randomUUID().slice(0, 8)}`;

/**
 * Opens stores for one test and cleans up after it: every key written through a store it hands
 * out is deleted through that store, then the stores are closed, so runs against shared servers
 * leave nothing behind.
 */
export class StoreSession {
  private readonly opened: OpenedStore[] = [];
  private readonly written: Array<{ store: KeyValueStore; key: string }> = [];

  constructor(private readonly backendCase: BackendCase) {}

  async open(namespace: string): Promise<KeyValueStore> {
    const opened = await openStore(this.backendCase.url(), { namespace });
    this.opened.push(opened);
    const { store } = opened;
    return {
      get: (key) => store.get(key),
      set: (key, value, ttlMs) => {
        this.written.push({ store, key });
        return store.set(key, value, ttlMs);
      },
      delete: (key) => store.delete(key),
      update: (key, change, ttlMs) => {
        this.written.push({ store, key });
        return store.update(key, change, ttlMs);
      },
    };
  }

  async cleanUp(): Promise<void> {
    try {
      for (const { store, key } of this.written) await store.delete(key);
    } finally {
      await Promise.all(this.opened.map((o) => o.close()));
      this.opened.length = 0;
      this.written.length = 0;
    }
  }
}
