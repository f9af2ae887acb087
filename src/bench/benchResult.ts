import type { SystemName } from './systems/benchSystem.js';

/** One row of the bench: one system at one database size. Field names are the `--json` contract. */
export interface BenchResult {
  system: SystemName;
  /** Debunks in the database. */
  claims: number;
  /** Time to build the system's index, in ms. */
  buildMs: number;
  /** Messages per second over the timed messages (time inside the system only). */
  msgsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /**
   * Memory the built index holds, in MB: heap and external buffers after a forced collection,
   * minus the same before the build (so the generated corpus is not counted); null without `--expose-gc`.
   */
  indexMB: number | null;
  /** Resident set size of the whole process after the run, in MB (includes the corpus). */
  rssMB: number;
  /** Share of rumor-bearing messages whose top result is the right debunk; null when not applicable or too few. */
  hit1: number | null;
  /** Share of ordinary messages on which the system would act; null when not applicable or too few. */
  falseAct: number | null;
}

/** One system at one size: its figures, and how many of the messages it was timed on. */
export interface BenchRun {
  result: BenchResult;
  timedMessages: number;
  /** How many of the timed messages repeat a rumor (the hit@1 denominator). */
  timedRumors: number;
  totalMessages: number;
}
