import Fuse, { type FuseResult } from 'fuse.js';
import type { Debunk } from '../../debunks/schema.js';
import type { BenchSystem } from './benchSystem.js';

/** fuse.js scores 0 for a perfect match and 1 for none; 0.4 is the threshold a user would pick. */
const THRESHOLD = 0.4;

/**
 * fuse.js alone over every claim and variant, searching the whole message: what you get from the
 * fuzzy-search library without a retrieval stage in front.
 */
export const fuseSystem: BenchSystem<Fuse<Debunk>, FuseResult<Debunk>[]> = {
  name: 'fuse',
  build: (debunks) =>
    new Fuse(debunks, { keys: ['claim', 'variants'], includeScore: true, ignoreLocation: true, threshold: THRESHOLD }),
  run: (fuse, message) => fuse.search(message),
  judge: (results) => {
    const top = results[0];
    return {
      topId: top?.item.id ?? null,
      // fuse.js already drops results above the threshold; the check keeps the act level explicit.
      acts: results.some((r) => (r.score ?? 1) <= THRESHOLD),
    };
  },
  // fuse.js scans every entry with bitap per message: seconds per message at 100k claims, so a
  // small sample gives the per-message figures in reasonable time.
  sampleSize: (claims) => (claims <= 1_000 ? 50 : claims <= 10_000 ? 20 : 5),
};
