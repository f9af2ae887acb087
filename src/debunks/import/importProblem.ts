import { formatFieldPath } from '../loadProblem.js';
import type { DataPath } from '../parseSource.js';

/** One thing wrong with an input file, precise enough to fix it in the spreadsheet or feed. */
export interface ImportProblem {
  /** The input file as given on the command line (or the database file, for folder problems). */
  source: string;
  /** 1-based line in `source`; absent when the problem is about the whole file. */
  line?: number;
  /** The entry's id, given or generated, when it has a usable one. */
  id?: string;
  /** 1-based position of the record in the input; used when there is no usable id. */
  record?: number;
  /** Field path in the database's terms, e.g. `sources[0].url`. */
  field?: DataPath;
  message: string;
}

/**
 * Renders a problem on one line, e.g. `feed.csv:7 record "abc": sources[0].url: not a URL`,
 * in the shape the folder loader uses, so both read alike in one terminal.
 */
export function formatImportProblem(p: ImportProblem): string {
  const where = p.line === undefined ? p.source : `${p.source}:${p.line}`;
  const record = p.id !== undefined ? ` record "${p.id}"` : p.record !== undefined ? ` record #${p.record}` : '';
  const field = p.field && p.field.length > 0 ? `${formatFieldPath(p.field)}: ` : '';
  return `${where}${record}: ${field}${p.message}`;
}
