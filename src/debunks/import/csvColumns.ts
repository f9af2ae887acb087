import type { RecordNote } from './importedRecord.js';

/** Columns a debunk CSV may have, besides `refutation_<lang>`. */
export const CSV_COLUMNS = [
  'id',
  'claim',
  'variants',
  'verdict',
  'refutation',
  'source_title',
  'source_url',
  'source_publisher',
  'source_date',
  'tags',
  'severity',
  'lang',
  'published',
  'expires',
] as const;

/** Columns without which no row can become a debunk; a refutation column is needed as well. */
const REQUIRED_COLUMNS = ['claim', 'verdict', 'source_title', 'source_url', 'published'] as const;

/** Separates the items of a list cell (`variants`, `tags`): commas are common inside phrases. */
export const LIST_SEPARATOR = '|';

const PER_LANGUAGE_REFUTATION = /^refutation_(.+)$/;

/** Column names as they will be looked up: trimmed, lowercase except a refutation's language tag (`zh-Hant`). */
export function columnKey(header: string): string {
  const trimmed = header.trim();
  const perLanguage = /^refutation_(.+)$/i.exec(trimmed);
  return perLanguage ? `refutation_${perLanguage[1]}` : trimmed.toLowerCase();
}

/** Everything wrong with a header row: unknown, repeated and missing columns. */
export function checkCsvHeader(columns: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column)) problems.push(`column "${column}" appears twice`);
    seen.add(column);
    if (!(CSV_COLUMNS as readonly string[]).includes(column) && !PER_LANGUAGE_REFUTATION.test(column)) {
      problems.push(`unknown column "${column}": the columns are ${CSV_COLUMNS.join(', ')} and refutation_<lang> such as refutation_en`);
    }
  }
  for (const column of REQUIRED_COLUMNS) if (!seen.has(column)) problems.push(`missing column "${column}"`);
  if (![...seen].some((c) => c === 'refutation' || PER_LANGUAGE_REFUTATION.test(c))) {
    problems.push('missing column "refutation" (or one per language such as "refutation_en")');
  }
  return problems;
}

/**
 * Turns one row (column → cell) into an entry in the database's field names. Empty cells are left
 * out, so the schema's defaults and "required" messages apply as they do in YAML files.
 */
export function csvRowToEntry(row: Readonly<Record<string, string>>): { entry: Record<string, unknown>; notes: RecordNote[] } {
  const cell = (column: string): string | undefined => {
    const value = row[column]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const list = (column: string): string[] | undefined =>
    cell(column)
      ?.split(LIST_SEPARATOR)
      .map((item) => item.trim())
      .filter((item) => item !== '');
  const notes: RecordNote[] = [];
  const entry: Record<string, unknown> = {
    id: cell('id'),
    claim: cell('claim'),
    variants: list('variants'),
    // Spreadsheets turn "false" into FALSE; case carries no meaning in these two fields.
    verdict: cell('verdict')?.toLowerCase(),
    refutation: refutationOf(row, cell, notes),
    sources: sourcesOf(cell),
    tags: list('tags'),
    severity: cell('severity')?.toLowerCase(),
    lang: cell('lang'),
    published: cell('published'),
    expires: cell('expires'),
  };
  return { entry: withoutUndefined(entry), notes };
}

function refutationOf(
  row: Readonly<Record<string, string>>,
  cell: (column: string) => string | undefined,
  notes: RecordNote[],
): string | Record<string, string> | undefined {
  const perLanguage: Record<string, string> = {};
  for (const column of Object.keys(row)) {
    const lang = PER_LANGUAGE_REFUTATION.exec(column)?.[1];
    const text = cell(column);
    if (lang !== undefined && text !== undefined) perLanguage[lang] = text;
  }
  const single = cell('refutation');
  if (single === undefined) return Object.keys(perLanguage).length > 0 ? perLanguage : undefined;
  if (Object.keys(perLanguage).length > 0) {
    notes.push({ field: ['refutation'], message: 'fill either "refutation" or the "refutation_<lang>" columns, not both' });
  }
  return single;
}

/** One source from the `source_*` cells; none at all when they are all empty. */
function sourcesOf(cell: (column: string) => string | undefined): Record<string, string>[] {
  const source = withoutUndefined({
    title: cell('source_title'),
    url: cell('source_url'),
    publisher: cell('source_publisher'),
    date: cell('source_date'),
  });
  return Object.keys(source).length > 0 ? [source as Record<string, string>] : [];
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}
