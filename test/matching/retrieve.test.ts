import { describe, expect, it } from 'vitest';
import type { Debunk } from '../../src/debunks/schema.js';
import { buildPhraseIndex } from '../../src/matching/phraseIndex.js';
import { Accumulator, retrieve } from '../../src/matching/retrieve.js';
import { createMatcher } from '../../src/matching/matcher.js';

// Debunks that all share the same common words and differ by one rare code word each (its
// number in digits, which the tokenizer never folds), so the common words' posting lists are
// as long as the database.
const CODE_WORDS = Array.from({ length: 3000 }, (_, i) => `zq${i}x`);
const debunks: Debunk[] = CODE_WORDS.map((code, i) => ({
  id: `d${i}`,
  claim: `the government hides the vaccine danger ${code}${i % 2 === 0 ? ' in hospitals' : ''}`,
  variants: [],
  verdict: 'false',
  refutation: 'no',
  sources: [{ title: 't', url: 'https://example.org/' }],
  tags: [],
  severity: 'medium',
  lang: 'en',
  published: '2024-01-01',
  example: false,
}));
const index = buildPhraseIndex(debunks);
const termsOf = (text: string) =>
  text.split(' ').map((w) => index.termIds.get(w)).filter((t): t is number => t !== undefined);

describe('retrieve: bounded work', () => {
  it('GIVEN a budget far below the common words\' postings THEN the rare word still finds its debunk', () => {
    const limits = { maxQueryTerms: 256, maxPostings: 100, candidates: 5 };
    const found = retrieve(index, termsOf('govern hide vaccin danger zq83x'), limits, new Accumulator(debunks.length));
    expect(found[0]?.debunkIndex).toBe(CODE_WORDS.indexOf('zq83x'));
  });

  it('GIVEN only common words beyond the budget THEN the rarest is read anyway and something is found', () => {
    const limits = { maxQueryTerms: 256, maxPostings: 100, candidates: 5 };
    const found = retrieve(index, termsOf('govern hide vaccin danger'), limits, new Accumulator(debunks.length));
    expect(found.length).toBe(5);
  });

  it('GIVEN common words left unread THEN their weight still orders the candidates found by rare words', () => {
    // The message has the code words of d0 and d1, and "hospital", a word too common to read
    // within the budget that only d0 (even numbers) contains. Without completing the common
    // terms, d1 would rank first: its claim is shorter, so BM25 weighs its code word higher.
    const limits = { maxQueryTerms: 256, maxPostings: 2, candidates: 2 };
    const found = retrieve(index, termsOf('zq1x zq0x hospit'), limits, new Accumulator(debunks.length));
    expect(found.map((c) => debunks[c.debunkIndex]!.id)).toEqual(['d0', 'd1']);
  });

  it('GIVEN a message far longer than any chat platform allows THEN only the first part is read', () => {
    const matcher = createMatcher(debunks);
    const rumor = `the government hides the vaccine danger ${CODE_WORDS[7]}`;
    const tail = ' lorem ipsum'.repeat(200_000);
    expect(matcher.match(rumor + tail).matches[0]?.debunkId).toBe('d7');
    // Past the reading limit (16,000 characters) the same rumor is not seen.
    expect(matcher.match(tail + rumor).matches).toEqual([]);
  });
});
