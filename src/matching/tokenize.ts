import { stemmer } from 'stemmer';
import { normalize } from './normalize.js';
import { STOPWORDS } from './stopwords.js';
import { EMPTY_HASH, hashUnit, TextKeyTable } from './textKeyTable.js';

/** A term of normalized text and where it sits. */
export interface Token {
  term: string;
  /** Offsets in the normalized text (end exclusive). */
  start: number;
  end: number;
}

const IDEOGRAPH = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC]/u;
/** Per UTF-16 unit: 0 not yet known, 1 not an ideograph, 2 an ideograph (a regex test per character was slow). */
const ideographUnits = new Uint8Array(0x10000);
const isIdeograph = (unit: number): boolean => {
  if (unit < 0x2e80) return false;
  let known = ideographUnits[unit]!;
  if (known === 0) ideographUnits[unit] = known = IDEOGRAPH.test(String.fromCharCode(unit)) ? 2 : 1;
  return known === 2;
};

/** Words longer than this are noise (hashes, base64, keyboard mashing), not claims. */
const MAX_WORD_LENGTH = 40;

const DOUBLE = /(\p{L})\1+/gu;

/**
 * Words people use interchangeably for what rumors are about, folded to one term after stemming:
 * "covid", "coronavirus", "corona" and "covid-19" are one thing to a member, so one term here.
 */
const STEM_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['coronaviru', 'covid'], ['corona', 'covid'], ['covid19', 'covid'], ['ncov', 'covid'], ['sarscov2', 'covid'],
  ['mast', 'tower'], ['antenna', 'tower'], ['vax', 'vaccin'], ['jab', 'vaccin'], ['transmit', 'spread'],
  // Chat words for a claim's (keys are Porter stems, before doubles are written once): "mozzies"
  // are mosquitoes, a "stepdad" a stepfather, a "dad" a father; viruses "ride" radio waves as they "travel" on them.
  ['mozzi', 'mosquito'], ['skeeter', 'mosquito'], ['stepdad', 'stepfath'], ['stepmom', 'stepmoth'], ['stepmum', 'stepmoth'],
  ['dad', 'father'], ['mom', 'mother'], ['mum', 'mother'], ['ride', 'travel'], ['flush', 'wash'],
  // A child "ditched" or "dumped" is abandoned, "deliberately" or "intentionally" on purpose; a
  // "preschool" is a kindergarten, an "escort" or "hooker" a prostitute.
  ['ditch', 'abandon'], ['dump', 'abandon'], ['deliber', 'purpos'], ['intention', 'purpos'],
  ['preschool', 'kindergarten'], ['escort', 'prostitut'], ['hooker', 'prostitut'],
  // Chat shorthand for what news and fact checks spell out.
  ['lib', 'liber'], ['dem', 'democrat'], ['repub', 'republican'], ['gop', 'republican'], ['potu', 'presid'],
  ['govt', 'govern'], ['ppl', 'peopl'], ['wwi', 'worldwar'], ['ww1', 'worldwar'], ['wwii', 'worldwar'], ['ww2', 'worldwar'],
  // Short verbs in "-y" that Porter splits ("trying" → "try", "tried" → "tri"; "dying" → "dy"): one
  // term, or "nobody tried to abduct …" shares nothing with "… has been trying to abduct …".
  ['tri', 'try'], ['cri', 'cry'], ['fli', 'fly'], ['spi', 'spy'], ['dy', 'die'],
]);

/**
 * Words as written, each with the word it is folded to: English's irregular forms, which the
 * stemmer keeps apart from their base ("stolen" and "steal", "children" and "child"), and words
 * chat says for what news and fact checks write ("pic" for "photograph", "cops" for "police", "jet"
 * for "airliner"), British spellings beside American ones. Only words whose other senses are rare
 * in chat: not "doctored" (a doctor), "led" (lead, the metal), "cap" (a price cap), "left".
 */
const WORD_SYNONYMS: readonly (readonly [string, string])[] = [
  // Irregular verbs.
  ['told', 'tell'], ['paid', 'pay'], ['sold', 'sell'], ['bought', 'buy'], ['stole', 'steal'], ['stolen', 'steal'], ['theft', 'steal'],
  ['took', 'take'], ['taken', 'take'], ['gave', 'give'], ['given', 'give'], ['ate', 'eat'], ['eaten', 'eat'], ['drank', 'drink'],
  ['wrote', 'write'], ['written', 'write'], ['spoke', 'speak'], ['spoken', 'speak'], ['sent', 'send'], ['held', 'hold'],
  ['found', 'find'], ['brought', 'bring'], ['fought', 'fight'], ['taught', 'teach'], ['built', 'build'],
  ['kept', 'keep'], ['slept', 'sleep'], ['lost', 'lose'], ['hid', 'hide'], ['hidden', 'hide'], ['fled', 'flee'], ['threw', 'throw'],
  ['thrown', 'throw'], ['knew', 'know'], ['known', 'know'], ['grew', 'grow'], ['grown', 'grow'], ['flew', 'fly'], ['flown', 'fly'],
  ['drove', 'drive'], ['driven', 'drive'], ['broke', 'break'], ['broken', 'break'], ['chose', 'choose'], ['chosen', 'choose'],
  ['froze', 'freeze'], ['frozen', 'freeze'], ['bitten', 'bite'], ['began', 'begin'], ['begun', 'begin'], ['struck', 'strike'],
  ['forgot', 'forget'], ['forgotten', 'forget'], ['sank', 'sink'], ['sunk', 'sink'], ['spent', 'spend'], ['fell', 'fall'],
  ['fallen', 'fall'], ['wore', 'wear'], ['worn', 'wear'], ['swore', 'swear'], ['sworn', 'swear'], ['shot', 'shoot'], ['won', 'win'],
  ['died', 'die'], ['dead', 'die'], ['death', 'die'],
  // Irregular plurals.
  ['children', 'child'], ['women', 'woman'], ['men', 'man'], ['mice', 'mouse'], ['teeth', 'tooth'], ['feet', 'foot'],
  ['wives', 'wife'], ['knives', 'knife'], ['person', 'people'],
  // Chat words for the news's.
  ['kid', 'child'], ['kids', 'child'], ['kiddo', 'child'], ['youngster', 'child'], ['pic', 'photo'], ['pics', 'photo'],
  ['picture', 'photo'], ['photograph', 'photo'], ['image', 'photo'], ['vid', 'video'], ['footage', 'video'], ['cop', 'police'],
  ['cops', 'police'], ['policeman', 'police'], ['policemen', 'police'], ['physician', 'doctor'], ['prez', 'president'],
  ['mil', 'million'], ['bucks', 'dollar'], ['murder', 'kill'], ['murdered', 'kill'], ['slain', 'kill'], ['photoshop', 'alter'],
  ['photoshopped', 'alter'], ['jet', 'plane'], ['airliner', 'plane'], ['airplane', 'plane'], ['aircraft', 'plane'],
  ['ferry', 'boat'], ['ship', 'boat'], ['vessel', 'boat'], ['cellphone', 'phone'], ['smartphone', 'phone'], ['vehicle', 'car'],
  ['lady', 'woman'], ['ladies', 'woman'], ['ballot', 'vote'], ['prison', 'jail'], ['imprison', 'jail'], ['detain', 'arrest'],
  ['prohibit', 'ban'], ['forbid', 'ban'], ['outlaw', 'ban'], ['unlawful', 'illegal'], ['migrant', 'immigrant'],
  ['wealthy', 'rich'], ['illness', 'sick'], ['grandma', 'grandmother'], ['granny', 'grandmother'], ['nana', 'grandmother'],
  ['grandpa', 'grandfather'], ['granddad', 'grandfather'], ['hubby', 'husband'], ['television', 'tv'], ['gov', 'government'],
  ['catch', 'infect'], ['caught', 'catch'], ['threaten', 'threat'], ['contribution', 'donation'], ['donate', 'donation'], ['troop', 'soldier'], ['troops', 'soldier'],
  ['potus', 'president'], ['govt', 'government'], ['vax', 'vaccine'], ['vaxx', 'vaccine'], ['jab', 'vaccine'], ['motorist', 'driver'],
  ['spaceship', 'spacecraft'], ['alien', 'extraterrestrial'], ['meds', 'medicine'], ['medication', 'medicine'],
  ['fb', 'facebook'], ['insta', 'instagram'], ['yt', 'youtube'], ['peeps', 'people'], ['uni', 'university'], ['mins', 'minute'],
  ['hrs', 'hour'], ['yrs', 'year'], ['msg', 'message'], ['bday', 'birthday'], ['cig', 'cigarette'], ['cigs', 'cigarette'],
  ['booze', 'alcohol'], ['liquor', 'alcohol'], ['cash', 'money'], ['automobile', 'car'], ['infant', 'baby'], ['newborn', 'baby'],
  ['toddler', 'child'], ['teen', 'teenager'], ['teens', 'teenager'], ['fatal', 'lethal'], ['deadly', 'lethal'],
  ['fireman', 'firefighter'], ['firemen', 'firefighter'], ['lbs', 'pound'], ['smooch', 'kiss'], ['smooching', 'kiss'], ['motorbike', 'motorcycle'], ['motorbikes', 'motorcycle'],
  // Painkillers by their brand names: "advil" is ibuprofen, "tylenol" paracetamol.
  ['advil', 'ibuprofen'], ['motrin', 'ibuprofen'], ['nurofen', 'ibuprofen'], ['tylenol', 'paracetamol'], ['panadol', 'paracetamol'],
  ['acetaminophen', 'paracetamol'],
  ['carcinogen', 'cancer'], ['carcinogens', 'cancer'], ['carcinogenic', 'cancer'],
  // A deed's noun for its verb, where the stemmer keeps them apart ("explosion" and "explode").
  ['explosion', 'explode'], ['explosions', 'explode'], ['birth', 'born'], ['flight', 'fly'], ['flights', 'fly'], ['sale', 'sell'],
  ['sales', 'sell'], ['loss', 'lose'], ['marriage', 'marry'], ['married', 'marry'], ['payment', 'pay'],
  ['payments', 'pay'], ['invasion', 'invade'], ['decision', 'decide'], ['collision', 'collide'], ['destruction', 'destroy'],
  ['growth', 'grow'], ['abduct', 'kidnap'], ['abducted', 'kidnap'], ['abduction', 'kidnap'], ['robbery', 'rob'], ['liar', 'lie'],
  ['speech', 'speak'], ['voter', 'vote'], ['voters', 'vote'], ['firearm', 'gun'],
  ['firearms', 'gun'],
  ['pregnancy', 'pregnant'], ['legislation', 'law'],
  ['actress', 'actor'], ['celeb', 'celebrity'], ['celebs', 'celebrity'],
  // A country's adjective for its name: "Chinese ingredients" says the "made in China" of a claim.
  ['chinese', 'china'], ['mexican', 'mexico'], ['russian', 'russia'], ['russians', 'russia'], ['american', 'america'],
  ['americans', 'america'], ['indian', 'india'], ['japanese', 'japan'], ['italian', 'italy'], ['french', 'france'],
  ['german', 'germany'], ['british', 'britain'], ['israeli', 'israel'], ['iranian', 'iran'], ['canadian', 'canada'],
  ['australian', 'australia'], ['nepali', 'nepal'], ['nepalese', 'nepal'], ['ethiopian', 'ethiopia'], ['syrian', 'syria'],
  ['korean', 'korea'], ['ukrainian', 'ukraine'], ['brazilian', 'brazil'], ['spanish', 'spain'], ['african', 'africa'],
  ['european', 'europe'], ['irish', 'ireland'], ['swedish', 'sweden'], ['dutch', 'netherlands'],
  ['pakistani', 'pakistan'], ['nigerian', 'nigeria'], ['venezuelan', 'venezuela'], ['cuban', 'cuba'], ['filipino', 'philippines'],
  // And a city's or a state's people for its name: "Londoners" welcomed what "London" did.
  ['londoner', 'london'], ['londoners', 'london'], ['parisian', 'paris'], ['parisians', 'paris'], ['texan', 'texas'],
  ['texans', 'texas'], ['floridian', 'florida'], ['floridians', 'florida'], ['californian', 'california'], ['californians', 'california'],
  // What vapes are called: "e-cigs", "vaping", "electronic cigarettes" (see PHRASES).
  ['vaping', 'vape'], ['vapes', 'vape'], ['ecig', 'vape'], ['ecigs', 'vape'], ['ecigarette', 'vape'], ['ecigarettes', 'vape'],
  // Sizes, and forms the stemmer keeps apart: "the biggest house" is the "largest" one, "homeopathy"
  // is what is "homeopathic", "fertility" what "infertility" takes.
  ['biggest', 'largest'], ['bigger', 'larger'], ['homeopathy', 'homeopathic'], ['infertility', 'fertility'], ['infertile', 'fertile'],
  ['endless', 'neverending'],
  // British spellings.
  ['rumour', 'rumor'], ['colour', 'color'], ['favour', 'favor'], ['behaviour', 'behavior'], ['centre', 'center'],
  ['neighbour', 'neighbor'], ['tumour', 'tumor'], ['defence', 'defense'], ['programme', 'program'], ['theatre', 'theater'],
];

/** STEM_SYNONYMS and WORD_SYNONYMS by the stems the tokenizer reads: what `stem` folds. */
const SYNONYMS: ReadonlyMap<string, string> = (() => {
  const folded = new Map(STEM_SYNONYMS);
  const stemOf = (word: string) => stemmer(normalize(word).text);
  for (const [word, to] of WORD_SYNONYMS) {
    const target = stemOf(to);
    folded.set(stemOf(word), STEM_SYNONYMS.get(target) ?? target);
  }
  return folded;
})();

/**
 * Chinese words chat uses for the words of a claim, folded the same way on both sides (a bigram
 * of the message to the claim's): "爸爸" is "父亲", "后爸" is "继父", "雷劈" is "雷击", "传染" is
 * "传播". Only two-character words whose meaning does not depend on the character before or after
 * them. Not "走丢" for "走失": the example data says both, and folding them moved a retelling of
 * one of its claims below the act threshold.
 */
const CHINESE_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['爸爸', '父亲'], ['妈妈', '母亲'], ['后爸', '继父'], ['后妈', '继母'], ['雷劈', '雷击'],
  ['传染', '传播'], ['她爸', '父亲'], ['他爸', '父亲'], ['老爸', '父亲'], ['亲爸', '父亲'], ['她妈', '母亲'], ['老妈', '母亲'],
  ['亲妈', '母亲'], ['蒜头', '大蒜'], ['挂了', '崩了'], ['崩溃', '崩了'], ['义大', '意大'], ['收钱', '收费'], ['屏住', '憋气'], ['闭气', '憋气'],
  // Cities by their chat nicknames: "魔都" is Shanghai, "帝都" Beijing, "江城" Wuhan ("冰城" Harbin by its first pair).
  ['魔都', '上海'], ['申城', '上海'], ['沪上', '上海'], ['帝都', '北京'], ['京城', '北京'], ['江城', '武汉'], ['羊城', '广州'],
  ['鹏城', '深圳'], ['蓉城', '成都'], ['星城', '长沙'], ['泉城', '济南'], ['春城', '昆明'], ['冰城', '哈尔'],
  // "信阳封了！", "襄阳也封啦" say a city is locked down; "座位" are the "座椅" of "北京地铁的座椅都拆了".
  ['座位', '座椅'], ['封了', '封城'],
  // Everyday words for the news's: who died, went missing or was abandoned; children; fines, police, infection.
  ['病逝', '去世'], ['逝世', '去世'], ['过世', '去世'], ['离世', '去世'], ['病故', '去世'], ['身亡', '去世'],
  ['走散', '走失'], ['失踪', '走失'], ['抛弃', '遗弃'], ['扔掉', '遗弃'], ['丢弃', '遗弃'], ['后爹', '继父'],
  ['女娃', '女孩'], ['女童', '女孩'], ['小孩', '孩子'], ['儿童', '孩子'], ['娃娃', '孩子'], ['孩童', '孩子'],
  ['卖身', '卖淫'], ['被抓', '逮捕'], ['被捕', '逮捕'], ['抓走', '逮捕'], ['抓捕', '逮捕'], ['充公', '没收'], ['罚钱', '罚款'], ['中招', '感染'], ['染上', '感染'], ['关押', '拘留'], ['民警', '警察'], ['警方', '警察'],
  ['违法', '犯法'], ['转载', '转发'], ['防止', '预防'], ['打针', '注射'], ['抽烟', '吸烟'], ['老公', '丈夫'], ['老婆', '妻子'],
  ['大夫', '医生'], ['冠状', '新冠'], ['饮酒', '喝酒'], ['电瓶', '电动'], ['电驴', '电动'], ['静默', '封控'],
  // Who: girls, boys, the old, patients, teachers, men and women as chat and news name them.
  ['女生', '女孩'], ['姑娘', '女孩'], ['少女', '女孩'], ['妹子', '女孩'], ['男生', '男孩'], ['男童', '男孩'], ['男娃', '男孩'],
  ['老头', '老人'], ['老太', '老人'], ['大爷', '老人'], ['大妈', '老人'], ['老年', '老人'], ['患者', '病人'], ['教师', '老师'],
  ['男子', '男人'], ['女子', '女人'], ['公安', '警察'], ['人贩', '拐卖'], ['失联', '走失'], ['威信', '微信'],
  // What happened: fires, collapses, floods, cuts, accidents.
  ['失火', '起火'], ['着火', '起火'], ['火灾', '起火'], ['坍塌', '倒塌'], ['塌了', '倒塌'], ['垮了', '倒塌'], ['跳楼', '坠楼'],
  ['决堤', '溃坝'], ['垮坝', '溃坝'], ['溃堤', '溃坝'], ['大雨', '暴雨'], ['断水', '停水'], ['断电', '停电'], ['强震', '地震'],
  ['暴毙', '猝死'], ['撞车', '车祸'], ['炸了', '爆炸'], ['发热', '发烧'],
  // What was said or decided, and when.
  ['公布', '发布'], ['宣布', '发布'], ['公告', '通知'], ['通告', '通知'], ['推迟', '延期'], ['延迟', '延期'], ['废除', '取消'],
  ['严禁', '禁止'], ['不许', '禁止'], ['罚单', '罚款'], ['今日', '今天'], ['明日', '明天'], ['昨日', '昨天'],
  // Money, phones and accounts: what scams and subsidies are about.
  ['白送', '免费'], ['白给', '免费'], ['补助', '补贴'], ['薪水', '工资'], ['薪资', '工资'], ['休金', '老金'], ['汇款', '转账'],
  ['打钱', '转账'], ['网址', '链接'], ['来电', '电话'], ['帐号', '账号'], ['账户', '账号'], ['帐户', '账号'], ['扣钱', '扣费'],
  ['提价', '涨价'],
  // Everyday things and measures.
  ['食物', '食品'], ['过夜', '隔夜'], ['钟头', '小时'], ['千米', '公里'], ['荷花', '莲花'],
  // Deaths, falls, fainting; gas men at the door; money voided, taxed, received; things taken away.
  ['过身', '去世'], ['遇难', '去世'], ['罹难', '去世'], ['丧生', '去世'], ['丧命', '去世'], ['死亡', '去世'], ['掉下', '坠落'], ['昏迷', '迷晕'],
  ['晕倒', '迷晕'], ['煤气', '燃气'], ['入户', '上门'], ['假装', '冒充'], ['假扮', '冒充'], ['归零', '清零'], ['作废', '清零'],
  ['收款', '收费'], ['征税', '交税'], ['缴税', '交税'], ['纳税', '交税'], ['拿掉', '取消'], ['逃跑', '跑出'], ['逃出', '跑出'],
  ['越狱', '跑出'],
  // "退休工资" for "养老金": its middle pair as the pension's last ("休金" is already "老金").
  ['休工', '老金'],
]);

/**
 * Runs of terms (stemmed, stopwords out) that mean what a shorthand or another wording means, folded
 * to the same terms on both sides: "State of the Union" and "SOTU", "World War I" and "WW1", "Air
 * Force One" and "AF1", "global warming" and "climate change".
 */
const PHRASES: ReadonlyMap<string, string> = new Map([
  ['state union', 'sotu'], ['world war', 'worldwar'], ['air forc on', 'af1'], ['global warm', 'climat chang'],
  ['never end', 'neverend'], ['suprem court', 'scotu'], ['first woman', 'flotu'], ['aford care act', 'obamacar'], ['black live mater', 'blm'], ['new york citi', 'nyc'],
  ['e cigaret', 'vape'], ['electron cigaret', 'vape'],
  ['flu shot', 'flu vacin'], ['breath test', 'breathalyz'],
  // "Morgan Freeman passed away in his sleep" says the "died" of "Morgan Freeman died in his sleep".
  ['pas awai', 'die'],
]);
/** The last terms of PHRASES: only a token ending in one of them is looked up. */
const PHRASE_ENDS: ReadonlySet<string> = new Set([...PHRASES.keys()].map((k) => k.slice(k.lastIndexOf(' ') + 1)));

/**
 * Folds the tokens just pushed into one when they spell a phrase of PHRASES: two terms, or three.
 * The folded token spans them all.
 */
function foldPhrase(tokens: Token[]): void {
  const n = tokens.length;
  const last = tokens[n - 1]!;
  if (n < 2 || !PHRASE_ENDS.has(last.term)) return;
  const two = `${tokens[n - 2]!.term} ${last.term}`;
  const folded2 = PHRASES.get(two);
  if (folded2 !== undefined) return replaceLast(tokens, 2, folded2);
  if (n < 3) return;
  const folded3 = PHRASES.get(`${tokens[n - 3]!.term} ${two}`);
  if (folded3 !== undefined) replaceLast(tokens, 3, folded3);
}

/** Replaces the last `count` tokens by the terms of `folded` (space-separated), each spanning them all. */
function replaceLast(tokens: Token[], count: number, folded: string): void {
  const start = tokens[tokens.length - count]!.start;
  const end = tokens[tokens.length - 1]!.end;
  tokens.length -= count;
  for (const term of folded.split(' ')) tokens.push({ term, start, end });
}

/**
 * The British "-ise" and "-yse" (hospitalised, organisation, breathalyser) as the American "-ize", "-yze", which the stemmer
 * reads otherwise ("hospitalis" against "hospit"). Folded on both sides, so a word whose "-ise" is no
 * such ending ("promised", "surprise") only changes its spelling, never meets another word.
 */
const BRITISH_ISE = /(?<=[a-z]{3})([iy])s(e|ed|es|ing|er|ers|ation|ations)$/;

/** Memoized stems: stemming is the costliest step per word and chat reuses words heavily. */
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    // Stem first: Porter needs the doubles ("stopped" → "stop"). Then write doubles once, so a
    // stretched word the normalizer cut to one letter ("cooool" → "col") meets "cool".
    s = /^[a-z]+$/.test(word) ? stemmer(word.replace(BRITISH_ISE, '$1z$2')) : word;
    s = (SYNONYMS.get(s) ?? s).replace(DOUBLE, '$1');
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/**
 * Per word: its stem, or null for a stopword; one lookup per word where a stopword test and the
 * stem cache took two, read in place from the text (see TextKeyTable).
 */
const wordTerms = new TextKeyTable<string | null>(STEM_CACHE_LIMIT);

/** The term of the word `text[start, end)`, whose units hash to `hash` (hashUnit from EMPTY_HASH). */
function termOfWordAt(text: string, start: number, end: number, hash: number): string | null {
  let term = wordTerms.get(text, start, end, hash);
  if (term === undefined) {
    const word = text.slice(start, end);
    term = STOPWORDS.has(word) ? null : stem(word);
    wordTerms.set(word, term);
  }
  return term;
}

/** Whether every UTF-16 unit of `text[start, end)` lies in `lo`..`hi` (true when it is empty). */
export function unitsWithin(text: string, start: number, end: number, lo: number, hi: number): boolean {
  for (let k = start; k < end; k++) {
    const u = text.charCodeAt(k);
    if (u < lo || u > hi) return false;
  }
  return true;
}

/** Whether `text[start, end)` is one or more ASCII digits. */
const allDigits = (text: string, start: number, end: number): boolean => end > start && unitsWithin(text, start, end, 0x30, 0x39);

/** Whether `word` continues a virus name written in parts: "covid 19", "sars cov", "sars cov 2". */
const isVirusNameTail = (previous: string, word: string): boolean =>
  (word === '19' && /^(covid|corona)$/.test(previous)) || (word === 'cov' && /^sars?$/.test(previous)) || (word === '2' && /^sars? cov$/.test(previous));
const isLatinLetter = (unit: number): boolean => unit >= 0x61 && unit <= 0x7a;

/** Whether the word `text[start, end)` may be a tail of isVirusNameTail ("19", "cov", "2"), so the word before it is worth reading. */
function mayBeVirusNameTail(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  switch (end - start) {
    case 1:
      return first === 0x32;
    case 2:
      return first === 0x31 && text.charCodeAt(start + 1) === 0x39;
    case 3:
      return first === 0x63 && text.charCodeAt(start + 1) === 0x6f && text.charCodeAt(start + 2) === 0x76;
    default:
      return false;
  }
}

/** Per UTF-16 unit: 1 when a CHINESE_SYNONYMS pair starts with it. A pair that starts otherwise is looked up no further. */
const synonymFirstUnits = new Uint8Array(0x10000);
for (const pair of CHINESE_SYNONYMS.keys()) synonymFirstUnits[pair.charCodeAt(0)] = 1;

/**
 * Per character pair: its term (the pair, or what CHINESE_SYNONYMS folds it to), from a cache
 * of PAIR_SLOTS slots, each the last pair that hashed to it. A Chinese message is a pair per
 * character, and cutting each out was the tokenizer's largest allocation; one compare of the two
 * units as a number costs less than cutting (a keyed table comparing texts cost more).
 */
const PAIR_SLOTS = 1 << 16;
const pairKeys = new Int32Array(PAIR_SLOTS).fill(-1);
const pairTerms: (string | undefined)[] = new Array<string | undefined>(PAIR_SLOTS).fill(undefined);

/** The term of the pair of ideographs `text[k, k + 2)`. */
function termOfPairAt(text: string, k: number): string {
  // -1 (two U+FFFF units) is no pair of ideographs, so marks an empty slot.
  const key = (text.charCodeAt(k) << 16) | text.charCodeAt(k + 1);
  const slot = Math.imul(key, 0x9e3779b1) >>> 16;
  if (pairKeys[slot] === key) return pairTerms[slot]!;
  const pair = text.slice(k, k + 2);
  const term = synonymFirstUnits[text.charCodeAt(k)] === 1 ? (CHINESE_SYNONYMS.get(pair) ?? pair) : pair;
  pairKeys[slot] = key;
  pairTerms[slot] = term;
  return term;
}

/**
 * Splits normalized text into matching terms: stemmed words (stopwords dropped) for spaced
 * scripts, and overlapping character bigrams for Chinese and Japanese, which have no spaces
 * to split on. A lone ideograph between non-ideographs is kept as a unigram.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const unit = text.charCodeAt(i);
    if (unit === 0x20) {
      i++;
      continue;
    }
    if (isIdeograph(unit)) {
      let j = i;
      while (j < n && isIdeograph(text.charCodeAt(j))) j++;
      if (j - i === 1) tokens.push({ term: text[i]!, start: i, end: j });
      for (let k = i; k + 1 < j; k++) tokens.push({ term: termOfPairAt(text, k), start: k, end: k + 2 });
      i = j;
      continue;
    }
    // The word is hashed as it is scanned and looked up in place: most words are never cut out.
    let j = i;
    let hash = EMPTY_HASH;
    for (; j < n; j++) {
      const u = text.charCodeAt(j);
      if (u === 0x20 || isIdeograph(u)) break;
      hash = hashUnit(hash, u);
    }
    const last = tokens[tokens.length - 1];
    const adjacent = last !== undefined && last.end + 1 === i;
    if (adjacent && j - i === 1 && isLatinLetter(unit) && allDigits(text, last.start, last.end)) {
      // "5 G", "4-K", "3 D": a number and a lone letter after it are one term ("5g").
      last.term = stem(text.slice(last.start, last.end) + text.slice(i, j));
      last.end = j;
    } else if (adjacent && mayBeVirusNameTail(text, i, j) && isVirusNameTail(text.slice(last.start, last.end), text.slice(i, j))) {
      // "COVID-19", "SARS-CoV-2": the parts of the virus's name are the one term "covid".
      last.term = 'covid';
      last.end = j;
    } else if (j - i <= MAX_WORD_LENGTH) {
      const term = termOfWordAt(text, i, j, hash);
      if (term !== null) {
        tokens.push({ term, start: i, end: j });
        foldPhrase(tokens);
      }
    }
    i = j;
  }
  return tokens;
}
