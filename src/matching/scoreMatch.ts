import { FEATURE_COUNT, matchFeatures } from './features.js';
import { matchedPhrase, termIdOf, type IndexedPhrase, type PhraseIndex } from './phraseIndex.js';
import { normalizedText } from './normalize.js';
import { amountsIn, numbersIn, pointNumbersIn, spellSigns } from './spelledNumbers.js';
import type { PreparedMessage } from './prepareMessage.js';
import { MIN_SHARED_TERMS, sharedTermsNeeded, sharesPiecesElsewhere, tooFewShared, type Coverage } from './rescore.js';
import { sortPrefix } from './sortPrefix.js';
import { countStretches } from './stretches.js';
import { tokenize } from './tokenize.js';
import { ASKS_IF_TRUE } from './stance/stanceCues.js';
import { verify } from './verifier.js';

/**
 * A Chinese message that shares a single unbroken piece of text with a claim, less than half of
 * it, names what the claim is about (a place, a person, "幼儿园老师") without saying what it
 * claims happened: "上海顾村公园今天人好多" against "上海顾村公园发生了雷击事件". Such a match
 * scores at most NAMES_ONLY_SCORE, below the suggest threshold, whatever the fitted trees say: the
 * labelled sets hold too few such messages for the trees to learn it, and in a small database,
 * where every term is rare, they trust any overlap. At 0.5 it was logged under the member's name
 * and, with soft replies on, answered "you may want to check this" (QA: "周末去顾村公园野餐，天气
 * 很好"). One that says the claim's number names more than what it is about ("美国一晚上建了180座
 * 战地医院？"): NAMES_AND_NUMBER_SCORE, where a question is answered. Only for Chinese: English
 * terms skip stopwords, so a paraphrase's words are often one stretch too.
 */
const NAMES_ONLY_COVERAGE = 0.5;
const NAMES_ONLY_SCORE = 0.35;
const NAMES_AND_NUMBER_SCORE = 0.5;

/**
 * A claim of this few distinct terms (English) said only in part and out of its order — "5G towers
 * are being built near the coronavirus ward" against "5G towers spread the coronavirus" — scores
 * at most SHORT_PART_SCORE, below the act threshold: every word of so short a claim carries its
 * point, and in a small database the trees cannot tell the missing verb from a dropped article.
 * Not a claim said whole in other words (see missesOnlyForms).
 */
const SHORT_CLAIM_TERMS = 4;
const SHORT_PART_ORDER = 0.5;
const SHORT_PART_SCORE = 0.75;

/**
 * A message that shares at most half of a claim's terms and says another number where the claim
 * has one — "I can hold my breath for 40 seconds" against "If you can hold your breath for 10
 * seconds without coughing, you do not have the coronavirus" — talks about something else with
 * the same words, and scores at most SHORT_PART_SCORE; in a small database (see
 * SMALLEST_FITTED) so does one whose other number stands anywhere ("a 600lb moose shot in maine"
 * against "…a 1,300-lb. moose…"). A retelling that says no number at all is not capped for it:
 * "kroger pulled their spinach, it killed some kids in ohio" carries "…killed three children in
 * Ohio" (capped at 0.75 when a number left out counted as another; fresh chat, spread acts 61 →
 * 68 % in English, false acts unchanged). A retelling that keeps most of the claim may change its
 * number ("forward this to 20 contacts") and still carry it.
 */
const OTHER_NUMBER_TERM_SHARE = 0.5;
const NUMBER = /^\d+$/;
/** Tokens either side of a Chinese window where the message's own number is read (see saysOtherNumber). */
const NUMBER_REACH_ZH = 6;

/**
 * Whether the phrase says a number and the message says none of its numbers (in digits, Chinese
 * numerals or English words: "15", "十五", "fifteen"), while its window holds a number of its own,
 * or, with `orAnywhere`, while the message says a number anywhere.
 */
function saysOtherNumber(index: PhraseIndex, c: Coverage, message: PreparedMessage, orAnywhere = false): boolean {
  let windowNumber = false;
  // A Chinese message's number may stand just outside the words it shares: "社区给80岁以上老人发高龄
  // 补贴了，每月100" says other numbers than "…60岁以上老人每月可领800元补贴".
  const reach = c.phrase.ideographic ? NUMBER_REACH_ZH : 0;
  const from = Math.max(0, c.window.first - reach);
  const to = Math.min(message.tokens.length - 1, c.window.last + reach);
  for (let t = from; t <= to && !windowNumber; t++) windowNumber = NUMBER.test(message.tokens[t]!.term);
  if (!windowNumber && !(orAnywhere && numbersIn(message.normalized).size > 0)) return false;
  // A number outside the window is read against the claim's point numbers only: a retelling
  // leaves out the year or the age that only dates the claim ("kanye and kim announced theyre
  // divorcing" against "… divorcing in October 2018"). An English claim dated only ("…crashing near Addis Ababa in March 2019") is not contradicted by
  // a number that names something ("the Ethiopian Airlines 737"): only its point numbers count.
  const claimed = windowNumber && c.phrase.ideographic ? claimNumbersOf(index, c.phrase) : claimPointNumbersOf(index, c.phrase);
  return claimed.size > 0 && !saysClaimNumber(index, c, message);
}

/**
 * Whether the message says one of the phrase's numbers: "美国一晚上建了180座战地医院？" names more
 * than what "…180座战地医院…" is about.
 */
function saysClaimNumber(index: PhraseIndex, c: Coverage, message: PreparedMessage): boolean {
  const claimed = claimNumbersOf(index, c.phrase);
  if (claimed.size === 0) return false;
  const said = numbersIn(message.normalized);
  for (const n of claimed) if (said.has(n)) return true;
  return false;
}

/**
 * `read` of a phrase, read once per index and phrase id, when a cap first asks for it: what the
 * caps read of a claim (its numbers, its telling terms, …) does not depend on the message.
 */
function perPhrase<T>(read: (index: PhraseIndex, phrase: IndexedPhrase) => T): (index: PhraseIndex, phrase: IndexedPhrase) => T {
  const cache = new WeakMap<PhraseIndex, Map<number, T>>();
  return (index, phrase) => {
    let byPhrase = cache.get(index);
    if (!byPhrase) cache.set(index, (byPhrase = new Map()));
    let value = byPhrase.get(phrase.id);
    if (value === undefined) {
      value = read(index, phrase);
      byPhrase.set(phrase.id, value);
    }
    return value;
  };
}

/** A phrase's text as the matcher reads it. */
const normalizedPhrase = (index: PhraseIndex, phrase: IndexedPhrase): string => normalizedText(matchedPhrase(index, phrase.id).text);

/** The numbers a phrase says, however written (see numbersIn). */
const claimNumbersOf = perPhrase((index, phrase): ReadonlySet<string> => numbersIn(normalizedPhrase(index, phrase)));
/**
 * The numbers a phrase is about: an English one's without its years and ages (see pointNumbersIn),
 * a Chinese one's amounts of money and shares (see amountsIn): "冻鸡爪千万别买，僵尸肉！" retells
 * "进口冻鸡爪是存放了三十年的僵尸肉…" without its thirty years (it was capped for that).
 */
const claimPointNumbersOf = perPhrase((index, phrase): ReadonlySet<string> =>
  phrase.ideographic ? amountsIn(normalizedText(spellSigns(matchedPhrase(index, phrase.id).text))) : pointNumbersIn(normalizedPhrase(index, phrase)),
);

/** Whether the term occurs in the match's window. */
function inWindow(message: PreparedMessage, term: number, c: Coverage): boolean {
  const at = message.positions.get(term);
  return at !== undefined && at.some((p) => p >= c.window.first && p <= c.window.last);
}

/**
 * Whether the window says the phrase's last term, where a short claim says what it is about:
 * "5G towers spread coverage" leaves out what "5G towers spread the coronavirus" says they spread
 * (0.80 beside the other example claims). Read in a database small in English: in clef2020-en it
 * costs a tweet that retells a headline without its last word.
 */
function saysLastTerm(c: Coverage, message: PreparedMessage): boolean {
  const { sequence } = c.phrase;
  return sequence.length > 0 && inWindow(message, sequence[sequence.length - 1]!, c);
}

/**
 * Whether the window holds nothing but the phrase's terms it shares, each once, in the phrase's
 * order: "5G spreads corona" says "5G towers spread the coronavirus" with a word left out, where
 * "5G towers are being built near the coronavirus ward" puts other words between.
 */
function saidInOneRun(c: Coverage, message: PreparedMessage): boolean {
  const { first, last } = c.window;
  if (last - first + 1 !== c.window.terms) return false;
  let previous = -1;
  for (const term of c.phrase.sequence) {
    const at = message.positions.get(term);
    if (!at) continue;
    let inWindow = -1;
    for (const p of at) if (p >= first && p <= last) inWindow = inWindow < 0 ? p : -2;
    if (inWindow === -2) return false;
    if (inWindow < 0) continue;
    if (inWindow <= previous) return false;
    previous = inWindow;
  }
  return true;
}

/**
 * The fewest debunks in a language of any set the verifier is fitted on: chat-dev's 45 English
 * claims, checked-zh's 47 Chinese ones. Below, in the message's language, the trees extrapolate,
 * and in so small a database every shared word is rare, so they trust an English message that
 * shares a claim's names and one word more: "Costa Rica trip was amazing, bananas everywhere"
 * against "Bananas imported from Costa Rica carry flesh-eating bacteria" acted (0.80).
 * There, a match sharing at most one of the claim's words besides its names, of three or more,
 * scores at most SHORT_PART_SCORE, as does one saying other numbers than the claim's anywhere
 * (see saysOtherNumber). Larger databases are read as fitted: this costs no labelled message anything,
 * and the names rule costs clef2020-en a tenth of its acts when applied to all. Counted per
 * language: the example claims with 47 Chinese ones added are still 17 English claims, on which
 * "Bill Gates will pay for new vaccine research" acted (0.89).
 */
const SMALLEST_FITTED = { english: 45, chinese: 47 } as const;

/** Per index: how many debunks have an English phrase, and how many a Chinese one. */
const languageSizes = new WeakMap<PhraseIndex, { english: number; chinese: number }>();
function languageSizesOf(index: PhraseIndex): { english: number; chinese: number } {
  let sizes = languageSizes.get(index);
  if (!sizes) {
    sizes = { english: 0, chinese: 0 };
    const flags = index.phrases.ideographic;
    for (let d = 0; d < index.debunks.length; d++) {
      let english = false;
      let chinese = false;
      for (let p = index.phraseStart[d]!; p < index.phraseStart[d + 1]!; p++) {
        if (flags[p] === 1) chinese = true;
        else english = true;
      }
      if (english) sizes.english++;
      if (chinese) sizes.chinese++;
    }
    languageSizes.set(index, sizes);
  }
  return sizes;
}
function smallFor(index: PhraseIndex, ideographic: boolean): boolean {
  const sizes = languageSizesOf(index);
  return ideographic ? sizes.chinese < SMALLEST_FITTED.chinese : sizes.english < SMALLEST_FITTED.english;
}
const FEW_CONTENT_FOUND = 1;
const CONTENT_TERMS_TO_CAP = 3;

/**
 * Words (as terms) any chat says about anything: found in a message, they do not show it tells the
 * claim. "hold on, give me 10 seconds, I'm coughing like crazy" shares "hold", "10", "seconds"
 * and "coughing" with "If you can hold your breath for 10 seconds without coughing, …", and only
 * "coughing" says something of it.
 */
const EVERYDAY_TERMS = [
  'second', 'minut', 'hour', 'dai', 'wek', 'month', 'year', 'time', 'hold', 'give', 'take', 'get', 'make', 'go', 'come', 'kep',
  'put', 'let', 'sai', 'tel', 'know', 'think', 'want', 'ned', 'like', 'lok', 'us', 'start', 'new', 'peopl', 'everi', 'mesag', 'send',
  // When, said of anything: "watched Shawshank again last night, Morgan Freeman's narration is perfect"
  // shares "last night" and the name with "Morgan Freeman died in his sleep last night" (0.96).
  'last', 'night', 'tonight', 'morn', 'wekend', 'ago',
];
/** Whether a term (as tokenized) is one of EVERYDAY_TERMS, whether or not the index knows it. */
export const isEverydayTerm = (term: string): boolean => EVERYDAY_TERM_SET.has(term);
const EVERYDAY_TERM_SET: ReadonlySet<string> = new Set(EVERYDAY_TERMS);
/** The ids an index gives a fixed list of terms (those it knows), read once per index. */
export function termIdsOf(terms: readonly string[]): (index: PhraseIndex) => ReadonlySet<number> {
  const cache = new WeakMap<PhraseIndex, ReadonlySet<number>>();
  return (index) => {
    let ids = cache.get(index);
    if (!ids) {
      ids = new Set(terms.map((t) => termIdOf(index, t)).filter((id): id is number => id !== undefined));
      cache.set(index, ids);
    }
    return ids;
  };
}
export const everydayIds = termIdsOf(EVERYDAY_TERMS);

/**
 * Chinese words any chat says about anything (people, places, times): a Chinese message that
 * shares with a claim at most one character pair outside these — "青浦新开了一家
 * 幼儿园，老师都是研究生" against "青浦一名幼儿园老师从事卖淫" shares "青浦" and everyday words — names
 * what the claim is about, not what it claims, and scores at most SHORT_PART_SCORE (it acted at 0.98).
 * A pair counts as everyday when both its characters lie in such words ("园老" of "幼儿园老师").
 */
const EVERYDAY_WORDS_ZH = [
  '老师', '幼儿园', '学校', '学生', '孩子', '小孩', '女孩', '男孩', '小女孩', '父亲', '母亲', '家人', '老人', '医生', '医院',
  '公司', '员工', '公园', '上海', '北京', '今天', '明天', '昨天', '现在', '群里', '网上', '大家', '我们', '你们', '他们',
  '一名', '一个', '有人', '发生', '事件', '消息', '听说', '真的', '就是', '可以', '已经', '地铁', '出门',
  // "谁把会议纪要转发到大群里一下" shares "转发", "群里" and "一下" with "只是在群里转发一下，…不犯法" (0.95, a strike).
  '一下',
];
/** Written as the matcher reads text (normalized), as the claims are searched. */
const EVERYDAY_ZH_RE = new RegExp(EVERYDAY_WORDS_ZH.map((w) => normalizedText(w)).join('|'), 'gu');

/**
 * Places (provinces, large cities, countries) that a Chinese question names while asking about
 * something else there: "珠海过澳门现在要隔离吗？" asks about crossing between the two places of
 * "为了不隔离从澳门游泳回珠海", not whether a man swam it (it was answered at 0.58). Read as everyday
 * words only for questions (see scoreOf): a retelling that keeps a claim's place and a word of its
 * event ("隔离病房小宝贝求医生抱 武汉的" of "武汉因感染被隔离的宝宝，看到医生后求抱抱") carries it.
 */
const PLACES_ZH = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南',
  '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏', '宁夏', '新疆',
  '香港', '澳门', '石家庄', '太原', '沈阳', '长春', '哈尔滨', '南京', '杭州', '合肥', '福州', '南昌', '济南', '郑州', '武汉', '长沙',
  '广州', '海口', '成都', '贵阳', '昆明', '西安', '兰州', '西宁', '台北', '呼和浩特', '南宁', '拉萨', '银川', '乌鲁木齐', '深圳', '珠海',
  '厦门', '青岛', '大连', '宁波', '苏州', '无锡', '汕头', '东莞', '佛山', '温州', '三亚', '中国', '美国', '日本', '韩国', '英国',
  '法国', '德国', '意大利', '俄罗斯', '印度', '伊朗', '加拿大', '澳大利亚', '全国', '全省', '全市',
  '威尼斯', '米兰', '罗马', '巴黎', '伦敦', '纽约', '东京', '首尔', '新加坡', '西班牙', '泰国', '越南', '朝鲜', '台北', '欧洲', '美洲',
  '亚洲', '非洲',
];
/**
 * Where else a Chinese claim happens, read as places: the schools, hospitals, stations, shops and
 * apps there, and a district, county, town or village by its suffix ("前镇区", "长安镇", "西湖区"), of
 * one to four characters that are not particles or verbs of being. "高雄前鎮區的國小下週要開運動會"
 * names where "高雄前鎮區一間國小營養午餐驗出老鼠藥" happened and nothing of what (it acted at 0.96).
 */
const INSTITUTIONS_ZH = [
  '小学', '中学', '初中', '高中', '大学', '学院', '国小', '医院', '小区', '车站', '火车站', '高铁站', '地铁站', '机场', '超市', '商场',
  '银行', '派出所', '公安局', '政府', '电梯', '扶梯',
  // The apps a claim is about: "微信最近更新之后聊天记录备份好慢" names the app and the chat history of
  // "微信开始监控聊天记录，发敏感词直接封号罚款", not the watching (0.95 before).
  '微信', '支付宝', '抖音', '快手', '淘宝', '京东', '美团', '拼多多', '微博', '腾讯', '聊天记录',
];
const NAMED_PLACE_ZH = '[^\\P{Script=Han}的了是在有被把和与就都也又还会要将已全一]{1,4}(?:省|市|区|县|镇|乡|村)';
const EVERYDAY_OR_PLACE_ZH_RE = new RegExp([...[...EVERYDAY_WORDS_ZH, ...PLACES_ZH, ...INSTITUTIONS_ZH].map((w) => normalizedText(w)), NAMED_PLACE_ZH].join('|'), 'gu');

/**
 * What of a phrase the names-and-one-word cap reads: how many of its terms count
 * towards the CONTENT_TERMS_TO_CAP it needs, and the ids of those that tell the claim when found.
 * English: the terms that are not names count, and tell unless they are the claim's numbers or
 * everyday words. Chinese (no names to tell): the character pairs outside everyday words do both.
 */
interface TellingTerms {
  content: number;
  telling: Int32Array;
  /** The characters of the telling terms (Chinese), function characters left out. */
  chars?: string;
}
const tellingTerms = perPhrase((index, phrase) =>
  phrase.ideographic ? chineseTellingTerms(index, normalizedPhrase(index, phrase), EVERYDAY_ZH_RE) : englishTellingTerms(index, phrase),
);
/** A Chinese phrase's with its places read as everyday words too (see PLACES_ZH). */
const tellingTermsBesidePlaces = perPhrase((index, phrase) =>
  phrase.ideographic ? chineseTellingTerms(index, normalizedPhrase(index, phrase), EVERYDAY_OR_PLACE_ZH_RE) : tellingTerms(index, phrase),
);

function englishTellingTerms(index: PhraseIndex, phrase: IndexedPhrase): TellingTerms {
  const everyday = everydayIds(index);
  const numbers = new Set<number | undefined>();
  for (const n of claimNumbersOf(index, phrase)) numbers.add(termIdOf(index, n));
  let content = 0;
  const telling: number[] = [];
  for (let k = 0; k < phrase.terms.length; k++) {
    if (phrase.names[k]) continue;
    content++;
    const id = phrase.terms[k]!;
    if (!everyday.has(id) && !numbers.has(id)) telling.push(id);
  }
  return { content, telling: Int32Array.from(telling) };
}

/**
 * Characters that tell nothing beside an everyday word or a place: particles, and "from" and "back to"
 * ("从澳门回珠海排队排了两个小时" names two places of "为了不隔离从澳门游泳回珠海"). Not "到": "游泳到香港"
 * says where the swim went, a word more than "游泳".
 */
const FUNCTION_CHARS_ZH = /[了的是在和与就都也又还吗呢吧啊着过从回]/gu;

/** Content characters of a Chinese claim said in two words of two characters. */
const TWO_WORDS_ZH = 4;

/**
 * A short Chinese claim said in its two words with others between them: "说信阳已经封城" shares
 * only the pairs 信阳 and 封城 of "信阳封城了" (whose pairs 阳封 and 城了 straddle its words), one
 * short of the three shared terms a match needs, yet holds every character of the claim but its
 * function characters. Such a window is measured like any other.
 */
function saysShortChineseClaim(index: PhraseIndex, c: Coverage, message: PreparedMessage): boolean {
  if (!c.phrase.ideographic || c.window.terms !== 2 || sharedTermsNeeded(c.phrase.terms.length) !== MIN_SHARED_TERMS) return false;
  const content = c.phrase.ideographs.replace(FUNCTION_CHARS_ZH, '');
  if (content.length !== TWO_WORDS_ZH) return false;
  // The shared pairs as the index reads them ("江城" is "武汉"), not as written.
  let said = '';
  for (let t = c.window.first; t <= c.window.last; t++) {
    const term = message.tokens[t]!.term;
    const id = termIdOf(index, term);
    if (id !== undefined && c.phrase.terms.includes(id)) said += term;
  }
  for (const ch of content) if (!said.includes(ch)) return false;
  return true;
}

/**
 * A Chinese claim retold short, in two of its words and single characters of the rest: "昆明电梯掉
 * 下去死了七个人" shares only the pairs 昆明 and 电梯 of "昆明一小区电梯坠落，当场摔死七人", one short
 * of the three shared terms a match needs, and says its 死, 七 and 人 as well. Such a window is
 * measured like any other when a pair tells more than a place, and the characters it and the
 * characters around it say hold FEW_PAIRS_CHARACTERS of the claim's content, a FEW_PAIRS_SHARE of them.
 */
function saysChineseClaimInFewPairs(index: PhraseIndex, c: Coverage, message: PreparedMessage): boolean {
  if (!c.phrase.ideographic || c.window.terms !== 2 || sharedTermsNeeded(c.phrase.terms.length) !== MIN_SHARED_TERMS) return false;
  if (tellingRuns(tellingTermsBesidePlaces(index, c.phrase).telling, c, message) === 0) return false;
  const content = c.phrase.ideographs.replace(FUNCTION_CHARS_ZH, '');
  const around = windowText(message, c, FEW_PAIRS_REACH);
  // The content's distinct characters, counted in place: a Set of them and a string per character
  // cost a twentieth of the bench's allocation.
  let distinct = 0;
  let said = 0;
  for (let k = 0; k < content.length; ) {
    const point = content.codePointAt(k)!;
    const width = point > 0xffff ? 2 : 1;
    if (!hasCodePointBefore(content, point, k)) {
      distinct++;
      if (holdsUnits(around, content.charCodeAt(k), width === 2 ? content.charCodeAt(k + 1) : -1)) said++;
    }
    k += width;
  }
  return said >= FEW_PAIRS_CHARACTERS && said >= FEW_PAIRS_SHARE * distinct;
}

/** Whether a code point of `text` before offset `end` (read as a string iterates it) is `point`. */
function hasCodePointBefore(text: string, point: number, end: number): boolean {
  for (let j = 0; j < end; ) {
    const other = text.codePointAt(j)!;
    if (other === point) return true;
    j += other > 0xffff ? 2 : 1;
  }
  return false;
}

/** `text.includes` of one character, given as its unit (`low` -1) or its surrogate pair: no string made for it. */
function holdsUnits(text: string, high: number, low: number): boolean {
  for (let j = 0; j < text.length; j++) {
    if (text.charCodeAt(j) === high && (low < 0 || text.charCodeAt(j + 1) === low)) return true;
  }
  return false;
}
const FEW_PAIRS_CHARACTERS = 6;
const FEW_PAIRS_SHARE = 0.35;
/** Characters past either end of the window where the rest of a short retelling is read ("…死了七个人"). */
const FEW_PAIRS_REACH = 8;

/** Whether `everyday[start, end)` is all 1: read in place, where a view and a callback per token cost allocation. */
function allEveryday(everyday: Uint8Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (everyday[k] !== 1) return false;
  return true;
}

function chineseTellingTerms(index: PhraseIndex, text: string, everydayWords: RegExp): TellingTerms {
  const everyday = new Uint8Array(text.length);
  for (const m of text.matchAll(everydayWords)) everyday.fill(1, m.index, m.index + m[0].length);
  // A function character beside an everyday word tells nothing either: the "了地" of "…崩了进不了地铁"
  // is found in "…绿码了，地铁人好少" (the comma between Chinese characters is normalized away).
  for (const m of text.matchAll(FUNCTION_CHARS_ZH)) everyday[m.index] = 1;
  const found = new Set<number>();
  let chars = '';
  for (const t of tokenize(text)) {
    if (allEveryday(everyday, t.start, t.end)) continue;
    const id = termIdOf(index, t.term);
    if (id === undefined) continue;
    found.add(id);
    for (let k = t.start; k < t.end; k++) if (everyday[k] !== 1 && !chars.includes(text[k]!)) chars += text[k]!;
  }
  return { content: found.size, telling: Int32Array.from(found), chars };
}

/**
 * Whether the window holds at most FEW_CONTENT_FOUND of the phrase's telling terms, of a phrase
 * with CONTENT_TERMS_TO_CAP or more that count (see TellingTerms).
 */
function namesAndOneWord(index: PhraseIndex, c: Coverage, message: PreparedMessage, places: boolean): boolean {
  const { content, telling } = (places ? tellingTermsBesidePlaces : tellingTerms)(index, c.phrase);
  if (content < CONTENT_TERMS_TO_CAP) return false;
  if (c.phrase.ideographic) return tellingRuns(telling, c, message) <= FEW_CONTENT_FOUND;
  // The claim's number said counts as one of its words: "they split the election into 2 days"
  // says the "two" of "Election Day is being split across two separate days".
  let found = saysClaimNumber(index, c, message) ? 1 : 0;
  const death = deathIds(index);
  const events = eventIds(index);
  for (const id of telling) {
    if (!inWindow(message, id, c)) continue;
    // A death said of the claim's names is the whole of a death rumor: "morgan freeman died last night??";
    // so is another event the claim says befell them: "rip hartwell cola, brightwater is discontinuing it".
    found += death.has(id) || events.has(id) ? FEW_CONTENT_FOUND + 1 : 1;
    if (found > FEW_CONTENT_FOUND) return false;
  }
  return true;
}
/** The term "die" ("died", "dead", "passed away"), if the index knows it. */
const deathIds = termIdsOf(['die']);
/**
 * Events a claim says befell what it names, as terms (discontinued, recalled, cancelled, arrested,
 * banned, killed, kidnapped, poisoned, hacked, collapsed, shut): said of the claim's names they
 * carry it, as a death does. Fresh chat (b14, en): one more spread message acted on, no false act.
 */
const eventIds = termIdsOf(['discontinu', 'recal', 'cancel', 'arest', 'ban', 'kil', 'kidnap', 'poison', 'hack', 'colaps', 'shut']);

/**
 * English databases of fewer debunks than this (a group's own, chat-dev's 45 English claims) cap a
 * match that shares a claim's names and none of its other words, of three or more, at
 * SHORT_PART_SCORE, whatever the trees say: "Super Bowl LIII was Patriots vs Rams, most boring game
 * ever" against "More people watched President Trump's 2019 State of the Union address on television
 * than watched Super Bowl LIII" acted (0.87) when the trees were fitted without that claim's
 * messages. In chat-dev's cross-validation this halves the false acts (1.2 % to 0.6 %) and costs
 * no spread message or question. Not at CLEF's size (10,375 claims), where tweets retell a headline by its names: there
 * it would cost a twentieth of the acts (0.604 to 0.579 on dev).
 */
const NAMES_ONLY_EN_BELOW = 1000;
const groupSized = (index: PhraseIndex): boolean => languageSizesOf(index).english < NAMES_ONLY_EN_BELOW;

/**
 * English words for whom and where a claim is about, which say nothing of what it claims happened:
 * "the kindergarten teachers in Qingpu are so nice" shares Qingpu, kindergarten and teacher with
 * "Qingpu kindergarten teacher prostitution scandal" (0.95 and a strike before), and "my dad took
 * the kids to the beach in Shanghai today" father, beach and Shanghai with "The father of the girl
 * lost on the Shanghai beach is her stepfather" (0.90), and none of what either claims happened.
 * Read by namesWithoutContent as it reads names, not as everyday words elsewhere: "a kindergarten
 * teacher in Qingpu is a prostitute" says one word more and retells the claim.
 */
const PEOPLE_AND_PLACES_EN = [
  'teacher', 'kindergarten', 'schol', 'student', 'kid', 'child', 'children', 'parent', 'daughter', 'son', 'girl', 'boi', 'father',
  'mother', 'famili', 'doctor', 'nurs', 'hospit', 'park', 'beach', 'citi', 'town', 'todai', 'tomorow', 'yesterdai',
];
const peopleAndPlaceIds = termIdsOf(PEOPLE_AND_PLACES_EN);
/** A capitalized word after the first of an English phrase (or after an initial: "Robert E. Lee"): a name, whatever the claim writes. */
const CAPITALIZED_LATER = /(?<=(?:[A-Za-z0-9,;:'"”)\]]|(?<![A-Za-z])[A-Z]\.)\s+)[A-Z][A-Za-z]+/g;

/**
 * The terms PEOPLE_AND_PLACES_EN names, and those any English phrase of the debunk writes
 * capitalized after its first word (a claim written in Chinese has no names of its own: "Qingpu",
 * "Shanghai" in its English variants).
 */
export const whoOrWhereOf = perPhrase((index, phrase): ReadonlySet<number> => {
  const ids = new Set(peopleAndPlaceIds(index));
  const { phraseStart, phrases } = index;
  for (let p = phraseStart[phrase.debunkIndex]!; p < phraseStart[phrase.debunkIndex + 1]!; p++) {
    if (phrases.ideographic[p] === 1) continue;
    for (const m of matchedPhrase(index, p).text.matchAll(CAPITALIZED_LATER)) {
      for (const t of tokenize(normalizedText(m[0]))) {
        const id = termIdOf(index, t.term);
        if (id !== undefined) ids.add(id);
      }
    }
  }
  return ids;
});

/**
 * Names enough to tell the claim by themselves: "the secret service calls Hillary's plane
 * 'Broomstick One'" says three of "Secret Service … 'Broomstick One' … Hillary Clinton" and retells
 * it; "Super Bowl LIII" or "African Union Travel Advisory" is one name, however many words.
 */
const TELLING_NAMES = 3;

/**
 * Whether the window holds none of the phrase's telling words (names, numbers and everyday words
 * aside), of three or more, and fewer than TELLING_NAMES of its names (a name: a run of name words
 * in the phrase).
 */
function namesWithoutContent(index: PhraseIndex, c: Coverage, message: PreparedMessage): boolean {
  const { content, telling } = tellingTerms(index, c.phrase);
  if (content < CONTENT_TERMS_TO_CAP) return false;
  const whoOrWhere = whoOrWhereOf(index, c.phrase);
  for (const id of telling) if (!whoOrWhere.has(id) && inWindow(message, id, c)) return false;
  return nameRuns(c, message).said < TELLING_NAMES;
}

/**
 * Whether the window says, of a long English claim, only the unbroken run of words it ends on, with
 * a name in it: "jade helm was just a military training exercise …" says the "Jade Helm military
 * exercise" of "President Obama is planning to strip Texas of statehood in advance of the Jade Helm
 * military exercise" (0.91 before), where the claim happens, not what it claims. At most half the
 * claim's words; read in a database small in English (see groupSized). Not a run inside the claim:
 * "… ilhan omar dancing …" says what "A video shows U.S. Rep. Ilhan Omar dancing on the anniversary
 * of 9/11" claims.
 */
function saysOneNamedRun(c: Coverage, message: PreparedMessage): boolean {
  const { sequence, terms, names } = c.phrase;
  if (sequence.length < ONE_RUN_CLAIM_TERMS) return false;
  let first = -1;
  let last = -1;
  let found = 0;
  for (let i = 0; i < sequence.length; i++) {
    if (!inWindow(message, sequence[i]!, c)) continue;
    if (first < 0) first = i;
    last = i;
    found++;
  }
  if (found === 0 || found !== last - first + 1 || 2 * found > sequence.length || last !== sequence.length - 1) return false;
  for (let i = first; i <= last; i++) {
    const k = terms.indexOf(sequence[i]!);
    if (k >= 0 && names[k]) return true;
  }
  return false;
}
/** Words of the shortest English claim read so: a shorter one is read by the short-claim caps. */
const ONE_RUN_CLAIM_TERMS = 7;

/**
 * The names of a phrase (runs of its name words: "Super Bowl LIII", "Confederate General Robert E"),
 * and how many of them the window says a word of.
 */
function nameRuns(c: Coverage, message: PreparedMessage): { runs: number; said: number } {
  const nameIds = new Set<number>();
  for (let k = 0; k < c.phrase.terms.length; k++) if (c.phrase.names[k]) nameIds.add(c.phrase.terms[k]!);
  let runs = 0;
  let said = 0;
  let inRun = false;
  let runSaid = false;
  for (const id of c.phrase.sequence) {
    const name = nameIds.has(id);
    if (name && !inRun) {
      runs++;
      runSaid = false;
    }
    if (name && !runSaid && inWindow(message, id, c)) {
      runSaid = true;
      said++;
    }
    inRun = name;
  }
  return { runs, said };
}

/**
 * tellingRuns' positions, kept between calls: an array and a comparator sort per Chinese candidate
 * were a few percent of the bench's allocation. Token positions are small non-negative integers.
 */
let runPositions = new Int32Array(64);
/** Positions this few (a window's telling pairs usually are) are sorted by insertion. */
const RUN_INSERTION_SORT_MAX = 32;

/**
 * How many words of a Chinese phrase's telling pairs the window holds, a word per two pairs of
 * an unbroken run, rounded up: three characters are two pairs ("青浦有" of "上海青浦有幼儿园老师卖淫")
 * and one word; "谁发谣言谁负责" is three.
 */
function tellingRuns(telling: Int32Array, c: Coverage, message: PreparedMessage): number {
  const { first, last } = c.window;
  let n = 0;
  for (const id of telling) {
    const at = message.positions.get(id);
    if (at === undefined) continue;
    for (const p of at) {
      if (p < first || p > last) continue;
      if (n === runPositions.length) {
        const grown = new Int32Array(2 * n);
        grown.set(runPositions);
        runPositions = grown;
      }
      runPositions[n++] = p;
    }
  }
  const found = sortPrefix(runPositions, n, RUN_INSERTION_SORT_MAX);
  let words = 0;
  let run = 0;
  let previous = -2;
  for (let k = 0; k < n; k++) {
    const p = found[k]!;
    if (p === previous) continue;
    if (p !== previous + 1) {
      words += Math.ceil(run / 2);
      run = 0;
    }
    run++;
    previous = p;
  }
  return words + Math.ceil(run / 2);
}

/** A message needs this many distinct known terms before any phrase could share enough with it. */
export const FEWEST_TERMS_TO_MATCH = sharedTermsNeeded(0);

/**
 * Whether some phrase of debunk `d` shares enough distinct terms with the message, anywhere in
 * it, not to be ruled out. A window holds no more than the whole message, so when no candidate
 * passes this, none can match: most chat shares a word or two with some debunk and no more,
 * and is done without measuring windows. `fewest` lowers the count asked for (a short question
 * needs two, see shortQuestion.ts).
 */
export function mayMatch(index: PhraseIndex, message: PreparedMessage, d: number, fewest = MIN_SHARED_TERMS): boolean {
  const { termStart, terms, ideographic } = index.phrases;
  for (let p = index.phraseStart[d]!; p < index.phraseStart[d + 1]!; p++) {
    const size = termStart[p + 1]! - termStart[p]!;
    // A Chinese claim may be said in two pairs: a short one (see saysShortChineseClaim), or any
    // with single characters of the rest (see saysChineseClaimInFewPairs).
    const needed = Math.min(fewest, ideographic[p] === 1 ? 2 : sharedTermsNeeded(size));
    let present = 0;
    for (let k = termStart[p]!; k < termStart[p + 1]!; k++) {
      if (message.positions.has(terms[k]!) && ++present >= needed) return true;
    }
  }
  return false;
}

/** Index of `order` in the feature vector: the explanation shows it as the wording similarity. */
const ORDER = 7;
/** Index of `termShare`: the share of the phrase's distinct terms found. */
const TERM_SHARE = 1;

/**
 * The least score of a message that spells the phrase out: the fitted trees see few near-copies
 * (members paraphrase), so their output is flat there; a copy must score like one. 1 for a
 * verbatim phrase, 0.72 at 90 % coverage in 80 % of the phrase's order, under 0.3 for a half.
 */
export function nearCopyFloor(coverage: number, order: number): number {
  const closeness = Math.min(coverage, (coverage + order) / 2);
  return closeness * closeness;
}

/** A candidate with its features and score. */
export interface ScoredCandidate {
  coverage: Coverage;
  /** Empty unless all features were asked for. */
  features: Float64Array;
  ideographic: boolean;
  /** Too few shared terms to match at all. */
  ruledOut: boolean;
  /** The verifier's probability that the message carries the claim; 0 when ruled out. */
  score: number;
  /** Word-order agreement, for the explanation. */
  order: number;
  /** Ranking relevance: BM25 relative to the best candidate, plus coverage. */
  relevance: number;
  /** How the score was reached, for asksAboutSomethingElse. */
  reached: ScoreReached;
}

/**
 * How a candidate's score was reached: not scored, capped as a names-only piece, above every cap,
 * capped at SHORT_PART_SCORE, or at most SHORT_PART_SCORE as the verifier gave it.
 */
type ScoreReached = 'none' | 'namesOnly' | 'above' | 'capped' | 'below';

/**
 * Whether the message names what the claim is about (its names, a place, one word more) without
 * what it claims: "周末去顾村公园看樱花吗？" against "上海顾村公园发生了雷击事件". A question that
 * does so asks about something else unless it asks whether something is true (see matcher). Read
 * only for a question's best match: the telling terms it needs cost the first message that
 * reaches a claim time, and most messages do not ask.
 */
export function asksAboutSomethingElse(index: PhraseIndex, message: PreparedMessage, s: ScoredCandidate): boolean {
  const c = s.coverage;
  switch (s.reached) {
    case 'none':
      return false;
    case 'namesOnly':
      return !saysClaimNumber(index, c, message);
    case 'above':
      return asksAboutTopic(index, c, message, false) || asksAboutSubject(index, c, message);
    case 'capped':
    case 'below':
      return s.score >= TOPIC_READ_FROM && (asksAboutTopic(index, c, message, topicOnly(index, c, message)) || asksAboutSubject(index, c, message));
  }
}

/**
 * A claim that says who or what someone is ("上海海滩走失女孩的父亲是她的继父", "The father of the girl
 * lost on the Shanghai beach is her stepfather") has its subject before the verb "to be" and what it
 * says of them after it. A question that names the subject only asks about them, not the claim:
 * "上海海滩走失的小女孩找到了吗" was answered with the stepfather refutation (0.77). Read for
 * questions only: a statement about the subject says nothing of the claim either, but is left to
 * the caps that read statements.
 */
function asksAboutSubject(index: PhraseIndex, c: Coverage, message: PreparedMessage): boolean {
  const { done, does, doesChars } = copulaSidesOf(index, c.phrase);
  // "… isnt her real dad. does anyone know if thats true?" asks whether what was said is true.
  if (done.length === 0 || ASKS_IF_TRUE.test(message.text)) return false;
  const holds = (ids: Int32Array) => ids.some((id) => inWindow(message, id, c));
  if (!holds(done) || holds(does)) return false;
  if (!c.phrase.ideographic) return true;
  // What the claim says of them, said in a word of its own: "…小女孩的爸爸是后爸吗" (继父) holds its 爸.
  const around = windowText(message, c, SIDE_REACH);
  for (const ch of doesChars ?? '') if (around.includes(ch)) return false;
  return true;
}

/** The first "是" of a Chinese claim's first clause that is the verb "to be" (not "不是", "就是", "还是", "但是", …). */
const COPULA_ZH = /是/gu;
const NOT_COPULA_BEFORE = new Set(['不', '就', '还', '但', '可', '只', '真', '要', '若', '于', '总', '凡', '或', '即', '倒', '硬', '算', '老']);
/**
 * The English verb "to be" before what the subject is ("… is her stepfather", "… was a hoax"),
 * not the auxiliary of a passive ("… a maggot-infested weave was sewn into her scalp").
 */
const COPULA_EN = /\b(?:is|are|was|were) (?=(?:a|an|the|her|his|their|its|our|your|one|only) )/iu;

const copulaSidesOf = perPhrase((index, phrase): ClaimSides => {
  const claim = matchedPhrase(index, phrase.id).text;
  if (phrase.ideographic) {
    const clause = CLAUSE_END.exec(claim);
    const first = clause ? claim.slice(0, clause.index) : claim;
    const copula = [...first.matchAll(COPULA_ZH)].find((m) => m.index > 0 && !NOT_COPULA_BEFORE.has(first[m.index - 1]!));
    return copula ? chineseSidesAround(index, first.slice(0, copula.index), first.slice(copula.index + 1)) : NO_SIDES;
  }
  const copula = COPULA_EN.exec(claim);
  if (!copula) return NO_SIDES;
  const before = new Set(termIdsIn(index, claim.slice(0, copula.index)));
  const after = new Set(termIdsIn(index, claim.slice(copula.index + copula[0].length)));
  const done = Int32Array.from([...before].filter((id) => !after.has(id)));
  const does = Int32Array.from([...after].filter((id) => !before.has(id)));
  return done.length > 0 && does.length > 0 ? { done, does } : NO_SIDES;
});

/**
 * Weight of coverage against relative BM25 in the ranking. BM25 ranks paraphrases better
 * (clef2020-en), coverage ranks rumors inside long posts better (checked-zh).
 */
const RANK_COVERAGE_WEIGHT = 0.2;

/**
 * Whether the message carries only part of the claim, however the trees score it: a short English
 * claim said in part, another number (see the constants), or only what it is about (topicOnly).
 */
function saysOnlyPart(index: PhraseIndex, c: Coverage, message: PreparedMessage, features: Float64Array): boolean {
  const english = !c.phrase.ideographic;
  const small = smallFor(index, c.phrase.ideographic);
  const shortPart =
    english &&
    c.phrase.terms.length <= SHORT_CLAIM_TERMS &&
    features[TERM_SHARE]! < 1 &&
    ((features[ORDER]! < SHORT_PART_ORDER && !saidInOneRun(c, message) && !saysVerbAndBothSides(index, c, message)) ||
      (small && !saysLastTerm(c, message))) &&
    !missesOnlyForms(index, c, message);
  return (
    shortPart ||
    topicOnly(index, c, message) ||
    (english && groupSized(index) && (namesWithoutContent(index, c, message) || saysOneNamedRun(c, message))) ||
    saysOneSide(index, c, message) ||
    (features[TERM_SHARE]! <= OTHER_NUMBER_TERM_SHARE && saysOtherNumber(index, c, message, small)) ||
    saysOtherDisease(index, c, message)
  );
}

/**
 * Diseases, each one way however written (normalized text): a claim about one is not retold by a
 * message about another ("I'm eating garlic bread, hope I don't catch a cold" against "Eating garlic
 * prevents infection with the coronavirus" acted at 0.91; "盐水漱口能预防甲流" against "…预防新冠").
 * "cold" only as the illness: "a cold", "the common cold".
 */
const DISEASES: readonly RegExp[] = [
  /(?<![a-z])(?:covid|coronavirus|corona|sars cov)|新冠|冠状病毒|新型肺炎/u,
  /(?<![a-z])(?:flu|influenza)(?![a-z])|流感|甲流|乙流/u,
  /(?<![a-z])(?:a|the|common) cold(?![a-z])|感冒/u,
  /(?<![a-z])(?:cancer|tumou?r|leuk(?:a)?emia|carcinogen)|癌|肿瘤|白血病/u,
  /(?<![a-z])diabet|糖尿病/u,
  /(?<![a-z])(?:hiv|aids)(?![a-z])|艾滋/u,
  /(?<![a-z])dengue|登革热/u,
  /(?<![a-z])malaria|疟疾/u,
  /(?<![a-z])measles|麻疹/u,
  /(?<![a-z])(?:alzheimer|dementia)|老年痴呆|阿尔茨海默/u,
  /(?<![a-z])asthma|哮喘/u,
  /(?<![a-z])(?:high blood pressure|hypertension)|高血压/u,
];
const diseasesIn = (text: string): number => DISEASES.reduce((found, d, i) => (d.test(text) ? found | (1 << i) : found), 0);
const claimDiseasesOf = perPhrase((index, phrase): number => diseasesIn(normalizedPhrase(index, phrase)));

/** Whether the phrase names a disease and the message names another, and none of the phrase's. */
function saysOtherDisease(index: PhraseIndex, c: Coverage, message: PreparedMessage): boolean {
  const claimed = claimDiseasesOf(index, c.phrase);
  if (claimed === 0) return false;
  const said = diseasesSaid(message);
  return said !== 0 && (said & claimed) === 0;
}
/** The diseases of the message read last: its candidates are read one after another. */
let diseasesOf: { message: PreparedMessage; said: number } | undefined;
function diseasesSaid(message: PreparedMessage): number {
  if (diseasesOf?.message !== message) diseasesOf = { message, said: diseasesIn(message.normalized) };
  return diseasesOf.said;
}

/** Shortest stem that counts as another form of a longer one ("defin" of "definit"). */
const FORM_STEM = 5;

/** A phrase's terms as strings, by term id. */
const termTextsOf = perPhrase((index, phrase) => {
  const texts = new Map<number, string>();
  for (const t of tokenize(normalizedPhrase(index, phrase))) {
    const id = termIdOf(index, t.term);
    if (id !== undefined) texts.set(id, t.term);
  }
  return texts;
});

/**
 * Whether every term of the phrase the window lacks is a name said by another of its names
 * ("Trump" for "Donald Trump") or another form of a word it holds ("definition" for "define",
 * which the stemmer keeps apart): the claim is said whole, not in part.
 */
function missesOnlyForms(index: PhraseIndex, c: Coverage, message: PreparedMessage): boolean {
  const { terms, names } = c.phrase;
  let nameFound = false;
  for (let k = 0; k < terms.length; k++) if (names[k] && inWindow(message, terms[k]!, c)) nameFound = true;
  let texts: Map<number, string> | undefined;
  for (let k = 0; k < terms.length; k++) {
    const id = terms[k]!;
    if (inWindow(message, id, c)) continue;
    if (names[k] && nameFound) continue;
    texts ??= termTextsOf(index, c.phrase);
    const missing = texts.get(id);
    if (missing === undefined || missing.length < FORM_STEM) return false;
    let form = false;
    for (let t = c.window.first; t <= c.window.last && !form; t++) {
      const said = message.tokens[t]!.term;
      const [short, long] = said.length < missing.length ? [said, missing] : [missing, said];
      form = short.length >= FORM_STEM && long.startsWith(short);
    }
    if (!form) return false;
  }
  return true;
}

/**
 * A Chinese claim that says what something can or will do ("用淡盐水漱口、洗鼻子能预防新冠病毒感染",
 * "蚊子叮咬会传播新冠病毒", "吃碘盐可以防辐射") joins, with its modal, what is done to what it
 * does. A message that says one side only talks about the remedy or the thing, not the claim:
 * "嗓子疼，医生让我用淡盐水漱漱口" acted at 0.94 with a refutation, "我爸说吃碘盐可以补碘" at 0.9.
 * Read at the first modal of the claim's first clause (a list's "、" inside it), when each side
 * holds a telling pair (see chineseTellingTerms); a claim of several clauses ("网上传个谣言而已，
 * 根本没人管，也不会被处罚") says more than one thing, and any of them may be retold alone.
 */
const MODAL_ZH = /可以|能够|能|会/gu;
/** Words holding a modal's character that are not modals: "可能", "社会", "机会", "功能", … */
const NOT_MODAL_BEFORE = new Set(['可', '功', '智', '本', '性', '技', '体', '潜', '社', '机', '大', '学', '协', '聚', '晚', '开', '工', '国', '约', '误', '宴', '都', '省']);
const NOT_MODAL_AFTER = new Set(['力', '源', '量', '耐', '议', '员', '长', '计', '所', '场', '见', '面', '谈', '话']);
const CLAUSE_END = /[，,。！!？?；;：:\n]/u;

interface ClaimSides {
  /** Telling term ids before the modal, and after it; empty when the phrase is not so split. */
  done: Int32Array;
  does: Int32Array;
  /** Chinese: the characters of each side's telling terms (see TellingTerms). */
  doneChars?: string;
  doesChars?: string;
  /**
   * What follows said alone still says the claim: "WhatsApp will start charging" is the rumor of
   * "WhatsApp will start charging unless you forward this message to 10 contacts", where only its
   * condition ("forward this message to your 10 closest contacts") said alone is a part.
   */
  doesAloneSays?: boolean;
}
const NO_SIDES: ClaimSides = { done: new Int32Array(0), does: new Int32Array(0) };
const claimSidesOf = perPhrase((index, phrase) => chineseSides(index, matchedPhrase(index, phrase.id).text));

function chineseSides(index: PhraseIndex, claim: string): ClaimSides {
  // Clauses are read in the claim as written: normalizing drops its punctuation.
  const clause = CLAUSE_END.exec(claim);
  const first = clause ? claim.slice(0, clause.index) : claim;
  let modal: RegExpMatchArray | undefined;
  for (const m of first.matchAll(MODAL_ZH)) {
    if (NOT_MODAL_BEFORE.has(first[m.index - 1] ?? '') || NOT_MODAL_AFTER.has(first[m.index + m[0].length] ?? '')) continue;
    modal = m;
    break;
  }
  return modal ? chineseSidesAround(index, claim.slice(0, modal.index), claim.slice(modal.index! + modal[0].length)) : NO_SIDES;
}

/** The sides of a Chinese claim split at its modal or its verb "to be": each side's telling terms and their characters. */
function chineseSidesAround(index: PhraseIndex, before: string, after: string): ClaimSides {
  const done = chineseTellingTerms(index, normalizedText(before), EVERYDAY_ZH_RE);
  const does = chineseTellingTerms(index, normalizedText(after), EVERYDAY_ZH_RE);
  return done.telling.length > 0 && does.telling.length > 0
    ? { done: done.telling, does: does.telling, doneChars: done.chars ?? '', doesChars: does.chars ?? '' }
    : NO_SIDES;
}

/**
 * An English claim that says what something does to something else ("Gargling with salt water kills
 * the coronavirus", "5G towers spread the coronavirus") joins, at its verb, the thing to what it
 * does: a message that says one side only talks about the thing, not the claim ("gargling salt
 * water really helps my sore throat" acted at 0.90). The verbs as the tokenizer stems them; "pass" and
 * "give" as chat says them ("mozzies can pass covid when they bite" was capped as a part of the claim).
 */
const DOES_EN: ReadonlySet<string> = new Set(
  tokenize('spread prevent kill cause cure protect stop carry block destroy pass give affect damage harm trigger increase reduce lower raise boost ruin contain release absorb').map((t) => t.term),
);
/**
 * Terms of the longest English claim read so: a longer one tells more than one thing ("The parents
 * of murdered DNC staffer Seth Rich thanked 'the Internet' for spreading …"), and a tweet about one
 * of them carries it (two clef2020-en train acts were lost without this bound, one at 12). Ten
 * holds the example database's "Bananas imported from Costa Rica carry flesh-eating bacteria", which
 * "Bananas imported from Costa Rica are the sweetest ones at our store" reached at 0.86.
 */
const SIDES_MAX_TERMS = 10;
/** A phrase that asks ("Did Chelsea Clinton Say That Marijuana Is Killing People?", a fact check's title) claims no link. */
const ASKS = /[?？]\s*$/u;
/** The term "virus" (as the tokenizer stems it) in the index, if any phrase says it. */
const virusTermOf = (index: PhraseIndex): number | undefined => termIdOf(index, 'viru');
const englishSidesOf = perPhrase((index, phrase): ClaimSides => {
  if (phrase.terms.length > SIDES_MAX_TERMS || ASKS.test(matchedPhrase(index, phrase.id).text)) return NO_SIDES;
  const ids = tokenize(normalizedPhrase(index, phrase)).map((t) => (DOES_EN.has(t.term) ? -1 : (termIdOf(index, t.term) ?? -2)));
  const verb = ids.indexOf(-1);
  if (verb < 0) return conditionSidesOf(index, phrase);
  // "The virus" is the claim's coronavirus on its side: "salt water gargles kill the virus" says both
  // sides of "Gargling with salt water kills the coronavirus". Only here: folded everywhere, "virus"
  // made "if I got corona …" a retelling of the computer-virus hoax "Got You Virus".
  const covid = termIdOf(index, 'covid');
  const virus = virusTermOf(index);
  const side = (from: number, to: number) => {
    const own = new Set(ids.slice(from, to).filter((id) => id >= 0));
    if (covid !== undefined && virus !== undefined && own.has(covid)) own.add(virus);
    return Int32Array.from(own);
  };
  const done = side(0, verb);
  const does = side(verb + 1, ids.length);
  return done.length > 0 && does.length > 0 ? { done, does } : NO_SIDES;
});

/**
 * Whether the window holds a term of each side of an English claim's verb and such a verb (the
 * claim's or another: "spreads" for "are causing"): "COVID spreads through 5G networks" says "5G
 * networks are causing COVID-19" in another order (it was capped as a part, at 0.75), where "5G
 * towers are being built near the coronavirus ward" says no such verb.
 */
function saysVerbAndBothSides(index: PhraseIndex, c: Coverage, message: PreparedMessage): boolean {
  const { done, does } = englishSidesOf(index, c.phrase);
  if (done.length === 0) return false;
  const holds = (ids: Iterable<number>) => {
    for (const id of ids) if (inWindow(message, id, c)) return true;
    return false;
  };
  return holds(done) && holds(does) && holds(verbIds(index));
}

/** The ids of the DOES_EN verbs in the index, per index. */
const verbIdsCache = new WeakMap<PhraseIndex, readonly number[]>();
function verbIds(index: PhraseIndex): readonly number[] {
  let ids = verbIdsCache.get(index);
  if (!ids) {
    ids = [...DOES_EN].map((t) => termIdOf(index, t)).filter((id): id is number => id !== undefined);
    verbIdsCache.set(index, ids);
  }
  return ids;
}

/** The ids the index gives the terms of `text` (as the claims are read: normalized, tokenized). */
function termIdsIn(index: PhraseIndex, text: string): number[] {
  return tokenize(normalizedText(text))
    .map((t) => termIdOf(index, t.term))
    .filter((id): id is number => id !== undefined);
}

/**
 * A claim that says what follows from a condition ("If you can hold your breath for 10 seconds
 * without coughing, you do not have the coronavirus") has the condition and the consequence as its
 * sides: "they practiced holding their breath underwater for 10 seconds" says the condition only
 * (it struck at 0.96).
 */
const IF_CLAUSE = /^\s*if\b([^,，]+)[,，](.+)$/iu;
/**
 * A chain letter's threat and what to do about it: "WhatsApp will start charging unless you forward
 * this message …", "Forward this or your WhatsApp account will become paid" (the condition first).
 */
const UNLESS_CLAUSE = /^(.+?)[,，]?\s+unless\b(.+)$/iu;
const DO_THIS_OR_CLAUSE = /^\s*((?:forward|share|send|post|repost|copy|paste|pass)\b[^,，]*?)[,，]?\s+or(?:\s+else)?\s+(.+)$/iu;
function conditionSidesOf(index: PhraseIndex, phrase: IndexedPhrase): ClaimSides {
  const text = matchedPhrase(index, phrase.id).text;
  const sides = (condition: string, consequence: string, doesAloneSays: boolean): ClaimSides => {
    const done = Int32Array.from(new Set(termIdsIn(index, condition)));
    const does = Int32Array.from(new Set(termIdsIn(index, consequence)));
    return done.length > 0 && does.length > 0 ? { done, does, doesAloneSays } : NO_SIDES;
  };
  const ifClause = IF_CLAUSE.exec(text);
  if (ifClause) return sides(ifClause[1]!, ifClause[2]!, false);
  const unless = UNLESS_CLAUSE.exec(text);
  if (unless) return sides(unless[2]!, unless[1]!, true);
  const orElse = DO_THIS_OR_CLAUSE.exec(text);
  return orElse ? sides(orElse[1]!, orElse[2]!, true) : NO_SIDES;
}

/** Words past the window that "the virus" may stand at and still say the claim's coronavirus ("… kill the virus"). */
const VIRUS_REACH = 2;

/**
 * Whether the window holds a term of one side of a claim's modal (Chinese) or verb (English) and
 * none of the other (in Chinese, not even a character of its telling terms).
 */
function saysOneSide(index: PhraseIndex, c: Coverage, message: PreparedMessage): boolean {
  const { done, does, doesAloneSays } = c.phrase.ideographic ? claimSidesOf(index, c.phrase) : englishSidesOf(index, c.phrase);
  if (done.length === 0) return false;
  const virus = c.phrase.ideographic ? undefined : virusTermOf(index);
  // "The virus" is no term of the claim, so the window ends before it: read a few words past it.
  const nearWindow = (id: number) => message.positions.get(id)?.some((p) => p >= c.window.first - VIRUS_REACH && p <= c.window.last + VIRUS_REACH) === true;
  const holds = (ids: Int32Array) => ids.some((id) => inWindow(message, id, c) || (id === virus && nearWindow(id)));
  const saysDone = holds(done);
  const saysDoes = holds(does);
  if (saysDone === saysDoes || (saysDoes && doesAloneSays === true)) return false;
  if (!c.phrase.ideographic) return true;
  // A Chinese side said in a word of its own shares a character, not a pair: "基因会变" says the
  // "被改变" of "打了新冠疫苗的人基因会被改变", "出去买一回菜" the "出门买菜一次" of "…每户每周只能出门买菜一次".
  const { doneChars, doesChars } = claimSidesOf(index, c.phrase);
  const chars = (saysDone ? doesChars : doneChars) ?? '';
  const around = windowText(message, c, SIDE_REACH);
  for (const ch of chars) if (around.includes(ch)) return false;
  return true;
}

/** Characters past either end of the window where the other side of a Chinese claim may be said ("…基因会变": 变 after the window's 因会). */
const SIDE_REACH = 3;

/** The normalized text of the match's window and `reach` characters either side. */
function windowText(message: PreparedMessage, c: Coverage, reach: number): string {
  const first = message.tokens[c.window.first];
  const last = message.tokens[c.window.last];
  if (!first || !last) return '';
  return message.normalized.slice(Math.max(0, first.start - reach), last.end + reach);
}

/**
 * A message's names and one word of the claim: what the claim is about, not what it claims. In
 * Chinese at any size (everyday words, not rarity, tell the names there: "青浦这边的幼儿园老师工资
 * 高吗？" scored 0.99 against "青浦一名幼儿园老师从事卖淫" beside 47 other Chinese claims); in
 * English only in a database small in English (see SMALLEST_FITTED), as it costs clef2020-en acts.
 * The names-only piece (namesOnly) is the other way a match names only what a claim is about.
 */
function topicOnly(index: PhraseIndex, c: Coverage, message: PreparedMessage, places = false): boolean {
  const small = smallFor(index, c.phrase.ideographic);
  if (!(small || (c.phrase.ideographic && c.coverage < TOPIC_COVERAGE))) return false;
  return namesAndOneWord(index, c, message, places) || (!places && c.phrase.ideographic && saysOnlyPlaces(index, c, message));
}

/**
 * Whether a Chinese window holds nothing of its phrase but places and everyday words: "明年想去意大利
 * 威尼斯" names two places of "…义大利…威尼斯水下的莲花…" (0.85, two runs of telling pairs, before).
 */
function saysOnlyPlaces(index: PhraseIndex, c: Coverage, message: PreparedMessage): boolean {
  const { content, telling } = tellingTermsBesidePlaces(index, c.phrase);
  return content >= CONTENT_TERMS_TO_CAP && tellingRuns(telling, c, message) === 0;
}

/**
 * Whether a question on the match asks about something else (the `topicOnly` of ScoredCandidate):
 * it names only what the claim is about, or (Chinese) its places and one word more without the
 * claim's numbers ("长春3.2返校？" asks about the claim's date). `named`: the first reading.
 */
function asksAboutTopic(index: PhraseIndex, c: Coverage, message: PreparedMessage, named: boolean): boolean {
  return (
    named ||
    (c.phrase.ideographic && topicOnly(index, c, message, true) && !saysClaimNumber(index, c, message) && !saysWhatHappenedThere(index, c, message)) ||
    (!c.phrase.ideographic &&
      groupSized(index) &&
      !ASKS_IF_TRUE.test(message.text) &&
      !ASKS_FOR_NEWS_EN.test(message.text) &&
      namesAndOneWord(index, c, message, false) &&
      saysOneNameOfMany(c, message))
  );
}

/** Asking the others what they know or heard of it: "anyone know about the moore oklahoma lynching?". */
const ASKS_FOR_NEWS_EN = /\b(?:anyone|anybody|someone|somebody) (?:know|knows|heard|seen)\b/i;

/**
 * Whether the window says one of the names of a phrase that has several (see nameRuns), read
 * for a question that does not ask whether anything is true or real (see asksAboutTopic):
 * "anyone watching the Super Bowl at Dave's?" names the Super Bowl and one word ("watch") of "More
 * people watched President Trump's 2019 State of the Union address on television than watched Super
 * Bowl LIII" (answered at 0.52), not the address it is about.
 */
function saysOneNameOfMany(c: Coverage, message: PreparedMessage): boolean {
  const { runs, said } = nameRuns(c, message);
  return runs >= 2 && said <= 1;
}

/** Words between a place and what happened there that do not change what is said: "哈尔滨已封城", "武汉也封了". */
const PLACE_FILLER_ZH = '(?:已经|已|也|都|全|要|就|又|真的|真|竟然|居然)?';
const EVERYDAY_OR_PLACE_WORD_ZH = new RegExp(EVERYDAY_OR_PLACE_ZH_RE.source, 'u');
const PLACES_THEN_ZH = new RegExp(`(${PLACES_ZH.map((w) => normalizedText(w)).join('|')})${PLACE_FILLER_ZH}(\\p{Script=Han}{2})`, 'gu');

/**
 * What happened at each place of a Chinese phrase, as written right after it: "哈尔滨→封城" in
 * "因绥芬河口岸疫情影响，哈尔滨已封城". Everyday words are not what happened ("北京地铁").
 */
const placeEventsOf = perPhrase((index, phrase): readonly string[] => {
  const events: string[] = [];
  for (const m of normalizedPhrase(index, phrase).matchAll(PLACES_THEN_ZH)) if (!EVERYDAY_OR_PLACE_WORD_ZH.test(m[2]!)) events.push(m[1]! + m[2]!);
  return events;
});

/**
 * Whether the message says a place of the claim and, right after it, what the claim says happened
 * there: "哈尔滨封城了？？" asks whether "…哈尔滨已封城" is so, though it names only a place and one
 * word more; "深圳去香港现在要隔离吗？" names the places of "深圳一男子为躲避隔离游泳到香港" and asks
 * about something else.
 */
function saysWhatHappenedThere(index: PhraseIndex, c: Coverage, message: PreparedMessage): boolean {
  const events = placeEventsOf(index, c.phrase);
  if (events.length === 0) return false;
  for (const m of message.normalized.matchAll(PLACES_THEN_ZH)) if (events.includes(m[1]! + m[2]!)) return true;
  return false;
}

/**
 * Past a small database, a Chinese match covering this much of its phrase says more than names
 * and one word, and is not read for them (the 0.99 above covered 0.47): reading every phrase's
 * telling pairs once cost the bench's Chinese rumors 15 % of their time at 100k claims.
 */
const TOPIC_COVERAGE = 0.6;

/**
 * Whether a message shares with a Chinese claim only a single piece, less than half of it, with
 * nothing of the claim elsewhere: the names it is about (see NAMES_ONLY_COVERAGE).
 */
function namesOnly(index: PhraseIndex, c: Coverage, message: PreparedMessage): boolean {
  return (
    c.phrase.ideographic &&
    c.coverage < NAMES_ONLY_COVERAGE &&
    countStretches(c.phrase, message, c.window.first, c.window.last) < 2 &&
    !sharesPiecesElsewhere(index, message, c.phrase)
  );
}

/**
 * Scores from which a match is checked for naming only what its claim is about (see
 * asksAboutSomethingElse): the least score the matcher reports at all.
 */
const TOPIC_READ_FROM = 0.35;

/**
 * The verifier's score of a candidate that shares enough terms, within the names-only cap, above
 * the near-copy floor, and at most SHORT_PART_SCORE when it says only part of the claim; and how
 * it was reached.
 */
function scoreOf(index: PhraseIndex, c: Coverage, message: PreparedMessage, features: Float64Array): { score: number; reached: ScoreReached } {
  const verified = verify(features, c.phrase.ideographic);
  if (namesOnly(index, c, message)) {
    const cap = saysClaimNumber(index, c, message) ? NAMES_AND_NUMBER_SCORE : NAMES_ONLY_SCORE;
    return { score: Math.min(cap, verified), reached: 'namesOnly' };
  }
  const score = Math.max(verified, nearCopyFloor(c.coverage, features[ORDER]!));
  // The caps matter only above SHORT_PART_SCORE: below, the message is not read again.
  if (score > SHORT_PART_SCORE) {
    return saysOnlyPart(index, c, message, features) ? { score: SHORT_PART_SCORE, reached: 'capped' } : { score, reached: 'above' };
  }
  return { score, reached: 'below' };
}

const NOT_SCORED = { score: 0, reached: 'none' } as const;
/** What a candidate carries when its features are not asked for. */
const NO_FEATURES = new Float64Array(0);
/** The features of the candidate being scored when they are not asked for. */
const scratch = new Float64Array(FEATURE_COUNT);

/**
 * Candidate `i`'s rival: the best of the others' `values`, copies of its own claim (`claims`, one
 * per candidate) aside. At module level, not a closure per call: tsx names every closure it makes
 * (esbuild's keepNames), which cost more than the loop.
 */
function rivalOf(values: readonly number[], claims: readonly number[], i: number): number {
  let best = 0;
  for (let j = 0; j < values.length; j++) if (claims[j] !== claims[i] && values[j]! > best) best = values[j]!;
  return best;
}

/**
 * Stage 3: features of every measured candidate (each against the best of the others) and the
 * verifier's score. A ruled-out candidate scores 0 whatever its features say, so they are only
 * computed when `allFeatures` asks for them (to fit the verifier).
 */
export function scoreCandidates(
  index: PhraseIndex,
  message: PreparedMessage,
  covered: readonly Coverage[],
  allFeatures = true,
): ScoredCandidate[] {
  let topRetrieval = 0;
  for (const c of covered) if (c.candidate.score > topRetrieval) topRetrieval = c.candidate.score;
  const relevance = covered.map((c) => (topRetrieval > 0 ? c.candidate.score / topRetrieval : 0) + RANK_COVERAGE_WEIGHT * c.coverage);
  const retrievals = covered.map((c) => c.candidate.score);
  const claims = covered.map((c) => index.sameClaimAs[c.candidate.debunkIndex]!);
  // One buffer for every candidate's features: a Float64Array of that many is too large for V8 to
  // keep on the heap, so each would cost an allocation outside it. Unless they are asked for, the
  // features are read only for the score, one candidate after the other, in one reused buffer.
  const block = allFeatures ? new Float64Array(FEATURE_COUNT * covered.length) : undefined;
  return covered.map((c, i) => {
    const ideographic = c.phrase.ideographic;
    const ruledOut = tooFewShared(c.window, c.phrase) && !saysShortChineseClaim(index, c, message) && !saysChineseClaimInFewPairs(index, c, message);
    if (ruledOut && !allFeatures) return { coverage: c, features: NO_FEATURES, ideographic, ruledOut, score: 0, order: 0, relevance: relevance[i]!, reached: 'none' };
    const features = matchFeatures(
      index,
      message,
      { phrase: c.phrase, window: c.window, coverage: c.coverage, retrieval: c.candidate.score, relevance: relevance[i]! },
      {
        relevance: rivalOf(relevance, claims, i),
        retrieval: rivalOf(retrievals, claims, i),
        topRetrieval,
      },
      block ? block.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT) : scratch,
    );
    const { score, reached } = ruledOut ? NOT_SCORED : scoreOf(index, c, message, features);
    return { coverage: c, features: block ? features : NO_FEATURES, ideographic, ruledOut, score, order: features[ORDER]!, relevance: relevance[i]!, reached };
  });
}
