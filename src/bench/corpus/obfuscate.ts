import type { Random } from './random.js';

/** Ways spammers disguise a forwarded rumor from keyword filters. */
export const OBFUSCATIONS = [
  'zeroWidth', 'fullwidth', 'homoglyph', 'separated', 'traditional', 'stretched', 'randomCase',
] as const;
export type Obfuscation = (typeof OBFUSCATIONS)[number];

/** Techniques that change text in each language: homoglyphs and case do nothing to Han characters. */
export const OBFUSCATIONS_BY_LANG: Readonly<Record<'en' | 'zh', readonly Obfuscation[]>> = {
  en: ['zeroWidth', 'fullwidth', 'homoglyph', 'separated', 'stretched', 'randomCase'],
  zh: ['zeroWidth', 'fullwidth', 'separated', 'traditional'],
};

const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'] as const;

/** Latin letters and the Cyrillic letters that render the same in most fonts. */
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і', s: 'ѕ',
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х',
};

/**
 * Simplified → traditional for characters that occur in the Chinese vocabulary. Hand-picked, so only
 * part of a claim changes, as when someone re-posts from a Hong Kong or Taiwan group.
 */
const TRADITIONAL: Readonly<Record<string, string>> = {
  这: '這', 个: '個', 们: '們', 发: '發', 时: '時', 会: '會', 说: '說', 对: '對', 开: '開', 门: '門',
  关: '關', 医: '醫', 药: '藥', 谣: '謠', 为: '為', 国: '國', 里: '裡', 后: '後', 买: '買', 卖: '賣',
  让: '讓', 现: '現', 经: '經', 证: '證', 实: '實', 预: '預', 测: '測', 机: '機', 构: '構', 网: '網',
  转: '轉', 给: '給', 领: '領', 号: '號', 账: '賬', 删: '刪', 见: '見', 应: '應', 从: '從', 动: '動',
  记: '記', 录: '錄', 确: '確', 认: '認', 内: '內', 传: '傳', 间: '間', 灾: '災', 风: '風', 电: '電',
  话: '話', 车: '車', 钱: '錢', 银: '銀', 长: '長', 东: '東', 广: '廣', 湾: '灣', 区: '區', 头: '頭',
  热: '熱', 儿: '兒', 无: '無', 纸: '紙', 鸡: '雞', 鱼: '魚', 虾: '蝦', 面: '麵', 盐: '鹽', 团: '團',
  护: '護', 紧: '緊', 扩: '擴', 严: '嚴', 处: '處', 罚: '罰', 规: '規', 将: '將', 袭: '襲', 击: '擊',
  隐: '隱', 瞒: '瞞', 疗: '療', 脑: '腦', 肾: '腎', 难: '難', 气: '氣', 际: '際', 报: '報',
  专: '專', 种: '種', 苏: '蘇', 汤: '湯', 浆: '漿', 据: '據', 级: '級', 辐: '輻',
  云: '雲', 阳: '陽', 台: '臺', 乌: '烏', 鲁: '魯', 齐: '齊', 庆: '慶', 顿: '頓', 恼: '惱',
};

/** Applies one technique to a text. */
export function obfuscate(text: string, how: Obfuscation, rng: Random): string {
  switch (how) {
    case 'zeroWidth':
      return mapChars(text, (ch, i) => (i > 0 && rng.chance(0.3) ? rng.pick(ZERO_WIDTH) + ch : ch));
    case 'fullwidth':
      return mapChars(text, (ch) => toFullwidth(ch));
    case 'homoglyph':
      return mapChars(text, (ch) => (HOMOGLYPHS[ch] !== undefined && rng.chance(0.5) ? HOMOGLYPHS[ch] : ch));
    case 'traditional':
      return mapChars(text, (ch) => TRADITIONAL[ch] ?? ch);
    case 'randomCase':
      return mapChars(text, (ch) => (rng.chance(0.5) ? ch.toUpperCase() : ch.toLowerCase()));
    case 'separated':
      return separate(text, rng);
    case 'stretched':
      return stretch(text, rng);
  }
}

function mapChars(text: string, f: (ch: string, index: number) => string): string {
  return [...text].map(f).join('');
}

function toFullwidth(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch === ' ') return '\u3000';
  return code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : ch;
}

/** "r.u.m.o.r" for 1-3 longer English words, "谣 言" for a run of Han characters. */
function separate(text: string, rng: Random): string {
  const joiner = rng.pick(['.', ' ', '-', '*']);
  if (/\p{Script=Han}/u.test(text)) {
    const chars = [...text];
    const start = rng.int(0, Math.max(0, chars.length - 4));
    const end = Math.min(chars.length, start + rng.int(2, 6));
    return [...chars.slice(0, start), chars.slice(start, end).join(joiner), ...chars.slice(end)].join('');
  }
  return transformSomeWords(text, rng, (word) => [...word].join(joiner));
}

/** "sooooo" style: one letter of 1-3 words repeated. */
function stretch(text: string, rng: Random): string {
  return transformSomeWords(text, rng, (word) => {
    const at = rng.int(0, word.length - 1);
    return word.slice(0, at + 1) + word.charAt(at).repeat(rng.int(2, 5)) + word.slice(at + 1);
  });
}

function transformSomeWords(text: string, rng: Random, f: (word: string) => string): string {
  const parts = text.split(/(\s+)/);
  const candidates = parts.flatMap((part, i) => (/^\p{L}{4,}$/u.test(part) ? [i] : []));
  const chosen = new Set<number>();
  const wanted = Math.min(candidates.length, rng.int(1, 3));
  while (chosen.size < wanted) chosen.add(rng.pick(candidates));
  return parts.map((part, i) => (chosen.has(i) ? f(part) : part)).join('');
}
