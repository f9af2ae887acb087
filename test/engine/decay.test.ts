import { describe, expect, it } from 'vitest';
import { DAY, enforcing, PAST_REPEAT_WINDOW, TEXT, typesOf, type Harness } from './harness.js';

/** Three offences by m-1, 11 minutes apart. */
async function threeStrikes(h: Harness): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await h.post();
    h.advance(PAST_REPEAT_WINDOW);
  }
}

describe('strikes decay after strikes.decayDays (30)', () => {
  it.each([
    { given: '29 days later', wait: 29 * DAY, before: 3, types: ['log', 'reply_refutation', 'alert_owners', 'mute'] },
    { given: 'the second strike is exactly 30 days old', wait: 30 * DAY + PAST_REPEAT_WINDOW, before: 1, types: ['log', 'reply_refutation', 'warn'] },
    { given: '31 days later', wait: 31 * DAY, before: 0, types: ['log', 'reply_refutation'] },
    { given: 'a year later', wait: 365 * DAY, before: 0, types: ['log', 'reply_refutation'] },
  ])('GIVEN three strikes AND $given THEN $before are active and the next offence takes the matching step', async ({ wait, before, types }) => {
    const h = await enforcing();
    const start = h.now();
    await threeStrikes(h);
    h.advance(start + wait - h.now());
    expect(await h.engine.strikesOf('g-1', 'm-1')).toHaveLength(before);
    const d = await h.post();
    expect(d.strikes).toEqual({ before, after: before + 1 });
    expect(typesOf(d.actions)).toEqual(types);
  });

  it('GIVEN a strike exactly decayDays old THEN it no longer counts', async () => {
    const h = await enforcing();
    await h.post();
    h.advance(30 * DAY);
    expect(await h.engine.strikesOf('g-1', 'm-1')).toEqual([]);
  });

  it('GIVEN strikes 20 days apart AND 31 days after the first THEN only the later one counts', async () => {
    const h = await enforcing();
    const first = await h.post({ messageId: 'early' });
    h.advance(20 * DAY);
    await h.post({ messageId: 'late', text: TEXT.garlic });
    h.advance(11 * DAY);
    const active = await h.engine.strikesOf('g-1', 'm-1');
    expect(active.map((s) => s.messageId)).toEqual(['late']);
    const d = await h.post();
    expect(first.strikes.after).toBe(1);
    expect(d.strikes).toEqual({ before: 1, after: 2 });
    expect(typesOf(d.actions)).toEqual(['log', 'reply_refutation', 'warn']);
  });

  it('GIVEN a group with decayDays 1 THEN a strike is gone after a day', async () => {
    const h = await enforcing({ strikes: { decayDays: 1 } });
    await h.post();
    h.advance(DAY + 1);
    const d = await h.post();
    expect(d.strikes).toEqual({ before: 0, after: 1 });
  });
});

describe('strikesOf', () => {
  it('GIVEN offences THEN strikesOf lists them with time, rumor and message, oldest first', async () => {
    const h = await enforcing();
    const t0 = h.now();
    await h.post({ messageId: 'a' });
    h.advance(PAST_REPEAT_WINDOW);
    await h.post({ messageId: 'b', text: TEXT.garlic });
    expect(await h.engine.strikesOf('g-1', 'm-1')).toEqual([
      { at: t0, debunkId: '5g-spreads-coronavirus', messageId: 'a', got: [] },
      { at: t0 + PAST_REPEAT_WINDOW, debunkId: 'garlic-prevents-infection', messageId: 'b', got: ['warn'] },
    ]);
  });

  it('GIVEN a member who never offended THEN strikesOf is empty', async () => {
    const h = await enforcing();
    expect(await h.engine.strikesOf('g-1', 'nobody')).toEqual([]);
  });
});

describe('pardon', () => {
  it.each([
    { given: 'no count', count: undefined, removed: 3, left: [] as string[], nextTypes: ['log', 'reply_refutation'] },
    { given: 'count 1', count: 1, removed: 1, left: ['msg-1', 'msg-2'], nextTypes: ['log', 'reply_refutation', 'alert_owners', 'mute'] },
    { given: 'count 2', count: 2, removed: 2, left: ['msg-1'], nextTypes: ['log', 'reply_refutation', 'warn'] },
    { given: 'a count above the strikes', count: 10, removed: 3, left: [], nextTypes: ['log', 'reply_refutation'] },
    { given: 'count 0', count: 0, removed: 0, left: ['msg-1', 'msg-2', 'msg-3'], nextTypes: ['log', 'reply_refutation', 'alert_owners', 'mute'] },
  ])('GIVEN three strikes AND pardon with $given THEN $removed removed, latest first, and the ladder restarts', async ({ count, removed, left, nextTypes }) => {
    const h = await enforcing();
    await threeStrikes(h);
    expect(await h.engine.pardon('g-1', 'm-1', count)).toBe(removed);
    expect((await h.engine.strikesOf('g-1', 'm-1')).map((s) => s.messageId)).toEqual(left);
    const d = await h.post();
    expect(d.strikes).toEqual({ before: left.length, after: left.length + 1 });
    expect(typesOf(d.actions)).toEqual(nextTypes);
  });

  it('GIVEN a member without strikes THEN pardon removes 0', async () => {
    const h = await enforcing();
    expect(await h.engine.pardon('g-1', 'm-1')).toBe(0);
  });

  it('GIVEN one decayed and one active strike THEN pardon counts only the active one', async () => {
    const h = await enforcing();
    await h.post();
    h.advance(20 * DAY);
    await h.post({ text: TEXT.garlic });
    h.advance(11 * DAY);
    expect(await h.engine.pardon('g-1', 'm-1')).toBe(1);
  });

  it('GIVEN a pardon for one member THEN another member keeps their strikes', async () => {
    const h = await enforcing();
    await h.post({ member: { id: 'm-1' } });
    await h.post({ member: { id: 'm-2' }, text: TEXT.garlic });
    await h.engine.pardon('g-1', 'm-1');
    expect(await h.engine.strikesOf('g-1', 'm-2')).toHaveLength(1);
  });
});
