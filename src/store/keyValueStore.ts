/**
 * A change to one stored value, computed from what is stored now. It may run more than once
 * (each time another writer got in first), so it must only compute: what it notes in a closure
 * is trustworthy from its last run, which is the run whose result was stored.
 */
export type ValueChange<T> = (current: T | undefined) => T | undefined;

/**
 * The engine's narrow view of storage: get, set with an optional time to live, delete, and an
 * atomic read-modify-write. keyv implements it over memory (tests, the playground), SQLite, Redis
 * and Postgres.
 */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  /** Stores a JSON-serializable value; `ttlMs` makes it disappear after that long. */
  set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  /** True when something was deleted. */
  delete(key: string): Promise<boolean>;
  /**
   * Reads the value, hands it to `change` and stores what `change` returns, as one step even
   * across processes: when another writer changed the value in between, it is read again and
   * `change` runs again, so neither write is lost. Returning `undefined` deletes the key;
   * returning the very value it was given writes nothing (and keeps its time to live). The
   * value written gets `ttlMs`. Resolves to the value now stored.
   */
  update<T>(key: string, change: ValueChange<T>, ttlMs?: number): Promise<T | undefined>;
}
