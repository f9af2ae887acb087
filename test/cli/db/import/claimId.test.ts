import { describe, expect, it } from 'vitest';
import { claimId, unusedId } from '../../../../src/debunks/import/claimId.js';

describe('claimId', () => {
  it.each([
    { given: 'an English claim', claim: '5G towers spread the coronavirus!', lang: 'en', then: '5g-towers-spread-the-coronavirus' },
    { given: 'accents', claim: 'Le café guérit le virus', lang: 'fr', then: 'le-cafe-guerit-le-virus' },
    {
      given: 'a long claim (cut at a word, 60 characters at most)',
      claim: 'Holding your breath for ten seconds without coughing proves that you are healthy',
      lang: 'en',
      then: 'holding-your-breath-for-ten-seconds-without-coughing-proves',
    },
    { given: 'a Chinese claim', claim: '蚊子叮咬会传播新冠病毒', lang: 'zh', then: /^zh-[0-9a-f]{8}$/ },
    { given: 'a Chinese claim with Latin letters', claim: '5G基站传播新冠病毒', lang: 'zh-Hant', then: /^zh-[0-9a-f]{8}$/ },
    { given: 'a Russian claim with a Latin word', claim: 'Вышки 5G распространяют вирус', lang: 'ru', then: /^ru-[0-9a-f]{8}$/ },
    { given: 'no words at all', claim: '!!!', lang: 'en', then: /^en-[0-9a-f]{8}$/ },
    { given: 'no usable language', claim: '大蒜', lang: undefined, then: /^claim-[0-9a-f]{8}$/ },
  ])('GIVEN $given THEN $then', ({ claim, lang, then }) => {
    const id = claimId(claim, lang);
    if (typeof then === 'string') expect(id).toBe(then);
    else expect(id).toMatch(then);
    expect(id).toMatch(/^[a-z0-9][a-z0-9._-]{0,79}$/);
  });

  it('GIVEN the same claim twice, with different surrounding spaces THEN the same id (stable across imports)', () => {
    expect(claimId(' 蚊子叮咬会传播新冠病毒', 'zh')).toBe(claimId('蚊子叮咬会传播新冠病毒 ', 'zh'));
  });

  it('GIVEN two different Chinese claims THEN different ids', () => {
    expect(claimId('蚊子叮咬会传播新冠病毒', 'zh')).not.toBe(claimId('喝热水能杀死病毒', 'zh'));
  });
});

describe('unusedId', () => {
  it.each([
    { given: 'a free id', taken: [], then: 'a' },
    { given: 'a taken id', taken: ['a'], then: 'a-2' },
    { given: 'a taken id and its first suffix', taken: ['a', 'a-2'], then: 'a-3' },
  ])('GIVEN $given THEN $then', ({ taken, then }) => {
    expect(unusedId('a', new Set(taken))).toBe(then);
  });
});
