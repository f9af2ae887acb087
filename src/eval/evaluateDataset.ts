import { performance } from 'node:perf_hooks';
import type { Debunk } from '../debunks/schema.js';
import type { Matcher } from '../matching/types.js';
import { actsOn, chatMisses, readMessage, scoreChat, type ChatReading } from './scoreChat.js';
import { averagePrecisionAtK, mean, recallAtK } from './metrics.js';
import type { AnswerCurvePoint, ChatResult, CurvePoint, EvalDataset, EvalMiss, EvalResult, EvalSplit } from './types.js';

/** Builds a matcher over a set of debunks; `createMatcher` from `src/matching/matcher.ts` fits. */
export type MatcherFactory = (debunks: readonly Debunk[]) => Matcher;

/** How deep the ranking is scored: MAP@5 is the CheckThat! task's official metric. */
const DEPTH = 5;

/** The thresholds `eval --curve` reports, from "acts on almost anything" to "acts on near-copies". */
export const CURVE_THRESHOLDS: readonly number[] = Array.from({ length: 15 }, (_, i) => Math.round((0.25 + i * 0.05) * 100) / 100);

/** Everything measured on one dataset. */
export interface DatasetEvaluation {
  results: EvalResult[];
  /** Per language, for datasets with labelled chat messages. */
  chat: ChatResult[];
  /** Per split and threshold in CURVE_THRESHOLDS. */
  curve: CurvePoint[];
  /** Per answer threshold in CURVE_THRESHOLDS up to the act threshold. */
  answerCurve: AnswerCurvePoint[];
  /** Queries not acted on with a gold claim, negatives acted on, chat messages misjudged. */
  misses: EvalMiss[];
}

/** What the bot would act on for one query: its top score and whether that top match is gold. */
interface TopOutcome {
  score: number;
  gold: boolean;
  debunkId: string | undefined;
  stance: string;
  /** The message asks whether the claim is true: acted on from the answer threshold. */
  question: boolean;
}

/**
 * Scores one dataset: builds one matcher over all of its claims and uses it for every split.
 * Splits without queries give no result.
 */
export function evaluateDataset(
  dataset: EvalDataset,
  createMatcher: MatcherFactory,
  actThreshold: number,
  onProgress: (message: string) => void = () => {},
  answerThreshold?: number,
): DatasetEvaluation {
  // As the engine: a question is acted on (answered, never struck) from the answer threshold.
  const actsAt = (o: { score: number; question: boolean }, t: number) => actsOn(o.score, o.question, t, answerThreshold);
  onProgress(`${dataset.name}: indexing ${dataset.debunks.length} claims`);
  const matcher = createMatcher(dataset.debunks);
  let negatives: { score: number; question: boolean }[] | null = null;
  const misses: EvalMiss[] = [];
  const miss = (part: string, kind: string, id: string | null, text: string, gold: readonly string[], top: ReturnType<typeof topMatch>, problem: string) =>
    misses.push({ dataset: dataset.name, part, kind, id, text, gold, top: top.debunkId ?? null, score: top.score, stance: top.stance, problem });
  if (dataset.negatives !== null && dataset.negatives.length > 0) {
    onProgress(`${dataset.name}: matching ${dataset.negatives.length} negatives`);
    const tops = dataset.negatives.map((text) => topMatch(matcher, text));
    tops.forEach((top, i) => {
      if (actsAt(top, actThreshold)) miss('negatives', 'negative', null, dataset.negatives![i]!, [], top, 'acted on');
    });
    negatives = tops;
  }
  const falseActAt = (t: number) => (negatives === null ? null : mean(negatives.map((n) => (actsAt(n, t) ? 1 : 0))));
  // With the act threshold held, a negative is acted on from `answer` when it reads as a question.
  const actsAnswering = (o: { score: number; question: boolean }, answer: number) => actsOn(o.score, o.question, actThreshold, answer);
  const results: EvalResult[] = [];
  const curve: CurvePoint[] = [];
  for (const split of dataset.splits) {
    if (split.queries.length === 0) continue;
    onProgress(`${dataset.name}/${split.name}: ranking ${split.queries.length} queries`);
    const { scores, tops } = scoreSplit(split, matcher);
    const actRateAt = (t: number) => mean(tops.map((top) => (top.gold && actsAt(top, t) ? 1 : 0)));
    split.queries.forEach((query, i) => {
      const top = tops[i]!;
      if (top.gold && actsAt(top, actThreshold)) return;
      const problem = top.gold ? 'gold first, not acted on' : top.debunkId === undefined ? 'nothing matched' : actsAt(top, actThreshold) ? 'acted on with another claim' : 'gold not first';
      miss(split.name, 'query', query.id, query.text, query.gold, top, problem);
    });
    results.push({
      dataset: dataset.name,
      split: split.name,
      claims: dataset.debunks.length,
      ...scores,
      actRate: actRateAt(actThreshold),
      falseActRate: falseActAt(actThreshold),
    });
    for (const threshold of CURVE_THRESHOLDS) {
      curve.push({ dataset: dataset.name, split: split.name, threshold, actRate: actRateAt(threshold), falseActRate: falseActAt(threshold) });
    }
  }
  let chat: ChatResult[] = [];
  let readings: ChatReading[] = [];
  if (dataset.messages !== null && dataset.messages.length > 0) {
    onProgress(`${dataset.name}: reading the stance of ${dataset.messages.length} labelled messages`);
    readings = dataset.messages.map((message) => readMessage(matcher, message));
    chat = scoreChat(dataset.name, readings, actThreshold, answerThreshold);
    misses.push(...chatMisses(dataset.name, readings, actThreshold, answerThreshold));
  }
  const answerCurve = CURVE_THRESHOLDS.filter((t) => t <= actThreshold).map((threshold): AnswerCurvePoint => {
    const answered: Record<string, number> = {};
    for (const c of scoreChat(dataset.name, readings, actThreshold, threshold)) answered[c.lang] = c.questionsAnswered;
    return {
      dataset: dataset.name,
      threshold,
      questionsAnswered: answered,
      falseActRate: negatives === null ? null : mean(negatives.map((n) => (actsAnswering(n, threshold) ? 1 : 0))),
    };
  });
  return { results, chat, curve, answerCurve, misses };
}

type SplitScores = Pick<EvalResult, 'queries' | 'map1' | 'map5' | 'recall5' | 'msPerQuery'>;

function scoreSplit(split: EvalSplit, matcher: Matcher): { scores: SplitScores; tops: TopOutcome[] } {
  const ap1: number[] = [];
  const ap5: number[] = [];
  const recall: number[] = [];
  const tops: TopOutcome[] = [];
  let rankMs = 0;
  for (const query of split.queries) {
    const started = performance.now();
    const ranking = matcher.rank(query.text, DEPTH).map((ranked) => ranked.debunkId);
    rankMs += performance.now() - started;
    ap1.push(averagePrecisionAtK(ranking, query.gold, 1));
    ap5.push(averagePrecisionAtK(ranking, query.gold, DEPTH));
    recall.push(recallAtK(ranking, query.gold, DEPTH));
    const top = topMatch(matcher, query.text);
    tops.push({ ...top, gold: top.debunkId !== undefined && query.gold.includes(top.debunkId) });
  }
  return {
    scores: {
      queries: split.queries.length,
      map1: mean(ap1),
      map5: mean(ap5),
      recall5: mean(recall),
      msPerQuery: rankMs / split.queries.length,
    },
    tops,
  };
}

/**
 * The match the bot would act on: `match`'s best, with no score floor so weak ones show too
 * (score 0: nothing matched), and whether the message asks.
 */
function topMatch(matcher: Matcher, text: string): { debunkId: string | undefined; score: number; question: boolean; stance: string } {
  const match = matcher.match(text, { limit: 1, minScore: 0 });
  const top = match.matches[0];
  return { debunkId: top?.debunkId, score: top?.score ?? 0, question: match.stance === 'question', stance: match.stance };
}
