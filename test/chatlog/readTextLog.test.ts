import { describe, expect, it } from 'vitest';
import { UNDATED_START_MS } from '../../src/chatlog/chatlogEntry.js';
import { readTextLog, textLine } from '../../src/chatlog/readTextLog.js';
import { chunked, collect } from './collect.js';

describe('textLine', () => {
  it.each([
    { given: 'a name prefix', line: 'alice: 5G towers spread the coronavirus', member: 'alice', text: '5G towers spread the coronavirus' },
    { given: 'a name with spaces', line: 'Dr. Who: hello there', member: 'Dr. Who', text: 'hello there' },
    { given: 'a full-width colon', line: '张三：5G基站会传播新冠病毒', member: '张三', text: '5G基站会传播新冠病毒' },
    { given: 'no prefix', line: 'just a line', member: 'unknown', text: 'just a line' },
    { given: 'a URL', line: 'https://example.com/5g read this', member: 'unknown', text: 'https://example.com/5g read this' },
    { given: 'a clock time', line: '10:15 meeting moved', member: 'unknown', text: '10:15 meeting moved' },
    { given: 'a name longer than 32 characters', line: `${'x'.repeat(40)}: text`, member: 'unknown', text: `${'x'.repeat(40)}: text` },
    { given: 'a colon with nothing after it', line: 'alice:', member: 'unknown', text: 'alice:' },
  ])('GIVEN $given THEN the member is "$member"', ({ line, member, text }) => {
    const message = textLine(line, 3);
    expect(message.member).toEqual({ id: member, name: member });
    expect(message.text).toBe(text);
  });

  it('GIVEN line 3 THEN the message is in group "scan", id "3", two minutes after the start', () => {
    expect(textLine('hi', 3)).toMatchObject({ platform: 'scan', groupId: 'scan', messageId: '3', sentAt: UNDATED_START_MS + 120_000 });
  });
});

describe('readTextLog', () => {
  it('GIVEN blank lines, CRLF and a byte-order mark THEN blank lines are skipped and numbering follows the file', async () => {
    const entries = await collect(readTextLog(['\uFEFFalice: one\r\n', '\r\n   \nbob: two\r\nthree']));
    expect(entries.map((e) => ('message' in e ? [e.line, e.message.member.name, e.message.text] : e))).toEqual([
      [1, 'alice', 'one'],
      [4, 'bob', 'two'],
      [5, 'unknown', 'three'],
    ]);
  });

  it.each([1, 2, 5])('GIVEN the text in chunks of %i characters THEN the lines are the same', async (size) => {
    const text = 'alice: first line\n\nbob: 第二行\ncarol: third\n';
    const whole = await collect(readTextLog([text]));
    expect(await collect(readTextLog(chunked(text, size)))).toEqual(whole);
  });

  it('GIVEN an empty file THEN there are no entries', async () => {
    expect(await collect(readTextLog([]))).toEqual([]);
  });
});
