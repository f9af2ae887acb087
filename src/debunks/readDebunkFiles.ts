import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FileRead } from './checkDebunkFiles.js';
import { debunkFileNames, folderProblem, shownFile, shownPath } from './debunkFolder.js';
import { readDebunkFile, realFolderOf } from './readDebunkFile.js';
import type { LoadProblem } from './loadProblem.js';

/** The debunk files of a folder as read, before any checking. */
export type FolderRead = { ok: true; folder: string; reads: FileRead[] } | { ok: false; problems: LoadProblem[] };

/**
 * Lists and reads every debunk file directly inside `dir`, in name order. A folder that cannot
 * be listed and a file that cannot be read come back as problems; an empty folder is not one
 * here (the loader refuses it, an import may fill it).
 */
export async function readDebunkFiles(dir: string, cwd: string): Promise<FolderRead> {
  const absolute = path.resolve(cwd, dir);
  const folder = shownPath(dir, cwd);
  let names: string[];
  try {
    names = debunkFileNames(await readdir(absolute, { withFileTypes: true }));
  } catch (err) {
    return { ok: false, problems: [folderProblem(folder, err)] };
  }
  return { ok: true, folder, reads: [...debunkFileReads(realFolderOf(absolute), folder, names)] };
}

/**
 * The files `names` of a folder, each read (checked to be a plain UTF-8 file of this folder, see
 * readDebunkFile) only when iterated to, and again on each iteration: a loader goes through a
 * large database one file at a time instead of holding all of its text.
 */
export function debunkFileReads(realFolder: string, folder: string, names: readonly string[]): Iterable<FileRead> {
  return {
    *[Symbol.iterator]() {
      for (const name of names) yield readDebunkFile(realFolder, name, shownFile(folder, name));
    },
  };
}

/** Windows editors may save UTF-8 with a byte-order mark, which JSON.parse rejects. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
