import type { EvalReport } from './runEval.js';
import type { AnswerCurvePoint, ChatResult, CurvePoint, EvalResult } from './types.js';

/** The fields of one result in `--json` output; timings are left out so the output is reproducible. */
export type JsonResult = Pick<
  EvalResult,
  'dataset' | 'split' | 'queries' | 'map1' | 'map5' | 'recall5' | 'falseActRate' | 'actRate' | 'claims'
>;

/** Rounds to 4 decimals, the precision the CheckThat! leaderboards use. */
export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

const roundShares = <T extends object>(row: T): T =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? round4(v) : v])) as T;

/**
 * The `--json` output: one object with the results, figures rounded to 4 decimals; `chat` when a
 * set has labelled messages, `curve` when asked for.
 */
export function toJsonReport(
  report: EvalReport,
  options: { curve?: boolean } = {},
): { results: JsonResult[]; chat?: ChatResult[]; curve?: CurvePoint[]; answerCurve?: AnswerCurvePoint[] } {
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
    ...(report.chat.length > 0 ? { chat: report.chat.map(roundShares) } : {}),
    ...(options.curve ? { curve: report.curve.map(roundShares), answerCurve: report.answerCurve.map(roundAnswerPoint) } : {}),
  };
}

const roundAnswerPoint = (p: AnswerCurvePoint): AnswerCurvePoint => ({
  ...p,
  questionsAnswered: Object.fromEntries(Object.entries(p.questionsAnswered).map(([lang, v]) => [lang, round4(v)])),
  falseActRate: p.falseActRate === null ? null : round4(p.falseActRate),
});

const COLUMNS: readonly Column<EvalResult>[] = [
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

type Column<T> = { title: string; cell: (r: T) => string; left?: true };

function table<T>(columns: readonly Column<T>[], items: readonly T[]): string[] {
  const rows = [columns.map((c) => c.title), ...items.map((r) => columns.map((c) => c.cell(r)))];
  const widths = columns.map(() => 0);
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row.map((cell, i) => (columns[i]?.left ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd(),
  );
}

const pct = (share: number) => (Number.isNaN(share) ? '-' : `${(share * 100).toFixed(1)}%`);

const CHAT_COLUMNS: readonly Column<ChatResult>[] = [
  { title: 'dataset', cell: (r) => r.dataset, left: true },
  { title: 'lang', cell: (r) => r.lang, left: true },
  { title: 'spread', cell: (r) => String(r.spread) },
  { title: 'acts right', cell: (r) => pct(r.spreadActs) },
  { title: 'as refuting', cell: (r) => pct(r.spreadRefuting) },
  { title: 'questions', cell: (r) => String(r.questions) },
  { title: 'answered', cell: (r) => pct(r.questionsAnswered) },
  { title: 'no strike', cell: (r) => pct(r.questionsNoStrike) },
  { title: 'refutes', cell: (r) => String(r.refutes) },
  { title: 'no strike', cell: (r) => pct(r.refutesNoStrike) },
  { title: 'no reply', cell: (r) => pct(r.refutesNoReply) },
  { title: 'neg+chatter', cell: (r) => String(r.quiet) },
  { title: 'falseAct', cell: (r) => pct(r.quietActs) },
];

const CHAT_LEGEND =
  'spread: acts right = acted on with the right claim; as refuting = stance refute/mock. questions: answered = right claim, refutation, no strike. ' +
  'refutes: no strike / no reply. falseAct: neg + chatter acted on.';

/**
 * A plain-text table of the results, one row per dataset and split, under the act threshold used;
 * then the chat table when a set has labelled messages.
 */
export function formatTable(report: EvalReport): string {
  const lines = [
    `act threshold: ${report.actThreshold}${report.answerThreshold !== undefined ? `, questions answered from ${report.answerThreshold}` : ''} (falseAct: share of negatives acted on; actRate: share of queries acted on with a gold claim)`,
    '',
    ...table(COLUMNS, report.results),
  ];
  if (report.chat.length > 0) lines.push('', 'Labelled chat messages', CHAT_LEGEND, '', ...table(CHAT_COLUMNS, report.chat));
  return lines.join('\n');
}

/**
 * `eval --curve`: per dataset and split, the act-rate and false-act rate at each threshold, so the
 * default act threshold can be chosen where acting is high and false acts are near zero.
 */
export function formatCurve(report: EvalReport): string {
  const keys = [...new Set(report.curve.map((p) => `${p.dataset}/${p.split}`))];
  const thresholds = [...new Set(report.curve.map((p) => p.threshold))].sort((a, b) => a - b);
  const columns: Column<number>[] = [
    { title: 'threshold', cell: (t) => t.toFixed(2) },
    ...keys.flatMap((key): Column<number>[] => {
      const at = (t: number) => report.curve.find((p) => `${p.dataset}/${p.split}` === key && p.threshold === t);
      return [
        { title: `${key} act`, cell: (t) => pct(at(t)?.actRate ?? Number.NaN) },
        { title: 'falseAct', cell: (t) => pct(at(t)?.falseActRate ?? Number.NaN) },
      ];
    }),
  ];
  return ['Act-rate (gold claim acted on) and false-act rate (negatives acted on) by act threshold', '', ...table(columns, thresholds)].join('\n');
}

/**
 * `eval --curve`, second table: with the act threshold held, the share of labelled questions
 * answered per language and of negatives acted on, by answer threshold (`thresholds.answer`).
 */
export function formatAnswerCurve(report: EvalReport): string {
  const points = report.answerCurve;
  const thresholds = [...new Set(points.map((p) => p.threshold))].sort((a, b) => a - b);
  const datasets = [...new Set(points.map((p) => p.dataset))];
  const at = (dataset: string, t: number) => points.find((p) => p.dataset === dataset && p.threshold === t);
  const columns: Column<number>[] = [
    { title: 'answer', cell: (t) => t.toFixed(2) },
    ...datasets.flatMap((dataset): Column<number>[] => {
      const langs = [...new Set(points.filter((p) => p.dataset === dataset).flatMap((p) => Object.keys(p.questionsAnswered)))].sort();
      const hasNegatives = points.some((p) => p.dataset === dataset && p.falseActRate !== null);
      return [
        ...langs.map((lang): Column<number> => ({ title: `${dataset} ${lang} answered`, cell: (t) => pct(at(dataset, t)?.questionsAnswered[lang] ?? Number.NaN) })),
        ...(hasNegatives ? [{ title: `${dataset} falseAct`, cell: (t: number) => pct(at(dataset, t)?.falseActRate ?? Number.NaN) }] : []),
      ];
    }),
  ];
  return [
    `Questions answered (right claim, no strike) and negatives acted on by answer threshold, act threshold held at ${report.actThreshold}`,
    '',
    ...table(columns, thresholds),
  ].join('\n');
}

/** `eval --cv`: the chat table of messages the verifier was not fitted on. */
export function formatCrossValidation(chat: readonly ChatResult[], actThreshold: number, answerThreshold: number | undefined): string {
  return [
    `Labelled chat messages, each read by a verifier fitted without its claim's messages (act threshold ${actThreshold}${answerThreshold !== undefined ? `, questions answered from ${answerThreshold}` : ''})`,
    CHAT_LEGEND,
    '',
    ...table(CHAT_COLUMNS, chat),
  ].join('\n');
}
