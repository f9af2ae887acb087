import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { atomicUpdate, UpdateContended } from '../../src/store/atomicUpdate.js';
import { mapCells, type RawCells } from '../../src/store/backends/rawCells.js';

/** A keyv on a Map, and cells that let a test write "from another process" between read and swap. */
function rigged(interleave: (attempt: number, keyv: Keyv) => Promise<void>) {
  const map = new Map<string, unknown>();
  const keyv = new Keyv({ store: map, namespace: 'ns' });
  const cells = mapCells(map);
  let reads = 0;
  const riggedCells: RawCells = {
    read: async (key) => {
      const raw = await cells.read(key);
      await interleave(++reads, keyv);
      return raw;
    },
    swap: (...args) => cells.swap(...args),
  };
  return { keyv, cells: riggedCells };
}

describe('atomicUpdate', () => {
  it('GIVEN another writer changes the value between read and write THEN change runs again on its value and both changes stand', async () => {
    const { keyv, cells } = rigged(async (attempt, k) => {
      if (attempt === 1) await k.set('list', ['theirs']);
    });
    const seen: unknown[] = [];
    const result = await atomicUpdate<string[]>(keyv, cells, 'list', (current) => {
      seen.push(current);
      return [...(current ?? []), 'mine'];
    }, undefined);
    expect(seen).toEqual([undefined, ['theirs']]);
    expect(result).toEqual(['theirs', 'mine']);
    expect(await keyv.get('list')).toEqual(['theirs', 'mine']);
  });

  it('GIVEN another writer deletes the value between read and write THEN the update starts again from nothing', async () => {
    const { keyv, cells } = rigged(async (attempt, k) => {
      if (attempt === 1) await k.delete('n');
    });
    await keyv.set('n', 5);
    expect(await atomicUpdate<number>(keyv, cells, 'n', (n) => (n ?? 0) + 1, undefined)).toBe(1);
  });

  it('GIVEN other writers get in first on every attempt THEN it gives up with UpdateContended, naming the key', async () => {
    let n = 0;
    const { keyv, cells } = rigged(async (_, k) => {
      await k.set('hot', ++n);
    });
    const error = await atomicUpdate<number>(keyv, cells, 'hot', (v) => (v ?? 0) + 100, undefined, 3).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpdateContended);
    expect((error as Error).message).toBe('"hot" was changed by other writers on each of 3 attempts');
    // Nothing of the failed update was written.
    expect(await keyv.get('hot')).toBe(3);
  });

  it('GIVEN a string starting with a colon (a keyv serializer marker) THEN it is stored as keyv stores it', async () => {
    const map = new Map<string, unknown>();
    const keyv = new Keyv({ store: map, namespace: 'ns' });
    await atomicUpdate(keyv, mapCells(map), 'k', () => ':colon', undefined);
    expect(await keyv.get('k')).toBe(':colon');
    await keyv.set('same', ':colon');
    expect(map.get('ns:k')).toBe(map.get('ns:same'));
  });
});
