import path from 'node:path';
import { checkDebunkFiles, type LoadResult } from './checkDebunkFiles.js';
import { DEBUNK_FILE_EXTENSIONS, shownPath } from './debunkFolder.js';
import { LOAD_PROBLEM_CODES } from './loadProblem.js';
import { readDebunkFile, realFolderOf } from './readDebunkFile.js';

/**
 * Loads and validates one debunk file on its own, the way the folder loader checks each of its
 * files (`rumorguard db validate rules/debunks/health.yaml`): every problem with file, line and
 * field, ids compared within the file only, not with the rest of its folder. `file` is resolved
 * against `cwd` (default `process.cwd()`) and shown relative to it. A link is followed: the file
 * was named, not found in a folder, so it cannot lead anywhere unasked.
 */
export function loadDebunkFile(file: string, options: { cwd?: string } = {}): LoadResult {
  const cwd = options.cwd ?? process.cwd();
  const absolute = path.resolve(cwd, file);
  const shown = shownPath(file, cwd);
  if (!(DEBUNK_FILE_EXTENSIONS as readonly string[]).includes(path.extname(absolute).toLowerCase())) {
    const message = 'not a .yaml, .yml or .json file: the loader would skip it';
    return { ok: false, problems: [{ file: shown, message, code: LOAD_PROBLEM_CODES.notADebunkFile }] };
  }
  // Its real path (realFolderOf resolves any path), so that readDebunkFile finds it inside its folder.
  const real = realFolderOf(absolute);
  return checkDebunkFiles([readDebunkFile(path.dirname(real), path.basename(real), shown)]);
}
