import Keyv from 'keyv';
import type { KeyValueStore } from './keyValueStore.js';

/** A KeyValueStore over any keyv instance (memory by default). */
export function keyvStore(keyv: Keyv = new Keyv()): KeyValueStore {
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
  };
}

/** An in-memory store: state lives as long as the process (the playground, `check`, tests). */
export function memoryStore(): KeyValueStore {
  return keyvStore(new Keyv());
}
