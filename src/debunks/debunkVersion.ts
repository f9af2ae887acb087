import { sha256Hex } from '../lib/sha256Hex.js';
import type { Debunk } from './schema.js';

/**
 * A short fingerprint of an entry as stored: an edit form carries the version it was opened
 * with, and a save whose entry has another version by then was overtaken by someone else's save
 * (two admins, two tabs). The entry as validated, keys sorted, so the same entry read from a
 * file, the store or the engine has the same version however its fields were written.
 */
export function debunkVersion(debunk: Debunk): string {
  return sha256Hex(JSON.stringify(sortedKeys(debunk))).slice(0, 16);
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => [key, sortedKeys(record[key])]),
  );
}
