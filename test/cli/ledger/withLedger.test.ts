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
