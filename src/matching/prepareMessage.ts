import { simplifiedAsWritten } from './chineseFold.js';
import { normalize } from './normalize.js';
import { termIdOf, type PhraseIndex } from './phraseIndex.js';
import { stem, tokenize, unitsWithin, type Token } from './tokenize.js';
import { chineseNumber } from './spelledNumbers.js';
import { blankUrls, findUrls } from './urls.js';
import { findAttributionNoise, mergeSpans } from './socialNoise.js';
import { PositionTable, type TermPositions } from './termPositions.js';
import { TextKeyTable } from './textKeyTable.js';

/** A message made ready for matching against one index. */
export interface PreparedMessage {
  /** The text as read (cut to the length limit). */
  text: string;
  /** `text` with its traditional characters simplified one for one (same offsets): what stance patterns read. */
  written: string;
  urls: string[];
  normalized: string;
  origin: Int32Array;
  tokens: Token[];
  /** Positions (token indices) of every term the index knows. */
  positions: TermPositions;
  /** The terms of `positions` in order of first occurrence (compounds last): the query. */
  terms: readonly number[];
}

/** Cuts, strips links and tweet attribution noise, normalizes and tokenizes a message: the work shared by both stages. */
export function prepareMessage(raw: string, index: PhraseIndex, maxChars: number): PreparedMessage {
  const text = raw.length > maxChars ? raw.slice(0, maxChars) : raw;
  const links = findUrls(text);
  const { text: normalized, origin } = normalize(blankUrls(text, mergeSpans(links, findAttributionNoise(text))));
  const tokens = withoutPassingOn(normalized, tokenize(normalized));
  const positions = new PositionTable(tokens.length);
  for (let at = 0; at < tokens.length; at++) {
    const term = tokens[at]!.term;
    const id = termIdOf(index, term);
    if (id !== undefined) positions.add(id, at);
  }
  addCompounds(normalized, tokens, index, positions);
  addSplits(normalized, tokens, index, positions);
  addLookalikes(normalized, tokens, index, positions);
  addMisspellings(tokens, index, positions);
  addPairsAcrossFillers(normalized, tokens, index, positions);
  addNumeralForms(normalized, tokens, index, positions);
  // Read as written only for a message with candidates (stance, its questions): made when first asked for.
  let written: string | undefined;
  return {
    text,
    get written() {
      return (written ??= simplifiedAsWritten(text));
    },
    urls: links.map((l) => l.url),
    normalized,
    origin,
    tokens,
    positions,
    terms: positions.terms,
  };
}

const LATIN_WORD = /^[a-z]+$/;

/**
 * What a member adds to pass a rumor on, in normalized text: "大家转起来", "赶紧转发", "please
 * share", "share with your family". It says nothing of the claim, and read as words of the message
 * it made a rumor passed on score lower than the rumor alone ("…可以预防新冠，大家转起来" 0.68
 * against 0.88). Only words that urge: a bare "转发" or "forward this" is what claims say ("只是在群里转发一下",
 * "forward this email and Bill Gates …").
 */
const PASSING_ON =
  /(?:大家|赶紧|赶快|快|请|求|帮忙|速)(?:转起来|转一下|转发一下|转发|转|扩散)(?:扩散|出去|起来)?|转发扩散|扩散出去|转起来|(?<![a-z])(?:(?:pls|please|plz) share(?: (?:this|it))?|share (?:(?:this|it) )?(?:with|to) (?:your|ur|all your) (?:family|friends|loved ones|contacts)|spread the word|pass it on)(?![a-z])/g;
const MAY_PASS_ON = /转|扩散|share|spread the word|pass it on/;

/** The tokens of `normalized` outside what passes the message on (see PASSING_ON). */
function withoutPassingOn(normalized: string, tokens: Token[]): Token[] {
  if (!MAY_PASS_ON.test(normalized)) return tokens;
  const spans: { start: number; end: number }[] = [];
  PASSING_ON.lastIndex = 0;
  for (let m = PASSING_ON.exec(normalized); m !== null; m = PASSING_ON.exec(normalized)) {
    if (m[0].length === 0) PASSING_ON.lastIndex++;
    else spans.push({ start: m.index, end: m.index + m[0].length });
  }
  if (spans.length === 0) return tokens;
  return tokens.filter((t) => !spans.some((s) => t.start >= s.start && t.end <= s.end));
}

/**
 * "corona-virus", "face book": two neighbouring words that the database writes as one word count
 * as that word too (at the first one's position).
 */
function addCompounds(normalized: string, tokens: readonly Token[], index: PhraseIndex, positions: PositionTable): void {
  for (let at = 0; at + 1 < tokens.length; at++) {
    const a = tokens[at]!;
    const b = tokens[at + 1]!;
    if (b.start !== a.end + 1) continue;
    // Read in place: only two Latin words can join into a word, and most pairs were seen before.
    if (a.end - a.start + (b.end - b.start) === 0 || !allLatin(normalized, a.start, a.end) || !allLatin(normalized, b.start, b.end)) continue;
    const id = compoundOf(normalized, a, b, index);
    if (id >= 0) positions.add(id, at, true);
  }
}

/** Joined pairs remembered per index at most. */
const COMPOUND_CACHE_LIMIT = 50_000;

/** Whether `text[start, end)` is all [a-z]: two such stretches, not both empty, join into a LATIN_WORD. */
const allLatin = (text: string, start: number, end: number): boolean => unitsWithin(text, start, end, 0x61, 0x7a);

/** Per index, per joined pair of Latin words: the term id of its stem there, or -1. */
const compoundsByIndex = new WeakMap<PhraseIndex, TextKeyTable<number>>();
/** The table of the index read last: messages come to one index after another. */
let compounds = new TextKeyTable<number>(COMPOUND_CACHE_LIMIT);
let compoundsIndex: PhraseIndex | undefined;

/** The term id of the stem of words `a` and `b` of `normalized` written as one, or -1 when the index has none. */
function compoundOf(normalized: string, a: Token, b: Token, index: PhraseIndex): number {
  if (compoundsIndex !== index) {
    let table = compoundsByIndex.get(index);
    if (!table) compoundsByIndex.set(index, (table = new TextKeyTable<number>(COMPOUND_CACHE_LIMIT)));
    compounds = table;
    compoundsIndex = index;
  }
  let id = compounds.getJoined(normalized, a.start, a.end, b.start, b.end);
  if (id === undefined) {
    const joined = normalized.slice(a.start, a.end) + normalized.slice(b.start, b.end);
    id = index.termIds.get(stem(joined)) ?? -1;
    compounds.set(joined, id);
  }
  return id;
}

/** Digits written for the letters they look like: "c0r0navirus", "t0wers", "vacc1ne", "p4ndemic". */
const DIGIT_AS_LETTER: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };
/** A word with a lookalike digit between two letters. */
const LOOKALIKE_IN_WORD = /[a-z][013457]+[a-z]/;
const DIGITS_AFTER_LETTER = /(?<=[a-z])[013457]+/g;

/**
 * "c0r0navirus", "5G t0wers": a word the database does not know, with digits between its letters,
 * that is a word it knows once each digit is read as the letter it looks like, counts as that
 * word. Only then: "ub3zog5eka" in a link, "h1n1" and "mp3s" stay as they are.
 */
function addLookalikes(normalized: string, tokens: readonly Token[], index: PhraseIndex, positions: PositionTable): void {
  // Most messages hold no such word: one search of the text instead of one per word.
  if (!LOOKALIKE_IN_WORD.test(normalized)) return;
  for (let at = 0; at < tokens.length; at++) {
    const t = tokens[at]!;
    const word = normalized.slice(t.start, t.end);
    if (!LOOKALIKE_IN_WORD.test(word) || index.termIds.has(t.term)) continue;
    const letters = word.replace(DIGITS_AFTER_LETTER, (run) => [...run].map((d) => DIGIT_AS_LETTER[d]!).join(''));
    if (!LATIN_WORD.test(letters)) continue;
    const id = index.termIds.get(stem(letters));
    if (id !== undefined) positions.add(id, at, true);
  }
}

/**
 * A word's consonant skeleton: its stem without the vowels after its first letter, "c" and "q" read as
 * "k", "z" as "s", doubles once. Chat drops vowels ("sprd", "towrs") and spells by ear ("garlik",
 * "infektion"); the skeleton is what such spellings keep of the word.
 */
function skeletonOf(term: string): string {
  let out = term[0]!;
  for (let i = 1; i < term.length; i++) {
    const ch = SOUNDS_LIKE[term[i]!] ?? term[i]!;
    if (VOWELS.includes(ch) || ch === out[out.length - 1]) continue;
    out += ch;
  }
  return out;
}
const VOWELS = 'aeiouy';
const SOUNDS_LIKE: Readonly<Record<string, string>> = { c: 'k', q: 'k', z: 's' };
/** Skeletons shorter than this say too little to stand for a word, unless its first two letters agree too. */
const SKELETON_MIN = 4;
/** Words shorter than this are not read for a misspelling ("u", "ur", "pls" are chat's own words). */
const MISSPELLED_MIN = 4;

/** Per index: each skeleton of its Latin terms and the one term with it, or "" when several have it. */
const skeletonsByIndex = new WeakMap<PhraseIndex, Map<string, string>>();
function skeletonsOf(index: PhraseIndex): Map<string, string> {
  let table = skeletonsByIndex.get(index);
  if (!table) {
    table = new Map();
    for (const term of index.termIds.keys()) {
      if (term.length < MISSPELLED_MIN || !LATIN_WORD.test(term)) continue;
      const key = skeletonOf(term);
      table.set(key, table.has(key) ? '' : term);
    }
    skeletonsByIndex.set(index, table);
  }
  return table;
}

/**
 * "5g towrs sprd the corona virus", "eatin garlik prevent infektion": a word the database does not
 * know counts as the one term it knows with the same consonant skeleton (see skeletonOf). Only a
 * term alone with its skeleton, and a short skeleton only for a word that starts as the term does
 * ("towr" for "tower", not "weird" for "word").
 */
function addMisspellings(tokens: readonly Token[], index: PhraseIndex, positions: PositionTable): void {
  let skeletons: Map<string, string> | undefined;
  for (let at = 0; at < tokens.length; at++) {
    const t = tokens[at]!;
    if (t.end - t.start < MISSPELLED_MIN || index.termIds.has(t.term) || !LATIN_WORD.test(t.term)) continue;
    skeletons ??= skeletonsOf(index);
    const key = skeletonOf(t.term);
    const term = skeletons.get(key);
    if (!term || (key.length < SKELETON_MIN && !term.startsWith(t.term.slice(0, 2)))) continue;
    positions.add(index.termIds.get(term)!, at, true);
  }
}

/** Adverbs chat puts between a claim's words ("蚊子叮咬也会传播…", "信阳已经封城"): read past, they leave the pair they split. */
const FILLERS_ZH = /已经|真的|竟然|居然|也|都|还|就|又|才|真/u;
/** The same, read only where it is put (sticky): a search from each pair would scan the rest of the message. */
const FILLER_AT = new RegExp(FILLERS_ZH.source, 'uy');
const HAN_PAIR = /^\p{Script=Han}\p{Script=Han}$/u;

/**
 * "蚊子叮咬也会传播新冠病毒" holds no "咬会" of "蚊子叮咬会传播新冠病毒": the pair the adverb splits
 * counts as said, at the pair before the adverb, when the database knows it.
 */
function addPairsAcrossFillers(normalized: string, tokens: readonly Token[], index: PhraseIndex, positions: PositionTable): void {
  if (!FILLERS_ZH.test(normalized)) return;
  for (let at = 0; at < tokens.length; at++) {
    const t = tokens[at]!;
    if (t.end - t.start !== 2) continue;
    FILLER_AT.lastIndex = t.start + 1;
    const filler = FILLER_AT.exec(normalized);
    if (filler === null) continue;
    const pair = normalized[t.start]! + normalized.charAt(filler.index + filler[0].length);
    if (!HAN_PAIR.test(pair)) continue;
    const term = tokenize(pair)[0]?.term;
    const id = term === undefined ? undefined : termIdOf(index, term);
    if (id !== undefined) positions.add(id, at, true);
  }
}

/** A percentage in Chinese numerals: "百分之五十". */
const PERCENT_ZH = /百分之([零〇一二两三四五六七八九十百千万亿]+)/gu;
const DIGITS_ZH = '零一二三四五六七八九';
/** Numbers written in digits that are also read as Chinese numerals (see chineseNumeral). */
const NUMERAL_MAX = 99;

/** 1 to 99 in Chinese numerals: 10 "十", 15 "十五", 50 "五十". */
function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS_ZH[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS_ZH[tens]!}十${n % 10 === 0 ? '' : DIGITS_ZH[n % 10]!}`;
}

/**
 * A number written one way counts as written the other, when the database writes it so: "涨百分之五十"
 * says the "50" of "…上涨50%", "从10楼爬下" the "十楼" of "女子为了买肉从十楼爬下". Digits count as
 * numerals up to NUMERAL_MAX, with the characters around them; of numerals, only a percentage counts
 * as its number ("十倍" or "一辆" read as numbers drew in other claims' numbers).
 */
function addNumeralForms(normalized: string, tokens: readonly Token[], index: PhraseIndex, positions: PositionTable): void {
  for (let at = 0; at < tokens.length; at++) {
    const t = tokens[at]!;
    if (!allDigitsIn(t.term)) continue;
    const n = Number(t.term);
    if (n < 1 || n > NUMERAL_MAX) continue;
    const numeral = chineseNumeral(n);
    const before = ideographBefore(normalized, t.start);
    const after = ideographAfter(normalized, t.end);
    const forms = [...pairsOf(numeral), ...(before ? [before + numeral[0]!] : []), ...(after ? [numeral[numeral.length - 1]! + after] : [])];
    for (const pair of forms) {
      const id = termIdOf(index, pair);
      if (id !== undefined) positions.add(id, at, true);
    }
  }
  if (!normalized.includes('百分之')) return;
  for (const m of normalized.matchAll(PERCENT_ZH)) {
    const value = chineseNumber(m[1]!);
    const id = value === undefined ? undefined : termIdOf(index, String(value));
    // Counted at the pair the numerals start.
    const runStart = m.index + m[0].length - m[1]!.length;
    const at = tokens.findIndex((t) => t.start === runStart);
    if (id !== undefined && at >= 0) positions.add(id, at, true);
  }
}
const allDigitsIn = (term: string): boolean => term.length > 0 && term.length <= 2 && unitsWithin(term, 0, term.length, 0x30, 0x39);
const HAN = /\p{Script=Han}/u;
/** The ideograph right before `at` in normalized text, past the space put between digits and Chinese. */
const ideographBefore = (text: string, at: number): string | undefined => {
  const ch = text[at - 1] === ' ' ? text[at - 2] : text[at - 1];
  return ch !== undefined && HAN.test(ch) ? ch : undefined;
};
const ideographAfter = (text: string, at: number): string | undefined => {
  const ch = text[at] === ' ' ? text[at + 1] : text[at];
  return ch !== undefined && HAN.test(ch) ? ch : undefined;
};
/** The overlapping pairs of a Chinese word ("五十" is one, "十五" one, "九十九" two). */
const pairsOf = (word: string): string[] => Array.from({ length: Math.max(0, word.length - 1) }, (_, k) => word.slice(k, k + 2));

/** Shortest part a word is split into: shorter ones ("a", "is", "of") match anything. */
const MIN_PART = 3;

/**
 * "#georgesoros", "#stonemanshooting": a word the database does not know that is two words it
 * does, run together as lowercase hashtags and handles write them, counts as those two words
 * (at the word's position). Of the ways to cut it, the one whose rarer part is rarest wins.
 */
function addSplits(normalized: string, tokens: readonly Token[], index: PhraseIndex, positions: PositionTable): void {
  for (let at = 0; at < tokens.length; at++) {
    const t = tokens[at]!;
    if (t.end - t.start < 2 * MIN_PART || index.termIds.has(t.term)) continue;
    const word = normalized.slice(t.start, t.end);
    if (!LATIN_WORD.test(word)) continue;
    const best = splitOf(word, index);
    if (!best) continue;
    for (const id of best) positions.add(id, at, true);
  }
}

/** The best split of each word tried, for the index it was found in (chat repeats its words). */
let splits = new Map<string, readonly [number, number] | null>();
let splitsIndex: PhraseIndex | undefined;
const SPLIT_CACHE_LIMIT = 50_000;

/** The two known terms `word` is run together from, the rarer part rarest; null when none. */
function splitOf(word: string, index: PhraseIndex): readonly [number, number] | null {
  if (splitsIndex !== index || splits.size >= SPLIT_CACHE_LIMIT) {
    splits = new Map();
    splitsIndex = index;
  }
  let best = splits.get(word);
  if (best === undefined) {
    best = findSplit(word, index);
    splits.set(word, best);
  }
  return best;
}

function findSplit(word: string, index: PhraseIndex): readonly [number, number] | null {
  let best: [number, number] | null = null;
  let bestIdf = 0;
  for (let cut = MIN_PART; cut <= word.length - MIN_PART; cut++) {
    const left = index.termIds.get(stem(word.slice(0, cut)));
    const right = index.termIds.get(stem(word.slice(cut)));
    if (left === undefined || right === undefined) continue;
    const idf = Math.min(index.idf[left]!, index.idf[right]!);
    if (idf > bestIdf) {
      best = [left, right];
      bestIdf = idf;
    }
  }
  return best;
}
