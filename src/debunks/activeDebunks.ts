import type { Debunk } from './schema.js';

/**
 * Debunks still in force on `today` (YYYY-MM-DD): an entry past its `expires` date describes a
 * situation that has changed, and repeating it is no longer a rumor.
 */
export function activeDebunks(debunks: readonly Debunk[], today: string = new Date().toISOString().slice(0, 10)): Debunk[] {
  return debunks.filter((d) => d.expires === undefined || d.expires >= today);
}
