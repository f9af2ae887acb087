import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../src/bench/generateCorpus.js';
import { actThresholdOf, SHIPPED_RULES_FILE } from '../../src/eval/actThreshold.js';
import { createMatcher } from '../../src/matching/matcher.js';
import { loadSettingsFile } from '../../src/rules/loadSettings.js';
import { debunk } from './fixtures.js';

const ACT = actThresholdOf();
const shipped = loadSettingsFile(SHIPPED_RULES_FILE);
if (!shipped.ok) throw new Error('rules/default.yaml does not load');
/** The shipped rules' `thresholds.answer`: questions are answered from it. */
const ANSWER = shipped.settings.thresholds.answer ?? ACT;

describe('a short English claim said whole in other words, in a database large in English', () => {
  // 92 generated English claims: past the smallest set the verifier is fitted on (45), so only
  // the short-claim rule (four terms or fewer, said in part and out of order) caps these.
  const english = generateCorpus({ claims: 200, messages: 1 }).debunks.filter((d) => [d.claim, ...d.variants].every((t) => !/\p{Script=Han}/u.test(t)));
  const webster = debunk({ id: 'webster', claim: 'Webster defines teacher as babysitter', lang: 'en' });
  const thunberg = debunk({ id: 'thunberg', claim: 'Greta Thunberg owns windmills', lang: 'en' });
  const matcher = createMatcher([...english, webster, thunberg]);

  it('GIVEN the database THEN it is large in English', () => {
    expect(english.length).toBeGreaterThan(45);
  });

  it.each([
    { given: 'another form of a word the stemmer keeps apart ("definition" for "defines"), out of order', text: "Webster's definition of babysitter is teacher now, unbelievable", id: 'webster' },
    { given: 'a surname for the whole name, out of order', text: 'Windmills? Of course Thunberg owns them', id: 'thunberg' },
  ])('GIVEN $given THEN it acts (it was held at 0.75 as said in part)', ({ text, id }) => {
    const top = matcher.match(text).matches[0];
    expect(top?.debunkId).toBe(id);
    expect(top?.score).toBeGreaterThanOrEqual(ACT);
  });

  it.each([
    { given: 'a word of the claim left out, the rest out of order', text: 'Babysitter or teacher, ask Webster' },
    { given: 'the surname and one more word', text: 'Windmills everywhere on the Thunberg farm road' },
  ])('GIVEN $given THEN nothing acts', ({ text }) => {
    for (const m of matcher.match(text).matches) expect(m.score).toBeLessThan(ACT);
  });
});

describe('a Chinese question naming a claim’s places and one word of it, past a small database', () => {
  // 60 generated Chinese claims: past the smallest set the verifier is fitted on (47).
  const chinese = generateCorpus({ claims: 200, messages: 1 })
    .debunks.filter((d) => [d.claim, ...d.variants].every((t) => !/[A-Za-z]/.test(t)))
    .slice(0, 60);
  const swim = debunk({ id: 'swim', claim: '深圳一男子为躲避隔离游泳到香港', lang: 'zh' });
  const matcher = createMatcher([...chinese, swim]);

  it('GIVEN a question about crossing between the places (once 0.90, answered) THEN it is not answered', () => {
    const found = matcher.match('深圳去香港现在要隔离吗？我妈在香港');
    expect(found.stance).toBe('question');
    for (const m of found.matches) expect(m.score).toBeLessThan(ANSWER);
  });

  it.each([
    { given: 'asking whether it is true', text: '深圳有人游泳到香港躲隔离，真的假的？', stance: 'question' },
    { given: 'asking about what the man did', text: '深圳人游泳到香港了？', stance: 'question' },
    { given: 'retold with the places and one word more', text: '深圳男的游泳去香港躲隔离 笑死', stance: 'spread' },
  ])('GIVEN $given THEN the claim is matched from the act threshold', ({ text, stance }) => {
    const found = matcher.match(text);
    expect(found.stance).toBe(stance);
    expect(found.matches[0]?.debunkId).toBe('swim');
    expect(found.matches[0]?.score).toBeGreaterThanOrEqual(ACT);
  });
});

describe('names only, in a database the size of a group\'s (more English claims than 45, fewer than 1,000)', () => {
  const english = generateCorpus({ claims: 200, messages: 1 }).debunks.filter((d) => [d.claim, ...d.variants].every((t) => !/\p{Script=Han}/u.test(t)));
  const ratings = debunk({ id: 'sotu-ratings', claim: "More people watched President Trump's 2019 State of the Union address on television than watched Super Bowl LIII.", lang: 'en' });
  const travel = debunk({ id: 'au-advisory', claim: 'An African Union Travel Advisory warned Africans heading for the U.S. about "continued instability" in America.', lang: 'en' });
  const broomstick = debunk({ id: 'broomstick', claim: 'Secret Service and military personnel have used the designation "Broomstick One" for aircraft carrying Hillary Clinton.', lang: 'en' });
  const matcher = createMatcher([...english, ratings, travel, broomstick]);

  it('GIVEN the database THEN it is past the smallest fitted set in English', () => {
    expect(english.length).toBeGreaterThan(45);
  });

  it.each([
    { given: 'a game named by the claim (once 0.89)', text: 'Super Bowl LIII in 2019 was on the news, so boring' },
    { given: 'an institution named by the claim (once 0.89)', text: 'African Union Travel Advisory was on the news, so boring' },
  ])('GIVEN chatter sharing only $given THEN it does not act', ({ text }) => {
    for (const m of matcher.match(text).matches) expect(m.score).toBeLessThan(ACT);
  });

  it('GIVEN three of the claim\'s names THEN it still acts: they tell the claim by themselves', () => {
    const top = matcher.match('apparently the secret service calls Hillary\'s plane "Broomstick One" 😂😂').matches[0];
    expect(top?.debunkId).toBe('broomstick');
    expect(top?.score).toBeGreaterThanOrEqual(ACT);
  });

  it('GIVEN a question naming the claim\'s names only THEN it is still answered', () => {
    const top = matcher.match('what do you all think of the African Union Travel Advisory? is it real?').matches[0];
    expect(top?.debunkId).toBe('au-advisory');
    expect(top?.score).toBeGreaterThanOrEqual(ANSWER);
  });
});
