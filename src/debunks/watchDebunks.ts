import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { formatProblems, loadDebunks, type LoadProblem } from './loadDebunks.js';
import type { Debunk } from './schema.js';

export interface WatchDebunksOptions {
  /** Directory `dir` is resolved against (and problems shown relative to). @defaultValue process.cwd() */
  cwd?: string;
  /**
   * Quiet time after the last change before the folder is read: an editor's save is several
   * events (write, rename, chmod), and a copy of many files is many more.
   * @defaultValue 300
   */
  debounceMs?: number;
  /** The folder loaded and every file is valid: swap it in. */
  onLoaded: (debunks: Debunk[]) => void | Promise<void>;
  /** The folder has problems: the last good database stays; tell someone. */
  onBroken: (problems: LoadProblem[], text: string) => void | Promise<void>;
}

/** A running watch; `settled` resolves once the last change seen was handled (for tests and shutdown). */
export interface DebunkWatch {
  close(): void;
  settled(): Promise<void>;
}

/**
 * Watches a debunk folder (fs.watch on the folder: files added, changed, renamed, removed) and,
 * after `debounceMs` of quiet, loads and validates the whole folder as at start-up. Valid: handed
 * to `onLoaded`. Broken: handed to `onBroken` with every problem, and nothing is swapped, so the
 * bot keeps matching on the last good database.
 */
export function watchDebunks(dir: string, options: WatchDebunksOptions): DebunkWatch {
  const cwd = options.cwd ?? process.cwd();
  const debounceMs = options.debounceMs ?? 300;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let waiting: { resolve: () => void; promise: Promise<void> } | undefined;
  const reload = () => {
    timer = undefined;
    const done = waiting;
    waiting = undefined;
    running = running
      .then(async () => {
        const loaded = await loadDebunks(dir, { cwd });
        if (loaded.ok) await options.onLoaded(loaded.debunks);
        else await options.onBroken(loaded.problems, formatProblems(loaded.problems));
      })
      .catch(() => undefined)
      .finally(() => done?.resolve());
  };
  const changed = (_event: string, file: string | Buffer | null) => {
    // Editors' hidden swap and backup files are not debunk files.
    if (typeof file === 'string' && (file.startsWith('.') || file.endsWith('~'))) return;
    if (!waiting) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      waiting = { resolve, promise };
    }
    clearTimeout(timer);
    timer = setTimeout(reload, debounceMs);
  };
  const watcher: FSWatcher = watch(path.resolve(cwd, dir), { persistent: false }, changed);
  watcher.on('error', () => undefined);
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
      waiting?.resolve();
    },
    settled: async () => {
      // A change may be waiting for its quiet time: wait for it, then for the load it starts.
      while (waiting) await waiting.promise;
      await running;
    },
  };
}
