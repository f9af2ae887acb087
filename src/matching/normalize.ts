import { Buffer } from 'node:buffer';
import { Kind } from './foldCharacter.js';
import { folded, foldAll, SPACE_CP, type Folded } from './foldedText.js';

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


/** Fewest single characters in a row, each set apart by separators, that are read as one word. */
const SPACED_LETTERS_MIN_RUN = 3;

/**
 * Marks separators inside runs like "r.u.m.o.r" or "r u m o r" for removal. A run needs at
 * least three lone characters: "a b" is ordinary text, "r u m o r" is somebody hiding a word.
 */
function findSpacedLetters(f: Folded, drop: Uint8Array, input: string): void {
  const n = f.length;
  const kinds = f.kinds;
  drop.fill(0, 0, n);
  let runStart = -1;
  let runEnd = -1;
  let runLength = 0;
  for (let i = 0; i < n; i++) {
    const k = kinds[i]!;
    if (k === Kind.Separator) continue;
    const lone =
      k !== Kind.Ideograph &&
      (i === 0 || kinds[i - 1] === Kind.Separator) &&
      (i + 1 >= n || kinds[i + 1] === Kind.Separator);
    if (!lone) {
      if (runLength > 0) runLength = closeRun(kinds, drop, runStart, runEnd, runLength);
      continue;
    }
    // A run continues across exactly one separator from one lone character to the next, and
    // only across the kind it started with: "t.o.w.e.r.s s.p.r.e.a.d" is two words.
    if (runLength > 0 && runEnd === i - 2 && (runLength === 1 || f.chars[i - 1] === f.chars[runStart + 1]) && !wideGap(input, f.origins[runEnd]!, f.origins[i]!)) {
      runEnd = i;
      runLength++;
      // A number and one letter after it are a word of their own ("5 G", "4 K"): "5 G t o w e r s"
      // is "5g towers", not "5gtowers".
      if (runLength === 2 && kinds[runStart] === Kind.Digit && k !== Kind.Digit) runLength = closeRun(kinds, drop, runStart, runEnd, runLength);
    } else {
      closeRun(kinds, drop, runStart, runEnd, runLength);
      runStart = runEnd = i;
      runLength = 1;
    }
  }
  closeRun(kinds, drop, runStart, runEnd, runLength);
}

/**
 * Ends a run of lone characters from `runStart` to `runEnd`: marks its separators for removal when
 * it is long enough. Returns the run length after it (0). At module level, not a closure: tsx names
 * every closure it makes (esbuild's keepNames), once per normalized text here.
 */
function closeRun(kinds: Uint8Array, drop: Uint8Array, runStart: number, runEnd: number, runLength: number): number {
  if (runLength >= SPACED_LETTERS_MIN_RUN) {
    for (let j = runStart; j < runEnd; j++) if (kinds[j] === Kind.Separator) drop[j] = 1;
  }
  return 0;
}

/**
 * Whether the original text between two lone characters holds two or more whitespace characters:
 * "W h a t s A p p   w i l l" spaces its letters apart by one and its words by three, and the
 * words stay apart.
 */
function wideGap(input: string, from: number, to: number): boolean {
  let spaces = 0;
  for (let j = from + 1; j < to; j++) if (WHITESPACE.test(input[j]!) && ++spaces >= 2) return true;
  return false;
}
const WHITESPACE = /\s/;

/** Output buffers, reused across calls like `folded`. */
let drop = new Uint8Array(256);
let outUnits = new Uint16Array(256);
let outOrigin = new Int32Array(256);

/** Whether this machine stores a 16-bit unit low byte first, as UTF-16LE does. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** `outUnits` as bytes, remade when it grows. */
let outBytes = Buffer.from(outUnits.buffer, outUnits.byteOffset, outUnits.byteLength);

/**
 * The first `length` units of `outUnits` as a string. Decoded as UTF-16LE from its bytes, which
 * keeps every unit as it is (lone surrogates too) at a fifth of the cost of String.fromCharCode
 * over a view; on a big-endian machine, by String.fromCharCode in slices that fit the stack.
 */
function unitsToString(length: number): string {
  if (LITTLE_ENDIAN) return outBytes.toString('utf16le', 0, 2 * length);
  let s = '';
  for (let at = 0; at < length; at += 8192) {
    s += String.fromCharCode.apply(null, outUnits.subarray(at, Math.min(length, at + 8192)) as unknown as number[]);
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
  const len = normalizeIntoBuffers(input);
  return { text: unitsToString(len), origin: outOrigin.slice(0, len) };
}

/**
 * `normalize(input)` with the origins as a view of a buffer the next call overwrites: for a caller
 * that reads them before normalizing anything else (the index build, once per claim), without a
 * typed array allocated per text.
 */
export function normalizeShared(input: string): NormalizedText {
  const len = normalizeIntoBuffers(input);
  return { text: unitsToString(len), origin: outOrigin.subarray(0, len) };
}

/** `normalize(input).text`, without copying out the origins, for callers that only need the text. */
export function normalizedText(input: string): string {
  // The buffers may grow: read them only after writing.
  const len = normalizeIntoBuffers(input);
  return unitsToString(len);
}

/** Writes the normalized text to `outUnits` and its origins to `outOrigin`; returns its length. */
function normalizeIntoBuffers(input: string): number {
  const f = folded;
  foldAll(typeof input === 'string' ? input : '', f);
  const n = f.length;
  if (drop.length < n) drop = new Uint8Array(n * 2);
  findSpacedLetters(f, drop, typeof input === 'string' ? input : '');
  // Each character writes at most two units plus a separator before it.
  if (outUnits.length < n * 3) {
    outUnits = new Uint16Array(n * 3);
    outBytes = Buffer.from(outUnits.buffer, outUnits.byteOffset, outUnits.byteLength);
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
  return len;
}
