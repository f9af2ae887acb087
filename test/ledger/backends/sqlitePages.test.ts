import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { parseStoredEntry } from '../../../src/ledger/backends/parseStoredEntry.js';
import { sqliteLedgerBackend } from '../../../src/ledger/backends/sqliteLedgerBackend.js';
import { Ledger } from '../../../src/ledger/ledger.js';
import type { StoredItem } from '../../../src/ledger/storedEntry.js';
import { incident } from '../fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'rumorguard-sqlite-pages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs one statement on the file, as someone editing the database by hand would. */
async function edit(file: string, sql: string, params: unknown[]): Promise<void> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const d = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(d)));
  });
  await new Promise<void>((resolve, reject) => db.run(sql, params, (err) => (err ? reject(err) : resolve())));
  await new Promise<void>((resolve) => db.close(() => resolve()));
}

describe('SQLite readPage', () => {
  it('GIVEN rows edited by hand (one holding a control character, null, a cut one, a gap) THEN every page holds what reading its rows one by one gives, and verification names the first', async () => {
    const file = join(dir, 'ledger.sqlite');
    const backend = await sqliteLedgerBackend(file);
    try {
      const ledger = new Ledger(backend, () => new Date('2026-03-01T10:00:00.000Z'));
      await ledger.appendMany('g', Array.from({ length: 30 }, (_, i) => incident({ messageId: String(i) })));
      // A control character in a string is not JSON: entry 4 is damaged.
      await edit(file, "UPDATE rumorguard_ledger SET entry = replace(entry, '\"Alice\"', '\"Al' || char(1) || 'ice\"') WHERE group_id = 'g' AND seq = 4", []);
      await edit(file, "UPDATE rumorguard_ledger SET entry = 'null' WHERE group_id = 'g' AND seq = 9", []);
      await edit(file, "UPDATE rumorguard_ledger SET entry = substr(entry, 1, 30) WHERE group_id = 'g' AND seq = 15", []);
      await edit(file, "DELETE FROM rumorguard_ledger WHERE group_id = 'g' AND seq = 21", []);

      const rows = await new Promise<{ seq: number; entry: string }[]>((resolve, reject) => {
        const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
        db.all('SELECT seq, entry FROM rumorguard_ledger WHERE group_id = ? ORDER BY seq', ['g'], (err, r) => {
          db.close();
          if (err) reject(err);
          else resolve(r as { seq: number; entry: string }[]);
        });
      });
      const oneByOne = rows.map((r) => parseStoredEntry(r.entry, r.seq));
      expect(oneByOne[3]).toEqual({ damaged: true, seq: 4, reason: 'not JSON' });

      for (const limit of [1, 4, 7, 1000]) {
        const items: StoredItem[] = [];
        for (let after = 0; after < 30; ) {
          const page = await backend.readPage('g', after, 30, limit);
          expect(page.items.length).toBeLessThanOrEqual(limit);
          items.push(...page.items);
          if (page.items.length === 0) break;
          expect(page.last).toBe(rows[items.length - 1]!.seq);
          after = page.last;
        }
        expect(items).toEqual(oneByOne);
      }
      expect(await backend.readPage('g', 30, 30, 10)).toEqual({ items: [], last: 30 });
      expect(await ledger.verify('g')).toMatchObject({ ok: false, seq: 4, fault: 'damaged', detail: 'not JSON' });
    } finally {
      await backend.close();
    }
  });
});
