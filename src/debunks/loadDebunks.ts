import { readdirSync, type Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkDebunkFiles, checkDebunkFilesYielding, type LoadResult } from './checkDebunkFiles.js';
import { checkDebunksInWorker, WORKER_MIN_BYTES } from './checkDebunksInWorker.js';
import { realFolderOf } from './readDebunkFile.js';
import { debunkFileReads } from './readDebunkFiles.js';
import { debunkFileNames, emptyFolderProblem, folderProblem, shownPath } from './debunkFolder.js';

export type { LoadResult } from './checkDebunkFiles.js';
export { formatProblem, formatProblems, LOAD_PROBLEM_CODES } from './loadProblem.js';
export type { LoadProblem, LoadProblemCode } from './loadProblem.js';

/** Options for {@link loadDebunks}. */
export interface LoadOptions {
  /**
   * Directory that `dir` is resolved against and that paths in problems are shown relative to.
   * @defaultValue `process.cwd()`
   */
  cwd?: string;
  /**
   * Where the files are parsed and checked: `worker`, a worker thread (so the event loop is never
   * held up for a file's parse; the main thread if no worker can start); `main`, this thread,
   * yielding between files; `auto`, a worker when the folder holds more than
   * {@link WORKER_MIN_BYTES}.
   * @defaultValue `'auto'`
   */
  thread?: 'auto' | 'worker' | 'main';
}

export { WORKER_MIN_BYTES } from './checkDebunksInWorker.js';

/**
 * Loads and validates every `*.yaml`, `*.yml` and `*.json` file directly inside `dir`, in name
 * order. Each file holds a list of entries or `{ debunks: [...] }`. Never throws for bad input:
 * a missing or empty folder, syntax errors, invalid entries and duplicate ids all come back as
 * problems, every one of them at once. The files are read, parsed and checked in a worker thread
 * (see `thread`): the bot reloads its database while it runs (the folder watcher, the dashboard,
 * `db import`), and a large file's parse would otherwise hold up every group's messages.
 */
export async function loadDebunks(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const { absolute, folder } = locate(dir, options);
  let names: string[];
  try {
    names = debunkFileNames(await readdir(absolute, { withFileTypes: true }));
  } catch (err) {
    return { ok: false, problems: [folderProblem(folder, err)] };
  }
  if (names.length === 0) return { ok: false, problems: [emptyFolderProblem(folder)] };
  const realFolder = realFolderOf(absolute);
  const thread = options.thread ?? 'auto';
  if (thread === 'worker' || (thread === 'auto' && (await folderBytes(realFolder, names)) >= WORKER_MIN_BYTES)) {
    const checked = await checkDebunksInWorker(realFolder, folder, names);
    if (checked) return checked;
  }
  return checkDebunkFilesYielding(debunkFileReads(realFolder, folder, names));
}

/** The bytes of the files `names` (what can be stat'ed; the check reports the others). */
async function folderBytes(realFolder: string, names: readonly string[]): Promise<number> {
  const sizes = await Promise.all(names.map((name) => stat(path.join(realFolder, name)).then((s) => (s.isFile() ? s.size : 0), () => 0)));
  return sizes.reduce((a, b) => a + b, 0);
}

/** Synchronous {@link loadDebunks}, for start-up code and scripts that cannot await. */
export function loadDebunksSync(dir: string, options: LoadOptions = {}): LoadResult {
  const { absolute, folder } = locate(dir, options);
  let listing: Dirent[];
  try {
    listing = readdirSync(absolute, { withFileTypes: true });
  } catch (err) {
    return { ok: false, problems: [folderProblem(folder, err)] };
  }
  const names = debunkFileNames(listing);
  if (names.length === 0) return { ok: false, problems: [emptyFolderProblem(folder)] };
  return checkDebunkFiles(debunkFileReads(realFolderOf(absolute), folder, names));
}

function locate(dir: string, options: LoadOptions): { absolute: string; folder: string } {
  const cwd = options.cwd ?? process.cwd();
  return { absolute: path.resolve(cwd, dir), folder: shownPath(dir, cwd) };
}
