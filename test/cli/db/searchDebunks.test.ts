import { describe, expect, it } from 'vitest';
import { searchDebunks, searchTokens } from '../../../src/cli/db/searchDebunks.js';
import { DebunkSchema, type Debunk } from '../../../src/debunks/schema.js';

function debunk(id: string, claim: string, extra: Record<string, unknown> = {}): Debunk {
  return DebunkSchema.parse({
    id,
    claim,
    verdict: 'false',
    refutation: 'No.',
    sources: [{ title: 'T', url: 'https://e.org/' }],
    lang: 'en',
    published: '2020-01-01',
    ...extra,
  });
}

const DEBUNKS = [
  debunk('beach-girl', '上海海滩走失的4岁女孩其实是被家人故意遗弃的', { lang: 'zh' }),
  debunk('garlic', 'Eating garlic prevents infection', { tags: ['health'] }),
  debunk('five-g', '5G towers spread the coronavirus', { variants: ['5G基站传播新冠病毒'] }),
  debunk('bananas', 'Bananas carry flesh-eating bacteria', { refutation: { en: 'A hoax from the year 2000 about imported fruit.' } }),
];

describe('searchTokens', () => {
  it.each([
    { given: 'words', text: 'garlic cures 5g', then: ['garlic', 'cures', '5g'] },
    { given: 'Chinese', text: '走失女孩', then: ['走失', '失女', '女孩'] },
    { given: 'one Chinese character', text: '谣', then: ['谣'] },
    { given: 'mixed', text: '5g基站', then: ['5g', '基站'] },
  ])('GIVEN $given THEN $then', ({ text, then }) => {
    expect(searchTokens(text)).toEqual(then);
  });
});

describe('searchDebunks', () => {
  it.each([
    { given: 'part of a Chinese claim in traditional characters', query: '海灘 走失 女孩', then: 'beach-girl' },
    { given: 'a misspelling', query: 'garlik', then: 'garlic' },
    { given: 'spaced-out letters', query: 'b a n a n a s', then: 'bananas' },
    { given: 'a variant', query: '基站 新冠', then: 'five-g' },
    { given: 'a tag', query: 'health', then: 'garlic' },
    { given: 'a refutation word', query: 'imported fruit', then: 'bananas' },
  ])('GIVEN $given THEN $then comes first', ({ query, then }) => {
    expect(searchDebunks(DEBUNKS, query, 10)[0]?.id).toBe(then);
  });

  it('GIVEN a limit THEN at most that many hits, best (lowest score) first', () => {
    // "No." is the refutation of three entries.
    const hits = searchDebunks(DEBUNKS, 'no', 2);
    expect(hits).toHaveLength(2);
    expect(hits[0]!.score).toBeLessThanOrEqual(hits[1]!.score);
  });

  it.each([
    { given: 'only punctuation', query: '?!…' },
    { given: 'unrelated words', query: 'xylophone' },
    { given: 'a stretched letter no entry has as a word', query: 'zzzz' },
    { given: 'markup', query: '<script>' },
    { given: 'a quote', query: '"' },
    { given: 'words of different entries (each word must match)', query: 'garlic coronavirus bacteria' },
    { given: 'Chinese no entry has', query: '地震预报' },
  ])('GIVEN $given THEN no hits, not the whole database', ({ query }) => {
    expect(searchDebunks(DEBUNKS, query, 10)).toEqual([]);
  });

  it.each([
    { given: 'a word of one claim', query: 'towers', then: ['five-g'] },
    { given: 'upper case', query: 'BANANAS', then: ['bananas'] },
    { given: 'part of an id', query: 'beach-girl', then: ['beach-girl'] },
    { given: 'a tag', query: 'health', then: ['garlic'] },
    { given: 'Chinese of one claim', query: '走失', then: ['beach-girl'] },
    { given: 'Chinese of one variant', query: '基站', then: ['five-g'] },
  ])('GIVEN $given THEN only the entries that have it', ({ query, then }) => {
    expect(searchDebunks(DEBUNKS, query, 10).map((h) => h.id)).toEqual(then);
  });

  it('GIVEN an entry\'s id THEN that entry comes first, with score 0', () => {
    const more = [...DEBUNKS, debunk('five-g-masts', '5G masts cause headaches', { tags: ['five-g'] })];
    expect(searchDebunks(more, 'five-g-masts', 10)[0]).toMatchObject({ id: 'five-g-masts', score: 0 });
    expect(searchDebunks(more, 'five-g', 10).map((h) => h.id)).toEqual(['five-g', 'five-g-masts']);
  });
});
