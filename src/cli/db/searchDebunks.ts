import Fuse, { type IFuseOptions } from 'fuse.js';
import type { Debunk } from '../../debunks/schema.js';
import { normalize } from '../../matching/normalize.js';

/** One entry found by {@link searchDebunks}; `score` is fuse.js's: 0 is a perfect match, 1 none at all. */
export interface SearchHit {
  id: string;
  score: number;
  claim: string;
}

/**
 * fuse.js settings for the admin's lookup. Token search scores each word of the query on its own,
 * so "garlik infection" or a few characters of a Chinese claim still find the entry; the claim
 * counts most, then its variants, then tags and refutations.
 */
const SEARCH_OPTIONS: IFuseOptions<SearchDocument> = {
  keys: [
    { name: 'claim', weight: 3 },
    { name: 'variants', weight: 2 },
    { name: 'tags', weight: 1 },
    { name: 'refutations', weight: 1 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.4,
  useTokenSearch: true,
  tokenize: searchTokens,
};

/** A debunk's searchable texts, folded by the normalizer. */
interface SearchDocument {
  claim: string;
  variants: string[];
  tags: string[];
  refutations: string[];
}

/**
 * Finds entries by claim, variants, tags and refutation texts, best first. This is a lookup tool
 * for the people who keep the database, not the matcher: both sides are folded by the matcher's
 * normalizer, so "5 G t0wers" and traditional characters find their entries as well.
 */
export function searchDebunks(debunks: readonly Debunk[], query: string, limit: number): SearchHit[] {
  const folded = fold(query);
  if (folded === '') return [];
  const documents = debunks.map((d): SearchDocument => ({
    claim: fold(d.claim),
    variants: d.variants.map(fold),
    tags: d.tags.map(fold),
    refutations: (typeof d.refutation === 'string' ? [d.refutation] : Object.values(d.refutation)).map(fold),
  }));
  const fuse = new Fuse(documents, SEARCH_OPTIONS);
  return fuse.search(folded, { limit }).map((result) => {
    const d = debunks[result.refIndex]!;
    return { id: d.id, score: result.score ?? 0, claim: d.claim };
  });
}

function fold(text: string): string {
  return normalize(text).text;
}

/**
 * Words of Latin, Cyrillic… letters and digits, and for Chinese (written without spaces) every
 * pair of neighbouring characters: a partial query shares pairs with the claim it comes from.
 */
export function searchTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const [run] of text.matchAll(/\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu)) {
    if (!/\p{Script=Han}/u.test(run)) tokens.push(run);
    else if (run.length === 1) tokens.push(run);
    else for (let i = 0; i + 1 < run.length; i++) tokens.push(run.slice(i, i + 2));
  }
  return tokens;
}
