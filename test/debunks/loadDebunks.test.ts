import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  formatProblem,
  formatProblems,
  loadDebunks,
  loadDebunksSync,
  type LoadProblem,
  type LoadResult,
} from '../../src/debunks/loadDebunks.js';
import type { Debunk } from '../../src/debunks/schema.js';
import { checkDebunksInWorker, checkReadsInWorker } from '../../src/debunks/checkDebunksInWorker.js';
import { checkDebunkFiles } from '../../src/debunks/checkDebunkFiles.js';
import { debunkFileReads } from '../../src/debunks/readDebunkFiles.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = 'test/fixtures/debunks';
const ENTRIES = `${FIXTURES}/invalid-entries/entries.yaml`;

function load(dir: string): Promise<LoadResult> {
  return loadDebunks(dir, { cwd: root });
}

async function problemsOf(dir: string): Promise<LoadProblem[]> {
  const result = await load(dir);
  if (result.ok) throw new Error(`expected problems in ${dir}, got ${result.debunks.length} entries`);
  return result.problems;
}

async function debunksOf(dir: string): Promise<{ debunks: Debunk[]; files: string[] }> {
  const result = await load(dir);
  if (!result.ok) throw new Error(formatProblems(result.problems));
  return result;
}

describe('loadDebunks: valid files', () => {
  const byId = async (id: string) => (await debunksOf(`${FIXTURES}/valid`)).debunks.find((d) => d.id === id);

  it('GIVEN a YAML list, a .yml file with "debunks:" and a JSON file THEN every entry loads, in file-name order', async () => {
    const { debunks, files } = await debunksOf(`${FIXTURES}/valid`);
    expect(debunks.map((d) => d.id)).toEqual(['five-g', 'garlic', 'whatsapp-charging']);
    expect(files).toEqual([`${FIXTURES}/valid/a.yaml`, `${FIXTURES}/valid/b.yml`, `${FIXTURES}/valid/c.json`]);
  });

  it.each([
    { given: 'a plain YAML date', id: 'five-g', then: { published: '2024-10-05' } },
    { given: 'a !!timestamp date (a Date object)', id: 'garlic', then: { published: '2024-10-06' } },
    { given: 'an expires date written as a Date', id: 'five-g', then: { expires: '2030-01-31' } },
    { given: 'a source date', id: 'five-g', then: { sources: [{ date: '2020-03-01' }] } },
    { given: 'an unquoted `verdict: false` (a YAML boolean)', id: 'five-g', then: { verdict: 'false' } },
    { given: 'a refutation per language', id: 'five-g', then: { refutation: { en: expect.any(String), zh: expect.any(String) } } },
    {
      given: 'no variants, tags, severity or example',
      id: 'garlic',
      then: { variants: [], tags: [], severity: 'medium', example: false },
    },
    { given: 'a JSON entry', id: 'whatsapp-charging', then: { verdict: 'false', published: '2024-10-07', example: true } },
  ])('GIVEN $given THEN the entry holds $then', async ({ id, then }) => {
    expect(await byId(id)).toMatchObject(then);
  });
});

describe('rules/debunks/examples.yaml', () => {
  it('GIVEN the shipped examples THEN they load cleanly, are bilingual, and are all marked as examples', async () => {
    const { debunks } = await debunksOf('rules/debunks');
    const bilingual = debunks.filter(
      (d) => typeof d.refutation === 'object' && d.refutation.zh !== undefined && d.refutation.en !== undefined,
    );
    expect(debunks.length).toBeGreaterThanOrEqual(14);
    expect(bilingual.length).toBeGreaterThanOrEqual(12);
    expect(debunks.every((d) => d.example)).toBe(true);
    // A few wordings each, more where members word the claim in many ways, in both languages (the 5G claim has ten).
    expect(debunks.every((d) => d.variants.length >= 2 && d.variants.length <= 10)).toBe(true);
    expect(new Set(debunks.map((d) => d.lang))).toEqual(new Set(['zh', 'en']));
  });
});

describe('loadDebunks: every problem of an entry, with its line', () => {
  const rows = [
    { given: 'a missing field', code: 'missing_field', then: `${ENTRIES}:1 entry "no-claim": claim: required` },
    { given: 'no id (named by position)', code: 'missing_field', then: `${ENTRIES}:7 entry #2: id: required` },
    {
      given: 'an invalid id',
      code: 'invalid_field',
      then: `${ENTRIES}:13 entry #3: id: use 1-80 lowercase letters, digits, ".", "_" or "-"`,
    },
    {
      given: 'a bad verdict',
      code: 'invalid_field',
      then: `${ENTRIES}:15 entry #3: verdict: must be one of false, misleading, unproven, outdated, satire (got "nope")`,
    },
    { given: 'an empty claim', code: 'invalid_field', then: `${ENTRIES}:21 entry "bad-fields": claim: must not be empty` },
    {
      given: 'a misspelt field',
      code: 'unknown_field',
      then: `${ENTRIES}:22 entry "bad-fields": unknown field "varaints" (did you mean "variants"?)`,
    },
    { given: 'an unknown field', code: 'unknown_field', then: `${ENTRIES}:23 entry "bad-fields": unknown field "colour"` },
    {
      given: 'a bad severity',
      code: 'invalid_field',
      then: `${ENTRIES}:25 entry "bad-fields": severity: must be one of low, medium, high (got "urgent")`,
    },
    {
      given: 'a refutation language that is not a language tag',
      code: 'invalid_field',
      then: `${ENTRIES}:28 entry "bad-fields": refutation.English: not a language tag such as "en" or "zh"`,
    },
    { given: 'a source URL that is not a URL', code: 'invalid_field', then: `${ENTRIES}:31 entry "bad-fields": sources[0].url: must be an http:// or https:// address` },
    {
      given: 'an unknown field in a source',
      code: 'unknown_field',
      then: `${ENTRIES}:32 entry "bad-fields": sources[0]: unknown field "note"`,
    },
    {
      given: 'a source without a URL (line of the source)',
      code: 'missing_field',
      then: `${ENTRIES}:33 entry "bad-fields": sources[1].url: required`,
    },
    {
      given: 'a bad language tag',
      code: 'invalid_field',
      then: `${ENTRIES}:34 entry "bad-fields": lang: not a language tag such as "en" or "zh"`,
    },
    {
      given: 'an impossible published date',
      code: 'invalid_field',
      then: `${ENTRIES}:35 entry "bad-fields": published: not a date (YYYY-MM-DD)`,
    },
    { given: 'an expires that is not a date', code: 'invalid_field', then: `${ENTRIES}:36 entry "bad-fields": expires: not a date (YYYY-MM-DD)` },
    {
      given: 'a flag that is not true or false',
      code: 'invalid_field',
      then: `${ENTRIES}:37 entry "bad-fields": example: expected true or false (got "yes")`,
    },
    { given: 'a variant that is a number', code: 'invalid_field', then: `${ENTRIES}:42 entry "bad-types": variants[1]: expected text (got 42)` },
    {
      given: 'a refutation that is neither text nor a mapping',
      code: 'invalid_field',
      then: `${ENTRIES}:44 entry "bad-types": refutation: expected text, or one text per language such as { en: "...", zh: "..." } (got 42)`,
    },
    { given: 'no sources', code: 'invalid_field', then: `${ENTRIES}:45 entry "bad-types": sources: needs at least one source` },
    { given: 'an empty list item', code: 'invalid_field', then: `${ENTRIES}:48 entry #6: empty entry` },
    { given: 'a list item that is text', code: 'invalid_field', then: `${ENTRIES}:49 entry #7: expected a mapping (got "just text")` },
  ];

  it.each(rows)('GIVEN $given THEN "$then" ($code)', async ({ then, code }) => {
    const problems = await problemsOf(`${FIXTURES}/invalid-entries`);
    expect(problems.filter((p) => formatProblem(p) === then).map((p) => p.code)).toEqual([code]);
  });

  it('GIVEN one file with many bad entries THEN exactly these problems are reported, in line order', async () => {
    const problems = await problemsOf(`${FIXTURES}/invalid-entries`);
    expect(problems.map(formatProblem)).toEqual(rows.map((r) => r.then));
  });
});

describe('loadDebunks: folder and file problems', () => {
  const folders = [
    {
      given: 'problems in several files, next to a valid one',
      dir: `${FIXTURES}/several-files`,
      then: [
        `${FIXTURES}/several-files/a.yaml:10 entry "beta": verdict: must be one of false, misleading, unproven, outdated, satire (got "wrong")`,
        `${FIXTURES}/several-files/a.yaml:12 entry "beta": sources[0].url: must be an http:// or https:// address`,
        `${FIXTURES}/several-files/b.json:2 entry "gamma": published: required`,
        `${FIXTURES}/several-files/b.json:14 entry "delta": refutation.en: must not be empty`,
        `${FIXTURES}/several-files/c.yml:3: Flow sequence in block collection must be sufficiently indented and end with a ]`,
      ],
    },
    {
      given: 'an id used twice in one file and again in another',
      dir: `${FIXTURES}/duplicates`,
      then: [
        `${FIXTURES}/duplicates/a.yaml:15 entry "shared": id: duplicate of ${FIXTURES}/duplicates/a.yaml:1`,
        `${FIXTURES}/duplicates/b.yaml:3 entry "shared": id: duplicate of ${FIXTURES}/duplicates/a.yaml:1`,
      ],
    },
    {
      given: 'YAML and JSON syntax errors',
      dir: `${FIXTURES}/syntax`,
      then: [
        `${FIXTURES}/syntax/bad.json:3: Expected double-quoted property name in JSON`,
        `${FIXTURES}/syntax/bad.yaml:3: Flow sequence in block collection must be sufficiently indented and end with a ]`,
        `${FIXTURES}/syntax/dup-keys.yaml:2: Map keys must be unique`,
        // Node gives no position for an unexpected token: found from the excerpt it quotes (it blamed the last line).
        `${FIXTURES}/syntax/token.json:7: Unexpected token 'm': not valid JSON`,
      ],
    },
    {
      given: 'files that are not lists of entries',
      dir: `${FIXTURES}/file-shapes`,
      then: [
        `${FIXTURES}/file-shapes/empty.yaml:1: empty file: expected a list of entries (each starting with "- "), or "debunks:" with a list`,
        `${FIXTURES}/file-shapes/extra-key.yaml:2: unknown field "version"`,
        `${FIXTURES}/file-shapes/mapping.yaml:2: expected a list of entries (each starting with "- "), or "debunks:" with a list (got a mapping)`,
        `${FIXTURES}/file-shapes/not-a-list.yaml:1: debunks: expected a list (got a mapping)`,
        `${FIXTURES}/file-shapes/scalar.json:1: expected a list of entries (each starting with "- "), or "debunks:" with a list (got "hello")`,
      ],
    },
    { given: 'a missing folder', dir: `${FIXTURES}/does-not-exist`, then: [`${FIXTURES}/does-not-exist: folder not found`] },
    {
      given: 'a folder without debunk files',
      dir: `${FIXTURES}/no-debunk-files`,
      then: [`${FIXTURES}/no-debunk-files: has no .yaml, .yml or .json files`],
    },
    {
      given: 'a file instead of a folder',
      dir: `${FIXTURES}/valid/a.yaml`,
      then: [`${FIXTURES}/valid/a.yaml: not a folder`],
    },
  ];

  it.each(folders)('GIVEN $given THEN every problem is reported at once', async ({ dir, then }) => {
    expect((await problemsOf(dir)).map(formatProblem)).toEqual(then);
  });

  it.each([
    { dir: `${FIXTURES}/several-files`, then: ['invalid_field', 'invalid_field', 'missing_field', 'invalid_field', 'syntax'] },
    { dir: `${FIXTURES}/duplicates`, then: ['duplicate_id', 'duplicate_id'] },
    { dir: `${FIXTURES}/syntax`, then: ['syntax', 'syntax', 'syntax', 'syntax'] },
    { dir: `${FIXTURES}/file-shapes`, then: ['not_a_list', 'unknown_field', 'not_a_list', 'not_a_list', 'not_a_list'] },
    { dir: `${FIXTURES}/does-not-exist`, then: ['missing_folder'] },
    { dir: `${FIXTURES}/no-debunk-files`, then: ['empty_folder'] },
  ])('GIVEN $dir THEN the problem codes are $then', async ({ dir, then }) => {
    expect((await problemsOf(dir)).map((p) => p.code)).toEqual(then);
  });

  it.each([...folders.map((f) => f.dir), `${FIXTURES}/valid`, `${FIXTURES}/invalid-entries`, 'rules/debunks'])(
    'GIVEN %s THEN loadDebunksSync returns the same as loadDebunks',
    async (dir) => {
      expect(loadDebunksSync(dir, { cwd: root })).toEqual(await load(dir));
    },
  );

  it.each([...folders.map((f) => f.dir), `${FIXTURES}/valid`, `${FIXTURES}/invalid-entries`, 'rules/debunks'])(
    'GIVEN %s checked in a worker thread THEN the result is the one of the main thread, every problem with its file, line and field',
    async (dir) => {
      expect(await loadDebunks(dir, { cwd: root, thread: 'worker' })).toEqual(await loadDebunks(dir, { cwd: root, thread: 'main' }));
    },
  );

  it.each([`${FIXTURES}/valid`, `${FIXTURES}/duplicates`, `${FIXTURES}/several-files`])(
    'GIVEN the files of %s as read THEN the worker thread checks them as checkDebunkFiles does, and says where each id is written',
    async (folder) => {
      const reads = [...debunkFileReads(path.join(root, folder), folder, readdirSync(path.join(root, folder)).sort())];
      const expected = checkDebunkFiles(reads);
      const checked = await checkReadsInWorker(reads, { idSites: true });
      expect(checked?.result).toEqual(expected);
      const ids = [...(checked?.ids ?? new Map<string, string>())];
      if (expected.ok) {
        expect(ids.map(([id]) => id)).toEqual(expected.debunks.map((d) => d.id));
        expect(ids.every(([, where]) => /^test\/fixtures\/debunks\/.+:\d+$/.test(where))).toBe(true);
      } else {
        expect(ids).toEqual([]);
      }
    },
  );

  it('GIVEN the worker thread under vitest (TypeScript sources, no tsx) THEN it starts and does the check, rather than falling back', async () => {
    const folder = `${FIXTURES}/duplicates`;
    const names = readdirSync(path.join(root, folder)).sort();
    const checked = await checkDebunksInWorker(path.join(root, folder), folder, names);
    expect(checked).toEqual(await loadDebunks(folder, { cwd: root, thread: 'main' }));
  });
});

describe('loadDebunks: paths', () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'rumorguard-debunks-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('GIVEN a folder outside the working directory THEN problems show its absolute path', async () => {
    const dir = path.join(scratch, 'missing');
    const result = await loadDebunks(dir, { cwd: root });
    expect(result).toEqual({
      ok: false,
      problems: [{ file: dir.split(path.sep).join('/'), message: 'folder not found', code: 'missing_folder' }],
    });
  });

  it('GIVEN a relative folder THEN it is resolved against the cwd option', async () => {
    const result = await loadDebunks('valid', { cwd: path.join(root, FIXTURES) });
    expect(result.ok && result.files).toEqual(['valid/a.yaml', 'valid/b.yml', 'valid/c.json']);
  });

  it('GIVEN a debunk file that cannot be read THEN it is an "unreadable" problem and other files are still checked', async () => {
    const dir = path.join(scratch, 'unreadable');
    mkdirSync(path.join(dir, 'a-folder'), { recursive: true });
    symlinkSync(path.join(dir, 'a-folder'), path.join(dir, 'a.yaml'));
    writeFileSync(path.join(dir, 'b.yaml'), '- id: x\n');
    const problems = await loadDebunks(dir, { cwd: dir });
    expect(problems.ok || problems.problems.map((p) => [formatProblem(p), p.code])).toEqual([
      ['a.yaml: cannot read file (EISDIR)', 'unreadable'],
      ['b.yaml:1 entry "x": claim: required', 'missing_field'],
      ['b.yaml:1 entry "x": verdict: required', 'missing_field'],
      ['b.yaml:1 entry "x": refutation: required', 'missing_field'],
      ['b.yaml:1 entry "x": sources: required', 'missing_field'],
      ['b.yaml:1 entry "x": lang: required', 'missing_field'],
      ['b.yaml:1 entry "x": published: required', 'missing_field'],
    ]);
  });
});

describe('loadDebunks: refutations in a language the bot does not speak', () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'rumorguard-refutation-lang-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const folder = (files: Record<string, string>): string => {
    const dir = mkdtempSync(path.join(scratch, 'db-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
  };
  const entry = (id: string, refutation: string) =>
    `- id: ${id}\n  claim: The moon is made of green cheese\n  verdict: "false"\n  refutation:\n${refutation}\n` +
    '  sources:\n    - { title: NASA, url: "https://nasa.gov/" }\n  lang: en\n  published: 2020-01-01\n';

  it('GIVEN a refutation in French only, next to a valid entry THEN the folder is refused, naming file, line, entry and field', async () => {
    const dir = folder({ 'a.yaml': entry('moon-cheese', '    fr: La lune est faite de roche.') + entry('sun-cold', '    zh: 太阳内部很热。') });
    const result = await loadDebunks(dir, { cwd: dir });
    expect(result.ok || result.problems.map((p) => [formatProblem(p), p.code])).toEqual([
      ['a.yaml:5 entry "moon-cheese": refutation.fr: unknown language "fr" (the bot speaks en, zh)', 'invalid_field'],
    ]);
    expect(loadDebunksSync(dir, { cwd: dir })).toEqual(result);
    expect(await loadDebunks(dir, { cwd: dir, thread: 'worker' })).toEqual(result);
  });

  it('GIVEN a French refutation next to English, in an entry with other errors THEN it is reported among them, in line order', async () => {
    const bad = '- claim: Something\n  verdict: maybe\n  refutation:\n    en: It is rock.\n    fr: bonjour\n  lang: en\n  published: 2020-13-45\n';
    const dir = folder({ 'bad.yaml': bad });
    const result = await loadDebunks(dir, { cwd: dir });
    expect(result.ok || result.problems.map(formatProblem)).toEqual([
      'bad.yaml:1 entry #1: id: required',
      'bad.yaml:1 entry #1: sources: required',
      'bad.yaml:2 entry #1: verdict: must be one of false, misleading, unproven, outdated, satire (got "maybe")',
      'bad.yaml:5 entry #1: refutation.fr: unknown language "fr" (the bot speaks en, zh)',
      'bad.yaml:7 entry #1: published: not a date (YYYY-MM-DD)',
    ]);
  });

  it('GIVEN refutations in en, zh and zh-Hant THEN the entry loads', async () => {
    const dir = folder({ 'a.yaml': entry('moon-cheese', '    en: It is rock.\n    zh: 是岩石。\n    zh-Hant: 是岩石。') });
    const result = await loadDebunks(dir, { cwd: dir });
    expect(result.ok && result.debunks.map((d) => d.refutation)).toEqual([{ en: 'It is rock.', zh: '是岩石。', 'zh-Hant': '是岩石。' }]);
  });
});

describe('formatProblem', () => {
  const base = { file: 'rules/debunks/health.yaml', message: 'must be an http:// or https:// address', code: 'invalid_field' } as const;
  it.each<{ given: string; problem: LoadProblem; then: string }>([
    {
      given: 'an entry id, a line and a field',
      problem: { ...base, line: 42, entryId: 'x', field: 'sources[0].url' },
      then: 'rules/debunks/health.yaml:42 entry "x": sources[0].url: must be an http:// or https:// address',
    },
    {
      given: 'no usable id',
      problem: { ...base, line: 7, entryIndex: 3, field: 'sources[0].url' },
      then: 'rules/debunks/health.yaml:7 entry #3: sources[0].url: must be an http:// or https:// address',
    },
    {
      given: 'a file-level problem',
      problem: { file: 'rules/debunks/a.yaml', line: 1, message: 'Map keys must be unique', code: 'syntax' },
      then: 'rules/debunks/a.yaml:1: Map keys must be unique',
    },
    {
      given: 'a folder problem (no line)',
      problem: { file: 'rules/debunks', message: 'folder not found', code: 'missing_folder' },
      then: 'rules/debunks: folder not found',
    },
  ])('GIVEN $given THEN "$then"', ({ problem, then }) => {
    expect(formatProblem(problem)).toBe(then);
  });

  it('GIVEN several problems THEN formatProblems puts one on each line', () => {
    const problems: LoadProblem[] = [
      { file: 'a', message: 'folder not found', code: 'missing_folder' },
      { file: 'b', message: 'has no .yaml, .yml or .json files', code: 'empty_folder' },
    ];
    expect(formatProblems(problems)).toBe('a: folder not found\nb: has no .yaml, .yml or .json files');
  });
});
