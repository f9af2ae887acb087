import type { LedgerEntry } from './ledgerEntry.js';
import type { IncidentRecord } from './ledgerRecord.js';

/** Most incidents one chat answer lists: a chat message is not an export. */
export const MAX_RECENT_INCIDENTS = 20;

/**
 * The latest `count` incidents of a group as one line each, newest last, for `/rg incidents`:
 * "#12 2025-01-15 12:00 Ada → 5g-spreads-coronavirus (0.93), strike 2: reply_refutation, warn".
 * Plain text; the adapter escapes it for its platform.
 */
export function recentIncidents(entries: readonly LedgerEntry[], count: number): string[] {
  const n = Math.max(1, Math.min(MAX_RECENT_INCIDENTS, Math.floor(count)));
  return entries
    .filter((e): e is LedgerEntry & { record: IncidentRecord } => e.record.type === 'incident')
    .slice(-n)
    .map(({ seq, at, record: r }) => {
      const done = r.actions.filter((a) => a.done).map((a) => a.type);
      const withheld = r.actions.filter((a) => !a.done).map((a) => a.type);
      const actions = [done.join(', ') || 'logged', withheld.length > 0 ? `not done: ${withheld.join(', ')}` : ''].filter(Boolean).join('; ');
      return `#${seq} ${at.slice(0, 16).replace('T', ' ')} ${r.member.name} → ${r.debunkId} (${r.score.toFixed(2)}), strike ${r.strikes}: ${actions}`;
    });
}
