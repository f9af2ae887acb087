import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Ledger } from '../../../src/ledger/ledger.js';
import type { IncidentRecord } from '../../../src/ledger/ledgerRecord.js';
import { harnesses, RUN_ID, type BackendHarness } from './backendHarnesses.js';
import { runPhased, startPhasedChild, type PhasedChild } from '../../phasedChild.js';

const SCRIPT = fileURLToPath(new URL('./appendMany.ts', import.meta.url));
const PER_WRITER = 300;

type Ack = { i: number; seq: number; messageId: string };

/** One writer process (appendMany.ts); its `ack` lines once it exited with 0. */
function startWriter(h: BackendHarness, groupId: string, name: string): PhasedChild<Ack[]> {
  const acks: Ack[] = [];
  const onLine = (line: string) => {
    const [, writer, i, seq] = line.split(' ');
    acks.push({ i: Number(i), seq: Number(seq), messageId: `${writer}-${i}` });
  };
  return startPhasedChild(SCRIPT, [h.url, JSON.stringify(h.options), groupId, name, String(PER_WRITER)], onLine, () => acks);
}

for (const h of harnesses().filter((x) => x.name !== 'memory')) {
  describe.skipIf(h.skip !== undefined)(`two processes appending to one group: ${h.name}${h.skip ? ` (skipped: ${h.skip})` : ''}`, () => {
    afterAll(() => h.cleanup());

    it(`GIVEN two writer processes appending ${PER_WRITER} records each at once THEN exactly ${2 * PER_WRITER} entries, every acknowledged one, chain verifies`, async () => {
      const groupId = `${RUN_ID}-two-processes`;
      // Each makes its second half only once both made their first: their appends interleave.
      const [a, b] = await runPhased([startWriter(h, groupId, 'a'), startWriter(h, groupId, 'b')]);

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
