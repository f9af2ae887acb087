import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../src/bench/generateCorpus.js';
import { actThresholdOf } from '../../src/eval/actThreshold.js';
import { createMatcher } from '../../src/matching/matcher.js';
import { debunk } from './fixtures.js';

const ACT = actThresholdOf();

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
