import type { EvalReport } from './runEval.js';
import type { EvalResult } from './types.js';

/** The fields of one result in `--json` output; timings are left out so the output is reproducible. */
export type JsonResult = Pick<
  EvalResult,
  'dataset' | 'split' | 'queries' | 'map1' | 'map5' | 'recall5' | 'falseActRate' | 'actRate' | 'claims'
>;

/** Rounds to 4 decimals, the precision the CheckThat! leaderboards use. */
export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** The `--json` output: one object with the results, figures rounded to 4 decimals. */
export function toJsonReport(report: EvalReport): { results: JsonResult[] } {
  return {
    results: report.results.map((r) => ({
      dataset: r.dataset,
      split: r.split,
      queries: r.queries,
      map1: round4(r.map1),
      map5: round4(r.map5),
      recall5: round4(r.recall5),
      falseActRate: r.falseActRate === null ? null : round4(r.falseActRate),
      actRate: round4(r.actRate),
      claims: r.claims,
    })),
  };
}

const COLUMNS: readonly { title: string; cell: (r: EvalResult) => string; left?: true }[] = [
  { title: 'dataset', cell: (r) => r.dataset, left: true },
  { title: 'split', cell: (r) => r.split, left: true },
  { title: 'claims', cell: (r) => String(r.claims) },
  { title: 'queries', cell: (r) => String(r.queries) },
  { title: 'MAP@1', cell: (r) => r.map1.toFixed(4) },
  { title: 'MAP@5', cell: (r) => r.map5.toFixed(4) },
  { title: 'R@5', cell: (r) => r.recall5.toFixed(4) },
  { title: 'falseAct', cell: (r) => (r.falseActRate === null ? '-' : r.falseActRate.toFixed(4)) },
  { title: 'actRate', cell: (r) => r.actRate.toFixed(4) },
  { title: 'ms/query', cell: (r) => r.msPerQuery.toFixed(2) },
];

/** A plain-text table of the results, one row per dataset and split, under the act threshold used. */
export function formatTable(report: EvalReport): string {
  const rows = [COLUMNS.map((c) => c.title), ...report.results.map((r) => COLUMNS.map((c) => c.cell(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)));
  const lines = rows.map((row) =>
    row.map((cell, i) => (COLUMNS[i]?.left ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd(),
  );
  return [
    `act threshold: ${report.actThreshold} (falseAct: share of negatives acted on; actRate: share of queries acted on with a gold claim)`,
    '',
    ...lines,
  ].join('\n');
}
