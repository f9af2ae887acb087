import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEval } from '../../src/eval/runEval.js';
import { FIXTURE_EVAL_DIR } from './fixtureDir.js';
import { wordOverlapMatcher } from './wordOverlapMatcher.js';

/*
 * Hand computation with wordOverlapMatcher at act threshold 0.5 (score = best share of a phrase's
 * terms found; terms are words of 4+ letters, or adjacent Han character pairs).
 *
 * tweets-sample claims: 10 {drinking bleach cures coronavirus} + title {does drinking bleach cure covid},
 *   11 {bill gates wants implant microchips through vaccines} + title {bill gates planning vaccine microchips},
 *   12 {photo shows shark swimming flooded highway houston} + title {shark houston highway}, 13 {eiffel tower sold twice}.
 * dev  201 gold 12: 12 title 3/3 = 1            → ranking [12]      AP@1 1  AP@5 1    R 1  acts on 12 ✓
 *      202 gold 10: 10 claim 3/4 = .75          → ranking [10]      AP@1 1  AP@5 1    R 1  acts on 10 ✓
 *      203 gold 11: 10 claim 3/4, 11 claim 2/7  → ranking [10, 11]  AP@1 0  AP@5 1/2  R 1  acts on 10 ✗
 *      MAP@1 2/3, MAP@5 2.5/3 = .8333, R@5 1, actRate 2/3
 * train 101 gold {13, 12}: 13 4/4, 12 title 2/3 → [13, 12]  AP@1 1 (÷min(2,1))  AP@5 (1+1)/2 = 1  R 1  acts ✓
 *       102 gold 11: 11 title 1/5 = .2         → [11]      AP@1 1  AP@5 1  R 1  .2 < .5, no act
 *       103 gold 10: no shared term            → []        AP 0    R 0          no act
 *       (104 has no usable pair: not scored)
 *      MAP@1 2/3, MAP@5 2/3, R@5 2/3, actRate 1/3
 * weibo-sample claims zh-1 (11 pairs), zh-2 (5 pairs), zh-3 (7 pairs):
 *      p1 gold zh-1: zh-1 11/11, zh-3 {可以} 1/7  → [zh-1, zh-3]  AP 1, acts ✓
 *      p2 gold zh-2: zh-2 5/5                      → [zh-2]        AP 1, acts ✓
 *      p3 gold zh-3: zh-3 {吸烟 杀死 死病 病毒} 4/7 → [zh-3]        AP 1, acts ✓ (.571)
 *      p4 gold zh-1: zh-3 3/7 = .43, zh-1 4/11 = .36 → [zh-3, zh-1] AP@1 0, AP@5 1/2, no act (.43 < .5)
 *      MAP@1 3/4, MAP@5 3.5/4 = .875, R@5 1, actRate 3/4
 *      negatives: only "武汉明天封城的传言已被辟谣" reaches zh-2 at 5/5 → falseActRate 1/4
 *      ("今天武汉天气很好，明天去公园" shares 武汉 明天 = 2/5 = .4, below the threshold)
 */
describe('runEval on the fixture sets with a stand-in matcher', () => {
  const report = runEval({ dataDir: FIXTURE_EVAL_DIR, createMatcher: wordOverlapMatcher, actThreshold: 0.5 });

  it('GIVEN the fixture folder THEN both sets are found and the act threshold is reported', () => {
    expect(report.datasets).toEqual(['tweets-sample', 'weibo-sample']);
    expect(report.actThreshold).toBe(0.5);
    expect(report.problems).toHaveLength(5);
  });

  it.each([
    { dataset: 'tweets-sample', split: 'dev', queries: 3, claims: 4, map1: 2 / 3, map5: 2.5 / 3, recall5: 1, falseActRate: null, actRate: 2 / 3 },
    { dataset: 'tweets-sample', split: 'train', queries: 3, claims: 4, map1: 2 / 3, map5: 2 / 3, recall5: 2 / 3, falseActRate: null, actRate: 1 / 3 },
    { dataset: 'weibo-sample', split: 'all', queries: 4, claims: 3, map1: 3 / 4, map5: 3.5 / 4, recall5: 1, falseActRate: 1 / 4, actRate: 3 / 4 },
  ])('GIVEN $dataset/$split THEN the figures are the hand-computed ones', (expected) => {
    const result = report.results.find((r) => r.dataset === expected.dataset && r.split === expected.split);
    expect(result).toBeDefined();
    const { msPerQuery, ...figures } = result!;
    expect(msPerQuery).toBeGreaterThanOrEqual(0);
    expect(Object.keys(figures).sort()).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) {
      if (typeof value === 'number') expect(figures[key as keyof typeof figures], key).toBeCloseTo(value, 10);
      else expect(figures[key as keyof typeof figures], key).toBe(value);
    }
  });

  it('GIVEN one dataset with two splits THEN one matcher serves both', () => {
    const built: number[] = [];
    runEval({
      dataDir: FIXTURE_EVAL_DIR,
      createMatcher: (debunks) => {
        built.push(debunks.length);
        return wordOverlapMatcher(debunks);
      },
      actThreshold: 0.5,
    });
    expect(built).toEqual([4, 3]);
  });

  it('GIVEN a data folder that does not exist THEN there are no datasets and no results', () => {
    const empty = runEval({ dataDir: join(FIXTURE_EVAL_DIR, 'nope'), createMatcher: wordOverlapMatcher, actThreshold: 0.5 });
    expect(empty).toEqual({ results: [], chat: [], curve: [], answerCurve: [], misses: [], datasets: [], problems: [], actThreshold: 0.5 });
  });

  it('GIVEN every message read as a question THEN the answer curve acts on negatives from the answer threshold, the act threshold held', () => {
    // weibo-sample negatives: one at 5/5 (acted on at any threshold), one at 2/5 = .4, two at 0.
    const asking = runEval({
      dataDir: FIXTURE_EVAL_DIR,
      createMatcher: (debunks) => {
        const inner = wordOverlapMatcher(debunks);
        return { ...inner, match: (text, options) => ({ ...inner.match(text, options), stance: 'question' as const }) };
      },
      actThreshold: 0.5,
    });
    const weibo = asking.answerCurve.filter((p) => p.dataset === 'weibo-sample');
    expect(weibo.map((p) => p.threshold)).toEqual([0.25, 0.3, 0.35, 0.4, 0.45, 0.5]);
    expect(weibo.find((p) => p.threshold === 0.4)?.falseActRate).toBeCloseTo(2 / 4, 10);
    expect(weibo.find((p) => p.threshold === 0.45)?.falseActRate).toBeCloseTo(1 / 4, 10);
    expect(asking.answerCurve.filter((p) => p.dataset === 'tweets-sample').every((p) => p.falseActRate === null)).toBe(true);
  });
});
