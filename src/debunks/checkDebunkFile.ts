import { describeIssues, describeValue } from './describeIssues.js';
import { formatFieldPath, LOAD_PROBLEM_CODES, type LoadProblem } from './loadProblem.js';
import { parseSource, type DataPath } from './parseSource.js';
import { DebunkFileSchema, DebunkSchema, type Debunk } from './schema.js';

/** Where an entry's id is written; the duplicate check across files needs it. */
export interface IdSite {
  id: string;
  file: string;
  line: number;
}

/** Everything learned from one file: its valid entries, all ids seen, and every problem. */
export interface CheckedFile {
  debunks: Debunk[];
  ids: IdSite[];
  problems: LoadProblem[];
}

const FILE_SHAPE = 'a list of entries (each starting with "- "), or "debunks:" with a list';

/**
 * Parses and validates one debunk file. `file` is the path shown in problems; a name ending in
 * `.json` is read as JSON, anything else as YAML. Every entry is checked, even after a bad one.
 */
export function checkDebunkFile(file: string, text: string): CheckedFile {
  const checked: CheckedFile = { debunks: [], ids: [], problems: [] };
  const parsed = parseSource(text, file.toLowerCase().endsWith('.json') ? 'json' : 'yaml');
  if (!parsed.ok) {
    checked.problems = parsed.errors.map((e) => ({ file, line: e.line, message: e.message, code: LOAD_PROBLEM_CODES.syntax }));
    return checked;
  }
  const { data, lineOf } = parsed.source;

  // A lone mapping is most often one entry written without "- "; one clear message beats a dozen unknown fields.
  if (!Array.isArray(data) && !(isMapping(data) && Object.hasOwn(data, 'debunks'))) {
    const message = data === null ? `empty file: expected ${FILE_SHAPE}` : `expected ${FILE_SHAPE} (got ${describeValue(data)})`;
    checked.problems.push({ file, line: lineOf([]), message, code: LOAD_PROBLEM_CODES.notAList });
    return checked;
  }
  const shape = DebunkFileSchema.safeParse(data);
  if (!shape.success) {
    checked.problems = describeIssues(shape.error.issues, DebunkFileSchema, data).map((issue) => ({
      file,
      line: lineOf(issue.linePath),
      ...fieldOf(issue.path),
      message: issue.message,
      code: issue.code === LOAD_PROBLEM_CODES.unknownField ? issue.code : LOAD_PROBLEM_CODES.notAList,
    }));
    return checked;
  }

  const [base, entries]: [DataPath, unknown[]] = Array.isArray(shape.data) ? [[], shape.data] : [['debunks'], shape.data.debunks];
  entries.forEach((raw, i) => {
    const at = [...base, i];
    const entry = quoteFalseVerdict(raw);
    const id = usableId(entry);
    // The line only when asked for (a duplicate to report): most files have none.
    if (id !== undefined) checked.ids.push({ id, file, get line() { return lineOf([...at, 'id']); } });
    const result = DebunkSchema.safeParse(entry);
    if (result.success) {
      checked.debunks.push(result.data);
      return;
    }
    for (const issue of describeIssues(result.error.issues, DebunkSchema, entry)) {
      checked.problems.push({
        file,
        line: lineOf([...at, ...issue.linePath]),
        ...(id !== undefined ? { entryId: id } : { entryIndex: i + 1 }),
        ...fieldOf(issue.path),
        message: issue.message,
        code: issue.code,
      });
    }
  });
  return checked;
}

/** The entry's id if it is a valid one; otherwise problems name the entry by its position. */
function usableId(entry: unknown): string | undefined {
  if (!isMapping(entry)) return undefined;
  const id = DebunkSchema.shape.id.safeParse(entry.id);
  return id.success ? id.data : undefined;
}

/**
 * One entry of a parsed file as the loader reads it (see checkDebunkFile), or undefined when the
 * loader would refuse it: for an editor that must tell whether the entry is still the one it showed.
 */
export function entryAsLoaded(raw: unknown): Debunk | undefined {
  const result = DebunkSchema.safeParse(quoteFalseVerdict(raw));
  return result.success ? result.data : undefined;
}

/** YAML reads an unquoted `verdict: false` as the boolean false; the verdict "false" is what is meant. */
function quoteFalseVerdict(entry: unknown): unknown {
  return isMapping(entry) && entry.verdict === false ? { ...entry, verdict: 'false' } : entry;
}

function fieldOf(path: DataPath): { field?: string } {
  return path.length > 0 ? { field: formatFieldPath(path) } : {};
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
