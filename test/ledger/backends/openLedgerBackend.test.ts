import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { dropPostgresLedgerTable } from '../../../src/ledger/backends/dropPostgresLedgerTable.js';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedgerBackend } from '../../../src/ledger/backends/openLedgerBackend.js';
import { Ledger } from '../../../src/ledger/ledger.js';
import { incident } from '../fixtures.js';
import { RUN_ID } from './backendHarnesses.js';

const PASSWORD = 'hunter2-secret';

/** A TCP server on a free port that the test controls: silent, or forwarding to a real server until cut. */
interface TestServer {
  port: number;
  /** Keeps the connections open but forwards nothing more: the store hangs. */
  stall(): void;
  /** Stops listening and drops every connection: the store "goes away". */
  cut(): Promise<void>;
}

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.cut()));
});

async function listen(onConnection: (socket: Socket, stalled: () => boolean) => void): Promise<TestServer> {
  let stalled = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket, () => stalled);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  let cut: Promise<void> | undefined;
  const handle = {
    port,
    stall: () => void (stalled = true),
    cut: () =>
      (cut ??= new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      })),
  };
  servers.push(handle);
  return handle;
}

/** Accepts connections and never answers: a hung server. */
const silentServer = () => listen(() => undefined);

/** `url` with its host replaced by the proxy's. */
function through(proxy: TestServer, url: string): string {
  const target = new URL(url);
  target.host = `127.0.0.1:${proxy.port}`;
  return target.toString();
}

/** Forwards to the server at `url` until stalled or cut. */
const proxyTo = (url: string) =>
  listen((socket, stalled) => {
    const target = new URL(url);
    const upstream = connect(Number(target.port || (target.protocol === 'redis:' ? 6379 : 5432)), target.hostname);
    upstream.on('error', () => socket.destroy());
    socket.on('close', () => upstream.destroy());
    upstream.on('close', () => socket.destroy());
    socket.on('data', (chunk) => stalled() || upstream.write(chunk));
    upstream.on('data', (chunk) => stalled() || socket.write(chunk));
  });

/** A port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const s = await listen(() => undefined);
  await s.cut();
  return s.port;
}

/** The backend made its table through the proxy; it goes directly. */
const dropTable = dropPostgresLedgerTable;

/** The error `promise` rejects with, and how long that took. */
async function rejection(promise: Promise<unknown>): Promise<{ message: string; ms: number }> {
  const started = Date.now();
  try {
    await promise;
  } catch (err) {
    return { message: String((err as Error).message) + String((err as Error).cause ?? ''), ms: Date.now() - started };
  }
  throw new Error('expected a rejection');
}

describe('openLedgerBackend', () => {
  it('GIVEN an unknown scheme THEN it rejects listing the accepted forms, without the password', async () => {
    const failure = openLedgerBackend(`mysql://root:${PASSWORD}@db/x`);
    await expect(failure).rejects.toMatchObject({ name: 'StoreError', code: 'unknown_scheme' });
    const { message } = await rejection(failure);
    expect(message).toMatch(/unknown scheme.*memory:.*sqlite:\/\/.*redis:\/\/.*postgres:\/\//);
    expect(message).toContain('mysql://root:***@db/x');
    expect(message).not.toContain(PASSWORD);
  });

  it('GIVEN memory: THEN a working ledger that needs no server', async () => {
    const opened = await openLedgerBackend('memory:');
    await new Ledger(opened.backend).append(incident());
    expect(await opened.backend.groups()).toEqual(['g']);
    await opened.close();
  });

  it('GIVEN sqlite:// with a relative path THEN the folder is created and the ledger kept there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rumorguard-open-'));
    try {
      // Relative to the working directory, as `sqlite://data/rumorguard.sqlite` is.
      const opened = await openLedgerBackend(`sqlite://${relative(process.cwd(), join(dir, 'data', 'ledger.sqlite'))}`);
      await new Ledger(opened.backend).append(incident());
      await opened.close();
      const reopened = await openLedgerBackend(`sqlite://${join(dir, 'data', 'ledger.sqlite')}`);
      expect(await new Ledger(reopened.backend).verify('g')).toMatchObject({ ok: true, entries: 1 });
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('GIVEN a sqlite path that cannot be a file THEN it rejects naming the path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rumorguard-open-'));
    try {
      writeFileSync(join(dir, 'plain-file'), '');
      const { message } = await rejection(openLedgerBackend(`sqlite://${join(dir, 'plain-file', 'ledger.sqlite')}`));
      expect(message).toContain(`ledger store sqlite://${join(dir, 'plain-file', 'ledger.sqlite')}: cannot open the file`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(['redis', 'postgres'])('GIVEN %s on a port nobody listens on THEN it rejects at once, without the password', async (scheme) => {
    const port = await closedPort();
    const failure = openLedgerBackend(`${scheme}://user:${PASSWORD}@127.0.0.1:${port}/0`);
    await expect(failure).rejects.toMatchObject({ name: 'StoreError', code: 'unreachable' });
    const { message, ms } = await rejection(failure);
    expect(message).toContain(`ledger store ${scheme}://user:***@127.0.0.1:${port}/0`);
    expect(message).toMatch(/ECONNREFUSED/);
    expect(message).not.toContain(PASSWORD);
    expect(ms).toBeLessThan(2000);
  });

  it('GIVEN a postgres password given as a query parameter THEN the message hides it too', async () => {
    const port = await closedPort();
    const { message } = await rejection(openLedgerBackend(`postgres://user@127.0.0.1:${port}/db?password=${PASSWORD}`));
    expect(message).toContain('ledger store postgres://user@127.0.0.1');
    expect(message).not.toContain(PASSWORD);
  });

  it.each(['redis', 'postgres'])('GIVEN %s on a server that never answers THEN it rejects after the connect timeout', async (scheme) => {
    const { port } = await silentServer();
    const { message, ms } = await rejection(openLedgerBackend(`${scheme}://user:${PASSWORD}@127.0.0.1:${port}/0`, { connectTimeoutMs: 300 }));
    expect(message).toContain(`ledger store ${scheme}://user:***@127.0.0.1:${port}/0: cannot connect`);
    expect(message).not.toContain(PASSWORD);
    expect(ms).toBeLessThan(3000);
  });

  const live = [
    { name: 'redis', url: process.env.REDIS_URL, options: { keyPrefix: `rumorguard-test:${RUN_ID}-open:` } },
    { name: 'postgres', url: process.env.POSTGRES_URL, options: { table: `rumorguard_ledger_open_${RUN_ID}` } },
  ];
  for (const { name, url, options } of live) {
    it.skipIf(!url)(`GIVEN ${name} that goes away after opening THEN appends reject instead of hanging${url ? '' : ` (skipped: set ${name.toUpperCase()}_URL)`}`, async () => {
      const proxy = await proxyTo(url!);
      const opened = await openLedgerBackend(through(proxy, url!), options);
      try {
        const ledger = new Ledger(opened.backend);
        await proxy.cut();
        const { message, ms } = await rejection(ledger.append(incident({ groupId: `${RUN_ID}-gone` })));
        expect(message).toMatch(new RegExp(`ledger store ${name}://.*127\\.0\\.0\\.1:${proxy.port}`));
        expect(ms).toBeLessThan(5000);
      } finally {
        await opened.close().catch(() => undefined);
        if (options.table) await dropTable(url!, options.table);
      }
    });

    it.skipIf(!url)(`GIVEN ${name} that stops answering after opening THEN calls reject after the command timeout${url ? '' : ` (skipped: set ${name.toUpperCase()}_URL)`}`, async () => {
      const proxy = await proxyTo(url!);
      const opened = await openLedgerBackend(through(proxy, url!), { ...options, commandTimeoutMs: 300, queryTimeoutMs: 300 });
      try {
        proxy.stall();
        const { message, ms } = await rejection(opened.backend.head(`${RUN_ID}-stalled`));
        expect(message).toMatch(new RegExp(`ledger store ${name}://.*: read the head of group`));
        expect(ms).toBeLessThan(3000);
      } finally {
        await proxy.cut();
        await opened.close().catch(() => undefined);
        if (options.table) await dropTable(url!, options.table);
      }
    });
  }
});
