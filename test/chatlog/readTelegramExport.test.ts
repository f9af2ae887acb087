import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ChatlogEntry } from '../../src/chatlog/chatlogEntry.js';
import { plainTextOf, readTelegramExport, telegramMessage } from '../../src/chatlog/readTelegramExport.js';
import { chunked, collect } from './collect.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/chatlogs/telegram-export.json', import.meta.url));
const CHAT = { id: '1876543210', name: 'Neighbourhood Watch' };
const AT = { date: '2024-05-02T08:00:00', date_unixtime: '1714636800' };
const MAY_2_8AM = Date.UTC(2024, 4, 2, 8);

/** Entries as [line, memberId, text] or [line, 'error: …'], for compact expectations. */
const brief = (entries: ChatlogEntry[]) =>
  entries.map((e) => ('message' in e ? [e.line, e.message.member.id, e.message.text] : [e.line, `error: ${e.error}`]));

describe('plainTextOf', () => {
  it.each([
    { given: 'a string', text: 'plain', want: 'plain' },
    { given: 'strings and entities', text: [{ type: 'bold', text: 'URGENT:' }, ' read ', { type: 'link', text: 'https://x.example' }], want: 'URGENT: read https://x.example' },
    { given: 'a text link', text: ['see ', { type: 'text_link', text: 'this', href: 'https://who.int' }], want: 'see this' },
    { given: 'an empty list', text: [], want: '' },
    { given: 'no text', text: undefined, want: '' },
  ])('GIVEN $given THEN the text is "$want"', ({ text, want }) => {
    expect(plainTextOf(text)).toBe(want);
  });
});

describe('telegramMessage', () => {
  it.each([
    {
      given: 'a plain message',
      value: { id: 4, type: 'message', ...AT, from: 'Ivan Petrov', from_id: 'user111', text: 'hello' },
      want: { groupId: '1876543210', messageId: '4', member: { id: '111', name: 'Ivan Petrov' }, text: 'hello', sentAt: MAY_2_8AM },
    },
    {
      given: 'an edited, forwarded message',
      value: { id: 7, type: 'message', ...AT, edited: '2024-05-02T08:01:00', from: 'Ivan', from_id: 'user111', forwarded_from: 'Channel', text: 'x' },
      want: { edited: true, forwarded: true },
    },
    {
      given: 'a deleted account',
      value: { id: 8, type: 'message', ...AT, from: null, from_id: 'user444', text: 'x' },
      want: { member: { id: '444', name: 'Deleted Account' } },
    },
    {
      given: 'a post signed by a channel',
      value: { id: 9, type: 'message', ...AT, from: 'News', from_id: 'channel777', text: 'x' },
      want: { member: { id: 'channel777', name: 'News' } },
    },
    {
      given: 'only the local date',
      value: { id: 10, type: 'message', date: '2024-05-02T08:00:00', from: 'Ivan', from_id: 'user111', text: 'x' },
      want: { sentAt: new Date(2024, 4, 2, 8).getTime() },
    },
  ])('GIVEN $given THEN the message says so', ({ value, want }) => {
    const entry = telegramMessage(value, 12, CHAT);
    expect(entry).toMatchObject({ line: 12, message: { platform: 'telegram', ...want } });
    if (entry && 'message' in entry && !('edited' in want)) expect(entry.message.edited).toBeUndefined();
  });

  it.each([
    { given: 'a service message', value: { id: 1, type: 'service', ...AT, action: 'pin_message', text: '' } },
    { given: 'a photo that was not exported', value: { id: 2, type: 'message', ...AT, from: 'Ivan', from_id: 'user111', photo: '(File not included. Change data exporting settings to download.)', text: '' } },
    { given: 'text of spaces', value: { id: 3, type: 'message', ...AT, from: 'Ivan', from_id: 'user111', text: ['  '] } },
  ])('GIVEN $given THEN it is skipped silently', ({ value }) => {
    expect(telegramMessage(value, 1, CHAT)).toBeUndefined();
  });

  it('GIVEN a photo without caption THEN it comes with the picture\'s path in the export, for scan to read', () => {
    const entry = telegramMessage({ id: 2, type: 'message', ...AT, from: 'Ivan', from_id: 'user111', photo: 'photos/p.jpg', text: '' }, 1, CHAT);
    expect(entry).toMatchObject({ line: 1, picture: 'photos/p.jpg', message: { text: '', member: { id: '111' } } });
    const document = telegramMessage({ id: 3, type: 'message', ...AT, from: 'Ivan', file: 'files/card.png', mime_type: 'image/png', text: 'look' }, 1, CHAT);
    expect(document).toMatchObject({ picture: 'files/card.png', message: { text: 'look' } });
    expect(telegramMessage({ id: 4, type: 'message', ...AT, from: 'Ivan', photo: '../../etc/passwd', text: '' }, 1, CHAT)).toBeUndefined();
  });

  it.each([
    { given: 'a list', value: [1], error: 'a message must be an object' },
    { given: 'a number as text', value: { id: 3, type: 'message', ...AT, text: 42 }, error: 'text: expected text or a list (got 42)' },
    { given: 'no date', value: { id: 3, type: 'message', from: 'Ivan', text: 'hi' }, error: 'message 3: no valid date or date_unixtime' },
    { given: 'no id', value: { type: 'message', ...AT, text: 'hi' }, error: 'id: required' },
  ])('GIVEN $given THEN it is reported', ({ value, error }) => {
    expect(telegramMessage(value, 7, CHAT)).toEqual({ line: 7, error });
  });
});

describe('readTelegramExport', () => {
  const text = readFileSync(FIXTURE, 'utf8');

  it('GIVEN the fixture export THEN messages come with the line they start on, service messages left out', async () => {
    expect(brief(await collect(readTelegramExport([text])))).toEqual([
      [36, '111', 'Good morning neighbours!'],
      [51, '111', 'URGENT: 5G towers spread the coronavirus, https://example.com/5g-truth share before they delete it'],
      [89, '111', ''],
      [102, '222', 'This is not true, WHO debunked it: WHO myth busters — 5G towers do not spread the coronavirus'],
      [147, '111', 'Forward this email and Bill Gates will send you money!! It worked for my aunt'],
      [176, '111', 'Drinking hot water every 15 minutes kills the virus'],
      [192, '111', 'WhatsApp will start charging unless you forward this message to 10 contacts'],
      [217, '222', 'Thanks @ivan_p, but please check #facts first'],
      [261, '333', '5G networks are causing COVID-19 for real, my cousin works for a telecom'],
      [276, 'error: text: expected text or a list (got 42)'],
      [286, '444', 'Good to know, thank you all'],
    ]);
  });

  it.each([1, 5, 100, 4096])('GIVEN the export in chunks of %i characters THEN the entries are the same', async (size) => {
    const whole = await collect(readTelegramExport([text]));
    expect(await collect(readTelegramExport(chunked(text, size)))).toEqual(whole);
  });

  it('GIVEN a byte-order mark THEN the export still reads', async () => {
    expect(await collect(readTelegramExport([`\uFEFF${text}`]))).toEqual(await collect(readTelegramExport([text])));
  });

  it('GIVEN a full export with chats and left chats THEN each chat is its own group', async () => {
    const chat = (id: number, name: string, said: string) => ({
      name,
      type: 'private_group',
      id,
      messages: [{ id: 1, type: 'message', ...AT, from: 'Ivan', from_id: 'user111', text: said }],
    });
    const full = {
      about: 'Here is the data you requested.',
      personal_information: { user_id: 111, first_name: 'Ivan' },
      chats: { about: '…', list: [chat(10, 'Family', 'one'), chat(20, 'Work', 'two')] },
      left_chats: { about: '…', list: [chat(30, 'Old club', 'three')] },
    };
    const entries = await collect(readTelegramExport([JSON.stringify(full, null, 1)]));
    expect(entries.map((e) => ('message' in e ? [e.message.groupId, e.message.text] : e))).toEqual([
      ['10', 'one'],
      ['20', 'two'],
      ['30', 'three'],
    ]);
  });

  it('GIVEN a chat whose id comes after its messages THEN the chat name stands in for the group', async () => {
    const json = JSON.stringify({ name: 'Late id', messages: [{ id: 1, type: 'message', ...AT, from: 'A', from_id: 'user1', text: 'hi' }], id: 5 });
    expect(await collect(readTelegramExport([json]))).toMatchObject([{ message: { groupId: 'Late id' } }]);
  });

  it('GIVEN one message that is not valid JSON THEN it is reported and the next one is read', async () => {
    const json = '{"id": 5, "messages": [\n {"id": 1, "type": "message" "text": "x"},\n {"id": 2, "type": "message", "date_unixtime": "1714636800", "text": "ok"}\n]}';
    expect(brief(await collect(readTelegramExport([json])))).toEqual([
      [2, expect.stringMatching(/^error: not valid JSON: /)],
      [3, 'unknown', 'ok'],
    ]);
  });

  it.each([
    { given: 'an empty file', json: '', line: 1, error: /^the file is empty$/ },
    { given: 'a JSON list', json: '[1, 2]', line: 1, error: /^not a Telegram Desktop export/ },
    { given: 'another JSON object', json: '{"users": []}', line: 1, error: /^not a Telegram Desktop export/ },
    { given: 'a text file', json: 'alice: hi', line: 1, error: /^not JSON: .*; not a Telegram Desktop export/ },
  ])('GIVEN $given THEN reading stops with a fatal error', async ({ json, line, error }) => {
    expect(await collect(readTelegramExport([json]))).toEqual([{ line, error: expect.stringMatching(error), fatal: true }]);
  });

  it('GIVEN an export cut off after two messages THEN both are read, then a fatal error', async () => {
    const cut = text.slice(0, text.indexOf('"id": 5'));
    const entries = await collect(readTelegramExport([cut]));
    expect(brief(entries).slice(0, 2)).toEqual([
      [36, '111', 'Good morning neighbours!'],
      [51, '111', 'URGENT: 5G towers spread the coronavirus, https://example.com/5g-truth share before they delete it'],
    ]);
    expect(entries.at(-1)).toEqual({ line: 90, error: 'unexpected end of file: the file is cut off', fatal: true });
  });
});
