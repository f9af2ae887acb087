import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDebunkFile } from '../../src/debunks/loadDebunkFile.js';
import { formatProblem, loadDebunks } from '../../src/debunks/loadDebunks.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = 'test/fixtures/debunks';

const load = (file: string) => loadDebunkFile(file, { cwd: root });
const problemLines = (file: string) => {
  const result = load(file);
  return result.ok ? [] : result.problems.map((p) => [formatProblem(p), p.code]);
};

describe('loadDebunkFile', () => {
  it('GIVEN one valid file of a folder THEN its entries alone, the file as shown', () => {
    const result = load(`${FIXTURES}/valid/b.yml`);
    expect(result.ok && result.debunks.map((d) => d.id)).toEqual(['garlic']);
    expect(result.ok && result.files).toEqual([`${FIXTURES}/valid/b.yml`]);
  });

  it.each(['a.yaml', 'b.json', 'c.yml'])('GIVEN %s of a folder with problems THEN the problems the folder loader reports for that file', async (name) => {
    const folder = await loadDebunks(`${FIXTURES}/several-files`, { cwd: root });
    const file = `${FIXTURES}/several-files/${name}`;
    const expected = folder.ok ? [] : folder.problems.filter((p) => p.file === file);
    expect(expected.length).toBeGreaterThan(0);
    expect(load(file)).toEqual({ ok: false, problems: expected });
  });

  it('GIVEN an id used twice in the file THEN the duplicate is reported; ids in other files of its folder are not looked at', () => {
    expect(problemLines(`${FIXTURES}/duplicates/a.yaml`)).toEqual([
      [`${FIXTURES}/duplicates/a.yaml:15 entry "shared": id: duplicate of ${FIXTURES}/duplicates/a.yaml:1`, 'duplicate_id'],
    ]);
    expect(load(`${FIXTURES}/duplicates/b.yaml`).ok).toBe(true);
  });

  describe('files that are not there, not debunk files, or links', () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'rumorguard-debunk-file-'));
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));

    it('GIVEN a file whose name the folder loader skips THEN it is refused, saying why', () => {
      writeFileSync(path.join(scratch, 'notes.txt'), '- id: x\n');
      expect(loadDebunkFile('notes.txt', { cwd: scratch })).toEqual({
        ok: false,
        problems: [{ file: 'notes.txt', message: 'not a .yaml, .yml or .json file: the loader would skip it', code: 'not_a_debunk_file' }],
      });
    });

    it('GIVEN a file that is not there THEN it cannot be read', () => {
      const result = loadDebunkFile('gone.yaml', { cwd: scratch });
      expect(result.ok || result.problems.map((p) => [formatProblem(p), p.code])).toEqual([['gone.yaml: cannot read file (ENOENT)', 'unreadable']]);
    });

    it('GIVEN a link to a debunk file in another folder THEN the file it leads to is checked (it was named, not found in a folder)', () => {
      mkdirSync(path.join(scratch, 'elsewhere'));
      writeFileSync(path.join(scratch, 'elsewhere/real.yaml'), '- id: x\n');
      symlinkSync(path.join(scratch, 'elsewhere/real.yaml'), path.join(scratch, 'link.yaml'));
      const result = loadDebunkFile('link.yaml', { cwd: scratch });
      expect(result.ok || formatProblem(result.problems[0]!)).toBe('link.yaml:1 entry "x": claim: required');
    });
  });
});
