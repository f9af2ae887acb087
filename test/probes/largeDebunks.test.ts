import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatColumns } from '../../src/cli/db/formatDebunkTable.js';
import { loadDebunks } from '../../src/debunks/loadDebunks.js';
import { manyDebunksJson, unknownKeysJson } from './largeDebunkFiles.js';

// Issue 13 row 5: a debunk file with more than ~125k entries crashed the loader (a spread into
// push(): RangeError); db list used the same pattern; unknown-key checks were quadratic.

const root = mkdtempSync(path.join(tmpdir(), 'rg-large-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folderWith(name: string, file: string, text: string): string {
  const dir = path.join(root, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, file), text);
  return dir;
}

describe('large debunk files', () => {
  it('GIVEN one file of 200,000 entries THEN it loads (no stack overflow), every entry kept', async () => {
    const result = await loadDebunks(folderWith('many', 'many.json', manyDebunksJson(200_000)));
    expect(result.ok).toBe(true);
    expect(result.ok && result.debunks.length).toBe(200_000);
  }, 120_000);

  it('GIVEN an entry with 40,000 unknown keys THEN each is reported once, on its own line', async () => {
    const result = await loadDebunks(folderWith('keys', 'keys.json', unknownKeysJson(40_000)));
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(40_000);
    // The file is pretty-printed one key a line: the last unknown key is on line 40,000 + 12.
    expect(problems.at(-1)).toMatchObject({ code: 'unknown_field', message: 'unknown field "extra_39999"' });
    expect(problems.at(-1)?.line).toBeGreaterThan(40_000);
  }, 120_000);

  it('GIVEN 300,000 rows for db list THEN the columns are measured without a spread', () => {
    const rows = [['id', 'claim'], ...Array.from({ length: 300_000 }, (_, i) => [`rumor-${i}`, 'claim'])];
    expect(formatColumns(rows).split('\n')[0]).toBe('id            claim');
  });
});
