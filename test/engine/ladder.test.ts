import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/engine/decision.js';
import { enforcing, FIVE_G_ID, PAST_REPEAT_WINDOW, TEXT, textOf, typesOf, type Harness } from './harness.js';

/** The member's `n`th offence with the same rumor, each past the repeat window; the last decision. */
async function offences(h: Harness, n: number, fields: Parameters<Harness['post']>[0] = {}): Promise<Decision> {
  let last: Decision | undefined;
  for (let i = 0; i < n; i++) {
    if (i > 0) h.advance(PAST_REPEAT_WINDOW);
    last = await h.post(fields);
  }
  return last!;
}

describe('the default ladder with every action enabled', () => {
  it.each([
    { n: 1, types: ['log', 'reply_refutation'], muteMs: undefined },
    { n: 2, types: ['log', 'reply_refutation', 'warn'], muteMs: undefined },
    { n: 3, types: ['log', 'reply_refutation', 'alert_owners', 'mute'], muteMs: 3_600_000 },
    { n: 4, types: ['log', 'reply_refutation', 'alert_owners', 'mute'], muteMs: 86_400_000 },
    { n: 5, types: ['log', 'reply_refutation', 'alert_owners', 'mute'], muteMs: 86_400_000 },
    { n: 6, types: ['log', 'reply_refutation', 'alert_owners', 'mute'], muteMs: 86_400_000 },
  ])('GIVEN offence $n THEN $types', async ({ n, types, muteMs }) => {
    const h = await enforcing();
    const d = await offences(h, n);
    expect(typesOf(d.actions)).toEqual(types);
    expect(d.withheld).toEqual([]);
    expect(d.strikes).toEqual({ before: n - 1, after: n });
    expect(d.actions.find((a) => a.type === 'mute')?.durationMs).toBe(muteMs);
    expect(d.explain).toContainEqual({ rule: 'ladder', fired: true, reason: 'ladder_step', detail: `strike ${n}, step ${Math.min(n, 4)} of 4` });
  });

  it('GIVEN different rumors instead of waiting THEN the strikes still climb the one ladder', async () => {
    const h = await enforcing();
    const decisions = [];
    for (const text of [TEXT.fiveG, TEXT.garlic, TEXT.mosquito, TEXT.whatsapp]) decisions.push(await h.post({ text }));
    expect(decisions.map((d) => typesOf(d.actions))).toEqual([
      ['log', 'reply_refutation'],
      ['log', 'reply_refutation', 'warn'],
      ['log', 'reply_refutation', 'alert_owners', 'mute'],
      ['log', 'reply_refutation', 'alert_owners', 'mute'],
    ]);
    expect(decisions.map((d) => d.matches[0]?.debunkId)).toEqual([
      FIVE_G_ID,
      'garlic-prevents-infection',
      'mosquitoes-spread-coronavirus',
      'whatsapp-will-start-charging',
    ]);
  });

  it('GIVEN the second offence THEN the warning names the member and carries the strike count', async () => {
    const h = await enforcing();
    const d = await offences(h, 2);
    expect(textOf(d, 'warn')).toBe(
      'Alice, please check before sharing: this is strike 2. Strikes expire after 30 days; repeated rumors can lead to a mute.',
    );
  });

  it('GIVEN the third offence THEN the owners learn what was done and the mute says how long', async () => {
    const h = await enforcing();
    const d = await offences(h, 3);
    expect(textOf(d, 'alert_owners')).toBe(
      `RumorGuard: Alice posted a known rumor, “5G towers spread the coronavirus” (${FIVE_G_ID}, score 1.00), strike 3. Actions planned: refutation, mute.`,
    );
    expect(textOf(d, 'mute')).toBe('Alice is muted for 1 hour for repeating refuted rumors.');
  });

  it('GIVEN the third offence in Chinese THEN the warning texts are Chinese', async () => {
    const h = await enforcing();
    const d = await offences(h, 3, { text: TEXT.fiveGZh });
    expect(textOf(d, 'mute')).toBe('Alice 因多次传播已辟谣的说法被禁言1小时。');
  });

  // Regression test (found while writing the tests, fixed).
  it('GIVEN the fourth offence (mute 24h) THEN the mute text reads as good English', async () => {
    const h = await enforcing();
    const d = await offences(h, 4);
    expect(textOf(d, 'mute')).not.toContain('1 days');
  });

  it('GIVEN different members THEN each has a ladder of their own', async () => {
    const h = await enforcing();
    await offences(h, 2, { member: { id: 'm-1' } });
    h.advance(PAST_REPEAT_WINDOW);
    const other = await h.post({ member: { id: 'm-2', name: 'Bob' } });
    expect(other.strikes).toEqual({ before: 0, after: 1 });
    expect(typesOf(other.actions)).toEqual(['log', 'reply_refutation']);
  });

  it('GIVEN the same member in another group THEN strikes do not follow them', async () => {
    const h = await enforcing();
    await offences(h, 3);
    const elsewhere = await h.post({ groupId: 'g-2' });
    expect(elsewhere.strikes).toEqual({ before: 0, after: 1 });
  });
});

describe('per-severity ladders', () => {
  const HIGH_LADDER = { ladder: { high: [['delete', 'warn'], ['delete', 'mute 7d']] } };

  it.each([
    {
      given: 'a high-severity rumor',
      text: TEXT.beachGirl,
      debunkId: 'shanghai-beach-girl-abandoned',
      first: ['log', 'delete', 'warn'],
      second: ['log', 'delete', 'mute'],
    },
    {
      given: 'a medium-severity rumor',
      text: TEXT.fiveG,
      debunkId: FIVE_G_ID,
      first: ['log', 'reply_refutation'],
      second: ['log', 'reply_refutation', 'warn'],
    },
    {
      given: 'a low-severity rumor',
      text: TEXT.garlic,
      debunkId: 'garlic-prevents-infection',
      first: ['log', 'reply_refutation'],
      second: ['log', 'reply_refutation', 'warn'],
    },
  ])('GIVEN ladder.high is configured AND $given THEN its steps are $first then $second', async ({ text, debunkId, first, second }) => {
    const h = await enforcing(HIGH_LADDER);
    const d1 = await h.post({ text });
    h.advance(PAST_REPEAT_WINDOW);
    const d2 = await h.post({ text });
    expect(d1.matches[0]?.debunkId).toBe(debunkId);
    expect(typesOf(d1.actions)).toEqual(first);
    expect(typesOf(d2.actions)).toEqual(second);
  });

  it('GIVEN ladder.high with a 7-day mute THEN the second high offence mutes for 7 days and deletes', async () => {
    const h = await enforcing(HIGH_LADDER);
    await h.post({ text: TEXT.beachGirl });
    h.advance(PAST_REPEAT_WINDOW);
    const d = await h.post({ text: TEXT.beachGirl });
    expect(d.actions.find((a) => a.type === 'mute')?.durationMs).toBe(7 * 86_400_000);
    expect(textOf(d, 'delete')).toBe('一条传播已辟谣说法的消息已被删除。');
    expect(d.explain).toContainEqual({ rule: 'ladder', fired: true, reason: 'ladder_step', detail: 'strike 2, step 2 of 2' });
  });

  it('GIVEN a member with a medium strike, who was never warned THEN a high rumor takes the high ladder\'s warning step, not its mute (a warning before a first mute)', async () => {
    const h = await enforcing(HIGH_LADDER);
    await h.post({ text: TEXT.fiveG });
    const d = await h.post({ text: TEXT.beachGirl });
    expect(d.strikes).toEqual({ before: 1, after: 2 });
    expect(typesOf(d.actions)).toEqual(['log', 'delete', 'warn']);
    expect(d.explain).toContainEqual({ rule: 'ladder_graded', fired: true, reason: 'ladder_graded', detail: 'step 1 instead of 2' });
  });

  it('GIVEN a member warned with a medium strike THEN a high rumor takes step 2 of the high ladder', async () => {
    const h = await enforcing(HIGH_LADDER);
    await offences(h, 2, { text: TEXT.fiveG });
    h.advance(PAST_REPEAT_WINDOW);
    const d = await h.post({ text: TEXT.beachGirl });
    expect(d.strikes).toEqual({ before: 2, after: 3 });
    expect(typesOf(d.actions)).toEqual(['log', 'delete', 'mute']);
  });
});

describe('strikes counted while warnings and mutes were off', () => {
  // Regression (QA, Telegram and Discord): a group that only refuted counted strikes; the owner
  // turned warnings and mutes on, and the member's next rumor muted them for 24 hours at once,
  // never warned, the 1-hour step skipped.
  it('GIVEN three strikes with refutations only, then warn and mute enabled THEN the next offences warn, mute for an hour, then for a day', async () => {
    const h = await enforcing({ enabledActions: ['reply_refutation'] });
    const before = await offences(h, 3);
    expect(typesOf(before.actions)).toEqual(['log', 'reply_refutation']);
    expect(before.strikes.after).toBe(3);
    expect((await h.engine.configure('g-1', { enabledActions: ['reply_refutation', 'warn', 'mute', 'alert_owners'] })).ok).toBe(true);
    const after: Decision[] = [];
    for (let i = 0; i < 3; i++) {
      h.advance(PAST_REPEAT_WINDOW);
      after.push(await h.post({}));
    }
    expect(after.map((d) => [d.strikes.after, typesOf(d.actions), d.actions.find((a) => a.type === 'mute')?.durationMs])).toEqual([
      [4, ['log', 'reply_refutation', 'warn'], undefined],
      [5, ['log', 'reply_refutation', 'alert_owners', 'mute'], 3_600_000],
      [6, ['log', 'reply_refutation', 'alert_owners', 'mute'], 86_400_000],
    ]);
  });
});

describe('a mute while pointers are paced', () => {
  // Regression (QA, Discord): the third post came within the minute of a pointer, so the mute was
  // its only action; the platform refused the mute and the member was told nothing, yet struck.
  it('GIVEN a mute step reached within the minute of a pointer THEN a pointer goes to the member too', async () => {
    const h = await enforcing();
    await h.post({});
    await h.post({});
    const third = await h.post({});
    expect(third.strikes.after).toBe(3);
    expect(typesOf(third.actions)).toEqual(['log', 'pointer', 'alert_owners', 'mute']);
  });

  it('GIVEN a member at the mute step with mutes off, passed over within the minute of a pointer THEN no strike (nothing said to them)', async () => {
    const h = await enforcing({ enabledActions: ['reply_refutation', 'warn'] });
    const cy = { member: { id: 'm-3', name: 'Cy' } };
    await offences(h, 2, cy);
    h.advance(PAST_REPEAT_WINDOW);
    await h.post({});
    await h.post({ member: { id: 'm-2', name: 'Bob' } });
    const third = await h.post(cy);
    expect(third.strikes).toEqual({ before: 2, after: 2 });
    expect(typesOf(third.actions)).toEqual(['log']);
  });
});
