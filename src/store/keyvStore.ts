import Keyv from 'keyv';
import { atomicUpdate } from './atomicUpdate.js';
import { mapCells, type RawCells } from './backends/rawCells.js';
import type { KeyValueStore } from './keyValueStore.js';

/**
 * A KeyValueStore over a keyv instance (memory by default). `cells` reach the rows under keyv
 * for atomic updates; keyv's own in-memory Map needs none given.
 */
export function keyvStore(keyv: Keyv = new Keyv(), cells: RawCells = cellsOfMemory(keyv)): KeyValueStore {
  return {
    async get<T>(key: string) {
      return (await keyv.get<T>(key)) ?? undefined;
    },
    async set<T>(key: string, value: T, ttlMs?: number) {
      await keyv.set(key, value, ttlMs);
    },
    async delete(key: string) {
      return keyv.delete(key);
    },
    update: (key, change, ttlMs) => atomicUpdate(keyv, cells, key, change, ttlMs),
  };
}

/** An in-memory store: state lives as long as the process (the playground, `check`, tests). */
export function memoryStore(): KeyValueStore {
  return keyvStore(new Keyv());
}

function cellsOfMemory(keyv: Keyv): RawCells {
  const store: unknown = keyv.store;
  // A programming error: a backend adapter's rows are reached through its own cells.
  if (!(store instanceof Map)) throw new Error('keyvStore: a keyv on a backend adapter needs that backend\'s RawCells');
  return mapCells(store as Map<string, unknown>);
}
