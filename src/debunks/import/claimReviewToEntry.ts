import type { DataPath } from '../parseSource.js';
import { isMapping } from './convertJson.js';
import type { RecordNote } from './importedRecord.js';
import { describeRatingWords, ratingVerdict } from './ratingVerdict.js';

/** The database's limit on a refutation; longer review texts are cut to it. */
export const MAX_REFUTATION_LENGTH = 1000;

/** Where a ClaimReview may say why the claim is rated as it is, as the problem lists them. */
const REVIEW_TEXT_FIELDS = 'description, reviewBody, headline, name or reviewRating.ratingExplanation';

/**
 * Converts one schema.org ClaimReview into an entry in the database's field names. The
 * `itemReviewed.appearance` / `firstAppearance` links are left out on purpose: they point at the
 * rumor itself, and a source must be where the refutation can be read.
 */
export function claimReviewToEntry(review: Readonly<Record<string, unknown>>): { entry: Record<string, unknown>; notes: RecordNote[] } {
  const notes: RecordNote[] = [];
  const rating = ratingWord(review.reviewRating);
  const verdict = rating === undefined ? undefined : ratingVerdict(rating.word);
  if (rating === undefined) {
    notes.push({ field: ['verdict'], message: 'no rating: expected reviewRating.alternateName, such as "False"' });
  } else if (verdict === undefined) {
    notes.push({
      field: ['verdict'],
      message: `unknown rating "${rating.word}" in reviewRating.${rating.from}; accepted: ${describeRatingWords()}`,
    });
  }
  const publisher = authorName(review.author);
  const published = dateOf(review.datePublished);
  const headline = text(review.headline) ?? text(review.name);
  const explanation = text(review.description) ?? text(review.reviewBody) ?? headline ?? ratingExplanation(review.reviewRating, rating);
  // The rating alone ("False") tells members nothing the verdict does not: without any text of
  // the review's, the record is refused, as a record without a claim is.
  if (explanation === undefined) notes.push({ field: ['refutation'], message: `no review text: expected ${REVIEW_TEXT_FIELDS}, to tell members why the claim is rated as it is` });
  const refutation = explanation === undefined ? '' : [rating?.word, explanation].filter((part) => part !== undefined).join(' — ');

  const source = withoutUndefined({
    title: headline ?? (publisher !== undefined ? `Fact check by ${publisher}` : undefined),
    url: text(review.url),
    publisher,
    date: published,
  });
  const entry = withoutUndefined({
    claim: text(review.claimReviewed),
    verdict,
    refutation: refutation === '' ? undefined : cut(refutation, MAX_REFUTATION_LENGTH),
    sources: [source],
    lang: languageOf(review.inLanguage),
    published,
  });
  return { entry, notes };
}

/** Where in a ClaimReview the value of a database field came from, to point problems at its line. */
export function claimReviewPathOf(field: DataPath): DataPath {
  const [top, , sourceField] = field;
  if (top === 'sources') {
    const from: Record<string, string> = { title: 'headline', url: 'url', publisher: 'author', date: 'datePublished' };
    return typeof sourceField === 'string' && from[sourceField] ? [from[sourceField]] : [];
  }
  const from: Record<string, string> = {
    claim: 'claimReviewed',
    verdict: 'reviewRating',
    refutation: 'description',
    lang: 'inLanguage',
    published: 'datePublished',
  };
  return typeof top === 'string' && from[top] ? [from[top]] : [];
}

/** The rating's word: `alternateName`, else `ratingExplanation`, else `name`. */
function ratingWord(value: unknown): { word: string; from: string } | undefined {
  const rating = Array.isArray(value) ? value[0] : value;
  if (!isMapping(rating)) return undefined;
  for (const from of ['alternateName', 'ratingExplanation', 'name']) {
    const word = text(rating[from]);
    if (word !== undefined) return { word, from };
  }
  return undefined;
}

/** The rating's explanation, when it is not already the rating's word (see ratingWord). */
function ratingExplanation(value: unknown, rating: { from: string } | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return isMapping(first) && rating?.from !== 'ratingExplanation' ? text(first.ratingExplanation) : undefined;
}

/** `author` may be an Organization or Person, a list of them, or plain text. */
function authorName(value: unknown): string | undefined {
  const author = Array.isArray(value) ? value[0] : value;
  return isMapping(author) ? text(author.name) : text(author);
}

/** Feeds give `2020-04-01T09:30:00+08:00`; the database wants the calendar date as published. */
function dateOf(value: unknown): string | undefined {
  const date = text(value);
  return date !== undefined && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : date;
}

/** `inLanguage` is a tag (`en`, `zh-CN`, sometimes `EN` or `zh_CN`) or a Language node. */
function languageOf(value: unknown): string | undefined {
  const tag = isMapping(value) ? (text(value.alternateName) ?? text(value.name)) : text(value);
  return tag?.replace(/_/g, '-').replace(/^[A-Za-z]+/, (primary) => primary.toLowerCase());
}

/** At most `max` UTF-16 units, ending in "…", without splitting a surrogate pair. */
export function cut(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max - 1;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${value.slice(0, end)}…`;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}
