import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedLedgerBackend } from '../../../src/ledger/backends/openLedgerBackend.js';
import { Ledger } from '../../../src/ledger/ledger.js';
import type { LedgerBackend } from '../../../src/ledger/ledgerBackend.js';
import { genesisHash, hashEntry, nextEntry, type LedgerEntry } from '../../../src/ledger/ledgerEntry.js';
import type { IncidentRecord } from '../../../src/ledger/ledgerRecord.js';
import type { StoredItem } from '../../../src/ledger/storedEntry.js';
import { verifyChain } from '../../../src/ledger/verifyChain.js';
import { appendAll } from '../../../src/lib/appendAll.js';
import { adminAction, incident, steppingClock } from '../fixtures.js';
import { harnesses, RUN_ID, type RawLedger } from './backendHarnesses.js';

const messageIdOf = (e: LedgerEntry) => (e.record as IncidentRecord).messageId;

/** A fresh group per test, so tests share a store without seeing each other's entries. */
let groupCount = 0;
const newGroup = (label: string) => `${RUN_ID}-${label}-${++groupCount}`;

async function appendChain(backend: LedgerBackend, groupId: string, n: number): Promise<LedgerEntry[]> {
  const ledger = new Ledger(backend, steppingClock());
  const written: LedgerEntry[] = [];
  for (let i = 1; i <= n; i++) written.push(await ledger.append(incident({ groupId, messageId: String(i) })));
  return written;
}

const TAMPER_CASES: { given: string; tamper: (raw: RawLedger, g: string) => Promise<void>; seq: number; fault: string }[] = [
  {
    given: 'the score in the stored text of entry 2 edited',
    tamper: (raw, g) => raw.rewrite(g, 2, (text) => text.replace('"score":0.97', '"score":0.1')),
    seq: 2,
    fault: 'edited',
  },
  {
    given: 'entry 2 edited and its hash recomputed',
    tamper: (raw, g) =>
      raw.rewrite(g, 2, (text) => {
        const e = JSON.parse(text) as LedgerEntry;
        const edited = { ...e, record: { ...e.record, member: { id: 'u1', name: 'Someone else' } } as LedgerEntry['record'] };
        return JSON.stringify({ ...edited, hash: hashEntry(edited) });
      }),
    seq: 3,
    fault: 'broken_link',
  },
  { given: 'entry 3 deleted', tamper: (raw, g) => raw.remove(g, 3), seq: 3, fault: 'missing' },
  { given: 'entries 2 and 3 swapped', tamper: (raw, g) => raw.swap(g, 2, 3), seq: 2, fault: 'reordered' },
  {
    given: 'a second entry 3 stored after the first (a fork)',
    tamper: async (raw, g) => {
      let third = '';
      await raw.rewrite(g, 3, (text) => (third = text));
      await raw.insertAfter(g, 3, JSON.stringify({ ...(JSON.parse(third) as LedgerEntry), at: '2026-03-02T00:00:00.000Z' }));
    },
    seq: 3,
    fault: 'forked',
  },
  {
    given: 'entry 4 relabelled as another group’s',
    tamper: (raw, g) =>
      raw.rewrite(g, 4, (text) => {
        const e = JSON.parse(text) as LedgerEntry;
        return JSON.stringify({ ...e, record: { ...e.record, groupId: 'other' } });
      }),
    seq: 4,
    fault: 'wrong_group',
  },
];

for (const h of harnesses()) {
  describe.skipIf(h.skip !== undefined)(`ledger backend: ${h.name}${h.skip ? ` (skipped: ${h.skip})` : ''}`, () => {
    let opened: OpenedLedgerBackend;
    let backend: LedgerBackend;

    beforeAll(async () => {
      opened = await h.open();
      backend = opened.backend;
    });
    afterAll(async () => {
      await opened?.close();
      await h.cleanup();
    });

    it('GIVEN appends THEN read returns exactly the entries written, in seq order', async () => {
      const g = newGroup('roundtrip');
      const ledger = new Ledger(backend, steppingClock());
      const written = [
        // Text and numbers that a store could alter: non-ASCII, quotes, a float that needs 17 digits.
        await ledger.append(incident({ groupId: g, member: { id: 'u9', name: 'Zoë "the rumor" 王' }, score: 0.1 + 0.2, link: 'https://t.me/c/1/2' })),
        await ledger.append(adminAction({ groupId: g, detail: 'pardoned 42 (2 strikes)\nline two' })),
        await ledger.append(incident({ groupId: g, actions: [{ type: 'mute', detail: 'strike 3', done: false, withheldBecause: 'observe mode', durationMs: 3_600_000 }] })),
      ];
      const read = await backend.read(g);
      expect(read).toEqual(written);
      // Same keys in the same order, same number spelling: the text re-hashes to the same values.
      expect(JSON.stringify(read)).toBe(JSON.stringify(written));
      expect(read.map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(verifyChain(g, read)).toEqual({ ok: true, entries: 3, head: written[2]!.hash });
    });

    it('GIVEN no entries THEN head is undefined and read is empty; GIVEN appends THEN head is the last entry', async () => {
      const g = newGroup('head');
      expect(await backend.head(g)).toBeUndefined();
      expect(await backend.read(g)).toEqual([]);
      const written = await appendChain(backend, g, 3);
      expect(await backend.head(g)).toEqual({ seq: 3, hash: written[2]!.hash });
    });

    it('GIVEN a stale or wrong head THEN tryAppend returns false and writes nothing', async () => {
      const g = newGroup('stale');
      const [first, second] = await appendChain(backend, g, 2);
      const record = incident({ groupId: g, messageId: 'late' });
      const at = new Date('2026-03-01T11:00:00.000Z');
      const attempts: LedgerEntry[] = [
        nextEntry(g, { seq: first!.seq, hash: first!.hash }, record, at), // seq 2 again: the head moved on
        nextEntry(g, undefined, record, at), // seq 1 again
        { ...nextEntry(g, { seq: 2, hash: second!.hash }, record, at), prev: first!.hash }, // right seq, wrong link
        nextEntry(g, { seq: 3, hash: second!.hash }, record, at), // seq 4: a gap
      ];
      for (const entry of attempts) expect(await backend.tryAppend(g, [entry])).toBe(false);
      expect(await backend.read(g)).toEqual([first, second]);
      expect(await backend.head(g)).toEqual({ seq: 2, hash: second!.hash });

      const empty = newGroup('stale-empty');
      expect(await backend.tryAppend(empty, [nextEntry(empty, { seq: 1, hash: genesisHash(empty) }, record, at)])).toBe(false);
      expect(await backend.read(empty)).toEqual([]);
    });

    it('GIVEN two ledgers appending 200 records at once to one group THEN 200 entries, seq 1..200, chain verifies', async () => {
      // A second connection where the backend has one, so the race is between connections too.
      const other = await h.open();
      try {
        const g = newGroup('concurrent');
        const one = new Ledger(backend);
        const two = new Ledger(other.backend);
        await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? one : two).append(incident({ groupId: g, messageId: String(i) }))));
        const entries = await backend.read(g);
        expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
        expect(new Set(entries.map(messageIdOf)).size).toBe(200);
        expect(await one.verify(g)).toMatchObject({ ok: true, entries: 200 });
      } finally {
        await other.close();
      }
    }, 120_000);

    it('GIVEN 2,500 entries, then one more THEN pages of 1,000 up to the end taken before it hold what readChain holds, and verification reads it all', async () => {
      const g = newGroup('pages');
      const ledger = new Ledger(backend, steppingClock());
      await ledger.appendMany(g, Array.from({ length: 2_500 }, (_, i) => incident({ groupId: g, messageId: String(i) })));
      const end = await backend.chainEnd(g);
      await ledger.append(adminAction({ groupId: g }));
      const sizes: number[] = [];
      const paged: StoredItem[] = [];
      for (let after = 0; ; ) {
        const page = await backend.readPage(g, after, end.end, 1_000);
        sizes.push(page.items.length);
        appendAll(paged, page.items);
        if (page.items.length < 1_000 || page.last >= end.end) break;
        after = page.last;
      }
      expect(sizes).toEqual([1_000, 1_000, 500]);
      expect(paged).toEqual((await backend.readChain(g)).items.slice(0, 2_500));
      expect(await ledger.verify(g)).toMatchObject({ ok: true, entries: 2_501 });
    });

    it('GIVEN ledgers in two groups THEN groups lists both', async () => {
      const [a, b] = [newGroup('groups-a'), newGroup('groups-b')];
      await appendChain(backend, a, 1);
      await appendChain(backend, b, 2);
      const groups = await backend.groups();
      expect(groups).toEqual(expect.arrayContaining([a, b]));
      expect(new Set(groups).size).toBe(groups.length);
    });

    describe('tampering in the raw storage is detected at the first bad sequence number', () => {
      let raw: RawLedger;
      beforeAll(async () => {
        raw = await h.raw();
      });
      afterAll(async () => {
        await raw?.close();
      });

      it.each(TAMPER_CASES)('GIVEN $given THEN verify names seq $seq ($fault)', async ({ tamper, seq, fault }) => {
        const g = newGroup('tamper');
        await appendChain(backend, g, 5);
        expect(await new Ledger(backend).verify(g)).toMatchObject({ ok: true, entries: 5 });
        await tamper(raw, g);
        expect(await new Ledger(backend).verify(g)).toMatchObject({ ok: false, seq, fault });
      });

      it("GIVEN the last row's hash column edited by hand, its entry left as written THEN verify names the head as not the last entry's", async () => {
        if (!raw.editColumn) return;
        const g = newGroup('column-hash');
        await appendChain(backend, g, 5);
        // The column the next append chains to (QA: "verify said OK, then blamed the bot's next entry").
        await raw.editColumn(g, 5, 'hash', 'f'.repeat(64));
        expect(await new Ledger(backend).verify(g)).toMatchObject({ ok: false, seq: 5, fault: 'head_mismatch' });
      });

      it('GIVEN the last entry cut off with care (the head moved back too) THEN the chain alone still verifies: only a signed checkpoint shows the cut', async () => {
        const g = newGroup('truncated');
        const written = await appendChain(backend, g, 5);
        await raw.truncate(g, 4);
        // See tamperEvidence.test.ts for the same cut failing against the bot's signed checkpoint.
        expect(await new Ledger(backend).verify(g)).toEqual({ ok: true, entries: 4, head: written[3]!.hash });
      });

      if (h.name === 'redis') it('GIVEN the last list item deleted and the head key left THEN verify names the cut from the head key', async () => {
        const g = newGroup('truncated-head');
        await appendChain(backend, g, 5);
        await raw.remove(g, 5);
        expect(await new Ledger(backend).verify(g)).toEqual({
          ok: false,
          seq: 5,
          fault: 'truncated',
          entries: 4,
          detail: "the chain ends at seq 4; the store's head record says seq 5",
        });
      });

      it('GIVEN an entry whose stored text is no longer JSON THEN verify names it as damage AND read rejects naming the group and seq', async () => {
        const g = newGroup('damaged');
        await appendChain(backend, g, 3);
        await raw.rewrite(g, 2, (text) => text.slice(0, 40));
        expect(await new Ledger(backend).verify(g)).toMatchObject({ ok: false, seq: 2, fault: 'damaged', detail: h.storesText ? 'not JSON' : 'a string, not an entry' });
        await expect(backend.read(g)).rejects.toThrow(new RegExp(`ledger entry seq 2 of group ${g} is damaged \\((not JSON|a string, not an entry)\\)`));
        // Exports leave the damaged entry out; verification (stated in the report) names it.
        expect((await new Ledger(backend).entries(g)).map((e) => e.seq)).toEqual([1, 3]);
      });

      // Only where (group, seq) is a key: a Redis list holds whatever is pushed into it.
      if (h.uniqueSeq) it('GIVEN a second row for an existing seq THEN the store refuses it (no fork by insert)', async () => {
        const g = newGroup('duplicate');
        const written = await appendChain(backend, g, 3);
        await expect(raw.insertDuplicate!(g, 3, JSON.stringify({ ...written[2]!, at: '2026-03-02T00:00:00.000Z' }))).rejects.toThrow(/UNIQUE|duplicate key/i);
        expect(await new Ledger(backend).verify(g)).toMatchObject({ ok: true, entries: 3 });
      });
    });
  });
}
