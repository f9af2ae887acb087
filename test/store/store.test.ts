import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeyValueStore } from '../../src/store/keyValueStore.js';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSION_KEY, checkSchemaVersion } from '../../src/store/schemaVersion.js';
import { ALL_ACTIONS, HOUR, PAST_REPEAT_WINDOW, harness, typesOf } from '../engine/harness.js';
import { BACKENDS, StoreSession, removeTempFiles, runNamespace } from './backends.js';

/** Nested JSON with every kind of value a store must give back unchanged. */
const RICH_VALUE = {
  text: 'Ünïcödé, 中文 谣言, emoji 🧪, quotes "\'`, a newline\nand a tab\t',
  colonLeading: ':looks like a serializer marker',
  numbers: [0, -1, 3.25, 1e21, Number.MAX_SAFE_INTEGER],
  flags: [true, false, null],
  nested: { deeper: { list: [{ id: 'm-1', strikes: [1, 2] }, []], empty: {} } },
};

afterAll(removeTempFiles);

describe.each(BACKENDS.map((b) => [b.backend, b] as const))('the %s store', (_, backendCase) => {
  const title = backendCase.skip ? `(skipped: ${backendCase.skip})` : 'behaves like every other backend';
  describe.skipIf(backendCase.skip !== undefined)(title, () => {
    const run = runNamespace();
    let testNumber = 0;
    let namespace: string;
    let session: StoreSession;

    beforeEach(() => {
      // One namespace per test: tests share servers (and a SQLite file) but never keys.
      namespace = `${run}-${++testNumber}`;
      session = new StoreSession(backendCase);
    });
    afterEach(async () => {
      vi.useRealTimers();
      await session.cleanUp();
    });

    /**
     * The same data through a new connection, as another process or a restart sees it; for
     * memory:, where a second open is a different store, the same instance.
     */
    const reopen = async (store: KeyValueStore) => (backendCase.sharedBetweenOpens ? session.open(namespace) : store);

    it('GIVEN a key never written THEN get gives undefined', async () => {
      const store = await session.open(namespace);
      expect(await store.get('never-written')).toBeUndefined();
    });

    it('GIVEN nested JSON with unicode THEN it reads back equal', async () => {
      const store = await session.open(namespace);
      await store.set('rich', RICH_VALUE);
      expect(await store.get('rich')).toEqual(RICH_VALUE);
    });

    it('GIVEN plain numbers, strings and arrays THEN each reads back with its type', async () => {
      const store = await session.open(namespace);
      const values = { int: 42, float: 0.1, string: '42', array: ['a', 1, { b: 2 }] };
      for (const [key, value] of Object.entries(values)) await store.set(key, value);
      for (const [key, value] of Object.entries(values)) expect(await store.get(key)).toEqual(value);
    });

    it('GIVEN a key written twice THEN the second value wins', async () => {
      const store = await session.open(namespace);
      await store.set('k', { v: 1 });
      await store.set('k', { v: 2 });
      expect(await store.get('k')).toEqual({ v: 2 });
    });

    it('GIVEN a stored key THEN delete says true, then false, and the key is gone', async () => {
      const store = await session.open(namespace);
      await store.set('k', 'value');
      expect(await store.delete('k')).toBe(true);
      expect(await store.delete('k')).toBe(false);
      expect(await store.get('k')).toBeUndefined();
    });

    it('GIVEN two namespaces THEN the same key holds two values', async () => {
      const store = await session.open(namespace);
      const other = await session.open(`${namespace}-other`);
      await store.set('k', 'mine');
      await other.set('k', 'theirs');
      expect([await store.get('k'), await other.get('k')]).toEqual(['mine', 'theirs']);
    });

    it('GIVEN a value with a time to live THEN it is there before it expires and gone after', async () => {
      // No waiting: keyv stamps each value with its expiry time and checks it on read, so moving
      // the clock past it (only Date is faked; sockets and timers run as usual) expires it on
      // every backend. Redis also expires the key itself, an hour later in real time.
      const store = await session.open(namespace);
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
      await store.set('short', 'lives an hour', HOUR);
      await store.set('forever', 'no ttl');
      expect(await store.get('short')).toBe('lives an hour');
      vi.setSystemTime(Date.now() + HOUR - 1_000);
      expect(await store.get('short')).toBe('lives an hour');
      vi.setSystemTime(Date.now() + 2_000);
      expect(await store.get('short')).toBeUndefined();
      expect(await store.get('forever')).toBe('no ttl');
    });

    describe('update (atomic read-modify-write)', () => {
      const append = (item: string) => (list: string[] | undefined) => [...(list ?? []), item];

      it('GIVEN a key never written THEN change sees undefined and its result is stored', async () => {
        const store = await session.open(namespace);
        const seen: unknown[] = [];
        const stored = await store.update<string[]>('list', (current) => {
          seen.push(current);
          return ['first'];
        });
        expect(seen).toEqual([undefined]);
        expect(stored).toEqual(['first']);
        expect(await (await reopen(store)).get('list')).toEqual(['first']);
      });

      it('GIVEN a value written by set (data from before update existed) THEN update reads it and set/get agree with it', async () => {
        const store = await session.open(namespace);
        await store.set('rich', RICH_VALUE);
        const updated = await store.update<typeof RICH_VALUE>('rich', (current) => current && { ...current, text: `${current.text}!` });
        expect(updated).toEqual({ ...RICH_VALUE, text: `${RICH_VALUE.text}!` });
        expect(await (await reopen(store)).get('rich')).toEqual(updated);
        await store.set('rich', RICH_VALUE);
        expect(await store.update<typeof RICH_VALUE>('rich', (current) => current)).toEqual(RICH_VALUE);
      });

      it('GIVEN change returns undefined THEN the key is deleted', async () => {
        const store = await session.open(namespace);
        await store.set('k', ['x']);
        expect(await store.update('k', () => undefined)).toBeUndefined();
        expect(await store.get('k')).toBeUndefined();
        expect(await store.delete('k')).toBe(false);
      });

      it('GIVEN a time to live THEN the updated value expires; an update returning the value unchanged keeps the old expiry', async () => {
        const store = await session.open(namespace);
        vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
        await store.update('short', append('a'), HOUR);
        vi.setSystemTime(Date.now() + HOUR / 2);
        // Unchanged: nothing is written, so the value still ends an hour after it was written.
        await store.update<string[]>('short', (current) => current);
        vi.setSystemTime(Date.now() + HOUR / 2 - 1_000);
        expect(await store.get('short')).toEqual(['a']);
        vi.setSystemTime(Date.now() + 2_000);
        expect(await store.get('short')).toBeUndefined();
      });

      it('GIVEN a value past its expiry THEN update sees undefined and writes afresh', async () => {
        const store = await session.open(namespace);
        vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
        await store.set('old', ['stale'], HOUR);
        vi.setSystemTime(Date.now() + 2 * HOUR);
        expect(await store.update('old', append('fresh'))).toEqual(['fresh']);
        expect(await store.get('old')).toEqual(['fresh']);
      });

      it('GIVEN 2 × 25 concurrent appends through two connections THEN all 50 are stored, each once', async () => {
        const one = await session.open(namespace);
        const two = await reopen(one);
        const items = Array.from({ length: 25 }, (_, i) => i);
        await Promise.all(items.flatMap((i) => [one.update('list', append(`one-${i}`)), two.update('list', append(`two-${i}`))]));
        const stored = (await one.get<string[]>('list')) ?? [];
        expect(stored).toHaveLength(50);
        expect(new Set(stored)).toEqual(new Set(items.flatMap((i) => [`one-${i}`, `two-${i}`])));
      });
    });

    describe('schema version', () => {
      it('GIVEN a fresh store THEN it is stamped with the current version', async () => {
        const store = await session.open(namespace);
        expect(await checkSchemaVersion(store)).toEqual({ ok: true, status: 'created', version: CURRENT_SCHEMA_VERSION });
        expect(await store.get(SCHEMA_VERSION_KEY)).toBe(CURRENT_SCHEMA_VERSION);
      });

      it('GIVEN a store holding version 2 THEN it opens as current', async () => {
        const store = await session.open(namespace);
        await store.set(SCHEMA_VERSION_KEY, 2);
        expect(await checkSchemaVersion(await reopen(store))).toEqual({ ok: true, status: 'current', version: 2 });
      });

      it('GIVEN a store of schema 1 (unescaped keys) with settings and strikes THEN it is upgraded to 2 and they still apply', async () => {
        const store = await session.open(namespace);
        await store.set(SCHEMA_VERSION_KEY, 1);
        // Written as schema 1 wrote them: plain ids, parts joined with ':'.
        await store.set('settings:g-1', { enabledActions: [...ALL_ACTIONS] });
        await store.set('strikes:enforce:g-1:m-1', [{ at: Date.UTC(2025, 0, 15, 11), debunkId: '5g-spreads-coronavirus', messageId: 'old' }]);
        const upgraded = await reopen(store);
        expect(await checkSchemaVersion(upgraded)).toEqual({ ok: true, status: 'upgraded', from: 1, version: 2 });
        expect(await upgraded.get(SCHEMA_VERSION_KEY)).toBe(2);
        const decision = await harness({ store: upgraded }).post();
        expect(decision.strikes).toEqual({ before: 1, after: 2 });
        expect(typesOf(decision.actions)).toContain('warn');
      });

      it('GIVEN a store written by a newer RumorGuard THEN it is refused with a message saying what to do', async () => {
        const store = await session.open(namespace);
        await store.set(SCHEMA_VERSION_KEY, 3);
        expect(await checkSchemaVersion(await reopen(store))).toEqual({
          ok: false,
          reason: 'newer',
          stored: 3,
          message:
            'this store was written by a newer RumorGuard (schema 3); this version understands schema 2 — upgrade RumorGuard or point STORE_URL elsewhere',
        });
        // Refusing leaves the newer stamp alone.
        expect(await store.get(SCHEMA_VERSION_KEY)).toBe(3);
      });

      it('GIVEN a store whose version is not a number THEN it is refused as unreadable', async () => {
        const store = await session.open(namespace);
        await store.set(SCHEMA_VERSION_KEY, 'two');
        expect(await checkSchemaVersion(store)).toMatchObject({ ok: false, reason: 'unreadable', stored: 'two' });
      });
    });

    it('GIVEN two Engines on one store (a restart, or a second process) THEN settings and strikes carry over', async () => {
      const first = await session.open(namespace);
      const before = harness({ store: first });
      const configured = await before.engine.configure('g-1', { enabledActions: [...ALL_ACTIONS] });
      expect(configured.ok).toBe(true);
      expect((await before.post({ messageId: 'from-first' })).strikes).toEqual({ before: 0, after: 1 });

      const second = await reopen(first);
      const after = harness({ store: second });
      after.advance(PAST_REPEAT_WINDOW);
      const decision = await after.post({ messageId: 'from-second' });
      expect(decision.strikes).toEqual({ before: 1, after: 2 });
      // warn is enabled only by the stored settings, so it shows that they were read too.
      expect(typesOf(decision.actions)).toEqual(['log', 'reply_refutation', 'warn']);
      expect(await before.engine.strikesOf('g-1', 'm-1')).toHaveLength(2);
      // The message counted by the first Engine is not counted again by the second.
      expect((await after.post({ messageId: 'from-first' })).strikes).toEqual({ before: 2, after: 2 });
    });
  });
});
