/**
 * The characters that reorder the text around them rather than show anything: the Arabic letter
 * mark, the left-to-right and right-to-left marks, the embeddings and overrides (U+202A–U+202E)
 * and the isolates (U+2066–U+2069). As the inside of a regular expression's character class, for
 * the places that neutralize them (chat texts, terminal output, dashboard pages, the md report).
 */
export const DIRECTION_CHARS = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';

/** A character by its code point, as "U+202E": how a page or a report shows one it must not obey. */
export const codePointName = (c: string): string => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
