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
  /** Resident set size of the whole process after the run, in MB (includes the corpus). */
  rssMB: number;
  /** Share of rumor-bearing messages whose top result is the right debunk; null when not applicable. */
  hit1: number | null;
  /** Share of ordinary messages on which the system would act; null when not applicable. */
  falseAct: number | null;
}
