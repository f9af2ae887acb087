import { describe, expect, it } from 'vitest';
import { MINHASH_SIZE, minHash, nearDuplicate, similarity } from '../../src/matching/minHash.js';

const RUMOR = 'Breaking: the water supply in the east district is poisoned, do not drink tap water tonight!';

describe('minHash', () => {
  it('GIVEN the same text THEN the same signature, whatever the process (fixed seeds)', () => {
    expect(minHash(RUMOR)).toEqual(minHash(RUMOR));
    expect(minHash(RUMOR)).toHaveLength(MINHASH_SIZE);
  });

  it.each([
    ['a forward with a prefix', `FWD: ${RUMOR}`],
    ['changed case and punctuation', RUMOR.toUpperCase().replace(/[,!:]/g, '')],
    ['spacing tricks', RUMOR.replace('poisoned', 'p o i s o n e d')],
    ['a word changed', RUMOR.replace('tonight', 'today')],
  ])('GIVEN %s THEN it is a near-duplicate', (_name, copy) => {
    expect(nearDuplicate(minHash(RUMOR), minHash(copy))).toBe(true);
  });

  it.each([
    ['another rumor', 'The mayor has secretly closed every school in the city until next spring because of a virus'],
    ['a reply about the same subject', 'Is the tap water in the east district safe? Mine tastes odd'],
    ['ordinary chatter', 'See you all at the market on Saturday morning'],
  ])('GIVEN %s THEN it is not a near-duplicate', (_name, other) => {
    expect(nearDuplicate(minHash(RUMOR), minHash(other))).toBe(false);
  });

  it('GIVEN Chinese near copies THEN near-duplicates; a different Chinese rumor is not', () => {
    const zh = '紧急通知：东区自来水被投毒，今晚千万不要喝自来水，转发给家人！';
    expect(nearDuplicate(minHash(zh), minHash(`转发：${zh}`))).toBe(true);
    expect(nearDuplicate(minHash(zh), minHash('市长秘密关闭了全市所有学校，直到明年春天'))).toBe(false);
  });

  it('GIVEN a text without letters THEN an empty signature that resembles nothing', () => {
    expect(minHash('!!! ???')).toEqual([]);
    expect(similarity(minHash('!!!'), minHash('!!!'))).toBe(0);
  });

  it('GIVEN a huge text THEN only the first part is read (bounded work)', () => {
    const huge = RUMOR + 'x'.repeat(1_000_000);
    expect(minHash(huge)).toEqual(minHash(RUMOR + 'x'.repeat(4000)));
  });
});
