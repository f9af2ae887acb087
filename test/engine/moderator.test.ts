import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Moderator } from '../../src/engine/moderator.js';
import { FeedbackQueue } from '../../src/feedback/feedbackQueue.js';
import { memoryStore } from '../../src/store/keyvStore.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { memoryLedgerBackend } from '../../src/ledger/ledgerBackend.js';
import { Recorder } from '../../src/ledger/recorder.js';
import { Spool } from '../../src/ledger/spool.js';
import { FIVE_G_ID, TEXT, harness } from './harness.js';

function setup() {
  const h = harness();
  const backend = memoryLedgerBackend();
  const ledger = new Ledger(backend);
  const spool = new Spool(path.join(mkdtempSync(path.join(tmpdir(), 'rg-mod-')), 'spool.jsonl'));
  return { h, backend, ledger, moderator: new Moderator(h.engine, new Recorder(ledger, spool), new FeedbackQueue(memoryStore())) };
}

describe('Moderator', () => {
  it('GIVEN a rumor THEN the decision comes back AND the incident is in the ledger', async () => {
    const { h, backend, moderator } = setup();
    const { decision, recorded } = await moderator.onMessage(h.message());
    expect(decision.matches[0]?.debunkId).toBe(FIVE_G_ID);
    expect(recorded).toEqual({ acknowledged: true, waiting: 0 });
    const [entry] = await backend.read('g-1');
    expect(entry?.record).toMatchObject({ type: 'incident', debunkId: FIVE_G_ID, member: { id: 'm-1' } });
  });

  it('GIVEN small talk THEN nothing is recorded', async () => {
    const { h, backend, moderator } = setup();
    await moderator.onMessage(h.message({ text: TEXT.chatter }));
    expect(await backend.read('g-1')).toEqual([]);
  });

  it('GIVEN an admin changing the mode THEN the admin action is recorded under the admin\'s name', async () => {
    const { backend, moderator } = setup();
    const result = await moderator.onAdminCommand('test', 'g-1', { id: 'o1', name: 'Owner', isAdmin: true }, '/rg mode observe');
    expect(result.ok).toBe(true);
    expect((await backend.read('g-1'))[0]?.record).toEqual(
      expect.objectContaining({ type: 'admin', action: 'mode', detail: 'mode observe', by: { kind: 'admin', id: 'o1', name: 'Owner' } }),
    );
  });

  it('GIVEN a member who is not an admin THEN the command is refused and nothing is recorded', async () => {
    const { backend, moderator } = setup();
    const result = await moderator.onAdminCommand('test', 'g-1', { id: 'm1', name: 'Mallory' }, '/rg mode observe');
    expect(result).toMatchObject({ ok: false, error: 'not_admin' });
    expect(await backend.read('g-1')).toEqual([]);
  });

  it('GIVEN a pardon THEN it is recorded, and the chain verifies', async () => {
    const { h, ledger, moderator } = setup();
    await moderator.onMessage(h.message());
    await moderator.onAdminCommand('test', 'g-1', { id: 'o1', name: 'Owner', isAdmin: true }, '/rg pardon m-1');
    const entries = await ledger.entries('g-1');
    expect(entries.map((e) => e.record.type)).toEqual(['incident', 'admin']);
    expect(entries[1]?.record).toMatchObject({ action: 'pardon', detail: 'pardoned m-1 (1)' });
    expect((await ledger.verify('g-1')).ok).toBe(true);
  });

  it('GIVEN a member\'s "not a rumor" and an admin accepting it THEN the queue empties AND the decision is in the ledger', async () => {
    const { h, backend, moderator } = setup();
    const message = h.message();
    await moderator.onMessage(message);
    const r = await moderator.onFeedback('not_a_rumor', message, { id: 'm-2', name: 'Bob' }, 'satire page', '5g-spreads-coronavirus');
    if (!r.ok) throw new Error(r.error);
    const owner = { id: 'o1', name: 'Owner', isAdmin: true };
    expect((await moderator.onAdminCommand('test', 'g-1', owner, '/rg queue')).reply).toContain(`${r.item.id} not a rumor by Bob`);
    await moderator.onAdminCommand('test', 'g-1', owner, `/rg accept ${r.item.id}`);
    expect((await moderator.onAdminCommand('test', 'g-1', owner, '/rg queue')).reply).toBe('The queue is empty.');
    const last = (await backend.read('g-1')).at(-1)!.record;
    expect(last).toMatchObject({ type: 'admin', action: 'accept', detail: `accepted "not a rumor" ${r.item.id} by Bob on message ${message.messageId}` });
  });
});
