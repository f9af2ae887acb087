/**
 * The longest start of `text` that has at most `max` UTF-16 units (as JavaScript, Telegram and
 * Discord count length) and ends on a whole code point: an emoji or other astral character is
 * kept whole or left out, never cut in half into a lone surrogate.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  // A high surrogate as the last kept unit would be half of a pair.
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** `text` within `max` units, cut on a code point and ending in "…" when it was cut. */
export function ellipsize(text: string, max: number): string {
  return text.length <= max ? text : `${cutText(text, max - 1)}…`;
}
