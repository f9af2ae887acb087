import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

/** A memory backend that can be switched off like a store whose server went down. */
function flakyBackend() {
  const inner = memoryLedgerBackend();
  const state = { down: false, commitThenFail: false };
  const guard = () => {
    if (state.down) throw new Error('connect ECONNREFUSED 127.0.0.1:6380');
  };
  const backend: LedgerBackend = {
    head: async (g) => (guard(), inner.head(g)),
    read: async (g) => (guard(), inner.read(g)),
    readChain: async (g) => (guard(), inner.readChain(g)),
    groups: async () => (guard(), inner.groups()),
    texts: async (g, hashes, now) => (guard(), inner.texts(g, hashes, now)),
    purgeTexts: async (now) => (guard(), inner.purgeTexts(now)),
    tryAppend: async (g, e, t) => {
      guard();
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

describe('recorder: nothing acknowledged is lost', () => {
  it('GIVEN the store is down THEN records are acknowledged from the spool AND replayed in order when it is back', async () => {
    const { backend, inner, state } = flakyBackend();
    const recorder = new Recorder(new Ledger(backend), new Spool(spoolFile()));
    await recorder.record(incident({ messageId: '1' }));
    state.down = true;
    const outage = await recorder.record(incident({ messageId: '2' }));
    await recorder.record(incident({ messageId: '3' }));
    expect(outage).toMatchObject({ acknowledged: true, waiting: 1, storeError: 'connect ECONNREFUSED 127.0.0.1:6380' });
    expect(ids(await inner.read('g'))).toEqual(['1']);

    state.down = false;
    const after = await recorder.record(incident({ messageId: '4' }));
    expect(after).toEqual({ acknowledged: true, waiting: 0 });
    const entries = await inner.read('g');
    expect(ids(entries)).toEqual(['1', '2', '3', '4']);
    expect(verifyChain('g', entries).ok).toBe(true);
  });

  it('GIVEN a process that died with records in its spool THEN a new process delivers them', async () => {
    const file = spoolFile();
    const { backend, inner, state } = flakyBackend();
    state.down = true;
    const first = new Recorder(new Ledger(backend), new Spool(file));
    await first.record(incident({ messageId: 'a' }));
    await first.record(incident({ messageId: 'b' }));
    state.down = false;
    await new Recorder(new Ledger(backend), new Spool(file)).flush();
    expect(ids(await inner.read('g'))).toEqual(['a', 'b']);
    expect(new Spool(file).pending()).toEqual([]);
  });

  it('GIVEN a death between the ledger write and the spool mark THEN the record is not written twice', async () => {
    const file = spoolFile();
    const { backend, inner } = flakyBackend();
    const spool = new Spool(file);
    const record = { ...incident({ messageId: 'x' }), recordId: 'r-1' };
    spool.append(record);
    await new Ledger(backend).append(record); // written, but the spool line was never marked
    await new Recorder(new Ledger(backend), new Spool(file)).flush();
    expect(ids(await inner.read('g'))).toEqual(['x']);
  });

  it('GIVEN the store committed but the reply was lost THEN the retry does not write it twice', async () => {
    const { backend, inner, state } = flakyBackend();
    const recorder = new Recorder(new Ledger(backend), new Spool(spoolFile()));
    await recorder.record(incident({ messageId: '1' }));
    state.commitThenFail = true;
    expect((await recorder.record(incident({ messageId: '2' }))).waiting).toBe(1);
    state.down = false;
    await recorder.flush();
    expect(ids(await inner.read('g'))).toEqual(['1', '2']);
  });
});

describe('spool file', () => {
  it('GIVEN a last line cut off mid-write THEN it was never acknowledged and is left out', () => {
    const file = spoolFile();
    const spool = new Spool(file);
    spool.append(incident({ messageId: '1' }));
    appendFileSync(file, '{"type":"incident","messageId":"2"');
    expect(spool.pending().map((p) => (p.record as ReturnType<typeof incident>).messageId)).toEqual(['1']);
  });

  it('GIVEN everything delivered THEN the file is emptied', () => {
    const file = spoolFile();
    const spool = new Spool(file);
    spool.append(incident({ messageId: '1' }));
    spool.append(incident({ messageId: '2' }));
    const [first, second] = spool.pending();
    spool.delivered(first!.end);
    expect(spool.pending()).toHaveLength(1);
    spool.delivered(second!.end);
    expect(readFileSync(file, 'utf8')).toBe('');
    expect(spool.pending()).toEqual([]);
  });

  it('GIVEN an offset past the end (died between truncating and resetting) THEN reading starts over', () => {
    const file = spoolFile();
    const spool = new Spool(file);
    writeFileSync(`${file}.offset`, '999');
    spool.append(incident({ messageId: '1' }));
    expect(spool.pending()).toHaveLength(1);
    expect(existsSync(file)).toBe(true);
  });
});
