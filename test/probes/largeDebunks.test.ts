import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatColumns } from '../../src/cli/db/formatDebunkTable.js';
import { importDebunks } from '../../src/debunks/import/importDebunks.js';
import { IMPORT_FILE_ENTRIES } from '../../src/debunks/import/outputFile.js';
import { formatProblem, loadDebunks } from '../../src/debunks/loadDebunks.js';
import { MAX_DEBUNK_FILE_BYTES } from '../../src/debunks/readDebunkFile.js';
import { manyDebunksJson, unknownKeysJson } from './largeDebunkFiles.js';

// Issue 13 row 5: a debunk file with more than ~125k entries crashed the loader (a spread into
// push(): RangeError); db list used the same pattern; unknown-key checks were quadratic; every
// file's parse was kept until the whole folder was checked, and db import wrote any number of
// entries into one file.

const root = mkdtempSync(path.join(tmpdir(), 'rg-large-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folderWith(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return dir;
}

describe('large debunk databases', () => {
  it('GIVEN 200,000 entries in 20 files THEN they load (no stack overflow), every entry kept', async () => {
    const files = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`part-${String(i).padStart(2, '0')}.json`, manyDebunksJson(10_000).replaceAll('"rumor-', `"rumor-${i}-`)]));
    const result = await loadDebunks(folderWith('many', files));
    expect(result.ok && result.debunks.length).toBe(200_000);
    expect(result.ok && result.files).toHaveLength(20);
  }, 120_000);

  it('GIVEN one file larger than a debunk file may be THEN it is refused, named, with how to split it (no crash)', async () => {
    const text = manyDebunksJson(200_000);
    expect(text.length).toBeGreaterThan(MAX_DEBUNK_FILE_BYTES);
    const result = await loadDebunks(folderWith('huge', { 'huge.json': text, 'ok.json': manyDebunksJson(1).replace('rumor-0', 'small') }));
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.map(formatProblem);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/huge\.json: is \d+\.\d MB, more than the 16\.0 MB one debunk file may hold: split its entries over several files/);
    expect(problems[0]).toMatch(/rumorguard db import", which writes files of at most 10,000 entries/);
  }, 120_000);

  it('GIVEN the same id in two files THEN both places are named with their lines', async () => {
    const one = manyDebunksJson(3);
    const result = await loadDebunks(folderWith('twice', { 'a.json': one, 'b.json': one.replace('rumor-0', 'other') }));
    const problems = result.ok ? [] : result.problems.map(formatProblem);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/b\.json:2 entry "rumor-1": id: duplicate of .*a\.json:2$/);
  });

  it(`GIVEN an import of ${IMPORT_FILE_ENTRIES + 50} entries THEN it is written as two numbered files of at most ${IMPORT_FILE_ENTRIES}, which load with the folder`, async () => {
    const dir = folderWith('import', { 'mine.json': manyDebunksJson(1).replace('rumor-0', 'mine') });
    writeFileSync(path.join(root, 'feed.json'), manyDebunksJson(IMPORT_FILE_ENTRIES + 50));
    const outcome = await importDebunks({ file: path.join(root, 'feed.json'), format: 'json', dir, dryRun: false, cwd: root });
    expect(outcome).toMatchObject({ ok: true, count: IMPORT_FILE_ENTRIES + 50, written: true, files: ['import/imported-feed-0001.yaml', 'import/imported-feed-0002.yaml'] });
    expect(outcome.ok && outcome.file).toBe('import/imported-feed-0001.yaml … imported-feed-0002.yaml (2 files)');
    expect(readdirSync(dir).sort()).toEqual(['imported-feed-0001.yaml', 'imported-feed-0002.yaml', 'mine.json']);
    const loaded = await loadDebunks(dir);
    expect(loaded.ok && loaded.debunks.length).toBe(IMPORT_FILE_ENTRIES + 51);
    // Importing it again is refused whole: every part would be overwritten.
    const again = await importDebunks({ file: path.join(root, 'feed.json'), format: 'json', dir, dryRun: false, cwd: root });
    expect(again.ok ? [] : again.problems.filter((p) => p.endsWith('already exists; an import never overwrites a file, choose another name with --out'))).toHaveLength(2);
  }, 120_000);

  it('GIVEN an entry with 40,000 unknown keys THEN each is reported once, on its own line', async () => {
    const result = await loadDebunks(folderWith('keys', { 'keys.json': unknownKeysJson(40_000) }));
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
