import type { Debunk } from '../../src/debunks/schema.js';
import type { ClaimMatch, Matcher, MatchOptions, RankedClaim } from '../../src/matching/types.js';

/**
 * Stand-in for the real matcher in tests, simple enough to score by hand. Terms are lowercase
 * words of 4+ letters or digits, and pairs of adjacent Han characters. A debunk's score is the
 * best share of one phrase's (claim's or variant's) distinct terms found in the text; debunks
 * scoring 0 are left out; ties go to the smaller id.
 */
export function wordOverlapMatcher(debunks: readonly Debunk[]): Matcher {
  const phrases = debunks.map((d) => ({ id: d.id, terms: [d.claim, ...d.variants].map(terms) }));
  const rank = (text: string, limit: number): RankedClaim[] => {
    const seen = terms(text);
    return phrases
      .map(({ id, terms: phraseTerms }) => ({
        debunkId: id,
        score: Math.max(...phraseTerms.map((t) => [...t].filter((term) => seen.has(term)).length / t.size)),
      }))
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score || a.debunkId.localeCompare(b.debunkId))
      .slice(0, limit);
  };
  return {
    rank,
    match(text: string, options: MatchOptions = {}) {
      const matches: ClaimMatch[] = rank(text, options.limit ?? 3)
        .filter((r) => r.score >= (options.minScore ?? 0.5))
        .map((r) => ({ ...r, explanation: explanationOf(text) }));
      return { matches, stance: 'spread' as const, stanceCues: [], refuting: false, refutingCues: [] };
    },
    update() {
      throw new Error('not used by the evaluation');
    },
    size: debunks.length,
  };
}

function terms(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z0-9]{4,}/g) ?? [];
  const pairs = (text.match(/\p{Script=Han}+/gu) ?? []).flatMap((run) =>
    [...run].slice(1).map((char, i) => `${[...run][i]}${char}`),
  );
  return new Set([...words, ...pairs]);
}

function explanationOf(text: string): ClaimMatch['explanation'] {
  return {
    phrase: { kind: 'claim', text },
    excerpt: text,
    start: 0,
    end: text.length,
    retrieval: 0,
    coverage: 0,
    similarity: 0,
  };
}
