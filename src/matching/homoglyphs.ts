/**
 * Lookalikes of Latin letters in other scripts, as spammers use them to dodge word filters
 * ("vаccine" with a Cyrillic "а"). Keyed by the original (case-sensitive) character because
 * the lookalike depends on case: Greek capital Eta "Η" looks like "H", small eta "η" like "n".
 *
 * Only characters that are near-identical in common fonts are listed: folding a letter that
 * merely resembles another would merge real words of those scripts for no gain.
 */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  // Cyrillic capitals
  ['А', 'A'], ['В', 'B'], ['Е', 'E'], ['Ѕ', 'S'], ['І', 'I'], ['Ј', 'J'], ['К', 'K'], ['М', 'M'],
  ['Н', 'H'], ['О', 'O'], ['Р', 'P'], ['С', 'C'], ['Т', 'T'], ['Х', 'X'], ['У', 'Y'], ['Ү', 'Y'],
  ['Ԛ', 'Q'], ['Ԝ', 'W'], ['Һ', 'H'], ['Ӏ', 'I'],
  // Cyrillic small letters
  ['а', 'a'], ['в', 'b'], ['е', 'e'], ['ѕ', 's'], ['і', 'i'], ['ј', 'j'], ['к', 'k'], ['м', 'm'],
  ['о', 'o'], ['р', 'p'], ['с', 'c'], ['т', 't'], ['у', 'y'], ['х', 'x'], ['ү', 'y'], ['һ', 'h'],
  ['ԁ', 'd'], ['ԛ', 'q'], ['ԝ', 'w'], ['ӏ', 'l'], ['ɡ', 'g'],
  // Greek capitals
  ['Α', 'A'], ['Β', 'B'], ['Ε', 'E'], ['Ζ', 'Z'], ['Η', 'H'], ['Ι', 'I'], ['Κ', 'K'], ['Μ', 'M'],
  ['Ν', 'N'], ['Ο', 'O'], ['Ρ', 'P'], ['Τ', 'T'], ['Υ', 'Y'], ['Χ', 'X'],
  // Greek small letters
  ['α', 'a'], ['β', 'b'], ['γ', 'y'], ['ι', 'i'], ['κ', 'k'], ['ν', 'v'], ['ο', 'o'], ['ρ', 'p'],
  ['τ', 't'], ['υ', 'u'], ['χ', 'x'], ['η', 'n'], ['ϲ', 'c'],
  // Latin letters outside ASCII that NFKD does not take apart
  ['ı', 'i'], ['ȷ', 'j'], ['ł', 'l'], ['ø', 'o'], ['đ', 'd'], ['ħ', 'h'], ['ß', 'ss'], ['æ', 'ae'], ['œ', 'oe'],
];

/** Maps a code point to its Latin lookalike, if it has one. */
export const HOMOGLYPHS: ReadonlyMap<number, string> = new Map(
  PAIRS.map(([from, to]) => [from.codePointAt(0)!, to] as const),
);
