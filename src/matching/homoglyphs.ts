import { createRequire } from 'node:module';

/**
 * Lookalikes of Latin letters and digits in other scripts, as spammers use them to dodge word
 * filters ("vаccine" with a Cyrillic "а", "ᴠᴀᴄᴄɪɴᴇ" in small capitals, "𝛂" in math Greek, Cherokee
 * "Ꭺ", Armenian "օ"). The source is Unicode's confusables table (UTS #39, as shipped by the
 * `unhomoglyph` package), restricted to characters that are confusable with plain ASCII letters or
 * digits: its prototypes are made for comparing identifiers, not for reading, so a prototype that is
 * not ASCII (Greek "τ" → small capital "ᴛ") is followed a step further, and a few characters the
 * table leaves out or maps oddly (small capitals; Cyrillic "м" → "ʍ") are listed here.
 *
 * Ideographs and kana are never folded: the table maps some of them to punctuation ("丿" → "/").
 */
const CONFUSABLES = createRequire(import.meta.url)('unhomoglyph/data.json') as Readonly<Record<string, string>>;

/** Near-identical lookalikes the confusables table leaves out, or maps to something other than ASCII. */
const LISTED: ReadonlyArray<readonly [string, string]> = [
  // Latin small capitals
  ['ᴀ', 'a'], ['ʙ', 'b'], ['ᴄ', 'c'], ['ᴅ', 'd'], ['ᴇ', 'e'], ['ꜰ', 'f'], ['ɢ', 'g'], ['ʜ', 'h'], ['ɪ', 'i'],
  ['ᴊ', 'j'], ['ᴋ', 'k'], ['ʟ', 'l'], ['ᴍ', 'm'], ['ɴ', 'n'], ['ᴏ', 'o'], ['ᴘ', 'p'], ['ꞯ', 'q'], ['ʀ', 'r'],
  ['ꜱ', 's'], ['ᴛ', 't'], ['ᴜ', 'u'], ['ᴠ', 'v'], ['ᴡ', 'w'], ['ʏ', 'y'], ['ᴢ', 'z'],
  // Cyrillic letters read as Latin in running text
  ['м', 'm'], ['т', 't'], ['в', 'b'], ['к', 'k'], ['н', 'h'],
  // Greek letters read as Latin in running text
  ['τ', 't'], ['ε', 'e'], ['ω', 'w'], ['κ', 'k'], ['β', 'b'], ['γ', 'y'], ['χ', 'x'],
  // Latin letters outside ASCII that neither NFKD nor the table take apart
  ['ß', 'ss'], ['đ', 'd'], ['ħ', 'h'], ['ŧ', 't'], ['ƀ', 'b'], ['ɨ', 'i'], ['ʉ', 'u'], ['ø', 'o'], ['ł', 'l'],
];
const LISTED_MAP: ReadonlyMap<string, string> = new Map(LISTED);

const ASCII_WORD = /^[a-z0-9]+$/;
const MARKS = /\p{M}/gu;
const IDEOGRAPH_OR_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** A prototype made comparable: decomposed, marks dropped ("l̸" → "l"), lowercase. */
const plain = (s: string): string => s.normalize('NFKD').replace(MARKS, '').toLowerCase();

/**
 * The ASCII letters or digits a character looks like, or undefined when it looks like none (or is
 * ASCII already, or an ideograph). Called once per code point: the caller caches.
 */
export function lookalike(ch: string): string | undefined {
  if (ch.length === 1 && ch.charCodeAt(0) < 0x80) return undefined;
  if (IDEOGRAPH_OR_KANA.test(ch)) return undefined;
  let at = ch;
  // Prototypes can point at another lookalike (Cyrillic "т" → "ᴛ" → "t"): follow a few steps.
  for (let step = 0; step < 3; step++) {
    const next = LISTED_MAP.get(at) ?? LISTED_MAP.get(at.toLowerCase()) ?? CONFUSABLES[at];
    if (next === undefined) return undefined;
    const folded = plain(next);
    if (ASCII_WORD.test(folded)) return folded;
    if ([...folded].length !== 1 || folded === at) return undefined;
    at = folded;
  }
  return undefined;
}
