import { InvalidArgumentError } from 'commander';

/** `2026-01-31`, or that with a time: `2026-01-31T18:00`, `…:00Z`, `…:00.000+08:00`. */
const DATE_OR_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Reads a `--since` / `--until` value, for commander. JavaScript's own parser takes "1" for the
 * year 2001 and "2026-02-30" for March 2nd; this takes only a calendar date, optionally with a
 * time, and throws InvalidArgumentError (one line from commander) for anything else. A date alone
 * means its midnight UTC; a time without an offset is local time.
 */
export function parseDateOption(value: string): Date {
  const fail = () => new InvalidArgumentError(`not a date: "${value}" (use YYYY-MM-DD or an ISO time such as 2026-01-31T18:00Z)`);
  const parts = DATE_OR_TIME.exec(value.trim());
  if (!parts) throw fail();
  const [year, month, day] = parts.slice(1, 4).map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) throw fail();
  const date = new Date(value.trim());
  if (Number.isNaN(date.getTime())) throw fail();
  return date;
}
