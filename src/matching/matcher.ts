import type { Debunk } from '../debunks/schema.js';
import { buildPhraseIndex, buildPhraseIndexAsync, debunkHasTerm, type PhraseIndex } from './phraseIndex.js';
import { prepareMessage, type PreparedMessage } from './prepareMessage.js';
import type { RefutationTermCache } from './quotesRefutation.js';
import { refutationCues } from './refutationOf.js';
import { readStance } from './stance/readStance.js';
import { MAY_ASK, sentencesOf } from './stance/sentences.js';
import { ASKS_IF_TRUE } from './stance/stanceCues.js';
import { explainMatch, measureCoverage, warmPhrases, warmTerms, type Coverage } from './rescore.js';
import { Accumulator, retrieve } from './retrieve.js';
import { asksAboutSomethingElse, FEWEST_TERMS_TO_MATCH, mayMatch, scoreCandidates, type ScoredCandidate } from './scoreMatch.js';
import { answersShortQuestion, HAN, isShortQuestion, SHORT_QUESTION_SCORE, SHORT_QUESTION_SHARED } from './shortQuestion.js';
import type { CandidateFeatures, Matcher, MatchOptions, MessageMatch, RankedClaim } from './types.js';

/**
 * How the matcher reads messages. The act threshold is not here: it is a rule setting per group
 * (`thresholds.act` in rules/default.yaml), applied by the engine to the scores matches carry.
 */
export interface MatcherOptions {
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
}

export const MATCHER_DEFAULTS = {
  minScore: 0.35,
  limit: 3,
  maxMessageChars: 16_000,
  maxQueryTerms: 256,
  maxPostings: 2000,
  candidates: 8,
} as const satisfies Required<MatcherOptions>;

const NO_STANCE = { stance: 'spread', cues: [] as string[] } as const;

/**
 * The score of a question that names only what a claim is about and does not ask whether anything
 * is true (see asksAboutSomethingElse): below the default `suggest`, so it is not even logged.
 */
const TOPIC_QUESTION_SCORE = 0.35;

/**
 * A question asked in one sentence of a longer message ("进口香蕉带食肉菌这个是真的吗？我刚买了一大把😰"):
 * the words around it make the message longer, which the verifier reads against it (0.72 for the
 * asking sentence alone, 0.22 with the rest). Below this score, each asking sentence (at most
 * ASKING_SENTENCES of them) is scored on its own too, and a candidate keeps the better score.
 */
const RESCORE_ASKING_BELOW = 0.8;
const ASKING_SENTENCES = 2;
/**
 * A chat message's length at most: a long post asks in passing ("…尚需进一步研究】…？" in a news
 * post was answered with another claim's refutation when its question was scored alone).
 */
const RESCORE_ASKING_MAX_CHARS = 280;
/** A message at most this long is read for the question it opens with even when nothing asks whether it is true. */
const OPENING_ASKS_MAX_CHARS = 100;

/**
 * A question that opens a message: up to its first question mark, or a 吗 with a space, a comma or
 * a mark after it, at most a short question long.
 */
const OPENING_QUESTION = /^[^?？吗]{1,59}(?:[?？]+|吗(?=[\s，,。.!！?？]))/u;
/** An English question built to be answered yes or no: "Can mosquitoes give you covid?", "Does garlic …?". */
const YES_NO_QUESTION = /^\s*(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have)\s/i;

/** Moves `items[k]` to the front, the ones before it one place on (the order by score). */
function moveToFront<T>(items: T[], k: number): void {
  const [item] = items.splice(k, 1);
  items.unshift(item!);
}

/** Builds a matcher over the debunk database (callers leave out expired entries). */
export function createMatcher(debunks: readonly Debunk[], options: MatcherOptions = {}): Matcher {
  const config = { ...MATCHER_DEFAULTS, ...options };
  let index = buildPhraseIndex(debunks);
  let acc = new Accumulator(index.debunks.length);
  /** Debunk index by id (the last of a repeated id, as the matches name it). */
  let byId = indexById(index.debunks);
  let idsUnique = byId.size === index.debunks.length;
  /** Per debunk of the index: its refutation's own terms, once read (see quotesRefutation). */
  let refutationTerms: (readonly string[] | undefined)[] = [];
  let generation = 0;

  /**
   * All stages for one message: candidates with their coverage, features and score. For `match`,
   * a message that cannot match is left as soon as that is certain (see mayMatch); ranking and
   * fitting see every candidate. `onlyShortQuestion`: the caller uses the candidates of a short
   * question only, so a message that is none is left before retrieval.
   */
  const analyze = (
    raw: string,
    purpose: 'match' | 'rank' | 'fit',
    asShortQuestion = false,
    onlyShortQuestion = false,
  ): { message: PreparedMessage; scored: ScoredCandidate[]; shortQuestion: boolean } => {
    const message = prepareMessage(typeof raw === 'string' ? raw : '', index, config.maxMessageChars);
    const forMatch = purpose === 'match';
    // A short question is read with two shared terms (see answersShortQuestion); so is a message
    // that opens with one (see answerOpeningQuestion), when asked to.
    const shortQuestion = forMatch && message.terms.length >= 2 && (asShortQuestion || isShortQuestion(message));
    const none = { message, scored: [], shortQuestion };
    if (message.terms.length === 0 || (forMatch && !shortQuestion && (onlyShortQuestion || message.terms.length < FEWEST_TERMS_TO_MATCH))) return none;
    const candidates = retrieve(index, message.terms, config, acc);
    warmTerms(index, candidates);
    if (forMatch && !candidates.some((c) => mayMatch(index, message, c.debunkIndex, shortQuestion ? SHORT_QUESTION_SHARED : undefined))) return none;
    warmPhrases(index, candidates);
    const covered = candidates.map((c) => measureCoverage(index, message, c)).filter((c): c is Coverage => c !== undefined);
    return { message, scored: scoreCandidates(index, message, covered, purpose === 'fit'), shortQuestion };
  };
  /** See RESCORE_ASKING_BELOW: `scored` are the whole message's candidates, changed in place. */
  const rescoreAskingSentences = (text: string, scored: ScoredCandidate[]): void => {
    let best = 0;
    for (const c of scored) if (c.score > best) best = c.score;
    if (best >= RESCORE_ASKING_BELOW) return;
    // The message must ask whether something is true (ASKS_IF_TRUE): a question on something else in
    // a news post ("听说援鄂医疗队队员想坐消防车？") was answered when scored alone. A short message may
    // open with the question instead: "国际航班都交给上海了？我朋友下个月从国外回来，本来要落北京的" (0.99
    // for the question alone, 0.31 with the rest).
    if (text.length > RESCORE_ASKING_MAX_CHARS) return;
    const asksIfTrue = ASKS_IF_TRUE.test(text);
    if (!asksIfTrue && text.length > OPENING_ASKS_MAX_CHARS) return;
    const asking = sentencesOf(text).filter((s) => s.question && s.text.trim().length < text.trim().length && (asksIfTrue || text.slice(0, s.start).trim() === ''));
    for (const sentence of asking.slice(0, ASKING_SENTENCES)) {
      for (const alone of analyze(sentence.text, 'match').scored) {
        const own = scored.find((c) => c.coverage.candidate.debunkIndex === alone.coverage.candidate.debunkIndex && !c.ruledOut);
        if (own && alone.score > own.score) {
          own.score = alone.score;
          own.reached = alone.reached;
        }
      }
    }
  };

  /**
   * The best ranked candidate that answers a short question (see answersShortQuestion), scored
   * SHORT_QUESTION_SCORE: only one, as two words may name more than one claim. One that shares more
   * and scored lower answers it too: "哈尔滨封城了？？" says the heart of "因绥芬河口岸疫情影响，哈尔滨已封城"
   * (0.30: it covers a fifth of it). The debunk index of the one that answers, if any.
   */
  const answerShortQuestion = (message: PreparedMessage, scored: ScoredCandidate[]): number | undefined => {
    for (const c of scored.filter((s) => s.ruledOut || s.score < SHORT_QUESTION_SCORE).sort((a, b) => b.relevance - a.relevance)) {
      const coverage = answersShortQuestion(index, message, c);
      if (!coverage) continue;
      c.coverage = coverage;
      c.score = SHORT_QUESTION_SCORE;
      return c.coverage.candidate.debunkIndex;
    }
    return undefined;
  };
  /**
   * The debunk a short question that opens a longer message answers, if any: "哈尔滨封城了吗 我票都买好了
   * 下周回去 咋整啊", "进京高速真封了吗 我明天要开车回北京" (the rest says why it asks). The opening question
   * is read as a short question on its own.
   */
  const openingQuestionAnswers = (text: string): number | undefined => {
    const opening = OPENING_QUESTION.exec(text)?.[0];
    if (opening === undefined || opening.trim().length === text.trim().length) return undefined;
    // In English only a question that asks whether something is so, in its words or as a yes-no
    // question ("Can mosquitoes give you covid? The kids are getting eaten alive at camp"): "anyone
    // crashing at mine after the wedding? I have the couch" names two words of a claim about a wedding crashed.
    if (!HAN.test(opening) && !ASKS_IF_TRUE.test(opening) && !YES_NO_QUESTION.test(opening)) return undefined;
    // Most opening questions are no short question (over half of the bench's): those are not retrieved for.
    const alone = analyze(opening, 'match', false, true);
    if (!alone.shortQuestion || alone.scored.some((c) => c.score >= SHORT_QUESTION_SCORE)) return undefined;
    return answerShortQuestion(alone.message, alone.scored);
  };
  /**
   * The message's candidates with the claim its opening question answers (see openingQuestionAnswers)
   * scored SHORT_QUESTION_SCORE, its coverage measured in the whole message: read as a short question
   * is, when it shared too little with the claim to be measured at all.
   */
  const answerOpeningQuestion = (text: string, analyzed: { message: PreparedMessage; scored: ScoredCandidate[] }) => {
    const answered = openingQuestionAnswers(analyzed.message.written);
    if (answered === undefined) return analyzed;
    const ofClaim = (c: ScoredCandidate) => c.coverage.candidate.debunkIndex === answered;
    const measured = analyzed.scored.some(ofClaim) ? analyzed : analyze(text, 'match', true);
    const own = measured.scored.find(ofClaim);
    if (own && own.score < SHORT_QUESTION_SCORE) {
      own.score = SHORT_QUESTION_SCORE;
      own.ruledOut = false;
    }
    return measured;
  };

  const byScore = (a: ScoredCandidate, b: ScoredCandidate) => b.score - a.score || b.relevance - a.relevance;
  const byRelevance = (a: ScoredCandidate, b: ScoredCandidate) => b.relevance - a.relevance || b.score - a.score;

  return {
    match(text: string, opts: MatchOptions = {}): MessageMatch {
      const limit = opts.limit ?? config.limit;
      const minScore = opts.minScore ?? config.minScore;
      let { message, scored, shortQuestion } = analyze(text, 'match');
      if (scored.length > 0 && MAY_ASK.test(message.written)) rescoreAskingSentences(message.written, scored);
      // A short question, else (or when it answers nothing as a whole) the short question it opens with.
      if (!scored.some((c) => c.score >= SHORT_QUESTION_SCORE) && (!shortQuestion || answerShortQuestion(message, scored) === undefined)) {
        ({ message, scored } = answerOpeningQuestion(text, { message, scored }));
      }
      const exclude = opts.exclude;
      const best = scored
        .filter((c) => c.score > 0 && c.score >= minScore && !exclude?.has(index.debunks[c.coverage.candidate.debunkIndex]!.id))
        .sort(byScore)
        .slice(0, limit);
      const matches = best.map((c) => explainMatch(index, message, c.coverage, c.score, c.order));
      // Without a match there is no claim to take a stance on (and reading it costs time).
      if (matches.length === 0) return { matches, stance: NO_STANCE.stance, stanceCues: NO_STANCE.cues, refuting: false, refutingCues: [] };
      // With every id once in the database, a match's debunk is the candidate's own.
      const matched = idsUnique
        ? best.map((c) => c.coverage.candidate.debunkIndex)
        : matches.map((m) => byId.get(m.debunkId)).filter((d): d is number => d !== undefined);
      const debunks = matched.map((d) => index.debunks[d]!);
      if (refutationTerms.length !== index.debunks.length) refutationTerms = new Array<readonly string[] | undefined>(index.debunks.length);
      const found = new MatchedDebunks(index, byId, debunks, matched, refutationTerms);
      const extra = refutationCues(message, debunks, (d, term) => found.isClaimTerm(d, term), found);
      // The first match's stance (the matches are reordered below).
      let reading = readStance(message, debunks[0], matches[0]!.explanation, extra, (term) => found.isClaimTerm(debunks[0]!, term));
      // A question about what the claim is about, not whether it is true: "周末去顾村公园看樱花吗？"
      // does not carry "上海顾村公园发生了雷击事件", and is not answered with its refutation. The
      // next match is read the same way: "上海海滩走失的小女孩找到了吗" asks about the girl of two
      // claims, and carries neither.
      for (let read = 1; reading.stance === 'question' && !reading.asksIfTrue && asksAboutSomethingElse(index, message, best[0]!); read++) {
        matches[0]!.score = Math.min(matches[0]!.score, TOPIC_QUESTION_SCORE);
        const next = matches.findIndex((m) => m.score > matches[0]!.score);
        if (next <= 0 || read >= matches.length) break;
        moveToFront(matches, next);
        moveToFront(debunks, next);
        moveToFront(matched, next);
        moveToFront(best, next);
        reading = readStance(message, debunks[0], matches[0]!.explanation, extra, (term) => found.isClaimTerm(debunks[0]!, term));
      }
      const { stance, cues } = reading;
      const refuting = stance === 'refute' || stance === 'mock';
      return { matches, stance, stanceCues: cues, refuting, refutingCues: refuting ? cues : [] };
    },
    rank(text: string, limit: number): RankedClaim[] {
      return analyze(text, 'rank')
        .scored.sort(byRelevance)
        .slice(0, limit)
        .map((c) => ({ debunkId: index.debunks[c.coverage.candidate.debunkIndex]!.id, score: c.score }));
    },
    candidates(text: string): CandidateFeatures[] {
      return analyze(text, 'fit').scored.sort(byRelevance).map((c) => ({
        debunkId: index.debunks[c.coverage.candidate.debunkIndex]!.id,
        features: c.features,
        ideographic: c.ideographic,
        ruledOut: c.ruledOut,
      }));
    },
    async update(next: readonly Debunk[]): Promise<void> {
      const mine = ++generation;
      const built = await buildPhraseIndexAsync(next);
      // A later update that finished first wins; never swap in an older database.
      if (mine !== generation) return;
      index = built;
      acc = new Accumulator(built.debunks.length);
      byId = indexById(built.debunks);
      idsUnique = byId.size === built.debunks.length;
      refutationTerms = [];
    },
    get size() {
      return index.debunks.length;
    },
  };
}

/**
 * The debunks one message matched, for the refutation cues and the stance reader: whether a term is
 * a claim's, and the refutation terms kept by the debunk's index place (see quotesRefutation). A
 * class rather than closures made per message: tsx names every closure it makes (esbuild's keepNames).
 */
class MatchedDebunks implements RefutationTermCache {
  private lastDebunk: Debunk | undefined;
  private lastIndex = -1;

  constructor(
    private readonly index: PhraseIndex,
    private readonly byId: ReadonlyMap<string, number>,
    /** The matched debunks, in the order of `matched` (both reordered in place by match). */
    private readonly debunks: readonly Debunk[],
    /** Their index places. */
    private readonly matched: readonly number[],
    private readonly refutationTerms: (readonly string[] | undefined)[],
  ) {}

  /**
   * The debunks asked about are the matched ones, whose indices are at hand (`matched[k]` is
   * `byId.get(debunks[k].id)`): found by identity, without reading the id.
   */
  indexOf(d: Debunk): number {
    const k = this.debunks.indexOf(d);
    return k >= 0 ? this.matched[k]! : this.byId.get(d.id)!;
  }

  /** Asked about one debunk many times in a row: its index is looked up once per run. */
  isClaimTerm(d: Debunk, term: string): boolean {
    if (d !== this.lastDebunk) {
      this.lastDebunk = d;
      this.lastIndex = this.indexOf(d);
    }
    return debunkHasTerm(this.index, this.lastIndex, term);
  }

  get(d: Debunk): readonly string[] | undefined {
    return this.refutationTerms[this.indexOf(d)];
  }

  set(d: Debunk, terms: readonly string[]): void {
    this.refutationTerms[this.indexOf(d)] = terms;
  }
}

function indexById(debunks: readonly Debunk[]): Map<string, number> {
  // Set one by one: an entry array per debunk first cost a few times the map (100k at the bench's largest).
  const byId = new Map<string, number>();
  for (let i = 0; i < debunks.length; i++) byId.set(debunks[i]!.id, i);
  return byId;
}
