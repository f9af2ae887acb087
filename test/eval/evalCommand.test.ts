import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERIFIER_WEIGHTS_FILE } from '../../src/cli/evalCommand.js';
import { runCli as rumorguard } from '../cli/runCli.js';
import { FIXTURE_EVAL_DIR } from './fixtureDir.js';

function runCli(...args: string[]) {
  return rumorguard(['eval', ...args]);
}

// Runs the real matcher (src/matching/matcher.ts) in a child process: the compiled bin.
describe('rumorguard eval', () => {
  it('GIVEN --data <fixtures> --json THEN stdout is exactly one JSON object with a row per dataset and split', () => {
    const run = runCli('--data', FIXTURE_EVAL_DIR, '--json');
    expect(run.status, run.stderr).toBe(0);
    const output = JSON.parse(run.stdout) as { results: Record<string, unknown>[] };
    expect(Object.keys(output)).toEqual(['results']);
    expect(output.results.map((r) => [r.dataset, r.split, r.queries, r.claims])).toEqual([
      ['tweets-sample', 'dev', 3, 4],
      ['tweets-sample', 'train', 3, 4],
      ['weibo-sample', 'all', 4, 3],
    ]);
    for (const result of output.results) {
      expect(Object.keys(result).sort()).toEqual(
        ['actRate', 'claims', 'dataset', 'falseActRate', 'map1', 'map5', 'queries', 'recall5', 'split'].sort(),
      );
      for (const key of ['map1', 'map5', 'recall5', 'actRate']) {
        expect(result[key]).toBeGreaterThanOrEqual(0);
        expect(result[key]).toBeLessThanOrEqual(1);
      }
    }
    expect(output.results.map((r) => r.falseActRate === null)).toEqual([true, true, false]);
    expect(run.stderr).toContain('tweets-sample/train/tweet-vclaim-pairs.qrels:5: expected 4 tab-separated fields');
  });

  it('GIVEN --data <fixtures> without --json THEN a table with the act threshold is printed', () => {
    const run = runCli('--data', FIXTURE_EVAL_DIR);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^act threshold: \d/);
    expect(run.stdout).toMatch(/\nweibo-sample\s+all\s+3\s+4\s/);
  });

  it('GIVEN --data /nonexistent THEN it says there is no data and exits 0', () => {
    const run = runCli('--data', '/nonexistent');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      'No evaluation data in /nonexistent (expected sub-folders laid out like clef2020-en/ or checked-zh/); nothing to evaluate.',
    ]);
  });

  it('GIVEN --fit --data /nonexistent THEN it fails saying there is no data, and the verifier\'s weights are left as they were', () => {
    const weights = readFileSync(VERIFIER_WEIGHTS_FILE, 'utf8');
    try {
      const run = runCli('--fit', '--data', '/nonexistent');
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('No evaluation data in /nonexistent');
      expect(run.stderr).toContain('left as it was');
      expect(readFileSync(VERIFIER_WEIGHTS_FILE, 'utf8')).toBe(weights);
    } finally {
      // Were the weights fitted on nothing, the repository's would be lost.
      writeFileSync(VERIFIER_WEIGHTS_FILE, weights);
    }
  });

  it('GIVEN --data /nonexistent --json THEN stdout is still one JSON object, with no results', () => {
    const run = runCli('--data', '/nonexistent', '--json');
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ results: [] });
    expect(run.stderr).toContain('No evaluation data in /nonexistent');
  });
});
