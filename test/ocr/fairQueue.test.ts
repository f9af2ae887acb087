import { describe, expect, it } from 'vitest';
import { FairQueue } from '../../src/ocr/fairQueue.js';
import { LruMap } from '../../src/lib/lruMap.js';

describe('FairQueue', () => {
  it('GIVEN a group over its bound THEN more of it is refused while other groups are still taken', () => {
    const q = new FairQueue<string>(2, 10);
    expect(q.offer('a', 'a1')).toBe(true);
    expect(q.offer('a', 'a2')).toBe(true);
    expect(q.offer('a', 'a3')).toBe(false);
    expect(q.offer('b', 'b1')).toBe(true);
    expect(q.size).toBe(3);
  });

  it('GIVEN a flood in one group THEN groups are served in turn', () => {
    const q = new FairQueue<string>(5, 10);
    for (const item of ['a1', 'a2', 'a3']) q.offer('a', item);
    q.offer('b', 'b1');
    expect([q.take()?.item, q.take()?.item, q.take()?.item, q.take()?.item]).toEqual(['a1', 'b1', 'a2', 'a3']);
  });

  it('GIVEN work taken but not done THEN it still counts against the bound until done', () => {
    const q = new FairQueue<string>(1, 10);
    q.offer('a', 'a1');
    q.take();
    expect(q.offer('a', 'a2')).toBe(false);
    q.done('a');
    expect(q.offer('a', 'a2')).toBe(true);
  });

  it('GIVEN the bound in all reached THEN every group is refused', () => {
    const q = new FairQueue<string>(5, 2);
    q.offer('a', 'a1');
    q.offer('b', 'b1');
    expect(q.offer('c', 'c1')).toBe(false);
  });
});

describe('LruMap', () => {
  it('GIVEN more entries than its capacity THEN the least recently used goes', () => {
    const m = new LruMap<string, number>(2);
    m.set('a', 1);
    m.set('b', 2);
    m.get('a');
    m.set('c', 3);
    expect([m.get('a'), m.get('b'), m.get('c'), m.size]).toEqual([1, undefined, 3, 2]);
  });
});
