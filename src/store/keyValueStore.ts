/**
 * The engine's narrow view of storage: get, set with an optional time to live, delete.
 * keyv implements it over memory (tests, the playground), SQLite, Redis and Postgres.
 */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  /** Stores a JSON-serializable value; `ttlMs` makes it disappear after that long. */
  set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  /** True when something was deleted. */
  delete(key: string): Promise<boolean>;
}
