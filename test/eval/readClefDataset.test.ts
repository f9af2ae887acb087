import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readClefDataset } from '../../src/eval/readClefDataset.js';
import { FIXTURE_EVAL_DIR } from './fixtureDir.js';

const dir = join(FIXTURE_EVAL_DIR, 'tweets-sample');
const { value: dataset, problems } = readClefDataset(dir);

describe('readClefDataset on tweets-sample/', () => {
  it('GIVEN the folder THEN it is named after it, has no negatives and one split per sub-folder in name order', () => {
    expect(dataset.name).toBe('tweets-sample');
    expect(dataset.layout).toBe('clef');
    expect(dataset.negatives).toBeNull();
    expect(dataset.splits.map((s) => s.name)).toEqual(['dev', 'train']);
  });

  it('GIVEN claims with titles THEN the title is a variant and the refutation, unless it repeats the claim', () => {
    expect(dataset.debunks.map((d) => d.id)).toEqual(['10', '11', '12', '13']);
    expect(dataset.debunks[0]).toMatchObject({
      claim: 'Drinking bleach cures the coronavirus.',
      variants: ['Does Drinking Bleach Cure COVID-19?'],
      refutation: 'Does Drinking Bleach Cure COVID-19?',
      sources: [{ title: 'Does Drinking Bleach Cure COVID-19?', url: 'https://www.snopes.com/' }],
      lang: 'en',
    });
    expect(dataset.debunks[3]?.variants).toEqual([]);
  });

  it('GIVEN a claim quoted over two lines THEN it is read whole', () => {
    expect(dataset.debunks[2]?.claim).toBe('A photo shows a "shark" swimming on a flooded\nhighway in Houston.');
  });

  it('GIVEN a tweet with two pairs THEN both claims are gold', () => {
    const train = dataset.splits[1];
    expect(train?.queries.find((q) => q.id === '101')).toEqual({
      id: '101',
      text: 'Eiffel Tower sold twice?\nAnd a "shark" swimming on a flooded highway? Fake news day',
      gold: ['13', '12'],
    });
  });

  it('GIVEN malformed lines THEN each is reported with file:line and left out', () => {
    expect(problems).toEqual([
      { file: join(dir, 'train/tweet-vclaim-pairs.qrels'), line: 5, message: 'expected 4 tab-separated fields, found 3' },
      {
        file: join(dir, 'train/tweets.queries.tsv'),
        line: 6,
        message: 'tweet 104 has no relevant pair in tweet-vclaim-pairs.qrels; not scored',
      },
      { file: join(dir, 'verified_claims.docs.tsv'), line: 7, message: 'expected 3 tab-separated fields, found 2' },
    ]);
    expect(dataset.splits.map((s) => s.queries.map((q) => q.id))).toEqual([
      ['201', '202', '203'],
      ['101', '102', '103'],
    ]);
  });
});
