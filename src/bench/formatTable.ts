import type { BenchResult, BenchRun } from './benchResult.js';

interface Column {
  header: string;
  cell(r: BenchResult): string;
  /** Numbers line up on the right. */
  alignRight: boolean;
}

const percent = (share: number | null): string => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);
const fixed = (digits: number) => (n: number): string => n.toFixed(digits);

const COLUMNS: readonly Column[] = [
  { header: 'system', cell: (r) => r.system, alignRight: false },
  { header: 'claims', cell: (r) => r.claims.toLocaleString('en-US'), alignRight: true },
  { header: 'buildMs', cell: (r) => fixed(0)(r.buildMs), alignRight: true },
  { header: 'msgs/s', cell: (r) => formatRate(r.msgsPerSec), alignRight: true },
  { header: 'p50 ms', cell: (r) => formatMs(r.p50Ms), alignRight: true },
  { header: 'p99 ms', cell: (r) => formatMs(r.p99Ms), alignRight: true },
  { header: 'index MB', cell: (r) => (r.indexMB === null ? '—' : fixed(0)(r.indexMB)), alignRight: true },
  { header: 'RSS MB', cell: (r) => fixed(0)(r.rssMB), alignRight: true },
  { header: 'hit@1', cell: (r) => percent(r.hit1), alignRight: true },
  { header: 'falseAct', cell: (r) => percent(r.falseAct), alignRight: true },
];

/** Renders the results as a plain-text table, one row per system and size. */
export function formatTable(results: readonly BenchResult[]): string {
  const rows = results.map((r) => COLUMNS.map((c) => c.cell(r)));
  const widths = COLUMNS.map((c, i) => Math.max(c.header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        return COLUMNS[i]?.alignRight ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const header = line(COLUMNS.map((c) => c.header));
  return [header, '-'.repeat(header.length), ...rows.map(line)].join('\n');
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function formatRate(perSec: number): string {
  return perSec >= 100 ? Math.round(perSec).toLocaleString('en-US') : perSec.toFixed(2);
}

/** Sub-millisecond latencies need three decimals to say anything; seconds-long ones need none. */
function formatMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3);
}

/** The small print under the table: what the columns measure, and which runs timed only some messages. */
export function formatNotes(runs: readonly BenchRun[], gcExposed: boolean): string {
  const notes = [
    'hit@1: top result is the right debunk, over messages that repeat a rumor. falseAct: the system would act, over ordinary messages.',
    `index MB: what the built index holds (heap and buffers after a collection, less the same before the build)${gcExposed ? '' : '; not measured without --expose-gc'}.`,
    `RSS: the whole process after each run (corpus included)${gcExposed ? '' : '; gc not exposed, so earlier garbage counts too'}.`,
  ];
  const partial = runs.filter((r) => r.timedMessages < r.totalMessages);
  if (partial.length > 0) {
    notes.push('Timed on part of the messages (fuse samples by design; others hit the time budget); "—" = under 5 to judge:');
    for (const r of partial) {
      const of = `${count(r.timedMessages)} of ${count(r.totalMessages)} messages (${count(r.timedRumors)} with a rumor)`;
      notes.push(`  ${r.result.system} at ${count(r.result.claims)} claims: ${of}`);
    }
  }
  return notes.join('\n');
}
