import { genesisHash, hashEntry, type LedgerEntry } from './ledgerEntry.js';

/** What can be wrong with a chain, one identifier each. */
export const CHAIN_FAULTS = {
  edited: 'the entry was changed after it was written (its hash does not match its content)',
  missing: 'entries are missing before this one (sequence numbers skip)',
  reordered: 'entries are out of order',
  forked: 'two entries claim the same sequence number',
  broken_link: 'the entry does not chain to the one before it',
  wrong_group: 'the entry belongs to another group',
} as const;
export type ChainFault = keyof typeof CHAIN_FAULTS;

export type ChainCheck = { ok: true; entries: number; head?: string } | { ok: false; seq: number; fault: ChainFault; entries: number };

/**
 * Checks a group's ledger as stored, in stored order: numbering without gaps, each entry's hash
 * over its content, each link to the entry before. Names the first bad sequence number.
 */
export function verifyChain(groupId: string, entries: readonly LedgerEntry[]): ChainCheck {
  let prev = genesisHash(groupId);
  let expected = 1;
  const present = new Set(entries.map((e) => e.seq));
  for (const e of entries) {
    const fail = (fault: ChainFault, seq = e.seq): ChainCheck => ({ ok: false, seq, fault, entries: entries.length });
    if (e.seq !== expected) {
      if (e.seq === expected - 1) return fail('forked');
      // The first sequence number that is not where it belongs: gone, or stored elsewhere.
      return fail(present.has(expected) ? 'reordered' : 'missing', expected);
    }
    if (e.record.groupId !== groupId) return fail('wrong_group');
    if (hashEntry(e) !== e.hash) return fail('edited');
    if (e.prev !== prev) return fail('broken_link');
    prev = e.hash;
    expected++;
  }
  return { ok: true, entries: entries.length, ...(entries.length > 0 ? { head: prev } : {}) };
}
