import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Debunk } from '../../src/debunks/schema.js';
import type { IncidentRecord, LedgerRecord } from '../../src/ledger/ledgerRecord.js';
import { createLogger, type Logger } from '../../src/lib/logger.js';
import { createCore } from '../../src/moderation/createCore.js';
import { ALL_ACTIONS, DEBUNKS, DEFAULT_RULES } from '../engine/harness.js';

/**
 * The platform-free core as `npm start` wires it (createCore), for adapter tests: a real SQLite
 * store and ledger in a temporary folder, the engine, the spool-backed recorder and the moderator.
 */
export async function startCore(options: { groupId: string; debunks?: readonly Debunk[]; enforceAll?: boolean; secrets: string[]; logTo?: NodeJS.WritableStream; operatorIds?: readonly string[]; reviewShares?: 'all' | 'operators' }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-core-'));
  const log: Logger = createLogger({
    level: options.logTo ? 'debug' : 'silent',
    secrets: options.secrets,
    ...(options.logTo ? { destination: options.logTo } : {}),
  });
  const created = await createCore({
    debunks: options.debunks ?? DEBUNKS,
    rules: DEFAULT_RULES,
    storeUrl: `sqlite://${path.join(dir, 'store.sqlite')}`,
    spoolFile: path.join(dir, 'spool.jsonl'),
    ...(options.operatorIds ? { operatorIds: options.operatorIds } : {}),
    ...(options.reviewShares ? { reviewShares: options.reviewShares } : {}),
    log,
  });
  if (!created.ok) throw new Error(created.error);
  const { engine, ledger, moderator, store } = created.core;
  if (options.enforceAll) {
    const r = await engine.configure(options.groupId, { enabledActions: [...ALL_ACTIONS] });
    if (!r.ok) throw new Error(r.problems.join('; '));
  }
  let storeClosed = false;
  return {
    engine,
    ledger,
    moderator,
    store,
    log,
    library: created.core.library,
    operators: created.core.operators,
    /** Every record in a group's ledger, once what was handed over so far is delivered. */
    records: async (groupId = options.groupId): Promise<LedgerRecord[]> => {
      await moderator.settled();
      return (await ledger.entries(groupId)).map((e) => e.record);
    },
    incidents: async (groupId = options.groupId): Promise<IncidentRecord[]> => {
      await moderator.settled();
      return (await ledger.entries(groupId)).map((e) => e.record).filter((r): r is IncidentRecord => r.type === 'incident');
    },
    /** Closes the key-value store under the running bot, as an outage would. */
    closeStore: async () => {
      storeClosed = true;
      await created.core.closeStore();
    },
    async close() {
      await created.core.close().catch((error: unknown) => {
        // A store closed on purpose by the test fails the last flush: that is the point.
        if (!storeClosed) throw error;
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
