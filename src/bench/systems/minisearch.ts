import MiniSearch, { type SearchResult } from 'minisearch';
import type { Debunk } from '../../debunks/schema.js';
import type { BenchSystem } from './benchSystem.js';

/** Top results kept per message, as a user wiring MiniSearch into a bot would. */
const TOP = 5;

interface IndexedDebunk {
  id: string;
  claim: string;
  variants: string;
}

/**
 * MiniSearch (BM25) with its default tokenizer and options over claim and variants: the library a
 * developer reaches for first. Its tokenizer splits on spaces and punctuation, so unspaced Chinese
 * becomes whole-clause tokens; that is part of what the comparison shows.
 */
export const minisearchSystem: BenchSystem<MiniSearch<IndexedDebunk>, SearchResult[]> = {
  name: 'minisearch',
  build: (debunks) => {
    const index = new MiniSearch<IndexedDebunk>({ fields: ['claim', 'variants'] });
    index.addAll(debunks.map(toDocument));
    return index;
  },
  run: (index, message) => index.search(message).slice(0, TOP),
  // MiniSearch has no score scale to threshold, so any result counts as acting.
  judge: (results) => ({ topId: results[0] ? String(results[0].id) : null, acts: results.length > 0 }),
};

function toDocument(d: Debunk): IndexedDebunk {
  return { id: d.id, claim: d.claim, variants: d.variants.join('\n') };
}
