import { parse } from 'csv-parse/sync';
import type { Info } from 'csv-parse/sync';
import type { EvalProblem } from './types.js';

/** What csv-parse emits per record with `info` and `raw` on; its typings do not model these options. */
interface RecordWithInfo {
  record: string[];
  info: Info;
  raw: string;
}

/** One record of a TSV file and the line it starts on. */
export interface TsvRow {
  /** 1-based line of the record's first character (records may span lines). */
  line: number;
  fields: string[];
}

export interface ParsedTsv {
  rows: TsvRow[];
  problems: EvalProblem[];
}

/**
 * Parses tab-separated text with CSV-style quoting (`"a ""b"""`, quoted newlines), as the CLEF
 * CheckThat! files are written. Records with the wrong number of fields are reported and skipped.
 *
 * @param text - the file's content
 * @param file - the file name used in problems
 * @param columns - how many fields every record must have
 * @param hasHeader - drop the first record
 */
export function parseTsv(text: string, file: string, columns: number, hasHeader: boolean): ParsedTsv {
  const problems: EvalProblem[] = [];
  const records = parse(text, {
    delimiter: '\t',
    // Stray quotes inside unquoted fields (`5" screen`) are common in tweets.
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    bom: true,
    info: true,
    raw: true,
    skip_records_with_error: true,
    on_skip: (error, raw) => {
      const end = typeof error?.lines === 'number' ? error.lines : 0;
      problems.push({ file, line: startLine(end, raw ?? ''), message: error?.message ?? 'unreadable record' });
      return undefined;
    },
  }) as unknown as RecordWithInfo[];
  const rows: TsvRow[] = [];
  for (const [index, { record, info, raw }] of records.entries()) {
    if (hasHeader && index === 0) continue;
    const line = startLine(info.lines, raw);
    if (record.length !== columns) {
      problems.push({ file, line, message: `expected ${columns} tab-separated fields, found ${record.length}` });
      continue;
    }
    rows.push({ line, fields: record });
  }
  return { rows, problems };
}

/** csv-parse counts the line a record ends on; its raw text says how many lines it spans. */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '');
  return endLine - (body.match(/\n/g)?.length ?? 0);
}
