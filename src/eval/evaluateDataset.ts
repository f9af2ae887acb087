import { performance } from 'node:perf_hooks';
import type { Debunk } from '../debunks/schema.js';
import type { Matcher } from '../matching/types.js';
import { scoreChat, type ChatReading } from './scoreChat.js';
import { averagePrecisionAtK, mean, recallAtK } from './metrics.js';
import type { ChatResult, CurvePoint, EvalDataset, EvalResult, EvalSplit } from './types.js';

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
}

/** What the bot would act on for one query: its top score and whether that top match is gold. */
interface TopOutcome {
  score: number;
  gold: boolean;
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
): DatasetEvaluation {
  onProgress(`${dataset.name}: indexing ${dataset.debunks.length} claims`);
  const matcher = createMatcher(dataset.debunks);
  let negativeScores: number[] | null = null;
  if (dataset.negatives !== null && dataset.negatives.length > 0) {
    onProgress(`${dataset.name}: matching ${dataset.negatives.length} negatives`);
    negativeScores = dataset.negatives.map((text) => topMatch(matcher, text)?.score ?? 0);
  }
  const falseActAt = (t: number) => (negativeScores === null ? null : shareAtLeast(negativeScores, t));
  const results: EvalResult[] = [];
  const curve: CurvePoint[] = [];
  for (const split of dataset.splits) {
    if (split.queries.length === 0) continue;
    onProgress(`${dataset.name}/${split.name}: ranking ${split.queries.length} queries`);
    const { scores, tops } = scoreSplit(split, matcher);
    const actRateAt = (t: number) => mean(tops.map((top) => (top.gold && top.score >= t ? 1 : 0)));
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
  if (dataset.messages !== null && dataset.messages.length > 0) {
    onProgress(`${dataset.name}: reading the stance of ${dataset.messages.length} labelled messages`);
    const readings: ChatReading[] = dataset.messages.map((message) => {
      const match = matcher.match(message.text, { limit: 1, minScore: 0 });
      const top = match.matches[0];
      return { message, top: top ? { debunkId: top.debunkId, score: top.score } : undefined, stance: match.stance };
    });
    chat = scoreChat(dataset.name, readings, actThreshold);
  }
  return { results, chat, curve };
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
    tops.push({ score: top?.score ?? 0, gold: top !== undefined && query.gold.includes(top.debunkId) });
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

/** The match the bot would act on: `match`'s best, with no score floor so weak ones show too. */
function topMatch(matcher: Matcher, text: string): { debunkId: string; score: number } | undefined {
  return matcher.match(text, { limit: 1, minScore: 0 }).matches[0];
}

/** Share of scores at or above the threshold (a score of 0 means nothing matched: never counted). */
function shareAtLeast(scores: readonly number[], threshold: number): number {
  return mean(scores.map((s) => (s > 0 && s >= threshold ? 1 : 0)));
}
