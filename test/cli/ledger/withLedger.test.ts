import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError } from '../../../src/cli/cliError.js';
import { withLedger } from '../../../src/cli/ledger/withLedger.js';
import { Ledger } from '../../../src/ledger/ledger.js';
import { StoreError } from '../../../src/store/storeError.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'rumorguard-withledger-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Shared by `ledger verify` and `ledger export`: both only read.
describe('withLedger', () => {
  it('GIVEN a SQLite file that does not exist THEN a CliError, and neither the file nor its folder is made', async () => {
    const file = path.join(tmp, 'missing/store.sqlite');
    let ran = false;
    const opening = withLedger(`sqlite://${file}`, async () => (ran = true));
    await expect(opening).rejects.toThrow(CliError);
    await expect(opening).rejects.toThrow(`no store at sqlite://${file}: ${file} does not exist`);
    expect(ran).toBe(false);
    expect(existsSync(path.dirname(file))).toBe(false);
  });

  it('GIVEN an unknown scheme THEN the StoreError that lists the accepted forms', async () => {
    await expect(withLedger('mysql://db/x', async () => undefined)).rejects.toThrow(StoreError);
  });

  it('GIVEN memory: THEN the task runs on a ledger and its result comes back', async () => {
    expect(await withLedger('memory:', async (ledger) => ledger instanceof Ledger && (await ledger.groups()).length)).toBe(0);
  });
});

describe.skipIf(!process.env.POSTGRES_URL)('withLedger on PostgreSQL', () => {
  it('GIVEN a database without the ledger table THEN "no ledger", and no table is created in it', async () => {
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: process.env.POSTGRES_URL });
    await admin.connect();
    const name = `rg_noledger_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(process.env.POSTGRES_URL!);
      url.pathname = `/${name}`;
      await expect(withLedger(url.href, async () => undefined)).rejects.toThrow(/^no ledger at postgres.*: this database has no table rumorguard_ledger/);
      const other = new pg.Client({ connectionString: url.href });
      await other.connect();
      const tables = await other.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
      await other.end();
      expect(tables.rows).toEqual([]);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    }
  });
});
