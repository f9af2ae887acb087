import type { Debunk } from '../debunks/schema.js';
import { quotesRefutation } from './quotesRefutation.js';
import { findRefutationCues } from './refutationCues.js';
import { canonicalUrl } from './urls.js';

/**
 * Why a message refutes rather than spreads: refutation words anywhere in it, a link to a
 * source of a matched debunk, or a quote of that debunk's own refutation text.
 */
export function refutationCues(normalized: string, urls: readonly string[], matched: readonly Debunk[]): string[] {
  const cues = findRefutationCues(normalized);
  const links = urls.map(canonicalUrl);
  for (const d of matched) {
    for (const s of d.sources) {
      const source = canonicalUrl(s.url);
      // A bare home page ("who.int") is too broad to count; a page on it is specific.
      const cited = source.includes('/') && links.some((u) => u === source || u.startsWith(`${source}/`));
      if (cited) cues.push(`source:${s.url}`);
    }
    if (quotesRefutation(normalized, d)) cues.push(`refutation:${d.id}`);
  }
  return cues;
}
