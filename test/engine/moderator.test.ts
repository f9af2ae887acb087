import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Moderator } from '../../src/moderation/moderator.js';
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
  const moderator = new Moderator(h.engine, new Recorder(ledger, spool), new FeedbackQueue(memoryStore()));
  // Records reach the ledger in the background: what is read is what was delivered by then.
  const settled = { ...backend, read: async (g: string) => (await moderator.settled(), backend.read(g)) };
  const settledLedger = Object.assign(Object.create(Object.getPrototypeOf(ledger) as object) as Ledger, ledger, {
    entries: async (g: string) => (await moderator.settled(), ledger.entries(g)),
  });
  return { h, backend: settled, ledger: settledLedger, moderator };
}

describe('Moderator', () => {
  it('GIVEN a rumor THEN the decision comes back AND the incident is in the ledger', async () => {
    const { h, backend, moderator } = setup();
    const { decision, recorded } = await moderator.onMessage(h.message());
    expect(decision.matches[0]?.debunkId).toBe(FIVE_G_ID);
    expect(recorded).toEqual({ acknowledged: true, waiting: 1 });
    const [entry] = await backend.read('g-1');
    expect(entry?.record).toMatchObject({ type: 'incident', debunkId: FIVE_G_ID, member: { id: 'm-1' } });
  });

  it('GIVEN a rumor the bot could not handle (its chat\'s inbox full) THEN its incident is recorded with every action withheld, and no strike counted', async () => {
    const { h, backend, moderator } = setup();
    expect(await moderator.recordUnhandled(h.message())).toMatchObject({ acknowledged: true });
    expect(await moderator.recordUnhandled(h.message({ messageId: 'chat', text: TEXT.chatter }))).toBeUndefined();
    const records = (await backend.read('g-1')).map((e) => e.record);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ type: 'incident', debunkId: FIVE_G_ID, note: expect.stringContaining('not handled') });
    const actions = (records[0] as { actions: { status: string; withheldBecause?: string }[] }).actions;
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) expect(a).toMatchObject({ status: 'withheld', withheldBecause: 'inbox_full' });
    expect(await h.engine.strikesOf('g-1', 'm-1')).toEqual([]);
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

  it('GIVEN a member\'s "not a rumor" and an admin accepting it THEN the queue empties, the strike the message earned is withdrawn AND the decision is in the ledger', async () => {
    const { h, backend, moderator } = setup();
    const message = h.message();
    await moderator.onMessage(message);
    const r = await moderator.onFeedback('not_a_rumor', message, { id: 'm-2', name: 'Bob' }, 'satire page', '5g-spreads-coronavirus');
    if (!r.ok) throw new Error(r.error);
    const owner = { id: 'o1', name: 'Owner', isAdmin: true };
    expect((await moderator.onAdminCommand('test', 'g-1', owner, '/rg queue')).reply).toContain(`${r.item.id} not a rumor by Bob`);
    expect(await h.engine.strikesOf('g-1', 'm-1')).toHaveLength(1);
    await moderator.onAdminCommand('test', 'g-1', owner, `/rg accept ${r.item.id}`);
    expect((await moderator.onAdminCommand('test', 'g-1', owner, '/rg queue')).reply).toBe('The queue is empty.');
    expect(await h.engine.strikesOf('g-1', 'm-1')).toEqual([]);
    const last = (await backend.read('g-1')).at(-1)!.record;
    expect(last).toMatchObject({
      type: 'admin',
      action: 'accept',
      detail: `accepted "not a rumor" ${r.item.id} by Bob on message ${message.messageId}; strike of m-1 withdrawn`,
    });
  });
});

describe('Moderator when the store is unreachable', () => {
  it('GIVEN the store closes under the bot THEN the member still gets the refutation, the incident is logged with a note', async () => {
    const { openStore } = await import('../../src/store/openStore.js');
    const { Engine } = await import('../../src/engine/engine.js');
    const { DEBUNKS, DEFAULT_RULES } = await import('./harness.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'rg-mod-down-'));
    const opened = await openStore(`sqlite://${path.join(dir, 'store.sqlite')}`);
    let t = Date.UTC(2025, 0, 15, 12);
    const engine = new Engine({ debunks: DEBUNKS, rules: DEFAULT_RULES, store: opened.store, now: () => t });
    const backend = memoryLedgerBackend();
    const moderator = new Moderator(engine, new Recorder(new Ledger(backend), new Spool(path.join(dir, 'spool.jsonl'))), undefined, () => t);
    const msg = (id: string) => ({ platform: 'test', groupId: 'g-1', messageId: id, member: { id: 'm-1', name: 'Alice' }, text: TEXT.fiveG, sentAt: t });

    await moderator.onMessage(msg('1'));
    await opened.close(); // the store is gone: every operation now fails with a StoreError
    const down = await moderator.onMessage(msg('2'));
    expect(down.storeError).toMatch(/^sqlite store .*: get ".*" failed: SQLITE_MISUSE/);
    expect(down.decision.actions.map((a) => a.type)).toEqual(['log', 'reply_refutation']);
    expect(down.decision.explain.at(-1)).toEqual({ rule: 'store', fired: true, reason: 'store_unavailable' });
    // Within the retry pause the store is not asked again; the incident is still logged.
    t += 1_000;
    const again = await moderator.onMessage(msg('3'));
    // What failed, without the key it failed on: a later message is not that member's or rumor's.
    expect(again.storeError).toMatch(/^sqlite store .*: get failed: SQLITE_MISUSE/);
    expect(again.storeError).not.toContain('"');
    await moderator.settled();
    const records = (await backend.read('g-1')).map((e) => e.record);
    expect(records.map((r) => (r.type === 'incident' ? [r.messageId, r.strikes, r.note?.slice(0, 40)] : []))).toEqual([
      ['1', 1, undefined],
      // Decided as a first offence (the member's history is out of reach), nothing counted: no strike
      // is recorded, and the note says so.
      ['2', 0, 'the store is unreachable: decided withou'],
      ['3', 0, 'the store is unreachable: decided withou'],
    ]);
  });

});

describe('Moderator: what the ledger says of several rumors and of a corrected post', () => {
  // QA M1: only the best of several rumors reached the ledger.
  it('GIVEN a message carrying two rumors THEN one incident names both, and the reply names what it refuted', async () => {
    const { h, backend, moderator } = setup();
    await moderator.onMessage(h.message({ text: `${TEXT.garlic}. Also mosquitoes spread the coronavirus, so use a net.` }));
    const records = (await backend.read('g-1')).map((e) => e.record);
    expect(records.filter((r) => r.type === 'incident')).toHaveLength(1);
    expect(records[0]).toMatchObject({
      type: 'incident',
      debunkId: 'garlic-prevents-infection',
      also: [{ debunkId: 'mosquitoes-spread-coronavirus', score: 1 }],
      strikes: 1,
      actions: [{ type: 'reply_refutation', status: 'planned', debunkIds: ['garlic-prevents-infection', 'mosquitoes-spread-coronavirus'] }],
    });
  });

  // QA M2: a member who corrected their post kept the strike, and the ledger said nothing.
  it('GIVEN a struck rumor edited into a correction THEN the ledger records the withdrawal by the bot, with the edit as the reason', async () => {
    const { h, backend, moderator } = setup();
    const message = h.message({ messageId: 'm-100', text: TEXT.garlic, member: { name: 'Pat' } });
    await moderator.onMessage(message);
    h.advance(60_000);
    const { decision } = await moderator.onMessage({ ...message, edited: true, text: 'Sorry, my bad: eating garlic does NOT prevent infection with the coronavirus' });
    expect(decision.strikes).toEqual({ before: 1, after: 0 });
    const records = (await backend.read('g-1')).map((e) => e.record);
    expect(records.at(-1)).toEqual({
      type: 'admin',
      recordId: expect.any(String),
      platform: 'test',
      groupId: 'g-1',
      by: { kind: 'bot' },
      action: 'strike_withdrawn',
      detail: 'strike of Pat (m-1) for message m-100 (garlic-prevents-infection) withdrawn: the member edited the message to refute the rumor; 0 active strike(s) now',
    });
    expect(await h.engine.strikesOf('g-1', 'm-1')).toEqual([]);
  });
});
