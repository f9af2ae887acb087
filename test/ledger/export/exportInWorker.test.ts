import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteLedgerBackend } from '../../../src/ledger/backends/sqliteLedgerBackend.js';
import type { ClosableLedgerBackend } from '../../../src/ledger/backends/closableLedgerBackend.js';
import { signCheckpoint, signingKey } from '../../../src/ledger/checkpoints/signedCheckpoint.js';
import { exportLedger } from '../../../src/ledger/export/exportLedger.js';
import { OUTCOME_WINDOW } from '../../../src/ledger/export/exportRows.js';
import { fileSink, textCollector } from '../../../src/ledger/export/textSink.js';
import { Ledger } from '../../../src/ledger/ledger.js';
import type { LedgerBackend } from '../../../src/ledger/ledgerBackend.js';
import { syntheticRecords } from '../../probes/syntheticLedger.js';
import { adminAction, outcome, steppingClock } from '../fixtures.js';

// A long export of a SQLite ledger is made in a worker thread (issue 13 row 1): the same text as
// in the bot's thread, which only passes it on.

/** A backend whose pages read in this thread are counted: none when the worker reads them. */
function countingPages(inner: ClosableLedgerBackend): { backend: LedgerBackend; pages: () => number } {
  let pages = 0;
  const backend: LedgerBackend = {
    ...inner,
    readPage: (g, after, end, limit) => ((pages += 1), inner.readPage(g, after, end, limit)),
  };
  return { backend, pages: () => pages };
}

describe('an export in a worker thread', () => {
  let dir: string;
  let store: ClosableLedgerBackend;
  const key = signingKey(generateKeyPairSync('ed25519').privateKey);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rg-export-worker-'));
    store = await sqliteLedgerBackend(path.join(dir, 'ledger.sqlite'));
    const ledger = new Ledger(store, steppingClock());
    // Incidents with their outcomes and kept texts, an admin action, and an outcome that comes
    // further after its incident than an export's window (a second pass).
    for (let i = 0; i < 3000; i += 500) await ledger.appendMany('g', syntheticRecords(i, i + 500));
    await ledger.append(adminAction());
    await ledger.append(outcome('i0', [{ type: 'mute', status: 'failed', error: 'not allowed', at: '2026-03-02T00:00:00.000Z' }]));
    expect((await store.chainEnd('g')).end).toBeGreaterThan(OUTCOME_WINDOW);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['md', 'csv', 'json'] as const)('GIVEN a %s export of a SQLite ledger THEN the worker writes the same text and summary as this thread, and this thread reads no page', async (format) => {
    const head = (await store.tail('g', 1))[0]!;
    const checkpoint = signCheckpoint({ groupId: 'g', seq: head.seq, hash: head.hash, at: '2026-03-03T00:00:00.000Z' }, key);
    const here = textCollector();
    const inThread = await exportLedger(new Ledger(store), 'g', { format, checkpoint, worker: false }, here.sink);
    const counted = countingPages(store);
    const there = textCollector();
    const inWorker = await exportLedger(new Ledger(counted.backend), 'g', { format, checkpoint, worker: true }, there.sink);
    expect(counted.pages()).toBe(0);
    expect(there.text()).toBe(here.text());
    expect(inWorker).toEqual(inThread);
    if (format === 'md') expect(inWorker.check).toMatchObject({ ok: true, checkpoint: { seq: head.seq } });
  });

  it.each(['md', 'csv', 'json'] as const)('GIVEN a %s export into a file THEN the worker hands over UTF-8 bytes, and the file is the text this thread writes', async (format) => {
    const here = textCollector();
    await exportLedger(new Ledger(store), 'g', { format, worker: false }, here.sink);
    const file = path.join(dir, `out.${format}`);
    const handle = await open(file, 'w');
    const sink = fileSink(handle);
    let strings = 0;
    const counted = Object.assign(async (chunk: string) => ((strings += 1), sink(chunk)), { bytes: sink.bytes });
    try {
      await exportLedger(new Ledger(store), 'g', { format, worker: true }, counted);
    } finally {
      await handle.close();
    }
    expect(strings).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(here.text());
  });

  it('GIVEN a sink that fails (the reader went away) THEN the export rejects with its error', async () => {
    let chunks = 0;
    const failing = async () => {
      if (++chunks > 1) throw new Error('EPIPE');
    };
    await expect(exportLedger(new Ledger(store), 'g', { format: 'json', worker: true }, failing)).rejects.toThrow('EPIPE');
  });

  it('GIVEN a worker that cannot open the store THEN the export is made in this thread, the same text', async () => {
    const here = textCollector();
    await exportLedger(new Ledger(store), 'g', { format: 'csv', worker: false }, here.sink);
    const counted = countingPages(store);
    const unopenable: LedgerBackend = { ...counted.backend, readerSource: async () => ({ kind: 'sqlite', file: path.join(dir, 'gone', 'ledger.sqlite'), table: 'rumorguard_ledger' }) };
    const there = textCollector();
    const warnings: string[] = [];
    await exportLedger(new Ledger(unopenable, { warn: (m) => warnings.push(m) }), 'g', { format: 'csv', worker: true }, there.sink);
    expect(counted.pages()).toBeGreaterThan(0);
    expect(there.text()).toBe(here.text());
    // The operator is told the bot's thread did the work, and why.
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^ledger export: \d+ entries of group g exported in the bot's own thread: its worker thread failed before writing: .+/);
  });

  it('GIVEN a worker that exports THEN nothing is warned', async () => {
    const warnings: string[] = [];
    await exportLedger(new Ledger(store, { warn: (m) => warnings.push(m) }), 'g', { format: 'csv', worker: true }, textCollector().sink);
    expect(warnings).toEqual([]);
  });

  it('GIVEN a since and until THEN the worker exports the same period', async () => {
    const range = { since: new Date('2026-03-01T10:00:07.000Z'), until: new Date('2026-03-01T10:00:09.000Z') };
    const here = textCollector();
    const there = textCollector();
    await exportLedger(new Ledger(store), 'g', { format: 'md', ...range, worker: false }, here.sink);
    await exportLedger(new Ledger(store), 'g', { format: 'md', ...range, worker: true }, there.sink);
    expect(there.text()).toBe(here.text());
    // Bounds with a time of day are given to the minute; the end, not included, as "before" it.
    expect(there.text()).toMatch(/Period: 2026-03-01 10:00 to before 2026-03-01 10:00\. [1-9]\d* ledger entries in this period\./);
  });
});
