import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Ledger } from '../../../src/ledger/ledger.js';
import type { IncidentRecord } from '../../../src/ledger/ledgerRecord.js';
import { harnesses, RUN_ID, type BackendHarness } from './backendHarnesses.js';

const SCRIPT = fileURLToPath(new URL('./appendMany.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PER_WRITER = 300;

interface Writer {
  ready: Promise<void>;
  go(): void;
  /** Resolves once the writer made the first half of its appends; `goOn` lets it make the rest. */
  half: Promise<void>;
  goOn(): void;
  /** The `ack` lines, once the process exited with 0. */
  done: Promise<{ i: number; seq: number; messageId: string }[]>;
}

function startWriter(h: BackendHarness, groupId: string, name: string): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, h.url, JSON.stringify(h.options), groupId, name, String(PER_WRITER)], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const acks: { i: number; seq: number; messageId: string }[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let markHalf!: () => void;
  const half = new Promise<void>((resolve) => (markHalf = resolve));
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line === 'ready') return markReady();
    if (line === 'half') return markHalf();
    const [, writer, i, seq] = line.split(' ');
    acks.push({ i: Number(i), seq: Number(seq), messageId: `${writer}-${i}` });
  });
  const done = new Promise<typeof acks>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(acks) : reject(new Error(`writer ${name} exited with ${code}: ${stderr}`))));
  });
  // A writer that dies before `ready` must fail the test, not leave it waiting.
  return {
    ready: Promise.race([ready, done.then(() => undefined)]),
    go: () => child.stdin.write('go\n'),
    half: Promise.race([half, done.then(() => undefined)]),
    goOn: () => child.stdin.end('go on\n'),
    done,
  };
}

for (const h of harnesses().filter((x) => x.name !== 'memory')) {
  describe.skipIf(h.skip !== undefined)(`two processes appending to one group: ${h.name}${h.skip ? ` (skipped: ${h.skip})` : ''}`, () => {
    afterAll(() => h.cleanup());

    it(`GIVEN two writer processes appending ${PER_WRITER} records each at once THEN exactly ${2 * PER_WRITER} entries, every acknowledged one, chain verifies`, async () => {
      const groupId = `${RUN_ID}-two-processes`;
      const writers = [startWriter(h, groupId, 'a'), startWriter(h, groupId, 'b')];
      await Promise.all(writers.map((w) => w.ready));
      for (const w of writers) w.go();
      // Each makes its second half only once both made their first: their appends interleave.
      await Promise.all(writers.map((w) => w.half));
      for (const w of writers) w.goOn();
      const [a, b] = await Promise.all(writers.map((w) => w.done));

      const opened = await h.open();
      try {
        const entries = await opened.backend.read(groupId);
        const stored = entries.map((e) => (e.record as IncidentRecord).messageId);
        expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 2 * PER_WRITER }, (_, i) => i + 1));
        expect(new Set(stored).size).toBe(2 * PER_WRITER);
        // Every acknowledged append is stored, at the seq its writer was told.
        const acked = [...a!, ...b!];
        expect(acked).toHaveLength(2 * PER_WRITER);
        for (const ack of acked) expect(stored[ack.seq - 1]).toBe(ack.messageId);
        expect(await new Ledger(opened.backend).verify(groupId)).toMatchObject({ ok: true, entries: 2 * PER_WRITER });
        // The writers really raced: each got seqs below the other's last one.
        const last = (acks: typeof acked) => Math.max(...acks.map((x) => x.seq));
        expect(Math.min(...a!.map((x) => x.seq))).toBeLessThan(last(b!));
        expect(Math.min(...b!.map((x) => x.seq))).toBeLessThan(last(a!));
      } finally {
        await opened.close();
      }
    }, 120_000);
  });
}
