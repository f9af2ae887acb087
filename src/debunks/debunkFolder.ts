import type { Dirent } from 'node:fs';
import path from 'node:path';
import { LOAD_PROBLEM_CODES, type LoadProblem } from './loadProblem.js';

/** File name endings read as debunk files. */
export const DEBUNK_FILE_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

/**
 * `target` as shown in problems: relative to `cwd` when inside it (so messages read like
 * `rules/debunks/health.yaml:42`), absolute otherwise; always with `/` separators.
 */
export function shownPath(target: string, cwd: string): string {
  const absolute = path.resolve(cwd, target);
  const relative = path.relative(cwd, absolute);
  const inside = !relative.startsWith('..') && !path.isAbsolute(relative);
  const shown = inside ? relative || '.' : absolute;
  return shown.split(path.sep).join('/');
}

/** `name` inside the shown folder, e.g. `rules/debunks` + `health.yaml`. */
export function shownFile(folder: string, name: string): string {
  return path.posix.join(folder, name);
}

/**
 * Names of the debunk files in a folder listing, sorted by code unit so the load order (and the
 * "first" of two duplicate ids) is the same on every machine and locale. Dotfiles are skipped:
 * editors and sync tools leave hidden copies next to the real file.
 */
export function debunkFileNames(entries: readonly Dirent[]): string[] {
  return entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && !e.name.startsWith('.'))
    .map((e) => e.name)
    .filter((name) => (DEBUNK_FILE_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase()))
    .sort();
}

/** The problem for a folder that could not be listed. */
export function folderProblem(folder: string, err: unknown): LoadProblem {
  const code = errorCode(err);
  if (code === 'ENOENT') return { file: folder, message: 'folder not found', code: LOAD_PROBLEM_CODES.missingFolder };
  if (code === 'ENOTDIR') return { file: folder, message: 'not a folder', code: LOAD_PROBLEM_CODES.missingFolder };
  return { file: folder, message: `cannot read folder (${code ?? String(err)})`, code: LOAD_PROBLEM_CODES.unreadable };
}

/** The problem for a folder without a single debunk file. */
export function emptyFolderProblem(folder: string): LoadProblem {
  return { file: folder, message: 'has no .yaml, .yml or .json files', code: LOAD_PROBLEM_CODES.emptyFolder };
}

/** The problem for a debunk file that is listed but cannot be read. */
export function unreadableFileProblem(file: string, err: unknown): LoadProblem {
  return { file, message: `cannot read file (${errorCode(err) ?? String(err)})`, code: LOAD_PROBLEM_CODES.unreadable };
}

function errorCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
