import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkDebunkFile } from '../checkDebunkFile.js';
import { checkDebunkFiles, type FileRead } from '../checkDebunkFiles.js';
import { debunkFileNames, folderProblem, shownFile, shownPath, unreadableFileProblem } from '../debunkFolder.js';
import type { LoadProblem } from '../loadProblem.js';
import { stripBom } from './convertJson.js';

/** A debunk folder as an import sees it: its files, and where each id is written. */
export type ImportTarget =
  | {
      ok: true;
      /** The folder as shown in messages (relative to the working directory). */
      folder: string;
      /** The files as read, to check them together with the new file before writing it. */
      reads: FileRead[];
      /** Each id in the folder → `file:line`. */
      ids: Map<string, string>;
    }
  | { ok: false; problems: LoadProblem[] };

/**
 * Reads the folder an import goes into. It must exist and be valid (an import must not be blamed
 * for problems that were there before), but it may be empty: a group that deleted the shipped
 * examples imports into an empty folder.
 */
export async function readDebunkFolder(dir: string, cwd: string): Promise<ImportTarget> {
  const absolute = path.resolve(cwd, dir);
  const folder = shownPath(dir, cwd);
  let names: string[];
  try {
    names = debunkFileNames(await readdir(absolute, { withFileTypes: true }));
  } catch (err) {
    return { ok: false, problems: [folderProblem(folder, err)] };
  }
  const reads = await Promise.all(
    names.map(async (name): Promise<FileRead> => {
      const file = shownFile(folder, name);
      try {
        return { file, text: stripBom(await readFile(path.join(absolute, name), 'utf8')) };
      } catch (err) {
        return { file, problem: unreadableFileProblem(file, err) };
      }
    }),
  );
  const checked = checkDebunkFiles(reads);
  if (!checked.ok) return checked;
  const ids = new Map<string, string>();
  for (const read of reads) {
    if ('problem' in read) continue;
    for (const site of checkDebunkFile(read.file, read.text).ids) ids.set(site.id, `${site.file}:${site.line}`);
  }
  return { ok: true, folder, reads, ids };
}
