import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCheckedDataset } from '../../src/eval/readCheckedDataset.js';
import { FIXTURE_EVAL_DIR } from './fixtureDir.js';

const dir = join(FIXTURE_EVAL_DIR, 'weibo-sample');
const { value: dataset, problems } = readCheckedDataset(dir);

describe('readCheckedDataset on weibo-sample/', () => {
  it('GIVEN no split folders THEN all queries form the split "all"', () => {
    expect(dataset).toMatchObject({ name: 'weibo-sample', layout: 'checked' });
    expect(dataset.splits.map((s) => [s.name, s.queries.length])).toEqual([['all', 4]]);
    expect(dataset.splits[0]?.queries[0]).toEqual({
      id: 'p1',
      text: '听说每天喝板蓝根可以预防新冠肺炎，大家快去买！',
      gold: ['zh-1'],
    });
  });

  it('GIVEN claims with and without a debunk link THEN the link or a placeholder becomes the source', () => {
    expect(dataset.debunks.map((d) => [d.id, d.sources[0]?.url, d.lang])).toEqual([
      ['zh-1', 'https://example.org/debunks/zh-1', 'zh'],
      ['zh-2', 'https://weibo.com/', 'zh'],
      ['zh-3', 'https://weibo.com/', 'zh'],
    ]);
    expect(dataset.debunks[0]).toMatchObject({
      claim: '喝板蓝根可以预防新冠肺炎',
      variants: [],
      refutation: '经核实，“喝板蓝根可以预防新冠肺炎”的说法不实：板蓝根对新型冠状病毒没有预防作用。',
    });
  });

  it('GIVEN negatives.txt with a blank line THEN each non-blank line is one negative', () => {
    expect(dataset.negatives).toHaveLength(4);
    expect(dataset.negatives?.[1]).toBe('武汉明天封城的传言已被辟谣');
  });

  it('GIVEN a query with an unknown claim and an unfinished line THEN both are reported with file:line', () => {
    const file = join(dir, 'queries.jsonl');
    expect(problems.map((p) => [p.file, p.line])).toEqual([
      [file, 5],
      [file, 6],
    ]);
    expect(problems[0]?.message).toBe('claim_id zh-9 is not in claims.jsonl');
    expect(problems[1]?.message).toMatch(/^not JSON/);
  });
});
