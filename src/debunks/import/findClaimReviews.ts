import type { DataPath } from '../parseSource.js';
import { isMapping } from './convertJson.js';

/** A ClaimReview node found in a JSON-LD document, with where it sits. */
export interface FoundReview {
  review: Record<string, unknown>;
  path: DataPath;
}

/**
 * Every ClaimReview in a JSON-LD document as fact-checkers publish it: a single object, a list,
 * `@graph` (also nested), or a schema.org DataFeed (`dataFeedElement`, DataFeedItem `item`). Other nodes of a graph (the WebPage, the Organization) are skipped.
 */
export function findClaimReviews(data: unknown, path: DataPath = []): FoundReview[] {
  if (Array.isArray(data)) return data.flatMap((item, i) => findClaimReviews(item, [...path, i]));
  if (!isMapping(data)) return [];
  if (isClaimReview(data)) return [{ review: data, path }];
  // A schema.org DataFeed lists its items under `dataFeedElement`; a DataFeedItem holds one under `item`.
  return ['@graph', 'dataFeedElement', 'item'].flatMap((key) => (data[key] === undefined ? [] : findClaimReviews(data[key], [...path, key])));
}

/** `@type` may be a list, and may be written as a full IRI or with a prefix (`schema:ClaimReview`). */
function isClaimReview(node: Record<string, unknown>): boolean {
  const types: unknown[] = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  return types.some((t) => typeof t === 'string' && /(^|[/:#])ClaimReview$/.test(t));
}
