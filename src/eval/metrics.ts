/**
 * Ranking metrics for claim retrieval, as in the CLEF CheckThat! claim-retrieval task. A ranking
 * is a list of claim ids, best first; `gold` holds the ids the query truly repeats.
 */

/**
 * Average precision over the first `k` ranks: the sum of precision@i over the ranks i ≤ k that
 * hold a gold claim, divided by min(|gold|, k) so that a perfect ranking scores 1.
 * A claim listed twice counts once. Empty `gold` gives 0.
 */
export function averagePrecisionAtK(ranking: readonly string[], gold: readonly string[], k: number): number {
  const wanted = new Set(gold);
  const denominator = Math.min(wanted.size, k);
  if (denominator === 0) return 0;
  const found = new Set<string>();
  let sum = 0;
  for (const [index, id] of ranking.slice(0, k).entries()) {
    if (wanted.has(id) && !found.has(id)) {
      found.add(id);
      sum += found.size / (index + 1);
    }
  }
  return sum / denominator;
}

/** Share of the gold claims found in the first `k` ranks. Empty `gold` gives 0. */
export function recallAtK(ranking: readonly string[], gold: readonly string[], k: number): number {
  const wanted = new Set(gold);
  if (wanted.size === 0) return 0;
  const top = new Set(ranking.slice(0, k));
  let hits = 0;
  for (const id of wanted) if (top.has(id)) hits += 1;
  return hits / wanted.size;
}

/** Whether the bot acts on a top match: it exists and scores at or above the act threshold. */
export function acts(top: { score: number } | undefined, actThreshold: number): boolean {
  return top !== undefined && top.score >= actThreshold;
}

/** Whether the bot acts on a top match and that match is a gold claim. */
export function actsCorrectly(
  top: { debunkId: string; score: number } | undefined,
  gold: readonly string[],
  actThreshold: number,
): boolean {
  return acts(top, actThreshold) && top !== undefined && gold.includes(top.debunkId);
}

/** Arithmetic mean; `NaN` for no values, which callers must not average. */
export function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Share of `flags` that are true; `NaN` for none. */
export function share(flags: readonly boolean[]): number {
  return mean(flags.map((flag) => (flag ? 1 : 0)));
}
