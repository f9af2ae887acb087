import * as OpenCC from 'opencc-js';

/**
 * Folds traditional Chinese characters to simplified, one character at a time.
 *
 * OpenCC converts phrase by phrase; here both the debunk database and the messages go through
 * the same per-character fold, so the two sides agree even where a phrase-level conversion
 * would have picked another character, and the fold stays a constant-time table lookup that
 * keeps each output character tied to its input position.
 */
let table: Uint16Array | undefined;

/** CJK blocks whose characters can have a traditional form (Unified, Extension A, Compatibility). */
const RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

function buildTable(): Uint16Array {
  const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });
  const t = new Uint16Array(0x10000);
  for (const [lo, hi] of RANGES) {
    for (let cp = lo; cp <= hi; cp++) {
      const ch = String.fromCharCode(cp);
      let out = fromTaiwan(ch);
      if (out === ch) out = fromHongKong(ch);
      // Keep only one-to-one BMP results; anything else stays as it is.
      if (out !== ch && out.length === 1) t[cp] = out.charCodeAt(0);
    }
  }
  return t;
}

/** The simplified form of a BMP code point, or the code point itself. */
export function foldChinese(cp: number): number {
  if (cp < 0x3400 || cp > 0xfaff) return cp;
  table ??= buildTable();
  return table[cp] || cp;
}

/**
 * `pattern` with its Chinese characters folded as the text it reads was (foldChinese): a pattern
 * read against normalized text must say "什么" as "什幺", which the fold makes of it.
 */
export function foldedPattern(pattern: RegExp): RegExp {
  return new RegExp(pattern.source.replace(/\p{Script=Han}/gu, (ch) => String.fromCharCode(foldChinese(ch.charCodeAt(0)))), pattern.flags);
}

/** "么" folds to "幺" (OpenCC reads it as the variant): the text as written keeps it, as the patterns that read it say it. */
const KEPT_AS_WRITTEN = 0x4e48;

/**
 * `text` as written, its traditional characters simplified one for one (foldChinese), "么" kept:
 * the same length, so offsets into it are offsets into `text`. Patterns that read the message as
 * written (punctuation, spaces, "吗") then read "嗎" as "吗".
 */
export function simplifiedAsWritten(text: string): string {
  let out: string[] | undefined;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x3400 || unit === KEPT_AS_WRITTEN) continue;
    const folded = foldChinese(unit);
    if (folded === unit) continue;
    out ??= text.split('');
    out[i] = String.fromCharCode(folded);
  }
  return out === undefined ? text : out.join('');
}
