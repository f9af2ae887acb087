/** What stage 2 measured about one phrase in one message. */
export interface MatchFeatures {
  /** Share of the phrase's idf weight found in the window, [0,1]. */
  coverage: number;
  /** fuse.js similarity of the phrase within the excerpt, [0,1]. */
  similarity: number;
  /** Distinct terms of the phrase found in the window. */
  terms: number;
  /** Distinct terms of the phrase. */
  phraseTerms: number;
}

/**
 * Fewest distinct terms (words, or Chinese character pairs) a message must share with a phrase
 * to match it: one or two words ("ok", "真的吗", "5G") say too little to accuse anyone. Counted,
 * not weighted, so a small database (where every idf is low) matches like a large one.
 */
export const MIN_SHARED_TERMS = 3;

/**
 * Turns stage-2 features into the match score in [0,1]. Coverage dominates (a rumor is
 * repeated when most of what makes it specific is there); similarity separates a message that
 * spells the claim out from one that merely shares its words in another order.
 */
export function scoreMatch(f: MatchFeatures): number {
  return combine(f, f.similarity);
}

function combine({ coverage, terms, phraseTerms }: Omit<MatchFeatures, 'similarity'>, similarity: number): number {
  // A phrase of two terms may match in full ("Obama dead"), never on one term alone.
  if (terms < Math.min(MIN_SHARED_TERMS, Math.max(2, phraseTerms))) return 0;
  const s = coverage * Math.sqrt(coverage) * (0.55 + 0.45 * similarity);
  return Math.min(1, Math.max(0, s));
}

/** The highest score the features allow whatever the similarity: lets stage 2 skip fuse.js. */
export function scoreCeiling(f: Omit<MatchFeatures, 'similarity'>): number {
  return combine(f, 1);
}
