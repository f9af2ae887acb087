import type { FileRead } from './checkDebunkFiles.js';

/** Marks workerData as a folder check, so the worker module does nothing when imported otherwise. */
export const CHECK_WORKER_TAG = 'rumorguard:check-debunks';

/**
 * Entries (or problems) in one message from the worker. They travel as JSON text (they are plain
 * data: strings, numbers, booleans, lists and objects), which crosses threads as one string
 * copy: Node decodes every message waiting on a port in one turn of the event loop, and a file's
 * entries decoded at once would hold it up for as long as a structured clone of them takes. The
 * main thread parses one message's JSON a turn instead: 1,000 entries take some 5-10 ms.
 */
export const MESSAGE_ITEMS = 1000;

/** What the worker is asked to check. */
export interface CheckRequest {
  tag: typeof CHECK_WORKER_TAG;
  /** The files `names` of a folder, read by the worker (see debunkFileReads), or files read already. */
  files: { realFolder: string; folder: string; names: string[] } | { reads: FileRead[] };
  /** Also where each id is written (`file:line`), when the files load. */
  idSites?: boolean;
}

/** What the worker sends back, in this order: entries, problems, id sites, then done (or failed at any point). */
export type CheckMessage =
  | { kind: 'debunks'; /** JSON of a Debunk[] */ json: string }
  | { kind: 'problems'; /** JSON of a LoadProblem[] */ json: string }
  | { kind: 'ids'; /** JSON of [id, "file:line"][] */ json: string }
  | { kind: 'done'; files: string[] }
  | { kind: 'failed'; message: string };
