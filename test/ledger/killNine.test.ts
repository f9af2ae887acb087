import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { openLedgerBackend } from '../../src/ledger/backends/openLedgerBackend.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { Recorder } from '../../src/ledger/recorder.js';
import { Spool } from '../../src/ledger/spool.js';

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
