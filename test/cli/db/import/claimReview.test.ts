import { describe, expect, it } from 'vitest';
import { claimReviewPathOf, claimReviewToEntry, cut } from '../../../../src/debunks/import/claimReviewToEntry.js';
import { convertClaimReview } from '../../../../src/debunks/import/convertClaimReview.js';
import { findClaimReviews } from '../../../../src/debunks/import/findClaimReviews.js';
import { formatImportProblem } from '../../../../src/debunks/import/importProblem.js';
import { validateImport } from '../../../../src/debunks/import/validateImport.js';
import { ratingVerdict } from '../../../../src/debunks/import/ratingVerdict.js';

const REVIEW = {
  '@type': 'ClaimReview',
  url: 'https://fc.example/1',
  datePublished: '2024-03-05T09:30:00+08:00',
  author: { '@type': 'Organization', name: 'FC' },
  claimReviewed: 'The moon is cheese',
  headline: 'No, the moon is not cheese',
  description: 'It is rock.',
  inLanguage: 'EN_us',
  itemReviewed: { '@type': 'Claim', firstAppearance: { url: 'https://rumor.example/1' } },
  reviewRating: { '@type': 'Rating', alternateName: 'False' },
};

describe('ratingVerdict', () => {
  it.each([
    ['False', 'false'],
    ['Pants on Fire!', 'false'],
    ['Mostly False', 'false'],
    ['mostly-false', 'false'],
    ['INCORRECT', 'false'],
    ['Fake', 'false'],
    ['错误', 'false'],
    ['謠言', 'false'],
    ['不实', 'false'],
    ['Misleading', 'misleading'],
    ['Mixture', 'misleading'],
    ['Half-True', 'misleading'],
    ['Partly false', 'misleading'],
    ['Missing context', 'misleading'],
    ['Unproven', 'unproven'],
    ['unverified', 'unproven'],
    ['Unsupported.', 'unproven'],
    ['未經證實', 'unproven'],
    ['Outdated', 'outdated'],
    ['Satire', 'satire'],
    ['Mostly true', undefined],
    ['True', undefined],
    ['false claim about cheese', undefined],
  ])('GIVEN rating %j THEN verdict %j', (rating, verdict) => {
    expect(ratingVerdict(rating)).toBe(verdict);
  });
});

describe('claimReviewToEntry', () => {
  it('GIVEN a complete review THEN every field maps, and the rumor\'s own appearance is not a source', () => {
    expect(claimReviewToEntry(REVIEW)).toEqual({
      entry: {
        claim: 'The moon is cheese',
        verdict: 'false',
        refutation: 'False — It is rock.',
        sources: [{ title: 'No, the moon is not cheese', url: 'https://fc.example/1', publisher: 'FC', date: '2024-03-05' }],
        lang: 'en-us',
        published: '2024-03-05',
      },
      notes: [],
    });
  });

  it.each([
    {
      given: 'no description but a headline',
      review: { ...REVIEW, description: undefined },
      then: { refutation: 'False — No, the moon is not cheese' },
    },
    {
      given: 'a reviewBody and no headline or description',
      review: { ...REVIEW, headline: undefined, description: undefined, reviewBody: 'Samples show it is rock.' },
      then: { refutation: 'False — Samples show it is rock.', sources: [expect.objectContaining({ title: 'Fact check by FC' })] },
    },
    {
      given: 'only the rating\'s explanation besides its word',
      review: { ...REVIEW, headline: undefined, description: undefined, reviewRating: { alternateName: 'False', ratingExplanation: 'The moon is rock.' } },
      then: { refutation: 'False — The moon is rock.' },
    },
    { given: 'a name instead of a headline', review: { ...REVIEW, headline: undefined, name: 'Moon check' }, then: { sources: [expect.objectContaining({ title: 'Moon check' })] } },
    { given: 'an author list', review: { ...REVIEW, author: [{ name: 'A' }, { name: 'B' }] }, then: { sources: [expect.objectContaining({ publisher: 'A' })] } },
    { given: 'a Language node', review: { ...REVIEW, inLanguage: { '@type': 'Language', alternateName: 'zh-Hant' } }, then: { lang: 'zh-Hant' } },
    { given: 'only ratingExplanation', review: { ...REVIEW, reviewRating: { ratingExplanation: 'Satire' } }, then: { verdict: 'satire', refutation: 'Satire — It is rock.' } },
    { given: 'a rating list', review: { ...REVIEW, reviewRating: [{ alternateName: 'Outdated' }] }, then: { verdict: 'outdated' } },
    { given: 'a date that is not a date', review: { ...REVIEW, datePublished: 'March 5' }, then: { published: 'March 5' } },
  ])('GIVEN $given THEN $then', ({ review, then }) => {
    const { entry, notes } = claimReviewToEntry(review);
    expect(notes).toEqual([]);
    expect(entry).toMatchObject(then);
  });

  it('GIVEN no review text at all (only the rating) THEN no refutation of the bare rating, and a note on the refutation', () => {
    const { entry, notes } = claimReviewToEntry({ ...REVIEW, headline: undefined, description: undefined });
    expect(entry.refutation).toBeUndefined();
    expect(notes).toEqual([{ field: ['refutation'], message: expect.stringMatching(/^no review text: expected description, reviewBody, headline/) }]);
  });

  it('GIVEN an import with one review without text THEN that record is refused with its own problem, as other import errors are', () => {
    const text = JSON.stringify([REVIEW, { ...REVIEW, url: 'https://fc.example/2', claimReviewed: 'The sun is cold', headline: undefined, description: undefined }], null, 2);
    const { records } = convertClaimReview(text, 'r.json');
    const checked = validateImport(records, { source: 'r.json', existing: new Map() });
    expect(checked.debunks.map((d) => d.claim)).toEqual(['The moon is cheese']);
    expect(checked.problems.map(formatImportProblem)).toEqual([expect.stringMatching(/^r\.json:\d+ record "the-sun-is-cold": refutation: no review text: /)]);
  });

  it('GIVEN a very long description THEN the refutation is cut to 1000 characters ending in "…"', () => {
    const { entry } = claimReviewToEntry({ ...REVIEW, description: 'x'.repeat(2000) });
    expect((entry.refutation as string).length).toBe(1000);
    expect(entry.refutation).toMatch(/^False — x+…$/);
  });

  it.each([
    { given: 'an unknown rating', review: { ...REVIEW, reviewRating: { alternateName: 'Mostly True' } }, then: /^unknown rating "Mostly True" in reviewRating\.alternateName; accepted: false, pants on fire, / },
    { given: 'no rating', review: { ...REVIEW, reviewRating: undefined }, then: /^no rating: expected reviewRating\.alternateName/ },
  ])('GIVEN $given THEN a note on verdict and no verdict', ({ review, then }) => {
    const { entry, notes } = claimReviewToEntry(review);
    expect(entry.verdict).toBeUndefined();
    expect(notes).toEqual([{ field: ['verdict'], message: expect.stringMatching(then) }]);
  });

  it.each([
    [['claim'], ['claimReviewed']],
    [['verdict'], ['reviewRating']],
    [['sources', 0, 'url'], ['url']],
    [['sources', 0, 'publisher'], ['author']],
    [['published'], ['datePublished']],
    [['tags'], []],
  ])('GIVEN database field %j THEN it came from %j', (field, from) => {
    expect(claimReviewPathOf(field)).toEqual(from);
  });
});

describe('cut', () => {
  it.each([
    { given: 'a short text', text: 'abc', max: 5, then: 'abc' },
    { given: 'a long text', text: 'abcdef', max: 5, then: 'abcd…' },
    { given: 'an emoji at the cut', text: 'abc😀def', max: 5, then: 'abc…' },
  ])('GIVEN $given THEN $then', ({ text, max, then }) => {
    expect(cut(text, max)).toBe(then);
  });
});

describe('findClaimReviews', () => {
  const review = (n: number) => ({ '@type': 'ClaimReview', claimReviewed: `c${n}` });
  it.each([
    { given: 'one review', data: review(1), then: [[]] },
    { given: 'a list', data: [review(1), { '@type': 'WebPage' }, review(2)], then: [[0], [2]] },
    { given: '@graph', data: { '@context': 'https://schema.org', '@graph': [{ '@type': 'Organization' }, review(1)] }, then: [['@graph', 1]] },
    { given: 'a list of graphs', data: [{ '@graph': [review(1)] }, { '@graph': [review(2)] }], then: [[0, '@graph', 0], [1, '@graph', 0]] },
    { given: 'a typed list and a prefixed type', data: [{ ...review(1), '@type': ['CreativeWork', 'ClaimReview'] }, { ...review(2), '@type': 'schema:ClaimReview' }], then: [[0], [1]] },
    { given: 'no review', data: { '@type': 'Article' }, then: [] },
  ])('GIVEN $given THEN reviews at $then', ({ data, then }) => {
    expect(findClaimReviews(data).map((f) => f.path)).toEqual(then);
  });
});

describe('convertClaimReview', () => {
  it('GIVEN a @graph THEN records point at the review\'s line, and fields at their own lines', () => {
    const text = JSON.stringify({ '@graph': [{ '@type': 'WebPage' }, REVIEW] }, null, 2);
    const { records, problems } = convertClaimReview(text, 'g.jsonld');
    expect(problems).toEqual([]);
    const lines = text.split('\n');
    expect(records).toHaveLength(1);
    expect(lines[records[0]!.line - 1]).toMatch(/^\s+\{$/);
    expect(lines[records[0]!.lineOf!(['sources', 0, 'url']) - 1]).toContain('"url": "https://fc.example/1"');
  });

  it.each([
    { given: 'no review', text: '{"@type":"Article"}', then: /^no ClaimReview found/ },
    { given: 'broken JSON', text: '[{"@type": }]', then: /JSON|Unexpected/ },
  ])('GIVEN $given THEN one file problem', ({ text, then }) => {
    const { records, problems } = convertClaimReview(text, 'r.json');
    expect(records).toEqual([]);
    expect(problems).toEqual([{ source: 'r.json', line: 1, message: expect.stringMatching(then) }]);
  });
});
