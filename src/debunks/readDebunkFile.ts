import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { FileRead } from './checkDebunkFiles.js';
import { LOAD_PROBLEM_CODES, type LoadProblemCode } from './loadProblem.js';

/**
 * The byte offset of the first byte that is not part of valid UTF-8 in `bytes`, or undefined
 * when all of it is valid (overlong forms, surrogates and code points past U+10FFFF are invalid).
 */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let length: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    if (i + length > n) return i;
    let code = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return undefined;
}

const problem = (file: string, message: string, code: LoadProblemCode = LOAD_PROBLEM_CODES.unreadable): FileRead => ({ file, problem: { file, message, code } });

/**
 * The largest debunk file read, in bytes. Parsing YAML takes some forty times a file's size in
 * memory while it lasts; files up to this size keep that to a few hundred MB however large the
 * database, which is spread over many files (`db import` writes at most IMPORT_FILE_ENTRIES
 * entries a file, far below this).
 */
export const MAX_DEBUNK_FILE_BYTES = 16 * 1024 * 1024;

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/**
 * Reads one debunk file of a folder, refusing what is not a plain file of that folder: a symlink
 * that leads out of it (to `/etc/passwd`, say), a FIFO or a device (opened without blocking, so a
 * FIFO with no writer cannot hang loading), and text that is not UTF-8 (named by the offset of
 * the first bad byte, rather than read as U+FFFD). `realFolder` is the folder's real path.
 */
export function readDebunkFile(realFolder: string, name: string, file: string): FileRead {
  const full = path.join(realFolder, name);
  let real: string;
  try {
    real = realpathSync(full);
  } catch (err) {
    return problem(file, `cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const relative = path.relative(realFolder, real);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return problem(file, 'is a link to a file outside the folder; put the file itself in the folder');
  }
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return problem(file, `cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return problem(file, 'cannot read file (EISDIR)');
    if (!stat.isFile()) return problem(file, 'is not a regular file (a FIFO, socket or device); only plain files are read');
    if (stat.size > MAX_DEBUNK_FILE_BYTES) {
      return problem(
        file,
        `is ${megabytes(stat.size)}, more than the ${megabytes(MAX_DEBUNK_FILE_BYTES)} one debunk file may hold: split its entries over several files in the folder ` +
          '(every .yaml, .yml and .json file there is loaded), or import it with "rumorguard db import", which writes files of at most 10,000 entries',
        LOAD_PROBLEM_CODES.tooLarge,
      );
    }
    const bytes = readFileSync(fd);
    const bad = firstInvalidUtf8(bytes);
    if (bad !== undefined) {
      return problem(file, `is not UTF-8: byte 0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')} at offset ${bad} is invalid; save the file as UTF-8`);
    }
    const text = bytes.toString('utf8');
    return { file, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (err) {
    return problem(file, `cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  } finally {
    closeSync(fd);
  }
}

/** The real path of a folder (symlinks resolved), or the path itself when it cannot be resolved. */
export function realFolderOf(absolute: string): string {
  try {
    return realpathSync(absolute);
  } catch {
    return absolute;
  }
}
