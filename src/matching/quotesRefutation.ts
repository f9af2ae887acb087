import type { Debunk } from '../debunks/schema.js';
import { normalizedText } from './normalize.js';
import { tokenize } from './tokenize.js';

/**
 * Whether a term occurs in the debunk's claim or variants. The matcher answers from its index
 * (`debunkHasTerm`): reading the claim texts again cost more than the refutation itself.
 */
export type ClaimTermTest = (d: Debunk, term: string) => boolean;

/**
 * Where each debunk's refutation terms are kept once computed (see termsOf). They depend on the
 * debunk's texts alone, so any cache keyed by the debunk will do: the matcher keeps them by the
 * debunk's place in its index, which costs less than a WeakMap entry per debunk.
 */
export interface RefutationTermCache {
  get(d: Debunk): readonly string[] | undefined;
  set(d: Debunk, terms: readonly string[]): void;
}

/** The cache when the caller brings none: once per debunk object. */
const refutationTerms: RefutationTermCache = new WeakMap<Debunk, readonly string[]>();

/**
 * The refutation's own terms, each once: those of the claim and its variants are left out, since
 * a message that repeats the claim holds them anyway (and some databases restate the claim as the
 * refutation).
 */
function termsOf(d: Debunk, isClaimTerm: ClaimTermTest, cache: RefutationTermCache): readonly string[] {
  let terms = cache.get(d);
  if (!terms) {
    const texts = typeof d.refutation === 'string' ? [d.refutation] : Object.values(d.refutation);
    // Each distinct term is tested once, in order of first occurrence.
    const all = new Set<string>();
    for (const text of texts) for (const token of tokenize(normalizedText(text))) all.add(token.term);
    const own: string[] = [];
    for (const t of all) if (!isClaimTerm(d, t)) own.push(t);
    cache.set(d, own);
    terms = own;
  }
  return terms;
}

/** Share of a refutation's terms a message must contain to count as quoting it. */
const QUOTE_SHARE = 0.6;
/** A refutation with fewer terms of its own is too short to tell a quote from chance. */
const MIN_TERMS = 4;

/**
 * Whether the message has enough terms outside the claim to quote any refutation (which needs
 * MIN_TERMS · QUOTE_SHARE of them at least): a message that repeats the claim with a word or two
 * around it is told apart without reading the refutation of a debunk seen for the first time.
 */
function mayQuote(messageTerms: ReadonlySet<string>, d: Debunk, isClaimTerm: ClaimTermTest): boolean {
  let outside = 0;
  for (const t of messageTerms) {
    if (!isClaimTerm(d, t) && ++outside >= MIN_TERMS * QUOTE_SHARE) return true;
  }
  return false;
}

/** True when the message (its set of terms) quotes most of the debunk's own refutation text. */
export function quotesRefutation(
  messageTerms: ReadonlySet<string>,
  d: Debunk,
  isClaimTerm: ClaimTermTest,
  cache: RefutationTermCache = refutationTerms,
): boolean {
  if (cache.get(d) === undefined && !mayQuote(messageTerms, d, isClaimTerm)) return false;
  const wanted = termsOf(d, isClaimTerm, cache);
  if (wanted.length < MIN_TERMS) return false;
  const have = messageTerms;
  let found = 0;
  for (const t of wanted) if (have.has(t)) found++;
  return found / wanted.length >= QUOTE_SHARE;
}
