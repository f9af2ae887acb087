import { describe, expect, it } from 'vitest';
import { DEBUNKS, enforcing, FIVE_G_ID, harness, MINUTE, PAST_REPEAT_WINDOW, ruleOf, TEXT, textOf, typesOf } from './harness.js';

const GARLIC_ID = 'garlic-prevents-infection';
const MOSQUITO_ID = 'mosquitoes-spread-coronavirus';
/** Three known rumors in one message, each scoring 1.00. */
const THREE = `${TEXT.fiveG}. ${TEXT.garlic}. Also mosquitoes spread the coronavirus, so use a net.`;
/** Two of them. */
const TWO = `${TEXT.garlic}. Also mosquitoes spread the coronavirus, so use a net.`;

const BOB = { id: 'm-2', name: 'Bob' };

/** A harness whose group `g-1` has these settings over the defaults (refutations only). */
async function configuredWith(override: Record<string, unknown>) {
  const h = harness();
  const result = await h.engine.configure('g-1', override);
  if (!result.ok) throw new Error(`bad test settings: ${result.problems.join('; ')}`);
  return h;
}
const CAROL = { id: 'm-3', name: 'Carol' };

describe('a message carrying several known rumors', () => {
  it('GIVEN two rumors THEN both are refuted in one reply AND both logged, with one strike for the message', async () => {
    const h = harness();
    const d = await h.post({ text: TWO });
    expect(typesOf(d.actions)).toEqual(['log', 'log', 'reply_refutation']);
    expect(d.actions.filter((a) => a.type === 'log').map((a) => a.debunkId)).toEqual([GARLIC_ID, MOSQUITO_ID]);
    const reply = d.actions.find((a) => a.type === 'reply_refutation');
    expect(reply).toMatchObject({ debunkId: GARLIC_ID, also: [expect.objectContaining({ debunkId: MOSQUITO_ID })] });
    // One reply, the refutations one after another.
    expect(textOf(d, 'reply_refutation')?.match(/Fact check/g)).toHaveLength(2);
    expect(reply?.detail).toMatch(new RegExp(`strike 1; matched ".+"; ${MOSQUITO_ID} matched ".+"`));
    expect(d.strikes).toEqual({ before: 0, after: 1 });
    expect(ruleOf(d, 'claims')).toMatchObject({ fired: true, reason: 'several_claims' });
    const strikes = await h.engine.strikesOf('g-1', 'm-1');
    expect(strikes).toHaveLength(1);
    expect(strikes[0]).toMatchObject({ debunkId: GARLIC_ID, also: [MOSQUITO_ID] });
  });

  // QA: a question matching two entries that share their refutation got the same answer twice in one reply.
  it('GIVEN two matched entries with the same refutation and sources THEN the reply says it once, and both are logged and answered', async () => {
    const garlic = DEBUNKS.find((d) => d.id === GARLIC_ID)!;
    const twin = { ...garlic, id: 'garlic-prevents-infection-copy', claim: 'Garlic in every meal protects you from catching the coronavirus' };
    const h = harness({ debunks: [...DEBUNKS, twin] });
    const d = await h.post({ text: `${TEXT.garlic}. Garlic in every meal protects you from catching the coronavirus!` });
    expect(d.actions.filter((a) => a.type === 'log').map((a) => a.debunkId).sort()).toEqual([GARLIC_ID, twin.id].sort());
    const reply = d.actions.find((a) => a.type === 'reply_refutation');
    expect(reply).not.toHaveProperty('also');
    expect(textOf(d, 'reply_refutation')?.match(/Fact check/g)).toHaveLength(1);
    // Both count as answered here: a repeat of either gets a pointer, not a second refutation.
    h.advance(MINUTE);
    expect(typesOf((await h.post({ member: BOB, text: 'Garlic in every meal protects you from catching the coronavirus' })).actions)).toEqual(['log', 'pointer']);
  });

  // QA M1: with repeat silent, a3's message got nothing and only the 5G rumor was logged.
  it('GIVEN repeat silent AND one of the rumors answered just now THEN the others get their refutations, all are logged, and the member one strike', async () => {
    const h = await configuredWith({ repeat: { windowMinutes: 10, later: 'silent' } });
    await h.post({ member: BOB });
    h.advance(MINUTE);
    const d = await h.post({ member: CAROL, text: THREE });
    expect(d.actions.filter((a) => a.type === 'log').map((a) => a.debunkId).sort()).toEqual([FIVE_G_ID, GARLIC_ID, MOSQUITO_ID]);
    const reply = d.actions.find((a) => a.type === 'reply_refutation');
    expect(reply).toMatchObject({ debunkId: GARLIC_ID, also: [expect.objectContaining({ debunkId: MOSQUITO_ID })] });
    expect(typesOf(d.actions)).toEqual(['log', 'log', 'log', 'reply_refutation']);
    expect(d.explain).toContainEqual({ rule: 'repeat', fired: true, reason: 'repeat_silent', detail: `${FIVE_G_ID}: first reply 60 s ago` });
    expect(d.strikes).toEqual({ before: 0, after: 1 });
  });

  it('GIVEN repeat pointer AND one rumor answered just now THEN a pointer for it and a full refutation of the new one', async () => {
    const h = harness();
    await h.post({ member: BOB, link: 'https://t.me/c/1/1' });
    h.advance(MINUTE);
    const d = await h.post({ member: CAROL, text: `${TEXT.fiveG}. ${TEXT.garlic}` });
    expect(typesOf(d.actions)).toEqual(['log', 'log', 'pointer', 'reply_refutation']);
    expect(d.actions.find((a) => a.type === 'pointer')?.debunkId).toBe(FIVE_G_ID);
    expect(d.actions.find((a) => a.type === 'reply_refutation')).toMatchObject({ debunkId: GARLIC_ID });
    expect(d.actions.find((a) => a.type === 'reply_refutation')).not.toHaveProperty('also');
    // The new rumor's refutation is the one later posts of it point to.
    h.advance(MINUTE);
    const later = await h.post({ member: BOB, text: TEXT.garlic });
    expect(typesOf(later.actions)).toEqual(['log', 'pointer']);
  });

  it('GIVEN every rumor of the message answered just now, repeat silent THEN nothing is said and no strike (nobody was told)', async () => {
    const h = await configuredWith({ repeat: { windowMinutes: 10, later: 'silent' } });
    await h.post({ member: BOB, text: TWO });
    h.advance(MINUTE);
    const d = await h.post({ member: CAROL, text: TWO });
    expect(typesOf(d.actions)).toEqual(['log', 'log']);
    expect(d.strikes).toEqual({ before: 0, after: 0 });
    expect(ruleOf(d, 'ladder')).toMatchObject({ fired: false, reason: 'not_told' });
  });

  it('GIVEN a rumor edited to add a second one THEN only the new one is answered, and it counts as a new post', async () => {
    const h = await enforcing();
    await h.post({ messageId: 'm-100', text: TEXT.garlic });
    h.advance(PAST_REPEAT_WINDOW);
    const edited = await h.post({ messageId: 'm-100', edited: true, text: TWO });
    expect(edited.strikes).toEqual({ before: 1, after: 2 });
    expect(edited.actions.find((a) => a.type === 'reply_refutation')).toMatchObject({ debunkId: MOSQUITO_ID });
    expect(ruleOf(edited, 'edit')).toMatchObject({ fired: false, reason: 'first_count', detail: `edited message; already counted for ${GARLIC_ID}` });
    // Edited once more with both: counted for both already.
    const again = await h.post({ messageId: 'm-100', edited: true, text: `${TWO}!!` });
    expect(again.strikes).toEqual({ before: 2, after: 2 });
    expect(typesOf(again.actions)).toEqual(['log', 'log']);
  });

  it('GIVEN several rumors from an exempt admin THEN each is refuted, no strike, and an edit does not repeat them', async () => {
    const h = await enforcing();
    const d = await h.post({ messageId: 'm-100', text: TWO, member: { isAdmin: true } });
    expect(typesOf(d.actions)).toEqual(['log', 'log', 'reply_refutation']);
    expect(d.strikes.after).toBe(0);
    h.advance(PAST_REPEAT_WINDOW);
    const edited = await h.post({ messageId: 'm-100', edited: true, text: TWO, member: { isAdmin: true } });
    expect(typesOf(edited.actions)).toEqual(['log', 'log']);
  });

  it('GIVEN a question about two rumors THEN both are answered in one reply, no strike', async () => {
    const h = harness();
    const d = await h.post({ text: 'Is it true that eating garlic prevents infection with the coronavirus and that mosquitoes spread the coronavirus?' });
    expect(d.stance).toBe('question');
    const reply = d.actions.find((a) => a.type === 'reply_refutation');
    expect(reply?.also?.map((r) => r.debunkId)).toEqual([MOSQUITO_ID]);
    expect(d.strikes.after).toBe(0);
  });

  it('GIVEN the matcher asked for more matches than the engine acts on THEN at most MAX_CLAIMS_PER_MESSAGE are', async () => {
    const { claimsToAct, MAX_CLAIMS_PER_MESSAGE } = await import('../../src/engine/decide.js');
    const h = harness();
    const settings = await h.engine.settingsFor('g-1');
    const byId = new Map([...h.engine.debunks()].map((d) => [d.id, d]));
    const many = [...byId.keys()].map((debunkId) => ({ debunkId, score: 1, explanation: { phrase: { kind: 'claim' as const, text: '' }, excerpt: '', start: 0, end: 0, retrieval: 0, coverage: 1, similarity: 1 } }));
    const claims = claimsToAct({ matches: many, stance: 'spread', stanceCues: [], refuting: false, refutingCues: [] }, settings, byId);
    expect(claims).toHaveLength(MAX_CLAIMS_PER_MESSAGE);
  });

  it('GIVEN a dry run THEN replay and evaluate decide the same for several rumors', async () => {
    const h = harness();
    const settings = await h.engine.settingsFor('g-1');
    const messages = [h.message({ member: BOB }), h.message({ member: CAROL, text: THREE })];
    const replayed = h.engine.replay(messages, settings);
    expect(typesOf(replayed[1]!.actions)).toEqual(['log', 'log', 'log', 'pointer', 'reply_refutation']);
    expect(replayed[1]!.strikes).toEqual({ before: 0, after: 1 });
  });

  it('GIVEN a question whose second match is only above the answer threshold ("5G基站會傳播新冠病毒嗎", mosquitoes at 0.59) THEN only its own rumor is answered', async () => {
    const h = harness();
    const d = await h.post({ text: '5G基站會傳播新冠病毒嗎' });
    expect(d.actions.filter((a) => a.type === 'log').map((a) => a.debunkId)).toEqual([FIVE_G_ID]);
    expect(d.actions.find((a) => a.type === 'reply_refutation')).not.toHaveProperty('also');
    expect(d.strikes).toEqual({ before: 0, after: 0 });
  });
});
