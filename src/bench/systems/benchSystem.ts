import type { Debunk } from '../../debunks/schema.js';

/** The systems the bench compares, in the order it runs them. */
export const SYSTEM_NAMES = ['rumorguard', 'fuse', 'minisearch', 'normalize'] as const;
export type SystemName = (typeof SYSTEM_NAMES)[number];

/** What a system said about one message, read after timing. */
export interface SystemVerdict {
  /** The debunk it ranks first, if any. */
  topId: string | null;
  /** Whether it returned anything at or above the level where a bot would act. */
  acts: boolean;
}

/**
 * One contender: `build` indexes the debunks, `run` handles one message (the timed part), and
 * `judge` reads the result for the quality columns, outside the timing.
 *
 * Methods rather than function properties on purpose: method parameters are bivariant, so a list of
 * systems with different handle and result types can share one type.
 */
export interface BenchSystem<Handle = unknown, Result = unknown> {
  name: SystemName;
  build(debunks: readonly Debunk[]): Handle;
  run(handle: Handle, message: string): Result;
  /** Absent for systems that retrieve nothing (the normalize floor); their quality columns are empty. */
  judge?(result: Result): SystemVerdict;
  /** How many messages to time at a database size, for systems too slow to run them all. */
  sampleSize?(claims: number): number;
}
