import type { Debunk } from '../../debunks/schema.js';

/** Claims are cut to this many characters so that a row fits a terminal line or two. */
export const CLAIM_WIDTH = 60;

/** True when the entry's `expires` date is before `today` (YYYY-MM-DD): it no longer matches. */
export function isExpired(d: Debunk, today: string): boolean {
  return d.expires !== undefined && d.expires < today;
}

/**
 * A plain-text table of debunks: id, verdict, severity, lang, tags, status (active or expired)
 * and the claim, cut to {@link CLAIM_WIDTH} characters. The claim comes last because Chinese
 * characters are two columns wide and would break the padding of any column after them.
 */
export function formatDebunkTable(debunks: readonly Debunk[], today: string): string {
  const header = ['ID', 'VERDICT', 'SEVERITY', 'LANG', 'TAGS', 'STATUS', 'CLAIM'];
  const rows = debunks.map((d) => [
    d.id,
    d.verdict,
    d.severity,
    d.lang,
    d.tags.join(','),
    isExpired(d, today) ? 'expired' : 'active',
    cutClaim(d.claim),
  ]);
  return formatColumns([header, ...rows]);
}

/** Rows of cells aligned in columns two spaces apart; the last column is not padded. */
export function formatColumns(rows: readonly (readonly string[])[]): string {
  // A loop, not Math.max(...column): a spread of a million cells overflows the stack.
  const widths = rows[0]!.map(() => 0);
  for (const row of rows) row.forEach((cell, c) => (widths[c] = Math.max(widths[c] ?? 0, [...cell].length)));
  return rows
    .map((row) =>
      row
        .map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]! + cell.length - [...cell].length)))
        .join('  '),
    )
    .join('\n');
}

function cutClaim(claim: string): string {
  const chars = [...claim.replace(/\s+/g, ' ')];
  return chars.length <= CLAIM_WIDTH ? chars.join('') : `${chars.slice(0, CLAIM_WIDTH - 1).join('')}…`;
}
