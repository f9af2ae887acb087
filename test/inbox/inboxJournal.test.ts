import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InboxJournal } from '../../src/inbox/inboxJournal.js';

const dirs: string[] = [];
const journalFile = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-journal-'));
  dirs.push(dir);
  return path.join(dir, 'inbox.jsonl');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the inbox journal', () => {
  it('GIVEN items recorded, some marked done, and the process gone without closing (a crash) THEN the next open hands back the others, in order, and keeps only them', async () => {
    const file = journalFile();
    const { journal, pending } = await InboxJournal.open<{ n: number }>(file);
    expect(pending).toEqual([]);
    await Promise.all([1, 2, 3, 4].map((n) => journal.record(String(n), { n })));
    journal.done('2');
    journal.done('4');
    await journal.record('5', { n: 5 });
    // No close: what is in the file is what a kill -9 leaves.
    const reopened = await InboxJournal.open<{ n: number }>(file);
    expect(reopened.pending).toEqual([{ n: 1 }, { n: 3 }, { n: 5 }]);
    expect(reopened.journal.waiting).toBe(3);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(3);
    reopened.journal.done('1');
    reopened.journal.done('3');
    reopened.journal.done('5');
    await reopened.journal.close();
    expect((await InboxJournal.open(file)).pending).toEqual([]);
  });

  it('GIVEN a line cut by the crash THEN it is skipped, and the rest is read', async () => {
    const file = journalFile();
    const { journal } = await InboxJournal.open(file);
    await journal.record('1', { n: 1 });
    await journal.close();
    appendFileSync(file, '{"in":"2","item":{"n"');
    expect((await InboxJournal.open(file)).pending).toEqual([{ n: 1 }]);
  });
});
