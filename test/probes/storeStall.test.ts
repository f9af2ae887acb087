import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '../../src/engine/chatMessage.js';
import { createLogger } from '../../src/lib/logger.js';
import { createCore, type Core } from '../../src/moderation/createCore.js';
import { openStore } from '../../src/store/openStore.js';
import { DEBUNKS, DEFAULT_RULES, TEXT } from '../engine/harness.js';
import { hasRedisServer, killRedisServers, startRedisServer } from './redisServer.js';

// Issue 13 row 2: a Redis that keeps the connection but stops answering (SIGSTOP) stalled
// moderation for as long as it was stopped, and ledger appends waited 30 s.

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
// Should a test time out while its server is stopped, no redis-server outlives the run.
afterAll(killRedisServers);

let n = 0;
const message = (text: string): ChatMessage => ({
  platform: 'test',
  groupId: 'g-stall',
  messageId: `m-${++n}`,
  text,
  sentAt: Date.now(),
  member: { id: `u-${n}`, name: 'Member' },
});

/** The elapsed time of `run`, in ms, with what it resolved to. */
async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

describe.skipIf(!hasRedisServer)('a Redis that stops answering but keeps the connection (SIGSTOP)', () => {
  it('GIVEN an open store THEN each call fails with a StoreError within the 2 s default, and works again once the server resumes', async () => {
    const redis = await startRedisServer();
    cleanups.push(redis.stop);
    const opened = await openStore(redis.url);
    cleanups.push(() => opened.close());
    await opened.store.set('k', 1);
    redis.pause();
    const { value: error, ms } = await timed(() => opened.store.get('k').catch((e: unknown) => e));
    expect(error).toMatchObject({ name: 'StoreError', code: 'unavailable', message: expect.stringMatching(/get "k" failed: no answer from the store within 2000 ms/) });
    // The bound: a command timeout of 2 s by default (the rest is slack for a loaded machine).
    expect(ms).toBeLessThan(4_000);
    redis.resume();
    await vi.waitFor(() => opened.store.set('k', 2), { timeout: 10_000, interval: 100 });
    expect(await opened.store.get('k')).toBe(2);
  }, 30_000);

  it('GIVEN the bot runs on it THEN messages are decided without the store, the incidents wait in the spool, and reach the ledger once it resumes', async () => {
    const redis = await startRedisServer();
    cleanups.push(redis.stop);
    const dir = mkdtempSync(path.join(tmpdir(), 'rg-stall-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const created = await createCore({
      debunks: DEBUNKS,
      rules: DEFAULT_RULES,
      storeUrl: redis.url,
      spoolFile: path.join(dir, 'spool.jsonl'),
      log: createLogger({ level: 'silent', secrets: [] }),
    });
    if (!created.ok) throw new Error(created.error);
    const core: Core = created.core;
    cleanups.push(() => core.close().catch(() => undefined));

    const before = await core.moderator.onMessage(message(TEXT.fiveG));
    expect(before.storeError).toBeUndefined();
    await core.moderator.settled();

    redis.pause();
    const first = await timed(() => core.moderator.onMessage(message(TEXT.garlic)));
    expect(first.value.storeError).toMatch(/no answer from the store within 2000 ms/);
    expect(first.value.decision.matches.length).toBeGreaterThan(0);
    expect(first.value.recorded).toMatchObject({ acknowledged: true });
    expect(first.ms).toBeLessThan(4_000);
    // Meanwhile the store is not asked again: the next message is decided at once.
    const second = await timed(() => core.moderator.onMessage(message(TEXT.mosquito)));
    expect(second.value.storeError).toBeDefined();
    expect(second.ms).toBeLessThan(1_000);
    // Delivery to the stopped ledger gives up within its own 2 s; the records stay in the spool.
    const settling = await timed(() => core.recorder.settled());
    expect(settling.ms).toBeLessThan(8_000);
    expect(core.spool.waiting).toBeGreaterThanOrEqual(2);

    redis.resume();
    await vi.waitFor(
      async () => {
        await core.recorder.flush();
        const incidents = (await core.ledger.entries('g-stall')).filter((e) => e.record.type === 'incident');
        expect(incidents).toHaveLength(3);
      },
      { timeout: 15_000, interval: 200 },
    );
  }, 60_000);
});
