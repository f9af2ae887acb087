import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedLedgerBackend } from '../../../src/ledger/backends/openLedgerBackend.js';
import { readCheckpointFile } from '../../../src/ledger/checkpoints/checkpointFile.js';
import { Checkpointer } from '../../../src/ledger/checkpoints/checkpointer.js';
import type { SignedCheckpoint } from '../../../src/ledger/checkpoints/signedCheckpoint.js';
import { messageHash } from '../../../src/ledger/incidentRecord.js';
import { Ledger } from '../../../src/ledger/ledger.js';
import type { LedgerBackend } from '../../../src/ledger/ledgerBackend.js';
import type { LedgerEntry } from '../../../src/ledger/ledgerEntry.js';
import { Recorder } from '../../../src/ledger/recorder.js';
import { Spool } from '../../../src/ledger/spool.js';
import { verifyLedger } from '../../../src/ledger/verifyLedger.js';
import { incident } from '../fixtures.js';
import { harnesses, RUN_ID, type BackendHarness, type RawLedger } from './backendHarnesses.js';

let groupCount = 0;
const newGroup = (label: string) => `${RUN_ID}-${label}-${++groupCount}`;

/** What a test knows after the bot wrote a group's chain and signed its head. */
interface Signed {
  g: string;
  checkpoint: SignedCheckpoint;
  /** "the checkpoint signed … by key … has seq 5" */
  says: string;
  /** `ledger verify --group g` against the bot's checkpoint file, line by line. */
  verify(): Promise<string[]>;
}

/**
 * Each case tampers with a chain of 5 entries whose head (seq 5) the bot signed, the way someone
 * with access to the store (not to the bot's key) would, and gives the exact line `ledger verify`
 * must print. `only` restricts a case to the backend whose storage it edits.
 */
const CASES: { given: string; only?: string; tamper(raw: RawLedger, s: Signed, h: BackendHarness): Promise<void>; line(s: Signed, h: BackendHarness, stored: LedgerEntry[]): string }[] = [
  ...[1, 2, 3].map((n) => ({
    given: `the newest ${n} entr${n === 1 ? 'y' : 'ies'} deleted (the store's head moved back with them)`,
    tamper: (raw: RawLedger, s: Signed) => raw.truncate(s.g, 5 - n),
    line: (s: Signed) => `${s.g}: FAILED at seq ${6 - n}: entries are missing from the end of the chain (the chain ends at seq ${5 - n}; ${s.says})`,
  })),
  {
    given: 'the whole group deleted',
    tamper: (raw, s) => raw.dropGroup(s.g),
    line: (s) => `${s.g}: FAILED at seq 1: the group's entries are gone, but it had some (${s.says})`,
  },
  {
    given: 'the chain rewritten from entry 2, hashes recomputed',
    tamper: (raw, s) => raw.rewriteFrom(s.g, 2, (e) => ({ ...e, record: { ...e.record, member: { id: 'u9', name: 'Someone else' } } as LedgerEntry['record'] })),
    line: (s, _h, stored) =>
      `${s.g}: FAILED at seq 5: the chain was rewritten: this entry is not the one the signed checkpoint vouches for ` +
      `(its hash is ${stored[4]!.hash.slice(0, 12)}…, ${s.says} with hash ${s.checkpoint.hash.slice(0, 12)}…)`,
  },
  {
    given: 'entry 3 damaged into text that is not JSON',
    tamper: (raw, s) => raw.rewrite(s.g, 3, (text) => text.slice(0, 30)),
    line: (s, h) => `${s.g}: FAILED at seq 3: the stored entry is damaged: it is not a ledger entry any more (${h.storesText ? 'not JSON' : 'a string, not an entry'})`,
  },
  {
    given: 'entry 3 replaced by null',
    tamper: (raw, s) => raw.rewrite(s.g, 3, () => 'null'),
    line: (s) => `${s.g}: FAILED at seq 3: the stored entry is damaged: it is not a ledger entry any more (null)`,
  },
  {
    given: 'entry 3 left without its record',
    tamper: (raw, s) =>
      raw.rewrite(s.g, 3, (text) => {
        const { record: _gone, ...rest } = JSON.parse(text) as LedgerEntry;
        return JSON.stringify(rest);
      }),
    line: (s) => `${s.g}: FAILED at seq 3: the stored entry is damaged: it is not a ledger entry any more (no record)`,
  },
  {
    given: 'the Redis list deleted while its head key remains',
    only: 'redis',
    tamper: (raw, s) => raw.dropListKeepHead!(s.g),
    line: (s) => `${s.g}: FAILED at seq 1: the group's entries are gone, but it had some (the store's head record still says seq 5; ${s.says})`,
  },
  {
    given: 'the Redis head key rolled back to entry 3',
    only: 'redis',
    tamper: (raw, s) => raw.rollHeadBack!(s.g, 3),
    line: (s) =>
      `${s.g}: FAILED at seq 4: the store's head record does not match the last entry (the head record says the chain ends at seq 3, the entries go on to seq 5)`,
  },
];

for (const h of harnesses()) {
  describe.skipIf(h.skip !== undefined)(`signed checkpoints: ${h.name}${h.skip ? ` (skipped: ${h.skip})` : ''}`, () => {
    let opened: OpenedLedgerBackend;
    let backend: LedgerBackend;
    let raw: RawLedger;
    let dir: string;

    beforeAll(async () => {
      opened = await h.open();
      backend = opened.backend;
      raw = await h.raw();
      dir = mkdtempSync(join(tmpdir(), 'rg-evidence-'));
    });
    afterAll(async () => {
      await raw?.close();
      await opened?.close();
      await h.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    /** The bot records 5 incidents in a new group, one batch each, and stops (signing at shutdown). */
    async function signedChain(label: string): Promise<Signed> {
      const g = newGroup(label);
      const files = { keyFile: join(dir, 'key.pem'), checkpointFile: join(dir, `${g}.checkpoints.json`) };
      const warnings: string[] = [];
      const open = await Checkpointer.open({ ...files, backend, warn: (m) => warnings.push(m) });
      if (!open.ok) throw new Error(open.error);
      const checkpointer = open.checkpointer;
      const recorder = new Recorder(new Ledger(backend, { checkpoints: checkpointer }), new Spool(join(dir, `${g}.spool`)), {
        onDelivered: (entries) => checkpointer.delivered(entries),
      });
      for (let i = 1; i <= 5; i++) {
        const text = `rumor number ${i}`;
        await recorder.record(incident({ groupId: g, messageId: String(i), messageHash: messageHash(text), messageText: text }));
      }
      await checkpointer.close();
      expect(warnings).toEqual([]);
      const file = await readCheckpointFile(files.checkpointFile);
      if (!file.ok) throw new Error(file.error);
      const checkpoint = file.checkpoints.get(g)!;
      return {
        g,
        checkpoint,
        says: `the checkpoint signed ${checkpoint.at} by key ${checkpoint.keyId} has seq ${checkpoint.seq}`,
        verify: async () => (await verifyLedger(new Ledger(backend), { groups: [g], checkpoints: file.checkpoints, trustedKey: checkpointer.trustedKey })).lines,
      };
    }

    it('GIVEN the bot wrote and signed a chain THEN verify says OK and that the chain reaches the signed head', async () => {
      const s = await signedChain('untouched');
      expect(s.checkpoint.seq).toBe(5);
      const head = (await backend.read(s.g))[4]!.hash;
      expect(s.checkpoint.hash).toBe(head);
      expect(await s.verify()).toEqual([`${s.g}: OK, 5 entries, head ${head}; reaches the checkpoint signed ${s.checkpoint.at} by key ${s.checkpoint.keyId} (seq 5)`]);
    });

    it('GIVEN nothing signed for a group THEN cutting its newest entries off still verifies: the checkpoint is what catches it', async () => {
      const g = newGroup('unsigned');
      const ledger = new Ledger(backend);
      for (let i = 1; i <= 3; i++) await ledger.append(incident({ groupId: g, messageId: String(i) }));
      await raw.truncate(g, 2);
      expect((await verifyLedger(ledger, { groups: [g], checkpoints: new Map() })).lines[0]).toMatch(new RegExp(`^${g}: OK, 2 entries`));
    });

    describe('tampering after the head was signed fails verify with one line naming the group, the seq and the fault', () => {
      for (const c of CASES.filter((c) => c.only === undefined || c.only === h.name)) {
        it(`GIVEN ${c.given} THEN verify fails, exit status 1`, async () => {
          const s = await signedChain('tamper');
          await c.tamper(raw, s, h);
          const stored = await backend.readChain(s.g);
          const lines = await s.verify();
          expect(lines).toEqual([c.line(s, h, stored.items as LedgerEntry[])]);
          expect((await verifyLedger(new Ledger(backend), { groups: [s.g], checkpoints: new Map([[s.g, s.checkpoint]]) })).failed).toBe(1);
        });
      }
    });

    it('GIVEN a deleted group THEN verify without --group still lists it, from its checkpoint', async () => {
      const s = await signedChain('gone');
      await raw.dropGroup(s.g);
      const verdict = await verifyLedger(new Ledger(backend), { checkpoints: new Map([[s.g, s.checkpoint]]) });
      expect(verdict.lines).toContain(`${s.g}: FAILED at seq 1: the group's entries are gone, but it had some (${s.says})`);
      expect(verdict.failed).toBeGreaterThanOrEqual(1);
    });

    it('GIVEN a group nobody has THEN verify --group says there is no such group, and fails', async () => {
      const verdict = await verifyLedger(new Ledger(backend), { groups: ['nosuch'], checkpoints: new Map() });
      expect(verdict).toEqual({ lines: ['nosuch: no such group: the store has no ledger entries for it and no checkpoint names it'], failed: 1 });
    });

    it('GIVEN a checkpoint whose hash was edited THEN it is not trusted: verify fails naming it', async () => {
      const s = await signedChain('forged');
      const forged = { ...s.checkpoint, hash: '0'.repeat(64) };
      const verdict = await verifyLedger(new Ledger(backend), { groups: [s.g], checkpoints: new Map([[s.g, forged]]) });
      expect(verdict.lines).toEqual([`${s.g}: FAILED at seq 5: the checkpoint cannot be trusted (its signature does not match its content)`]);
    });
  });
}
