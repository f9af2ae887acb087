import { describe, expect, it } from 'vitest';
import { exportRows, LateOutcomes, OUTCOME_WINDOW, type EntryPages, type ExportRow } from '../../../src/ledger/export/exportRows.js';
import { incidentViews } from '../../../src/ledger/incidentOutcomes.js';
import type { LedgerEntry } from '../../../src/ledger/ledgerEntry.js';
import type { ActionResult, LedgerRecord, RecordedAction } from '../../../src/ledger/ledgerRecord.js';
import { adminAction, incident, outcome } from '../fixtures.js';

// An export hands on a row as soon as it and the rows before it are settled (an incident whose
// planned actions all have their outcome), not only once its window of OUTCOME_WINDOW entries has
// passed: the rows must still be those incidentViews makes of the whole chain, whenever outcomes come.

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

const TYPES = ['reply_refutation', 'warn', 'mute', 'delete'] as const;

/**
 * A chain of `incidents` incidents whose outcomes come right after them, some entries later, far
 * after their window (late), never, split over several records, twice over (a result of a type
 * again once settled), with incidents without a recordId, legacy actions, withheld ones, outcomes
 * of no incident and admin actions in between.
 */
function mixedChain(incidents: number, seed: number): LedgerEntry[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  // Records waiting to be appended, by the position they are due at.
  const due = new Map<number, LedgerRecord[]>();
  const records: LedgerRecord[] = [];
  const schedule = (at: number, record: LedgerRecord) => due.set(at, [...(due.get(at) ?? []), record]);
  const flush = () => {
    const now = due.get(records.length);
    if (!now) return;
    due.delete(records.length);
    for (const r of now) records.push(r);
  };
  for (let i = 0; i < incidents; i++) {
    flush();
    const actions: RecordedAction[] = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
      const roll = next();
      const type = pick(TYPES);
      if (roll < 0.15) return { type, detail: 'd', status: 'withheld', withheldBecause: 'observe mode' };
      if (roll < 0.2) return { type, detail: 'd', done: false };
      if (roll < 0.25) return { type, detail: 'd', done: true };
      return { type, detail: 'd', status: 'planned' };
    });
    const id = next() < 0.05 ? undefined : `i${i}`;
    records.push(incident({ ...(id ? { recordId: id } : {}), messageId: String(i), actions }));
    if (next() < 0.03) records.push(adminAction({ detail: `change ${i}` }));
    if (next() < 0.02) records.push(outcome(`nobody-${i}`, [{ type: 'warn', status: 'done', at: '2026-03-02T00:00:00.000Z' }]));
    if (!id) continue;
    const results: ActionResult[] = actions.map((a, k) =>
      k % 3 === 2 ? { type: a.type, status: 'failed', error: `refused ${k}`, at: '2026-03-02T00:00:00.000Z' } : { type: a.type, status: 'done', at: `2026-03-02T00:00:0${k}.000Z` },
    );
    const roll = next();
    const delay = roll < 0.7 ? 0 : roll < 0.85 ? 1 + Math.floor(next() * 3000) : roll < 0.93 ? OUTCOME_WINDOW + Math.floor(next() * 3000) : -1;
    if (delay < 0) continue;
    const split = next() < 0.3 ? 1 : results.length;
    schedule(records.length + delay, outcome(id, results.slice(0, split)));
    if (split < results.length) schedule(records.length + delay + Math.floor(next() * 50), outcome(id, results.slice(split)));
    if (next() < 0.1) schedule(records.length + delay + 1 + Math.floor(next() * 200), outcome(id, [{ type: actions[0]!.type, status: 'skipped', reason: 'cooldown', at: '2026-03-03T00:00:00.000Z' }]));
  }
  for (const at of [...due.keys()].sort((a, b) => a - b)) for (const r of due.get(at)!) records.push(r);
  return records.map((record, i) => ({ seq: i + 1, at: '2026-03-01T00:00:00.000Z', record, prev: 'p', hash: `h${i + 1}` }));
}

/** `entries` as an export reads them, a page of 1,000 at a time. */
const pagesOf =
  (entries: readonly LedgerEntry[]): EntryPages =>
  async function* () {
    for (let i = 0; i < entries.length; i += 1000) yield { entries: entries.slice(i, i + 1000), texts: new Map<string, string>() };
  };

/** The rows of an export's pass over `entries`, a second pass made as the writers make it when outcomes came late. */
async function exportedRows(entries: readonly LedgerEntry[]): Promise<{ rows: ExportRow[]; passes: number }> {
  const pages = pagesOf(entries);
  const late = new LateOutcomes();
  let rows: ExportRow[] = [];
  for await (const page of exportRows(pages, new Map(), false, undefined, late.add)) rows.push(...page);
  if (late.found.size === 0) return { rows, passes: 1 };
  rows = [];
  for await (const page of exportRows(pages, late.found, false)) rows.push(...page);
  return { rows, passes: 2 };
}

describe('exportRows', () => {
  it.each([1, 2, 3])('GIVEN a chain with outcomes coming at every distance (seed %i) THEN every entry comes once, in chain order, each incident joined as incidentViews joins the whole chain', async (seed) => {
    const entries = mixedChain(8_000, seed);
    expect(entries.length).toBeGreaterThan(2 * OUTCOME_WINDOW);
    const { rows, passes } = await exportedRows(entries);
    expect(passes).toBe(2);
    expect(rows.map((r) => r.entry.seq)).toEqual(entries.map((e) => e.seq));
    expect(rows.flatMap((r) => (r.view ? [r.view] : []))).toEqual(incidentViews(entries));
    expect(rows.every((r) => (r.entry.record.type === 'incident') === (r.view !== undefined))).toBe(true);
  });

  it('GIVEN outcomes that all come within their window THEN one pass, and rows are handed on before the window has passed', async () => {
    const entries = mixedChain(3_000, 4).filter((e) => e.record.type !== 'outcome' || !e.record.incidentId.startsWith('nobody'));
    const placeOf = new Map(entries.flatMap((e, i) => (e.record.type === 'incident' && e.record.recordId ? [[e.record.recordId, i] as const] : [])));
    const near = entries.filter((e, i) => e.record.type !== 'outcome' || (placeOf.get(e.record.incidentId) ?? -Infinity) > i - OUTCOME_WINDOW / 2);
    const renumbered = near.map((e, i) => ({ ...e, seq: i + 1 }));
    const pages = pagesOf(renumbered);
    const handedOn: number[] = [];
    for await (const rows of exportRows(pages, new Map(), false)) handedOn.push(rows.length);
    const { rows, passes } = await exportedRows(renumbered);
    expect(passes).toBe(1);
    expect(rows.flatMap((r) => (r.view ? [r.view] : []))).toEqual(incidentViews(renumbered));
    // The first page's rows before the first page after it: not held for the window.
    expect(handedOn[0]).toBeGreaterThan(0);
  });
});
