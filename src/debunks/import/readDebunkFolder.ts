import { checkDebunkFile } from '../checkDebunkFile.js';
import { checkDebunkFiles, type FileRead } from '../checkDebunkFiles.js';
import type { LoadProblem } from '../loadProblem.js';
import { readDebunkFiles } from '../readDebunkFiles.js';

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
  const read = await readDebunkFiles(dir, cwd);
  if (!read.ok) return read;
  const checked = checkDebunkFiles(read.reads);
  if (!checked.ok) return checked;
  const ids = new Map<string, string>();
  for (const r of read.reads) {
    if ('problem' in r) continue;
    for (const site of checkDebunkFile(r.file, r.text).ids) ids.set(site.id, `${site.file}:${site.line}`);
  }
  return { ok: true, folder: read.folder, reads: read.reads, ids };
}
