import type Keyv from 'keyv';
import type { RawCells } from './backends/rawCells.js';
import type { ValueChange } from './keyValueStore.js';

/**
 * Attempts before an update gives up. Every failed attempt means another writer's update went
 * through, so this bounds how many writers may overtake one update, not how long a server may
 * be slow (that is the drivers' timeouts).
 */
export const MAX_UPDATE_ATTEMPTS = 50;

/** Longest pause between attempts; the pause is random so two losers do not collide again. */
const MAX_BACKOFF_MS = 50;

/** An update that lost the race to other writers on every attempt. */
export class UpdateContended extends Error {
  override readonly name = 'UpdateContended';

  constructor(key: string, attempts: number) {
    super(`"${key}" was changed by other writers on each of ${attempts} attempts`);
  }
}

/**
 * `KeyValueStore.update` over keyv: reads the raw row, decodes it with keyv's own deserializer
 * and expiry rule, encodes the change with keyv's serializer and expiry stamp, and stores it by
 * compare-and-swap on the raw row, so it reads and writes exactly what `keyv.get`/`keyv.set` do.
 */
export async function atomicUpdate<T>(
  keyv: Keyv,
  cells: RawCells,
  key: string,
  change: ValueChange<T>,
  ttlMs: number | undefined,
  maxAttempts = MAX_UPDATE_ATTEMPTS,
): Promise<T | undefined> {
  // The key as keyv hands it to its adapter (its namespace prefix, unless the adapter adds one).
  const stored = keyv._getKeyPrefix(key);
  // As keyv.set: a TTL of 0 means none.
  const ttl = ttlMs === undefined || ttlMs === 0 ? undefined : ttlMs;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const raw = await cells.read(stored);
    const current = raw === undefined ? undefined : await decode<T>(keyv, raw);
    const next = change(current);
    if (next === current) return current;
    const encoded = next === undefined ? undefined : await encode(keyv, next, ttl);
    if (await cells.swap(stored, raw, encoded, ttl)) return next;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** attempt)));
  }
  throw new UpdateContended(key, maxAttempts);
}

async function decode<T>(keyv: Keyv, raw: string): Promise<T | undefined> {
  const data = await keyv.deserializeData<T>(raw);
  if (data === undefined || data === null) return undefined;
  // keyv's rule: a value past its `expires` stamp is gone, whether or not the backend dropped it.
  if (typeof data.expires === 'number' && Date.now() > data.expires) return undefined;
  return data.value;
}

async function encode<T>(keyv: Keyv, value: T, ttl: number | undefined): Promise<string> {
  const expires = ttl === undefined ? undefined : Date.now() + ttl;
  const serialized = await keyv.serializeData({ value, expires });
  if (typeof serialized !== 'string') throw new Error('keyv is configured without a serializer; atomic updates need one');
  return serialized;
}
