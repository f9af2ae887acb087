/**
 * One large export in a process of its own, so its peak memory is the export's: issue 13 row 1.
 *   tsx test/probes/largeExport.ts build <file.sqlite> <incidents>   a real chained SQLite ledger
 *   tsx test/probes/largeExport.ts export <file.sqlite> <md|csv|json> [out]   prints one line of JSON:
 *     { ms, cpuMs, bytes, entries, peakRssMb, maxStallMs, maxGcMs }
 *   (cpuMs: the process's CPU time over the export, all threads: steadier than ms on a busy machine)
 *   with `out`, the export is kept there (to compare two versions' files byte for byte), else removed.
 * runProbes.ts runs both; the stall is the longest the event loop waited while the export ran in
 * this process, as it runs in the bot's (chat `/rg export`, dashboard downloads).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { sqliteLedgerBackend } from '../../src/ledger/backends/sqliteLedgerBackend.js';
import { exportLedger } from '../../src/ledger/export/exportLedger.js';
import { fileSink } from '../../src/ledger/export/textSink.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { syntheticRecords } from './syntheticLedger.js';

/** Incidents appended in one write while building (each with its outcome: twice as many entries). */
const BUILD_BATCH = 500;

async function build(file: string, incidents: number): Promise<void> {
  const backend = await sqliteLedgerBackend(file);
  let t = Date.parse('2026-03-01T00:00:00.000Z');
  const ledger = new Ledger(backend, { now: () => new Date((t += 10)), textDays: 100_000 });
  for (let i = 0; i < incidents; i += BUILD_BATCH) await ledger.appendMany('g', syntheticRecords(i, Math.min(incidents, i + BUILD_BATCH)));
  await backend.close();
}

async function exportOnce(file: string, format: 'md' | 'csv' | 'json', keep?: string): Promise<void> {
  const backend = await sqliteLedgerBackend(file);
  const ledger = new Ledger(backend, { now: () => new Date('2026-06-01T00:00:00.000Z'), textDays: 100_000 });
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-export-'));
  const out = keep ?? path.join(dir, `report.${format}`);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  // The longest garbage collection, to tell a stall of the collector from one of the export's code.
  let maxGcMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) maxGcMs = Math.max(maxGcMs, entry.duration);
  });
  gc.observe({ entryTypes: ['gc'] });
  try {
    const handle = await open(out, 'w');
    delay.enable();
    const started = performance.now();
    const cpu = process.cpuUsage();
    const { entries } = await exportLedger(ledger, 'g', { format }, fileSink(handle));
    const ms = performance.now() - started;
    const { user, system } = process.cpuUsage(cpu);
    delay.disable();
    await handle.close();
    gc.disconnect();
    const result = { ms: Math.round(ms), cpuMs: Math.round((user + system) / 1000), bytes: statSync(out).size, entries, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), maxStallMs: Math.round(delay.max / 1e6), maxGcMs: Math.round(maxGcMs) };
    console.log(JSON.stringify(result));
  } finally {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, file, arg] = process.argv.slice(2);
if (mode === 'build' && file && arg) await build(file, Number(arg));
else if (mode === 'export' && file && (arg === 'md' || arg === 'csv' || arg === 'json')) await exportOnce(file, arg, process.argv[5]);
else {
  console.error('usage: largeExport.ts build <file> <incidents> | export <file> <md|csv|json> [out]');
  process.exitCode = 2;
}
