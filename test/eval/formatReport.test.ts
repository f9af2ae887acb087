import { describe, expect, it } from 'vitest';
import { formatTable, round4, toJsonReport } from '../../src/eval/formatReport.js';
import type { EvalReport } from '../../src/eval/runEval.js';

const report: EvalReport = {
  actThreshold: 0.62,
  datasets: ['set-a', 'set-b'],
  chat: [],
  curve: [],
  answerCurve: [],
  misses: [],
  problems: [],
  results: [
    { dataset: 'set-a', split: 'dev', queries: 3, claims: 4, map1: 2 / 3, map5: 5 / 6, recall5: 1, falseActRate: null, actRate: 1 / 3, msPerQuery: 0.123 },
    { dataset: 'set-b', split: 'all', queries: 4, claims: 3, map1: 0.75, map5: 0.875, recall5: 1, falseActRate: 0.25, actRate: 0.75, msPerQuery: 12.5 },
  ],
};

describe('round4', () => {
  it.each([
    { value: 2 / 3, expected: 0.6667 },
    { value: 0.12344, expected: 0.1234 },
    { value: 1, expected: 1 },
  ])('GIVEN $value THEN $expected', ({ value, expected }) => {
    expect(round4(value)).toBe(expected);
  });
});

describe('toJsonReport', () => {
  it('GIVEN results THEN only the listed fields, rounded, with null where a set has no negatives', () => {
    expect(toJsonReport(report)).toEqual({
      results: [
        { dataset: 'set-a', split: 'dev', queries: 3, map1: 0.6667, map5: 0.8333, recall5: 1, falseActRate: null, actRate: 0.3333, claims: 4 },
        { dataset: 'set-b', split: 'all', queries: 4, map1: 0.75, map5: 0.875, recall5: 1, falseActRate: 0.25, actRate: 0.75, claims: 3 },
      ],
    });
  });
});

describe('formatTable', () => {
  it('GIVEN results THEN the threshold heads a table with one aligned row per dataset and split', () => {
    const lines = formatTable(report).split('\n');
    expect(lines[0]).toMatch(/^act threshold: 0\.62 /);
    expect(lines.slice(2)).toEqual([
      'dataset  split  claims  queries   MAP@1   MAP@5     R@5  falseAct  actRate  ms/query',
      'set-a    dev         4        3  0.6667  0.8333  1.0000         -   0.3333      0.12',
      'set-b    all         3        4  0.7500  0.8750  1.0000    0.2500   0.7500     12.50',
    ]);
  });
});
