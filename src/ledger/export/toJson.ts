import type { LedgerEntry } from '../ledgerEntry.js';

/** The entries exactly as chained: anyone can recompute every hash from this file. */
export function ledgerToJson(groupId: string, entries: readonly LedgerEntry[]): string {
  return `${JSON.stringify({ format: 'rumorguard-ledger-v1', groupId, entries }, null, 2)}\n`;
}
