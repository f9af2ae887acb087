import type { PipelineResult } from './pipelineBench.js';
import type { ReplayResult } from './replayBench.js';

/** The pipeline rows as a text table, one line per store and run. */
export function formatPipelineTable(rows: readonly PipelineResult[]): string {
  const header = ['store', 'run', 'rumors', 'groups', 'msgs', 'msgs/s', 'p50 ms', 'p99 ms', 'others p99 (without flood)', 'fsyncs/rec', 'writes/rec', 'lag p50/p99 ms', 'RSS MB', 'CPU ms/msg'];
  const lines = rows.map((r) => [
    r.store,
    r.run,
    `${Math.round(r.rumorShare * 100)} %`,
    String(r.groups),
    String(r.messages),
    r.msgsPerSec.toLocaleString('en-US'),
    r.p50Ms.toFixed(2),
    r.p99Ms.toFixed(2),
    r.othersP99Ms === null ? '' : `${r.othersP99Ms.toFixed(2)} (${r.othersBaselineP99Ms?.toFixed(2) ?? '?'})`,
    r.fsyncsPerRecord.toFixed(3),
    r.storeWritesPerRecord.toFixed(3),
    `${r.ledgerLagP50Ms} / ${r.ledgerLagP99Ms}`,
    String(r.rssMB),
    r.cpuMsPerMessage.toFixed(3),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: readonly string[]) => cells.map((c, i) => (i < 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [row(header), row(widths.map((w) => '-'.repeat(w))), ...lines.map(row)].join('\n');
}

/** The replay rows: an outage's spooled records delivered once the store is back. */
export function formatReplayTable(rows: readonly ReplayResult[]): string {
  const lines = [
    'replay after an outage  records  replay ms  ms per 1k  record() during replay, ms',
    ...rows.map(
      (r) =>
        `${'sqlite'.padEnd(22)}  ${String(r.records).padStart(7)}  ${String(r.replayMs).padStart(9)}  ${String(Math.round((r.replayMs / r.records) * 1000)).padStart(9)}  ${r.recordDuringReplayMs.toFixed(2).padStart(26)}`,
    ),
  ];
  return lines.join('\n');
}

export const PIPELINE_NOTES = [
  'Pipeline: every message through the moderator as `npm start` wires it (store, engine, spool, recorder, ledger), all actions enabled, the',
  'platform answering at once. msgs/s is wall-clock; p50/p99 from a message handed over to its decision back with the incident on disk.',
  'steady: as many messages in flight as the bench allows (64), so its latencies are mostly queueing behind the others in flight; paced:',
  'the same talk offered at a fixed rate (--rate), latency counted from when each message was due: what a member sees at that load.',
  'The flood run sends its rumors into one group while the other groups talk; "others p99" is their latency then, and in brackets without',
  'the flood (the steady 5 % run). fsyncs/rec: spool flushes per ledger record; writes/rec: ledger writes to the store per record; lag: from',
  'a record on disk to it being in the store. CPU ms/msg: CPU time of the process per message (steadier than wall-clock figures on a busy',
  'machine). Redis and Postgres rows run when REDIS_URL / POSTGRES_URL are set.',
].join('\n');
