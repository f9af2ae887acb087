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
 * Watches a debunk folder (fs.watch on the folder: files added, changed, renamed, removed; and the
 * folder replaced by another of its name) and,
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
  // The folder itself is watched, and its parent for the folder's own name: a deploy that replaces
  // the folder (mv, rsync into a new one, a checkout) left the watch on the old one, under its new
  // name, and no later change was ever loaded. The folder's name reappearing attaches a new watch
  // and loads it.
  const folder = path.resolve(cwd, dir);
  let watcher: FSWatcher | undefined;
  const attach = () => {
    watcher?.close();
    watcher = undefined;
    try {
      watcher = watch(folder, { persistent: false }, changed);
      watcher.on('error', () => undefined);
    } catch {
      // Not there at this moment (moved away, not yet made again): the parent's watch attaches it when it comes.
    }
  };
  attach();
  const parent = watch(path.dirname(folder), { persistent: false }, (_event, file) => {
    if (file !== path.basename(folder)) return;
    attach();
    changed('rename', null);
  });
  parent.on('error', () => undefined);
  return {
    close() {
      clearTimeout(timer);
      watcher?.close();
      parent.close();
      waiting?.resolve();
    },
    settled: async () => {
      // A change may be waiting for its quiet time: wait for it, then for the load it starts.
      while (waiting) await waiting.promise;
      await running;
    },
  };
}
