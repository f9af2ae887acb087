import { foldChinese } from './chineseFold.js';
import { lookalike } from './homoglyphs.js';

/*
 * What one input character becomes before the spacing rules: nothing (invisible), a separator,
 * or letters and digits in their folded form. A pure function of the code point, so cached.
 */

/** What one folded character is, for the spacing rules. */
export const Kind = {
  Separator: 0,
  Word: 1,
  Ideograph: 2,
  Digit: 3,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

// One input character folds to: '' (invisible: dropped without a trace, so "ru\u200Bmor" joins),
// ' ' (a separator: punctuation, space, symbol, emoji) or letters/digits (possibly several: "ß" → "ss").
export const INVISIBLE = '';
export const SEPARATOR = ' ';
/** What `fold` returns for a whitespace character (kept apart from other separators). */
export const WHITESPACE_SEPARATOR = '\t';

export const WHITESPACE = /\s/u;
const MARK_OR_FORMAT = /[\p{M}\p{Cf}\u115F\u1160\u3164\uFFA0\u180B-\u180F]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARKS = /[\p{M}\p{Cf}]/gu;
const IDEOGRAPH = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC]/u;

function foldCodePoint(cp: number): string {
  const source = String.fromCodePoint(cp);
  // NFKD takes apart compatibility forms (fullwidth "Ａ", "ﬁ", math bold "𝐫", circled "①")
  // and splits accented letters into a base and combining marks, which are then dropped:
  // that defeats stacked "Zalgo" marks as well as accents. Then lowercase, then lookalikes:
  // in this order "ё" (е + ¨) and math-italic "𝛂" reach a base the confusables table knows.
  const decomposed = source.normalize('NFKD');
  let out = '';
  let sawSeparator = false;
  for (const ch of decomposed) {
    if (MARK_OR_FORMAT.test(ch)) continue;
    const lower = ch.toLowerCase();
    // Case can matter to the lookalike: Greek "Η" looks like "H", its small "η" like "n".
    const folded = lookalike(ch) ?? lookalike(lower) ?? String.fromCodePoint(foldChinese(lower.codePointAt(0)!));
    if (LETTER_OR_DIGIT.test(folded)) out += folded.replace(MARKS, '');
    else if (out.length > 0 && !out.endsWith(SEPARATOR)) out += SEPARATOR;
    else sawSeparator = true;
  }
  if (out.endsWith(SEPARATOR)) out = out.slice(0, -1);
  if (out.length === 0) return sawSeparator ? (WHITESPACE.test(source) ? WHITESPACE_SEPARATOR : SEPARATOR) : INVISIBLE;
  return out;
}

// Folding is a pure function of the code point: cache it. The BMP table is bounded by
// construction; astral code points (emoji, math letters) go to a capped map.
const bmpCache: (string | undefined)[] = new Array(0x10000);
const astralCache = new Map<number, string>();
const ASTRAL_CACHE_LIMIT = 4096;

export function fold(cp: number): string {
  if (cp < 0x10000) return (bmpCache[cp] ??= foldCodePoint(cp));
  let hit = astralCache.get(cp);
  if (hit === undefined) {
    hit = foldCodePoint(cp);
    if (astralCache.size >= ASTRAL_CACHE_LIMIT) astralCache.clear();
    astralCache.set(cp, hit);
  }
  return hit;
}

const kindCache = new Uint8Array(0x10000);
export function kindOf(cp: number): Kind {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39 ? Kind.Digit : Kind.Word;
  if (cp < 0x10000) {
    // 0 means "not computed yet"; stored as kind + 1.
    const cached = kindCache[cp]!;
    if (cached) return (cached - 1) as Kind;
  }
  const ch = String.fromCodePoint(cp);
  const k = IDEOGRAPH.test(ch) ? Kind.Ideograph : /\p{N}/u.test(ch) ? Kind.Digit : Kind.Word;
  if (cp < 0x10000) kindCache[cp] = k + 1;
  return k;
}
