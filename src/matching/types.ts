import type { Debunk } from '../debunks/schema.js';

/** Which text of a debunk matched: its main claim or one of its variants. */
export interface MatchedPhrase {
  kind: 'claim' | 'variant';
  /** Index into `variants` when kind is 'variant'. */
  variantIndex?: number;
  text: string;
}

/** Why a debunk matched, in terms a moderator can check by eye. */
export interface MatchExplanation {
  phrase: MatchedPhrase;
  /** The part of the message that matched, as the member wrote it. */
  excerpt: string;
  /** Offsets of `excerpt` in the original message (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  /** Stage 1: BM25 score of the phrase against the whole message (unbounded, relative). */
  retrieval: number;
  /** Stage 2: share of the phrase's terms found in the excerpt, in [0,1]. */
  coverage: number;
  /**
   * Stage 2: how closely the excerpt follows the phrase's wording, in [0,1]: the share of the
   * phrase's neighbouring terms that are neighbours in the excerpt too (1 = same order throughout).
   */
  similarity: number;
}

export interface ClaimMatch {
  debunkId: string;
  /** Confidence that the message repeats this debunk's rumor, in [0,1]. */
  score: number;
  explanation: MatchExplanation;
}

/**
 * How the member relates to the claim they mention: passing it on (`spread`), asking whether it
 * is true (`question`), calling it false (`refute`), or laughing it off (`mock`). Only spreading
 * earns a strike.
 */
export const STANCES = ['spread', 'question', 'refute', 'mock'] as const;
export type Stance = (typeof STANCES)[number];

/** What the matcher says about one message. */
export interface MessageMatch {
  /** Best matches first; empty when nothing reached the suggest threshold. */
  matches: ClaimMatch[];
  /** The member's stance towards the best match (`spread` when nothing says otherwise). */
  stance: Stance;
  /**
   * The words that decided the stance, as found in the normalized message ("debunked",
   * "是真的吗", "source:https://…"); empty for `spread`.
   */
  stanceCues: string[];
  /** The message refutes or mocks the rumor (stance `refute` or `mock`): never punished. */
  refuting: boolean;
  /** The cues that made it refuting, for the explanation (the stance cues when refuting). */
  refutingCues: string[];
}

/** One line of a full ranking, used by evaluation. */
export interface RankedClaim {
  debunkId: string;
  score: number;
}

export interface MatchOptions {
  /** How many matches to return at most. @defaultValue 3 */
  limit?: number;
  /** Drop matches scoring below this. @defaultValue MATCHER_DEFAULTS.minScore */
  minScore?: number;
  /** Debunk ids that must not match (retired in a group, a recorded false positive, another group's own). */
  exclude?: ReadonlySet<string>;
}

/** One candidate debunk with the verifier's inputs (for fitting the verifier). */
export interface CandidateFeatures {
  debunkId: string;
  /** Values in the order of FEATURE_NAMES (features.ts). */
  features: Float64Array;
  /** The matched phrase is Chinese/Japanese. */
  ideographic: boolean;
  /** Too few shared terms: the matcher scores it 0 whatever the verifier says. */
  ruledOut: boolean;
}

export interface Matcher {
  /** Matches a message against the database: short, generic messages match nothing. */
  match(text: string, options?: MatchOptions): MessageMatch;
  /** Ranks debunks for a message by score, without thresholds (for evaluation). */
  rank(text: string, limit: number): RankedClaim[];
  /**
   * Replaces the database. The new index is built in slices between messages; matching keeps
   * using the old one until the returned promise resolves.
   */
  update(debunks: readonly Debunk[]): Promise<void>;
  /** The candidates of a message and their features, in ranking order (for fitting the verifier). */
  candidates?(text: string): CandidateFeatures[];
  /** Number of debunks indexed. */
  readonly size: number;
}
