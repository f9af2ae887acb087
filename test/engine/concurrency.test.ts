import { describe, expect, it } from 'vitest';
import { runAdminCommand } from '../../src/commands/adminCommands.js';
import { FeedbackQueue } from '../../src/feedback/feedbackQueue.js';
import { memoryStore } from '../../src/store/keyvStore.js';
import { enforcing, harness, TEXT, typesOf } from './harness.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('concurrent messages (the keyed lock)', () => {
  it('GIVEN 20 concurrent rumors from one member in one group THEN strikes.after is 1..20, each once', async () => {
    const h = await enforcing();
    const decisions = await Promise.all(range(20).map((i) => h.post({ messageId: `c-${i}` })));
    expect(decisions.map((d) => d.strikes.after).sort((a, b) => a - b)).toEqual(range(20));
    for (const d of decisions) expect(d.strikes.before).toBe(d.strikes.after - 1);
    expect(await h.engine.strikesOf('g-1', 'm-1')).toHaveLength(20);
    // Arrival order is kept: the nth call is the nth strike.
    expect(decisions.map((d) => d.strikes.after)).toEqual(range(20));
  });

  it('GIVEN 20 concurrent rumors from 20 members THEN exactly one full refutation, one pointer, and the 18 others neither told nor struck', async () => {
    const h = await enforcing();
    const decisions = await Promise.all(range(20).map((i) => h.post({ messageId: `c-${i}`, member: { id: `m-${i}` } })));
    const replies = decisions.flatMap((d) => typesOf(d.actions)).filter((t) => t === 'reply_refutation' || t === 'pointer');
    expect(replies.filter((t) => t === 'reply_refutation')).toHaveLength(1);
    expect(replies.filter((t) => t === 'pointer')).toHaveLength(1);
    const untold = decisions.filter((d) => !d.actions.some((a) => a.type === 'reply_refutation' || a.type === 'pointer'));
    expect(untold).toHaveLength(18);
    for (const d of untold) {
      expect(d.strikes).toEqual({ before: 0, after: 0 });
      expect(d.explain).toContainEqual(expect.objectContaining({ rule: 'ladder', fired: false, reason: 'not_told' }));
      expect(typesOf(d.actions)).toEqual(['log']);
    }
  });

  it('GIVEN the same message evaluated 5 times at once THEN it counts once', async () => {
    const h = await enforcing();
    const message = h.message({ messageId: 'dup' });
    const decisions = await Promise.all(range(5).map(() => h.engine.evaluate(message)));
    expect(decisions.map((d) => d.strikes.after)).toEqual([1, 1, 1, 1, 1]);
    expect(await h.engine.strikesOf('g-1', 'm-1')).toHaveLength(1);
  });

  it('GIVEN two groups concurrently THEN each member has their own 10 strikes', async () => {
    const h = await enforcing();
    await h.engine.configure('g-2', { enabledActions: ['reply_refutation', 'log'] });
    const calls = range(10).flatMap((i) => [h.post({ messageId: `a-${i}`, groupId: 'g-1' }), h.post({ messageId: `b-${i}`, groupId: 'g-2' })]);
    const decisions = await Promise.all(calls);
    for (const g of ['g-1', 'g-2']) {
      expect(decisions.filter((d) => d.groupId === g).map((d) => d.strikes.after)).toEqual(range(10));
      expect(await h.engine.strikesOf(g, 'm-1')).toHaveLength(10);
    }
  });

  it('GIVEN 200 posts of one rumor waiting THEN a different rumor by another member is decided among the first, not after them', async () => {
    const h = await enforcing();
    const done: string[] = [];
    const flood = range(200).map((i) =>
      h.post({ messageId: `f-${i}`, member: { id: `m-${i % 10}` }, text: TEXT.fiveG }).then(() => done.push(`f-${i}`)),
    );
    const other = h.post({ messageId: 'other', member: { id: 'bystander' }, text: TEXT.garlic }).then((d) => (done.push('other'), d));
    await Promise.all([...flood, other]);
    expect(done.indexOf('other')).toBeLessThan(5);
    expect(typesOf((await other).actions)).toContain('reply_refutation');
  });

  it('GIVEN a member whose posts of one rumor wait THEN their different rumor waits for them: the strikes count in order', async () => {
    const h = await enforcing();
    const first = range(3).map((i) => h.post({ messageId: `x-${i}`, text: TEXT.fiveG }));
    const other = h.post({ messageId: 'x-4', text: TEXT.garlic });
    expect((await Promise.all(first)).map((d) => d.strikes.after)).toEqual([1, 2, 3]);
    expect((await other).strikes).toEqual({ before: 3, after: 4 });
  });

  it('GIVEN a pardon among concurrent rumors THEN it runs in arrival order', async () => {
    const h = await enforcing();
    const first = range(3).map((i) => h.post({ messageId: `x-${i}` }));
    const pardon = h.engine.pardon('g-1', 'm-1');
    const later = h.post({ messageId: 'x-4' });
    const [a, b, c] = await Promise.all(first);
    expect([a!.strikes.after, b!.strikes.after, c!.strikes.after]).toEqual([1, 2, 3]);
    expect(await pardon).toBe(3);
    expect((await later).strikes).toEqual({ before: 0, after: 1 });
  });
});

describe('concurrent changes to settings and the feedback queue', () => {
  const OWNER = { id: 'o1', name: 'Owner', isAdmin: true };

  it('GIVEN /rg enable warn and /rg enable mute at once THEN both answer OK and both stick', async () => {
    const h = harness();
    const [warn, mute] = await Promise.all([
      runAdminCommand(h.engine, 'g-1', OWNER, '/rg enable warn'),
      runAdminCommand(h.engine, 'g-1', OWNER, '/rg enable mute'),
    ]);
    expect([warn.ok, mute.ok]).toEqual([true, true]);
    expect((await h.engine.settingsFor('g-1')).enabledActions).toEqual(expect.arrayContaining(['warn', 'mute']));
    // As stored, not only as cached: another Engine on the store sees both.
    expect((await harness({ store: h.store }).engine.settingsFor('g-1')).enabledActions).toEqual(expect.arrayContaining(['warn', 'mute']));
  });

  it('GIVEN enable, disable, exempt and unexempt interleaved THEN each applies to what the one before left', async () => {
    const h = harness();
    await Promise.all(
      ['/rg enable warn', '/rg exempt m-7', '/rg enable delete', '/rg exempt m-8', '/rg disable warn', '/rg unexempt m-7'].map((c) =>
        runAdminCommand(h.engine, 'g-1', OWNER, c),
      ),
    );
    const settings = await harness({ store: h.store }).engine.settingsFor('g-1');
    expect(settings.enabledActions).toContain('delete');
    expect(settings.enabledActions).not.toContain('warn');
    expect(settings.exemptions.members).toEqual(['m-8']);
  });

  it('GIVEN five members pressing Report on one message at once THEN all five are queued', async () => {
    const queue = new FeedbackQueue(memoryStore());
    const results = await Promise.all(
      range(5).map((i) => queue.add({ kind: 'report', groupId: 'g-1', messageId: 'msg-1', by: { id: `m-${i}`, name: `M${i}` }, note: '' })),
    );
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true]);
    expect((await queue.open('g-1')).map((i) => i.by.id).sort()).toEqual(range(5).map((i) => `m-${i}`));
  });

  it('GIVEN one member pressing Report five times at once THEN one is queued and four are duplicates', async () => {
    const queue = new FeedbackQueue(memoryStore());
    const results = await Promise.all(range(5).map(() => queue.add({ kind: 'report', groupId: 'g-1', messageId: 'msg-1', by: { id: 'm-1', name: 'M' }, note: '' })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === 'duplicate')).toHaveLength(4);
    expect(await queue.open('g-1')).toHaveLength(1);
  });

  it('GIVEN two admins resolving one item at once THEN one resolves it and the other is told it is gone', async () => {
    const queue = new FeedbackQueue(memoryStore());
    const added = await queue.add({ kind: 'report', groupId: 'g-1', messageId: 'msg-1', by: { id: 'm-1', name: 'M' }, note: '' });
    if (!added.ok) throw new Error('setup');
    const results = await Promise.all([queue.resolve('g-1', added.item.id, 'accepted'), queue.resolve('g-1', added.item.id, 'rejected')]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === 'not_found')).toHaveLength(1);
  });
});
