import { checkDebunkFile, type IdSite } from './checkDebunkFile.js';
import { LOAD_PROBLEM_CODES, type LoadProblem } from './loadProblem.js';
import type { Debunk } from './schema.js';

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
  const steps = checkSteps(reads);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link checkDebunkFiles} with a turn of the event loop after each file, so a database reloaded
 * in the bot's process (the folder watcher) holds up moderation for one file's parse at a time,
 * not the whole folder's, and the garbage of each parse can be collected between files.
 */
export async function checkDebunkFilesYielding(reads: Iterable<FileRead>): Promise<LoadResult> {
  const steps = checkSteps(reads);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The check, pausing (yield) after each file. */
function* checkSteps(reads: Iterable<FileRead>): Generator<void, LoadResult> {
  const debunks: Debunk[] = [];
  const seen = new Set<string>();
  const repeated = new Set<string>();
  const problemsByFile = new Map<string, LoadProblem[]>();
  const files: string[] = [];
  for (const read of reads) {
    files.push(read.file);
    if ('problem' in read) {
      problemsByFile.set(read.file, [read.problem]);
      continue;
    }
    const checked = checkDebunkFile(read.file, read.text);
    // One by one: a spread of a file's entries into push() overflows the stack past ~125k.
    for (const d of checked.debunks) debunks.push(d);
    // Only the id: a site's line would keep the file's parse (to find it) alive.
    for (const site of checked.ids) {
      if (seen.has(site.id)) repeated.add(site.id);
      else seen.add(site.id);
    }
    problemsByFile.set(read.file, checked.problems);
    yield;
  }
  if (repeated.size > 0) for (const problem of duplicateIds(sitesOf(reads, repeated))) problemsByFile.get(problem.file)?.push(problem);

  const problems = [...problemsByFile.values()].flatMap((list) => list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, debunks, files };
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
