/**
 * Chinese digits and their values (两 is 二 before a unit: 两千; 仨 and 俩 are three and two,
 * counted), and the financial forms a notice or a fine is written in ("罚款伍佰": 壹 to 玖).
 */
const DIGITS: ReadonlyMap<string, number> = new Map([
  ...[...'零〇一二两三四五六七八九仨俩'].map((c, i) => [c, [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 3, 2][i]!] as const),
  ...[...'壹贰叁肆伍陆柒捌玖'].map((c, i) => [c, i + 1] as const),
]);
/** Digits that count something even alone: "丢了仨", "他俩". */
const COUNTING_DIGITS = /^[仨俩]$/u;
const UNITS: ReadonlyMap<string, number> = new Map([
  ['十', 10],
  ['百', 100],
  ['千', 1000],
  ['拾', 10],
  ['佰', 100],
  ['仟', 1000],
]);
const SECTIONS: ReadonlyMap<string, number> = new Map([
  ['万', 10_000],
  ['亿', 100_000_000],
]);

/**
 * The value of a run of Chinese numeral characters ("十五", "两千", "一百八十", "三万五千", "四"),
 * or undefined when the run is not one number ("三四", "千万" as in "千万别信").
 */
export function chineseNumber(run: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit = -1;
  for (let i = 0; i < run.length; i++) {
    const ch = run[i]!;
    const d = DIGITS.get(ch);
    if (d !== undefined) {
      if (digit > 0) return undefined;
      digit = d;
      continue;
    }
    const unit = UNITS.get(ch);
    if (unit !== undefined) {
      if (digit < 0 && !(unit === 10 && i === 0)) return undefined;
      section += (digit < 0 ? 1 : digit) * unit;
    } else {
      if (digit < 0 && section === 0) return undefined;
      total = (total + section + Math.max(digit, 0)) * SECTIONS.get(ch)!;
      section = 0;
    }
    digit = -1;
  }
  const value = total + section + Math.max(digit, 0);
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * English number words. Not "one" (nor "zero"): like "一", it is mostly no number ("no one", "this
 * one", "Air Force One").
 */
const ENGLISH: ReadonlyMap<string, number> = new Map([
  ...['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen',
    'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'].map((w, i) => [w, i + 2] as const),
  ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['hundred', 100], ['thousand', 1000],
]);

/**
 * Digits with Chinese units after them ("5万", "3千万", normalized "5 万"), runs of Chinese
 * numerals, English number words, and digits, in normalized text; bounded.
 */
const NUMBERS = /(?<![a-z0-9])\d{1,3}(?: \d{3})+(?![a-z0-9])|(?<![a-z0-9])\d{1,9} ?[十百千万亿]{1,3}|[零〇一二两三四五六七八九十百千万亿仨俩壹贰叁肆伍陆柒捌玖拾佰仟]{1,16}|(?<![a-z0-9])(?:\d{1,15}|[a-z]{3,9})(?![a-z0-9])/g;
/** Thousands and ten thousands as chat writes them: "2k", "3w" (三万). */
const CHAT_MULTIPLIED = /(?<![a-z0-9])(\d{1,6})(k|w)(?![a-z0-9])/g;
const CHAT_MULTIPLIERS: ReadonlyMap<string, number> = new Map([['k', 1000], ['w', 10_000]]);
/** A number with its unit written on: "412lb", "5kg", "10km", "70mph", "3hrs": the number. */
const GLUED_UNIT = /(?<![a-z0-9])(\d{1,9})(?:lbs?|kgs?|km|kms|mph|kph|mg|ml|ft|mi|hrs?|mins?|yrs?|yo)(?![a-z0-9])/g;
/**
 * Before a Chinese numeral, what makes it no number but a rough size: "几十倍", "数百人", "好几天"
 * ("十几个" and "十多人" are both 10 and more, read as 10).
 */
const ROUGH_BEFORE = /[几数好]$/u;
/** After a number, days and hours: "两天" says the "48小时" of a claim, "two days" its "48 hours". */
const DAYS_AFTER = /^ ?(?:天|days?(?![a-z]))/u;
const HOURS_AFTER = /^ ?(?:个?小时|hours?(?![a-z]))/u;
const HOURS_A_DAY = 24;
/** Digits and the Chinese units after them, apart. */
const DIGITS_THEN_UNITS = /^(\d+) ?([十百千万亿]+)$/;
/** Digits in groups of three, as "1,000,000" normalizes. */
const THOUSANDS = /^\d{1,3}(?: \d{3})+$/;
/**
 * A lone Chinese digit is a number before a measure word ("四岁", "两个", "三天"); "一" never is
 * alone: it is the article of "一名", "一下", "一起".
 */
const MEASURE = /^[个岁天年月日号次人分秒点块元名位层楼周倍辆艘座份例代级米斤]/;

/**
 * The numbers a normalized text says, written in digits, Chinese numerals or English words
 * ("15", "十五", "fifteen" are all 15), as digit strings: a retelling that spells out the claim's
 * number says the same number.
 */
export function numbersIn(text: string): Set<string> {
  return readNumbers(text, 'all');
}

/**
 * The numbers of a normalized text that carry its point, without the ones that only date or place
 * it: a year ("in October 2018", "2020年") and an age ("at the age of 66"). A retelling drops those
 * ("kanye and kim announced theyre divorcing") and still says the claim.
 */
export function pointNumbersIn(text: string): Set<string> {
  return readNumbers(text, 'point');
}

/**
 * The amounts of money and the shares a text says ("罚款500元", "每月800块", "按3%收", "$2
 * million"), normalized with its signs spelled out (see spellSigns: normalizing drops them): what
 * a Chinese claim's point is when it has a number of that kind, where its other numbers ("存放了
 * 三十年", "45度热水澡", "8级地震", "十几个") are details a retelling drops.
 */
export function amountsIn(text: string): Set<string> {
  return readNumbers(text, 'amount');
}

/** `raw` with its percent and currency signs as words, which normalizing keeps (see amountsIn). */
export const spellSigns = (raw: string): string =>
  raw.replace(/[%％]/g, ' percent ').replace(/[$＄]/g, ' dollar ').replace(/[¥￥]/g, ' yuan ').replace(/€/g, ' euro ').replace(/£/g, ' pound ');

/** After a number: money or a share. */
const AMOUNT_AFTER = /^ ?(?:[万亿千百]?元|块|毛|角|美元|美金|欧元|英镑|刀|dollars?(?![a-z])|bucks?(?![a-z])|percent(?![a-z])|per cent(?![a-z]))/u;
/** Before a number: a currency or a share ("百分之三"). */
const AMOUNT_BEFORE = /(?:百分之|(?:dollar|yuan|euro|pound) ?)$/u;

/** A year: four digits from 1900 to 2099. */
const YEAR = /^(?:19|20)\d\d$/;
/** An age before its number, in normalized text. */
const AGE_BEFORE = /(?:\bage of|\baged) $/;

/** English multipliers after a number: "three hundred", "two thousand", "2 million", "two mil". */
const MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  // Before "hundred", so the alternation reads "a hundred thousand bibles" whole.
  ['hundred thousand', 100_000], ['hundred', 100], ['thousand', 1000], ['grand', 1000], ['million', 1_000_000], ['mil', 1_000_000], ['billion', 1_000_000_000],
]);
const ENGLISH_COMPOUND = new RegExp(
  `(?<![a-z0-9])(\\d{1,6}|a|${[...ENGLISH.keys()].filter((w) => !MULTIPLIERS.has(w)).join('|')}) (${[...MULTIPLIERS.keys()].join('|')})(?![a-z0-9])`,
  'g',
);

function readNumbers(text: string, mode: 'all' | 'point' | 'amount'): Set<string> {
  const found = new Set<string>();
  const pointOnly = mode !== 'all';
  const amount = (at: number, end: number) => AMOUNT_AFTER.test(text.slice(end, end + 9)) || AMOUNT_BEFORE.test(text.slice(Math.max(0, at - 7), at));
  // "three hundred" is 300 too (its words are read one by one below as well).
  for (const m of text.matchAll(ENGLISH_COMPOUND)) {
    const count = /^\d/.test(m[1]!) ? Number(m[1]) : m[1] === 'a' ? 1 : ENGLISH.get(m[1]!);
    const value = count === undefined ? undefined : count * MULTIPLIERS.get(m[2]!)!;
    if (value !== undefined && Number.isSafeInteger(value) && (mode !== 'amount' || amount(m.index, m.index + m[0].length))) found.add(String(value));
  }
  for (const m of text.matchAll(CHAT_MULTIPLIED)) {
    if (mode !== 'amount' || amount(m.index, m.index + m[0].length)) found.add(String(Number(m[1]) * CHAT_MULTIPLIERS.get(m[2]!)!));
  }
  for (const m of text.matchAll(GLUED_UNIT)) if (mode !== 'amount') found.add(String(Number(m[1])));
  for (const m of text.matchAll(NUMBERS)) {
    const s = m[0];
    if (pointOnly && (YEAR.test(s) || AGE_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index)))) continue;
    if (s.length === 1 && DIGITS.has(s) && !COUNTING_DIGITS.test(s) && (s === '一' || !MEASURE.test(text.slice(m.index + 1, m.index + 2)))) continue;
    const chinese = !/^[\da-z]/.test(s);
    if (chinese && ROUGH_BEFORE.test(text.slice(Math.max(0, m.index - 1), m.index))) continue;
    const value = /^\d/.test(s) ? digitsValue(s) : /^[a-z]/.test(s) ? ENGLISH.get(s) : chineseNumber(s);
    if (value === undefined || (mode === 'amount' && !amount(m.index, m.index + s.length))) continue;
    found.add(String(value));
    const after = text.slice(m.index + s.length, m.index + s.length + 6);
    if (DAYS_AFTER.test(after) && Number.isSafeInteger(value * HOURS_A_DAY)) found.add(String(value * HOURS_A_DAY));
    else if (HOURS_AFTER.test(after) && value % HOURS_A_DAY === 0 && value > 0) found.add(String(value / HOURS_A_DAY));
  }
  return found;
}

/**
 * "15" is 15, "5万" (or "5 万") is 50000, as "五万" is: the units multiply the digits; "1,000"
 * (normalized "1 000") is 1000.
 */
function digitsValue(s: string): number | undefined {
  if (THOUSANDS.test(s)) return Number(s.replaceAll(' ', ''));
  const parts = DIGITS_THEN_UNITS.exec(s);
  if (!parts) return Number(s);
  const unit = chineseNumber(`一${parts[2]!}`);
  if (unit === undefined) return undefined;
  const value = Number(parts[1]) * unit;
  return Number.isSafeInteger(value) ? value : undefined;
}
