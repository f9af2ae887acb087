import { CsvError, parse } from 'csv-parse/sync';
import { checkCsvHeader, columnKey, csvRowToEntry } from './csvColumns.js';
import type { Conversion, ImportedRecord } from './importedRecord.js';

interface ParsedRow {
  record: string[];
  /** Bytes (UTF-8) read when the row ended, its line break included. */
  info: { bytes: number };
}

/**
 * Reads a CSV with a header row (see `CSV_COLUMNS`). Every row becomes a record; rows whose
 * cells are all empty (spreadsheets export them) are skipped.
 */
export function convertCsv(text: string, source: string): Conversion {
  let rows: ParsedRow[];
  try {
    rows = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as ParsedRow[];
  } catch (err) {
    const line = err instanceof CsvError && typeof err.lines === 'number' ? err.lines : undefined;
    return { records: [], problems: [{ source, ...(line !== undefined ? { line } : {}), message: errorMessage(err) }] };
  }
  const lines = startLines(text, rows);
  const [header, ...body] = rows.map((row, i) => ({ cells: row.record, line: lines[i]! }));
  if (header === undefined) return { records: [], problems: [{ source, message: 'empty file: expected a header row and one row per debunk' }] };

  const columns = header.cells.map(columnKey);
  const headerProblems = checkCsvHeader(columns);
  if (headerProblems.length > 0) return { records: [], problems: headerProblems.map((message) => ({ source, line: header.line, message })) };

  const records = body
    .filter((row) => row.cells.some((c) => c.trim() !== ''))
    .map(({ cells, line }, i): ImportedRecord => {
      if (cells.length !== columns.length) {
        return { record: i + 1, line, entry: {}, notes: [{ message: `has ${cells.length} fields, the header has ${columns.length}` }] };
      }
      return { record: i + 1, line, ...csvRowToEntry(Object.fromEntries(columns.map((column, c) => [column, cells[c]!]))) };
    });
  return { records, problems: [] };
}

/**
 * The line each row starts on. csv-parse's own line count drifts on CRLF inside quoted cells, but
 * its byte offsets are exact: a row starts after the previous one ends, past any blank lines.
 */
function startLines(text: string, rows: readonly ParsedRow[]): number[] {
  const bytes = Buffer.from(text, 'utf8');
  const lines: number[] = [];
  let offset = 0;
  let line = 1;
  for (const row of rows) {
    while (offset < bytes.length && (bytes[offset] === 0x0a || bytes[offset] === 0x0d)) {
      if (bytes[offset] === 0x0a) line++;
      offset++;
    }
    lines.push(line);
    for (; offset < row.info.bytes && offset < bytes.length; offset++) if (bytes[offset] === 0x0a) line++;
  }
  return lines;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
