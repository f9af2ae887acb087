import { parseSource } from '../parseSource.js';
import { claimReviewPathOf, claimReviewToEntry } from './claimReviewToEntry.js';
import { stripBom } from '../readDebunkFiles.js';
import { findClaimReviews } from './findClaimReviews.js';
import type { Conversion, ImportedRecord } from './importedRecord.js';

/** Reads schema.org ClaimReview JSON-LD: one review, a list of reviews, or a `@graph` holding them. */
export function convertClaimReview(text: string, source: string): Conversion {
  const parsed = parseSource(stripBom(text), 'json');
  if (!parsed.ok) return { records: [], problems: parsed.errors.map((e) => ({ source, line: e.line, message: e.message })) };
  const { data, lineOf } = parsed.source;
  const found = findClaimReviews(data);
  if (found.length === 0) {
    const message = 'no ClaimReview found: expected an object with "@type": "ClaimReview", a list of them, or "@graph" holding them';
    return { records: [], problems: [{ source, line: 1, message }] };
  }
  const records = found.map(({ review, path }, i): ImportedRecord => ({
    record: i + 1,
    line: lineOf(path),
    ...claimReviewToEntry(review),
    lineOf: (field) => lineOf([...path, ...claimReviewPathOf(field)]),
  }));
  return { records, problems: [] };
}
