import { describe, expect, it } from 'vitest';
import { acts, actsCorrectly, averagePrecisionAtK, mean, recallAtK, share } from '../../src/eval/metrics.js';

/*
 * Hand computation. AP@k = (sum of precision@i over ranks i ≤ k holding a gold claim) / min(|gold|, k).
 *
 * A: ranking [x, a, y, b, z], gold {a, b}
 *    AP@5 = (P@2 + P@4) / min(2, 5) = (1/2 + 2/4) / 2 = 0.5
 *    AP@3 = (P@2) / min(2, 3)       = (1/2) / 2       = 0.25
 *    AP@1 = 0 (x is not gold)
 *    R@5 = 2/2 = 1,  R@1 = 0/2 = 0
 * B: ranking [a, b, c], gold {a, c, e}
 *    AP@5 = (P@1 + P@3) / min(3, 5) = (1/1 + 2/3) / 3 = 5/9 ≈ 0.5556
 *    AP@1 = (P@1) / min(3, 1)       = 1
 *    R@5 = 2/3 (e is never ranked)
 * MAP over A and B: MAP@1 = (0 + 1)/2 = 0.5, MAP@5 = (1/2 + 5/9)/2 = 19/36 ≈ 0.5278,
 *    mean R@5 = (1 + 2/3)/2 = 5/6 ≈ 0.8333
 * C: ranking [a, a, b], gold {a, b}: the repeated a counts once, b is the 2nd gold at rank 3:
 *    AP@5 = (1/1 + 2/3) / 2 = 5/6 ≈ 0.8333
 */
const A = { ranking: ['x', 'a', 'y', 'b', 'z'], gold: ['a', 'b'] };
const B = { ranking: ['a', 'b', 'c'], gold: ['a', 'c', 'e'] };

describe('averagePrecisionAtK', () => {
  it.each([
    { given: 'A, k=5', ranking: A.ranking, gold: A.gold, k: 5, expected: 0.5 },
    { given: 'A, k=3', ranking: A.ranking, gold: A.gold, k: 3, expected: 0.25 },
    { given: 'A, k=1 (top is not gold)', ranking: A.ranking, gold: A.gold, k: 1, expected: 0 },
    { given: 'B, k=5 (one gold never ranked)', ranking: B.ranking, gold: B.gold, k: 5, expected: 5 / 9 },
    { given: 'B, k=1 (more gold than k)', ranking: B.ranking, gold: B.gold, k: 1, expected: 1 },
    { given: 'a repeated claim', ranking: ['a', 'a', 'b'], gold: ['a', 'b'], k: 5, expected: 5 / 6 },
    { given: 'an empty ranking', ranking: [], gold: ['a'], k: 5, expected: 0 },
    { given: 'no gold claims', ranking: ['a'], gold: [], k: 5, expected: 0 },
    { given: 'the gold claim at rank 6, k=5', ranking: ['b', 'c', 'd', 'e', 'f', 'a'], gold: ['a'], k: 5, expected: 0 },
  ])('GIVEN $given THEN AP@$k is $expected', ({ ranking, gold, k, expected }) => {
    expect(averagePrecisionAtK(ranking, gold, k)).toBeCloseTo(expected, 10);
  });
});

describe('recallAtK', () => {
  it.each([
    { given: 'A, k=5', ranking: A.ranking, gold: A.gold, k: 5, expected: 1 },
    { given: 'A, k=1', ranking: A.ranking, gold: A.gold, k: 1, expected: 0 },
    { given: 'B, k=5', ranking: B.ranking, gold: B.gold, k: 5, expected: 2 / 3 },
    { given: 'no gold claims', ranking: ['a'], gold: [], k: 5, expected: 0 },
  ])('GIVEN $given THEN R@$k is $expected', ({ ranking, gold, k, expected }) => {
    expect(recallAtK(ranking, gold, k)).toBeCloseTo(expected, 10);
  });
});

describe('mean over queries', () => {
  it('GIVEN queries A and B THEN MAP@1 0.5, MAP@5 19/36, mean R@5 5/6', () => {
    const both = [A, B];
    expect(mean(both.map((q) => averagePrecisionAtK(q.ranking, q.gold, 1)))).toBeCloseTo(0.5, 10);
    expect(mean(both.map((q) => averagePrecisionAtK(q.ranking, q.gold, 5)))).toBeCloseTo(19 / 36, 10);
    expect(mean(both.map((q) => recallAtK(q.ranking, q.gold, 5)))).toBeCloseTo(5 / 6, 10);
  });

  it('GIVEN no values THEN mean is NaN, not a misleading 0', () => {
    expect(mean([])).toBeNaN();
  });

  it('GIVEN 1 of 4 flags true THEN share is 0.25', () => {
    expect(share([false, true, false, false])).toBe(0.25);
  });
});

describe('acts and actsCorrectly at threshold 0.6', () => {
  it.each([
    { given: 'no match', top: undefined, acts: false, correct: false },
    { given: 'a gold match below the threshold', top: { debunkId: 'a', score: 0.59 }, acts: false, correct: false },
    { given: 'a gold match exactly at the threshold', top: { debunkId: 'a', score: 0.6 }, acts: true, correct: true },
    { given: 'a wrong match above the threshold', top: { debunkId: 'x', score: 0.9 }, acts: true, correct: false },
  ])('GIVEN $given THEN acts is $acts and correct is $correct', ({ top, acts: expectedActs, correct }) => {
    expect(acts(top, 0.6)).toBe(expectedActs);
    expect(actsCorrectly(top, ['a', 'b'], 0.6)).toBe(correct);
  });
});
