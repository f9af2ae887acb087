/**
 * Epoch values below this are seconds, above it milliseconds: 1e11 s is the year 5138, and
 * 1e11 ms is March 1973, so no real chat time is ambiguous.
 */
const SECONDS_LIMIT = 1e11;

/**
 * Reads a message time written as an ISO 8601 string or as epoch seconds or milliseconds (a
 * number or a string of digits). Returns ms since the epoch, or undefined when it is none of these.
 */
export function parseTimestamp(value: string | number): number | undefined {
  if (typeof value === 'number') return fromEpoch(value);
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return fromEpoch(Number(text));
  // Date.parse also accepts "March 7" and other guesses; only ISO-like dates are meant here.
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

function fromEpoch(n: number): number | undefined {
  if (!Number.isFinite(n) || n < 0) return undefined;
  return Math.round(n < SECONDS_LIMIT ? n * 1000 : n);
}
