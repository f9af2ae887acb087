import { describe, expect, it } from 'vitest';
import type { ImportedRecord } from '../../../../src/debunks/import/importedRecord.js';
import { formatImportProblem } from '../../../../src/debunks/import/importProblem.js';
import { validateImport } from '../../../../src/debunks/import/validateImport.js';

const GOOD = {
  claim: 'The moon is cheese',
  verdict: 'false',
  refutation: 'It is rock.',
  sources: [{ title: 'NASA', url: 'https://nasa.gov/' }],
  lang: 'en',
  published: '2024-01-01',
};

function records(...entries: Record<string, unknown>[]): ImportedRecord[] {
  return entries.map((entry, i) => ({ record: i + 1, line: i + 2, entry, notes: [] }));
}

function problems(input: ImportedRecord[], options: { lang?: string; existing?: Map<string, string> } = {}): string[] {
  const result = validateImport(input, { source: 'f.csv', existing: new Map(), ...options });
  return result.problems.map(formatImportProblem);
}

describe('validateImport', () => {
  it('GIVEN good entries without ids THEN ids from their claims, made unique, and defaults applied', () => {
    const result = validateImport(records(GOOD, GOOD, { ...GOOD, id: 'the-moon-is-cheese-2' }), { source: 'f.csv', existing: new Map() });
    expect(result.problems).toEqual([]);
    expect(result.debunks.map((d) => d.id)).toEqual(['the-moon-is-cheese', 'the-moon-is-cheese-3', 'the-moon-is-cheese-2']);
    expect(result.debunks[0]).toMatchObject({ severity: 'medium', variants: [], tags: [], example: false });
  });

  it.each([
    { given: 'no lang and --lang zh', entry: { ...GOOD, lang: undefined }, lang: 'zh', then: 'zh' },
    { given: 'a lang and --lang zh', entry: GOOD, lang: 'zh', then: 'en' },
    { given: 'an empty lang and --lang zh', entry: { ...GOOD, lang: '' }, lang: 'zh', then: 'zh' },
  ])('GIVEN $given THEN lang $then', ({ entry, lang, then }) => {
    const result = validateImport(records(entry), { source: 'f.csv', lang, existing: new Map() });
    expect(result.debunks[0]?.lang).toBe(then);
  });

  it.each([
    {
      given: 'a bad URL',
      entries: [{ ...GOOD, id: 'abc', sources: [{ title: 'T', url: 'nasa.gov' }] }],
      then: ['f.csv:2 record "abc": sources[0].url: must be an http:// or https:// address'],
    },
    {
      given: 'no id and no claim',
      entries: [{ ...GOOD, claim: undefined }],
      then: ['f.csv:2 record #1: claim: required'],
    },
    {
      given: 'no language and no --lang',
      entries: [{ ...GOOD, id: 'x', lang: undefined }],
      then: ['f.csv:2 record "x": lang: required: the input gives no language; pass --lang'],
    },
    {
      given: 'an unknown field',
      entries: [{ ...GOOD, id: 'x', sevrity: 'high' }],
      then: ['f.csv:2 record "x": unknown field "sevrity" (did you mean "severity"?)'],
    },
    {
      given: 'the same id twice',
      entries: [{ ...GOOD, id: 'x' }, { ...GOOD, id: 'x' }],
      then: ['f.csv:3 record "x": id: duplicate of f.csv:2'],
    },
    {
      given: 'a bad id',
      entries: [{ ...GOOD, id: 'Bad Id' }],
      then: ['f.csv:2 record #1: id: use 1-80 lowercase letters, digits, ".", "_" or "-"'],
    },
  ])('GIVEN $given THEN $then', ({ entries, then }) => {
    expect(problems(records(...entries))).toEqual(then);
  });

  it('GIVEN an id already in the folder THEN the problem says where', () => {
    const existing = new Map([['the-moon-is-cheese', 'rules/debunks/a.yaml:12']]);
    expect(problems(records(GOOD), { existing })).toEqual(['f.csv:2 record "the-moon-is-cheese": id: already exists in rules/debunks/a.yaml:12']);
  });

  it('GIVEN a converter note on verdict THEN the schema\'s "required" for verdict is not repeated', () => {
    const input: ImportedRecord[] = [
      { record: 1, line: 5, entry: { ...GOOD, id: 'x', verdict: undefined }, notes: [{ field: ['verdict'], message: 'unknown rating "Meh"' }] },
    ];
    expect(problems(input)).toEqual(['f.csv:5 record "x": verdict: unknown rating "Meh"']);
  });

  it('GIVEN a note without a field THEN only that note, the record is not validated', () => {
    const input: ImportedRecord[] = [{ record: 3, line: 9, entry: {}, notes: [{ message: 'has 2 fields, the header has 7' }] }];
    expect(problems(input)).toEqual(['f.csv:9 record #3: has 2 fields, the header has 7']);
  });

  it('GIVEN a record that knows its field lines THEN problems point at the field', () => {
    const input: ImportedRecord[] = [
      { record: 1, line: 2, entry: { ...GOOD, id: 'x', published: 'soon' }, notes: [], lineOf: (field) => (field[0] === 'published' ? 8 : 2) },
    ];
    expect(problems(input)).toEqual(['f.csv:8 record "x": published: not a date (YYYY-MM-DD)']);
  });
});
