import { intentText } from '../../src/engine/intentText.js';
import { describe, expect, it } from 'vitest';
import { harness, PAST_REPEAT_WINDOW, ruleOf, typesOf, withheldOf } from './harness.js';

describe('a new group (rules/default.yaml): enforce, refutations only', () => {
  it.each([
    { n: 1, done: ['log', 'reply_refutation'], withheld: [] as string[] },
    { n: 2, done: ['log', 'reply_refutation'], withheld: ['warn'] },
    { n: 3, done: ['log', 'reply_refutation'], withheld: ['alert_owners', 'mute'] },
    { n: 4, done: ['log'], withheld: ['alert_owners', 'mute'] },
  ])('GIVEN offence $n THEN $done are done AND $withheld are withheld as action_disabled', async ({ n, done, withheld }) => {
    const h = harness();
    let d = await h.post();
    for (let i = 1; i < n; i++) {
      h.advance(PAST_REPEAT_WINDOW);
      d = await h.post();
    }
    expect(d.mode).toBe('enforce');
    expect(typesOf(d.actions)).toEqual(done);
    expect(withheldOf(d)).toEqual(withheld.map((t) => [t, 'action_disabled']));
    // Withheld intents keep their texts and durations: the log and `check` show what would have happened.
    for (const w of d.withheld) expect(intentText(w)).toEqual(expect.any(String));
    expect(d.explain.filter((r) => r.rule === 'enabled_actions')).toEqual(
      withheld.map((t) => ({ rule: 'enabled_actions', fired: true, reason: 'action_disabled', detail: t })),
    );
    expect(d.strikes.after).toBe(n);
  });

  it('GIVEN a pointer in the repeat window AND reply_refutation enabled THEN the pointer is done like a reply', async () => {
    const h = harness();
    await h.post({ member: { id: 'm-1' } });
    const d = await h.post({ member: { id: 'm-2', name: 'Bob' } });
    expect(typesOf(d.actions)).toEqual(['log', 'pointer']);
  });

  // Nothing was posted, so there is no reply to point to: the second post is decided as a full
  // refutation, and withheld like the first.
  it('GIVEN reply_refutation disabled THEN the second post is a withheld refutation, not a pointer', async () => {
    const h = harness();
    await h.engine.configure('g-1', { enabledActions: ['log'] });
    const first = await h.post({ member: { id: 'm-1' } });
    const second = await h.post({ member: { id: 'm-2', name: 'Bob' } });
    expect(withheldOf(first)).toEqual([['reply_refutation', 'action_disabled']]);
    expect(withheldOf(second)).toEqual([['reply_refutation', 'action_disabled']]);
    expect(typesOf(second.actions)).toEqual(['log']);
  });
});

describe('observe mode', () => {
  it.each([
    { n: 1, withheld: ['reply_refutation'] },
    { n: 2, withheld: ['reply_refutation', 'warn'] },
    { n: 3, withheld: ['reply_refutation', 'alert_owners', 'mute'] },
  ])('GIVEN offence $n with every action enabled THEN only log is done AND $withheld are withheld as observe_mode', async ({ n, withheld }) => {
    const h = harness();
    await h.engine.configure('g-1', { mode: 'observe', enabledActions: ['reply_refutation', 'warn', 'delete', 'mute', 'alert_owners', 'log'] });
    let d = await h.post();
    for (let i = 1; i < n; i++) {
      h.advance(PAST_REPEAT_WINDOW);
      d = await h.post();
    }
    expect(d.mode).toBe('observe');
    expect(typesOf(d.actions)).toEqual(['log']);
    expect(withheldOf(d)).toEqual(withheld.map((t) => [t, 'observe_mode']));
    expect(ruleOf(d, 'mode')).toEqual({ rule: 'mode', fired: true, reason: 'observe_mode' });
    // Owners trying the bot out see a realistic ladder.
    expect(d.strikes).toEqual({ before: n - 1, after: n });
  });

  it('GIVEN observe mode AND default enabled actions THEN withheld says observe_mode, not action_disabled', async () => {
    const h = harness();
    await h.engine.configure('g-1', { mode: 'observe' });
    await h.post();
    h.advance(PAST_REPEAT_WINDOW);
    const d = await h.post();
    expect(withheldOf(d)).toEqual([
      ['reply_refutation', 'observe_mode'],
      ['warn', 'observe_mode'],
    ]);
    expect(ruleOf(d, 'enabled_actions')).toBeUndefined();
  });

  it('GIVEN observe mode AND a message that matches nothing THEN no mode rule is listed', async () => {
    const h = harness();
    await h.engine.configure('g-1', { mode: 'observe' });
    const d = await h.post({ text: 'hello all, how was the weekend?' });
    expect(d.actions).toEqual([]);
    expect(d.explain).toEqual([{ rule: 'threshold', fired: false, reason: 'no_match' }]);
  });

  it('GIVEN strikes collected in observe mode THEN they do not carry over into enforce mode', async () => {
    const h = harness();
    await h.engine.configure('g-1', { mode: 'observe' });
    for (let i = 0; i < 3; i++) {
      await h.post();
      h.advance(PAST_REPEAT_WINDOW);
    }
    expect(await h.engine.strikesOf('g-1', 'm-1')).toHaveLength(3);
    await h.engine.configure('g-1', { mode: 'enforce' });
    expect(await h.engine.strikesOf('g-1', 'm-1')).toEqual([]);
    const d = await h.post();
    expect(d.strikes).toEqual({ before: 0, after: 1 });
    expect(typesOf(d.actions)).toEqual(['log', 'reply_refutation']);
  });

  it('GIVEN an observe-mode "reply" moments ago THEN enforce mode still gives the full refutation, not a pointer', async () => {
    const h = harness();
    await h.engine.configure('g-1', { mode: 'observe' });
    await h.post({ member: { id: 'm-1' } });
    await h.engine.configure('g-1', { mode: 'enforce' });
    const d = await h.post({ member: { id: 'm-2', name: 'Bob' } });
    expect(typesOf(d.actions)).toEqual(['log', 'reply_refutation']);
  });

  it('GIVEN enforce strikes AND a switch to observe and back THEN the enforce strikes are still there', async () => {
    const h = harness();
    await h.post();
    await h.engine.configure('g-1', { mode: 'observe' });
    expect(await h.engine.strikesOf('g-1', 'm-1')).toEqual([]);
    await h.engine.configure('g-1', { mode: 'enforce' });
    expect(await h.engine.strikesOf('g-1', 'm-1')).toHaveLength(1);
  });
});
