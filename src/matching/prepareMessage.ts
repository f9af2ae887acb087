import { normalize } from './normalize.js';
import type { PhraseIndex } from './phraseIndex.js';
import { stem, tokenize, type Token } from './tokenize.js';
import { blankUrls, findUrls } from './urls.js';
import type { TermPositions } from './bestWindow.js';

/** A message made ready for matching against one index. */
export interface PreparedMessage {
  /** The text as read (cut to the length limit). */
  text: string;
  urls: string[];
  normalized: string;
  origin: Int32Array;
  tokens: Token[];
  /** Positions (token indices) of every term the index knows. */
  positions: TermPositions;
  /** The keys of `positions` in the same order (first occurrence; compounds last): the query. */
  terms: number[];
}

/** Cuts, strips links, normalizes and tokenizes a message: the work shared by both stages. */
export function prepareMessage(raw: string, index: PhraseIndex, maxChars: number): PreparedMessage {
  const text = raw.length > maxChars ? raw.slice(0, maxChars) : raw;
  const links = findUrls(text);
  const { text: normalized, origin } = normalize(blankUrls(text, links));
  const tokens = tokenize(normalized);
  const positions = new Map<number, number[]>();
  const terms: number[] = [];
  for (let at = 0; at < tokens.length; at++) {
    const id = index.termIds.get(tokens[at]!.term);
    if (id === undefined) continue;
    const list = positions.get(id);
    if (list) list.push(at);
    else {
      positions.set(id, [at]);
      terms.push(id);
    }
  }
  addCompounds(normalized, tokens, index, positions, terms);
  return { text, urls: links.map((l) => l.url), normalized, origin, tokens, positions, terms };
}

const LATIN_WORD = /^[a-z]+$/;

/**
 * "corona-virus", "face book": two neighbouring words that the database writes as one word count
 * as that word too (at the first one's position).
 */
function addCompounds(
  normalized: string,
  tokens: readonly Token[],
  index: PhraseIndex,
  positions: Map<number, number[]>,
  terms: number[],
): void {
  for (let at = 0; at + 1 < tokens.length; at++) {
    const a = tokens[at]!;
    const b = tokens[at + 1]!;
    if (b.start !== a.end + 1) continue;
    const joined = normalized.slice(a.start, a.end) + normalized.slice(b.start, b.end);
    if (!LATIN_WORD.test(joined)) continue;
    const id = index.termIds.get(stem(joined));
    if (id === undefined) continue;
    const list = positions.get(id);
    if (!list) {
      positions.set(id, [at]);
      terms.push(id);
    } else if (!list.includes(at)) list.push(at);
  }
}
