import { describe, expect, it } from 'vitest';
import { convertCsv } from '../../../../src/debunks/import/convertCsv.js';
import { checkCsvHeader, columnKey, csvRowToEntry } from '../../../../src/debunks/import/csvColumns.js';

const HEADER = 'id,claim,verdict,refutation,source_title,source_url,published';

describe('csvRowToEntry', () => {
  it.each<{ given: string; row: Record<string, string>; then: Record<string, unknown> }>([
    {
      given: 'a full row',
      row: {
        id: 'x',
        claim: ' A claim ',
        variants: 'one | two ||',
        verdict: 'FALSE',
        refutation: 'No.',
        source_title: 'T',
        source_url: 'https://e.org/',
        source_publisher: 'P',
        source_date: '2020-01-01',
        tags: 'a|b',
        severity: 'High',
        lang: 'en',
        published: '2020-01-02',
        expires: '',
      },
      then: {
        id: 'x',
        claim: 'A claim',
        variants: ['one', 'two'],
        verdict: 'false',
        refutation: 'No.',
        sources: [{ title: 'T', url: 'https://e.org/', publisher: 'P', date: '2020-01-01' }],
        tags: ['a', 'b'],
        severity: 'high',
        lang: 'en',
        published: '2020-01-02',
      },
    },
    {
      given: 'refutations per language and empty cells',
      row: { id: '', claim: 'c', refutation_en: 'No.', refutation_zh: '不。', 'refutation_zh-Hant': '', source_url: '' },
      then: { claim: 'c', refutation: { en: 'No.', zh: '不。' }, sources: [] },
    },
  ])('GIVEN $given THEN the entry in database field names', ({ row, then }) => {
    expect(csvRowToEntry(row)).toEqual({ entry: then, notes: [] });
  });

  it('GIVEN both "refutation" and "refutation_en" filled THEN a note on refutation', () => {
    expect(csvRowToEntry({ claim: 'c', refutation: 'a', refutation_en: 'b' }).notes).toEqual([
      { field: ['refutation'], message: 'fill either "refutation" or the "refutation_<lang>" columns, not both' },
    ]);
  });
});

describe('checkCsvHeader', () => {
  it.each([
    { given: 'the required columns', columns: HEADER.split(','), then: [] },
    { given: 'per-language refutations instead of "refutation"', columns: ['claim', 'verdict', 'refutation_en', 'source_title', 'source_url', 'published'], then: [] },
    {
      given: 'a typo and a missing column',
      columns: ['claim', 'verdict', 'refutation', 'source_title', 'sorce_url', 'published'],
      then: [expect.stringMatching(/^unknown column "sorce_url": the columns are id, claim, /), 'missing column "source_url"'],
    },
    { given: 'a repeated column', columns: [...HEADER.split(','), 'claim'], then: ['column "claim" appears twice'] },
    {
      given: 'no refutation column',
      columns: ['claim', 'verdict', 'source_title', 'source_url', 'published'],
      then: ['missing column "refutation" (or one per language such as "refutation_en")'],
    },
  ])('GIVEN $given THEN $then', ({ columns, then }) => {
    expect(checkCsvHeader(columns)).toEqual(then);
  });

  it.each([
    [' Claim ', 'claim'],
    ['REFUTATION_zh-Hant', 'refutation_zh-Hant'],
  ])('GIVEN header cell %j THEN column %j', (header, key) => {
    expect(columnKey(header)).toBe(key);
  });
});

describe('convertCsv', () => {
  const row = (id: string) => `${id},claim ${id},false,No.,T,https://e.org/,2020-01-01`;

  it.each([
    { given: 'LF lines', text: `${HEADER}\n${row('a')}\n${row('b')}\n`, then: [2, 3] },
    { given: 'blank lines and a BOM', text: `\ufeff${HEADER}\n\n${row('a')}\n\n\n${row('b')}`, then: [3, 6] },
    {
      given: 'CRLF with a quoted cell spanning lines',
      text: `${HEADER}\r\na,"two\r\nlines",false,No.,T,https://e.org/,2020-01-01\r\n${row('b')}\r\n`,
      then: [2, 4],
    },
    { given: 'a row of empty cells from a spreadsheet', text: `${HEADER}\n${row('a')}\n,,,,,,\n${row('b')}\n`, then: [2, 4] },
    { given: 'Chinese text before the row', text: `${HEADER}\na,"谣言\n谣言",false,No.,T,https://e.org/,2020-01-01\n${row('b')}\n`, then: [2, 4] },
  ])('GIVEN $given THEN records start on lines $then', ({ text, then }) => {
    const { records, problems } = convertCsv(text, 'f.csv');
    expect(problems).toEqual([]);
    expect(records.map((r) => r.line)).toEqual(then);
    expect(records.map((r) => r.record)).toEqual([1, 2]);
  });

  it('GIVEN a row with too few fields THEN a note without a field, so the row is not validated further', () => {
    const { records } = convertCsv(`${HEADER}\na,b,false\n`, 'f.csv');
    expect(records[0]).toMatchObject({ line: 2, entry: {}, notes: [{ message: 'has 3 fields, the header has 7' }] });
  });

  it('GIVEN an unclosed quote THEN one problem with the line csv-parse names', () => {
    const { records, problems } = convertCsv(`${HEADER}\n${row('a')}\nb,"open,false\n`, 'f.csv');
    expect(records).toEqual([]);
    expect(problems).toEqual([{ source: 'f.csv', line: expect.any(Number), message: expect.stringMatching(/quote/i) }]);
  });

  it('GIVEN a bad header THEN problems on line 1 and no records', () => {
    const { records, problems } = convertCsv('claim,verdict\nx,false\n', 'f.csv');
    expect(records).toEqual([]);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'missing column "source_title"'],
      [1, 'missing column "source_url"'],
      [1, 'missing column "published"'],
      [1, 'missing column "refutation" (or one per language such as "refutation_en")'],
    ]);
  });

  it('GIVEN an empty file THEN one problem', () => {
    expect(convertCsv('', 'f.csv').problems).toEqual([{ source: 'f.csv', message: 'empty file: expected a header row and one row per debunk' }]);
  });
});
