import { normalize } from './normalize.js';
import type { PhraseIndex } from './phraseIndex.js';
import { stem, tokenize, type Token } from './tokenize.js';
import { blankUrls, findUrls } from './urls.js';
import { PositionTable, type TermPositions } from './termPositions.js';

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
  /** The terms of `positions` in order of first occurrence (compounds last): the query. */
  terms: readonly number[];
}

/** Cuts, strips links, normalizes and tokenizes a message: the work shared by both stages. */
export function prepareMessage(raw: string, index: PhraseIndex, maxChars: number): PreparedMessage {
  const text = raw.length > maxChars ? raw.slice(0, maxChars) : raw;
  const links = findUrls(text);
  const { text: normalized, origin } = normalize(blankUrls(text, links));
  const tokens = tokenize(normalized);
  const positions = new PositionTable();
  for (let at = 0; at < tokens.length; at++) {
    const id = index.termIds.get(tokens[at]!.term);
    if (id !== undefined) positions.add(id, at);
  }
  addCompounds(normalized, tokens, index, positions);
  return { text, urls: links.map((l) => l.url), normalized, origin, tokens, positions, terms: positions.terms };
}

const LATIN_WORD = /^[a-z]+$/;

/**
 * "corona-virus", "face book": two neighbouring words that the database writes as one word count
 * as that word too (at the first one's position).
 */
function addCompounds(normalized: string, tokens: readonly Token[], index: PhraseIndex, positions: PositionTable): void {
  for (let at = 0; at + 1 < tokens.length; at++) {
    const a = tokens[at]!;
    const b = tokens[at + 1]!;
    if (b.start !== a.end + 1) continue;
    const joined = normalized.slice(a.start, a.end) + normalized.slice(b.start, b.end);
    if (!LATIN_WORD.test(joined)) continue;
    const id = index.termIds.get(stem(joined));
    if (id !== undefined) positions.add(id, at, true);
  }
}
