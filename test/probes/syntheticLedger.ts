import type { LedgerEntry } from '../../src/ledger/ledgerEntry.js';
import type { LedgerRecord } from '../../src/ledger/ledgerRecord.js';
import { incident, outcome } from '../ledger/fixtures.js';

/**
 * `n` incidents of group `g`, each followed by the outcome of its refutation, as ledger entries
 * (hashes are placeholders: for the exports' speed, not for verification). Spread over 50 rumors
 * and 5,000 members, each with a kept message text.
 */
export function syntheticEntries(n: number): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  const start = Date.parse('2026-03-01T00:00:00.000Z');
  for (let i = 0; i < n; i++) {
    const at = new Date(start + i * 1000).toISOString();
    const settled = new Date(start + i * 1000 + 1500).toISOString();
    const seq = entries.length + 1;
    entries.push({
      seq,
      at,
      prev: 'p',
      hash: `h${seq}`,
      record: {
        ...incident({ recordId: `i${i}`, messageId: String(i), member: { id: `u${i % 5000}`, name: `Member ${i % 5000}` }, debunkId: `rumor-${i % 50}`, messageAt: at, strikes: 1 + (i % 3) }),
        messageText: `message ${i} =cmd|' /C calc'!A0`,
        actions: [
          { type: 'reply_refutation', detail: 'strike 1', status: 'planned' },
          { type: 'warn', detail: 'strike 2', status: 'planned' },
        ],
      },
    } as LedgerEntry);
    entries.push({
      seq: seq + 1,
      at: settled,
      prev: 'p',
      hash: `h${seq + 1}`,
      record: outcome(`i${i}`, [
        { type: 'reply_refutation', status: 'done', at: settled },
        { type: 'warn', status: 'done', at: settled },
      ]),
    } as LedgerEntry);
  }
  return entries;
}

/**
 * The records of incidents `from` … `to - 1` of {@link syntheticEntries} (each incident and the
 * outcome of its refutation), to append to a real ledger, which chains and hashes them.
 */
export function syntheticRecords(from: number, to: number): LedgerRecord[] {
  const records: LedgerRecord[] = [];
  const start = Date.parse('2026-03-01T00:00:00.000Z');
  for (let i = from; i < to; i++) {
    const at = new Date(start + i * 1000).toISOString();
    const settled = new Date(start + i * 1000 + 1500).toISOString();
    records.push({
      ...incident({ recordId: `i${i}`, messageId: String(i), member: { id: `u${i % 5000}`, name: `Member ${i % 5000}` }, debunkId: `rumor-${i % 50}`, messageAt: at, strikes: 1 + (i % 3) }),
      messageText: `message ${i} =cmd|' /C calc'!A0`,
      actions: [
        { type: 'reply_refutation', detail: 'strike 1', status: 'planned' },
        { type: 'warn', detail: 'strike 2', status: 'planned' },
      ],
    });
    records.push(outcome(`i${i}`, [
      { type: 'reply_refutation', status: 'done', at: settled },
      { type: 'warn', status: 'done', at: settled },
    ]));
  }
  return records;
}
