import Fuse, { type IFuseOptions } from 'fuse.js';
import type { Debunk } from '../../debunks/schema.js';
import { normalize } from '../../matching/normalize.js';

/** One entry found by {@link searchDebunks}; `score` is fuse.js's: 0 is a perfect match, 1 none at all. */
export interface SearchHit {
  id: string;
  score: number;
  claim: string;
}

/**
 * fuse.js settings for ranking what the admin's lookup found. Token search scores each word of
 * the query on its own; the claim counts most, then its variants, then the id, tags and
 * refutations. fuse.js decides the order only, never what is listed: its token search returns
 * every entry that shares as much as a letter with the query (see {@link matchesQuery}).
 */
const SEARCH_OPTIONS: IFuseOptions<SearchDocument> = {
  keys: [
    { name: 'claim', weight: 3 },
    { name: 'id', weight: 1 },
    { name: 'variants', weight: 2 },
    { name: 'tags', weight: 1 },
    { name: 'refutations', weight: 1 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.4,
  useTokenSearch: true,
  tokenize: searchTokens,
};

/** A debunk's searchable texts, folded by the normalizer. */
interface SearchDocument {
  id: string;
  claim: string;
  variants: string[];
  tags: string[];
  refutations: string[];
}

/**
 * Finds the entries that match the query by id, claim, variants, tags or refutation texts, best
 * first; none when no entry does. This is a lookup tool for the people who keep the database, not
 * the matcher: both sides are folded by the matcher's normalizer (case, fullwidth letters,
 * look-alikes, traditional characters, "5 G t0wers"), and an entry matches when it has every
 * word of the query (see {@link matchesQuery}). An entry whose id is the query comes first.
 */
export function searchDebunks(debunks: readonly Debunk[], query: string, limit: number): SearchHit[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const documents = debunks.map((d): SearchDocument => ({
    id: fold(d.id),
    claim: fold(d.claim),
    variants: d.variants.map(fold),
    tags: d.tags.map(fold),
    refutations: (typeof d.refutation === 'string' ? [d.refutation] : Object.values(d.refutation)).map(fold),
  }));
  const matching = documents.flatMap((document, i) => (matchesQuery(document, words) ? [i] : []));
  if (matching.length === 0) return [];
  const exactId = query.trim().toLowerCase();
  const scores = new Map<number, number>();
  const fuse = new Fuse(matching.map((i) => documents[i]!), SEARCH_OPTIONS);
  for (const result of fuse.search(words.join(' '))) scores.set(matching[result.refIndex]!, result.score ?? 0);
  // An entry fuse.js did not score (found by its id alone) after those it did.
  const scoreOf = (i: number) => (debunks[i]!.id === exactId ? -1 : (scores.get(i) ?? 1));
  return [...matching]
    .sort((a, b) => scoreOf(a) - scoreOf(b) || a - b)
    .slice(0, limit)
    .map((i) => ({ id: debunks[i]!.id, score: Math.max(0, scoreOf(i)), claim: debunks[i]!.claim }));
}

/**
 * The query as words to look for, folded as the entries are ("b a n a n a s" is one word), cut
 * where the script changes ("5g基站" is "5g" and "基站") and where the query had a space between
 * two Chinese characters: folding joins them, but "海灘 走失" is two words.
 */
function queryWords(query: string): string[] {
  const { text, origin } = normalize(query);
  const words: string[] = [];
  for (const match of text.matchAll(/\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu)) {
    const [run] = match;
    if (!/\p{Script=Han}/u.test(run)) {
      words.push(run);
      continue;
    }
    let from = 0;
    for (let j = 1; j < run.length; j++) {
      const between = query.slice(origin[match.index + j - 1]! + 1, origin[match.index + j]!);
      if (/\s/.test(between)) {
        words.push(run.slice(from, j));
        from = j;
      }
    }
    words.push(run.slice(from));
  }
  return words;
}

/** The fewest letters a word needs before a misspelling of it is still found ("garlik"). */
const FUZZY_MIN_LENGTH = 5;

/**
 * Whether an entry has every word of the query somewhere in its texts: a word of letters and
 * digits as part of one of its words ("virus" in "coronavirus"), or, from FUZZY_MIN_LENGTH letters
 * on, with one letter wrong, missing, extra or swapped ("garlik", "chargeing"); a single letter or
 * digit only as a word of its own (the normalizer reads "zzzz" as "z"); Chinese, written without
 * spaces, as a run of the text, or with all but one of its character pairs in the text ("走失女孩"
 * finds "走失的4岁女孩").
 */
function matchesQuery(document: SearchDocument, words: readonly string[]): boolean {
  const texts = [document.id, document.claim, ...document.variants, ...document.tags, ...document.refutations];
  const all = texts.join('\n');
  const entryWords = new Set(all.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== ''));
  return words.every((word) => {
    if (/\p{Script=Han}/u.test(word)) {
      if (all.includes(word)) return true;
      const pairs = searchTokens(word);
      return pairs.length >= 3 && pairs.filter((pair) => all.includes(pair)).length >= pairs.length - 1;
    }
    if (word.length === 1) return entryWords.has(word);
    if (all.includes(word)) return true;
    if (word.length < FUZZY_MIN_LENGTH) return false;
    for (const w of entryWords) if (Math.abs(w.length - word.length) <= 1 && withinOneEdit(word, w)) return true;
    return false;
  });
}

/** Whether two words differ by at most one letter changed, added, removed, or two neighbours swapped. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i);
  const restB = b.slice(i);
  if (restA.slice(1) === restB.slice(1)) return true; // changed
  if (restA.slice(1) === restB || restA === restB.slice(1)) return true; // extra or missing
  return restA.length >= 2 && restA[0] === restB[1] && restA[1] === restB[0] && restA.slice(2) === restB.slice(2); // swapped
}

function fold(text: string): string {
  return normalize(text).text;
}

/**
 * Words of Latin, Cyrillic… letters and digits, and for Chinese (written without spaces) every
 * pair of neighbouring characters: a partial query shares pairs with the claim it comes from.
 */
export function searchTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const [run] of text.matchAll(/\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu)) {
    if (!/\p{Script=Han}/u.test(run)) tokens.push(run);
    else if (run.length === 1) tokens.push(run);
    else for (let i = 0; i + 1 < run.length; i++) tokens.push(run.slice(i, i + 2));
  }
  return tokens;
}
