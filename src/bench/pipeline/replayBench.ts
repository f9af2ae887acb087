import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openLedgerBackend } from '../../ledger/backends/openLedgerBackend.js';
import { Ledger } from '../../ledger/ledger.js';
import type { LedgerBackend } from '../../ledger/ledgerBackend.js';
import type { IncidentRecord } from '../../ledger/ledgerRecord.js';
import { Recorder } from '../../ledger/recorder.js';
import { Spool } from '../../ledger/spool.js';

/** One row of the replay bench. Field names are the `--json` contract. */
export interface ReplayResult {
  system: 'pipeline';
  run: 'replay';
  store: 'sqlite';
  /** Records spooled during the outage, over 50 groups. */
  records: number;
  /** From the store being back to every record delivered. */
  replayMs: number;
  /** How long a record() issued in the middle of the replay took to be acknowledged. */
  recordDuringReplayMs: number;
}

export const REPLAY_SIZES = [1000, 2000, 4000, 8000] as const;

/**
 * A store outage and its end: `records` incidents are acknowledged while the ledger's store is
 * down (they wait in the spool), then the store comes back and the spool is replayed. Linear
 * replay and a record() that does not wait for it are what this shows.
 */
export async function runReplayBench(sizes: readonly number[] = REPLAY_SIZES): Promise<ReplayResult[]> {
  const results: ReplayResult[] = [];
  for (const records of sizes) results.push(await replay(records));
  return results;
}

async function replay(records: number): Promise<ReplayResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-replay-'));
  const opened = await openLedgerBackend(`sqlite://${path.join(dir, 'ledger.sqlite')}`);
  try {
    let down = true;
    const guard = () => {
      if (down) throw new Error('connect ECONNREFUSED (the bench\'s outage)');
    };
    const inner = opened.backend;
    const backend: LedgerBackend = {
      ...inner,
      head: async (g) => (guard(), inner.head(g)),
      tail: async (g, n) => (guard(), inner.tail(g, n)),
      tryAppend: async (g, e, t) => (guard(), inner.tryAppend(g, e, t)),
    };
    const recorder = new Recorder(new Ledger(backend), new Spool(path.join(dir, 'spool.jsonl')));
    for (let i = 0; i < records; i++) await recorder.record(incident(`g${i % 50}`, String(i)));
    await recorder.settled();
    down = false;
    const started = performance.now();
    const replaying = recorder.flush();
    // A moment into the replay, a new incident: acknowledged once on disk, not after the replay.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const t = performance.now();
    await recorder.record(incident('g-new', 'during'));
    const recordDuringReplayMs = performance.now() - t;
    await replaying;
    await recorder.flush();
    return { system: 'pipeline', run: 'replay', store: 'sqlite', records, replayMs: Math.round(performance.now() - started), recordDuringReplayMs: Number(recordDuringReplayMs.toFixed(2)) };
  } finally {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function incident(groupId: string, messageId: string): IncidentRecord {
  return {
    type: 'incident',
    platform: 'bench',
    groupId,
    messageId,
    member: { id: 'm1', name: 'Member' },
    debunkId: 'bench',
    score: 1,
    refuting: false,
    messageAt: new Date().toISOString(),
    strikes: 1,
    actions: [{ type: 'reply_refutation', detail: 'strike 1', status: 'planned' }],
    by: { kind: 'bot' },
  };
}
