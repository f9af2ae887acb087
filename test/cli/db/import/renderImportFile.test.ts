import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkDebunkFile } from '../../../../src/debunks/checkDebunkFile.js';
import { outputFile } from '../../../../src/debunks/import/outputFile.js';
import { renderImportFile } from '../../../../src/debunks/import/renderImportFile.js';
import { DebunkSchema } from '../../../../src/debunks/schema.js';

const AT = new Date('2024-05-06T07:08:09Z');

describe('renderImportFile', () => {
  const debunks = [
    DebunkSchema.parse({
      id: 'x',
      claim: '123',
      verdict: 'false',
      refutation: { en: 'No.', zh: '不。' },
      sources: [{ title: 'T', url: 'https://e.org/', date: '2020-01-01' }],
      lang: 'en',
      published: '2020-01-02',
      expires: '2030-01-01',
    }),
    DebunkSchema.parse({
      id: 'y',
      claim: 'true',
      variants: ['v'],
      verdict: 'satire',
      refutation: 'Joke.',
      sources: [{ title: 'T', url: 'https://e.org/' }],
      tags: ['t'],
      lang: 'zh',
      published: '2020-01-02',
    }),
  ];
  const text = renderImportFile(debunks, { file: 'feed\n.csv', format: 'csv', at: AT });

  it('GIVEN entries THEN a header comment on one line each, even for a file name with a line break', () => {
    expect(text.split('\n').slice(0, 3)).toEqual([
      '# Imported by "rumorguard db import" on 2024-05-06T07:08:09.000Z',
      '# from feed .csv (format: csv), 2 entries.',
      '',
    ]);
  });

  it('GIVEN entries whose texts look like numbers or booleans THEN they load back unchanged, through the real loader', () => {
    const checked = checkDebunkFile('imported.yaml', text);
    expect(checked.problems).toEqual([]);
    expect(checked.debunks).toEqual(debunks);
  });

  it('GIVEN defaults THEN empty lists and example: false are left out, in the README\'s field order', () => {
    const [first, second] = parse(text) as Record<string, unknown>[];
    expect(Object.keys(first!)).toEqual(['id', 'claim', 'verdict', 'refutation', 'sources', 'severity', 'lang', 'published', 'expires']);
    expect(Object.keys(second!)).toEqual(['id', 'claim', 'variants', 'verdict', 'refutation', 'sources', 'tags', 'severity', 'lang', 'published']);
  });
});

describe('outputFile', () => {
  it.each([
    { given: 'no --out', input: 'in/feed.csv', out: undefined, then: { ok: true, absolute: '/w/rules/debunks/imported-feed.yaml' } },
    { given: 'a bare name', input: 'feed.csv', out: 'mine.yml', then: { ok: true, absolute: '/w/rules/debunks/mine.yml' } },
    { given: 'a path into the folder', input: 'feed.csv', out: 'rules/debunks/mine.yaml', then: { ok: true, absolute: '/w/rules/debunks/mine.yaml' } },
    { given: 'a path elsewhere', input: 'feed.csv', out: 'other/mine.yaml', then: { ok: false } },
    { given: 'a name without .yaml', input: 'feed.csv', out: 'mine.json', then: { ok: false, message: '--out mine.json: must end in .yaml or .yml' } },
    { given: 'a hidden file', input: 'feed.csv', out: '.mine.yaml', then: { ok: false } },
  ])('GIVEN $given THEN $then', ({ input, out, then }) => {
    expect(outputFile('/w', 'rules/debunks', input, out)).toMatchObject(then);
  });
});
