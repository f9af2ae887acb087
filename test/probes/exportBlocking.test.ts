import { describe, expect, it } from 'vitest';
import { exportLedger } from '../../src/ledger/export/exportLedger.js';
import { OUTCOME_WINDOW } from '../../src/ledger/export/exportRows.js';
import { textCollector, type TextSink } from '../../src/ledger/export/textSink.js';
import { ledgerToCsv } from '../../src/ledger/export/toCsv.js';
import { ledgerToJson } from '../../src/ledger/export/toJson.js';
import { ledgerToMarkdown } from '../../src/ledger/export/toMarkdown.js';
import { CHAIN_PAGE, Ledger } from '../../src/ledger/ledger.js';
import { memoryLedgerBackend, type LedgerBackend } from '../../src/ledger/ledgerBackend.js';
import type { LedgerEntry } from '../../src/ledger/ledgerEntry.js';
import { syntheticEntries } from './syntheticLedger.js';

// Issue 13 row 1: `/rg export` and `ledger export --format md` ran on the bot's event loop in one
// piece (and were quadratic), and built the whole chain and the whole file in memory, so one
// admin's export of a long ledger froze every group or ran the bot out of memory.

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

/**
 * `n` incidents with their outcomes, renumbered into one chain, where incident 0's outcome comes
 * last of all (further after it than an export's window of OUTCOME_WINDOW entries) and incident 1
 * has none.
 */
function chainWithLateOutcome(n: number): LedgerEntry[] {
  const entries = syntheticEntries(n);
  const late = entries.splice(1, 1)[0]!;
  entries.splice(2, 1);
  entries.push(late);
  return entries.map((e, i) => ({ ...e, seq: i + 1 }));
}

/** A store that counts what is read: whole chains, and the largest page. */
function countingReads(inner: LedgerBackend) {
  const reads = { wholeChains: 0, largestPage: 0 };
  const backend: LedgerBackend = {
    ...inner,
    readChain: (g) => ((reads.wholeChains += 1), inner.readChain(g)),
    read: (g) => ((reads.wholeChains += 1), inner.read(g)),
    readPage: async (g, after, end, limit) => {
      const page = await inner.readPage(g, after, end, limit);
      reads.largestPage = Math.max(reads.largestPage, page.items.length);
      return page;
    },
  };
  return { backend, reads };
}

/** A sink that keeps the text and the size of its largest chunk. */
function measuringSink(): { sink: TextSink; text: () => string; largestChunk: () => number; chunks: () => number } {
  const collected = textCollector();
  let largest = 0;
  let chunks = 0;
  return {
    sink: (chunk) => ((largest = Math.max(largest, chunk.length)), (chunks += 1), collected.sink(chunk)),
    text: collected.text,
    largestChunk: () => largest,
    chunks: () => chunks,
  };
}

describe('exports streamed from the store in the bot\'s process', () => {
  const entries = chainWithLateOutcome(10_000);
  expect(entries.length).toBeGreaterThan(2 * OUTCOME_WINDOW);
  const memory = memoryLedgerBackend();
  memory.entries.set('g', entries);

  it.each(['csv', 'md', 'json'] as const)(
    'GIVEN a %s export of 10,000 incidents, one outcome far after its incident THEN the file is the same text as made whole in memory, read and written a page at a time while the event loop runs',
    async (format) => {
      const { backend, reads } = countingReads(memory);
      const ledger = new Ledger(backend);
      const out = measuringSink();
      const { value, turns } = await loopTurnsDuring(() => exportLedger(ledger, 'g', { format }, out.sink));
      const whole = format === 'csv' ? ledgerToCsv(entries) : format === 'json' ? ledgerToJson('g', entries) : ledgerToMarkdown(entries, { groupId: 'g', check: value.check! });
      expect(out.text()).toBe(whole);
      // The late outcome reached its incident (first row of the report): both actions done.
      if (format === 'md') expect(whole).toMatch(/\| 1 \| [^\n]*\| refutation: done; warning: done \|/);
      expect(value.entries).toBe(entries.length);
      // Never the whole chain from the store, never more than a page of it at once, never the
      // whole file in one write: memory is bounded by a page, not by the ledger. (The md's
      // largest write is its head, whose tables grow with the group's 5,000 members.)
      expect(reads).toEqual({ wholeChains: 0, largestPage: CHAIN_PAGE });
      expect(out.chunks()).toBeGreaterThan(10);
      expect(out.largestChunk()).toBeLessThan(whole.length / 5);
      expect(turns).toBeGreaterThan(5);
    },
    120_000,
  );
});
