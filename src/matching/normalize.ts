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
/** What `fold` returns for a whitespace character (kept apart from other separators). */
const WHITESPACE_SEPARATOR = '\t';

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
  if (out.length === 0) return sawSeparator ? (WHITESPACE.test(source) ? WHITESPACE_SEPARATOR : SEPARATOR) : INVISIBLE;
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
function kindOf(cp: number): Kind {
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

/**
 * Folded characters before the spacing rules, one entry per character (a code point), in
 * buffers reused across calls: normalization runs once per message, and allocating per
 * character was its largest cost.
 */
class Folded {
  chars = new Int32Array(256);
  kinds = new Uint8Array(256);
  origins = new Int32Array(256);
  length = 0;

  reset(capacity: number): void {
    this.length = 0;
    if (capacity > this.chars.length) this.grow(capacity);
  }

  push(cp: number, kind: Kind, origin: number): void {
    if (this.length === this.chars.length) this.grow(this.length * 2);
    this.chars[this.length] = cp;
    this.kinds[this.length] = kind;
    this.origins[this.length++] = origin;
  }

  private grow(capacity: number): void {
    const chars = new Int32Array(capacity);
    const kinds = new Uint8Array(capacity);
    const origins = new Int32Array(capacity);
    chars.set(this.chars.subarray(0, this.length));
    kinds.set(this.kinds.subarray(0, this.length));
    origins.set(this.origins.subarray(0, this.length));
    this.chars = chars;
    this.kinds = kinds;
    this.origins = origins;
  }
}

const SPACE_CP = 0x20;
/** A separator with no whitespace in it ("r.u.m.o.r"); only internal to the folding. */
const PUNCTUATION_CP = 0x2e;

const folded = new Folded();

function pushSeparator(f: Folded, at: number, whitespace: boolean): void {
  const last = f.length - 1;
  if (last < 0) return;
  if (f.kinds[last] !== Kind.Separator) f.push(whitespace ? SPACE_CP : PUNCTUATION_CP, Kind.Separator, at);
  else if (whitespace) f.chars[last] = SPACE_CP;
}

function foldAll(input: string, f: Folded): void {
  f.reset(input.length + 16);
  // Inside a hashtag or @handle, "#JoeBiden" is two words: split where lower case meets upper.
  let inTag = false;
  for (let i = 0; i < input.length; ) {
    const unit = input.charCodeAt(i);
    // ASCII fast path: most chat text is mostly ASCII.
    if (unit < 0x80) {
      if (unit >= 0x41 && unit <= 0x5a) {
        const prev = input.charCodeAt(i - 1);
        if (inTag && prev >= 0x61 && prev <= 0x7a) pushSeparator(f, i, true);
        f.push(unit + 32, Kind.Word, i);
      } else if (unit >= 0x61 && unit <= 0x7a) {
        f.push(unit, Kind.Word, i);
      } else if (unit >= 0x30 && unit <= 0x39) {
        f.push(unit, Kind.Digit, i);
      } else {
        if (unit === 0x23 || unit === 0x40) inTag = true;
        else if (unit !== 0x5f) inTag = false;
        if (unit === 0x20 || unit === 0x09 || unit === 0x0a || unit === 0x0d) pushSeparator(f, i, true);
        else if (unit !== 0x7f && unit > 0x1f) pushSeparator(f, i, false);
      }
      i++;
      continue;
    }
    inTag = false;
    const cp = input.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const out = fold(cp);
    if (out === SEPARATOR || out === WHITESPACE_SEPARATOR) pushSeparator(f, i, out === WHITESPACE_SEPARATOR);
    else if (out !== INVISIBLE) {
      for (let k = 0; k < out.length; k++) {
        const c = out.codePointAt(k)!;
        if (c > 0xffff) k++;
        if (c === SPACE_CP) pushSeparator(f, i, false);
        else f.push(c, kindOf(c), i);
      }
    }
    i += width;
  }
}

/** Fewest single characters in a row, each set apart by separators, that are read as one word. */
const SPACED_LETTERS_MIN_RUN = 3;

/**
 * Marks separators inside runs like "r.u.m.o.r" or "r u m o r" for removal. A run needs at
 * least three lone characters: "a b" is ordinary text, "r u m o r" is somebody hiding a word.
 */
function findSpacedLetters(f: Folded, drop: Uint8Array): void {
  const n = f.length;
  const kinds = f.kinds;
  drop.fill(0, 0, n);
  let runStart = -1;
  let runEnd = -1;
  let runLength = 0;
  const closeRun = () => {
    if (runLength >= SPACED_LETTERS_MIN_RUN) {
      for (let j = runStart; j < runEnd; j++) if (kinds[j] === Kind.Separator) drop[j] = 1;
    }
    runLength = 0;
  };
  for (let i = 0; i < n; i++) {
    const k = kinds[i]!;
    if (k === Kind.Separator) continue;
    const lone =
      k !== Kind.Ideograph &&
      (i === 0 || kinds[i - 1] === Kind.Separator) &&
      (i + 1 >= n || kinds[i + 1] === Kind.Separator);
    if (!lone) {
      if (runLength > 0) closeRun();
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
}

/** Output buffers, reused across calls like `folded`. */
let drop = new Uint8Array(256);
let outUnits = new Uint16Array(256);
let outOrigin = new Int32Array(256);

/** String.fromCharCode takes its units as arguments: convert in slices that fit the stack. */
function unitsToString(units: Uint16Array, length: number): string {
  let s = '';
  for (let at = 0; at < length; at += 8192) {
    s += String.fromCharCode.apply(null, units.subarray(at, Math.min(length, at + 8192)) as unknown as number[]);
  }
  return s;
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
  const f = folded;
  foldAll(typeof input === 'string' ? input : '', f);
  const n = f.length;
  if (drop.length < n) drop = new Uint8Array(n * 2);
  findSpacedLetters(f, drop);
  // Each character writes at most two units plus a separator before it.
  if (outUnits.length < n * 3) {
    outUnits = new Uint16Array(n * 3);
    outOrigin = new Int32Array(n * 3);
  }
  const { chars, kinds, origins } = f;
  let len = 0;
  let lastChar = -1;
  let lastKind: Kind = Kind.Separator;
  /** How many times lastChar has repeated right after itself. */
  let repeat = 0;
  for (let i = 0; i < n; i++) {
    const k = kinds[i]! as Kind;
    if (k === Kind.Separator) {
      if (drop[i] || lastKind === Kind.Separator) continue;
      // Between two ideographs a separator is a spacing trick ("谣 言"), not a word break.
      if (lastKind === Kind.Ideograph && kinds[i + 1] === Kind.Ideograph) continue;
      if (i + 1 >= n) continue;
      outUnits[len] = SPACE_CP;
      outOrigin[len++] = origins[i]!;
      lastChar = SPACE_CP;
      lastKind = Kind.Separator;
      repeat = 0;
      continue;
    }
    const ch = chars[i]!;
    const width = ch > 0xffff ? 2 : 1;
    // Stretching ("fakeeee", "谣谣谣言") collapses to one; doubles stay, because they are
    // spelling ("kill", "天天"). Digits keep their count (100 ≠ 1000).
    if (ch === lastChar && k !== Kind.Digit) {
      repeat++;
      if (repeat >= 2) {
        // Third in a row: stretching. Take back the second and skip the rest.
        if (repeat === 2) len -= width;
        continue;
      }
    } else {
      repeat = 0;
    }
    if (lastKind !== Kind.Separator && lastKind !== k && (lastKind === Kind.Ideograph || k === Kind.Ideograph)) {
      // Keep scripts apart: "5g信号" reads as "5g 信号".
      outUnits[len] = SPACE_CP;
      outOrigin[len++] = origins[i]!;
    }
    if (width === 2) {
      outUnits[len] = 0xd800 + ((ch - 0x10000) >> 10);
      outOrigin[len++] = origins[i]!;
      outUnits[len] = 0xdc00 + ((ch - 0x10000) & 0x3ff);
    } else {
      outUnits[len] = ch;
    }
    outOrigin[len++] = origins[i]!;
    lastChar = ch;
    lastKind = k;
  }
  return { text: unitsToString(outUnits, len), origin: outOrigin.slice(0, len) };
}
