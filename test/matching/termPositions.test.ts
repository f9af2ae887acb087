import { describe, expect, it } from 'vitest';
import { PositionTable } from '../../src/matching/termPositions.js';

describe('PositionTable', () => {
  it('GIVEN terms added at increasing positions THEN each term lists its positions and the terms keep their first order', () => {
    const table = new PositionTable();
    [[7, 0], [3, 1], [7, 2], [1_000_000, 3], [3, 4]].forEach(([term, at]) => table.add(term!, at!));
    expect(table.get(7)).toEqual([0, 2]);
    expect(table.get(3)).toEqual([1, 4]);
    expect(table.get(1_000_000)).toEqual([3]);
    expect(table.get(8)).toBeUndefined();
    expect(table.has(0)).toBe(false);
    expect(table.terms).toEqual([7, 3, 1_000_000]);
    expect(table.size).toBe(3);
  });

  it('GIVEN a position added again with once THEN it is listed once', () => {
    const table = new PositionTable();
    table.add(5, 0);
    table.add(5, 0, true);
    table.add(5, 1, true);
    expect(table.get(5)).toEqual([0, 1]);
  });

  it('GIVEN far more distinct terms than the table starts with THEN every one is found, in order, and no other', () => {
    const table = new PositionTable();
    for (let t = 0; t < 1000; t++) table.add(t * 65_536, t);
    for (let t = 0; t < 1000; t++) expect(table.get(t * 65_536)).toEqual([t]);
    expect(table.has(1000 * 65_536)).toBe(false);
    expect(table.terms).toEqual(Array.from({ length: 1000 }, (_, t) => t * 65_536));
  });
});
