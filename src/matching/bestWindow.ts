import type { IndexedPhrase } from './phraseIndex.js';
import type { TermPositions } from './termPositions.js';
import { sortPrefix } from './sortPrefix.js';

/** The stretch of the message that best covers a phrase, in token indices (inclusive). */
export interface PhraseWindow {
  first: number;
  last: number;
  /** idf weight of the phrase's distinct terms found in the window. */
  covered: number;
  /** Number of the phrase's distinct terms found in the window. */
  terms: number;
}

// A hit is packed as position * TERM_SLOTS + phrase term index, so one numeric sort of a typed
// array orders hits by position without allocating an object per hit.
const TERM_SLOTS = 1024;
let hits = new Int32Array(1024);
let inWindow = new Int32Array(TERM_SLOTS);

/** Hits this few are sorted by insertion: cheaper than a view and a call of the built-in sort. */
const INSERTION_SORT_MAX = 32;

/**
 * Finds the window of at most `maxSpan` message tokens that covers the most of the phrase's
 * term weight. A rumor is often one sentence inside a long post, so the whole message is the
 * wrong unit: this picks the sentence, wherever it is, with a two-pointer sweep over the
 * positions of the phrase's terms (linear in their number after sorting).
 */
export function bestWindow(positions: TermPositions, phrase: IndexedPhrase, maxSpan: number): PhraseWindow | undefined {
  return bestWindowOf(positions, phrase.terms, phrase.weights, 0, phrase.terms.length, maxSpan);
}

/**
 * bestWindow over the phrase whose distinct terms are `terms[from]` up to `terms[to]` (weights
 * alongside), read in place from the index's phrase table without a view per phrase.
 */
export function bestWindowOf(
  positions: TermPositions,
  terms: Int32Array,
  weights: Float32Array,
  from: number,
  to: number,
  maxSpan: number,
): PhraseWindow | undefined {
  const termCount = Math.min(to - from, TERM_SLOTS);
  let n = 0;
  for (let k = 0; k < termCount; k++) {
    const at = positions.get(terms[from + k]!);
    if (!at) continue;
    if (n + at.length > hits.length) {
      const grown = new Int32Array(Math.max(hits.length * 2, n + at.length));
      grown.set(hits.subarray(0, n));
      hits = grown;
    }
    for (const p of at) hits[n++] = p * TERM_SLOTS + k;
  }
  if (n === 0) return undefined;
  const sorted = sortPrefix(hits, n, INSERTION_SORT_MAX);
  inWindow.fill(0, 0, termCount);

  let covered = 0;
  let distinct = 0;
  // The best window so far, in locals: an object per improvement was most of the garbage here.
  let bestFirst = -1;
  let bestLast = -1;
  let bestCovered = 0;
  let bestTerms = 0;
  let lo = 0;
  for (let hi = 0; hi < n; hi++) {
    const hPos = (sorted[hi]! / TERM_SLOTS) | 0;
    const hTerm = sorted[hi]! % TERM_SLOTS;
    if (inWindow[hTerm]!++ === 0) {
      covered += weights[from + hTerm]!;
      distinct++;
    }
    // Drop hits from the left that are too far, or that occur again later in the window
    // (they add nothing): the window stays as tight as its coverage allows.
    for (;;) {
      const lPos = (sorted[lo]! / TERM_SLOTS) | 0;
      const lTerm = sorted[lo]! % TERM_SLOTS;
      if (hPos - lPos < maxSpan && inWindow[lTerm]! < 2) break;
      lo++;
      if (--inWindow[lTerm]! === 0) {
        covered -= weights[from + lTerm]!;
        distinct--;
      }
    }
    const first = (sorted[lo]! / TERM_SLOTS) | 0;
    // Prefer more coverage; on a tie, the tighter window.
    if (bestFirst < 0 || covered > bestCovered + 1e-6 || (covered > bestCovered - 1e-6 && hPos - first < bestLast - bestFirst)) {
      bestFirst = first;
      bestLast = hPos;
      bestCovered = covered;
      bestTerms = distinct;
    }
  }
  return { first: bestFirst, last: bestLast, covered: bestCovered, terms: bestTerms };
}
