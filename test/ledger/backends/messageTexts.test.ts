import { createClient } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedLedgerBackend } from '../../../src/ledger/backends/openLedgerBackend.js';
import { redisLedgerKeys } from '../../../src/ledger/backends/redisLedgerBackend.js';
import { ledgerToJson } from '../../../src/ledger/export/toJson.js';
import { messageHash } from '../../../src/ledger/incidentRecord.js';
import { Ledger } from '../../../src/ledger/ledger.js';
import type { LedgerBackend } from '../../../src/ledger/ledgerBackend.js';
import { nextEntry, type LedgerEntry } from '../../../src/ledger/ledgerEntry.js';
import type { IncidentRecord } from '../../../src/ledger/ledgerRecord.js';
import { verifyChain } from '../../../src/ledger/verifyChain.js';
import { incident } from '../fixtures.js';
import { harnesses, RUN_ID, type RawLedger } from './backendHarnesses.js';

let groupCount = 0;
const newGroup = (label: string) => `${RUN_ID}-${label}-${++groupCount}`;
const DAY = 24 * 60 * 60 * 1000;
const said = (groupId: string, text: string, over: Partial<IncidentRecord> = {}) =>
  incident({ groupId, messageId: String(Math.random()), messageHash: messageHash(text), messageText: text, ...over });
const textOf = (e: LedgerEntry | undefined) => (e?.record as IncidentRecord | undefined)?.messageText;

for (const h of harnesses()) {
  describe.skipIf(h.skip !== undefined)(`message texts beside the chain: ${h.name}${h.skip ? ` (skipped: ${h.skip})` : ''}`, () => {
    let opened: OpenedLedgerBackend;
    let backend: LedgerBackend;
    let raw: RawLedger;

    beforeAll(async () => {
      opened = await h.open();
      backend = opened.backend;
      raw = await h.raw();
    });
    afterAll(async () => {
      await raw?.close();
      await opened?.close();
      await h.cleanup();
    });

    it('GIVEN an incident with its text THEN the chain holds its sha256 and not the text, AND entries show the text', async () => {
      const g = newGroup('kept');
      const text = '5G towers spread the virus — 王 "quoted"';
      const written = await new Ledger(backend).append(said(g, text));
      const [stored] = await backend.read(g);
      expect(stored).toEqual(written);
      expect(stored!.record).toMatchObject({ messageHash: messageHash(text) });
      expect(JSON.stringify(stored)).not.toContain('5G towers');
      expect(textOf((await new Ledger(backend).entries(g))[0])).toBe(text);
      expect(await new Ledger(backend).verify(g)).toMatchObject({ ok: true, entries: 1 });
    });

    it('GIVEN the text kept one day THEN it shows within the day, not after; AND the purge removes it and the chain still verifies', async () => {
      // Redis expires texts on the server's clock, so its case runs on real time.
      const start = h.name === 'redis' ? Date.now() : Date.parse('2026-03-01T10:00:00.000Z');
      let t = start;
      const ledger = new Ledger(backend, { now: () => new Date(t), textDays: 1 });
      const g = newGroup('purged');
      await ledger.append(said(g, 'a rumor that will be forgotten'));
      expect(await raw.keptTexts(g)).toBe(1);
      if (h.name === 'redis') {
        const client = createClient({ url: h.url });
        await client.connect();
        try {
          // Redis deletes the key at exactly the moment the text's time is over.
          const key = redisLedgerKeys(h.options.keyPrefix!).text(g, messageHash('a rumor that will be forgotten'));
          expect(await client.pExpireTime(key)).toBe(start + DAY);
        } finally {
          await client.close();
        }
        return;
      }
      t = start + DAY - 1;
      expect(textOf((await ledger.entries(g))[0])).toBe('a rumor that will be forgotten');
      t = start + DAY;
      expect(textOf((await ledger.entries(g))[0])).toBeUndefined();
      expect(await backend.purgeTexts(new Date(t))).toBeGreaterThanOrEqual(1);
      expect(await raw.keptTexts(g)).toBe(0);
      expect(await ledger.verify(g)).toMatchObject({ ok: true, entries: 1 });
    });

    // Redis expires each text itself: nothing to purge, and each append sets the expiry anew.
    it.skipIf(h.name === 'redis')('GIVEN texts past their time THEN appending purges them, at most once an hour', async () => {
      const t0 = Date.parse('2026-05-01T00:00:00.000Z');
      let t = t0;
      const ledger = new Ledger(backend, { now: () => new Date(t), textDays: 1 });
      const g = newGroup('auto-purge');
      await ledger.append(said(g, 'x')); // kept until t0 + 1 day; purges (the first append does)
      t = t0 + DAY - 10 * 60_000;
      await ledger.append(said(g, 'y')); // purges: nothing is over yet
      t = t0 + DAY + 10 * 60_000;
      await ledger.append(said(g, 'z')); // x is over, but the last purge was 20 minutes ago
      expect(await raw.keptTexts(g)).toBe(3);
      t = t0 + DAY + 51 * 60_000;
      await ledger.append(said(g, 'w')); // an hour after the last purge: x goes
      expect(await raw.keptTexts(g)).toBe(3);
      expect((await ledger.entries(g)).map(textOf)).toEqual([undefined, 'y', 'z', 'w']);
      expect(await ledger.verify(g)).toMatchObject({ ok: true, entries: 4 });
    });

    it.skipIf(h.name === 'redis')('GIVEN the same text again later THEN it is kept as long as the later incident needs it', async () => {
      let t = Date.parse('2026-06-01T00:00:00.000Z');
      const ledger = new Ledger(backend, { now: () => new Date(t), textDays: 1 });
      const g = newGroup('repeated');
      await ledger.append(said(g, 'the same rumor'));
      t += DAY / 2;
      await ledger.append(said(g, 'the same rumor'));
      t += DAY - 1000;
      expect((await ledger.entries(g)).map(textOf)).toEqual(['the same rumor', 'the same rumor']);
    });

    it('GIVEN a kept text changed in the side table THEN it is never shown as what was said', async () => {
      const g = newGroup('altered');
      const ledger = new Ledger(backend);
      await ledger.append(said(g, 'what was really said'));
      // Appending a different text under the same hash is how the side table could be altered.
      await backend.tryAppend(
        g,
        nextEntry(g, await backend.head(g), incident({ groupId: g }), new Date()),
        { hash: messageHash('what was really said'), text: 'something else', keepUntil: new Date(Date.now() + DAY) },
      );
      expect(textOf((await ledger.entries(g))[0])).toBeUndefined();
    });

    it('GIVEN LEDGER_TEXT_DAYS=0 THEN no text is kept, only its sha256', async () => {
      const g = newGroup('no-text');
      const ledger = new Ledger(backend, { textDays: 0 });
      await ledger.append(said(g, 'not kept'));
      expect(await raw.keptTexts(g)).toBe(0);
      expect((await ledger.entries(g))[0]!.record).toMatchObject({ messageHash: messageHash('not kept') });
      expect(textOf((await ledger.entries(g))[0])).toBeUndefined();
    });

    it('GIVEN a json export THEN texts sit beside the entries by sha256, and the chain verifies from the file alone', async () => {
      const g = newGroup('export');
      const ledger = new Ledger(backend);
      await ledger.append(said(g, 'one'));
      await ledger.append(said(g, 'two'));
      const file = JSON.parse(ledgerToJson(g, await ledger.entries(g))) as { entries: LedgerEntry[]; texts: Record<string, string> };
      expect(verifyChain(g, file.entries)).toMatchObject({ ok: true, entries: 2 });
      expect(file.texts).toEqual({ [messageHash('one')]: 'one', [messageHash('two')]: 'two' });
    });
  });
}
