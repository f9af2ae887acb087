import { fold, INVISIBLE, Kind, kindOf, SEPARATOR, WHITESPACE_SEPARATOR } from './foldCharacter.js';

/**
 * Folded characters before the spacing rules, one entry per character (a code point), in
 * buffers reused across calls: normalization runs once per message, and allocating per
 * character was its largest cost.
 */
export class Folded {
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

  /** Makes room for `count` more entries past `length`. */
  reserve(count: number): void {
    if (this.length + count > this.chars.length) this.grow(Math.max(this.chars.length * 2, this.length + count));
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

export const SPACE_CP = 0x20;
/** A separator with no whitespace in it ("r.u.m.o.r"); only internal to the folding. */
const PUNCTUATION_CP = 0x2e;

export const folded = new Folded();

function pushSeparator(f: Folded, at: number, whitespace: boolean): void {
  const last = f.length - 1;
  if (last < 0) return;
  if (f.kinds[last] !== Kind.Separator) f.push(whitespace ? SPACE_CP : PUNCTUATION_CP, Kind.Separator, at);
  else if (whitespace) f.chars[last] = SPACE_CP;
}

/**
 * Per BMP code point that is not a surrogate: what it folds to when that is one code point other
 * than a space (its kind in `singleKind`); -1 when it folds to anything else (a separator,
 * nothing, several characters), which takes the general path; 0 while not yet known.
 */
const singleFold = new Int32Array(0x10000);
const singleKind = new Uint8Array(0x10000);

function singleFoldOf(unit: number): number {
  const out = fold(unit);
  if (out === SEPARATOR || out === WHITESPACE_SEPARATOR || out === INVISIBLE) return -1;
  const c = out.codePointAt(0)!;
  if (out.length !== (c > 0xffff ? 2 : 1) || c === SPACE_CP) return -1;
  singleKind[unit] = kindOf(c);
  return c;
}

export function foldAll(input: string, f: Folded): void {
  f.reset(input.length + 16);
  const n = input.length;
  // The buffers and the length in locals while the ASCII fast path writes them; synced with `f`
  // around the general path, which pushes through `f` (and may grow it).
  let chars = f.chars;
  let kinds = f.kinds;
  let origins = f.origins;
  let len = 0;
  // Inside a hashtag or @handle, "#JoeBiden" is two words: split where lower case meets upper.
  let inTag = false;
  for (let i = 0; i < n; ) {
    const unit = input.charCodeAt(i);
    // Room for the two entries the fast paths below write at most, the (possibly new) arrays read
    // back into the locals. In place, not a closure: tsx names every closure it makes (esbuild's
    // keepNames), once per call here.
    if (len + 2 > chars.length) {
      f.length = len;
      f.reserve(2);
      chars = f.chars;
      kinds = f.kinds;
      origins = f.origins;
    }
    // ASCII fast path: most chat text is mostly ASCII. One character writes two entries at most.
    if (unit < 0x80) {
      if (unit >= 0x61 && unit <= 0x7a) {
        chars[len] = unit;
        kinds[len] = Kind.Word;
        origins[len++] = i;
      } else if (unit >= 0x41 && unit <= 0x5a) {
        if (inTag && len > 0) {
          const prev = input.charCodeAt(i - 1);
          // pushSeparator(f, i, true), in place.
          if (prev >= 0x61 && prev <= 0x7a) {
            if (kinds[len - 1] !== Kind.Separator) {
              chars[len] = SPACE_CP;
              kinds[len] = Kind.Separator;
              origins[len++] = i;
            } else chars[len - 1] = SPACE_CP;
          }
        }
        chars[len] = unit + 32;
        kinds[len] = Kind.Word;
        origins[len++] = i;
      } else if (unit >= 0x30 && unit <= 0x39) {
        chars[len] = unit;
        kinds[len] = Kind.Digit;
        origins[len++] = i;
      } else {
        if (unit === 0x23 || unit === 0x40) inTag = true;
        else if (unit !== 0x5f) inTag = false;
        const whitespace = unit === 0x20 || unit === 0x09 || unit === 0x0a || unit === 0x0d;
        // pushSeparator(f, i, whitespace), in place.
        if ((whitespace || (unit !== 0x7f && unit > 0x1f)) && len > 0) {
          if (kinds[len - 1] !== Kind.Separator) {
            chars[len] = whitespace ? SPACE_CP : PUNCTUATION_CP;
            kinds[len] = Kind.Separator;
            origins[len++] = i;
          } else if (whitespace) chars[len - 1] = SPACE_CP;
        }
      }
      i++;
      continue;
    }
    inTag = false;
    if (unit < 0xd800 || unit > 0xdfff) {
      // Most characters outside ASCII fold to one letter or ideograph: read that from a table.
      let single = singleFold[unit]!;
      if (single === 0) singleFold[unit] = single = singleFoldOf(unit);
      if (single > 0) {
        chars[len] = single;
        kinds[len] = singleKind[unit]!;
        origins[len++] = i;
        i++;
        continue;
      }
    }
    f.length = len;
    i = foldOther(input, i, f);
    len = f.length;
    chars = f.chars;
    kinds = f.kinds;
    origins = f.origins;
  }
  f.length = len;
}

/**
 * Folds the character at `i` into `f` when it is neither ASCII nor a unit that folds to one
 * character (a surrogate pair, or a character that folds to a separator, nothing or several
 * characters); returns the index after it.
 */
function foldOther(input: string, i: number, f: Folded): number {
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
  return i + width;
}
