import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { openLedgerBackend } from '../../src/ledger/backends/openLedgerBackend.js';
import type { LedgerRecord } from '../../src/ledger/ledgerRecord.js';
import { createLogger } from '../../src/lib/logger.js';
import { createCore } from '../../src/moderation/createCore.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { Recorder } from '../../src/ledger/recorder.js';
import { Spool } from '../../src/ledger/spool.js';
import { DEBUNKS, DEFAULT_RULES } from '../engine/harness.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'rg-kill9-'));
/** Test-only table and key prefix, so runs never write into a real ledger's namespace. */
const ISOLATED = { table: 'rg_test_kill9_ledger', keyPrefix: 'rg-test:kill9:' };

const backends = [
  { name: 'sqlite', url: `sqlite://${path.join(dir, 'ledger.sqlite')}` },
  ...(process.env.REDIS_URL ? [{ name: 'redis', url: process.env.REDIS_URL }] : []),
  ...(process.env.POSTGRES_URL ? [{ name: 'postgres', url: process.env.POSTGRES_URL }] : []),
];

/** Runs the burst appender and kills it with SIGKILL after `killAfter` acknowledgements. */
function burstAndKill(url: string, spool: string, group: string, killAfter: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'test/ledger/burstAppender.ts'), url, spool, group, '100000', JSON.stringify(ISOLATED)], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acked: number[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^ack (\d+)$/.exec(line);
      if (!m) return;
      acked.push(Number(m[1]));
      if (acked.length === killAfter) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`appender exited without being killed (${signal})`))));
  });
}

describe.each(backends)('kill -9 in the middle of a burst of appends ($name)', ({ url }) => {
  it('GIVEN a writer killed mid-burst THEN after replaying its spool the ledger verifies and holds every acknowledged incident once', async () => {
    const group = `kill9-${process.pid}-${Date.now()}`;
    const spool = path.join(dir, `${group}.spool`);
    const acked = await burstAndKill(url, spool, group, 150);

    const opened = await openLedgerBackend(url, ISOLATED);
    try {
      const ledger = new Ledger(opened.backend);
      // The next process start replays whatever the dead one left in its spool.
      await new Recorder(ledger, new Spool(spool)).flush();
      expect(await ledger.verify(group)).toMatchObject({ ok: true });
      const ids = (await ledger.entries(group)).map((e) => Number((e.record as { messageId: string }).messageId));
      expect(new Set(ids).size).toBe(ids.length);
      for (const n of acked) expect(ids).toContain(n);
      // In order: the spool replays in the order records were acknowledged.
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    } finally {
      await opened.close();
    }
  });
});

/** Runs the flood through the whole core in a child process and kills it with SIGKILL after `killAfter` acknowledgements. */
function floodAndKill(folder: string, group: string, count: number, killAfter: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'test/ledger/floodModerator.ts'), folder, group, String(count)], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acked: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^ack (\S+)$/.exec(line);
      if (!m) return;
      acked.push(m[1]!);
      if (acked.length === killAfter) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`the flood ended before it was killed (${signal})`))));
  });
}

/** How the flood child names a record it acknowledged. */
const ackName = (r: LedgerRecord) => (r.type === 'outcome' ? `outcome:${r.incidentId}` : `${r.type}:${r.recordId}`);

/** `rumorguard ledger verify` in a child process, as an owner runs it. */
function verifyCli(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'adapters/cli.ts'), 'ledger', 'verify'], { cwd: REPO, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += String(c)));
    child.stderr.on('data', (c) => (stderr += String(c)));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('kill -9 in the middle of a flood through the whole core (sqlite)', () => {
  it('GIVEN the bot killed mid-flood in one group THEN after a restart every acknowledged record is in the chain exactly once AND ledger verify passes', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'rg-kill9-flood-'));
    const group = 'flooded';
    // 4,000 rumors, 50 in flight; killed well into the flood, with records both delivered and waiting.
    const acked = await floodAndKill(folder, group, 4000, 3000);

    // What the dead process left: records in its spool, some of them already in the chain.
    const spooled = readFileSync(path.join(folder, 'spool.jsonl'), 'utf8').split('\n').filter(Boolean).length;
    const before = await openLedgerBackend(`sqlite://${path.join(folder, 'store.sqlite')}`);
    const chained = (await new Ledger(before.backend).entries(group)).length;
    await before.close();

    const created = await createCore({
      debunks: DEBUNKS,
      rules: DEFAULT_RULES,
      storeUrl: `sqlite://${path.join(folder, 'store.sqlite')}`,
      spoolFile: path.join(folder, 'spool.jsonl'),
      signing: { keyFile: path.join(folder, 'key.pem'), checkpointFile: path.join(folder, 'checkpoints.json') },
      log: createLogger({ level: 'silent', secrets: [] }),
    });
    if (!created.ok) throw new Error(created.error);
    // createCore delivered what the dead process left in its spool before returning.
    const names = (await created.core.ledger.entries(group)).map((e) => ackName(e.record));
    const recordIds = (await created.core.ledger.entries(group)).map((e) => e.record.recordId);
    await created.core.close();

    const counts = new Map<string, number>();
    for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
    const duplicates = [...counts.values()].filter((n) => n > 1).length;
    const missing = acked.filter((name) => !counts.has(name));
    console.log(`kill -9 mid-flood: ${acked.length} records acknowledged; at the restart ${spooled} in the spool, ${chained} in the chain; after it ${names.length} in the chain, ${acked.length - missing.length} of the acknowledged found, ${duplicates} duplicated`);
    expect(missing).toEqual([]);
    expect(duplicates).toBe(0);
    expect(new Set(recordIds).size).toBe(recordIds.length);

    const verify = await verifyCli({
      STORE_URL: `sqlite://${path.join(folder, 'store.sqlite')}`,
      LEDGER_KEY_FILE: path.join(folder, 'key.pem'),
      LEDGER_CHECKPOINT_FILE: path.join(folder, 'checkpoints.json'),
    });
    expect(verify).toMatchObject({ code: 0, stderr: '' });
    expect(verify.stdout).toMatch(new RegExp(`^${group}: OK, ${names.length} entries`));
    rmSync(folder, { recursive: true, force: true });
  }, 180_000);
});
