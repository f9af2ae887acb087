import { describe, expect, it } from 'vitest';
import { DebunkSchema } from '../../src/debunks/schema.js';
import { toEvalDebunk, type EvalClaim } from '../../src/eval/evalDebunk.js';

const claim: EvalClaim = {
  id: '42',
  claim: ' Sharks swim on the highway. ',
  variants: ['Sharks on the Highway?'],
  refutation: 'Sharks on the Highway?',
  sourceTitle: 'Sharks on the Highway?',
  sourceUrl: 'https://www.snopes.com/',
  lang: 'en',
};

describe('toEvalDebunk', () => {
  it('GIVEN a claim from an evaluation set THEN it becomes a debunk the schema accepts', () => {
    const debunk = toEvalDebunk(claim);
    expect(DebunkSchema.parse(debunk)).toEqual(debunk);
    expect(debunk).toMatchObject({
      id: '42',
      claim: 'Sharks swim on the highway.',
      variants: ['Sharks on the Highway?'],
      verdict: 'false',
      severity: 'medium',
      published: '2020-01-01',
      tags: [],
      example: false,
    });
  });

  it.each([
    { given: 'a variant equal to the claim', variants: ['Sharks swim on the highway.'], expected: [] },
    { given: 'an empty variant', variants: [' '], expected: [] },
    { given: 'the same variant twice', variants: ['A', 'A '], expected: ['A'] },
  ])('GIVEN $given THEN variants are $expected', ({ variants, expected }) => {
    expect(toEvalDebunk({ ...claim, variants }).variants).toEqual(expected);
  });

  it('GIVEN no refutation text THEN the claim stands in for it', () => {
    const debunk = toEvalDebunk({ ...claim, refutation: '', sourceTitle: '' });
    expect(debunk.refutation).toBe('Sharks swim on the highway.');
    expect(debunk.sources[0]?.title).toBe('Sharks swim on the highway.');
  });
});
