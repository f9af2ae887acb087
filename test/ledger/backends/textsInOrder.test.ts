import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteLedgerBackend } from '../../../src/ledger/backends/sqliteLedgerBackend.js';
import { messageHash } from '../../../src/ledger/incidentRecord.js';
import { Ledger } from '../../../src/ledger/ledger.js';
import type { IncidentRecord, LedgerRecord } from '../../../src/ledger/ledgerRecord.js';
import { incident } from '../fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'rumorguard-texts-in-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAY = 24 * 60 * 60 * 1000;

describe('SQLite textsInOrder', () => {
  it('GIVEN texts of two groups written in turns, texts kept again for later incidents, expired texts and hashes never kept THEN each page gets exactly what texts() gives', async () => {
    const backend = await sqliteLedgerBackend(join(dir, 'ledger.sqlite'));
    try {
      const t = Date.parse('2026-03-01T00:00:00.000Z');
      const kept = new Ledger(backend, { now: () => new Date(t), textDays: 100 });
      const shortLived = new Ledger(backend, { now: () => new Date(t), textDays: 1 });
      const said = (groupId: string, i: number, text: string): IncidentRecord => incident({ groupId, messageId: String(i), messageText: text });
      for (let batch = 0; batch < 40; batch++) {
        const records: LedgerRecord[] = [];
        for (let i = batch * 20; i < batch * 20 + 20; i++) {
          // Every 9th says again what was said 150 messages earlier: its text row is the old one.
          records.push(said('g', i, i % 9 === 0 && i >= 150 ? `text ${i - 150}` : `text ${i}`));
        }
        await (batch % 7 === 3 ? shortLived : kept).appendMany('g', records);
        // Another group's texts in between, now and then in a long run.
        const others = batch % 5 === 0 ? 60 : 3;
        await kept.appendMany('h', Array.from({ length: others }, (_, i) => said('h', i, `other ${batch} ${i}`)));
      }
      const hashes = (await backend.read('g')).flatMap((e) => (e.record.type === 'incident' && e.record.messageHash ? [e.record.messageHash] : []));
      expect(hashes).toHaveLength(800);
      const now = new Date(t + 2 * DAY);
      const pages: string[][] = [];
      for (let i = 0; i < hashes.length; i += 25) pages.push([...hashes.slice(i, i + 25), messageHash(`never kept ${i}`)]);
      // In order, then once more from the start (a reader that is asked out of order still answers right).
      const reader = backend.textsInOrder!('g');
      let found = 0;
      for (const page of [...pages, ...pages.slice(0, 5), pages[30]!, []]) {
        const expected = await backend.texts('g', page, now);
        const got = await reader(page, now);
        expect([...got].sort()).toEqual([...expected].sort());
        found += got.size;
      }
      // The expired ones are absent, the rest found.
      expect(found).toBeGreaterThan(600);
      expect(found).toBeLessThan(hashes.length + 5 * 25 + 25);
      // Asked for page after page without waiting for the answers (as an export reading ahead does).
      const ahead = backend.textsInOrder!('g');
      const answers = await Promise.all(pages.map((page) => ahead(page, now)));
      for (const [i, page] of pages.entries()) expect([...answers[i]!].sort()).toEqual([...(await backend.texts('g', page, now))].sort());
    } finally {
      await backend.close();
    }
  });
});
