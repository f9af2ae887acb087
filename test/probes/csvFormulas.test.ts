import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ledgerToCsv } from '../../src/ledger/export/toCsv.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { memoryLedgerBackend } from '../../src/ledger/ledgerBackend.js';
import { incident, steppingClock } from '../ledger/fixtures.js';

// Issue 13 row 13: the csv export neutralized only cells starting with = + - @; a leading tab or
// carriage return before "=" passed (OWASP lists both).

/** Every start OWASP's CSV-injection advice names, each before a formula. */
export const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r', '\t=', '\r=', '\r\n='] as const;

describe('csv export: no cell runs as a formula', () => {
  it.each(FORMULA_STARTS.map((s) => [JSON.stringify(s), s]))('GIVEN a member name and message starting with %s THEN the cell starts with a quote', async (_, start) => {
    const ledger = new Ledger(memoryLedgerBackend(), steppingClock());
    const payload = `${start}HYPERLINK("http://ev.il","x")`;
    await ledger.append(incident({ recordId: 'i', member: { id: `${start}1`, name: payload }, note: payload }));
    const [row] = parse(ledgerToCsv(await ledger.entries('g')), { columns: true }) as Record<string, string>[];
    for (const column of ['member_name', 'member_id', 'detail']) {
      expect(row?.[column], column).toMatch(/^'/);
      expect(row?.[column]?.slice(1), column).toBe(column === 'member_id' ? `${start}1` : payload);
    }
  });
});
