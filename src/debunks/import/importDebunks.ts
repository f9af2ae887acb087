import { existsSync } from 'node:fs';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkDebunkFiles } from '../checkDebunkFiles.js';
import { shownPath } from '../debunkFolder.js';
import { formatProblem, loadDebunks } from '../loadDebunks.js';
import { IMPORT_FORMATS, type ImportFormat } from './importFormats.js';
import { formatImportProblem } from './importProblem.js';
import { outputFile } from './outputFile.js';
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
      /** The new file, as shown (relative to the working directory). */
      file: string;
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
 * YAML file into the folder, then loads the whole folder again to prove it still loads (if not,
 * the new file is removed). Refusals are values; nothing is written unless everything passes.
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
  const outShown = out.ok ? shownPath(out.absolute, cwd) : '';
  if (!out.ok) problems.push(out.message);
  else if (existsSync(out.absolute)) problems.push(`${outShown}: already exists; an import never overwrites a file, choose another name with --out`);

  const conversion = IMPORT_FORMATS[request.format](text, source);
  const validated = validateImport(conversion.records, {
    source,
    ...(request.lang !== undefined ? { lang: request.lang } : {}),
    existing: target.ok ? target.ids : new Map(),
  });
  appendAll(problems, [...conversion.problems, ...validated.problems].map(formatImportProblem));
  if (conversion.problems.length === 0 && conversion.records.length === 0) problems.push(`${source}: no entries to import`);
  if (problems.length > 0 || !target.ok || !out.ok) return refuse(problems);

  const yaml = renderImportFile(validated.debunks, { file: source, format: request.format, at: request.now ?? new Date() });
  // The same check the loader makes, before anything touches the disk; a dry run stops here.
  const together = checkDebunkFiles([...target.reads, { file: outShown, text: yaml }]);
  if (!together.ok) return refuse([`${outShown}: the converted entries would not load:`, ...together.problems.map((p) => `  ${formatProblem(p)}`)]);
  const count = validated.debunks.length;
  if (request.dryRun) return { ok: true, file: outShown, count, written: false };

  try {
    // "wx": fail rather than overwrite a file that appeared since the check above.
    await writeFile(out.absolute, yaml, { encoding: 'utf8', flag: 'wx' });
  } catch (err) {
    return refuse([`${outShown}: cannot write file (${(err as NodeJS.ErrnoException).code ?? String(err)})`]);
  }
  const reloaded = await loadDebunks(request.dir, { cwd });
  if (!reloaded.ok) {
    await unlink(out.absolute);
    return refuse([`${outShown}: the folder no longer loads with the new file, so it was removed:`, ...reloaded.problems.map((p) => `  ${formatProblem(p)}`)]);
  }
  return { ok: true, file: outShown, count, written: true };
}

function refuse(problems: string[]): ImportOutcome {
  return { ok: false, problems };
}
