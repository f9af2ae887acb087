import { describe, expect, it } from 'vitest';
import { normalizedText } from '../../src/matching/normalize.js';
import { amountsIn, chineseNumber, numbersIn, pointNumbersIn, spellSigns } from '../../src/matching/spelledNumbers.js';

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
    expect([...numbersIn(normalizedText('twenty people, two hundred'))].sort()).toEqual(['100', '2', '20', '200']);
  });

  it('GIVEN chat shorthand, financial numerals, rough sizes and days for hours THEN the numbers a retelling says', () => {
    // Fresh hand-written chat: each was read as another number (or none) and its retelling capped.
    expect(numbersIn(normalizedText('无证养犬罚款2k并没收'))).toEqual(new Set(['2000']));
    expect(numbersIn(normalizedText('奖金3w'))).toEqual(new Set(['30000']));
    expect(numbersIn(normalizedText('a 412lb buck, 70mph winds'))).toEqual(new Set(['412', '70']));
    expect(numbersIn(normalizedText('a hundred thousand bibles')).has('100000')).toBe(true);
    expect(numbersIn(normalizedText('不戴盔罚款伍佰'))).toEqual(new Set(['500']));
    // "几十倍" is no number; "十几个" and "十多人" are ten and more.
    expect(numbersIn(normalizedText('亚硝酸盐超标几十倍，数百人'))).toEqual(new Set());
    expect(numbersIn(normalizedText('十几个住院'))).toEqual(numbersIn(normalizedText('十多人住院')));
    // "两天" says the "48小时" of a claim, and "48 hours" its "two days".
    expect(numbersIn(normalizedText('两天不能洗澡'))).toEqual(new Set(['2', '48']));
    expect(numbersIn(normalizedText('48小时内洗澡'))).toEqual(new Set(['48', '2']));
    expect(numbersIn(normalizedText('no showers for 48 hours'))).toEqual(new Set(['48', '2']));
    expect(numbersIn(normalizedText('for 5 hours'))).toEqual(new Set(['5']));
  });

  it('GIVEN a text with amounts of money, shares and other numbers THEN amountsIn says the amounts and shares only', () => {
    const amounts = (raw: string) => amountsIn(normalizedText(spellSigns(raw)));
    expect(amounts('60岁以上老人每月可领800元补贴')).toEqual(new Set(['800']));
    expect(amounts('罚款两千块，二套房按3%收，百分之二十')).toEqual(new Set(['2000', '3', '20']));
    expect(amounts('a $2 fine, ¥50 and 30 percent off')).toEqual(new Set(['2', '50', '30']));
    expect(amounts('存放了三十年的僵尸肉，45度热水澡，8级地震')).toEqual(new Set());
  });

  it('GIVEN digits with Chinese units after them THEN the number they make, as the numerals say it', () => {
    // "超过5万元" was read as 5, so "五万以上" said another number and the retelling was capped.
    expect(numbersIn(normalizedText('冻结存款超过5万元的账户'))).toEqual(new Set(['50000']));
    expect(numbersIn(normalizedText('存款五万以上要被冻结'))).toEqual(new Set(['50000']));
    expect(numbersIn(normalizedText('3千万人，1亿'))).toEqual(new Set(['30000000', '100000000']));
    // Digits alone, and digits before other characters, are what they were.
    expect([...numbersIn(normalizedText('2020年8月, 15 people'))].sort()).toEqual(['15', '2020', '8']);
  });

  it('GIVEN a number and a multiplier ("three hundred", "two mil", "$2 million") THEN the number they make too', () => {
    expect(numbersIn(normalizedText('three hundred little ones')).has('300')).toBe(true);
    expect(numbersIn(normalizedText('he has to cough up two mil')).has('2000000')).toBe(true);
    expect(numbersIn(normalizedText('ordered to pay $2 million')).has('2000000')).toBe(true);
  });

  it('GIVEN 仨 or 俩 alone THEN three or two (they always count)', () => {
    expect([...numbersIn(normalizedText('已经丢了仨'))]).toEqual(['3']);
    expect([...numbersIn(normalizedText('他俩都去了'))]).toEqual(['2']);
  });

  it('GIVEN thousands written with separators THEN one number, as written without them', () => {
    expect(numbersIn(normalizedText('fined $1,000 for eating while driving'))).toEqual(new Set(['1000']));
    expect(numbersIn(normalizedText('a $1000 fine'))).toEqual(new Set(['1000']));
    expect(numbersIn(normalizedText('3,000,000 votes'))).toEqual(new Set(['3000000']));
  });

  it('GIVEN a year or an age THEN the numbers a claim is about leave them out', () => {
    expect(pointNumbersIn(normalizedText('In March 2017, actor William H. Macy died of a heart attack at the age of 66.'))).toEqual(new Set());
    expect(pointNumbersIn(normalizedText('2020年北京高考推迟到8月'))).toEqual(new Set(['8']));
    expect(pointNumbersIn(normalizedText('Canadians can be fined $1,000 in 2019'))).toEqual(new Set(['1000']));
    expect(numbersIn(normalizedText('In March 2017, at the age of 66'))).toEqual(new Set(['2017', '66']));
  });
});

