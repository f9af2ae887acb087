import { beforeAll, describe, expect, it } from 'vitest';
import type { BenchResult, BenchRun } from '../../src/bench/benchResult.js';
import { formatNotes, formatTable } from '../../src/bench/formatTable.js';
import { latencyStats, percentile } from '../../src/bench/latencyStats.js';
import { runBench } from '../../src/bench/runBench.js';
import { SYSTEM_NAMES } from '../../src/bench/systems/index.js';

describe('runBench', () => {
  // One smoke run at a tiny size: fuse.js is slow even here, so the run is shared by the checks below.
  let runs: BenchRun[] = [];
  let results: BenchResult[] = [];
  beforeAll(() => {
    runs = runBench({ sizes: [200], messages: 50, warmup: 5 });
    results = runs.map((r) => r.result);
    // A run of every system on a busy machine (the whole suite in parallel) can take a while.
  }, 120_000);

  it('GIVEN a tiny corpus THEN every system reports one well-formed row', () => {
    expect(results.map((r) => r.system)).toEqual([...SYSTEM_NAMES]);
    for (const r of results) {
      expect(Object.keys(r)).toEqual([
        'system', 'claims', 'buildMs', 'msgsPerSec', 'p50Ms', 'p99Ms', 'indexMB', 'rssMB', 'hit1', 'falseAct',
      ]);
      expect(r.claims).toBe(200);
      for (const n of [r.buildMs, r.msgsPerSec, r.p50Ms, r.p99Ms, r.rssMB]) {
        expect(Number.isFinite(n)).toBe(true);
        expect(n).toBeGreaterThanOrEqual(0);
      }
      expect(r.p99Ms).toBeGreaterThanOrEqual(r.p50Ms);
      // Measured only when the test runner exposes gc; a figure is never negative.
      if (r.indexMB !== null) expect(r.indexMB).toBeGreaterThanOrEqual(0);
      expect(r.msgsPerSec).toBeGreaterThan(0);
    }
  });

  it('THEN retrieval systems have quality shares in [0,1] and the normalize floor has none', () => {
    for (const r of results.filter((x) => x.system !== 'normalize')) {
      expect(r.hit1).toBeGreaterThanOrEqual(0);
      expect(r.hit1).toBeLessThanOrEqual(1);
      expect(r.falseAct).toBeGreaterThanOrEqual(0);
      expect(r.falseAct).toBeLessThanOrEqual(1);
    }
    const floor = results.find((r) => r.system === 'normalize');
    expect(floor?.hit1).toBeNull();
    expect(floor?.falseAct).toBeNull();
  });

  it('THEN fast systems time every message and the JSON form round-trips', () => {
    for (const run of runs.filter((r) => r.result.system !== 'fuse')) expect(run.timedMessages).toBe(50);
    const json = JSON.parse(JSON.stringify({ results })) as { results: unknown[] };
    expect(json.results).toHaveLength(4);
  });

  it('THEN the table has a header, a rule and one line per row', () => {
    const lines = formatTable(results).split('\n');
    expect(lines[0]).toMatch(/^system\s+claims\s+buildMs\s+msgs\/s\s+p50 ms\s+p99 ms\s+index MB\s+RSS MB\s+hit@1\s+falseAct$/);
    expect(lines).toHaveLength(2 + results.length);
    expect(formatNotes(runs, true)).toContain('hit@1');
  });

  it('GIVEN an index size measured for one row and not for another THEN the column shows the MB and a dash', () => {
    const row = { ...results[0]!, indexMB: 12.4 };
    const lines = formatTable([row, { ...row, indexMB: null }]).split('\n');
    const column = (line: string) => line.split(/\s{2,}/)[6];
    expect(column(lines[2]!)).toBe('12');
    expect(column(lines[3]!)).toBe('—');
  });
});

describe('runBench with very few messages', () => {
  it('GIVEN fewer than 5 messages of a kind THEN its quality share is not reported', () => {
    const [run] = runBench({ sizes: [50], messages: 3, warmup: 0, systems: ['rumorguard'] });
    expect(run?.timedMessages).toBe(3);
    expect(run?.result.hit1).toBeNull();
    expect(run?.result.falseAct).toBeNull();
  });
});

describe('latencyStats', () => {
  it('GIVEN 1..100 ms THEN p50 is 50, p99 is 99 and throughput is n over the total seconds', () => {
    const durations = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    const stats = latencyStats(durations);
    expect(stats.p50Ms).toBe(50);
    expect(stats.p99Ms).toBe(99);
    expect(stats.msgsPerSec).toBeCloseTo(100 / 5.05, 6);
  });

  it('GIVEN one value THEN every percentile is that value', () => {
    expect(percentile(Float64Array.of(3), 0.99)).toBe(3);
  });
});
