import { createHash } from 'node:crypto';
import type { Debunk } from './schema.js';

/**
 * A debunk id short enough for a button's data (Telegram allows 64 bytes, Discord 100
 * characters): the id itself when it fits in `room` bytes, else `#` and a hash of it.
 */
export function debunkRef(id: string, room: number): string {
  if (Buffer.byteLength(id) <= room) return id;
  return `#${createHash('sha256').update(id).digest('base64url').slice(0, 12)}`;
}

/** The debunk a reference names: by id, or by hash among the debunks in force (rare: long ids). */
export function resolveDebunkRef(ref: string, byId: (id: string) => Debunk | undefined, all: () => Iterable<Debunk>): Debunk | undefined {
  if (!ref.startsWith('#')) return byId(ref);
  for (const d of all()) if (debunkRef(d.id, 0) === ref) return d;
  return undefined;
}
