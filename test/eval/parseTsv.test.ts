import { describe, expect, it } from 'vitest';
import { parseTsv } from '../../src/eval/parseTsv.js';

describe('parseTsv', () => {
  it('GIVEN a header row THEN it is dropped and records keep their own line numbers', () => {
    const parsed = parseTsv('id\ttext\n1\tone\n2\ttwo\n', 'f.tsv', 2, true);
    expect(parsed).toEqual({
      rows: [
        { line: 2, fields: ['1', 'one'] },
        { line: 3, fields: ['2', 'two'] },
      ],
      problems: [],
    });
  });

  it('GIVEN quoted fields with doubled quotes and a newline THEN they are unquoted and the next line number is right', () => {
    const parsed = parseTsv('1\t"a ""quoted""\nword"\tx\n2\tb\ty\n', 'f.tsv', 3, false);
    expect(parsed.rows).toEqual([
      { line: 1, fields: ['1', 'a "quoted"\nword', 'x'] },
      { line: 3, fields: ['2', 'b', 'y'] },
    ]);
  });

  it('GIVEN a stray quote inside an unquoted field THEN it is kept as text', () => {
    expect(parseTsv('1\ta 5" screen\n', 'f.tsv', 2, false).rows).toEqual([{ line: 1, fields: ['1', 'a 5" screen'] }]);
  });

  it('GIVEN a record with too few fields THEN it is reported with file:line and skipped', () => {
    const parsed = parseTsv('1\ta\tb\n2\tonly\n\n3\tc\td\n', 'f.tsv', 3, false);
    expect(parsed.rows.map((r) => r.fields[0])).toEqual(['1', '3']);
    expect(parsed.problems).toEqual([{ file: 'f.tsv', line: 2, message: 'expected 3 tab-separated fields, found 2' }]);
  });

  it('GIVEN a quote that never closes THEN the records before it survive and its start line is reported', () => {
    const parsed = parseTsv('1\ta\n\n2\t"never closed\n3\tb\n', 'f.tsv', 2, false);
    expect(parsed.rows).toEqual([{ line: 1, fields: ['1', 'a'] }]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ file: 'f.tsv', line: 3 });
    expect(parsed.problems[0]?.message).toMatch(/quote/i);
  });

  it('GIVEN a byte order mark and CRLF line ends THEN neither leaks into the fields', () => {
    expect(parseTsv('\uFEFF1\ta\r\n2\tb\r\n', 'f.tsv', 2, false).rows).toEqual([
      { line: 1, fields: ['1', 'a'] },
      { line: 2, fields: ['2', 'b'] },
    ]);
  });
});
