import { describe, expect, it } from 'vitest';
import { enforcing, FIVE_G_ID, FIVE_G_SOURCE, PAST_REPEAT_WINDOW, ruleOf, typesOf } from './harness.js';

describe('members who refute a rumor are never punished', () => {
  it.each([
    { given: 'an English hoax notice', text: 'This is a hoax: 5G towers spread the coronavirus is false', cues: ['hoax', 'false'] },
    { given: 'a Chinese 辟谣 notice', text: '辟谣：5G基站会传播新冠病毒', cues: ['辟谣'] },
    { given: "a link to the debunk's source", text: `5G towers spread the coronavirus ${FIVE_G_SOURCE}`, cues: [`source:${FIVE_G_SOURCE}`] },
    { given: 'a fact-check phrase', text: 'Fact check: 5G towers spread the coronavirus? No evidence at all', cues: ['no evidence'] },
  ])('GIVEN a member with one strike AND $given THEN no strike, no reply, refuting fired', async ({ text, cues }) => {
    const h = await enforcing();
    await h.post();
    h.advance(PAST_REPEAT_WINDOW);
    const d = await h.post({ text });
    expect(d.matches[0]?.debunkId).toBe(FIVE_G_ID);
    expect(d.refuting).toBe(true);
    expect(d.refutingCues).toEqual(cues);
    expect(d.strikes).toEqual({ before: 1, after: 1 });
    expect(typesOf(d.actions)).toEqual(['log']);
    expect(d.withheld).toEqual([]);
    expect(ruleOf(d, 'refuting')).toEqual({ rule: 'refuting', fired: true, reason: 'refuting', detail: `refute: ${cues.join(', ')}` });
    // Nothing after the refuting rule is considered.
    expect(d.explain.map((r) => r.rule)).toEqual(['threshold', 'refuting']);
    expect(await h.engine.strikesOf('g-1', 'm-1')).toHaveLength(1);
  });

  it.each([
    { given: 'a negated cue', text: 'This is not a hoax: 5G towers spread the coronavirus' },
    { given: 'the plain rumor', text: '5G towers spread the coronavirus' },
  ])('GIVEN $given THEN it is not refuting and counts as a strike', async ({ text }) => {
    const h = await enforcing();
    const d = await h.post({ text });
    expect(d.refuting).toBe(false);
    expect(ruleOf(d, 'refuting')).toEqual({ rule: 'refuting', fired: false, reason: 'not_refuting' });
    expect(d.strikes).toEqual({ before: 0, after: 1 });
  });

  it('GIVEN a refutation first THEN a spreader moments later still gets the full refutation, not a pointer', async () => {
    const h = await enforcing();
    await h.post({ member: { id: 'm-1' }, text: '辟谣：5G基站会传播新冠病毒' });
    const d = await h.post({ member: { id: 'm-2', name: 'Bob' } });
    expect(typesOf(d.actions)).toEqual(['log', 'reply_refutation']);
  });
});

describe('stance: only spreading climbs the ladder', () => {
  it('GIVEN a member with one strike AND a question THEN the refutation is answered kindly AND no strike', async () => {
    const h = await enforcing();
    await h.post({ member: { id: 'm-1' }, text: '5G towers spread the coronavirus' });
    h.advance(PAST_REPEAT_WINDOW);
    const d = await h.post({ member: { id: 'm-1' }, text: 'is it true that 5G towers spread the coronavirus?' });
    expect(d.stance).toBe('question');
    expect(d.refuting).toBe(false);
    expect(typesOf(d.actions)).toEqual(['log', 'reply_refutation']);
    const reply = d.actions.find((a) => a.type === 'reply_refutation');
    expect(reply?.type === 'reply_refutation' && reply.refutation.stance).toBe('question');
    expect(d.strikes).toEqual({ before: 1, after: 1 });
    expect(ruleOf(d, 'refuting')).toMatchObject({ fired: true, reason: 'asking', detail: expect.stringMatching(/^question: is it true/) });
  });

  it.each([
    { given: 'disbelief', text: 'My grandma says 5G towers spread the coronavirus, lol no', stance: 'mock', reason: 'mocking' },
    { given: 'a refutation', text: '5G towers spread the coronavirus? That is a hoax, debunked by the WHO', stance: 'refute', reason: 'refuting' },
  ])('GIVEN $given THEN no strike AND no reply AND the explanation names the stance', async ({ text, stance, reason }) => {
    const h = await enforcing();
    const d = await h.post({ text });
    expect(d.stance).toBe(stance);
    expect(typesOf(d.actions)).toEqual(['log']);
    expect(d.strikes).toEqual({ before: 0, after: 0 });
    expect(ruleOf(d, 'refuting')).toMatchObject({ fired: true, reason, detail: expect.stringMatching(new RegExp(`^${stance}: `)) });
  });

  it.each([
    { given: 'distrust of the fact-checkers', text: '5G towers spread the coronavirus. Snopes is paid to lie' },
    { given: '"别信官方辟谣，赶紧转发"', text: '5G基站会传播新冠病毒，别信官方辟谣，赶紧转发' },
  ])('GIVEN $given THEN spreading: a strike', async ({ text }) => {
    const h = await enforcing();
    const d = await h.post({ text });
    expect(d.stance).toBe('spread');
    expect(d.strikes).toEqual({ before: 0, after: 1 });
  });
});

describe('questions are answered from thresholds.answer, which may sit below act', () => {
  const question = 'did someone say 5G spreads covid?';

  it('GIVEN a question scoring between answer and act THEN it gets the refutation and no strike; without answer it is only logged', async () => {
    const probe = await enforcing();
    const first = await probe.post({ text: question });
    const score = first.matches[0]?.score ?? 0;
    expect(first.stance).toBe('question');
    expect(score).toBeGreaterThan(0.45);
    expect(score).toBeLessThan(0.99);
    const act = Math.min(1, score + 0.01);
    const answering = await enforcing({ thresholds: { suggest: 0.3, act, answer: score - 0.01 } });
    const answered = await answering.post({ text: question });
    expect(typesOf(answered.actions)).toEqual(['log', 'reply_refutation']);
    expect(answered.strikes).toEqual({ before: 0, after: 0 });
    expect(ruleOf(answered, 'threshold')).toMatchObject({ fired: true, reason: 'at_answer' });
    const silent = await enforcing({ thresholds: { suggest: 0.3, act, answer: act } });
    const logged = await silent.post({ text: question });
    expect(typesOf(logged.actions)).toEqual(['log']);
    expect(ruleOf(logged, 'threshold')).toMatchObject({ fired: false, reason: 'suggest_only' });
  });

  it('GIVEN a message that spreads at the same score THEN answer does not lower the bar for it', async () => {
    const spread = '5G spreads covid';
    const probe = await enforcing();
    const score = (await probe.post({ text: spread })).matches[0]?.score ?? 0;
    expect(score).toBeLessThan(0.99);
    const h = await enforcing({ thresholds: { suggest: 0.3, act: Math.min(1, score + 0.01), answer: 0.3 } });
    const d = await h.post({ text: spread });
    expect(d.stance).toBe('spread');
    expect(typesOf(d.actions)).toEqual(['log']);
    expect(d.strikes).toEqual({ before: 0, after: 0 });
  });

  it('GIVEN suggest raised above answer THEN the change is taken and a question below suggest is only looked at, not answered', async () => {
    const question = 'did someone say 5G spreads covid?';
    const score = (await (await enforcing()).post({ text: question })).matches[0]?.score ?? 0;
    expect(score).toBeGreaterThan(0.5);
    const h = await enforcing();
    const changed = await h.engine.configure('g-1', { thresholds: { suggest: Math.min(1, score + 0.01), act: 1, answer: 0.5 } });
    expect(changed.ok).toBe(true);
    const d = await h.post({ text: question });
    expect(d.actions).toEqual([]);
    expect(ruleOf(d, 'threshold')).toMatchObject({ fired: false, reason: 'below_suggest' });
  });

});
