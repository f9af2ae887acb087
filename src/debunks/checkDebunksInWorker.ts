import { Worker } from 'node:worker_threads';
import { workerScript } from '../lib/workerScript.js';
import { resultOf, type FileRead, type LoadResult } from './checkDebunkFiles.js';
import { CHECK_WORKER_TAG, type CheckMessage, type CheckRequest } from './checkDebunksProtocol.js';
import type { LoadProblem } from './loadProblem.js';
import type { Debunk } from './schema.js';

/**
 * The size of text from which a check runs in a worker thread. Below it, the parse takes a few
 * tens of milliseconds at most (YAML parses at some 3 MB/s): less than starting a worker, which
 * would only make the check slower.
 */
export const WORKER_MIN_BYTES = 128 * 1024;

/** A check made in the worker: what checkDebunkFiles gives, and where each id is written if asked. */
export interface WorkerCheck {
  result: LoadResult;
  /** Each id → `file:line`, when asked for and the files load. */
  ids: Map<string, string>;
}

/**
 * Reads, parses and validates the files `names` of a folder (as debunkFileReads and
 * checkDebunkFiles do) in a worker thread, so a reload in the bot's process never holds up
 * the event loop for a file's parse: the main thread only takes in the validated entries, a
 * thousand at a time. The result is the one checkDebunkFiles gives, problems included.
 * Undefined when no worker could do it (its module not found, the thread refused to start,
 * or it failed along the way): the caller then checks the folder in its own thread.
 */
export async function checkDebunksInWorker(realFolder: string, folder: string, names: readonly string[]): Promise<LoadResult | undefined> {
  return (await runWorker({ tag: CHECK_WORKER_TAG, files: { realFolder, folder, names: [...names] } }))?.result;
}

/**
 * checkDebunkFiles of files read already (a folder with an edited or a new file in it), in a
 * worker thread, as checkDebunksInWorker; with `idSites`, also where each id is written.
 * Undefined when no worker could do it.
 */
export async function checkReadsInWorker(reads: readonly FileRead[], options: { idSites?: boolean } = {}): Promise<WorkerCheck | undefined> {
  return runWorker({ tag: CHECK_WORKER_TAG, files: { reads: [...reads] }, ...(options.idSites ? { idSites: true } : {}) });
}

async function runWorker(request: CheckRequest): Promise<WorkerCheck | undefined> {
  const start = workerScript(import.meta.url, 'checkDebunksWorker');
  if (!start) return undefined;
  let worker: Worker;
  try {
    worker = new Worker(start.script, { ...start.options, workerData: request });
  } catch {
    return undefined;
  }
  return new Promise<WorkerCheck | undefined>((resolve) => {
    const debunks: Debunk[] = [];
    const problems: LoadProblem[] = [];
    const ids = new Map<string, string>();
    let settled = false;
    const finish = (result: WorkerCheck | undefined) => {
      if (settled) return;
      settled = true;
      worker.removeAllListeners();
      // An error while it is stopped must not become an uncaught one.
      worker.on('error', () => undefined);
      void worker.terminate();
      resolve(result);
    };
    const handle = (message: CheckMessage | { kind: 'ended' }) => {
      switch (message.kind) {
        case 'debunks':
          // One by one: a spread into push() overflows the stack on large arrays.
          for (const d of JSON.parse(message.json) as Debunk[]) debunks.push(d);
          break;
        case 'problems':
          for (const p of JSON.parse(message.json) as LoadProblem[]) problems.push(p);
          break;
        case 'ids':
          for (const [id, where] of JSON.parse(message.json) as [string, string][]) ids.set(id, where);
          break;
        case 'done':
          finish({ result: resultOf({ problems, files: message.files }, debunks), ids });
          break;
        case 'failed':
          process.emitWarning(`checking the debunk folder in a worker thread failed, checking it in the main thread instead: ${message.message}`);
          finish(undefined);
          break;
        case 'ended':
          // Stopped (or crashed) without saying it was done.
          finish(undefined);
          break;
      }
    };
    // Messages arrive in bursts (a file's entries at once); one is parsed a turn of the event loop.
    const queue: (CheckMessage | { kind: 'ended' })[] = [];
    let draining = false;
    const drain = async () => {
      draining = true;
      for (let next = queue.shift(); next && !settled; next = queue.shift()) {
        handle(next);
        if (queue.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      draining = false;
    };
    const take = (message: CheckMessage | { kind: 'ended' }) => {
      queue.push(message);
      if (!draining) void drain();
    };
    worker.on('message', take);
    // After the messages still waiting: a worker that has said it is done then exits.
    worker.on('error', () => take({ kind: 'ended' }));
    worker.on('exit', () => take({ kind: 'ended' }));
  });
}
