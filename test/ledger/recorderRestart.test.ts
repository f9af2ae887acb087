import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedgerBackend } from '../../src/ledger/backends/openLedgerBackend.js';
import { Ledger } from '../../src/ledger/ledger.js';
import type { IncidentRecord } from '../../src/ledger/ledgerRecord.js';
import { Recorder } from '../../src/ledger/recorder.js';
import { Spool } from '../../src/ledger/spool.js';
import { incident } from './fixtures.js';

const dir = mkdtempSync(path.join(tmpdir(), 'rg-restart-'));
/** Test-only table and key prefix, so runs never write into a real ledger's namespace. */
const ISOLATED = { table: 'rg_test_restart_ledger', keyPrefix: 'rg-test:restart:' };

const backends = [
  { name: 'sqlite', url: `sqlite://${path.join(dir, 'ledger.sqlite')}` },
  ...(process.env.REDIS_URL ? [{ name: 'redis', url: process.env.REDIS_URL }] : []),
  ...(process.env.POSTGRES_URL ? [{ name: 'postgres', url: process.env.POSTGRES_URL }] : []),
];

/**
 * What a process killed mid-flood leaves: `before` records of an earlier run already in the chain
 * and gone from the spool, then `delivered` records both in the chain and still in the spool (the
 * file forgets them only once everything is delivered), then `undelivered` ones in the spool only.
 */
const cases = [
  { before: 30, delivered: 1200, undelivered: 20, batch: undefined },
  { before: 30, delivered: 500, undelivered: 20, batch: 100 },
  { before: 30, delivered: 0, undelivered: 20, batch: undefined },
  { before: 0, delivered: 600, undelivered: 0, batch: 64 },
];

describe.each(backends)('recorder after a restart with delivered records still in the spool ($name)', ({ url }) => {
  it.each(cases)(
    'GIVEN $before earlier, $delivered delivered and $undelivered undelivered records (batch $batch) THEN each is in the chain exactly once, in order',
    async ({ before, delivered, undelivered, batch }) => {
      const group = `restart-${process.pid}-${randomUUID()}`;
      const numbered = (from: number, count: number): IncidentRecord[] =>
        Array.from({ length: count }, (_, i) => incident({ groupId: group, messageId: String(from + i), recordId: randomUUID() }));
      const earlier = numbered(0, before);
      const spooled = numbered(before, delivered + undelivered);
      const opened = await openLedgerBackend(url, ISOLATED);
      try {
        const ledger = new Ledger(opened.backend);
        await ledger.appendMany(group, earlier);
        const file = path.join(dir, `${group}.spool`);
        const dying = new Spool(file);
        await Promise.all(spooled.map((record) => dying.append(record)));
        await ledger.appendMany(group, spooled.slice(0, delivered));
        // The process dies here: the ledger took `delivered` records, the spool never heard of it.
        await dying.close();

        const restarted = new Spool(file);
        expect(restarted.waiting).toBe(delivered + undelivered);
        await new Recorder(ledger, restarted, batch === undefined ? {} : { batch }).flush();

        expect(restarted.waiting).toBe(0);
        const messageIds = (await ledger.entries(group)).map((e) => (e.record as IncidentRecord).messageId);
        expect(messageIds).toEqual([...earlier, ...spooled].map((r) => r.messageId));
        expect(await ledger.verify(group)).toMatchObject({ ok: true });
      } finally {
        await opened.close();
      }
    },
    60_000,
  );
});
