import { describeValue } from '../describeIssues.js';
import { parseSource, type DataPath } from '../parseSource.js';
import { stripBom } from '../readDebunkFiles.js';
import type { Conversion, ImportedRecord } from './importedRecord.js';

/**
 * Reads a JSON export in the database's own field names: a list of entries, or
 * `{ "debunks": [...] }`. Entries are taken as they are; validation reports what is wrong.
 */
export function convertJson(text: string, source: string): Conversion {
  const parsed = parseSource(stripBom(text), 'json');
  if (!parsed.ok) return { records: [], problems: parsed.errors.map((e) => ({ source, line: e.line, message: e.message })) };
  const { data, lineOf } = parsed.source;

  const [base, entries]: [DataPath, unknown] = isMapping(data) && Object.hasOwn(data, 'debunks') ? [['debunks'], data.debunks] : [[], data];
  if (!Array.isArray(entries)) {
    const message = `expected a list of entries, or { "debunks": [...] } (got ${describeValue(entries)})`;
    return { records: [], problems: [{ source, line: lineOf(base), message }] };
  }
  const records = entries.map((raw, i): ImportedRecord => {
    const at = [...base, i];
    const line = lineOf(at);
    if (!isMapping(raw)) return { record: i + 1, line, entry: {}, notes: [{ message: `expected an entry (got ${describeValue(raw)})` }] };
    return { record: i + 1, line, entry: { ...raw }, notes: [], lineOf: (field) => lineOf([...at, ...field]) };
  });
  return { records, problems: [] };
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
