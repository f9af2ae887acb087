import { convertClaimReview } from '../import/convertClaimReview.js';
import { convertJson, isMapping } from '../import/convertJson.js';
import { findClaimReviews } from '../import/findClaimReviews.js';
import type { Conversion, ImportedRecord } from '../import/importedRecord.js';
import { formatImportProblem } from '../import/importProblem.js';
import { validateImport } from '../import/validateImport.js';
import { parseSource } from '../parseSource.js';
import { stripBom } from '../readDebunkFiles.js';
import type { Debunk } from '../schema.js';
import { replyLanguage } from '../../engine/language.js';

/** What a feed gave: the entries that validated, and one line per record (or file problem) skipped. */
export interface ParsedFeed {
  debunks: Debunk[];
  problems: string[];
  /** The feed could not be read at all (not JSON or YAML, no entries): nothing in it is used. */
  unreadable: boolean;
}

/** Longest id part kept from a feed's own ids, so `name.id` stays within the schema's 80 characters. */
const MAX_ID = 80;

/**
 * Reads a debunk feed: ClaimReview JSON-LD (one, a list, `@graph`, or a schema.org DataFeed) or
 * RumorGuard's own JSON/YAML (a list of entries or `{ debunks: [...] }`). Each record is validated
 * like a file's entry; a bad record is reported and skipped, the others are used. Ids are put
 * under the feed's name (`factcheck.5g-towers`), so two feeds never collide. Never throws.
 */
export function parseFeed(name: string, text: string, source: string): ParsedFeed {
  const body = stripBom(text);
  const conversion = convert(body, source);
  const records = conversion.records.map((r): ImportedRecord => ({ ...r, entry: withLanguage(typeof r.entry.id === 'string' ? { ...r.entry, id: `${name}.${r.entry.id}`.slice(0, MAX_ID) } : r.entry) }));
  const checked = validateImport(records, { source, existing: new Map() });
  const bad = new Set(checked.problems.flatMap((p) => (p.id !== undefined ? [p.id] : [])));
  const debunks = checked.debunks
    .filter((d) => !bad.has(d.id))
    .map((d) => (d.id.startsWith(`${name}.`) ? d : { ...d, id: `${name}.${d.id}`.slice(0, MAX_ID) }));
  const problems = [...conversion.problems, ...checked.problems].map(formatImportProblem);
  return { debunks, problems, unreadable: conversion.records.length === 0 };
}

/** Feeds often leave out the language: the claim's own script tells it (Chinese or English). */
function withLanguage(entry: Record<string, unknown>): Record<string, unknown> {
  if (typeof entry.lang === 'string' && entry.lang !== '') return entry;
  return typeof entry.claim === 'string' ? { ...entry, lang: replyLanguage('auto', entry.claim) } : entry;
}

function convert(text: string, source: string): Conversion {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const parsed = parseSource(text, 'json');
    if (parsed.ok && findClaimReviews(parsed.source.data).length > 0) return convertClaimReview(text, source);
    return convertJson(text, source);
  }
  // RumorGuard YAML: the same shapes as a debunk file.
  const parsed = parseSource(text, 'yaml');
  if (!parsed.ok) return { records: [], problems: parsed.errors.map((e) => ({ source, line: e.line, message: e.message })) };
  const { data, lineOf } = parsed.source;
  const entries = isMapping(data) && Array.isArray(data.debunks) ? data.debunks : data;
  const base = isMapping(data) && Array.isArray(data.debunks) ? ['debunks'] : [];
  if (!Array.isArray(entries)) return { records: [], problems: [{ source, line: 1, message: 'expected a list of entries, ClaimReview JSON-LD, or { debunks: [...] }' }] };
  const records = entries.map((raw, i): ImportedRecord => {
    const at = [...base, i];
    if (!isMapping(raw)) return { record: i + 1, line: lineOf(at), entry: {}, notes: [{ message: 'expected an entry' }] };
    // YAML reads an unquoted `verdict: false` as the boolean false, as the folder loader knows too.
    const entry = raw.verdict === false ? { ...raw, verdict: 'false' } : { ...raw };
    return { record: i + 1, line: lineOf(at), entry, notes: [], lineOf: (field) => lineOf([...at, ...field]) };
  });
  return { records, problems: [] };
}
