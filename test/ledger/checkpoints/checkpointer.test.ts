import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCheckpointFile } from '../../../src/ledger/checkpoints/checkpointFile.js';
import { Checkpointer, type CheckpointerOptions } from '../../../src/ledger/checkpoints/checkpointer.js';
import { checkpointFault } from '../../../src/ledger/checkpoints/signedCheckpoint.js';
import { Ledger } from '../../../src/ledger/ledger.js';
import { memoryLedgerBackend, type LedgerBackend } from '../../../src/ledger/ledgerBackend.js';
import type { LedgerRecord } from '../../../src/ledger/ledgerRecord.js';
import { Recorder, type RecordOutcome } from '../../../src/ledger/recorder.js';
import { Spool } from '../../../src/ledger/spool.js';
import { incident } from '../fixtures.js';

const folder = () => mkdtempSync(join(tmpdir(), 'rg-checkpointer-'));

/** A clock that says when it was asked: the checkpointer reads it once per signature. */
function countingClock(start = Date.parse('2026-03-01T12:00:00.000Z')) {
  const calls: string[] = [];
  let t = start;
  return { calls, now: () => new Date((t += 1000)), sign: () => calls };
}

async function openBot(dir: string, backend: LedgerBackend, over: Partial<CheckpointerOptions> = {}) {
  const warnings: string[] = [];
  const opened = await Checkpointer.open({
    keyFile: join(dir, 'key.pem'),
    checkpointFile: join(dir, 'checkpoints.json'),
    backend,
    warn: (m) => warnings.push(m),
    ...over,
  });
  if (!opened.ok) throw new Error(opened.error);
  const checkpointer = opened.checkpointer;
  const ledger = new Ledger(backend, { checkpoints: checkpointer });
  const spool = new Spool(join(dir, `spool-${Math.random()}.jsonl`));
  const recorder = new Recorder(ledger, spool, { onDelivered: (e) => checkpointer.delivered(e) });
  return { checkpointer, ledger, spool, recorder, warnings, keyCreated: opened.keyCreated };
}

/** Records one incident and waits for its delivery: one record, one batch. */
async function deliver(recorder: Recorder, record: LedgerRecord): Promise<RecordOutcome> {
  const outcome = await recorder.record(record);
  await recorder.settled();
  return outcome;
}

const fileOf = (dir: string) => fileOfPath(join(dir, 'checkpoints.json'));
const fileOfPath = async (file: string) => {
  const read = await readCheckpointFile(file);
  if (!read.ok) throw new Error(read.error);
  return read.checkpoints;
};

describe('Checkpointer', () => {
  it('GIVEN one batch of 5 records in two groups THEN each group is signed once, at its head, in the file', async () => {
    const dir = folder();
    const backend = memoryLedgerBackend();
    let signatures = 0;
    const bot = await openBot(dir, backend, { now: () => (signatures++, new Date('2026-03-01T12:00:00.000Z')) });
    // Spooled while the store was away: delivered as one batch by the next flush.
    for (const [g, id] of [['a', '1'], ['b', '2'], ['a', '3'], ['a', '4'], ['b', '5']] as const) await bot.spool.append(incident({ groupId: g, messageId: id, recordId: id }));
    await bot.recorder.flush();
    await bot.checkpointer.settled();
    expect(signatures).toBe(2);
    const file = await fileOf(dir);
    expect([...file.keys()].sort()).toEqual(['a', 'b']);
    expect(file.get('a')).toMatchObject({ seq: 3, hash: (await backend.read('a'))[2]!.hash, at: '2026-03-01T12:00:00.000Z' });
    expect(file.get('b')).toMatchObject({ seq: 2, hash: (await backend.read('b'))[1]!.hash });
    for (const c of file.values()) expect(checkpointFault(c, bot.checkpointer.trustedKey)).toBeUndefined();
    expect(bot.ledger.checkpoint('a')).toEqual(file.get('a'));
    await bot.checkpointer.close();
  });

  it('GIVEN a record per batch THEN the file follows the head after each one; AND at shutdown the heads are signed once more', async () => {
    const dir = folder();
    const backend = memoryLedgerBackend();
    const clock = countingClock();
    const bot = await openBot(dir, backend, { now: clock.now });
    for (let i = 1; i <= 3; i++) {
      await deliver(bot.recorder, incident({ messageId: String(i) }));
      await bot.checkpointer.settled();
      expect((await fileOf(dir)).get('g')?.seq).toBe(i);
    }
    const before = (await fileOf(dir)).get('g')!;
    await bot.checkpointer.close();
    const after = (await fileOf(dir)).get('g')!;
    expect(after).toMatchObject({ seq: 3, hash: before.hash });
    expect(Date.parse(after.at)).toBeGreaterThan(Date.parse(before.at));
    // Written by rename: no temporary file is left beside it.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('GIVEN a restart after a clean stop THEN the next record follows the checkpoint without reading the chain', async () => {
    const dir = folder();
    const backend = memoryLedgerBackend();
    const first = await openBot(dir, backend);
    await deliver(first.recorder, incident({ messageId: '1' }));
    await first.checkpointer.close();
    let reads = 0;
    const counting: LedgerBackend = { ...backend, readChain: (g) => (reads++, backend.readChain(g)) };
    // The checkpointer's reads only (the recorder checks the head once after a start).
    const second = await openBot(dir, backend, { backend: counting });
    expect(second.keyCreated).toBe(false);
    await deliver(second.recorder, incident({ messageId: '2' }));
    await second.checkpointer.settled();
    expect(reads).toBe(0);
    expect((await fileOf(dir)).get('g')?.seq).toBe(2);
    await second.checkpointer.close();
  });

  it('GIVEN the newest entries deleted while the bot was away THEN it signs nothing over the cut, warns once, and verify still fails', async () => {
    const dir = folder();
    const backend = memoryLedgerBackend();
    const first = await openBot(dir, backend);
    for (let i = 1; i <= 4; i++) await deliver(first.recorder, incident({ messageId: String(i) }));
    await first.checkpointer.close();
    backend.entries.get('g')!.splice(2); // entries 3 and 4 gone

    const second = await openBot(dir, backend);
    await deliver(second.recorder, incident({ messageId: '5' })); // the new seq 3
    await second.checkpointer.settled();
    await deliver(second.recorder, incident({ messageId: '6' })); // the new seq 4
    await second.checkpointer.close();
    expect(second.warnings).toEqual([
      expect.stringMatching(
        /^ledger: group g fails verification at seq 4 \(entries are missing from the end of the chain: the chain ends at seq 3; the checkpoint signed .* has seq 4\); no checkpoint is signed over it, so `ledger verify` keeps showing it$/,
      ),
    ]);
    expect((await fileOf(dir)).get('g')?.seq).toBe(4);
    // Now that a new seq 4 was written on the cut chain, it is the entry that differs.
    expect(await second.ledger.verify('g')).toMatchObject({ ok: false, seq: 4, fault: 'rewritten' });
  });

  it('GIVEN another process appended in between THEN the chain is read, checked against the checkpoint, and its new head signed', async () => {
    const dir = folder();
    const backend = memoryLedgerBackend();
    const bot = await openBot(dir, backend);
    await deliver(bot.recorder, incident({ messageId: '1' }));
    await new Ledger(backend).append(incident({ messageId: 'other' }));
    await deliver(bot.recorder, incident({ messageId: '3' }));
    await bot.checkpointer.settled();
    expect((await fileOf(dir)).get('g')).toMatchObject({ seq: 3, hash: (await backend.read('g'))[2]!.hash });
    expect(bot.warnings).toEqual([]);
    await bot.checkpointer.close();
  });

  it('GIVEN two bot processes sharing one checkpoint file THEN it keeps both groups', async () => {
    const dir = folder();
    const backend = memoryLedgerBackend();
    const [one, two] = [await openBot(dir, backend), await openBot(dir, backend)];
    await Promise.all([deliver(one.recorder, incident({ groupId: 'a' })), deliver(two.recorder, incident({ groupId: 'b' }))]);
    await one.checkpointer.close();
    await two.checkpointer.close();
    expect([...(await fileOf(dir)).keys()].sort()).toEqual(['a', 'b']);
  });

  it('GIVEN the checkpoint file cannot be written THEN the record is still acknowledged, one warning, and the next batch writes it', async () => {
    const dir = folder();
    const backend = memoryLedgerBackend();
    const blocked = join(dir, 'blocked');
    const bot = await openBot(dir, backend, { checkpointFile: join(blocked, 'checkpoints.json') });
    // After the start, a file takes the place of the checkpoint file's folder.
    writeFileSync(blocked, 'a file where a folder should be');
    expect(await deliver(bot.recorder, incident({ messageId: '1' }))).toEqual({ acknowledged: true, waiting: 1 });
    await bot.checkpointer.settled();
    await deliver(bot.recorder, incident({ messageId: '2' }));
    await bot.checkpointer.settled();
    expect(bot.warnings).toEqual([expect.stringMatching(/^ledger: cannot write the checkpoint file .*blocked\/checkpoints\.json \(.*\); trying again after the next batch$/)]);
    expect(bot.ledger.checkpoint('g')?.seq).toBe(2);
    rmSync(blocked);
    await deliver(bot.recorder, incident({ messageId: '3' }));
    await bot.checkpointer.settled();
    expect((await fileOfPath(join(blocked, 'checkpoints.json'))).get('g')?.seq).toBe(3);
  });

  it('GIVEN a checkpoint file that is not one THEN opening fails naming the variable and the file, and the file is left alone', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'checkpoints.json'), '{"format":"something else"}');
    const opened = await Checkpointer.open({ keyFile: join(dir, 'key.pem'), checkpointFile: join(dir, 'checkpoints.json'), backend: memoryLedgerBackend(), warn: () => undefined });
    expect(opened).toEqual({ ok: false, error: expect.stringMatching(/^LEDGER_CHECKPOINT_FILE .*checkpoints\.json: not a checkpoint file \(format: .*\); it is evidence/) });
    expect(readFileSync(join(dir, 'checkpoints.json'), 'utf8')).toBe('{"format":"something else"}');
  });
});

describe('the signing key file', () => {
  it('GIVEN no key file THEN the first start makes one, readable by its owner only, and later starts use it', async () => {
    const dir = folder();
    const first = await openBot(dir, memoryLedgerBackend());
    expect(first.keyCreated).toBe(true);
    expect(statSync(join(dir, 'key.pem')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'key.pem'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const second = await openBot(dir, memoryLedgerBackend());
    expect(second.keyCreated).toBe(false);
    expect(second.checkpointer.keyId).toBe(first.checkpointer.keyId);
  });

  it('GIVEN ten processes starting at once THEN they all end up with the one key, and no temporary file is left', async () => {
    const dir = folder();
    const opened = await Promise.all(Array.from({ length: 10 }, () => openBot(dir, memoryLedgerBackend())));
    expect(new Set(opened.map((o) => o.checkpointer.keyId)).size).toBe(1);
    expect(opened.filter((o) => o.keyCreated)).toHaveLength(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('GIVEN the key file deleted while its checkpoints remain THEN opening refuses to make a new key (it would sign over the evidence), and both files are left alone', async () => {
    const dir = folder();
    const bot = await openBot(dir, memoryLedgerBackend());
    await deliver(bot.recorder, incident({ recordId: 'i1' }));
    await bot.checkpointer.close();
    const signedBy = bot.checkpointer.keyId;
    const before = readFileSync(join(dir, 'checkpoints.json'), 'utf8');
    rmSync(join(dir, 'key.pem'));
    const opened = await Checkpointer.open({ keyFile: join(dir, 'key.pem'), checkpointFile: join(dir, 'checkpoints.json'), backend: memoryLedgerBackend(), warn: () => undefined });
    expect(opened).toEqual({ ok: false, error: expect.stringMatching(new RegExp(`^LEDGER_KEY_FILE .*key\\.pem is missing, but LEDGER_CHECKPOINT_FILE .* holds checkpoints signed by key ${signedBy}: restore the key file`)) });
    expect(existsSync(join(dir, 'key.pem'))).toBe(false);
    expect(readFileSync(join(dir, 'checkpoints.json'), 'utf8')).toBe(before);
  });

  it('GIVEN a different key in the key file THEN opening refuses, naming both keys', async () => {
    const dir = folder();
    const bot = await openBot(dir, memoryLedgerBackend());
    await deliver(bot.recorder, incident({ recordId: 'i1' }));
    await bot.checkpointer.close();
    rmSync(join(dir, 'key.pem'));
    const otherDir = folder();
    const other = await openBot(otherDir, memoryLedgerBackend());
    const otherKey = readFileSync(join(otherDir, 'key.pem'));
    writeFileSync(join(dir, 'key.pem'), otherKey);
    const opened = await Checkpointer.open({ keyFile: join(dir, 'key.pem'), checkpointFile: join(dir, 'checkpoints.json'), backend: memoryLedgerBackend(), warn: () => undefined });
    expect(opened).toEqual({ ok: false, error: expect.stringContaining(`signed by key ${bot.checkpointer.keyId}, not by this bot's key ${other.checkpointer.keyId}`) });
  });

  it('GIVEN a key file that is not a key THEN opening fails naming the variable and the file, never showing its content', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'key.pem'), 'secret-looking-text');
    const opened = await Checkpointer.open({ keyFile: join(dir, 'key.pem'), checkpointFile: join(dir, 'c.json'), backend: memoryLedgerBackend(), warn: () => undefined });
    expect(opened).toEqual({ ok: false, error: `LEDGER_KEY_FILE ${join(dir, 'key.pem')}: not a PEM private key` });
    expect(existsSync(join(dir, 'c.json'))).toBe(false);
  });

  it('GIVEN warnings about a group THEN they never hold the key', async () => {
    const dir = folder();
    const backend = memoryLedgerBackend();
    const first = await openBot(dir, backend);
    await deliver(first.recorder, incident({ messageId: '1' }));
    await deliver(first.recorder, incident({ messageId: '2' }));
    await first.checkpointer.close();
    backend.entries.get('g')!.splice(1);
    const second = await openBot(dir, backend);
    await deliver(second.recorder, incident({ messageId: '3' }));
    await second.checkpointer.close();
    const pem = readFileSync(join(dir, 'key.pem'), 'utf8');
    const body = pem.split('\n')[1]!;
    expect(second.warnings.length).toBe(1);
    for (const w of second.warnings) expect(w).not.toContain(body);
  });
});
