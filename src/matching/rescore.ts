import { bestWindowOf, type PhraseWindow } from './bestWindow.js';
import { matchedPhrase, phraseAt, type IndexedPhrase, type PhraseIndex } from './phraseIndex.js';
import { countStretches } from './stretches.js';
import type { PreparedMessage } from './prepareMessage.js';
import type { Candidate } from './retrieve.js';
import type { ClaimMatch } from './types.js';

/** Where and how well the message covers the best phrase of one candidate debunk. */
export interface Coverage {
  candidate: Candidate;
  phrase: IndexedPhrase;
  window: PhraseWindow;
  coverage: number;
}

/** The weight of phrase `p`'s terms that occur anywhere in the message. */
function presentWeight(message: PreparedMessage, index: PhraseIndex, p: number): number {
  const { termStart, terms, weights } = index.phrases;
  let w = 0;
  for (let k = termStart[p]!; k < termStart[p + 1]!; k++) if (message.positions.has(terms[k]!)) w += weights[k]!;
  return w;
}

/**
 * Fewest distinct terms (words, or Chinese character pairs) a message must share with a phrase
 * to match it: one or two words ("ok", "真的吗", "5G") say too little to accuse anyone. Counted,
 * not weighted, so a small database (where every idf is low) matches like a large one.
 */
export const MIN_SHARED_TERMS = 3;

/** Distinct shared terms a phrase of `phraseTerms` distinct terms needs to match: a phrase of two terms may match in full ("Obama dead"), never on one term alone. */
export const sharedTermsNeeded = (phraseTerms: number): number => Math.min(MIN_SHARED_TERMS, Math.max(2, phraseTerms));

/** Too few shared terms to match at all. */
export const tooFewShared = (window: PhraseWindow, phrase: IndexedPhrase): boolean => window.terms < sharedTermsNeeded(phrase.terms.length);

/**
 * Window length for a phrase of `length` tokens: room for the phrase's words plus as many again in
 * between. A Chinese phrase's tokens are character pairs, so every character a retelling puts
 * between its words costs a token: "青浦那边一个幼师私下卖身" holds the 青浦, 幼师 and 卖淫 (卖身) of
 * "青浦幼师卖淫" eleven pairs apart.
 */
const windowSpan = (length: number, ideographic: boolean) => (ideographic ? Math.max(12, 3 * length) : Math.max(8, 2 * length));

/** The best window of phrase `p` in the message (see bestWindowOf), read in place from the phrase table. */
function windowOfPhrase(index: PhraseIndex, message: PreparedMessage, p: number): PhraseWindow | undefined {
  const { termStart, terms, weights, sequenceStart, ideographic } = index.phrases;
  const span = windowSpan(sequenceStart[p + 1]! - sequenceStart[p]!, ideographic[p] === 1);
  return bestWindowOf(message.positions, terms, weights, termStart[p]!, termStart[p + 1]!, span);
}

/** The share of phrase `p`'s term weight its window covers. */
function coverageOf(index: PhraseIndex, p: number, window: PhraseWindow): number {
  const total = index.phrases.totalWeight[p]!;
  return total > 0 ? window.covered / total : 0;
}

/**
 * Stage 2a, cheap: over a candidate's claim and variants, the phrase the message covers best,
 * and the window where it does. A phrase covered with enough shared terms to match beats one
 * covered better with too few: a short headline whose two words fall in the window must not hide
 * the claim that shares four.
 */
export function measureCoverage(index: PhraseIndex, message: PreparedMessage, candidate: Candidate): Coverage | undefined {
  let bestPhrase = -1;
  let bestWindowFound: PhraseWindow | undefined;
  let bestCoverage = 0;
  let bestQualifies = false;
  const d = candidate.debunkIndex;
  const { termStart, totalWeight } = index.phrases;
  for (let p = index.phraseStart[d]!; p < index.phraseStart[d + 1]!; p++) {
    // What the message contains of the phrase at all bounds any window: skip phrases that
    // cannot beat the best one so far without sorting their positions.
    if (bestPhrase >= 0 && bestQualifies && presentWeight(message, index, p) <= bestCoverage * totalWeight[p]!) continue;
    // Read in place from the phrase table: a view of the phrase is made only for the best one.
    const window = windowOfPhrase(index, message, p);
    if (!window) continue;
    const coverage = coverageOf(index, p, window);
    const qualifies = window.terms >= sharedTermsNeeded(termStart[p + 1]! - termStart[p]!);
    if (bestPhrase < 0 || (qualifies && !bestQualifies) || (qualifies === bestQualifies && coverage > bestCoverage)) {
      bestPhrase = p;
      bestWindowFound = window;
      bestCoverage = coverage;
      bestQualifies = qualifies;
    }
  }
  if (bestPhrase < 0) return undefined;
  return { candidate, phrase: phraseAt(index, bestPhrase), window: bestWindowFound!, coverage: bestCoverage };
}

/**
 * Over a candidate's claim and variants, the phrase whose window holds the most of its terms (the
 * better covered on a tie), with that window: for a short question that names the claim in two
 * words, which the phrase measureCoverage picks (covered best by one rare word) may not hold.
 */
export function mostTermsCovered(index: PhraseIndex, message: PreparedMessage, candidate: Candidate): Coverage | undefined {
  let best: Coverage | undefined;
  const d = candidate.debunkIndex;
  for (let p = index.phraseStart[d]!; p < index.phraseStart[d + 1]!; p++) {
    const window = windowOfPhrase(index, message, p);
    if (!window) continue;
    const coverage = coverageOf(index, p, window);
    if (!best || window.terms > best.window.terms || (window.terms === best.window.terms && coverage > best.coverage)) {
      best = { candidate, phrase: phraseAt(index, p), window, coverage };
    }
  }
  return best;
}

/** Character pairs another phrase must share, in two pieces, to show more than names (see sharesPiecesElsewhere). */
const TERMS_ELSEWHERE = 5;

/**
 * Whether another Chinese phrase of the debunk than `phrase` (a claim, a variant) shares with the
 * message five character pairs or more, in two separate pieces or more: "谁发谣言谁负责，群主不用管的"
 * covers the variant "群主不用管…" best, in one piece, but shares "谁发谣言谁负责" and "群主"
 * with the claim. Two short pieces are often two names ("上海", "顾村公园": four pairs). Bounded
 * by the debunk's phrases; asked only of a match that names one thing.
 */
export function sharesPiecesElsewhere(index: PhraseIndex, message: PreparedMessage, phrase: IndexedPhrase): boolean {
  const d = phrase.debunkIndex;
  for (let p = index.phraseStart[d]!; p < index.phraseStart[d + 1]!; p++) {
    if (p === phrase.id) continue;
    const other = phraseAt(index, p);
    if (!other.ideographic) continue;
    const window = windowOfPhrase(index, message, p);
    if (window && window.terms >= TERMS_ELSEWHERE && countStretches(other, message, window.first, window.last) >= 2) return true;
  }
  return false;
}

/**
 * Reads the first entry of every table row that measuring and scoring the candidates will read:
 * at a large database their phrases lie far apart in memory, and one pass of independent loads
 * lets the cache misses overlap where the measuring would wait for each in turn. In two parts:
 * warmTerms for the rows mayMatch reads, which is all most chat gets to, and warmPhrases for
 * the rest.
 */
export function warmTerms(index: PhraseIndex, candidates: readonly Candidate[]): void {
  const t = index.phrases;
  let sum = 0;
  for (const c of candidates) {
    const d = c.debunkIndex;
    for (let p = index.phraseStart[d]!; p < index.phraseStart[d + 1]!; p++) sum += t.terms[t.termStart[p]!]!;
  }
  warmed.sum = sum;
}

/** The rows of the candidates' phrases besides those warmTerms reads (see there). */
export function warmPhrases(index: PhraseIndex, candidates: readonly Candidate[]): void {
  const t = index.phrases;
  let sum = 0;
  for (const c of candidates) {
    const d = c.debunkIndex;
    for (let p = index.phraseStart[d]!; p < index.phraseStart[d + 1]!; p++) {
      const k = t.termStart[p]!;
      sum += t.debunk[p]! + t.sequence[t.sequenceStart[p]!]! + t.names[k]! + t.ideographic[p]! + t.ideographs[p]!.length;
      sum += t.weights[k]! + t.totalWeight[p]!;
    }
  }
  warmed.sum = sum;
}
/** What warmPhrases read, kept so its loads are not optimized away. */
const warmed = { sum: 0 };

/** The explained match: where in the message, and how well. */
export function explainMatch(index: PhraseIndex, message: PreparedMessage, c: Coverage, score: number, order: number): ClaimMatch {
  const { phrase, window, coverage, candidate } = c;
  const startN = message.tokens[window.first]!.start;
  const endN = message.tokens[window.last]!.end;
  const start = message.origin[startN] ?? 0;
  const end = endOfCodePoint(message.text, message.origin[endN - 1] ?? start);
  return {
    debunkId: index.debunks[candidate.debunkIndex]!.id,
    score,
    explanation: {
      phrase: matchedPhrase(index, phrase.id),
      excerpt: message.text.slice(start, end),
      start,
      end,
      retrieval: candidate.score,
      coverage,
      similarity: order,
    },
  };
}

/** End offset of the code point starting at `at` (surrogate pairs are two units). */
function endOfCodePoint(text: string, at: number): number {
  const cp = text.codePointAt(at);
  return at + (cp !== undefined && cp > 0xffff ? 2 : 1);
}
