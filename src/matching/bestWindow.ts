import type { IndexedPhrase } from './phraseIndex.js';

/** The stretch of the message that best covers a phrase, in token indices (inclusive). */
export interface PhraseWindow {
  first: number;
  last: number;
  /** idf weight of the phrase's distinct terms found in the window. */
  covered: number;
  /** Number of the phrase's distinct terms found in the window. */
  terms: number;
}

/** For each term id in the message, the token positions where it occurs. */
export type TermPositions = ReadonlyMap<number, readonly number[]>;

/**
 * Finds the window of at most `maxSpan` message tokens that covers the most of the phrase's
 * term weight. A rumor is often one sentence inside a long post, so the whole message is the
 * wrong unit: this picks the sentence, wherever it is, with a two-pointer sweep over the
 * positions of the phrase's terms (linear in their number after sorting).
 */
export function bestWindow(positions: TermPositions, phrase: IndexedPhrase, maxSpan: number): PhraseWindow | undefined {
  const hitPos: number[] = [];
  const hitTerm: number[] = [];
  for (let k = 0; k < phrase.terms.length; k++) {
    const at = positions.get(phrase.terms[k]!);
    if (!at) continue;
    for (const p of at) {
      hitPos.push(p);
      hitTerm.push(k);
    }
  }
  if (hitPos.length === 0) return undefined;
  const order = hitPos.map((_, i) => i).sort((a, b) => hitPos[a]! - hitPos[b]!);

  const inWindow = new Int32Array(phrase.terms.length);
  let covered = 0;
  let distinct = 0;
  let best: PhraseWindow | undefined;
  let lo = 0;
  for (let hi = 0; hi < order.length; hi++) {
    const h = order[hi]!;
    if (inWindow[hitTerm[h]!]!++ === 0) {
      covered += phrase.weights[hitTerm[h]!]!;
      distinct++;
    }
    // Drop hits from the left that are too far, or that occur again later in the window
    // (they add nothing): the window stays as tight as its coverage allows.
    for (;;) {
      const l = order[lo]!;
      const tooFar = hitPos[h]! - hitPos[l]! >= maxSpan;
      if (!tooFar && inWindow[hitTerm[l]!]! < 2) break;
      lo++;
      if (--inWindow[hitTerm[l]!]! === 0) {
        covered -= phrase.weights[hitTerm[l]!]!;
        distinct--;
      }
    }
    const first = hitPos[order[lo]!]!;
    const last = hitPos[h]!;
    // Prefer more coverage; on a tie, the tighter window.
    if (!best || covered > best.covered + 1e-6 || (covered > best.covered - 1e-6 && last - first < best.last - best.first)) {
      best = { first, last, covered, terms: distinct };
    }
  }
  return best;
}
