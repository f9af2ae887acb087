import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHAIN_PAGE, Ledger } from '../../src/ledger/ledger.js';
import { memoryLedgerBackend, type LedgerBackend } from '../../src/ledger/ledgerBackend.js';
import { genesisHash, hashEntry, type LedgerEntry } from '../../src/ledger/ledgerEntry.js';
import { signCheckpoint, signingKey } from '../../src/ledger/checkpoints/signedCheckpoint.js';
import { VERIFY_SLICE, verifyChain, verifyChainInSlices } from '../../src/ledger/verifyChain.js';
import { describeCheck } from '../../src/ledger/verifyLedger.js';
import { adminAction, incident, steppingClock } from './fixtures.js';

async function chainOf(n: number): Promise<LedgerEntry[]> {
  const backend = memoryLedgerBackend();
  const ledger = new Ledger(backend, steppingClock());
  for (let i = 1; i <= n; i++) await ledger.append(i % 3 === 0 ? adminAction() : incident({ messageId: String(i) }));
  return backend.read('g');
}

describe('ledger chain', () => {
  it('GIVEN appends THEN entries are numbered 1..n and each links to the one before', async () => {
    const entries = await chainOf(5);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0]!.prev).toBe(genesisHash('g'));
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prev).toBe(entries[i - 1]!.hash);
    expect(verifyChain('g', entries)).toEqual({ ok: true, entries: 5, head: entries[4]!.hash });
  });

  it('GIVEN an entry THEN its hash is sha256 over the RFC 8785 encoding (keys sorted, no spaces)', async () => {
    const [first] = await chainOf(1);
    const r = first!.record as ReturnType<typeof incident>;
    // Written out by hand in canonical key order, to pin the encoding other tools must reproduce.
    const canonical =
      `{"at":"${first!.at}","prev":"${first!.prev}","record":{"actions":[{"detail":"strike 1","status":"planned","type":"reply_refutation"}],` +
      `"by":{"kind":"bot"},"debunkId":"5g-spreads-coronavirus","groupId":"g","member":{"id":"u1","name":"Alice"},` +
      `"messageAt":"2026-03-01T10:00:00.000Z","messageId":"${r.messageId}","platform":"telegram","refuting":false,"score":0.97,` +
      `"strikes":1,"type":"incident"},"seq":1}`;
    expect(first!.hash).toBe(createHash('sha256').update(canonical).digest('hex'));
    expect(hashEntry(first!)).toBe(first!.hash);
  });

  it('GIVEN two groups THEN each has its own chain from its own genesis', async () => {
    const backend = memoryLedgerBackend();
    const ledger = new Ledger(backend, steppingClock());
    await ledger.append(incident({ groupId: 'a' }));
    await ledger.append(incident({ groupId: 'b' }));
    await ledger.append(incident({ groupId: 'a' }));
    expect((await backend.read('a')).map((e) => e.seq)).toEqual([1, 2]);
    expect((await backend.read('b'))[0]!.prev).toBe(genesisHash('b'));
    expect(genesisHash('a')).not.toBe(genesisHash('b'));
    expect((await ledger.verify('a')).ok && (await ledger.verify('b')).ok).toBe(true);
  });
});

describe('tampering is detected at the first bad sequence number', () => {
  const cases: { given: string; tamper: (e: LedgerEntry[]) => LedgerEntry[]; seq: number; fault: string }[] = [
    {
      given: 'a score edited in entry 2',
      tamper: (e) => e.map((x) => (x.seq === 2 ? { ...x, record: { ...x.record, score: 0.1 } as LedgerEntry['record'] } : x)),
      seq: 2,
      fault: 'edited',
    },
    {
      given: 'entry 2 edited and its hash recomputed',
      tamper: (e) =>
        e.map((x) => {
          if (x.seq !== 2) return x;
          const edited = { ...x, record: { ...x.record, detail: 'nothing happened' } as LedgerEntry['record'] };
          return { ...edited, hash: hashEntry(edited) };
        }),
      seq: 3,
      fault: 'broken_link',
    },
    { given: 'entry 3 deleted', tamper: (e) => e.filter((x) => x.seq !== 3), seq: 3, fault: 'missing' },
    { given: 'the last entry deleted and the one before kept', tamper: (e) => e.slice(0, 4), seq: 0, fault: 'none' },
    { given: 'entries 2 and 3 swapped', tamper: (e) => [e[0]!, e[2]!, e[1]!, e[3]!, e[4]!], seq: 2, fault: 'reordered' },
    {
      given: 'a second entry 3 (a fork)',
      tamper: (e) => [...e.slice(0, 3), { ...e[2]!, at: '2026-03-02T00:00:00.000Z' }, ...e.slice(3)],
      seq: 3,
      fault: 'forked',
    },
    {
      given: 'entry 4 taken from another group',
      tamper: (e) => e.map((x) => (x.seq === 4 ? { ...x, record: { ...x.record, groupId: 'other' } } : x)),
      seq: 4,
      fault: 'wrong_group',
    },
  ];

  it.each(cases)('GIVEN $given THEN verify names seq $seq ($fault)', async ({ tamper, seq, fault }) => {
    const check = verifyChain('g', tamper(await chainOf(5)));
    if (fault === 'none') {
      // Cutting off the end leaves a valid shorter chain: the report states the head hash so an
      // owner can compare it with an earlier export.
      expect(check).toMatchObject({ ok: true, entries: 4 });
    } else {
      expect(check).toMatchObject({ ok: false, seq, fault });
    }
  });
});

describe('concurrent writers', () => {
  it('GIVEN a writer whose view of the head is stale THEN its append is retried on the new head, nothing lost', async () => {
    const backend = memoryLedgerBackend();
    let stale = true;
    // Writer A reads the head, then B appends before A writes: A's first attempt must fail.
    const racing = {
      ...backend,
      head: async (g: string) => {
        const h = await backend.head(g);
        if (stale) {
          stale = false;
          await new Ledger(backend, steppingClock()).append(incident({ messageId: 'B' }));
        }
        return h;
      },
    };
    const a = new Ledger(racing, steppingClock());
    await a.append(incident({ messageId: 'A' }));
    const entries = await backend.read('g');
    expect(entries.map((e) => (e.record as ReturnType<typeof incident>).messageId)).toEqual(['B', 'A']);
    expect(verifyChain('g', entries).ok).toBe(true);
  });

  it('GIVEN two ledgers appending 100 records at once to one group THEN 100 entries, no gap, no fork', async () => {
    const backend = memoryLedgerBackend();
    const one = new Ledger(backend);
    const two = new Ledger(backend);
    await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? one : two).append(incident({ messageId: String(i) }))));
    const entries = await backend.read('g');
    expect(entries).toHaveLength(100);
    expect(new Set(entries.map((e) => (e.record as ReturnType<typeof incident>).messageId)).size).toBe(100);
    expect(verifyChain('g', entries)).toMatchObject({ ok: true, entries: 100 });
  });

  it('GIVEN a chain longer than a slice THEN verifying it in slices lets other work run in between, with the same verdicts', async () => {
    const entries = await chainOf(VERIFY_SLICE * 2 + 5);
    let turns = 0;
    let counting = true;
    const tick = () => {
      if (!counting) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const check = await verifyChainInSlices('g', entries);
    counting = false;
    expect(check).toEqual(verifyChain('g', entries));
    expect(check).toMatchObject({ ok: true, entries: VERIFY_SLICE * 2 + 5 });
    // Messages waiting on the event loop got their turns while the chain was checked.
    expect(turns).toBeGreaterThanOrEqual(2);
    // Faults past the first slice are found the same way.
    const edited = entries.map((e) => (e.seq === VERIFY_SLICE + 7 ? { ...e, at: '2030-01-01T00:00:00.000Z' } : e));
    expect(await verifyChainInSlices('g', edited)).toEqual({ ok: false, seq: VERIFY_SLICE + 7, fault: 'edited', entries: edited.length });
    const gap = entries.filter((e) => e.seq !== VERIFY_SLICE + 3);
    expect(await verifyChainInSlices('g', gap)).toEqual(verifyChain('g', gap));
    expect(verifyChain('g', gap)).toMatchObject({ ok: false, fault: 'missing', seq: VERIFY_SLICE + 3 });
  });
});

describe('Ledger.entries', () => {
  it('GIVEN a chain longer than a page, damage, and a range THEN the entries in range, read a page at a time, never the whole chain at once', async () => {
    const backend = memoryLedgerBackend();
    const ledger = new Ledger(backend, steppingClock());
    for (let i = 0; i < CHAIN_PAGE + 20; i += 10) await ledger.appendMany('g', Array.from({ length: 10 }, (_, k) => incident({ recordId: `i${i + k}` })));
    const stored = backend.entries.get('g')!;
    stored[5] = null as unknown as LedgerEntry;
    let wholeChains = 0;
    const counting: LedgerBackend = { ...backend, readChain: (g) => ((wholeChains += 1), backend.readChain(g)), read: (g) => ((wholeChains += 1), backend.read(g)) };
    const since = new Date(stored[700]!.at);
    const all = await new Ledger(counting).entries('g');
    const ranged = await new Ledger(counting).entries('g', { since });
    expect(wholeChains).toBe(0);
    expect(all.map((e) => e.seq)).toEqual(stored.filter((e) => e !== null).map((e) => e.seq));
    expect(ranged.map((e) => e.seq)).toEqual(stored.filter((e) => e !== null && Date.parse(e.at) >= since.getTime()).map((e) => e.seq));
  });
});

// QA L11: a report of another bot (its group also named "console") was said to show a rewritten chain.
describe('a checkpoint signed by another key than this store\'s', () => {
  const ours = signingKey(generateKeyPairSync('ed25519').privateKey);
  const theirs = signingKey(generateKeyPairSync('ed25519').privateKey);
  const at = '2026-03-02T00:00:00.000Z';

  it('GIVEN another key\'s checkpoint the chain does not match at its seq THEN it is said to be signed by another key, naming both, not a rewrite', async () => {
    const entries = await chainOf(5);
    const checkpoint = signCheckpoint({ groupId: 'g', seq: 4, hash: 'f'.repeat(64), at }, theirs);
    const check = verifyChain('g', entries, { checkpoint, signingKeyId: ours.keyId });
    expect(check).toMatchObject({ ok: false, seq: 4, fault: 'other_key' });
    const line = describeCheck('g', check);
    expect(line).toContain('FAILED at seq 4: the checkpoint was signed by another key');
    expect(line).toContain(`the checkpoint is signed by key ${theirs.keyId}, this store's signing key is ${ours.keyId}`);
    expect(line).not.toContain('rewritten:');
  });

  it.each([
    { given: 'a longer chain than this one', seq: 9, then: { seq: 6, fault: 'other_key' } },
    { given: 'a group this store has no entries of', seq: 3, groupId: 'h', then: { seq: 1, fault: 'other_key' } },
  ])('GIVEN another key\'s checkpoint of $given THEN it is said to be signed by another key', async ({ seq, groupId = 'g', then }) => {
    const entries = groupId === 'g' ? await chainOf(5) : [];
    const checkpoint = signCheckpoint({ groupId, seq, hash: 'f'.repeat(64), at }, theirs);
    expect(verifyChain(groupId, entries, { checkpoint, signingKeyId: ours.keyId })).toMatchObject({ ok: false, ...then });
  });

  it('GIVEN this store\'s own checkpoint and a chain rewritten behind it THEN the rewrite is reported as before', async () => {
    const entries = await chainOf(5);
    const checkpoint = signCheckpoint({ groupId: 'g', seq: 4, hash: 'f'.repeat(64), at }, ours);
    expect(verifyChain('g', entries, { checkpoint, signingKeyId: ours.keyId })).toMatchObject({ ok: false, seq: 4, fault: 'rewritten' });
    // Without this store's key (an auditor on another machine), nothing tells the keys apart.
    expect(verifyChain('g', entries, { checkpoint: signCheckpoint({ groupId: 'g', seq: 4, hash: 'f'.repeat(64), at }, theirs) })).toMatchObject({ fault: 'rewritten' });
  });

  it('GIVEN another key\'s checkpoint the chain matches THEN it verifies, and an edited entry is still an edit', async () => {
    const entries = await chainOf(5);
    const checkpoint = signCheckpoint({ groupId: 'g', seq: 4, hash: entries[3]!.hash, at }, theirs);
    expect(verifyChain('g', entries, { checkpoint, signingKeyId: ours.keyId })).toMatchObject({ ok: true, checkpoint: { keyId: theirs.keyId } });
    const edited = entries.map((x) => (x.seq === 2 ? { ...x, record: { ...x.record, score: 0.1 } as LedgerEntry['record'] } : x));
    expect(verifyChain('g', edited, { checkpoint, signingKeyId: ours.keyId })).toMatchObject({ ok: false, seq: 2, fault: 'edited' });
  });
});
