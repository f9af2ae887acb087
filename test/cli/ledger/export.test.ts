import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedgerBackend } from '../../../src/ledger/backends/openLedgerBackend.js';
import { Ledger } from '../../../src/ledger/ledger.js';
import { incident } from '../../ledger/fixtures.js';
import { runCli } from '../runCli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'rumorguard-export-'));
const store = `sqlite://${path.join(tmp, 'store.sqlite')}`;
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  const opened = await openLedgerBackend(store);
  const ledger = new Ledger(opened.backend);
  await ledger.append(incident({ groupId: 'chat-1', recordId: 'i1' }));
  await ledger.append(incident({ groupId: 'chat-2', recordId: 'i2' }));
  await opened.close();
});

const exportArgs = (...args: string[]) => ['ledger', 'export', '--format', 'json', ...args];

/** An ordinary mistake: exit 1, nothing on stdout, one line on stderr, no stack. */
function expectOneLine(run: { status: number | null; stdout: string; stderr: string }): string {
  expect(run.status).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  return run.stderr.trimEnd();
}

describe('rumorguard ledger export', () => {
  it('GIVEN a group in the store and --format json THEN stdout is that one JSON document', () => {
    const run = runCli(exportArgs('--group', 'chat-1', '--store', store));
    expect(run.status, run.stderr).toBe(0);
    const exported = JSON.parse(run.stdout) as { groupId: string; entries: { record: { recordId: string } }[] };
    expect(exported.groupId).toBe('chat-1');
    expect(exported.entries.map((e) => e.record.recordId)).toEqual(['i1']);
  });

  it('GIVEN --out in a folder that is not there THEN it says it cannot write there', () => {
    const out = path.join(tmp, 'no-such-folder/report.md');
    const line = expectOneLine(runCli(['ledger', 'export', '--format', 'md', '--group', 'chat-1', '--store', store, '--out', out]));
    expect(line).toBe(`error: cannot write ${out}: its folder does not exist`);
  });

  it('GIVEN --out naming the store itself, or the checkpoint file THEN it refuses, and both are as they were', () => {
    const before = readFileSync(path.join(tmp, 'store.sqlite'));
    const line = expectOneLine(runCli(exportArgs('--group', 'chat-1', '--store', store, '--out', path.join(tmp, 'store.sqlite'))));
    expect(line).toBe(`error: --out ${path.join(tmp, 'store.sqlite')} is the store: the export would write over it; choose another file`);
    expect(readFileSync(path.join(tmp, 'store.sqlite')).equals(before)).toBe(true);
    const checkpoints = path.join(tmp, 'checkpoints.json');
    writeFileSync(checkpoints, '{}');
    const refused = expectOneLine(runCli(exportArgs('--group', 'chat-1', '--store', store, '--out', checkpoints), { env: { LEDGER_CHECKPOINT_FILE: checkpoints } }));
    expect(refused).toBe(`error: --out ${checkpoints} is the signed checkpoints (LEDGER_CHECKPOINT_FILE): the export would write over it; choose another file`);
    expect(readFileSync(checkpoints, 'utf8')).toBe('{}');
  });

  it('GIVEN --out naming the signing key THEN it refuses, naming the path as typed (a path is no secret), and the key is as it was', () => {
    // Regression (QA L10): "--out *** is the ledger signing key": LEDGER_KEY_FILE's value was masked as a secret.
    const key = path.join(tmp, 'key.pem');
    writeFileSync(key, 'not a real key');
    const refused = expectOneLine(runCli(exportArgs('--group', 'chat-1', '--store', store, '--out', key), { env: { LEDGER_KEY_FILE: key } }));
    expect(refused).toBe(`error: --out ${key} is the ledger signing key (LEDGER_KEY_FILE): the export would write over it; choose another file`);
    expect(readFileSync(key, 'utf8')).toBe('not a real key');
  });

  it('GIVEN --out naming a file that is there and an export that fails THEN the file is as it was, and no temporary file is left', () => {
    const out = path.join(tmp, 'keep.txt');
    writeFileSync(out, 'precious');
    // A store URL that refuses: the export fails after --out was checked.
    const run = runCli(exportArgs('--group', 'g', '--store', 'redis://127.0.0.1:1', '--out', out));
    expect(run.status).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('precious');
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // A good export replaces it whole.
    expect(runCli(exportArgs('--group', 'chat-1', '--store', store, '--out', out)).status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ groupId: 'chat-1' });
  });

  it('GIVEN a group the ledger does not have THEN it says so and names the groups there are', () => {
    const line = expectOneLine(runCli(exportArgs('--group', 'chat-3', '--store', store)));
    expect(line).toBe(`error: the ledger at ${store} has no group "chat-3"; its groups are "chat-1", "chat-2"`);
  });

  it('GIVEN an empty ledger THEN the missing group is reported as such', () => {
    const line = expectOneLine(runCli(exportArgs('--group', 'g', '--store', 'memory:')));
    expect(line).toBe('error: the ledger at memory: has no group "g" (it has no entries at all)');
  });

  it('GIVEN no STORE_URL in a folder without the default store THEN "no store" and no data/ folder or file is made', () => {
    const cwd = mkdtempSync(path.join(tmp, 'empty-'));
    const line = expectOneLine(runCli(exportArgs('--group', 'g'), { cwd }));
    expect(line).toBe(
      `error: no store at sqlite://data/rumorguard.sqlite: ${path.join(cwd, 'data/rumorguard.sqlite')} does not exist. Name the bot's store with --store or STORE_URL.`,
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('GIVEN STORE_URL naming a SQLite file that is not there THEN the same, and nothing is created', () => {
    const file = path.join(tmp, 'typo/store.sqlite');
    const line = expectOneLine(runCli(exportArgs('--group', 'g'), { env: { STORE_URL: `sqlite://${file}` } }));
    expect(line).toMatch(/^error: no store at sqlite:\/\/.*typo\/store\.sqlite: /);
    expect(existsSync(path.dirname(file))).toBe(false);
  });

  it.each([
    ['redis', 'redis://:hunter2@127.0.0.1:1'],
    ['postgres', 'postgres://rumorguard:hunter2@127.0.0.1:1/test'],
  ])('GIVEN a %s store that refuses the connection THEN one line naming it, password redacted', (_backend, url) => {
    const line = expectOneLine(runCli(exportArgs('--group', 'g', '--store', url)));
    expect(line).toContain(url.replace('hunter2', '***'));
    expect(line).toMatch(/ECONNREFUSED/);
    expect(line).not.toMatch(/hunter2/);
  });

  it('GIVEN --since after --until THEN it says so before opening any store', () => {
    const line = expectOneLine(
      runCli(exportArgs('--group', 'g', '--since', '2026-02-01', '--until', '2026-01-01', '--store', 'redis://127.0.0.1:1')),
    );
    expect(line).toBe('error: --since 2026-02-01T00:00:00.000Z is not before --until 2026-01-01T00:00:00.000Z: no entry can be in between');
  });

  it.each(['yesterday', '2026-02-30', '1', '2026-1-5'])('GIVEN --since %s THEN commander says it is not a date', (value) => {
    const line = expectOneLine(runCli(exportArgs('--group', 'g', '--since', value, '--store', 'memory:')));
    expect(line).toBe(
      `error: option '--since <date>' argument '${value}' is invalid. not a date: "${value}" (use YYYY-MM-DD or an ISO time such as 2026-01-31T18:00Z)`,
    );
  });
});
