import { describe, expect, it } from 'vitest';
import { ledgerToCsv, ledgerToCsvYielding } from '../../src/ledger/export/toCsv.js';
import { ledgerToMarkdown, ledgerToMarkdownYielding } from '../../src/ledger/export/toMarkdown.js';
import { syntheticEntries } from './syntheticLedger.js';

// Issue 13 row 1: `/rg export` and `ledger export --format md` ran on the bot's event loop in one
// piece (and were quadratic), so one admin's export froze every group.

/** How many times a timer of `everyMs` got to run while `work` ran: a frozen loop gives none. */
async function loopTurnsDuring<T>(work: () => Promise<T>, everyMs = 5): Promise<{ value: T; turns: number }> {
  let turns = 0;
  const timer = setInterval(() => (turns += 1), everyMs);
  try {
    const value = await work();
    return { value, turns };
  } finally {
    clearInterval(timer);
  }
}

describe('exports made in the bot\'s process', () => {
  const entries = syntheticEntries(20_000);
  const check = { ok: true, entries: entries.length } as never;

  it('GIVEN 20,000 incidents THEN the csv is the same text as in one piece, and the event loop runs between its slices', async () => {
    const { value, turns } = await loopTurnsDuring(() => ledgerToCsvYielding(entries));
    expect(value).toBe(ledgerToCsv(entries));
    // 40 slices of 1,000 entries: timers run between them (in one piece they could not run at all).
    expect(turns).toBeGreaterThan(5);
  }, 120_000);

  it('GIVEN 20,000 incidents THEN the md report is the same text as in one piece, and the event loop runs between its slices', async () => {
    const { value, turns } = await loopTurnsDuring(() => ledgerToMarkdownYielding(entries, { groupId: 'g', check }, 500));
    expect(value).toBe(ledgerToMarkdown(entries, { groupId: 'g', check }));
    expect(turns).toBeGreaterThan(5);
  }, 120_000);
});
