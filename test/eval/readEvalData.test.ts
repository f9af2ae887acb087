import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLayout, readEvalData } from '../../src/eval/readEvalData.js';
import { FIXTURE_EVAL_DIR } from './fixtureDir.js';

describe('detectLayout', () => {
  it.each([
    { folder: 'tweets-sample', expected: 'clef' },
    { folder: 'weibo-sample', expected: 'checked' },
    { folder: 'not-a-dataset', expected: null },
  ])('GIVEN $folder/ THEN the layout is $expected', ({ folder, expected }) => {
    expect(detectLayout(join(FIXTURE_EVAL_DIR, folder))).toBe(expected);
  });
});

describe('readEvalData', () => {
  it('GIVEN the fixture folder THEN every recognised sub-folder is read, whatever its name, in name order', () => {
    const progress: string[] = [];
    const data = readEvalData(FIXTURE_EVAL_DIR, (m) => progress.push(m));
    expect(data.value.map((d) => [d.name, d.layout])).toEqual([
      ['tweets-sample', 'clef'],
      ['weibo-sample', 'checked'],
    ]);
    expect(data.problems).toHaveLength(5);
    expect(progress).toEqual(['reading tweets-sample (clef layout)', 'reading weibo-sample (checked layout)']);
  });

  it('GIVEN sets linked into the folder (symlinks to their folders) THEN they are read as folders of their own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rg-eval-links-'));
    try {
      symlinkSync(join(FIXTURE_EVAL_DIR, 'weibo-sample'), join(dir, 'linked-weibo'));
      symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
      expect(readEvalData(dir).value.map((d) => [d.name, d.layout])).toEqual([['linked-weibo', 'checked']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    { given: 'a folder that does not exist', dir: join(FIXTURE_EVAL_DIR, 'missing') },
    { given: 'a folder without datasets', dir: join(FIXTURE_EVAL_DIR, 'not-a-dataset') },
  ])('GIVEN $given THEN there are no datasets and no problems', ({ dir }) => {
    expect(readEvalData(dir)).toEqual({ value: [], problems: [] });
  });

  it('GIVEN a split folder with queries but no qrels THEN the split is skipped and reported', () => {
    const root = mkdtempSync(join(tmpdir(), 'rumorguard-eval-'));
    const set = join(root, 'half-done');
    mkdirSync(join(set, 'test'), { recursive: true });
    writeFileSync(join(set, 'verified_claims.docs.tsv'), '\tvclaim\ttitle\n1\tA claim.\tA title\n');
    writeFileSync(join(set, 'test', 'tweets.queries.tsv'), '\ttweet_content\n5\tA tweet\n');
    try {
      const data = readEvalData(root);
      expect(data.value[0]?.splits).toEqual([]);
      expect(data.problems).toEqual([{ file: join(set, 'test'), message: 'no tweet-vclaim-pairs.qrels; split skipped' }]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
