import { describe, expect, it } from 'vitest';
import { buildPhraseIndex, phraseAt } from '../../src/matching/phraseIndex.js';
import { debunk } from './fixtures.js';

const termsOf = (index: ReturnType<typeof buildPhraseIndex>, phrase: number, names: boolean) => {
  const byId = new Map([...index.termIds].map(([term, id]) => [id, term]));
  const p = phraseAt(index, phrase);
  return Array.from(p.terms).filter((_, k) => (p.names[k] === 1) === names).map((t) => byId.get(t));
};

describe('buildPhraseIndex: names', () => {
  const index = buildPhraseIndex([
    debunk({
      id: 'royals',
      claim: "A video shows Meghan Markle and Prince Harry behaving oddly in a talent show audience.",
      variants: ['Did Meghan and Harry Behave Oddly at a Talent Show?'],
      lang: 'en',
    }),
  ]);

  it('GIVEN words capitalized mid-sentence in the claim THEN they are names, the rest is content', () => {
    expect(termsOf(index, 0, true)).toEqual(['meghan', 'markl', 'princ', 'hari']);
    expect(termsOf(index, 0, false)).toEqual(['video', 'show', 'behav', 'odli', 'talent', 'audienc']);
  });

  it('GIVEN a headline capitalizing every word THEN only what the claim writes as names are names', () => {
    expect(termsOf(index, 1, true)).toEqual(['meghan', 'hari']);
  });

  it('GIVEN a word with a capital inside it opening the claim THEN it is a name ("WhatsApp" was content, so any news of the app told the claim)', () => {
    const app = buildPhraseIndex([debunk({ id: 'app', claim: 'WhatsApp will start charging unless you forward this message', lang: 'en' })]);
    expect(termsOf(app, 0, true)).toEqual(['whatsap']);
  });
});

describe('buildPhraseIndex: copies of a claim', () => {
  it('GIVEN the same claim twice, quoted differently THEN the later one points to the first', () => {
    const index = buildPhraseIndex([
      debunk({ id: 'a', claim: 'Trump "crashed" a wedding', lang: 'en' }),
      debunk({ id: 'b', claim: 'Bill Gates will pay you', lang: 'en' }),
      debunk({ id: 'c', claim: "Trump 'crashed' a wedding", lang: 'en' }),
    ]);
    expect(Array.from(index.sameClaimAs)).toEqual([0, 1, 0]);
  });
});
