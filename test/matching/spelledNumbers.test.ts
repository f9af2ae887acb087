import { describe, expect, it } from 'vitest';
import { normalizedText } from '../../src/matching/normalize.js';
import { chineseNumber, numbersIn } from '../../src/matching/spelledNumbers.js';

describe('spelled numbers', () => {
  it.each([
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['两千', 2000],
    ['一百八十', 180],
    ['三万五千', 35000],
    ['一千零一', 1001],
    ['四', 4],
  ])('GIVEN the Chinese numeral %s THEN it is %i', (run, value) => {
    expect(chineseNumber(run)).toBe(value);
  });

  it.each(['三四', '千万', '万一', '百'])('GIVEN %s (not one number) THEN it has no value', (run) => {
    expect(chineseNumber(run)).toBeUndefined();
  });

  it('GIVEN digits, Chinese numerals and English words THEN each says its number as digits', () => {
    expect([...numbersIn(normalizedText('每隔十五分钟 drink every fifteen minutes, 15 times, 10秒'))].sort()).toEqual(['10', '15']);
    expect(numbersIn(normalizedText('千万别信'))).toEqual(new Set());
    // A lone digit before a measure word is a number; "一" alone is an article.
    expect([...numbersIn(normalizedText('四岁女孩，青浦一名老师，转发一下'))]).toEqual(['4']);
    expect(numbersIn(normalizedText('someone is everywhere'))).toEqual(new Set());
    expect(numbersIn(normalizedText('no one took this one, not even Air Force One'))).toEqual(new Set());
    expect([...numbersIn(normalizedText('twenty people, two hundred'))].sort()).toEqual(['100', '2', '20']);
  });
});
