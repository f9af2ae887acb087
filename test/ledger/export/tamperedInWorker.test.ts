import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteLedgerBackend } from '../../../src/ledger/backends/sqliteLedgerBackend.js';
import { signCheckpoint, signingKey } from '../../../src/ledger/checkpoints/signedCheckpoint.js';
import { exportLedger } from '../../../src/ledger/export/exportLedger.js';
import { textCollector } from '../../../src/ledger/export/textSink.js';
import { Ledger } from '../../../src/ledger/ledger.js';
import { syntheticRecords } from '../../probes/syntheticLedger.js';
import { steppingClock } from '../fixtures.js';

// An md export made in a worker thread verifies the chain there: the report must state exactly what
// one made in the bot's thread states, damage and tampering included.

/** Runs one statement on the file, as someone editing the database by hand would. */
async function edit(file: string, sql: string): Promise<void> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const d = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(d)));
  });
  await new Promise<void>((resolve, reject) => db.run(sql, [], (err) => (err ? reject(err) : resolve())));
  await new Promise<void>((resolve) => db.close(() => resolve()));
}

const TAMPERING = {
  // The content of entry 1499 (an incident) changed, its hash left as it was.
  edited: "UPDATE rumorguard_ledger SET entry = replace(entry, '\"messageId\":\"749\"', '\"messageId\":\"750\"') WHERE group_id = 'g' AND seq = 1499",
  // Entry 2200 no longer an entry.
  damaged: "UPDATE rumorguard_ledger SET entry = 'null' WHERE group_id = 'g' AND seq = 2200",
  // Entry 1001 gone.
  missing: "DELETE FROM rumorguard_ledger WHERE group_id = 'g' AND seq = 1001",
} as const;

describe('an md export of a tampered SQLite ledger made in a worker thread', () => {
  let dir: string;
  const key = signingKey(generateKeyPairSync('ed25519').privateKey);
  const other = signingKey(generateKeyPairSync('ed25519').privateKey);

  /** A SQLite ledger of 3,000 entries (incidents, outcomes, kept texts), tampered with as `sql` says. */
  async function ledgerFile(name: string, sql?: string): Promise<string> {
    const file = path.join(dir, `${name}.sqlite`);
    const store = await sqliteLedgerBackend(file);
    const ledger = new Ledger(store, steppingClock());
    for (let i = 0; i < 1500; i += 500) await ledger.appendMany('g', syntheticRecords(i, i + 500));
    await store.close();
    if (sql) await edit(file, sql);
    return file;
  }

  /** The md export of `file` in this thread and in a worker, with its summary. */
  async function bothWays(file: string, options: { checkpoint?: ReturnType<typeof signCheckpoint>; trustedKey?: string } = {}) {
    const store = await sqliteLedgerBackend(file);
    try {
      const here = textCollector();
      const inThread = await exportLedger(new Ledger(store), 'g', { format: 'md', ...options, worker: false }, here.sink);
      const there = textCollector();
      const inWorker = await exportLedger(new Ledger(store), 'g', { format: 'md', ...options, worker: true }, there.sink);
      return { here: here.text(), there: there.text(), inThread, inWorker };
    } finally {
      await store.close();
    }
  }

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rg-verify-worker-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(Object.keys(TAMPERING) as (keyof typeof TAMPERING)[])('GIVEN a ledger with an entry %s by hand THEN the report made in the worker states the same failed verification as this thread', async (fault) => {
    const { here, there, inThread, inWorker } = await bothWays(await ledgerFile(fault, TAMPERING[fault]));
    expect(inThread.check).toMatchObject({ ok: false, fault });
    expect(inWorker).toEqual(inThread);
    expect(there).toBe(here);
    expect(there).toContain('**Ledger chain FAILED verification at entry');
  });

  it('GIVEN a checkpoint signed by a key other than the trusted one, or one the chain was rewritten under THEN the worker finds the same faults', async () => {
    const file = await ledgerFile('checkpoints');
    const store = await sqliteLedgerBackend(file);
    const head = (await store.tail('g', 1))[0]!;
    const entry = (await store.readPage('g', 99, 100, 1)).items[0] as { seq: number; hash: string };
    await store.close();
    const untrusted = signCheckpoint({ groupId: 'g', seq: head.seq, hash: head.hash, at: '2026-03-03T00:00:00.000Z' }, other);
    const rewritten = signCheckpoint({ groupId: 'g', seq: entry.seq, hash: 'f'.repeat(64), at: '2026-03-03T00:00:00.000Z' }, key);
    for (const [options, fault] of [
      [{ checkpoint: untrusted, trustedKey: key.publicKey }, 'bad_checkpoint'],
      [{ checkpoint: rewritten }, 'rewritten'],
    ] as const) {
      const { here, there, inThread, inWorker } = await bothWays(file, options);
      expect(inThread.check).toMatchObject({ ok: false, fault });
      expect(inWorker).toEqual(inThread);
      expect(there).toBe(here);
    }
  });
});
