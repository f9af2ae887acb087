import { afterAll, describe, expect, it } from 'vitest';
import { dropPostgresLedgerTable } from '../../../src/ledger/backends/dropPostgresLedgerTable.js';
import { postgresLedgerBackend } from '../../../src/ledger/backends/postgresLedgerBackend.js';
import { RUN_ID } from './backendHarnesses.js';

const url = process.env.POSTGRES_URL;
/** Processes (shards, a restart overlapping the old one) opening one fresh database at once. */
const OPENERS = 12;
const tables: string[] = [];

afterAll(async () => {
  if (url) for (const table of tables) await dropPostgresLedgerTable(url, table);
});

describe('postgresLedgerBackend: many openers of a fresh database at once', () => {
  it.skipIf(!url)(`GIVEN ${OPENERS} backends opened at once on tables that do not exist yet THEN every one opens and appends${url ? '' : ' (skipped: set POSTGRES_URL)'}`, async () => {
    // Each round a new table: the catalog race ("type … already exists") happens only while it is created.
    for (let round = 0; round < 5; round++) {
      const table = `rumorguard_ledger_test_${RUN_ID}_race${round}`;
      tables.push(table);
      const opened = await Promise.allSettled(Array.from({ length: OPENERS }, () => postgresLedgerBackend(url!, { table, maxConnections: 1 })));
      const failures = opened.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason));
      expect(failures).toEqual([]);
      const backends = opened.map((o) => (o as PromiseFulfilledResult<Awaited<ReturnType<typeof postgresLedgerBackend>>>).value);
      await Promise.all(backends.map((b) => b.close()));
    }
  });
});
