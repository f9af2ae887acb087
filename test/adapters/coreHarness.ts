import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Debunk } from '../../src/debunks/schema.js';
import { Engine } from '../../src/engine/engine.js';
import { Moderator } from '../../src/moderation/moderator.js';
import { FeedbackQueue } from '../../src/feedback/feedbackQueue.js';
import { openLedgerBackend } from '../../src/ledger/backends/openLedgerBackend.js';
import { Ledger } from '../../src/ledger/ledger.js';
import type { IncidentRecord, LedgerRecord } from '../../src/ledger/ledgerRecord.js';
import { Recorder } from '../../src/ledger/recorder.js';
import { Spool } from '../../src/ledger/spool.js';
import { createLogger, type Logger } from '../../src/lib/logger.js';
import { openStore } from '../../src/store/openStore.js';
import { ALL_ACTIONS, DEBUNKS, DEFAULT_RULES } from '../engine/harness.js';

/**
 * The platform-free core as `npm start` wires it, for adapter tests: a real SQLite store and
 * ledger in a temporary folder, the engine, the spool-backed recorder and the moderator.
 */
export async function startCore(options: { groupId: string; debunks?: readonly Debunk[]; enforceAll?: boolean; secrets: string[]; logTo?: NodeJS.WritableStream }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-core-'));
  const url = `sqlite://${path.join(dir, 'store.sqlite')}`;
  const opened = await openStore(url);
  const ledgerBackend = await openLedgerBackend(url);
  const engine = new Engine({ debunks: options.debunks ?? DEBUNKS, rules: DEFAULT_RULES, store: opened.store });
  if (options.enforceAll) {
    const r = await engine.configure(options.groupId, { enabledActions: [...ALL_ACTIONS] });
    if (!r.ok) throw new Error(r.problems.join('; '));
  }
  const ledger = new Ledger(ledgerBackend.backend);
  const moderator = new Moderator(engine, new Recorder(ledger, new Spool(path.join(dir, 'spool.jsonl'))), new FeedbackQueue(opened.store));
  const log: Logger = createLogger({
    level: options.logTo ? 'debug' : 'silent',
    secrets: options.secrets,
    ...(options.logTo ? { destination: options.logTo } : {}),
  });
  return {
    engine,
    ledger,
    moderator,
    store: opened.store,
    log,
    /** Every record in a group's ledger. */
    records: async (groupId = options.groupId): Promise<LedgerRecord[]> => (await ledger.entries(groupId)).map((e) => e.record),
    incidents: async (groupId = options.groupId): Promise<IncidentRecord[]> =>
      (await ledger.entries(groupId)).map((e) => e.record).filter((r): r is IncidentRecord => r.type === 'incident'),
    /** Closes the key-value store under the running bot, as an outage would. */
    closeStore: () => opened.close(),
    async close() {
      await ledgerBackend.close();
      await opened.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
