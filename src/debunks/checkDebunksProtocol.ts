import type { LoadProblem } from './loadProblem.js';
import type { Debunk } from './schema.js';

/** Marks workerData as a folder check, so the worker module does nothing when imported otherwise. */
export const CHECK_WORKER_TAG = 'rumorguard:check-debunks';

/**
 * Entries (or problems) in one message from the worker. Decoding a message takes the main
 * thread's time, in one piece: 2,000 entries take some 10-20 ms, far below a stall anyone sees.
 */
export const MESSAGE_ITEMS = 2000;

/** What the worker is asked to check: the files `names` of a folder (see debunkFileReads). */
export interface CheckRequest {
  tag: typeof CHECK_WORKER_TAG;
  realFolder: string;
  folder: string;
  names: string[];
}

/** What the worker sends back, in this order: entries, problems, then done (or failed at any point). */
export type CheckMessage =
  | { kind: 'debunks'; debunks: Debunk[] }
  | { kind: 'problems'; problems: LoadProblem[] }
  | { kind: 'done'; files: string[] }
  | { kind: 'failed'; message: string };
