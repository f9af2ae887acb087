import type { Debunk } from '../debunks/schema.js';
import { quotesRefutation, type ClaimTermTest, type RefutationTermCache } from './quotesRefutation.js';
import type { PreparedMessage } from './prepareMessage.js';
import { canonicalUrl } from './urls.js';

/**
 * Refutations the words alone do not show: a link to a source of a matched debunk, or a quote of
 * that debunk's own refutation text (the words are read by stance/readStance.ts).
 */
export function refutationCues(
  message: PreparedMessage,
  matched: readonly Debunk[],
  isClaimTerm: ClaimTermTest,
  cache?: RefutationTermCache,
): string[] {
  const cues: string[] = [];
  if (matched.length === 0) return cues;
  const urls = message.urls;
  const terms = new Set<string>();
  for (const t of message.tokens) terms.add(t.term);
  const links = urls.map(canonicalUrl);
  for (const d of matched) {
    // Without a link in the message no source is cited (and canonicalizing one takes four regexes).
    if (links.length > 0) cues.push(...citedSources(d, links));
    if (quotesRefutation(terms, d, isClaimTerm, cache)) cues.push(`refutation:${d.id}`);
  }
  return cues;
}

/** Cues for the debunk's sources that the message links to (`links` canonical). */
function citedSources(d: Debunk, links: readonly string[]): string[] {
  const cues: string[] = [];
  for (const s of d.sources) {
    const source = canonicalUrl(s.url);
    // A bare home page ("who.int") is too broad to count; a page on it is specific.
    const cited = source.includes('/') && links.some((u) => u === source || u.startsWith(`${source}/`));
    if (cited) cues.push(`source:${s.url}`);
  }
  return cues;
}
