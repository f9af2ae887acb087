import { describe, expect, it } from 'vitest';
import { NOTICE_INTERVAL_MS, OnceNotices } from '../../src/alerts/onceNotices.js';
import type { KeyValueStore } from '../../src/store/keyValueStore.js';

/** A store whose times to live run on the test's clock. */
function clockedStore(now: () => number): KeyValueStore & { size: () => number } {
  const cells = new Map<string, { value: unknown; until: number }>();
  const live = (key: string) => {
    const cell = cells.get(key);
    if (cell && cell.until <= now()) cells.delete(key);
    return cells.get(key);
  };
  const set = async <T>(key: string, value: T, ttlMs?: number) => {
    cells.set(key, { value, until: ttlMs === undefined ? Infinity : now() + ttlMs });
  };
  return {
    get: async <T>(key: string) => live(key)?.value as T | undefined,
    set,
    delete: async (key) => cells.delete(key),
    update: async <T>(key: string, change: (current: T | undefined) => T | undefined, ttlMs?: number) => {
      const current = live(key)?.value as T | undefined;
      const next = change(current);
      if (next === current) return current;
      if (next === undefined) cells.delete(key);
      else await set(key, next, ttlMs);
      return next;
    },
    size: () => cells.size,
  };
}

describe('OnceNotices', () => {
  it('GIVEN a problem told THEN it is not told again within the day, AND again once the day is over if it is still there', async () => {
    let t = 0;
    const store = clockedStore(() => t);
    const notices = new OnceNotices(store, 'tg', () => t);
    let told = 0;
    const tell = () => notices.tell('g1', 'restrict', async () => void (told += 1));
    expect(await tell()).toBe(true);
    t += NOTICE_INTERVAL_MS - 1;
    expect(await tell()).toBe(false);
    t += 1;
    expect(await tell()).toBe(true);
    expect(told).toBe(2);
  });

  it('GIVEN two processes failing at once THEN only one tells', async () => {
    const store = clockedStore(() => 0);
    const [a, b] = [new OnceNotices(store, 'tg', () => 0), new OnceNotices(store, 'tg', () => 0)];
    let told = 0;
    const notify = async () => void (told += 1);
    expect(await Promise.all([a.tell('g1', 'delete', notify), b.tell('g1', 'delete', notify)])).toEqual(expect.arrayContaining([true, false]));
    expect(told).toBe(1);
  });

  it('GIVEN a problem solved THEN a later failure is news again', async () => {
    const store = clockedStore(() => 0);
    const notices = new OnceNotices(store, 'dc', () => 0);
    await notices.tell('g1', 'timeout', async () => undefined);
    await notices.solved('g1', 'timeout');
    expect(await notices.tell('g1', 'timeout', async () => undefined)).toBe(true);
  });

  it('GIVEN problems in 20,000 groups THEN the process remembers a bounded number of them', async () => {
    const store = clockedStore(() => 0);
    const notices = new OnceNotices(store, 'tg', () => 0);
    for (let g = 0; g < 20_000; g++) await notices.tell(`g${g}`, 'send', async () => undefined);
    expect(notices.size).toBeLessThanOrEqual(10_000);
  });
});
