import { describe, expect, it } from 'vitest';
import { enforcing, PAST_REPEAT_WINDOW, ruleOf, TEXT, typesOf } from './harness.js';

describe('edited messages', () => {
  it.each([
    { given: 'the same text', edit: TEXT.fiveG, wait: 0 },
    { given: 'a reworded version of the same rumor', edit: 'Guys, 5G towers spread the coronavirus!!!', wait: 0 },
    { given: 'the same rumor in Chinese', edit: TEXT.fiveGZh, wait: 0 },
    { given: 'the same rumor, edited an hour later', edit: TEXT.fiveG, wait: 60 * 60_000 },
  ])('GIVEN a counted rumor edited to $given THEN no second strike and no second reply', async ({ edit, wait }) => {
    const h = await enforcing();
    const original = await h.post({ messageId: 'm-100' });
    h.advance(wait);
    const edited = await h.post({ messageId: 'm-100', edited: true, text: edit });
    expect(original.strikes).toEqual({ before: 0, after: 1 });
    expect(edited.strikes).toEqual({ before: 1, after: 1 });
    expect(typesOf(edited.actions)).toEqual(['log']);
    expect(edited.withheld).toEqual([]);
    expect(ruleOf(edited, 'edit')).toEqual({ rule: 'edit', fired: true, reason: 'already_counted', detail: 'edited message' });
    expect(await h.engine.strikesOf('g-1', 'm-1')).toHaveLength(1);
  });

  it('GIVEN a harmless message edited INTO a rumor THEN it counts like a new one', async () => {
    const h = await enforcing();
    const original = await h.post({ messageId: 'm-100', text: TEXT.chatter });
    h.advance(PAST_REPEAT_WINDOW);
    const edited = await h.post({ messageId: 'm-100', edited: true });
    expect(original.strikes).toEqual({ before: 0, after: 0 });
    expect(edited.strikes).toEqual({ before: 0, after: 1 });
    expect(typesOf(edited.actions)).toEqual(['log', 'reply_refutation']);
    expect(ruleOf(edited, 'edit')).toEqual({ rule: 'edit', fired: false, reason: 'first_count', detail: 'edited message' });
  });

  it('GIVEN a rumor edited into another rumor THEN the new rumor counts', async () => {
    const h = await enforcing();
    await h.post({ messageId: 'm-100' });
    const edited = await h.post({ messageId: 'm-100', edited: true, text: TEXT.garlic });
    expect(edited.strikes).toEqual({ before: 1, after: 2 });
  });

  it('GIVEN a refuting message edited into the bare rumor THEN the edit counts', async () => {
    const h = await enforcing();
    const refuting = await h.post({ messageId: 'm-100', text: '辟谣：5G基站会传播新冠病毒' });
    const edited = await h.post({ messageId: 'm-100', edited: true, text: TEXT.fiveGZh });
    expect(refuting.strikes.after).toBe(0);
    expect(edited.strikes).toEqual({ before: 0, after: 1 });
  });

  it('GIVEN a question answered, then edited into the rumor itself THEN the edit counts (strike 1), and the refutation already under it is neither repeated nor pointed to', async () => {
    const h = await enforcing();
    const asked = await h.post({ messageId: 'm-100', text: 'Is it true that 5G towers spread the coronavirus?' });
    expect(typesOf(asked.actions)).toEqual(['log', 'reply_refutation']);
    expect(asked.strikes.after).toBe(0);
    h.advance(60_000);
    const edited = await h.post({ messageId: 'm-100', edited: true, text: '5G towers spread the coronavirus. Share this!' });
    expect(edited.strikes).toEqual({ before: 0, after: 1 });
    expect(ruleOf(edited, 'edit')).toMatchObject({ fired: false, reason: 'first_count' });
    expect(typesOf(edited.actions)).toEqual(['log']);
    expect(ruleOf(edited, 'repeat')).toMatchObject({ fired: true, reason: 'repeat_here' });
    // Edited once more: counted already.
    const again = await h.post({ messageId: 'm-100', edited: true, text: '5G towers spread the coronavirus!!' });
    expect(again.strikes).toEqual({ before: 1, after: 1 });
  });

  it('GIVEN a rumor edited into a question about it THEN no pointer to its own refutation', async () => {
    const h = await enforcing();
    await h.post({ messageId: 'm-100' });
    const edited = await h.post({ messageId: 'm-100', edited: true, text: 'Is it true that 5G towers spread the coronavirus?' });
    expect(typesOf(edited.actions)).toEqual(['log']);
  });

  it('GIVEN a rumor from an exempt admin edited THEN the refutation is not repeated', async () => {
    const h = await enforcing();
    await h.post({ messageId: 'm-100', member: { isAdmin: true } });
    h.advance(PAST_REPEAT_WINDOW);
    const edited = await h.post({ messageId: 'm-100', edited: true, member: { isAdmin: true } });
    expect(typesOf(edited.actions)).toEqual(['log']);
  });

  it('GIVEN the same message id in another group THEN it is another message', async () => {
    const h = await enforcing();
    await h.post({ messageId: 'm-100' });
    const other = await h.post({ messageId: 'm-100', groupId: 'g-2' });
    expect(other.strikes).toEqual({ before: 0, after: 1 });
  });

  // QA M2: "Sorry, my bad: eating garlic does NOT prevent infection" kept the strike.
  it.each([
    { given: 'a correction that refutes it', edit: 'Sorry, my bad: eating garlic does NOT prevent infection with the coronavirus', reason: 'edit_refutes' },
    { given: 'something else entirely', edit: TEXT.chatter, reason: 'edit_unmatched' },
  ])('GIVEN a struck rumor edited into $given THEN the strike is withdrawn, nothing is said, and the decision names it for the ledger', async ({ edit, reason }) => {
    const h = await enforcing();
    await h.post({ messageId: 'm-other', text: TEXT.fiveG });
    h.advance(PAST_REPEAT_WINDOW);
    const original = await h.post({ messageId: 'm-100', text: TEXT.garlic });
    expect(original.strikes).toEqual({ before: 1, after: 2 });
    h.advance(60_000);
    const edited = await h.post({ messageId: 'm-100', edited: true, text: edit });
    expect(edited.strikes).toEqual({ before: 2, after: 1 });
    expect(edited.withdrawn).toEqual({ messageId: 'm-100', debunkIds: ['garlic-prevents-infection'], strikes: 1, reason, muteKept: false });
    expect(ruleOf(edited, 'edit')).toMatchObject({ fired: true, reason });
    expect(typesOf(edited.actions).filter((t) => t !== 'log')).toEqual([]);
    const left = await h.engine.strikesOf('g-1', 'm-1');
    expect(left.map((s) => s.messageId)).toEqual(['m-other']);
    // Nothing left to withdraw: an accepted dispute finds no strike of the message either.
    expect(await h.engine.withdrawStrike('g-1', 'm-100')).toEqual({ removed: 0 });
    // Edited back into the rumor: a new post again (README), strike 2 once more.
    const back = await h.post({ messageId: 'm-100', edited: true, text: TEXT.garlic });
    expect(back.strikes).toEqual({ before: 1, after: 2 });
  });

  it('GIVEN a struck rumor edited into a question THEN the strike stays (asking is no correction)', async () => {
    const h = await enforcing();
    await h.post({ messageId: 'm-100' });
    const edited = await h.post({ messageId: 'm-100', edited: true, text: 'Is it true that 5G towers spread the coronavirus?' });
    expect(edited.strikes).toEqual({ before: 1, after: 1 });
    expect(edited.withdrawn).toBeUndefined();
  });

  it('GIVEN a message that refutes from the start, or an unedited refutation THEN nothing is withdrawn', async () => {
    const h = await enforcing();
    await h.post({ messageId: 'm-100' });
    const other = await h.post({ messageId: 'm-101', text: '5G towers do NOT spread the coronavirus, that is a myth' });
    expect(other.withdrawn).toBeUndefined();
    expect(other.strikes).toEqual({ before: 1, after: 1 });
  });

  it('GIVEN a struck rumor that came with a mute, edited into a refutation THEN the strike goes and the decision says the mute is kept', async () => {
    const h = await enforcing();
    for (const id of ['m-1', 'm-2']) {
      await h.post({ messageId: id });
      h.advance(PAST_REPEAT_WINDOW);
    }
    const muted = await h.post({ messageId: 'm-3' });
    expect(typesOf(muted.actions)).toContain('mute');
    const edited = await h.post({ messageId: 'm-3', edited: true, text: '5G towers do NOT spread the coronavirus, that is a myth' });
    expect(edited.strikes).toEqual({ before: 3, after: 2 });
    expect(edited.withdrawn).toMatchObject({ muteKept: true });
  });

  it('GIVEN a dry run of the correcting edit THEN it says so and the strike stays', async () => {
    const h = await enforcing();
    await h.post({ messageId: 'm-100' });
    const dry = await h.post({ messageId: 'm-100', edited: true, text: TEXT.chatter }, { dryRun: true });
    expect(dry.withdrawn).toMatchObject({ reason: 'edit_unmatched' });
    expect(await h.engine.strikesOf('g-1', 'm-1')).toHaveLength(1);
  });
});
