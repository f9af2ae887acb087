import type { PhraseWindow } from './bestWindow.js';
import type { IndexedPhrase, PhraseIndex } from './phraseIndex.js';
import type { PreparedMessage } from './prepareMessage.js';

/**
 * What the verifier (verifier.ts) reads about one message and one candidate phrase. Each is cheap
 * (linear in the phrase's terms and their positions), bounded, and means the same whatever the
 * size of the database: idf weights are divided by the largest idf the database allows.
 */
export const FEATURE_NAMES = [
  /** Share of the phrase's idf weight found in the window. */
  'coverage',
  /** Share of the phrase's distinct terms found in the window. */
  'termShare',
  /** ln(1 + distinct terms found): two words say less than six, whatever the phrase's length. */
  'sharedTerms',
  /** ln(1 + the found terms' idf, in units of the largest idf): names, numbers and places weigh most. */
  'sharedInfo',
  /** The rarest found term's idf, in units of the largest idf. */
  'rarestShared',
  /** The rarest missing term's idf, in units of the largest idf: a missing name speaks against. */
  'rarestMissing',
  /** Share of the window's tokens that are the phrase's terms: a rumor spelled out, or words strewn about. */
  'density',
  /** Share of the phrase's neighbouring term pairs that are neighbours in the message too. */
  'order',
  /** Share of the phrase's Chinese characters found in the window (paraphrases keep characters, not pairs). */
  'ideographShare',
  /** Ranking relevance minus the best relevance of any other candidate: how clearly it wins. */
  'relevanceMargin',
  /** The best other candidate's BM25 score over this one's (capped at 1): a close second. */
  'runnerUpRetrieval',
  /** ln of the phrase's distinct terms: a short phrase is covered by chance more easily. */
  'phraseTerms',
  /** ln(1 + tokens in the message). */
  'messageTokens',
  /** ln(1 + debunks) / ln(1 + 100,000): in a small database any overlap stands out; in a large one, chance overlaps abound. */
  'databaseSize',
  /** coverage × databaseSize and relevanceMargin × databaseSize: what each is worth depends on the database's size. */
  'coverageBySize',
  'marginBySize',
  /**
   * Of the debunk's other phrases (its claim or headlines besides the one measured), the largest
   * share of idf weight found anywhere in the message; the measured phrase's coverage when it has
   * none. A retelling echoes the claim and its headline alike; a topical neighbour one of them.
   */
  'otherPhrases',
  /**
   * Share of the idf weight of the phrase's terms other than names (see phraseIndex `names`) found
   * in the window; coverage when the phrase is all names. A neighbour shares who the claim is about
   * ("Harry and Meghan … Britain"), a retelling also what it says they did.
   */
  'contentShare',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export const FEATURE_COUNT = FEATURE_NAMES.length;

/** What one candidate contributes that does not depend on the other candidates. */
export interface CandidateEvidence {
  phrase: IndexedPhrase;
  window: PhraseWindow;
  coverage: number;
  retrieval: number;
  /** Ranking relevance (scoreMatch.ts). */
  relevance: number;
}

/** What the other candidates of the same message say about this one. */
export interface Rivals {
  /** Best relevance among the other candidates, copies of the same claim aside (0 when none). */
  relevance: number;
  /** Best BM25 score among the other candidates, copies of the same claim aside (0 when none). */
  retrieval: number;
  /** Best BM25 score of all candidates. */
  topRetrieval: number;
}

const LARGE_DATABASE = Math.log1p(100_000);

/**
 * A database of fewer debunks reads as this many. The trees' size splits sit between the fitting
 * sets' sizes; far below the smallest they extrapolate, and against a group's own 3 debunks a
 * clear retelling ("听说上海海滩那个女童是被父亲故意遗弃的", 81 % covered) scored 0.60.
 */
const FEWEST_DEBUNKS = 10;

/** See 'otherPhrases': linear in the other phrases' terms. */
function otherPhrasesPresent(index: PhraseIndex, message: PreparedMessage, e: CandidateEvidence): number {
  const { termStart, terms, weights, totalWeight } = index.phrases;
  const d = e.phrase.debunkIndex;
  let best = -1;
  for (let p = index.phraseStart[d]!; p < index.phraseStart[d + 1]!; p++) {
    if (p === e.phrase.id || totalWeight[p]! <= 0) continue;
    let w = 0;
    for (let k = termStart[p]!; k < termStart[p + 1]!; k++) if (message.positions.has(terms[k]!)) w += weights[k]!;
    best = Math.max(best, w / totalWeight[p]!);
  }
  return best < 0 ? e.coverage : best;
}

/** Whether some position p of `a` in [first, last] has p + 1 in `b`. */
function hasNeighbourInWindow(a: readonly number[], b: readonly number[], first: number, last: number): boolean {
  for (let i = 0; i < a.length; i++) {
    const p = a[i]!;
    if (p >= first && p <= last && b.includes(p + 1)) return true;
  }
  return false;
}

/** Per UTF-16 unit: 1 while it occurs in the window being read (cleared after each read). */
const inText = new Uint8Array(0x10000);

/**
 * Share of `ideographs` (distinct characters) that occur in `text` from `start` to `end`: one pass
 * marking the window's units in a table instead of a search of the window per character. A
 * character outside the BMP (a surrogate pair) is looked for as a substring, as before.
 */
function ideographsFound(ideographs: string, text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) inText[text.charCodeAt(i)] = 1;
  let hit = 0;
  for (let k = 0; k < ideographs.length; k++) {
    const unit = ideographs.charCodeAt(k);
    if (unit >= 0xd800 && unit <= 0xdbff && k + 1 < ideographs.length) {
      if (text.slice(start, end).includes(ideographs.slice(k, k + 2))) hit++;
      k++;
    } else if (inText[unit] === 1) hit++;
  }
  for (let i = start; i < end; i++) inText[text.charCodeAt(i)] = 0;
  // Over the UTF-16 length, as the share always was (a pair counts two there).
  return hit / ideographs.length;
}

/** Fills `out` with the features of one candidate. */
export function matchFeatures(
  index: PhraseIndex,
  message: PreparedMessage,
  e: CandidateEvidence,
  rivals: Rivals,
  out: Float64Array,
): Float64Array {
  const { phrase, window } = e;
  const { first, last } = window;
  const maxIdf = index.maxIdf > 0 ? index.maxIdf : 1;
  let found = 0;
  let foundIdf = 0;
  let rarestFound = 0;
  let rarestMissing = 0;
  let tokensOfPhrase = 0;
  let content = 0;
  let contentFound = 0;
  for (let k = 0; k < phrase.terms.length; k++) {
    const at = message.positions.get(phrase.terms[k]!);
    let inWindow = 0;
    if (at) for (const p of at) if (p >= first && p <= last) inWindow++;
    const w = phrase.weights[k]!;
    if (!phrase.names[k]) {
      content += w;
      if (inWindow > 0) contentFound += w;
    }
    if (inWindow > 0) {
      found++;
      foundIdf += w;
      if (w > rarestFound) rarestFound = w;
      tokensOfPhrase += inWindow;
    } else if (w > rarestMissing) rarestMissing = w;
  }
  let pairs = 0;
  let ordered = 0;
  const seq = phrase.sequence;
  // Each term's positions are looked up once: the right of one pair is the left of the next.
  let b = seq.length > 0 ? message.positions.get(seq[0]!) : undefined;
  for (let i = 0; i + 1 < seq.length; i++) {
    pairs++;
    const a = b;
    b = message.positions.get(seq[i + 1]!);
    if (!a || !b) continue;
    if (hasNeighbourInWindow(a, b, first, last)) ordered++;
  }
  let ideographShare = 0;
  if (phrase.ideographs.length > 0) {
    ideographShare = ideographsFound(phrase.ideographs, message.normalized, message.tokens[first]!.start, message.tokens[last]!.end);
  }
  out[0] = e.coverage;
  out[1] = phrase.terms.length > 0 ? found / phrase.terms.length : 0;
  out[2] = Math.log1p(found);
  out[3] = Math.log1p(foundIdf / maxIdf);
  out[4] = rarestFound / maxIdf;
  out[5] = rarestMissing / maxIdf;
  out[6] = Math.min(1, tokensOfPhrase / (last - first + 1));
  out[7] = pairs > 0 ? ordered / pairs : found > 0 ? 1 : 0;
  out[8] = ideographShare;
  out[9] = e.relevance - rivals.relevance;
  out[10] = e.retrieval > 0 ? Math.min(1, rivals.retrieval / e.retrieval) : 1;
  out[11] = Math.log(Math.max(1, phrase.terms.length));
  out[12] = Math.log1p(message.tokens.length);
  out[13] = Math.log1p(Math.max(index.debunks.length, FEWEST_DEBUNKS)) / LARGE_DATABASE;
  out[14] = out[0] * out[13];
  out[15] = out[9] * out[13];
  out[16] = otherPhrasesPresent(index, message, e);
  out[17] = content > 0 ? contentFound / content : e.coverage;
  return out;
}
