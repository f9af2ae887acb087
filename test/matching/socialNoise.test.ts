import { describe, expect, it } from 'vitest';
import { findAttributionNoise, mergeSpans } from '../../src/matching/socialNoise.js';
import { findUrls } from '../../src/matching/urls.js';

const cut = (text: string, spans: readonly { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

describe('links as copied tweets write them', () => {
  it.each([
    { given: 'a link glued to a hashtag', text: '#DefundTheCBChttps://t.co/CsHG8R9cHp now', then: ['https://t.co/CsHG8R9cHp'] },
    { given: 'a picture link without a scheme', text: 'look pic.twitter.com/0eJtwJyS1J wow', then: ['pic.twitter.com/0eJtwJyS1J'] },
    { given: 'a picture link glued to a hashtag', text: '#emptychairspic.twitter.com/WqyOHs0NIX', then: ['pic.twitter.com/WqyOHs0NIX'] },
    { given: 'an ordinary link', text: 'see https://example.com/a, ok', then: ['https://example.com/a,'] },
  ])('$given is a link', ({ text, then }) => {
    expect(findUrls(text).map((u) => u.url)).toEqual(then);
  });

  it('leaves a word ending in "pic" that is no link alone', () => {
    expect(findUrls('an epic.twitter thread')).toEqual([]);
  });
});

describe('findAttributionNoise', () => {
  it('finds the handle and the day of a copied tweet, keeping name, month and year', () => {
    const text = 'Wombats are sheltering animals — Center for Bio Div (@CenterForBioDiv) January 14, 2020';
    expect(cut(text, findAttributionNoise(text))).toEqual(['(@CenterForBioDiv)', '14,']);
  });

  it('finds every attribution of a message quoting several tweets', () => {
    const text = 'Quote one — A B (@ab) July 25, 2019 and two - C D (@cd_1) Oct 3, 19';
    expect(cut(text, findAttributionNoise(text))).toEqual(['(@ab)', '25,', '(@cd_1)', '3,']);
  });

  it.each([
    { given: 'a handle without a date', text: 'ask @someone about it (@someone) tomorrow' },
    { given: 'a dash without an attribution', text: 'it is true — everyone knows (really) May 5' },
  ])('finds nothing in $given', ({ text }) => {
    expect(findAttributionNoise(text)).toEqual([]);
  });
});

describe('mergeSpans', () => {
  it('orders and joins overlapping spans', () => {
    expect(mergeSpans([{ start: 0, end: 5 }, { start: 20, end: 30 }], [{ start: 3, end: 8 }, { start: 10, end: 12 }])).toEqual([
      { start: 0, end: 8 },
      { start: 10, end: 12 },
      { start: 20, end: 30 },
    ]);
  });
});
