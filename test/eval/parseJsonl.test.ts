import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJsonl } from '../../src/eval/parseJsonl.js';

const Line = z.looseObject({ id: z.string().min(1), n: z.number().default(0) });

describe('parseJsonl', () => {
  it('GIVEN valid lines and a blank line THEN every object is kept with its line number', () => {
    expect(parseJsonl('{"id":"a","n":1}\n\n{"id":"b","extra":true}\n', 'f.jsonl', Line)).toEqual({
      rows: [
        { line: 1, value: { id: 'a', n: 1 } },
        { line: 3, value: { id: 'b', n: 0, extra: true } },
      ],
      problems: [],
    });
  });

  it.each([
    { given: 'a line that is not JSON', text: '{"id":"a"\n', message: /^not JSON/ },
    { given: 'a field of the wrong type', text: '{"id":7}\n', message: /^id: / },
    { given: 'a missing field', text: '{"n":1}\n', message: /^id: / },
  ])('GIVEN $given THEN it is reported at file:line and skipped', ({ text, message }) => {
    const parsed = parseJsonl(`{"id":"ok"}\n${text}`, 'f.jsonl', Line);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ file: 'f.jsonl', line: 2 });
    expect(parsed.problems[0]?.message).toMatch(message);
  });
});
