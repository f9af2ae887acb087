import { describe, expect, it } from 'vitest';
import { median } from '../../src/lib/median.js';

/** The median as a sort gives it. */
function sortedMedian(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

describe('median', () => {
  it.each([
    [[5], 5],
    [[2, 1], 1.5],
    [[3, 1, 2], 2],
    [[7, 7, 7, 7], 7],
    [[6500, 7000], 6750],
    [[-3, 10, 0, 4], 2],
  ])('GIVEN %j THEN %d', (values, expected) => {
    expect(median([...values])).toBe(expected);
  });

  it('GIVEN 3,000 random lists, with repeats, odd and even THEN the same as sorting', () => {
    let s = 11;
    const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    for (let n = 0; n < 3_000; n++) {
      const values = Array.from({ length: 1 + Math.floor(rnd() * 60) }, () => Math.floor(rnd() * (n % 2 ? 10 : 1e6)) - 5);
      expect(median([...values])).toBe(sortedMedian(values));
    }
  });
});
