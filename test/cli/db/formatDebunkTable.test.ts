import { describe, expect, it } from 'vitest';
import { formatColumns, formatDebunkTable, isExpired } from '../../../src/cli/db/formatDebunkTable.js';
import { DebunkSchema } from '../../../src/debunks/schema.js';

const BASE = {
  verdict: 'false',
  refutation: 'No.',
  sources: [{ title: 'T', url: 'https://e.org/' }],
  lang: 'en',
  published: '2020-01-01',
};

describe('isExpired', () => {
  it.each([
    { given: 'no expires', expires: undefined, then: false },
    { given: 'expires today', expires: '2024-06-01', then: false },
    { given: 'expires yesterday', expires: '2024-05-31', then: true },
  ])('GIVEN $given THEN $then', ({ expires, then }) => {
    expect(isExpired(DebunkSchema.parse({ ...BASE, id: 'x', claim: 'c', expires }), '2024-06-01')).toBe(then);
  });
});

describe('formatDebunkTable', () => {
  it('GIVEN a long Chinese claim and an expired entry THEN claims are cut to 60 characters and the status says expired', () => {
    const table = formatDebunkTable(
      [
        DebunkSchema.parse({ ...BASE, id: 'long', claim: '谣'.repeat(80), tags: ['a', 'b'], lang: 'zh' }),
        DebunkSchema.parse({ ...BASE, id: 'old', claim: 'Old\nnews', expires: '2020-01-01', severity: 'low' }),
      ],
      '2024-06-01',
    );
    expect(table.split('\n')).toEqual([
      'ID    VERDICT  SEVERITY  LANG  TAGS  STATUS   CLAIM',
      `long  false    medium    zh    a,b   active   ${'谣'.repeat(59)}…`,
      'old   false    low       en          expired  Old news',
    ]);
  });
});

describe('formatColumns', () => {
  it('GIVEN cells with characters outside the BMP THEN padding counts characters, not UTF-16 units', () => {
    expect(formatColumns([['𝒶', 'x'], ['ab', 'y']])).toBe('𝒶   x\nab  y');
  });
});
