import { readdirSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { checkDebunkFiles, checkDebunkFilesYielding, type LoadResult } from './checkDebunkFiles.js';
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
}

/**
 * Loads and validates every `*.yaml`, `*.yml` and `*.json` file directly inside `dir`, in name
 * order. Each file holds a list of entries or `{ debunks: [...] }`. Never throws for bad input:
 * a missing or empty folder, syntax errors, invalid entries and duplicate ids all come back as
 * problems, every one of them at once.
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
  return checkDebunkFilesYielding(debunkFileReads(realFolderOf(absolute), folder, names));
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
