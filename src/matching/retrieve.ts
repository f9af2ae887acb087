import type { PhraseIndex } from './phraseIndex.js';
import { sortPrefix } from './sortPrefix.js';

/** A debunk found by stage 1, with its BM25 score against the whole message. */
export interface Candidate {
  debunkIndex: number;
  score: number;
}

/** Bounds that keep retrieval work per message fixed, whatever the message and the database. */
export interface RetrieveLimits {
  /** Query terms used, highest idf first. */
  maxQueryTerms: number;
  /**
   * Postings read per message at most. Terms are read rarest first, so when the budget runs
   * out it is the common, least telling terms that are left unread.
   */
  maxPostings: number;
  /** Debunks returned. */
  candidates: number;
}

/**
 * Debunks found through the rare terms that are then completed with the common terms' impacts
 * (looked up per debunk), before the final cut to `candidates`.
 */
const COMPLETED_POOL = 24;

/**
 * Reusable accumulator: a dense score array plus the list of touched slots, so each query
 * pays for the debunks it touches, not for the size of the database.
 */
export class Accumulator {
  scores: Float32Array;
  touched: Int32Array;
  count = 0;
  /** The best touched so far, for topK. */
  bestScores = new Float64Array(COMPLETED_POOL);
  bestDebunks = new Int32Array(COMPLETED_POOL);
  /** Written so the loads that warm the pool's term lists are not optimized away. */
  touchedFirst = 0;
  /** Where each pooled debunk's term list starts and ends in `docTerms`. */
  poolStart = new Int32Array(COMPLETED_POOL);
  poolEnd = new Int32Array(COMPLETED_POOL);
  /** Buffer for the terms left unread. */
  unread = new Int32Array(64);
  constructor(size: number) {
    this.scores = new Float32Array(size);
    this.touched = new Int32Array(size);
  }
  reset(): void {
    for (let i = 0; i < this.count; i++) this.scores[this.touched[i]!] = 0;
    this.count = 0;
  }

  /** Terms left unread, `terms[read]` on, ascending in a reused buffer (valid up to their count). */
  unreadOf(terms: readonly number[], read: number): Int32Array {
    const n = terms.length - read;
    if (this.unread.length < n) this.unread = new Int32Array(2 * n);
    const out = this.unread;
    for (let j = 0; j < n; j++) out[j] = terms[read + j]!;
    return sortPrefix(out, n, INSERTION_SORT_MAX);
  }
}

/** Stage 1: BM25 over debunks (claim and variants together), best first. */
export function retrieve(
  index: PhraseIndex,
  queryTerms: readonly number[],
  limits: RetrieveLimits,
  acc: Accumulator,
): Candidate[] {
  const sorted = byIdf(queryTerms, index.idf);
  const terms = sorted.length > limits.maxQueryTerms ? sorted.slice(0, limits.maxQueryTerms) : sorted;
  acc.reset();
  let budget = limits.maxPostings;
  const { start: postingStart, values: postingValues, impacts: postingImpacts } = index.postings;
  const scores = acc.scores;
  const touched = acc.touched;
  let count = 0;
  let read = 0;
  for (; read < terms.length; read++) {
    const t = terms[read]!;
    const from = postingStart[t]!;
    const to = postingStart[t + 1]!;
    // The rarest term is always read, so a message of only common words still finds something.
    if (to - from > budget && read > 0) break;
    budget -= to - from;
    for (let i = from; i < to; i++) {
      const d = postingValues[i]!;
      const before = scores[d]!;
      // Recorded as touched when it was untouched, without a branch (which way it goes is a coin
      // toss, and mispredicting it cost more than the store).
      touched[count] = d;
      count += before === 0 ? 1 : 0;
      scores[d] = before + postingImpacts[i]!;
    }
  }
  acc.count = count;
  if (read === terms.length) return topK(acc, limits.candidates);

  // Common terms left unread: add their impacts to the best debunks found so far, looking each
  // term up in the debunk's own sorted term list instead of scanning its posting list.
  const size = selectBest(acc, COMPLETED_POOL);
  // Distinct term ids: any sort gives the same order.
  const unread = acc.unreadOf(terms, read);
  const unreadCount = terms.length - read;
  const { start: docStart, values: docTerms, impacts: docImpacts } = index.docTerms;
  const { bestScores, bestDebunks } = acc;
  // The pool's term lists lie far apart in memory: reading where each starts and ends, then the
  // first and last of its terms and impacts, in loops of independent loads lets their cache
  // misses overlap, where the merges below would wait for each in turn.
  const { poolStart, poolEnd } = acc;
  for (let c = 0; c < size; c++) {
    const d = bestDebunks[c]!;
    poolStart[c] = docStart[d]!;
    poolEnd[c] = docStart[d + 1]!;
  }
  let first = 0;
  for (let c = 0; c < size; c++) {
    const from = poolStart[c]!;
    const last = poolEnd[c]! - 1;
    first |= docTerms[from]! ^ docTerms[last]! ^ (docImpacts[from]! + docImpacts[last]!);
  }
  acc.touchedFirst = first;
  for (let c = 0; c < size; c++) {
    let score = bestScores[c]!;
    let i = poolStart[c]!;
    const end = poolEnd[c]!;
    let j = 0;
    while (i < end && j < unreadCount) {
      const dt = docTerms[i]!;
      const qt = unread[j]!;
      if (dt === qt) score += docImpacts[i]!;
      // Both advance on a match; otherwise the smaller one does.
      i += dt <= qt ? 1 : 0;
      j += dt >= qt ? 1 : 0;
    }
    bestScores[c] = score;
  }
  // Best first by the completed scores, equal ones in pool order (a stable insertion sort).
  for (let c = 1; c < size; c++) insertBest(bestScores, bestDebunks, c, bestScores[c]!, bestDebunks[c]!);
  return candidatesOf(acc, Math.min(size, limits.candidates));
}

/** Messages with at most this many query terms sort them by insertion (no comparator calls). */
const INSERTION_SORT_MAX = 64;

/** The terms by idf, highest first, equal idf in the given order (a stable sort). */
function byIdf(queryTerms: readonly number[], idf: Float32Array): number[] {
  const n = queryTerms.length;
  if (n > INSERTION_SORT_MAX) return queryTerms.slice().sort((a, b) => idf[b]! - idf[a]!);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const t = queryTerms[i]!;
    const w = idf[t]!;
    let j = i;
    while (j > 0 && idf[out[j - 1]!]! < w) {
      out[j] = out[j - 1]!;
      j--;
    }
    out[j] = t;
  }
  return out;
}

/**
 * Puts the k best touched debunks in `bestScores` and `bestDebunks`, best first, by a bounded
 * insertion list (k is small); on equal scores the debunk touched first comes first. Returns how
 * many there are. Leaves the accumulator empty.
 */
function selectBest(acc: Accumulator, k: number): number {
  if (acc.bestScores.length < k) {
    acc.bestScores = new Float64Array(k);
    acc.bestDebunks = new Int32Array(k);
  }
  const { scores, touched, bestScores, bestDebunks } = acc;
  const count = acc.count;
  let size = 0;
  let i = 0;
  // Until the list is full every debunk goes in.
  for (; i < count && size < k; i++) {
    const debunkIndex = touched[i]!;
    const score = scores[debunkIndex]!;
    // Cleared while its cache line is at hand, rather than in a pass of its own.
    scores[debunkIndex] = 0;
    insertBest(bestScores, bestDebunks, size++, score, debunkIndex);
  }
  // Then only one above the last of the list does; the last is kept in a local.
  let last = size > 0 ? bestScores[size - 1]! : 0;
  for (; i < count; i++) {
    const debunkIndex = touched[i]!;
    const score = scores[debunkIndex]!;
    scores[debunkIndex] = 0;
    if (score <= last) continue;
    insertBest(bestScores, bestDebunks, k - 1, score, debunkIndex);
    last = bestScores[k - 1]!;
  }
  acc.count = 0;
  return size;
}

/**
 * Puts `score` and `debunk` at slot `from` of the best lists, or before the lower scores ahead of
 * it (those move one slot on): one step of an insertion sort, stable for equal scores.
 */
function insertBest(bestScores: Float64Array, bestDebunks: Int32Array, from: number, score: number, debunk: number): void {
  let at = from;
  while (at > 0 && bestScores[at - 1]! < score) {
    bestScores[at] = bestScores[at - 1]!;
    bestDebunks[at] = bestDebunks[at - 1]!;
    at--;
  }
  bestScores[at] = score;
  bestDebunks[at] = debunk;
}

/** The first `size` of the best debunks as candidates. */
function candidatesOf(acc: Accumulator, size: number): Candidate[] {
  const best: Candidate[] = [];
  for (let i = 0; i < size; i++) best.push({ debunkIndex: acc.bestDebunks[i]!, score: acc.bestScores[i]! });
  return best;
}

/** The k best touched debunks as candidates (see selectBest). */
function topK(acc: Accumulator, k: number): Candidate[] {
  return candidatesOf(acc, selectBest(acc, k));
}
