import { Ledger } from '../../ledger/ledger.js';
import type { LedgerBackend } from '../../ledger/ledgerBackend.js';
import type { IncidentRecord } from '../../ledger/ledgerRecord.js';
import { percentile } from '../latencyStats.js';
import { benchStores, LEDGER_BENCH_STORES, type BenchStore, type LedgerBenchStore } from './benchStores.js';

/** What the ledger bench runs. */
export interface LedgerBenchOptions {
  /** Appends per run (split evenly between the writers in the concurrent run). @defaultValue LEDGER_BENCH_DEFAULTS.appends */
  appends?: number;
  /** Writers in the concurrent run, each a Ledger on its own connection. @defaultValue LEDGER_BENCH_DEFAULTS.writers */
  writers?: number;
  /** Untimed appends before each store's runs (connection set-up, JIT). @defaultValue LEDGER_BENCH_DEFAULTS.warmup */
  warmup?: number;
  /** Which stores; Redis and PostgreSQL also need their URL. @defaultValue every store */
  stores?: readonly LedgerBenchStore[];
  redisUrl?: string;
  postgresUrl?: string;
}

export const LEDGER_BENCH_DEFAULTS = {
  appends: 2000,
  writers: 4,
  warmup: 50,
  stores: LEDGER_BENCH_STORES,
  redisUrl: '',
  postgresUrl: '',
} as const satisfies Required<LedgerBenchOptions>;

/** One row of the ledger bench. Field names are the `--json` contract. */
export interface LedgerBenchResult {
  store: LedgerBenchStore;
  mode: 'sequential' | 'concurrent';
  writers: number;
  appends: number;
  /** Acknowledged appends per second of wall-clock time. */
  appendsPerSec: number;
  /** Time per acknowledged append, lost races and retries included. */
  p50Ms: number;
  p99Ms: number;
  /** Compare-and-set attempts that lost to another writer and were retried. */
  lostRaces: number;
  /** The chain verified after the run, with exactly `appends` entries. */
  verified: boolean;
}

/**
 * Measures appends per store: one writer appending one after another, then several writers on
 * separate connections appending to the same group at once (every append a race for one head).
 * Writes to a table or key prefix of its own and removes it afterwards.
 */
export async function runLedgerBench(options: LedgerBenchOptions = {}): Promise<LedgerBenchResult[]> {
  const appends = options.appends ?? LEDGER_BENCH_DEFAULTS.appends;
  const writers = options.writers ?? LEDGER_BENCH_DEFAULTS.writers;
  const warmup = options.warmup ?? LEDGER_BENCH_DEFAULTS.warmup;
  const stores = benchStores({ redis: options.redisUrl || undefined, postgres: options.postgresUrl || undefined }, options.stores ?? LEDGER_BENCH_DEFAULTS.stores);
  const results: LedgerBenchResult[] = [];
  for (const store of stores) {
    try {
      await timeWriters(store, 'warmup', 1, warmup);
      results.push({ store: store.name, mode: 'sequential', writers: 1, ...(await timeWriters(store, 'sequential', 1, appends)) });
      results.push({ store: store.name, mode: 'concurrent', writers, ...(await timeWriters(store, 'concurrent', writers, appends)) });
    } finally {
      await store.remove();
    }
  }
  return results;
}

type Timing = Omit<LedgerBenchResult, 'store' | 'mode' | 'writers'>;

/** `writers` Ledgers, each on its own connection, append `total` records between them to one new group. */
async function timeWriters(store: BenchStore, label: string, writers: number, total: number): Promise<Timing> {
  const groupId = `bench-${label}`;
  const opened = await Promise.all(Array.from({ length: writers }, () => store.open()));
  try {
    let lostRaces = 0;
    const counting = (backend: LedgerBackend): LedgerBackend => ({
      ...backend,
      tryAppend: async (g, entry) => {
        const written = await backend.tryAppend(g, entry);
        if (!written) lostRaces++;
        return written;
      },
    });
    const durations = new Float64Array(total);
    let next = 0;
    const started = performance.now();
    await Promise.all(
      opened.map(async ({ backend }, w) => {
        const ledger = new Ledger(counting(backend));
        const share = Math.floor(total / writers) + (w < total % writers ? 1 : 0);
        for (let i = 0; i < share; i++) {
          const t = performance.now();
          await ledger.append(benchRecord(groupId, `${w}-${i}`));
          durations[next++] = performance.now() - t;
        }
      }),
    );
    const elapsedMs = performance.now() - started;
    const check = await new Ledger(opened[0]!.backend).verify(groupId);
    durations.sort();
    return {
      appends: total,
      appendsPerSec: total / (elapsedMs / 1000),
      p50Ms: percentile(durations, 0.5),
      p99Ms: percentile(durations, 0.99),
      lostRaces,
      verified: check.ok && check.entries === total,
    };
  } finally {
    await Promise.all(opened.map((o) => o.close()));
  }
}

/** A typical incident: the size of what the bot writes for a rumor it refuted. */
function benchRecord(groupId: string, messageId: string): IncidentRecord {
  return {
    type: 'incident',
    platform: 'telegram',
    groupId,
    messageId,
    link: `https://t.me/c/1234567890/${messageId}`,
    member: { id: '987654321', name: 'Bench Member' },
    debunkId: '5g-spreads-coronavirus',
    score: 0.93,
    refuting: false,
    messageAt: new Date().toISOString(),
    strikes: 1,
    actions: [{ type: 'reply_refutation', detail: 'strike 1', status: 'planned' }],
    by: { kind: 'bot' },
  };
}

/** The results as a plain-text table. */
export function formatLedgerBench(results: readonly LedgerBenchResult[]): string {
  const header = ['store', 'mode', 'writers', 'appends', 'appends/s', 'p50 ms', 'p99 ms', 'lost races', 'verified'];
  const rows = results.map((r) => [
    r.store,
    r.mode,
    String(r.writers),
    String(r.appends),
    Math.round(r.appendsPerSec).toLocaleString('en-US'),
    r.p50Ms.toFixed(3),
    r.p99Ms.toFixed(3),
    String(r.lostRaces),
    r.verified ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), '-'.repeat(line(header).length), ...rows.map(line)].join('\n');
}

/** How to read the table, printed under it. */
export const LEDGER_BENCH_NOTES = [
  'sequential: one writer, one append after another. concurrent: every writer on its own connection, all appending to one group.',
  'appends/s over wall-clock time; p50/p99 per acknowledged append, retries after a lost race included.',
  'sqlite runs with synchronous=FULL (an fsync per append) on a temporary file; redis and postgres durability is the server configuration’s.',
].join('\n');
