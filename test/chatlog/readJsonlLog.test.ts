import { describe, expect, it } from 'vitest';
import { UNDATED_START_MS } from '../../src/chatlog/chatlogEntry.js';
import { jsonlLine, readJsonlLog } from '../../src/chatlog/readJsonlLog.js';
import { collect } from './collect.js';

const MARCH_1 = Date.UTC(2024, 2, 1, 9, 0, 0);

describe('jsonlLine', () => {
  it.each([
    {
      given: 'every field',
      json: { text: 'hi', group: 'g1', member: 'Erin', memberId: 'u1', date: '2024-03-01T09:00:00Z', id: 'm7', channel: 'c2', admin: true },
      want: { groupId: 'g1', messageId: 'm7', channelId: 'c2', member: { id: 'u1', name: 'Erin', isAdmin: true }, sentAt: MARCH_1 },
    },
    {
      given: 'the Telegram-style names from / from_id / time in seconds',
      json: { text: 'hi', from: 'Erin', from_id: 42, time: MARCH_1 / 1000 },
      want: { groupId: 'scan', messageId: '5', member: { id: '42', name: 'Erin' }, sentAt: MARCH_1 },
    },
    {
      given: 'epoch milliseconds and a numeric group',
      json: { text: 'hi', group: -100123, member: 'Erin', date: MARCH_1 },
      want: { groupId: '-100123', member: { id: 'Erin', name: 'Erin' }, sentAt: MARCH_1 },
    },
    {
      given: 'only text',
      json: { text: 'hi' },
      want: { groupId: 'scan', messageId: '5', member: { id: 'unknown', name: 'unknown' }, sentAt: UNDATED_START_MS + 4 * 60_000 },
    },
    {
      given: 'null fields and fields RumorGuard does not read',
      json: { text: 'hi', member: null, group: null, reactions: ['👍'] },
      want: { groupId: 'scan', member: { id: 'unknown', name: 'unknown' } },
    },
  ])('GIVEN $given THEN the message has them', ({ json, want }) => {
    const entry = jsonlLine(JSON.stringify(json), 5);
    expect(entry).toMatchObject({ line: 5, message: { platform: 'scan', text: 'hi', ...want } });
  });

  it.each([
    { given: 'a line that is not JSON', source: '{"text": "hi"', error: /^not JSON: / },
    { given: 'a JSON string', source: '"hello"', error: /^expected an object/ },
    { given: 'a JSON list', source: '[1, 2]', error: /^expected an object/ },
    { given: 'no text', source: '{"member": "Erin"}', error: /^text: the message has no text$/ },
    { given: 'blank text', source: '{"text": "   "}', error: /^text: the message has no text$/ },
    { given: 'text that is a number', source: '{"text": 5}', error: /^text: expected text/ },
    { given: 'a date that is not a date', source: '{"text": "hi", "date": "yesterday"}', error: /^date: not a date/ },
    { given: 'admin that is not a boolean', source: '{"text": "hi", "admin": "yes"}', error: /^admin: expected true or false/ },
  ])('GIVEN $given THEN the line is reported', ({ source, error }) => {
    const entry = jsonlLine(source, 9);
    expect(entry).toEqual({ line: 9, error: expect.stringMatching(error) });
  });
});

describe('readJsonlLog', () => {
  it('GIVEN a good line, a blank line and a broken line THEN each keeps its line number', async () => {
    const entries = await collect(readJsonlLog(['{"text":"one"}\n', '\n{"text":', '"two"}\n{oops\n']));
    expect(entries.map((e) => ('message' in e ? [e.line, e.message.text] : [e.line, 'error']))).toEqual([
      [1, 'one'],
      [3, 'two'],
      [4, 'error'],
    ]);
  });
});
