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

/**
 * Sites whose pages check claims: a link to one beside a rumor answers it, whichever page it is.
 * Hosts as canonicalUrl writes them; a subdomain counts ("factcheck.afp.com").
 */
const FACT_CHECK_SITES = [
  'snopes.com', 'factcheck.org', 'politifact.com', 'fullfact.org', 'factcheck.afp.com', 'leadstories.com', 'checkyourfact.com',
  'piyao.org.cn', 'tfc-taiwan.org.tw', 'mygopen.com', 'factcheck.kz',
];

/** The host of a canonical link ("who.int/news-room/…" → "who.int"). */
const hostOf = (link: string): string => link.split('/', 1)[0]!;
const onSite = (host: string, site: string): boolean => host === site || host.endsWith(`.${site}`);

/**
 * Cues for the debunk's sources that the message links to (`links` canonical): the page itself, or
 * another page of a source's site ("who.int/news-room/fact-sheets" beside a rumor WHO's myth
 * busters answer), or a fact-checking site.
 */
function citedSources(d: Debunk, links: readonly string[]): string[] {
  const cues: string[] = [];
  const hosts = links.filter((u) => u.includes('/')).map(hostOf);
  for (const s of d.sources) {
    const source = canonicalUrl(s.url);
    // A bare home page ("who.int") is too broad to count; a page on it is specific.
    if (!source.includes('/')) continue;
    if (links.some((u) => u === source || u.startsWith(`${source}/`))) cues.push(`source:${s.url}`);
    else if (hosts.some((h) => h === hostOf(source))) cues.push(`source site:${hostOf(source)}`);
  }
  for (const h of hosts) {
    const site = FACT_CHECK_SITES.find((f) => onSite(h, f));
    if (site) cues.push(`fact check:${site}`);
  }
  return [...new Set(cues)];
}
