import { checkDebunkFile, type IdSite } from './checkDebunkFile.js';
import { LOAD_PROBLEM_CODES, type LoadProblem } from './loadProblem.js';
import type { Debunk } from './schema.js';
import { appendAll } from '../lib/appendAll.js';

/** The outcome of loading a debunk folder: every entry, or every problem. */
export type LoadResult =
  | {
      ok: true;
      /** Validated entries, in file order then entry order. */
      debunks: Debunk[];
      /** The files read, as shown in problems (relative to the working directory). */
      files: string[];
    }
  | {
      ok: false;
      /** All problems of all files, by file then line. */
      problems: LoadProblem[];
    };

/** One debunk file as read from disk: its text, or why it could not be read. */
export type FileRead = { file: string; text: string } | { file: string; problem: LoadProblem };

/**
 * Validates a set of debunk files together: each file on its own, then ids across all of them.
 * Pure, so the folder readers (async and sync) and tests share it. `reads` may be read lazily
 * (see debunkFileReads): one file is parsed at a time and nothing of it is kept but its entries,
 * so memory holds the largest file's parse, not every file's. When ids repeat, the files are
 * gone through again to say on which lines.
 */
export function checkDebunkFiles(reads: Iterable<FileRead>): LoadResult {
  const debunks: Debunk[] = [];
  const steps = checkSteps(reads);
  for (;;) {
    const step = steps.next();
    if (step.done) return resultOf(step.value, debunks);
    appendAll(debunks, step.value);
  }
}

/**
 * {@link checkDebunkFiles} with a turn of the event loop after each file, so a database reloaded
 * in the bot's process holds up moderation for one file's parse at a time, not the whole
 * folder's, and the garbage of each parse can be collected between files. The loader runs this
 * only when the check cannot run in a worker thread (see checkDebunksInWorker).
 */
export async function checkDebunkFilesYielding(reads: Iterable<FileRead>): Promise<LoadResult> {
  const debunks: Debunk[] = [];
  const steps = checkSteps(reads);
  for (;;) {
    const step = steps.next();
    if (step.done) return resultOf(step.value, debunks);
    appendAll(debunks, step.value);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** What is left of a check once every file's entries have been handed out: problems, files. */
export interface CheckOutcome {
  /** All problems of all files, by file then line; none when the folder loads. */
  problems: LoadProblem[];
  /** The files read, as shown in problems. */
  files: string[];
}

/** The entries handed out by {@link checkSteps}, with what it returned, as a LoadResult. */
export function resultOf(outcome: CheckOutcome, debunks: Debunk[]): LoadResult {
  if (outcome.problems.length > 0) return { ok: false, problems: outcome.problems };
  return { ok: true, debunks, files: outcome.files };
}

/**
 * The check, one file a step: each step yields the valid entries of one file, in file order (or
 * none once any file has a problem, as the folder will not load); the return value holds the
 * problems and files. The caller keeps the entries: a worker thread sends them on as it goes.
 */
export function* checkSteps(reads: Iterable<FileRead>): Generator<Debunk[], CheckOutcome> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  const problemsByFile = new Map<string, LoadProblem[]>();
  let anyProblem = false;
  const files: string[] = [];
  for (const read of reads) {
    files.push(read.file);
    if ('problem' in read) {
      problemsByFile.set(read.file, [read.problem]);
      anyProblem = true;
      yield [];
      continue;
    }
    const checked = checkAlone(read.file, read.text);
    for (const id of checked.ids) {
      if (seen.has(id)) repeated.add(id);
      else seen.add(id);
    }
    problemsByFile.set(read.file, checked.problems);
    anyProblem ||= checked.problems.length > 0 || repeated.size > 0;
    yield anyProblem ? [] : checked.debunks;
  }
  if (repeated.size > 0) for (const problem of duplicateIds(sitesOf(reads, repeated))) problemsByFile.get(problem.file)?.push(problem);

  const problems = [...problemsByFile.values()].flatMap((list) => list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  return { problems, files };
}

/**
 * One file checked, without what would keep its parse alive: a site's line (found through the
 * parse) is left behind with the site, and only the ids are kept. A generator's locals live on
 * while it is paused, so a CheckedFile held there would keep one file's parse (some forty times
 * its size) alive through the next file's.
 */
function checkAlone(file: string, text: string): { debunks: Debunk[]; ids: string[]; problems: LoadProblem[] } {
  const checked = checkDebunkFile(file, text);
  return { debunks: checked.debunks, ids: checked.ids.map((site) => site.id), problems: checked.problems };
}

/** Where each of the `ids` is written, with its line, in file order. */
function sitesOf(reads: Iterable<FileRead>, ids: ReadonlySet<string>): IdSite[] {
  const sites: IdSite[] = [];
  for (const read of reads) {
    if ('problem' in read) continue;
    for (const site of checkDebunkFile(read.file, read.text).ids) if (ids.has(site.id)) sites.push({ id: site.id, file: site.file, line: site.line });
  }
  return sites;
}

/** Every repeat of an id, pointing back at its first occurrence. */
function duplicateIds(sites: readonly IdSite[]): LoadProblem[] {
  const first = new Map<string, IdSite>();
  const problems: LoadProblem[] = [];
  for (const site of sites) {
    const earlier = first.get(site.id);
    if (!earlier) {
      first.set(site.id, site);
      continue;
    }
    problems.push({
      file: site.file,
      line: site.line,
      entryId: site.id,
      field: 'id',
      message: `duplicate of ${earlier.file}:${earlier.line}`,
      code: LOAD_PROBLEM_CODES.duplicateId,
    });
  }
  return problems;
}
