import type { KeyValueStore } from './keyValueStore.js';

/** Where a store records the layout of its data. */
export const SCHEMA_VERSION_KEY = 'meta:schemaVersion';

/**
 * The data layout this version of RumorGuard reads and writes.
 * - 1: keys are parts joined with `:`, unescaped.
 * - 2: each key part is escaped (storeKey: `%` as `%25`, `:` as `%3A`). Keys whose parts hold
 *   neither character are unchanged, so upgrading moves no data: Telegram and Discord group,
 *   member and message ids are numbers, with one exception. Telegram members posting as a
 *   channel have the member id `chat:<id>`; their strikes start afresh (strikes decay anyway).
 *   Schema 1 could not tell such keys from another group's, so they are not carried over. A store stamped 2 is refused by RumorGuard releases that know only schema 1,
 *   which would read escaped keys as other keys.
 */
export const CURRENT_SCHEMA_VERSION = 2;

/** What `checkSchemaVersion` found; refusals carry the message to show. */
export type SchemaCheck =
  | { ok: true; status: 'created' | 'current'; version: number }
  /** Written by an older RumorGuard and upgraded in place (its migrations run before it is used). */
  | { ok: true; status: 'upgraded'; from: number; version: number }
  | { ok: false; reason: 'newer' | 'unreadable'; stored: unknown; message: string };

/**
 * Reads the store's schema version, writing the current one into a store that has none. A
 * store written by a newer RumorGuard is refused rather than misread; the caller decides what
 * to do with a refusal (the bot exits with the message).
 */
export async function checkSchemaVersion(store: KeyValueStore, current: number = CURRENT_SCHEMA_VERSION): Promise<SchemaCheck> {
  const stored = await store.get<unknown>(SCHEMA_VERSION_KEY);
  if (stored === undefined) {
    await store.set(SCHEMA_VERSION_KEY, current);
    return { ok: true, status: 'created', version: current };
  }
  if (typeof stored !== 'number' || !Number.isInteger(stored) || stored < 1) {
    return {
      ok: false,
      reason: 'unreadable',
      stored,
      message: `this store's ${SCHEMA_VERSION_KEY} is ${JSON.stringify(stored)}, not a schema number; it was not written by RumorGuard or is damaged — point STORE_URL elsewhere`,
    };
  }
  if (stored > current) {
    return {
      ok: false,
      reason: 'newer',
      stored,
      message: `this store was written by a newer RumorGuard (schema ${stored}); this version understands schema ${current} — upgrade RumorGuard or point STORE_URL elsewhere`,
    };
  }
  if (stored < current) {
    // 1 → 2 moves nothing (see CURRENT_SCHEMA_VERSION); a later layout change migrates here first.
    await store.set(SCHEMA_VERSION_KEY, current);
    return { ok: true, status: 'upgraded', from: stored, version: current };
  }
  return { ok: true, status: 'current', version: stored };
}
