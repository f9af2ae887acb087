import type { FileRead } from '../checkDebunkFiles.js';
import { checkDebunkReads } from '../checkDebunkReads.js';
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
  // In a worker thread for a large folder: the dashboard imports in the bot's process.
  const { result, ids } = await checkDebunkReads(read.reads, { idSites: true });
  if (!result.ok) return result;
  return { ok: true, folder: read.folder, reads: read.reads, ids };
}
