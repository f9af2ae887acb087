import { describe, expect, it } from 'vitest';
import { buildPhraseIndex } from '../../src/matching/phraseIndex.js';
import { prepareMessage } from '../../src/matching/prepareMessage.js';
import { stem } from '../../src/matching/tokenize.js';
import { debunk } from './fixtures.js';

const index = buildPhraseIndex([
  debunk({ id: 'soros', claim: 'George Soros was a Nazi collaborator', lang: 'en' }),
  debunk({ id: 'fyre', claim: 'The Fyre Festival descended into chaos', lang: 'en' }),
]);
const termsAt = (text: string) => {
  const m = prepareMessage(text, index, 16_000);
  const byId = new Map([...index.termIds].map(([term, id]) => [id, term]));
  return m.terms.map((id) => [byId.get(id), m.positions.get(id)]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
};

describe('prepareMessage: words run together', () => {
  it('GIVEN a lowercase hashtag of two known words THEN both count, at its position', () => {
    expect(termsAt('remember #georgesoros funded it')).toEqual([
      [stem('george'), [1]],
      [stem('soros'), [1]],
    ]);
  });

  it('GIVEN a known word THEN it is not cut ("festival" is no "fest" + "ival")', () => {
    expect(termsAt('fyre festival')).toEqual([
      [stem('festival'), [1]],
      [stem('fyre'), [0]],
    ]);
  });

  it('GIVEN an unknown word that no cut makes into two known words THEN nothing is added', () => {
    expect(termsAt('qwertyuiop chaos')).toEqual([[stem('chaos'), [1]]]);
  });
});

describe('prepareMessage: digits written for letters', () => {
  it('GIVEN known words with digits between their letters THEN they count as those words, at their positions', () => {
    expect(termsAt('g30rge s0r0s was a n4z1 c0llab0rat0r')).toEqual([
      [stem('collaborator'), [3]],
      [stem('george'), [0]],
      [stem('nazi'), [2]],
      [stem('soros'), [1]],
    ]);
  });

  it('GIVEN digits that make no known word, or stand after the letters THEN nothing is added ("ub3zog5eka", "h1n1", "soros2")', () => {
    expect(termsAt('ub3zog5eka h1n1 soros2 f3stival')).toEqual([[stem('festival'), [3]]]);
  });
});

describe('prepareMessage: copied tweets', () => {
  it('GIVEN an attribution line THEN the handle and the day are not read, the name, month and year are', () => {
    const m = prepareMessage('Chaos at the festival — George Smith (@fyrefestival) April 20, 2017', index, 16_000);
    expect(m.tokens.map((t) => t.term)).toEqual(['chao', 'festiv', 'georg', 'smith', 'april', '2017'].map((w) => stem(w)));
  });
});

describe('prepareMessage: what passes a rumor on', () => {
  const termsOf = (text: string) => prepareMessage(text, index, 16_000).tokens.map((t) => t.term);

  const claim = ['george', 'soros', 'nazi', 'collaborator'].map(stem);
  it.each([
    'George Soros was a Nazi collaborator, please share',
    'George Soros was a Nazi collaborator. share with your family',
    'George Soros was a Nazi collaborator, spread the word',
  ])('GIVEN %j THEN the urging is not read as words of the message', (text) => {
    expect(termsOf(text)).toEqual(claim);
  });

  it('GIVEN Chinese urging ("大家转起来") THEN its pairs are not read; a bare "转发" is', () => {
    expect(termsOf('盐水漱口预防新冠大家转起来')).not.toContain('转起');
    expect(termsOf('盐水漱口预防新冠大家转起来')).toContain('新冠');
    expect(termsOf('只是在群里转发一下')).toContain('转发');
  });
});

describe('prepareMessage: words misspelled as chat spells them', () => {
  const spelled = buildPhraseIndex([
    debunk({ id: 'towers', claim: '5G towers spread the coronavirus', lang: 'en' }),
    debunk({ id: 'garlic', claim: 'Eating garlic prevents infection', lang: 'en' }),
    debunk({ id: 'word', claim: 'The word of the year is fake', lang: 'en' }),
  ]);
  const termsOf = (text: string) => {
    const m = prepareMessage(text, spelled, 16_000);
    const byId = new Map([...spelled.termIds].map(([term, id]) => [id, term]));
    return m.terms.map((id) => byId.get(id)).sort();
  };

  it.each([
    { given: 'vowels dropped ("towrs sprd")', text: '5g towrs sprd it', then: [stem('5g'), stem('spread'), stem('towers')] },
    { given: 'spelled by ear ("garlik", "infektion")', text: 'garlik stops infektion', then: [stem('garlic'), stem('infection')] },
  ])('GIVEN $given THEN they count as the words they misspell', ({ text, then }) => {
    expect(termsOf(text)).toEqual([...then].sort());
  });

  it('GIVEN an unknown word with a short skeleton that starts otherwise ("weird" and "word") THEN nothing is added', () => {
    expect(termsOf('so weird')).toEqual([]);
  });
});

describe('prepareMessage: an adverb between a Chinese claim\'s words', () => {
  const zh = buildPhraseIndex([debunk({ id: 'mosquito', claim: '蚊子叮咬会传播新冠病毒', lang: 'zh' })]);
  const idOf = (pair: string) => prepareMessage(pair, zh, 100).terms[0];
  it.each([
    { given: '"也"', text: '蚊子叮咬也会传播' },
    { given: '"已经"', text: '蚊子叮咬已经会传播' },
  ])('GIVEN $given splitting a pair of the claim THEN the pair counts, at the pair before the adverb', ({ text }) => {
    const m = prepareMessage(text, zh, 100);
    const id = idOf('咬会')!;
    expect(m.positions.get(id)).toEqual([3]);
  });

  it('GIVEN the adverb between characters that make no pair of the database THEN nothing is added', () => {
    const m = prepareMessage('今天也很热', zh, 100);
    expect(m.terms).toEqual([]);
  });
});

describe('prepareMessage: a number in digits or in Chinese numerals', () => {
  const numbers = buildPhraseIndex([
    debunk({ id: 'climb', claim: '女子为了买肉从十楼爬下', lang: 'zh' }),
    debunk({ id: 'fees', claim: '下个月起物业费上涨50%', lang: 'zh' }),
    debunk({ id: 'ships', claim: '美国的10艘医疗军舰已经开进纽约港', lang: 'zh' }),
  ]);
  const idOf = (text: string) => prepareMessage(text, numbers, 100).terms[0]!;
  const holds = (text: string, term: string) => prepareMessage(text, numbers, 100).positions.get(idOf(term)) !== undefined;

  it('GIVEN digits where the database writes numerals ("从10楼爬下") THEN the pairs of the numerals with their neighbours count', () => {
    expect(holds('从10楼爬下', '十楼')).toBe(true);
    expect(holds('从10楼爬下', '从十')).toBe(true);
  });

  it('GIVEN a percentage in numerals ("涨百分之五十") THEN its number counts', () => {
    expect(holds('物业费涨百分之五十', '50')).toBe(true);
  });

  it('GIVEN numerals that are no percentage ("十倍") THEN their number does not count (it drew in other claims\' numbers)', () => {
    expect(holds('机票是平时的十倍', '10')).toBe(false);
  });
});
