import type { Debunk } from '../debunks/schema.js';
import { buildPhraseIndex, buildPhraseIndexAsync } from './phraseIndex.js';
import { prepareMessage, type PreparedMessage } from './prepareMessage.js';
import { refutationCues } from './refutationOf.js';
import { explainMatch, measureCoverage, type Coverage } from './rescore.js';
import { Accumulator, retrieve } from './retrieve.js';
import type { ClaimMatch, Matcher, MatchOptions, MessageMatch, RankedClaim } from './types.js';

export interface MatcherOptions {
  /**
   * Score at or above which the rules act (refute, warn). Tuned on the evaluation sets so
   * that fewer than 1 % of real non-rumor posts reach it (`npm run eval`).
   * @defaultValue 0.6
   */
  actThreshold?: number;
  /**
   * Matches scoring below this are not reported by `match`.
   * @defaultValue 0.35
   */
  minScore?: number;
  /** @defaultValue 3 */
  limit?: number;
  /**
   * Only this many characters of a message are read. Telegram caps messages at 4,096 and
   * Discord at 4,000, so real messages fit; anything longer cannot make the bot slower.
   * @defaultValue 16000
   */
  maxMessageChars?: number;
  /** Query terms used in retrieval, rarest first. @defaultValue 256 */
  maxQueryTerms?: number;
  /**
   * Postings read per message at most, rarest terms first; the common terms left over are
   * looked up in the best candidates only. Bounds retrieval work whatever the database.
   * @defaultValue 2000
   */
  maxPostings?: number;
  /** Debunks retrieved by stage 1 and measured by stage 2. @defaultValue 8 */
  candidates?: number;
  /** Of those, the most promising compared by fuse.js. @defaultValue 1 */
  fineScored?: number;
}

export const MATCHER_DEFAULTS = {
  actThreshold: 0.6,
  minScore: 0.35,
  limit: 3,
  maxMessageChars: 16_000,
  maxQueryTerms: 256,
  maxPostings: 2000,
  candidates: 8,
  fineScored: 1,
} as const satisfies Required<MatcherOptions>;

/**
 * Weight of the stage-2 score against relative BM25 when ranking (`rank`). BM25 ranks paraphrases
 * better (clef2020-en), coverage ranks rumors inside long posts better (checked-zh); this
 * weight did best on both training sets together (see `npm run eval`).
 */
const RANK_SCORE_WEIGHT = 0.2;

/** Candidates whose best possible score is below this are not compared by fuse.js. */
const SIMILARITY_FLOOR = 0.25;

/** Builds a matcher over the debunk database (callers leave out expired entries). */
export function createMatcher(debunks: readonly Debunk[], options: MatcherOptions = {}): Matcher {
  const config = { ...MATCHER_DEFAULTS, ...options };
  let index = buildPhraseIndex(debunks);
  let acc = new Accumulator(index.debunks.length);
  let byId = new Map(index.debunks.map((d) => [d.id, d]));
  let generation = 0;

  /**
   * Both stages for one message. `floor`: candidates whose best possible score is below it are
   * dropped before they are explained (match() passes its minScore; rank() keeps everything).
   */
  const analyze = (
    raw: string,
    floor: number,
  ): { message: PreparedMessage; ranked: ClaimMatch[]; relevance: Map<ClaimMatch, number> } => {
    const message = prepareMessage(typeof raw === 'string' ? raw : '', index, config.maxMessageChars);
    const relevance = new Map<ClaimMatch, number>();
    if (message.positions.size === 0) return { message, ranked: [], relevance };
    const candidates = retrieve(index, [...message.positions.keys()], config, acc);
    const top = candidates[0]?.score ?? 1;
    const covered = candidates
      .map((c) => measureCoverage(index, message, c))
      .filter((c): c is Coverage => c !== undefined && c.ceiling >= floor)
      .sort((a, b) => b.ceiling - a.ceiling);
    const ranked: ClaimMatch[] = [];
    covered.forEach((c, i) => {
      const fine = i < config.fineScored && c.ceiling >= SIMILARITY_FLOOR;
      const m = explainMatch(index, message, c, fine);
      ranked.push(m);
      relevance.set(m, c.candidate.score / top + RANK_SCORE_WEIGHT * m.score);
    });
    return { message, ranked, relevance };
  };

  return {
    match(text: string, opts: MatchOptions = {}): MessageMatch {
      const limit = opts.limit ?? config.limit;
      const minScore = opts.minScore ?? config.minScore;
      const { message, ranked } = analyze(text, Math.max(minScore, Number.MIN_VALUE));
      const matches = ranked
        .filter((m) => m.score > 0 && m.score >= minScore)
        .sort((a, b) => b.score - a.score || b.explanation.retrieval - a.explanation.retrieval)
        .slice(0, limit);
      const matched = matches.map((m) => byId.get(m.debunkId)).filter((d): d is Debunk => d !== undefined);
      const cues = refutationCues(message, matched);
      return { matches, stance: cues.length > 0 ? 'refute' : 'spread', stanceCues: cues, refuting: cues.length > 0, refutingCues: cues };
    },
    rank(text: string, limit: number): RankedClaim[] {
      const { ranked, relevance } = analyze(text, 0);
      return ranked
        .sort((a, b) => relevance.get(b)! - relevance.get(a)!)
        .slice(0, limit)
        .map((m) => ({ debunkId: m.debunkId, score: m.score }));
    },
    async update(next: readonly Debunk[]): Promise<void> {
      const mine = ++generation;
      const built = await buildPhraseIndexAsync(next);
      // A later update that finished first wins; never swap in an older database.
      if (mine !== generation) return;
      index = built;
      acc = new Accumulator(built.debunks.length);
      byId = new Map(built.debunks.map((d) => [d.id, d]));
    },
    get size() {
      return index.debunks.length;
    },
  };
}
