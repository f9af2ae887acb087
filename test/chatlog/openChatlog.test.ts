import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatOf, openChatlog } from '../../src/chatlog/openChatlog.js';
import { collect } from './collect.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/chatlogs/', import.meta.url));

describe('formatOf', () => {
  it.each([
    { file: 'chat.jsonl', choice: 'auto', want: 'jsonl' },
    { file: 'CHAT.NDJSON', choice: 'auto', want: 'jsonl' },
    { file: 'result.json', choice: 'auto', want: 'telegram' },
    { file: 'chat.txt', choice: 'auto', want: 'text' },
    { file: 'chat', choice: 'auto', want: 'text' },
    { file: 'result.json', choice: 'text', want: 'text' },
    { file: 'chat.txt', choice: 'jsonl', want: 'jsonl' },
  ] as const)('GIVEN $file and --format $choice THEN the format is $want', ({ file, choice, want }) => {
    expect(formatOf(file, choice)).toBe(want);
  });
});

describe('openChatlog', () => {
  it('GIVEN a missing file THEN it says "file not found"', async () => {
    expect(await openChatlog(`${FIXTURES}missing.txt`)).toEqual({ ok: false, error: 'file not found' });
  });

  it('GIVEN a folder THEN it says so', async () => {
    expect(await openChatlog(FIXTURES)).toEqual({ ok: false, error: 'is a folder, not a chat history file' });
  });

  it('GIVEN the JSONL fixture THEN it streams every entry and reads the whole file', async () => {
    const opened = await openChatlog(`${FIXTURES}group-chat.jsonl`);
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.chatlog.format).toBe('jsonl');
    const entries = await collect(opened.chatlog.entries);
    expect(entries.map((e) => e.line)).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 10, 11]);
    expect(opened.chatlog.bytesRead()).toBe(opened.chatlog.size);
  });

  it('GIVEN an empty file THEN there are no entries', async () => {
    const opened = await openChatlog(`${FIXTURES}empty.txt`);
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.chatlog.size).toBe(0);
    expect(await collect(opened.chatlog.entries)).toEqual([]);
  });
});
