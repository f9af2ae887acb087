/**
 * The rows keyv keeps, as its backend adapter stores them (the key with keyv's namespace prefix,
 * the value serialized with its expiry stamp), with a compare-and-swap: what an atomic update is
 * built on. Each backend implements it on the very table or keys its keyv adapter uses, so
 * values written by `set` and by `update` are one and the same data.
 */
export interface RawCells {
  /** The serialized value stored under `key` (as keyv passes it to the adapter), if any. */
  read(key: string): Promise<string | undefined>;
  /**
   * Stores `next` (deletes, when it is undefined) only if the key still holds exactly
   * `expected` (is absent, when that is undefined). True when it did; false when another writer
   * got in first. `ttlMs` is passed on as keyv passes it to its adapter.
   */
  swap(key: string, expected: string | undefined, next: string | undefined, ttlMs: number | undefined): Promise<boolean>;
}

/**
 * Cells over keyv's in-memory Map: one process, and the swap runs without yielding, so it is
 * atomic by construction. keyv keeps expiry in the serialized value, so the TTL is not needed.
 */
export function mapCells(map: Map<string, unknown>): RawCells {
  return {
    read: async (key) => {
      const raw = map.get(key);
      return typeof raw === 'string' ? raw : undefined;
    },
    swap: async (key, expected, next) => {
      const raw = map.get(key);
      if ((typeof raw === 'string' ? raw : undefined) !== expected) return false;
      if (next === undefined) map.delete(key);
      else map.set(key, next);
      return true;
    },
  };
}
