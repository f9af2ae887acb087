/** Throughput and latency over a set of per-message timings. */
export interface LatencyStats {
  msgsPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Summarizes per-message durations (ms). Throughput counts only time spent inside the system, so
 * the harness's own bookkeeping between messages does not lower it.
 */
export function latencyStats(durationsMs: Float64Array): LatencyStats {
  if (durationsMs.length === 0) return { msgsPerSec: 0, p50Ms: 0, p99Ms: 0 };
  const sorted = Float64Array.from(durationsMs).sort();
  let totalMs = 0;
  for (const d of sorted) totalMs += d;
  return {
    msgsPerSec: totalMs > 0 ? sorted.length / (totalMs / 1000) : Number.POSITIVE_INFINITY,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
  };
}

/** Nearest-rank percentile of an ascending array: always one of the measured values. */
export function percentile(sorted: Float64Array, p: number): number {
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? 0;
}
