import { terminalText } from '../lib/terminalText.js';

/**
 * Why a debunk folder could not be loaded. One table, so the CLI, the tests and a future
 * `rumorguard db check --json` agree on the identifiers.
 */
export const LOAD_PROBLEM_CODES = {
  /** The folder does not exist or is not a folder. */
  missingFolder: 'missing_folder',
  /** The folder holds no `.yaml`, `.yml` or `.json` file. */
  emptyFolder: 'empty_folder',
  /** A file named on its own (`db validate <file>`) is not a `.yaml`, `.yml` or `.json` file, which the loader would skip. */
  notADebunkFile: 'not_a_debunk_file',
  /** A folder or file exists but could not be read (permissions, I/O). */
  unreadable: 'unreadable',
  /** A file is larger than one debunk file may be (MAX_DEBUNK_FILE_BYTES): it must be split. */
  tooLarge: 'file_too_large',
  /** The file is not valid YAML or JSON. */
  syntax: 'syntax',
  /** The file parses but is neither a list of entries nor `debunks:` with a list. */
  notAList: 'not_a_list',
  /** An entry lacks a required field. */
  missingField: 'missing_field',
  /** An entry (or the file) has a field the schema does not know, usually a typo. */
  unknownField: 'unknown_field',
  /** A field is present but its value is not allowed. */
  invalidField: 'invalid_field',
  /** Two entries share an id, in one file or across files. */
  duplicateId: 'duplicate_id',
} as const;

export type LoadProblemCode = (typeof LOAD_PROBLEM_CODES)[keyof typeof LOAD_PROBLEM_CODES];

/** One thing wrong with a debunk folder, precise enough to fix without opening the loader. */
export interface LoadProblem {
  /** File (or, for folder problems, folder) path relative to the working directory, `/`-separated. */
  file: string;
  /** 1-based line of the offending value; absent for problems about the folder itself. */
  line?: number;
  /** The entry's id, when it has a valid one. */
  entryId?: string;
  /** 1-based position of the entry in its file; used when there is no valid id. */
  entryIndex?: number;
  /** Field path inside the entry (or file), rendered like `sources[0].url`. */
  field?: string;
  /** Human explanation, e.g. `not a URL` or `must be one of low, medium, high (got "urgent")`. */
  message: string;
  code: LoadProblemCode;
}

/**
 * Renders a problem on one line, e.g.
 * `rules/debunks/health.yaml:42 entry "x": sources[0].url: not a URL`.
 */
export function formatProblem(p: LoadProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const entry =
    p.entryId !== undefined ? ` entry "${p.entryId}"` : p.entryIndex !== undefined ? ` entry #${p.entryIndex}` : '';
  const field = p.field ? `${p.field}: ` : '';
  // Keys, values and file names come from the files: a newline or an escape sequence in one must
  // not forge a line ("OK: …") or drive the terminal, so every control character shows escaped.
  return terminalText(`${where}${entry}: ${field}${p.message}`);
}

/** Renders problems one per line, in the order given. */
export function formatProblems(problems: readonly LoadProblem[]): string {
  return problems.map(formatProblem).join('\n');
}

/** Renders a path such as `['sources', 0, 'url']` as `sources[0].url`. */
export function formatFieldPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}
