import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLedgerBackend } from '../../src/ledger/backends/openLedgerBackend.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { reconnectingBackend } from '../../src/ledger/reconnectingBackend.js';
import { Recorder } from '../../src/ledger/recorder.js';
import { Spool } from '../../src/ledger/spool.js';
import { incident } from './fixtures.js';

const hasRedis = spawnSync('redis-server', ['--version']).status === 0;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A Redis of the test's own, persisting every write (so a restart keeps the ledger). */
async function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) resolve();
    });
    server.on('exit', () => reject(new Error('redis-server exited')));
  });
  return server;
}

const stop = (server: ChildProcess) =>
  new Promise<void>((resolve) => {
    server.once('exit', () => resolve());
    server.kill('SIGKILL');
  });

describe.skipIf(!hasRedis)('store outage (a Redis server of the test\'s own)', () => {
  const servers: ChildProcess[] = [];
  afterAll(async () => {
    for (const s of servers) if (s.exitCode === null && s.signalCode === null) await stop(s);
  });

  it('GIVEN the server dies mid-stream THEN records wait in the spool AND reach the ledger in order once it is back', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rg-outage-'));
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    servers.push(await startRedis(port, dir));
    const backend = reconnectingBackend(() => openLedgerBackend(url));
    const ledger = new Ledger(backend);
    const spool = new Spool(path.join(dir, 'spool.jsonl'));
    const recorder = new Recorder(ledger, spool);

    for (let n = 1; n <= 5; n++) await recorder.record(incident({ messageId: String(n) }));
    await recorder.flush();
    expect(spool.pending()).toHaveLength(0);

    await stop(servers[0]!);
    const during = [];
    for (let n = 6; n <= 10; n++) {
      during.push(await recorder.record(incident({ messageId: String(n) })));
      await recorder.settled();
    }
    expect(during.every((o) => o.acknowledged)).toBe(true);
    expect(during.map((o) => o.waiting)).toEqual([1, 2, 3, 4, 5]);
    // Acknowledged from the spool at once; the delivery that failed says why the next time.
    expect(during[1]!.storeError).toBeDefined();
    expect(spool.pending()).toHaveLength(5);

    servers.push(await startRedis(port, dir));
    await recorder.flush();
    expect(spool.pending()).toHaveLength(0);
    const ids = (await ledger.entries('g')).map((e) => (e.record as { messageId: string }).messageId);
    expect(ids).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect((await ledger.verify('g')).ok).toBe(true);
    await backend.close();
  });
});
