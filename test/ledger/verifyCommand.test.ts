import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedgerBackend } from '../../src/ledger/backends/openLedgerBackend.js';
import { Checkpointer } from '../../src/ledger/checkpoints/checkpointer.js';
import { readCheckpointFile } from '../../src/ledger/checkpoints/checkpointFile.js';
import { signCheckpoint, signingKey, type SignedCheckpoint } from '../../src/ledger/checkpoints/signedCheckpoint.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { Recorder } from '../../src/ledger/recorder.js';
import { Spool } from '../../src/ledger/spool.js';
import { incident } from './fixtures.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** `rumorguard ledger …` in a child process, as an owner or an auditor runs it. */
function cli(args: string[], env: Record<string, string>, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(REPO, 'adapters/cli.ts'), 'ledger', ...args], {
      cwd,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += String(c)));
    child.stderr.on('data', (c) => (stderr += String(c)));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

// Child processes start slowly on a busy 2-core machine, hence the long timeouts.
describe('rumorguard ledger verify', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-verify-cli-'));
  const store = `sqlite://${path.join(dir, 'store.sqlite')}`;
  const env = { STORE_URL: store, LEDGER_KEY_FILE: path.join(dir, 'key.pem'), LEDGER_CHECKPOINT_FILE: path.join(dir, 'checkpoints.json') };
  let checkpoint: SignedCheckpoint;

  beforeAll(async () => {
    // The bot records 30 incidents in group g and stops: the head (seq 30) is signed.
    const opened = await openLedgerBackend(store);
    try {
      const open = await Checkpointer.open({ keyFile: env.LEDGER_KEY_FILE, checkpointFile: env.LEDGER_CHECKPOINT_FILE, backend: opened.backend, warn: () => undefined });
      if (!open.ok) throw new Error(open.error);
      const recorder = new Recorder(new Ledger(opened.backend), new Spool(path.join(dir, 'spool.jsonl')), { onDelivered: (e) => open.checkpointer.delivered(e) });
      for (let i = 1; i <= 30; i++) await recorder.record(incident({ messageId: String(i) }));
      await recorder.flush();
      await open.checkpointer.close();
    } finally {
      await opened.close();
    }
    const file = await readCheckpointFile(env.LEDGER_CHECKPOINT_FILE);
    if (!file.ok) throw new Error(file.error);
    checkpoint = file.checkpoints.get('g')!;
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN an untouched ledger THEN OK, and a management report is exported with its signed head', async () => {
    const verify = await cli(['verify'], env, dir);
    expect(verify).toMatchObject({ code: 0, stderr: '' });
    expect(verify.stdout).toMatch(new RegExp(`^g: OK, 30 entries, head ${checkpoint.hash}; reaches the checkpoint signed ${checkpoint.at} by key ${checkpoint.keyId} \\(seq 30\\)\\n$`));
    const exported = await cli(['export', '--group', 'g', '--format', 'md', '--out', path.join(dir, 'report.md')], env, dir);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
  });

  it('GIVEN the owner deletes entries 30 and on THEN verify fails on one line naming group, seq and fault, exit 1, no stack trace', async () => {
    const db = new sqlite3.Database(path.join(dir, 'store.sqlite'));
    await new Promise<void>((resolve, reject) => db.run('DELETE FROM rumorguard_ledger WHERE seq >= 30', (err) => (err ? reject(err) : resolve())));
    await new Promise<void>((resolve) => db.close(() => resolve()));

    const says = `the checkpoint signed ${checkpoint.at} by key ${checkpoint.keyId} has seq 30`;
    const line = `g: FAILED at seq 30: entries are missing from the end of the chain (the chain ends at seq 29; ${says})\n`;
    expect(await cli(['verify'], env, dir)).toEqual({ code: 1, stdout: line, stderr: '' });
    // An auditor with only the report handed over earlier (no checkpoint file of the bot's).
    const auditor = { ...env, LEDGER_CHECKPOINT_FILE: path.join(dir, 'none.json'), LEDGER_KEY_FILE: path.join(dir, 'none.pem') };
    expect(await cli(['verify', '--group', 'g', '--checkpoint', path.join(dir, 'report.md')], auditor, dir)).toEqual({ code: 1, stdout: line, stderr: '' });
  });

  // QA L11: another bot's report (every playground group is named "console") was said to show "the chain was rewritten".
  it('GIVEN a report another bot signed for a group of the same name THEN verify says the checkpoint was signed by another key, naming both, exit 1', async () => {
    const theirs = signingKey(generateKeyPairSync('ed25519').privateKey);
    const report = path.join(dir, 'other-bot.json');
    writeFileSync(report, JSON.stringify(signCheckpoint({ groupId: 'g', seq: 10, hash: 'e'.repeat(64), at: '2026-03-02T00:00:00.000Z' }, theirs)));
    const run = await cli(['verify', '--group', 'g', '--checkpoint', report], env, dir);
    expect(run).toMatchObject({ code: 1, stderr: '' });
    expect(run.stdout).toMatch(/^g: FAILED at seq 10: the checkpoint was signed by another key than this store's/);
    expect(run.stdout).toContain(`(the checkpoint is signed by key ${theirs.keyId}, this store's signing key is ${checkpoint.keyId}; its hash is `);
    expect(run.stdout).not.toContain('the chain was rewritten');
  });

  it('GIVEN --group nosuch THEN one line says there is no such group, exit 1', async () => {
    expect(await cli(['verify', '--group', 'nosuch'], env, dir)).toEqual({
      code: 1,
      stdout: 'nosuch: no such group: the store has no ledger entries for it and no checkpoint names it\n',
      stderr: '',
    });
  });
});
