import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ledgerToMarkdown } from '../../src/ledger/export/toMarkdown.js';
import { incidentViews } from '../../src/ledger/incidentOutcomes.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { memoryLedgerBackend } from '../../src/ledger/ledgerBackend.js';
import type { ActionResult, LedgerRecord, OutcomeRecord } from '../../src/ledger/ledgerRecord.js';
import { Recorder } from '../../src/ledger/recorder.js';
import { Spool } from '../../src/ledger/spool.js';
import { verifyChain } from '../../src/ledger/verifyChain.js';
import type { Attempt, ModerationPort, PlatformAction } from '../../src/moderation/moderationPort.js';
import { Moderator } from '../../src/moderation/moderator.js';
import { DecisionExecutor } from '../../src/moderation/executeDecision.js';
import type { Decision } from '../../src/engine/decision.js';
import { enforcing, TEXT } from '../engine/harness.js';

/** A platform that answers each action as the test says, and counts what it was asked to do. */
function scriptedPort(answers: Partial<Record<PlatformAction, Attempt | (() => Promise<Attempt>)>> = {}) {
  const asked: PlatformAction[] = [];
  const answer = (type: PlatformAction) => async (): Promise<Attempt> => {
    asked.push(type);
    const a = answers[type] ?? { status: 'done' };
    return typeof a === 'function' ? a() : a;
  };
  const port: ModerationPort = {
    reply_refutation: answer('reply_refutation'),
    suggest_check: answer('suggest_check'),
    pointer: answer('pointer'),
    warn: answer('warn'),
    delete: answer('delete'),
    mute: answer('mute'),
    alert_owners: answer('alert_owners'),
  };
  return { port, asked };
}

/** A group with every action on, a ladder that does everything at once, and a ledger in memory. */
async function setup(ladder: string[][] = [['reply_refutation', 'warn', 'delete', 'mute 1h', 'alert_owners']]) {
  const h = await enforcing({ ladder: { default: ladder } });
  const backend = memoryLedgerBackend();
  const ledger = new Ledger(backend);
  const spool = new Spool(path.join(mkdtempSync(path.join(tmpdir(), 'rg-outcomes-')), 'spool.jsonl'));
  const moderator = new Moderator(h.engine, new Recorder(ledger, spool), undefined, h.now);
  const records = async (): Promise<LedgerRecord[]> => (await backend.read('g-1')).map((e) => e.record);
  const outcomes = async (): Promise<ActionResult[]> => (await records()).flatMap((r) => (r.type === 'outcome' ? r.actions : []));
  return { h, ledger, backend, moderator, records, outcomes };
}

const byType = (results: readonly ActionResult[]) => Object.fromEntries(results.map((r) => [r.type, r]));

describe('The ledger records what really happened to each action', () => {
  it('GIVEN every action carried out THEN one outcome record follows the incident, linked to it, each action done', async () => {
    const { h, moderator, records } = await setup();
    const { outcomes } = await moderator.onMessage(h.message(), scriptedPort().port);
    const results = await outcomes;
    const [incident, outcome] = await records();
    expect(incident).toMatchObject({ type: 'incident', actions: expect.arrayContaining([expect.objectContaining({ type: 'mute', status: 'planned' })]) });
    expect(outcome).toMatchObject({ type: 'outcome', incidentId: incident?.recordId, messageId: incident?.type === 'incident' ? incident.messageId : '' });
    expect((outcome as OutcomeRecord).actions).toEqual(results);
    expect(results?.map((r) => [r.type, r.status])).toEqual([
      ['reply_refutation', 'done'],
      ['warn', 'done'],
      ['delete', 'done'],
      ['mute', 'done'],
      ['alert_owners', 'done'],
    ]);
  });

  it('GIVEN the platform refuses a mute with 403 THEN the mute is failed with the platform\'s words, the rest done', async () => {
    const { h, moderator, outcomes } = await setup();
    const refused = scriptedPort({ mute: { status: 'failed', error: '403: Forbidden: not enough rights to restrict/unrestrict chat member' } });
    await (await moderator.onMessage(h.message(), refused.port)).outcomes;
    expect(byType(await outcomes()).mute).toMatchObject({ status: 'failed', error: '403: Forbidden: not enough rights to restrict/unrestrict chat member' });
    expect(byType(await outcomes()).reply_refutation).toMatchObject({ status: 'done' });
  });

  it('GIVEN a port that throws THEN the action is failed with the error, and nothing else stops', async () => {
    const { h, moderator, outcomes } = await setup();
    const throwing = scriptedPort({ delete: () => Promise.reject(new Error('ECONNRESET')) });
    await (await moderator.onMessage(h.message(), throwing.port)).outcomes;
    expect(byType(await outcomes()).delete).toMatchObject({ status: 'failed', error: 'ECONNRESET' });
    expect(throwing.asked).toContain('alert_owners');
  });

  it('GIVEN three posts of a rumor within a minute THEN the second gets a pointer, the third nothing (decided so: nothing asked of the platform, no strike)', async () => {
    const { h, moderator, outcomes } = await setup([['reply_refutation']]);
    const { port, asked } = scriptedPort();
    const decisions: Decision[] = [];
    for (let i = 0; i < 3; i++) {
      const handled = await moderator.onMessage(h.message({ member: { id: `m-${i}`, name: `M${i}` } }), port);
      await handled.outcomes;
      decisions.push(handled.decision);
      h.advance(10_000);
    }
    expect((await outcomes()).map((r) => [r.type, r.status])).toEqual([
      ['reply_refutation', 'done'],
      ['pointer', 'done'],
    ]);
    expect(asked).toEqual(['reply_refutation', 'pointer']);
    expect(decisions.map((d) => d.strikes.after)).toEqual([1, 1, 0]);
  });

  it('GIVEN the executor asked for a pointer within a minute of another to the same answer (another process decided it) THEN it is skipped by the cooldown, never asked of the platform', async () => {
    const { h, moderator, outcomes } = await setup([['reply_refutation']]);
    const { port, asked } = scriptedPort();
    await (await moderator.onMessage(h.message({ member: { id: 'm-0', name: 'M0' } }), port)).outcomes;
    h.advance(10_000);
    const pointerOf = async (i: number) => {
      const message = h.message({ messageId: `p-${i}`, member: { id: `p-${i}`, name: `P${i}` } });
      // Decided on a store where no pointer was marked yet, as a second process would.
      const decision = await h.engine.evaluate(message, { dryRun: true });
      return { message, decision };
    };
    const [a, b] = [await pointerOf(1), await pointerOf(2)];
    const executor = new DecisionExecutor(() => h.now());
    const results = [await executor.execute(a.decision, a.message, port), await executor.execute(b.decision, b.message, port)];
    expect(results.map((r) => r.map((x) => [x.type, x.status, x.status === 'skipped' ? x.reason : '']))).toEqual([[['pointer', 'done', '']], [['pointer', 'skipped', 'cooldown']]]);
    expect(asked).toEqual(['reply_refutation', 'pointer']);
    await outcomes();
  });

  it('GIVEN a member asking about the rumor within a minute of a pointer THEN the asker still gets one: a question is not held back by the cooldown', async () => {
    const { h, moderator, outcomes } = await setup([['reply_refutation']]);
    const { port, asked } = scriptedPort();
    for (const [i, text] of [TEXT.fiveG, TEXT.fiveG, 'Is it true that 5G towers spread the coronavirus?'].entries()) {
      await (await moderator.onMessage(h.message({ member: { id: `m-${i}`, name: `M${i}` }, text }), port)).outcomes;
      h.advance(10_000);
    }
    expect((await outcomes()).map((r) => [r.type, r.status])).toEqual([
      ['reply_refutation', 'done'],
      ['pointer', 'done'],
      ['pointer', 'done'],
    ]);
    expect(asked).toEqual(['reply_refutation', 'pointer', 'pointer']);
  });

  it.each([
    { kind: 'merged into a newer reply', attempt: { status: 'skipped', reason: 'merged' } },
    { kind: 'no room under the rate limits', attempt: { status: 'skipped', reason: 'rate_limited', detail: 'queue_full' } },
    { kind: 'the bot stopping', attempt: { status: 'skipped', reason: 'shutdown' } },
    { kind: 'a post made as a channel (nobody to mute)', attempt: { status: 'skipped', reason: 'no_target' } },
  ] as const)('GIVEN an action skipped for $kind THEN it is recorded as skipped with that reason', async ({ attempt }) => {
    const { h, moderator, outcomes } = await setup();
    await (await moderator.onMessage(h.message(), scriptedPort({ warn: attempt }).port)).outcomes;
    expect(byType(await outcomes()).warn).toMatchObject(attempt);
  });

  it('GIVEN observe mode THEN nothing is asked of the platform, the actions are withheld in the incident, and no outcome record is written', async () => {
    const { h, moderator, records } = await setup();
    await h.engine.configure('g-1', { mode: 'observe' });
    const { port, asked } = scriptedPort();
    const handled = await moderator.onMessage(h.message(), port);
    expect(handled.outcomes).toBeUndefined();
    expect(asked).toEqual([]);
    const all = await records();
    expect(all.map((r) => r.type)).toEqual(['incident']);
    expect(all[0]?.type === 'incident' && all[0].actions.every((a) => a.status === 'withheld' && a.withheldBecause === 'observe_mode')).toBe(true);
  });

  it('GIVEN a mix of outcomes THEN the management report counts exactly what the outcome records say', async () => {
    const { h, moderator, ledger } = await setup([['reply_refutation', 'warn', 'mute 1h']]);
    const script: Partial<Record<PlatformAction, Attempt>>[] = [
      {},
      { mute: { status: 'failed', error: '403: Forbidden' } },
      { reply_refutation: { status: 'skipped', reason: 'merged' }, warn: { status: 'skipped', reason: 'rate_limited' } },
    ];
    for (const [i, answers] of script.entries()) {
      await (await moderator.onMessage(h.message({ member: { id: `m-${i}`, name: `M${i}` }, text: TEXT.fiveG }), scriptedPort(answers).port)).outcomes;
      h.advance(11 * 60_000); // past the repeat window: each gets a refutation, not a pointer
    }
    // A fourth whose outcome never arrives (the bot died): its actions stay without an outcome.
    await moderator.onMessage(h.message({ member: { id: 'm-9', name: 'M9' } }));
    const entries = await ledger.entries('g-1');
    const md = ledgerToMarkdown(entries, { groupId: 'g-1', check: verifyChain('g-1', entries) });
    // | action | done | skipped | failed | withheld | no outcome recorded |
    expect(md).toContain('| Refutations | 2 | 1 | 0 | 0 | 1 |');
    expect(md).toContain('| Warnings | 2 | 1 | 0 | 0 | 1 |');
    expect(md).toContain('| Mutes | 2 | 0 | 1 | 0 | 1 |');
    const views = incidentViews(entries);
    expect(views.map((v) => v.actions.find((a) => a.type === 'mute')?.status)).toEqual(['done', 'failed', 'done', 'pending']);
  });
});

describe('A refutation pointed to later is one the platform posted', () => {
  it('GIVEN the refutation failed to post THEN the next message of the rumor gets the refutation again, not a pointer to a message where no answer is', async () => {
    const { h, moderator } = await setup([['reply_refutation']]);
    const refused = scriptedPort({ reply_refutation: { status: 'failed', error: '502: Bad Gateway' } });
    await (await moderator.onMessage(h.message({ link: 'https://chat.example/m/1' }), refused.port)).outcomes;
    const next = await moderator.onMessage(h.message({ member: { id: 'm-2', name: 'Bo' } }), scriptedPort().port);
    expect(next.decision.actions.map((a) => a.type)).toContain('reply_refutation');
    expect(next.decision.actions.map((a) => a.type)).not.toContain('pointer');
  });

  it('GIVEN the refutation was posted THEN the next message gets a pointer to it, as before', async () => {
    const { h, moderator } = await setup([['reply_refutation']]);
    await (await moderator.onMessage(h.message({ link: 'https://chat.example/m/1' }), scriptedPort().port)).outcomes;
    const next = await moderator.onMessage(h.message({ member: { id: 'm-2', name: 'Bo' } }), scriptedPort().port);
    expect(next.decision.actions).toContainEqual(expect.objectContaining({ type: 'pointer', link: 'https://chat.example/m/1' }));
  });

  it('GIVEN the message answered was deleted by the ladder THEN the pointer keeps pointing, without the link to the deleted message', async () => {
    const { h, moderator } = await setup([['reply_refutation', 'delete']]);
    await (await moderator.onMessage(h.message({ link: 'https://chat.example/m/1' }), scriptedPort().port)).outcomes;
    const next = await moderator.onMessage(h.message({ member: { id: 'm-2', name: 'Bo' } }), scriptedPort().port);
    const pointer = next.decision.actions.find((a) => a.type === 'pointer');
    expect(pointer).toBeDefined();
    expect(pointer).not.toHaveProperty('link');
  });
});
