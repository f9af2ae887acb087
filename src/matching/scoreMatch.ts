import { FEATURE_COUNT, isIdeographic, matchFeatures } from './features.js';
import type { PhraseIndex } from './phraseIndex.js';
import type { PreparedMessage } from './prepareMessage.js';
import { tooFewShared, type Coverage } from './rescore.js';
import { countStretches } from './stretches.js';
import { verify } from './verifier.js';

/**
 * A Chinese message that shares a single unbroken piece of text with a claim, less than half of
 * it, names what the claim is about (a place, a person, "幼儿园老师") without saying what it
 * claims happened: "上海顾村公园今天人好多" against "上海顾村公园发生了雷击事件". Such a match
 * scores at most NAMES_ONLY_SCORE, below the act threshold, whatever the fitted trees say: the
 * labelled sets hold too few such messages for the trees to learn it, and in a small database,
 * where every term is rare, they trust any overlap. Only for Chinese: English terms skip
 * stopwords, so a paraphrase's words are often one stretch too.
 */
const NAMES_ONLY_COVERAGE = 0.5;
const NAMES_ONLY_SCORE = 0.5;

/** Index of `order` in the feature vector: the explanation shows it as the wording similarity. */
const ORDER = 7;

/**
 * The least score of a message that spells the phrase out: the fitted trees see few near-copies
 * (members paraphrase), so their output is flat there; a copy must score like one. 1 for a
 * verbatim phrase, 0.72 at 90 % coverage in 80 % of the phrase's order, under 0.3 for a half.
 */
export function nearCopyFloor(coverage: number, order: number): number {
  const closeness = Math.min(coverage, (coverage + order) / 2);
  return closeness * closeness;
}

/** A candidate with its features and score. */
export interface ScoredCandidate {
  coverage: Coverage;
  features: Float64Array;
  ideographic: boolean;
  /** Too few shared terms to match at all. */
  ruledOut: boolean;
  /** The verifier's probability that the message carries the claim; 0 when ruled out. */
  score: number;
  /** Word-order agreement, for the explanation. */
  order: number;
  /** Ranking relevance: BM25 relative to the best candidate, plus coverage. */
  relevance: number;
}

/**
 * Weight of coverage against relative BM25 in the ranking. BM25 ranks paraphrases better
 * (clef2020-en), coverage ranks rumors inside long posts better (checked-zh).
 */
const RANK_COVERAGE_WEIGHT = 0.2;

/**
 * Stage 3: features of every measured candidate (each against the best of the others) and the
 * verifier's score.
 */
export function scoreCandidates(index: PhraseIndex, message: PreparedMessage, covered: readonly Coverage[]): ScoredCandidate[] {
  let topRetrieval = 0;
  for (const c of covered) if (c.candidate.score > topRetrieval) topRetrieval = c.candidate.score;
  const relevance = covered.map((c) => (topRetrieval > 0 ? c.candidate.score / topRetrieval : 0) + RANK_COVERAGE_WEIGHT * c.coverage);
  const retrievals = covered.map((c) => c.candidate.score);
  const claims = covered.map((c) => index.sameClaimAs[c.candidate.debunkIndex]!);
  // A candidate's rival is the best of the others, copies of its own claim aside.
  const rivalOf = (values: readonly number[], i: number) => {
    let best = 0;
    for (let j = 0; j < values.length; j++) if (claims[j] !== claims[i] && values[j]! > best) best = values[j]!;
    return best;
  };
  return covered.map((c, i) => {
    const features = matchFeatures(
      index,
      message,
      { phrase: c.phrase, window: c.window, coverage: c.coverage, retrieval: c.candidate.score, relevance: relevance[i]! },
      {
        relevance: rivalOf(relevance, i),
        retrieval: rivalOf(retrievals, i),
        topRetrieval,
      },
      new Float64Array(FEATURE_COUNT),
    );
    const ideographic = isIdeographic(c.phrase);
    const ruledOut = tooFewShared(c.window, c.phrase);
    const namesOnly = ideographic && c.coverage < NAMES_ONLY_COVERAGE && countStretches(c.phrase, message, c.window.first, c.window.last) < 2;
    const verified = verify(features, ideographic);
    const score = ruledOut ? 0 : namesOnly ? Math.min(NAMES_ONLY_SCORE, verified) : Math.max(verified, nearCopyFloor(c.coverage, features[ORDER]!));
    return { coverage: c, features, ideographic, ruledOut, score, order: features[ORDER]!, relevance: relevance[i]! };
  });
}
