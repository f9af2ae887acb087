/**
 * What the dashboard's pages read of a large ledger, in a process of its own (so its peak memory
 * is theirs): the overview's one pass (figures and the chain's verification), or a member's page
 * (their newest 200 incidents). Build the ledger with largeExport.ts first.
 *   tsx test/probes/largeDashboard.ts <file.sqlite> overview|member    prints one line of JSON:
 *     { page, ms, incidents, ok?, peakRssMb, maxStallMs }
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { OverviewTally } from '../../src/dashboard/data/overviewStats.js';
import { sqliteLedgerBackend } from '../../src/ledger/backends/sqliteLedgerBackend.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { newestIncidents, scanIncidents } from '../../src/ledger/scanIncidents.js';

const [file, page] = process.argv.slice(2);
if (!file || (page !== 'overview' && page !== 'member')) {
  console.error('usage: largeDashboard.ts <file.sqlite> overview|member');
  process.exit(2);
}
const backend = await sqliteLedgerBackend(file);
const now = new Date('2026-06-01T00:00:00.000Z');
const ledger = new Ledger(backend, { now: () => now, textDays: 100_000 });
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
const started = performance.now();
const seen =
  page === 'overview'
    ? await scanIncidents(ledger, 'g', () => new OverviewTally(now.getTime()), true).then((r) => ({ incidents: r.result.count, ok: r.check?.ok }))
    : await newestIncidents(ledger, 'g', 200, (v) => v.entry.record.member.id === 'u7').then((r) => ({ incidents: r.count }));
const ms = Math.round(performance.now() - started);
delay.disable();
console.log(JSON.stringify({ page, ms, ...seen, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), maxStallMs: Math.round(delay.max / 1e6) }));
await backend.close();
