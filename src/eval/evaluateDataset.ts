import { performance } from 'node:perf_hooks';
import type { Debunk } from '../debunks/schema.js';
import type { Matcher } from '../matching/types.js';
import { acts, actsCorrectly, averagePrecisionAtK, mean, recallAtK, share } from './metrics.js';
import type { EvalDataset, EvalResult, EvalSplit } from './types.js';

/** Builds a matcher over a set of debunks; `createMatcher` from `src/matching/matcher.ts` fits. */
export type MatcherFactory = (debunks: readonly Debunk[]) => Matcher;

/** How deep the ranking is scored: MAP@5 is the CheckThat! task's official metric. */
const DEPTH = 5;

/**
 * Scores one dataset: builds one matcher over all of its claims and uses it for every split.
 * Splits without queries give no result.
 */
export function evaluateDataset(
  dataset: EvalDataset,
  createMatcher: MatcherFactory,
  actThreshold: number,
  onProgress: (message: string) => void = () => {},
): EvalResult[] {
  onProgress(`${dataset.name}: indexing ${dataset.debunks.length} claims`);
  const matcher = createMatcher(dataset.debunks);
  let falseActRate: number | null = null;
  if (dataset.negatives !== null && dataset.negatives.length > 0) {
    onProgress(`${dataset.name}: matching ${dataset.negatives.length} negatives`);
    falseActRate = share(dataset.negatives.map((text) => acts(topMatch(matcher, text), actThreshold)));
  }
  const results: EvalResult[] = [];
  for (const split of dataset.splits) {
    if (split.queries.length === 0) continue;
    onProgress(`${dataset.name}/${split.name}: ranking ${split.queries.length} queries`);
    results.push({
      dataset: dataset.name,
      split: split.name,
      claims: dataset.debunks.length,
      ...scoreSplit(split, matcher, actThreshold),
      falseActRate,
    });
  }
  return results;
}

type SplitScores = Pick<EvalResult, 'queries' | 'map1' | 'map5' | 'recall5' | 'actRate' | 'msPerQuery'>;

function scoreSplit(split: EvalSplit, matcher: Matcher, actThreshold: number): SplitScores {
  const ap1: number[] = [];
  const ap5: number[] = [];
  const recall: number[] = [];
  const correctActs: boolean[] = [];
  let rankMs = 0;
  for (const query of split.queries) {
    const started = performance.now();
    const ranking = matcher.rank(query.text, DEPTH).map((ranked) => ranked.debunkId);
    rankMs += performance.now() - started;
    ap1.push(averagePrecisionAtK(ranking, query.gold, 1));
    ap5.push(averagePrecisionAtK(ranking, query.gold, DEPTH));
    recall.push(recallAtK(ranking, query.gold, DEPTH));
    correctActs.push(actsCorrectly(topMatch(matcher, query.text), query.gold, actThreshold));
  }
  return {
    queries: split.queries.length,
    map1: mean(ap1),
    map5: mean(ap5),
    recall5: mean(recall),
    actRate: share(correctActs),
    msPerQuery: rankMs / split.queries.length,
  };
}

/** The match the bot would act on: `match`'s best, with no score floor so weak ones show too. */
function topMatch(matcher: Matcher, text: string): { debunkId: string; score: number } | undefined {
  return matcher.match(text, { limit: 1, minScore: 0 }).matches[0];
}
