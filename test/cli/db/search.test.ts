import { afterAll, describe, expect, it } from 'vitest';
import { linesOf, removeWorkspaces, runDb, workspace } from './runDb.js';

afterAll(removeWorkspaces);

interface Hit {
  id: string;
  score: number;
  claim: string;
}

function search(...args: string[]): Hit[] {
  const run = runDb(workspace(), ['search', ...args, '--json']);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Hit[];
}

describe('rumorguard db search', () => {
  it('GIVEN part of a Chinese claim in traditional characters, spaced out THEN that entry comes first', () => {
    const hits = search('熱水 沖進 胃裡');
    expect(hits[0]?.id).toBe('hot-water-kills-virus');
  });

  it('GIVEN a misspelt English query with a fullwidth letter THEN that entry comes first', () => {
    const hits = search('Ｗhats app chargeing');
    expect(hits[0]?.id).toBe('whatsapp-charging');
  });

  it('GIVEN words of a variant THEN the entry is found through its variant', () => {
    expect(search('5G基站')[0]?.id).toBe('five-g-towers');
  });

  it('GIVEN --json --limit 1 THEN one {"id","score","claim"} object, score between 0 and 1', () => {
    const hits = search('上海 封控', '--limit', '1');
    expect(hits).toHaveLength(1);
    expect(Object.keys(hits[0]!)).toEqual(['id', 'score', 'claim']);
    expect(hits[0]).toMatchObject({ id: 'lockdown-extended-april', claim: '上海封控将延长到四月底' });
    expect(hits[0]!.score).toBeGreaterThanOrEqual(0);
    expect(hits[0]!.score).toBeLessThan(1);
  });

  it('GIVEN no --json THEN a table, best first, with the score', () => {
    const run = runDb(workspace(), ['search', 'coronavirus towers']);
    expect(run.status, run.stderr).toBe(0);
    const lines = linesOf(run.stdout);
    expect(lines[0]).toMatch(/^SCORE\s+ID\s+CLAIM$/);
    expect(lines[1]).toMatch(/^0\.\d{3}\s+five-g-towers\s+5G towers spread the coronavirus$/);
  });

  it('GIVEN words that are in no entry THEN it says so and exits 0', () => {
    const run = runDb(workspace(), ['search', 'xylophone']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('No debunk matches "xylophone".\n');
  });

  it('GIVEN --limit 0 THEN commander refuses it', () => {
    const run = runDb(workspace(), ['search', 'virus', '--limit', '0']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('expected a whole number of at least 1');
  });
});
