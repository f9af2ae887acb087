import type { LedgerEntry } from '../ledgerEntry.js';

/**
 * An entry as stored (the JSON it was appended as). Text that is not JSON any more can only be a
 * damaged or hand-edited store; that is an error naming where, since no chain check can run on it.
 */
export function parseStoredEntry(groupId: string, position: string, text: string): LedgerEntry {
  try {
    return JSON.parse(text) as LedgerEntry;
  } catch {
    throw new Error(`ledger entry at ${position} of group ${groupId} is not valid JSON: the store was damaged or edited by hand`);
  }
}
