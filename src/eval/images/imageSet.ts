import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Random } from '../../bench/corpus/random.js';
import type { Debunk } from '../../debunks/schema.js';
import { appendAll } from '../../lib/appendAll.js';
import { readCheckedDataset } from '../readCheckedDataset.js';
import type { CardSpec } from './renderCard.js';

/** One picture of the image set: what it shows, and which claim (if any) it carries. */
export interface ImageCase {
  id: string;
  /** The claim's debunk id, or null for a picture without a rumor. */
  claim: string | null;
  lang: 'zh' | 'en';
  card: CardSpec;
}

/** The set and the debunks it is matched against (the example database, plus chat-dev's claims). */
export interface ImageSet {
  cases: ImageCase[];
  debunks: Debunk[];
  /** Where the cases came from, for the report. */
  sources: string[];
}

/** How many pictures of each kind come from ../shared/eval/chat-dev, when it is there. */
export const CHAT_DEV_SAMPLE = { rumors: 40, others: 20 } as const;

const STYLES: readonly CardSpec['style'][] = ['weibo', 'tweet', 'notice', 'chat'];
const WIDTHS = [420, 540, 720, 960] as const;

/** Photos and memes with words in them that are no rumor. */
const OTHER_TEXTS: readonly { text: string; lang: 'zh' | 'en'; style: CardSpec['style'] }[] = [
  { text: '今天的午饭：红烧肉、青菜和一碗米饭', lang: 'zh', style: 'photo' },
  { text: 'Sunday brunch with the family, best pancakes in town', lang: 'en', style: 'photo' },
  { text: 'When the code works on the first try and you do not know why', lang: 'en', style: 'meme' },
  { text: '周末去爬山，风景太美了', lang: 'zh', style: 'photo' },
  { text: 'Me waiting for Friday like', lang: 'en', style: 'meme' },
  { text: '小区本周六上午九点组织义务理发，欢迎老人参加', lang: 'zh', style: 'notice' },
  { text: 'Happy birthday Grandma! 90 years young', lang: 'en', style: 'photo' },
  { text: '明天降温，大家注意添衣保暖', lang: 'zh', style: 'chat' },
];

/** A screenshot-like card for a text: a random style, width, slight rotation, recompression. */
function cardFor(body: string, random: Random, style?: CardSpec['style']): CardSpec {
  return {
    body,
    style: style ?? random.pick(STYLES),
    width: random.pick(WIDTHS),
    rotate: random.chance(0.3) ? (random.chance(0.5) ? -1 : 1) * (0.5 + random.next() * 2.5) : 0,
    ...(random.chance(0.4) ? { jpegQuality: random.int(45, 80) } : {}),
  };
}

const langOf = (text: string): 'zh' | 'en' => (/\p{Script=Han}/u.test(text) ? 'zh' : 'en');

/**
 * The image set: every example debunk once (its claim or one of its variants, in either
 * language), chat-dev's spread messages and non-rumor messages when ../shared/eval is there, and
 * photos and memes with unrelated words. Deterministic for a seed.
 */
export function buildImageSet(examples: readonly Debunk[], evalDir: string, random: Random): ImageSet {
  const cases: ImageCase[] = [];
  const sources = [`${examples.length} example debunks`];
  for (const debunk of examples) {
    const wordings = [debunk.claim, ...debunk.variants];
    const text = random.pick(wordings);
    cases.push({ id: `example:${debunk.id}`, claim: debunk.id, lang: langOf(text), card: cardFor(text, random) });
  }
  const debunks = [...examples];
  const chatDev = join(evalDir, 'chat-dev');
  if (existsSync(join(chatDev, 'claims.jsonl'))) {
    const set = readCheckedDataset(chatDev, 'chat-dev').value;
    appendAll(debunks, set.debunks);
    const messages = set.messages ?? [];
    const spread = sample(messages.filter((m) => m.kind === 'spread' && m.claim), CHAT_DEV_SAMPLE.rumors, random);
    const others = sample(messages.filter((m) => m.kind === 'neg' || m.kind === 'chatter'), CHAT_DEV_SAMPLE.others, random);
    for (const m of spread) cases.push({ id: `chat-dev:${m.id}`, claim: m.claim, lang: langOf(m.text), card: cardFor(m.text, random) });
    for (const m of others) cases.push({ id: `chat-dev:${m.id}`, claim: null, lang: langOf(m.text), card: cardFor(m.text, random) });
    sources.push(`chat-dev: ${spread.length} spread, ${others.length} neg/chatter`);
  }
  OTHER_TEXTS.forEach((o, i) => cases.push({ id: `other:${i}`, claim: null, lang: o.lang, card: cardFor(o.text, random, o.style) }));
  sources.push(`${OTHER_TEXTS.length} photos and memes`);
  return { cases, debunks, sources };
}

/** `n` items spread over the list (every k-th from a random start), in list order. */
function sample<T>(items: readonly T[], n: number, random: Random): T[] {
  if (items.length <= n) return [...items];
  const step = items.length / n;
  const start = random.next() * step;
  return Array.from({ length: n }, (_, i) => items[Math.floor(start + i * step)]!);
}
