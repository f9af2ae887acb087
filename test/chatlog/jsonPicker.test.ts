import { describe, expect, it } from 'vitest';
import { JsonPicker, type JsonPathSegment, type PickError, type PickedValue } from '../../src/chatlog/jsonPicker.js';
import { chunked } from './collect.js';

const itemsOf = (path: readonly JsonPathSegment[]) => path.length === 2 && path[0] === 'items';

function pick(chunks: string[], wanted = itemsOf, maxValueChars?: number): (PickedValue | PickError)[] {
  const picker = new JsonPicker({ wanted, ...(maxValueChars === undefined ? {} : { maxValueChars }) });
  const out = chunks.flatMap((c) => picker.feed(c));
  const end = picker.end();
  return end ? [...out, end] : out;
}

const DOC = `{
 "about": "braces } ] and \\"quotes\\" in a string",
 "skip": {"items": [1, 2]},
 "items": [
  {"a": "x}", "b": [1, {"c": null}]},
  "text with \\\\ and \\"",
  -12.5e3,
  true,
  [ ]
 ],
 "after": null
}`;

describe('JsonPicker', () => {
  it('GIVEN a document THEN exactly the wanted values come back whole, with the line they start on', () => {
    expect(pick([DOC])).toEqual([
      { path: ['items', 0], line: 5, json: '{"a": "x}", "b": [1, {"c": null}]}' },
      { path: ['items', 1], line: 6, json: '"text with \\\\ and \\""' },
      { path: ['items', 2], line: 7, json: '-12.5e3' },
      { path: ['items', 3], line: 8, json: 'true' },
      { path: ['items', 4], line: 9, json: '[ ]' },
    ]);
  });

  it.each([1, 2, 3, 7, 64])('GIVEN the document in chunks of %i characters THEN the result is the same', (size) => {
    expect(pick(chunked(DOC, size))).toEqual(pick([DOC]));
  });

  it('GIVEN escaped characters in a key THEN the key is decoded', () => {
    expect(pick(['{"it\\u0065ms": [5]}'])).toEqual([{ path: ['items', 0], line: 1, json: '5' }]);
  });

  it.each([
    { given: 'an empty text', text: '  \n', error: { line: 2, error: 'the file is empty' } },
    { given: 'text that is not JSON', text: 'hello', error: { line: 1, error: 'not JSON: expected { or [ at the start, got "h"' } },
    { given: 'a cut-off document', text: '{"items": [1,\n 2', error: { line: 2, error: 'unexpected end of file: the file is cut off' } },
    { given: 'a cut-off string', text: '{"about": "abc', error: { line: 1, error: 'unexpected end of file: the file is cut off' } },
    { given: 'a wrong closing bracket', text: '{"x": [1}\n', error: { line: 1, error: 'unexpected "}"' } },
    { given: 'text after the end', text: '{}\n{}', error: { line: 2, error: 'unexpected "{" after the end of the JSON value' } },
    { given: 'a key without quotes', text: '{items: []}', error: { line: 1, error: 'expected a key in quotes, got "i"' } },
  ])('GIVEN $given THEN the picker stops with an error at its line', ({ text, error }) => {
    expect(pick([text]).at(-1)).toEqual(error);
  });

  it('GIVEN a value over the size limit THEN it comes back without its text and the next one is whole', () => {
    expect(pick(chunked('{"items": ["0123456789", "ok"]}', 4), itemsOf, 8)).toEqual([
      { path: ['items', 0], line: 1 },
      { path: ['items', 1], line: 1, json: '"ok"' },
    ]);
  });
});
