import { describeIssues } from '../describeIssues.js';
import { LOAD_PROBLEM_CODES } from '../loadProblem.js';
import type { DataPath } from '../parseSource.js';
import { DebunkSchema, type Debunk } from '../schema.js';
import { claimId, unusedId } from './claimId.js';
import type { ImportedRecord } from './importedRecord.js';
import type { ImportProblem } from './importProblem.js';
import { appendAll } from '../../lib/appendAll.js';

/** What {@link validateImport} needs to know besides the records. */
export interface ValidateImportOptions {
  /** The input file as shown in problems. */
  source: string;
  /** Language for entries whose input gives none (`--lang`). */
  lang?: string;
  /** Ids already in the database folder, each with where it is written (`rules/debunks/a.yaml:12`). */
  existing: ReadonlyMap<string, string>;
}

/** The valid entries, and every problem of every record; an import goes ahead only without problems. */
export interface ValidatedImport {
  debunks: Debunk[];
  problems: ImportProblem[];
}

/**
 * Checks converted records the way the folder loader checks a file: each against DebunkSchema,
 * ids unique within the input and new to the folder. Entries without an id get one from their
 * claim; entries without a language get `options.lang`. Every problem is reported, not the first.
 */
export function validateImport(records: readonly ImportedRecord[], options: ValidateImportOptions): ValidatedImport {
  const entries = withIds(records.map((r) => withLanguage(r.entry, options.lang)));
  const debunks: Debunk[] = [];
  const problems: ImportProblem[] = [];
  const firstLineOf = new Map<string, number>();

  records.forEach((record, i) => {
    const entry = entries[i]!;
    const lineOf = (field: DataPath) => record.lineOf?.(field) ?? record.line;
    const id = DebunkSchema.shape.id.safeParse(entry.id).success ? (entry.id as string) : undefined;
    const found: ImportProblem[] = [];
    const report = (field: DataPath | undefined, message: string, linePath = field) =>
      found.push({
        source: options.source,
        line: linePath === undefined ? record.line : lineOf(linePath),
        ...(id !== undefined ? { id } : { record: record.record }),
        ...(field !== undefined && field.length > 0 ? { field } : {}),
        message,
      });

    for (const note of record.notes) report(note.field, note.message);
    if (record.notes.some((note) => note.field === undefined)) {
      appendAll(problems, found);
      return;
    }
    const noted = new Set(record.notes.map((note) => note.field?.[0]));
    const result = DebunkSchema.safeParse(entry);
    if (result.success) debunks.push(result.data);
    else {
      for (const issue of describeIssues(result.error.issues, DebunkSchema, entry)) {
        if (noted.has(issue.path[0])) continue;
        // An id is made from the claim; without a claim, "claim: required" says all there is to say.
        if (id === undefined && entry.id === undefined && issue.path[0] === 'id') continue;
        const missingLang = issue.path.length === 1 && issue.path[0] === 'lang' && issue.code === LOAD_PROBLEM_CODES.missingField;
        report(issue.path, missingLang ? 'required: the input gives no language; pass --lang' : issue.message, issue.linePath);
      }
    }
    if (id !== undefined) {
      const first = firstLineOf.get(id);
      if (first !== undefined) report(['id'], `duplicate of ${options.source}:${first}`);
      else firstLineOf.set(id, lineOf(['id']));
      const where = options.existing.get(id);
      if (where !== undefined) report(['id'], `already exists in ${where}`);
    }
    appendAll(problems, found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  });
  return { debunks, problems };
}

function withLanguage(entry: Readonly<Record<string, unknown>>, lang: string | undefined): Record<string, unknown> {
  const missing = entry.lang === undefined || entry.lang === null || entry.lang === '';
  return missing && lang !== undefined ? { ...entry, lang } : { ...entry };
}

/** Gives each entry without an id one made from its claim, unlike every id given or made before. */
function withIds(entries: Record<string, unknown>[]): Record<string, unknown>[] {
  const hasId = (entry: Record<string, unknown>) => entry.id !== undefined && entry.id !== null && entry.id !== '';
  const taken = new Set(entries.filter(hasId).map((entry) => String(entry.id)));
  return entries.map((entry) => {
    if (hasId(entry)) return entry;
    const { id: _empty, ...rest } = entry;
    if (typeof entry.claim !== 'string' || entry.claim.trim() === '') return rest;
    const id = unusedId(claimId(entry.claim, typeof entry.lang === 'string' ? entry.lang : undefined), taken);
    taken.add(id);
    return { id, ...rest };
  });
}
