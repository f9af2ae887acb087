import { convertClaimReview } from './convertClaimReview.js';
import { convertCsv } from './convertCsv.js';
import { convertJson } from './convertJson.js';
import type { Converter } from './importedRecord.js';

/** The input formats `db import` reads, each with its converter. */
export const IMPORT_FORMATS = {
  /** A spreadsheet export with a header row; see `CSV_COLUMNS`. */
  csv: convertCsv,
  /** A list of entries in the database's own field names, or `{ "debunks": [...] }`. */
  json: convertJson,
  /** schema.org ClaimReview JSON-LD, as fact-checkers publish it. */
  claimreview: convertClaimReview,
} as const satisfies Record<string, Converter>;

export type ImportFormat = keyof typeof IMPORT_FORMATS;

export const IMPORT_FORMAT_NAMES = Object.keys(IMPORT_FORMATS) as ImportFormat[];
