import { describe, expect, it } from 'vitest';
import { convertJson } from '../../../../src/debunks/import/convertJson.js';

describe('convertJson', () => {
  it.each([
    { given: 'a bare list', text: '[\n  {"id": "a"},\n  {"id": "b"}\n]', then: [2, 3] },
    { given: '{"debunks": [...]} with a BOM', text: '\ufeff{\n  "debunks": [\n    {"id": "a"}\n  ]\n}', then: [3] },
  ])('GIVEN $given THEN one record per entry, at its line', ({ text, then }) => {
    const { records, problems } = convertJson(text, 'e.json');
    expect(problems).toEqual([]);
    expect(records.map((r) => r.line)).toEqual(then);
  });

  it('GIVEN a field THEN lineOf points at its own line', () => {
    const { records } = convertJson('[\n  {\n    "id": "a",\n    "claim": "c"\n  }\n]', 'e.json');
    expect(records[0]!.lineOf!(['claim'])).toBe(4);
    expect(records[0]!.lineOf!(['lang'])).toBe(2);
  });

  it.each([
    { given: 'a mapping without "debunks"', text: '{"id": "a"}', then: 'expected a list of entries, or { "debunks": [...] } (got a mapping)' },
    { given: 'a number', text: '42', then: 'expected a list of entries, or { "debunks": [...] } (got 42)' },
  ])('GIVEN $given THEN one file problem', ({ text, then }) => {
    expect(convertJson(text, 'e.json')).toEqual({ records: [], problems: [{ source: 'e.json', line: 1, message: then }] });
  });

  it('GIVEN an entry that is not a mapping THEN a note without a field', () => {
    const { records } = convertJson('["oops"]', 'e.json');
    expect(records[0]!.notes).toEqual([{ message: 'expected an entry (got "oops")' }]);
  });

  it('GIVEN invalid JSON THEN a syntax problem with its line', () => {
    const { problems } = convertJson('[\n  {"id": "a",}\n]', 'e.json');
    expect(problems).toEqual([{ source: 'e.json', line: 2, message: expect.any(String) }]);
  });
});
