import { existsSync } from 'node:fs';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileRead } from '../checkDebunkFiles.js';
import { checkDebunkReads } from '../checkDebunkReads.js';
import { shownPath } from '../debunkFolder.js';
import { formatProblem, loadDebunks } from '../loadDebunks.js';
import { IMPORT_FORMATS, type ImportFormat } from './importFormats.js';
import { formatImportProblem } from './importProblem.js';
import { IMPORT_FILE_ENTRIES, outputFile, partFiles } from './outputFile.js';
import { readDebunkFolder } from './readDebunkFolder.js';
import { renderImportFile } from './renderImportFile.js';
import { validateImport } from './validateImport.js';
import { appendAll } from '../../lib/appendAll.js';

/** One `db import`. */
export interface ImportRequest {
  /** The input file. */
  file: string;
  format: ImportFormat;
  /** The database folder the new file goes into. */
  dir: string;
  /** Name of the new file; @defaultValue `imported-<input name>.yaml` */
  out?: string;
  /** Language of entries whose input gives none. */
  lang?: string;
  /** Check everything, write nothing. */
  dryRun: boolean;
  /** @defaultValue `process.cwd()` */
  cwd?: string;
  /** When the import happens, for the file's header. @defaultValue now */
  now?: Date;
}

export type ImportOutcome =
  | {
      ok: true;
      /** The new file, as shown (relative to the working directory); for several, all of them in a few words. */
      file: string;
      /** Every new file, as shown: one, or the parts of a large import (IMPORT_FILE_ENTRIES each). */
      files: string[];
      count: number;
      /** False for a dry run. */
      written: boolean;
    }
  | {
      ok: false;
      /** Every reason the import was refused, one line each; nothing was written. */
      problems: string[];
    };

/**
 * Converts an input file, validates every entry and, when all is well, writes them as one new
 * YAML file into the folder (as numbered parts of at most IMPORT_FILE_ENTRIES entries when there
 * are more), then loads the whole folder again to prove it still loads (if not, the new files are
 * removed). Refusals are values; nothing is written unless everything passes.
 */
export async function importDebunks(request: ImportRequest): Promise<ImportOutcome> {
  const cwd = request.cwd ?? process.cwd();
  const source = shownPath(request.file, cwd);
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, request.file), 'utf8');
  } catch (err) {
    return refuse([`${source}: cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})`]);
  }

  const problems: string[] = [];
  const target = await readDebunkFolder(request.dir, cwd);
  if (!target.ok) {
    problems.push(`${shownPath(request.dir, cwd)}: the database folder does not load; fix it first (rumorguard db validate):`);
    appendAll(problems, target.problems.map((p) => `  ${formatProblem(p)}`));
  }
  const out = outputFile(cwd, request.dir, request.file, request.out);
  if (!out.ok) problems.push(out.message);

  const conversion = IMPORT_FORMATS[request.format](text, source);
  const validated = validateImport(conversion.records, {
    source,
    ...(request.lang !== undefined ? { lang: request.lang } : {}),
    existing: target.ok ? target.ids : new Map(),
  });
  appendAll(problems, [...conversion.problems, ...validated.problems].map(formatImportProblem));
  if (conversion.problems.length === 0 && conversion.records.length === 0) problems.push(`${source}: no entries to import`);
  const count = validated.debunks.length;
  const absolutes = out.ok ? partFiles(out.absolute, Math.ceil(count / IMPORT_FILE_ENTRIES)) : [];
  const shown = absolutes.map((file) => shownPath(file, cwd));
  for (const [i, file] of absolutes.entries()) {
    if (existsSync(file)) problems.push(`${shown[i]}: already exists; an import never overwrites a file, choose another name with --out`);
  }
  if (problems.length > 0 || !target.ok || !out.ok) return refuse(problems);

  const at = request.now ?? new Date();
  const parts = absolutes.map((absolute, i) => ({
    absolute,
    file: shown[i]!,
    text: renderImportFile(validated.debunks.slice(i * IMPORT_FILE_ENTRIES, (i + 1) * IMPORT_FILE_ENTRIES), {
      file: source,
      format: request.format,
      at,
      ...(absolutes.length > 1 ? { part: { index: i + 1, of: absolutes.length } } : {}),
    }),
  }));
  const described = describeFiles(shown);
  // The same check the loader makes, before anything touches the disk; a dry run stops here.
  const together = (await checkDebunkReads([...concat(target.reads, parts)])).result;
  if (!together.ok) return refuse([`${described}: the converted entries would not load:`, ...together.problems.map((p) => `  ${formatProblem(p)}`)]);
  if (request.dryRun) return { ok: true, file: described, files: shown, count, written: false };

  const written: string[] = [];
  const removeWritten = () => Promise.all(written.map((file) => unlink(file).catch(() => undefined)));
  for (const part of parts) {
    try {
      // "wx": fail rather than overwrite a file that appeared since the check above.
      await writeFile(part.absolute, part.text, { encoding: 'utf8', flag: 'wx' });
      written.push(part.absolute);
    } catch (err) {
      await removeWritten();
      return refuse([`${part.file}: cannot write file (${(err as NodeJS.ErrnoException).code ?? String(err)})${written.length > 0 ? '; the parts written before it were removed' : ''}`]);
    }
  }
  const reloaded = await loadDebunks(request.dir, { cwd });
  if (!reloaded.ok) {
    await removeWritten();
    return refuse([`${described}: the folder no longer loads with the new ${parts.length === 1 ? 'file' : 'files'}, so ${parts.length === 1 ? 'it was' : 'they were'} removed:`, ...reloaded.problems.map((p) => `  ${formatProblem(p)}`)]);
  }
  return { ok: true, file: described, files: shown, count, written: true };
}

/** One file as it is, several as "first … last (n files)". */
function describeFiles(files: readonly string[]): string {
  return files.length === 1 ? files[0]! : `${files[0]} … ${path.basename(files.at(-1)!)} (${files.length} files)`;
}

/** The folder's files, then the new ones, without copying either list (and again on each iteration). */
function concat(reads: Iterable<FileRead>, parts: Iterable<FileRead>): Iterable<FileRead> {
  return {
    *[Symbol.iterator]() {
      yield* reads;
      yield* parts;
    },
  };
}

function refuse(problems: string[]): ImportOutcome {
  return { ok: false, problems };
}
