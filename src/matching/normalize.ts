import { foldChinese } from './chineseFold.js';
import { HOMOGLYPHS } from './homoglyphs.js';

/** Message text in the form the matcher compares, with the way back to the original. */
export interface NormalizedText {
  /**
   * Lowercase letters and digits; words separated by one space; Chinese/Japanese characters
   * written without spaces between them (so "谣 言" and "谣-言" both read "谣言").
   */
  text: string;
  /** For each UTF-16 unit of `text`, the index in the original string it came from. */
  origin: Int32Array;
}

/** What one output unit is, for the spacing rules. */
const enum Kind {
  Separator = 0,
  Word = 1,
  Ideograph = 2,
  Digit = 3,
}

// One input character folds to: '' (invisible: dropped without a trace, so "ru\u200Bmor" joins),
// ' ' (a separator: punctuation, space, symbol, emoji) or letters/digits (possibly several: "ß" → "ss").
const INVISIBLE = '';
const SEPARATOR = ' ';
/** A separator with no whitespace in it ("r.u.m.o.r"); only internal to the folding. */
const PUNCTUATION = '.';

const WHITESPACE = /\s/u;
const MARK_OR_FORMAT = /[\p{M}\p{Cf}\u115F\u1160\u3164\uFFA0\u180B-\u180F]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const IDEOGRAPH = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC]/u;

function foldCodePoint(cp: number): string {
  const source = HOMOGLYPHS.get(cp) ?? String.fromCodePoint(cp);
  // NFKD takes apart compatibility forms (fullwidth "Ａ", "ﬁ", math bold "𝐫", circled "①")
  // and splits accented letters into a base and combining marks, which are then dropped:
  // that defeats stacked "Zalgo" marks as well as accents.
  const decomposed = source.normalize('NFKD');
  let out = '';
  let sawSeparator = false;
  for (const ch of decomposed) {
    if (MARK_OR_FORMAT.test(ch)) continue;
    const folded = String.fromCodePoint(foldChinese(ch.codePointAt(0)!)).toLowerCase();
    if (LETTER_OR_DIGIT.test(folded)) out += folded;
    else if (out.length > 0 && !out.endsWith(SEPARATOR)) out += SEPARATOR;
    else sawSeparator = true;
  }
  if (out.endsWith(SEPARATOR)) out = out.slice(0, -1);
  if (out.length === 0) return sawSeparator ? SEPARATOR : INVISIBLE;
  return out;
}

// Folding is a pure function of the code point: cache it. The BMP table is bounded by
// construction; astral code points (emoji, math letters) go to a capped map.
const bmpCache: (string | undefined)[] = new Array(0x10000);
const astralCache = new Map<number, string>();
const ASTRAL_CACHE_LIMIT = 4096;

function fold(cp: number): string {
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
function kindOf(unit: number, ch: string): Kind {
  if (unit < 0x80) return unit >= 0x30 && unit <= 0x39 ? Kind.Digit : Kind.Word;
  if (unit < 0xd800 || unit > 0xdfff) {
    // 0 means "not computed yet"; stored as kind + 1.
    const cached = kindCache[unit]!;
    if (cached) return (cached - 1) as Kind;
  }
  const k = IDEOGRAPH.test(ch) ? Kind.Ideograph : /\p{N}/u.test(ch) ? Kind.Digit : Kind.Word;
  if (unit < 0xd800 || unit > 0xdfff) kindCache[unit] = k + 1;
  return k;
}

/** Units after folding, before the spacing rules: parallel arrays, one entry per code point. */
interface Folded {
  chars: string[];
  kinds: Kind[];
  origins: number[];
}

function foldAll(input: string): Folded {
  const chars: string[] = [];
  const kinds: Kind[] = [];
  const origins: number[] = [];
  const pushSeparator = (at: number, whitespace: boolean) => {
    const last = kinds.length - 1;
    if (last < 0) return;
    if (kinds[last] !== Kind.Separator) {
      chars.push(whitespace ? SEPARATOR : PUNCTUATION);
      kinds.push(Kind.Separator);
      origins.push(at);
    } else if (whitespace) {
      chars[last] = SEPARATOR;
    }
  };
  // Inside a hashtag or @handle, "#JoeBiden" is two words: split where lower case meets upper.
  let inTag = false;
  for (let i = 0; i < input.length; ) {
    const unit = input.charCodeAt(i);
    // ASCII fast path: most chat text is mostly ASCII.
    if (unit < 0x80) {
      const isLetter = (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a);
      if (unit === 0x23 || unit === 0x40) inTag = true;
      else if (!isLetter && (unit < 0x30 || unit > 0x39) && unit !== 0x5f) inTag = false;
      if (unit >= 0x41 && unit <= 0x5a) {
        const prev = input.charCodeAt(i - 1);
        if (inTag && prev >= 0x61 && prev <= 0x7a) pushSeparator(i, true);
        chars.push(String.fromCharCode(unit + 32));
        kinds.push(Kind.Word);
        origins.push(i);
      } else if ((unit >= 0x61 && unit <= 0x7a) || (unit >= 0x30 && unit <= 0x39)) {
        chars.push(input[i]!);
        kinds.push(unit <= 0x39 ? Kind.Digit : Kind.Word);
        origins.push(i);
      } else if (unit === 0x20 || unit === 0x09 || unit === 0x0a || unit === 0x0d) {
        pushSeparator(i, true);
      } else if (unit !== 0x7f && unit > 0x1f) {
        pushSeparator(i, false);
      }
      i++;
      continue;
    }
    const cp = input.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const folded = fold(cp);
    if (folded === SEPARATOR) pushSeparator(i, WHITESPACE.test(String.fromCodePoint(cp)));
    else if (folded !== INVISIBLE) {
      for (const ch of folded) {
        if (ch === SEPARATOR) {
          pushSeparator(i, false);
          continue;
        }
        chars.push(ch);
        kinds.push(kindOf(ch.charCodeAt(0), ch));
        origins.push(i);
      }
    }
    i += width;
  }
  return { chars, kinds, origins };
}

/** Fewest single characters in a row, each set apart by separators, that are read as one word. */
const SPACED_LETTERS_MIN_RUN = 3;

/**
 * Marks separators inside runs like "r.u.m.o.r" or "r u m o r" for removal. A run needs at
 * least three lone characters: "a b" is ordinary text, "r u m o r" is somebody hiding a word.
 */
function findSpacedLetters(f: Folded): Uint8Array {
  const n = f.kinds.length;
  const drop = new Uint8Array(n);
  let runStart = -1;
  let runEnd = -1;
  let runLength = 0;
  const closeRun = () => {
    if (runLength >= SPACED_LETTERS_MIN_RUN) {
      for (let j = runStart; j < runEnd; j++) if (f.kinds[j] === Kind.Separator) drop[j] = 1;
    }
    runLength = 0;
  };
  for (let i = 0; i < n; i++) {
    const k = f.kinds[i]!;
    if (k === Kind.Separator) continue;
    const lone =
      k !== Kind.Ideograph &&
      (i === 0 || f.kinds[i - 1] === Kind.Separator) &&
      (i + 1 >= n || f.kinds[i + 1] === Kind.Separator);
    if (!lone) {
      closeRun();
      continue;
    }
    // A run continues across exactly one separator from one lone character to the next, and
    // only across the kind it started with: "t.o.w.e.r.s s.p.r.e.a.d" is two words.
    if (runLength > 0 && runEnd === i - 2 && (runLength === 1 || f.chars[i - 1] === f.chars[runStart + 1])) {
      runEnd = i;
      runLength++;
    } else {
      closeRun();
      runStart = runEnd = i;
      runLength = 1;
    }
  }
  closeRun();
  return drop;
}

/**
 * Normalizes message text for matching: NFKC-style compatibility folding, lowercase,
 * invisible characters and combining marks removed, homoglyphs folded to Latin,
 * traditional Chinese folded to simplified, separators between Chinese characters and
 * between spaced-out letters removed, and a character repeated three times or more written
 * once ("sooooo" → "so"; doubles such as "kill" stay, and the tokenizer folds those).
 *
 * Never throws; time and memory are linear in the length of the input.
 */
export function normalize(input: string): NormalizedText {
  const f = foldAll(typeof input === 'string' ? input : '');
  const drop = findSpacedLetters(f);
  const out: string[] = [];
  const origin: number[] = [];
  let lastChar = '';
  let lastKind: Kind = Kind.Separator;
  /** How many times lastChar has repeated right after itself. */
  let repeat = 0;
  const n = f.kinds.length;
  for (let i = 0; i < n; i++) {
    const k = f.kinds[i]!;
    if (k === Kind.Separator) {
      if (drop[i] || lastKind === Kind.Separator) continue;
      // Between two ideographs a separator is a spacing trick ("谣 言"), not a word break.
      if (lastKind === Kind.Ideograph && f.kinds[i + 1] === Kind.Ideograph) continue;
      if (i + 1 >= n) continue;
      out.push(SEPARATOR);
      origin.push(f.origins[i]!);
      lastChar = SEPARATOR;
      lastKind = Kind.Separator;
      repeat = 0;
      continue;
    }
    const ch = f.chars[i]!;
    // Stretching ("fakeeee", "谣谣谣言") collapses to one; doubles stay, because they are
    // spelling ("kill", "天天"). Digits keep their count (100 ≠ 1000).
    if (ch === lastChar && k !== Kind.Digit) {
      repeat++;
      if (repeat >= 2) {
        // Third in a row: stretching. Take back the second and skip the rest.
        if (repeat === 2) {
          out.pop();
          origin.length -= ch.length;
        }
        continue;
      }
    } else {
      repeat = 0;
    }
    if (lastKind !== Kind.Separator && lastKind !== k && (lastKind === Kind.Ideograph || k === Kind.Ideograph)) {
      // Keep scripts apart: "5g信号" reads as "5g 信号".
      out.push(SEPARATOR);
      origin.push(f.origins[i]!);
    }
    out.push(ch);
    for (let u = 0; u < ch.length; u++) origin.push(f.origins[i]!);
    lastChar = ch;
    lastKind = k;
  }
  return { text: out.join(''), origin: Int32Array.from(origin) };
}
