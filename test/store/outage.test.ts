import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore, type OpenedStore } from '../../src/store/openStore.js';
import { StoreError } from '../../src/store/storeError.js';
import { runNamespace } from './backends.js';
import { TcpProxy, freePort, silentServer } from './tcpProxy.js';

const SERVERS = [
  { backend: 'redis', scheme: 'redis', env: 'REDIS_URL', urlAt: (port: number) => `redis://:hunter2@127.0.0.1:${port}` },
  { backend: 'postgres', scheme: 'postgres', env: 'POSTGRES_URL', urlAt: (port: number) => `postgres://rg:hunter2@127.0.0.1:${port}/rg` },
] as const;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(SERVERS.map((s) => [s.backend, s] as const))('a %s server that is down', (backend, server) => {
  it('GIVEN nothing listens on the port THEN opening fails at once with a clear error and no password', async () => {
    const url = server.urlAt(await freePort());
    const error = await openStore(url, { timeoutMs: 2_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'unreachable' });
    const { message } = error as StoreError;
    expect(message).toMatch(new RegExp(`^cannot open the ${backend} store ${server.scheme}://[^ ]*:\\*\\*\\*@127\\.0\\.0\\.1:\\d+.*: .*ECONNREFUSED`));
    expect(message).not.toMatch(/hunter2/);
    expect(String((error as StoreError).cause)).not.toMatch(/hunter2/);
  });

  it('GIVEN a port that accepts connections and never answers THEN opening gives up with a clear error', async () => {
    const silent = await silentServer();
    cleanups.push(silent.close);
    const error = await openStore(server.urlAt(silent.port), { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'StoreError', code: 'unreachable', message: expect.stringMatching(new RegExp(`^cannot open the ${backend} store .*(time|within)`)) });
    expect((error as StoreError).message).not.toMatch(/hunter2/);
  });
});

describe.each(SERVERS.map((s) => [s.backend, s] as const))('a %s server that goes away while the store is open', (backend, server) => {
  const real = process.env[server.env];
  describe.skipIf(!real)(real ? 'fails each operation, then recovers' : `(skipped: ${server.env} is not set)`, () => {
    it('GIVEN the connection is cut THEN a write rejects naming the key, and works again once the server is back', async () => {
      const target = new URL(real!);
      const proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port) });
      cleanups.push(() => proxy.cut());
      const viaProxy = new URL(real!);
      viaProxy.port = String(proxy.port);
      const opened: OpenedStore = await openStore(viaProxy.toString(), { namespace: runNamespace() });
      cleanups.push(async () => {
        await opened.store.delete('incident');
        await opened.close();
      });

      await opened.store.set('incident', { n: 1 });
      await proxy.cut();
      const error = await opened.store.set('incident', { n: 2 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(new RegExp(`^${backend} store .*: set "incident" failed: `)) });
      const updating = await opened.store.update('incident', () => ({ n: 2 })).catch((e: unknown) => e);
      expect(updating).toMatchObject({ name: 'StoreError', code: 'unavailable', message: expect.stringMatching(new RegExp(`^${backend} store .*: update "incident" failed: `)) });

      await proxy.restore();
      // The client reconnects in the background (with backoff); poll until it has.
      await vi.waitFor(() => opened.store.set('incident', { n: 3 }), { timeout: 10_000, interval: 100 });
      expect(await opened.store.get('incident')).toEqual({ n: 3 });
    });
  });
});
