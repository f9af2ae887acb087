import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../src/ledger/ledger.js';
import { memoryLedgerBackend, type LedgerBackend } from '../../src/ledger/ledgerBackend.js';
import { Recorder } from '../../src/ledger/recorder.js';
import { Spool } from '../../src/ledger/spool.js';
import { verifyChain } from '../../src/ledger/verifyChain.js';
import { incident } from './fixtures.js';

const spoolFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'rg-spool-')), 'spool.jsonl');

/** A memory backend that can be switched off like a store whose server went down, as a whole or for one group. */
function flakyBackend() {
  const inner = memoryLedgerBackend();
  const state = { down: false, commitThenFail: false, brokenGroup: undefined as string | undefined, appends: 0 };
  const guard = (g?: string) => {
    if (state.down) throw new Error('connect ECONNREFUSED 127.0.0.1:6380');
    if (g !== undefined && g === state.brokenGroup) throw new Error(`the head of group ${g} is damaged`);
  };
  const backend: LedgerBackend = {
    head: async (g) => (guard(g), inner.head(g)),
    read: async (g) => (guard(), inner.read(g)),
    readChain: async (g) => (guard(), inner.readChain(g)),
    chainEnd: async (g) => (guard(), inner.chainEnd(g)),
    readPage: async (g, after, end, limit) => (guard(), inner.readPage(g, after, end, limit)),
    tail: async (g, n) => (guard(g), inner.tail(g, n)),
    groups: async () => (guard(), inner.groups()),
    texts: async (g, hashes, now) => (guard(), inner.texts(g, hashes, now)),
    purgeTexts: async (now) => (guard(), inner.purgeTexts(now)),
    tryAppend: async (g, e, t) => {
      guard(g);
      state.appends += 1;
      const ok = await inner.tryAppend(g, e, t);
      if (state.commitThenFail) {
        // The server wrote it, then the connection broke before the reply arrived.
        state.commitThenFail = false;
        state.down = true;
        throw new Error('socket closed');
      }
      return ok;
    },
  };
  return { backend, inner, state };
}

const ids = (entries: { record: { type: string } }[]) => entries.map((e) => (e.record as ReturnType<typeof incident>).messageId);

describe('recorder: a spool that cannot be written', () => {
  it('GIVEN the spool file cannot be written (a full disk, a read-only folder) THEN the record goes to the store directly and the operator is told; with the store down too, the caller hears of it', async () => {
    const { backend, inner, state } = flakyBackend();
    const file = spoolFile();
    const spool = new Spool(file);
    // The spool's own file is a folder now: no append can open it.
    mkdirSync(file);
    const told: boolean[] = [];
    const recorder = new Recorder(new Ledger(backend), spool, { onSpoolFailed: (_e, lost) => told.push(lost) });
    await expect(recorder.record(incident({ messageId: '1' }))).resolves.toMatchObject({ acknowledged: true });
    expect(ids(await inner.read('g'))).toEqual(['1']);
    state.down = true;
    await expect(recorder.record(incident({ messageId: '2' }))).rejects.toThrow(/ECONNREFUSED/);
    expect(told).toEqual([false, true]);
  });
});

describe('recorder: nothing acknowledged is lost', () => {
  it('GIVEN the store is down THEN records are acknowledged from the spool AND replayed in order when it is back', async () => {
    const { backend, inner, state } = flakyBackend();
    const recorder = new Recorder(new Ledger(backend), new Spool(spoolFile()));
    await recorder.record(incident({ messageId: '1' }));
    await recorder.settled();
    state.down = true;
    await recorder.record(incident({ messageId: '2' }));
    await recorder.settled();
    const outage = await recorder.record(incident({ messageId: '3' }));
    expect(outage).toMatchObject({ acknowledged: true, waiting: 2, storeError: 'connect ECONNREFUSED 127.0.0.1:6380' });
    await recorder.settled();
    expect(ids(await inner.read('g'))).toEqual(['1']);

    state.down = false;
    await recorder.record(incident({ messageId: '4' }));
    await recorder.flush();
    const entries = await inner.read('g');
    expect(ids(entries)).toEqual(['1', '2', '3', '4']);
    expect(verifyChain('g', entries).ok).toBe(true);
    expect((await recorder.record(incident({ messageId: '5' }))).storeError).toBeUndefined();
  });

  it('GIVEN records acknowledged faster than the store takes them THEN they reach it in a few batched writes, in order', async () => {
    const { backend, inner, state } = flakyBackend();
    const recorder = new Recorder(new Ledger(backend), new Spool(spoolFile()));
    await Promise.all(Array.from({ length: 300 }, (_, i) => recorder.record(incident({ messageId: String(i) }))));
    await recorder.flush();
    expect(ids(await inner.read('g'))).toEqual(Array.from({ length: 300 }, (_, i) => String(i)));
    expect(state.appends).toBeLessThan(20);
    expect(recorder.stats().delivered).toBe(300);
  });

  it('GIVEN a process that died with records in its spool THEN a new process delivers them', async () => {
    const file = spoolFile();
    const { backend, inner, state } = flakyBackend();
    state.down = true;
    const first = new Recorder(new Ledger(backend), new Spool(file));
    await first.record(incident({ messageId: 'a' }));
    await first.record(incident({ messageId: 'b' }));
    await first.settled();
    state.down = false;
    await new Recorder(new Ledger(backend), new Spool(file)).flush();
    expect(ids(await inner.read('g'))).toEqual(['a', 'b']);
    expect(new Spool(file).pending()).toEqual([]);
  });

  it('GIVEN a death between the ledger write and the spool forgetting the record THEN it is not written twice', async () => {
    const file = spoolFile();
    const { backend, inner } = flakyBackend();
    const spool = new Spool(file);
    const record = { ...incident({ messageId: 'x' }), recordId: 'r-1' };
    await spool.append(record);
    await new Ledger(backend).append(record); // written, but the spool never heard
    await new Recorder(new Ledger(backend), new Spool(file)).flush();
    expect(ids(await inner.read('g'))).toEqual(['x']);
  });

  it('GIVEN the store committed but the reply was lost THEN the retry does not write it twice', async () => {
    const { backend, inner, state } = flakyBackend();
    const recorder = new Recorder(new Ledger(backend), new Spool(spoolFile()));
    await recorder.record(incident({ messageId: '1' }));
    await recorder.settled();
    state.commitThenFail = true;
    await recorder.record(incident({ messageId: '2' }));
    await recorder.settled();
    state.down = false;
    await recorder.flush();
    expect(ids(await inner.read('g'))).toEqual(['1', '2']);
  });

  it('GIVEN one group whose chain cannot be appended to THEN the other groups\' records flow, its own wait, and the operator is told once', async () => {
    const { backend, inner, state } = flakyBackend();
    state.brokenGroup = 'bad';
    const stuck: string[] = [];
    let now = 0;
    const recorder = new Recorder(new Ledger(backend), new Spool(spoolFile()), { onGroupStuck: (g) => stuck.push(g), now: () => now });
    for (let round = 0; round < 5; round++) {
      await recorder.record(incident({ groupId: 'bad', messageId: `b${round}` }));
      await recorder.record(incident({ groupId: 'good', messageId: `g${round}` }));
      now += 60_000; // past every retry pause
      await recorder.flush();
    }
    expect(ids(await inner.read('good'))).toEqual(['g0', 'g1', 'g2', 'g3', 'g4']);
    expect(await inner.read('bad')).toEqual([]);
    expect(stuck).toEqual(['bad']);
    state.brokenGroup = undefined;
    await recorder.flush();
    expect(ids(await inner.read('bad'))).toEqual(['b0', 'b1', 'b2', 'b3', 'b4']);
  });
});

describe('spool file', () => {
  it('GIVEN a last line cut off mid-write THEN it was never acknowledged: left out, and cut off so the next line starts clean', async () => {
    const file = spoolFile();
    await new Spool(file).append(incident({ messageId: '1' }));
    appendFileSync(file, '{"type":"incident","messageId":"2"');
    const reopened = new Spool(file);
    expect(reopened.pending().map((p) => (p.record as ReturnType<typeof incident>).messageId)).toEqual(['1']);
    await reopened.append(incident({ messageId: '3' }));
    expect(new Spool(file).pending().map((p) => (p.record as ReturnType<typeof incident>).messageId)).toEqual(['1', '3']);
  });

  it('GIVEN everything delivered THEN the file is emptied', async () => {
    const file = spoolFile();
    const spool = new Spool(file);
    await spool.append(incident({ messageId: '1' }));
    await spool.append(incident({ messageId: '2' }));
    const [first, second] = spool.pending();
    spool.delivered([first!]);
    expect(spool.pending()).toHaveLength(1);
    spool.delivered([second!]);
    await spool.close();
    expect(readFileSync(file, 'utf8')).toBe('');
    expect(new Spool(file).pending()).toEqual([]);
  });

  it('GIVEN records that arrive together THEN one flush to disk covers them all', async () => {
    const spool = new Spool(spoolFile());
    await Promise.all(Array.from({ length: 100 }, (_, i) => spool.append(incident({ messageId: String(i) }))));
    expect(spool.stats().appended).toBe(100);
    expect(spool.stats().syncs).toBeLessThanOrEqual(2);
  });

  it('GIVEN one group\'s records waiting while the rest are delivered THEN the file is compacted to the waiting ones', async () => {
    const file = spoolFile();
    const spool = new Spool(file, { compactBytes: 10_000 });
    await spool.append(incident({ groupId: 'stuck', messageId: 'kept' }));
    for (let i = 0; i < 100; i++) spool.delivered([await spool.append(incident({ messageId: String(i) }))]);
    await spool.close();
    expect(spool.stats().compactions).toBeGreaterThan(0);
    expect(statSync(file).size).toBeLessThan(10_000);
    expect(new Spool(file).pending().map((p) => (p.record as ReturnType<typeof incident>).messageId)).toEqual(['kept']);
  });

  it('GIVEN a spool from an earlier version with its offset file THEN the delivered prefix is skipped and the offset file removed', async () => {
    const file = spoolFile();
    const line = `${JSON.stringify(incident({ messageId: 'old' }))}\n`;
    writeFileSync(file, line + JSON.stringify(incident({ messageId: 'new' })) + '\n');
    writeFileSync(`${file}.offset`, String(Buffer.byteLength(line)));
    expect(new Spool(file).pending().map((p) => (p.record as ReturnType<typeof incident>).messageId)).toEqual(['new']);
    expect(existsSync(`${file}.offset`)).toBe(false);
  });

  it('GIVEN a damaged line in the middle THEN it is reported and skipped, the rest kept', () => {
    const file = spoolFile();
    writeFileSync(file, `${JSON.stringify(incident({ messageId: '1' }))}\nnot json\n${JSON.stringify(incident({ messageId: '3' }))}\n`);
    const damaged: number[] = [];
    const spool = new Spool(file, { onDamagedLine: (line) => damaged.push(line) });
    expect(spool.pending().map((p) => (p.record as ReturnType<typeof incident>).messageId)).toEqual(['1', '3']);
    expect(damaged).toEqual([2]);
  });
});
