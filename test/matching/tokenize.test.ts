import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/matching/normalize.js';
import { tokenize } from '../../src/matching/tokenize.js';

/** Terms of a message as the matcher sees them: normalized first, then tokenized. */
const termsOf = (message: string) => tokenize(normalize(message).text).map((t) => t.term);

describe('tokenize: terms', () => {
  it.each([
    { given: 'an English claim', input: '5G towers spread the coronavirus', then: ['5g', 'tower', 'spread', 'covid'] },
    { given: 'the virus named in parts', input: 'COVID-19, covid 19, SARS-CoV-2 and corona', then: ['covid', 'covid', 'covid', 'covid'] },
    { given: 'a number after covid that is not its name', input: 'covid 2 years on', then: ['covid', '2', 'year'] },
    { given: 'inflected words', input: 'forwarding spreading towers', then: ['forward', 'spread', 'tower'] },
    { given: 'a sentence with stopwords', input: 'Bill Gates will pay you for forwarding this email', then: ['bil', 'gate', 'pai', 'forward', 'email'] },
    { given: 'only stopwords', input: 'the and of it is', then: [] },
    { given: 'a stopword in capitals', input: 'THE vaccine', then: ['vacin'] },
    { given: 'digits', input: 'Microsoft pays $1000', then: ['microsoft', 'pai', '1000'] },
    { given: 'a Chinese claim', input: '喝热水', then: ['喝热', '热水'] },
    { given: 'Chinese split by a space in the source', input: '新冠 病毒', then: ['新冠', '冠病', '病毒'] },
    { given: 'one Chinese word', input: '谣言', then: ['谣言'] },
    { given: 'a lone ideograph', input: '新', then: ['新'] },
    { given: 'a lone ideograph between Latin words', input: 'fake 谣 news', then: ['fake', '谣', 'new'] },
    { given: 'Latin glued to Chinese', input: '5G基站', then: ['5g', '基站'] },
    { given: 'chat\'s word for a father ("她爸")', input: '她爸', then: ['父亲'] },
    { given: 'chat\'s word for a mother ("老妈")', input: '老妈', then: ['母亲'] },
    { given: '"他妈" (a curse word, no mother)', input: '他妈', then: ['他妈'] },
    { given: 'a city by its chat nickname ("魔都")', input: '魔都', then: ['上海'] },
    { given: '"蒜头" for garlic', input: '蒜头', then: ['大蒜'] },
    { given: '"帝都" in a sentence', input: '帝都地铁', then: ['北京', '都地', '地铁'] },
    { given: 'chat\'s words for the news\'s ("cops", "pics", "kids") and an irregular past ("stole")', input: 'the cops stole pics of the kids', then: ['polic', 'steal', 'photo', 'child'] },
    { given: 'an irregular plural, and a verb of a folded word ("photographed")', input: 'children photographed', then: ['child', 'photo'] },
    { given: 'a British spelling', input: 'rumour', then: ['rumor'] },
    { given: '"病逝" for "去世"', input: '病逝', then: ['去世'] },
    { given: 'Cantonese "過身" for "去世"', input: '過身', then: ['去世'] },
    { given: '"荷花" for "莲花"', input: '荷花', then: ['莲花'] },
    // Fresh chat: "周杰伦被抓是真的假的" shared nothing but the name with "…被警方逮捕".
    { given: '"被抓" for "逮捕"', input: '被抓', then: ['逮捕'] },
    { given: '"充公" for "没收"', input: '充公', then: ['没收'] },
    { given: '"封了" (a city locked down) for "封城"', input: '信阳封了', then: ['信阳', '阳封', '封城'] },
    { given: '"走散" for "走失" in a sentence', input: '孩子走散了', then: ['孩子', '子走', '走失', '散了'] },
    { given: 'a word longer than 40 letters', input: `${'ab'.repeat(21)} ok`, then: ['ok'] },
    { given: 'an empty string', input: '', then: [] },
  ])('GIVEN $given THEN the terms are $then', ({ input, then }) => {
    expect(termsOf(input)).toEqual(then);
  });

  // Regression test (found while writing the tests, fixed).
  it.each([
    { given: '"potus" and "president"', a: 'potus', b: 'president' },
    { given: '"govt" and "government"', a: 'govt', b: 'government' },
    { given: '"vax" and "vaccine"', a: 'vax', b: 'vaccine' },
    { given: '"motorists" and "drivers"', a: 'motorists', b: 'drivers' },
    { given: '"spaceship" and "spacecraft"', a: 'spaceship', b: 'spacecraft' },
    { given: '"电驴" and "电动"', a: '电驴', b: '电动' },
    { given: '"静默" and "封控"', a: '静默', b: '封控' },
    { given: '"决堤" and "溃坝"', a: '决堤', b: '溃坝' },
    { given: '"姑娘" and "女孩"', a: '姑娘', b: '女孩' },
    { given: '"失火" and "起火"', a: '失火', b: '起火' },
    { given: '"遇难" and "去世"', a: '遇难', b: '去世' },
    { given: '"煤气" and "燃气"', a: '煤气', b: '燃气' },
    { given: '"征税" and "交税"', a: '征税', b: '交税' },
    { given: '"退休金" and "养老金" by their last pair', a: '休金', b: '老金' },
    { given: '"meds" and "medicine"', a: 'meds', b: 'medicine' },
    { given: '"Chinese" and "China"', a: 'Chinese', b: 'China' },
    { given: '"endless" and "never-ending"', a: 'endless', b: 'never-ending' },
    { given: '"biggest" and "largest"', a: 'biggest', b: 'largest' },
    { given: '"homeopathy" and "homeopathic"', a: 'homeopathy', b: 'homeopathic' },
    { given: '"an explosion" and "exploded"', a: 'an explosion', b: 'exploded' },
    { given: '"abducted" and "kidnapping"', a: 'abducted', b: 'kidnapping' },
    { given: '"SCOTUS" and "the Supreme Court"', a: 'SCOTUS', b: 'the Supreme Court' },
    { given: '"BLM" and "Black Lives Matter"', a: 'BLM', b: 'Black Lives Matter' },
    { given: '"Ethiopian" and "Ethiopia"', a: 'Ethiopian', b: 'Ethiopia' },
    { given: '"toddlers" and "children"', a: 'toddlers', b: 'children' },
    { given: '"Londoners" and "London"', a: 'Londoners', b: 'London' },
    { given: '"carcinogenic" and "cancer"', a: 'carcinogenic', b: 'cancer' },
    { given: '"vaping" and "vapes"', a: 'vaping', b: 'vapes' },
    { given: 'a British "-ise" ("hospitalised") and the American "-ize"', a: 'hospitalised', b: 'hospitalized' },
    { given: '"organisation" and "organization"', a: 'organisation', b: 'organization' },
    { given: '"advil" and "ibuprofen"', a: 'advil', b: 'ibuprofen' },
    { given: '"tylenol" and "paracetamol"', a: 'tylenol', b: 'paracetamol' },
    { given: '"firemen" and "firefighter"', a: 'firemen', b: 'firefighter' },
    { given: '"12 lbs" and "12 pounds"', a: '12 lbs', b: '12 pounds' },
    { given: '"smooching" and "kissing"', a: 'smooching', b: 'kissing' },
    { given: '"a flu shot" and "a flu jab"', a: 'a flu shot', b: 'a flu jab' },
    { given: '"killed" and "kill"', a: 'killed', b: 'kill' },
    { given: '"running" and "runs"', a: 'running', b: 'runs' },
    { given: '"stopped" and "stop"', a: 'stopped', b: 'stop' },
  ])('GIVEN $given THEN both have the same term', ({ a, b }) => {
    expect(termsOf(a)).toEqual(termsOf(b));
  });
});

describe('tokenize: offsets', () => {
  it.each([
    { given: 'English with stopwords', input: 'Bill Gates will pay you for forwarding this email' },
    { given: 'Chinese', input: '上海海滩走失女童是被父亲故意遗弃的' },
    { given: 'mixed scripts and punctuation', input: '听说5G基站传播新冠病毒!! towers spread 谣 it' },
    { given: 'obfuscated text', input: '5G t o w e r s spr\u200Bead the ＣＯＲＯＮＡ' },
  ])('GIVEN $given THEN each token points at its word in the normalized text', ({ input }) => {
    const text = normalize(input).text;
    const tokens = tokenize(text);
    expect(tokens.length).toBeGreaterThan(0);
    for (const [i, t] of tokens.entries()) {
      expect(t.start).toBeGreaterThanOrEqual(0);
      expect(t.end).toBeLessThanOrEqual(text.length);
      expect(t.start).toBeLessThan(t.end);
      if (i > 0) expect(t.start).toBeGreaterThanOrEqual(tokens[i - 1]!.start);
      const slice = text.slice(t.start, t.end);
      expect(slice).not.toContain(' ');
      // A Chinese term is its pair (or the word chat's pair is folded to), a word's term its stem:
      // tokenizing the slice again gives it back.
      expect(tokenize(slice).map((x) => x.term)).toEqual([t.term]);
    }
  });

  it.each([
    { given: 'a Chinese phrase', input: '喝热水', then: [{ term: '喝热', start: 0, end: 2 }, { term: '热水', start: 1, end: 3 }] },
    { given: 'a stopword before a word', input: 'the towers', then: [{ term: 'tower', start: 4, end: 10 }] },
    {
      given: 'Latin glued to Chinese (a space is inserted)',
      input: '5G信号',
      then: [{ term: '5g', start: 0, end: 2 }, { term: '信号', start: 3, end: 5 }],
    },
    { given: 'a lone ideograph', input: 'a 谣 b', then: [{ term: '谣', start: 2, end: 3 }, { term: 'b', start: 4, end: 5 }] },
  ])('GIVEN $given THEN the tokens and offsets are as listed', ({ input, then }) => {
    expect(tokenize(normalize(input).text)).toEqual(then);
  });
});

describe('tokenize: shorthand and its spelled-out phrase are the same terms', () => {
  const terms = (text: string) => tokenize(normalize(text).text).map((t) => t.term);
  it.each([
    ['SOTU ratings', 'the State of the Union ratings'],
    ['a WWI memorial', 'a World War I memorial'],
    ['a WW1 memorial', 'a world war memorial'],
    ['AF1 costs', 'Air Force One costs'],
    ['global warming is a hoax', 'climate change is a hoax'],
    ['libs and dems', 'liberals and democrats'],
    ['the GOP train', 'the Republicans train'],
    ['POTUS said', 'the President said'],
    ['e-cigs are safe', 'electronic cigarettes are safe'],
    ['vaping is safe', 'e-cigarettes are safe'],
  ])('GIVEN "%s" and "%s" THEN both give the same terms', (short, long) => {
    expect(terms(short)).toEqual(terms(long));
  });

  it('GIVEN a folded phrase THEN its token spans the whole phrase', () => {
    expect(tokenize(normalize('the state of the union').text)).toEqual([{ term: 'sotu', start: 4, end: 22 }]);
  });

  it('GIVEN the words of a phrase apart, in another order THEN they are not folded', () => {
    expect(terms('the union of the state')).toEqual(['union', 'state']);
  });
});
