import { normalize } from './normalize.js';

/**
 * Words that mark a message as refuting a rumor rather than spreading it. People who post
 * "this is a hoax: …" quote the rumor in full, so without this they would be the first to
 * be punished.
 */
const CHINESE = ['辟谣', '谣言', '不实', '假的', '假消息', '假新闻', '虚假', '造谣', '传谣', '谣传', '不是真的', '并非事实', '误传', '澄清', '经查', '已辟谣', '别信', '不要信', '勿信', '不要转发', '莫信'];
const ENGLISH = ['fake', 'fake news', 'hoax', 'debunked', 'debunk', 'not true', 'untrue', 'false', 'false claim', 'fact check', 'fact-check', 'fact checked', 'myth', 'misinformation', 'disinformation', 'no evidence', 'is a rumor', 'is a rumour', 'just a rumor', 'bogus', 'don\'t believe', 'do not believe', 'don\'t share', 'do not share', 'snopes', 'isn\'t true', 'is not true', 'not real'];

/**
 * Negations that turn a cue around: "这不是什么谣言", "this isn't a hoax", "no fake news here"
 * spread the rumor. They count within a few characters (Chinese) or words (English) before it.
 */
const CHINESE_NEGATIONS = ['不是', '并非', '绝非', '不算', '没有'];
const ENGLISH_NEGATIONS = ['not', 'no', 'never', 'isn', 'aren', 'wasn', 'weren', 'ain', 'nothing', 'hardly'];
const CHINESE_REACH = 4;
const ENGLISH_REACH = 3;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const norm = (s: string) => normalize(s).text;

// Chinese has no word boundaries; English cues must be whole words ("falsetto" is no cue).
const chinese = [...new Set(CHINESE.map(norm))].sort((a, b) => b.length - a.length);
const english = [...new Set(ENGLISH.map(norm))].sort((a, b) => b.length - a.length);
const CUE = new RegExp(`${chinese.map(escape).join('|')}|(?<![a-z0-9])(?:${english.map(escape).join('|')})(?![a-z0-9])`, 'g');
const CHINESE_NEGATED = new RegExp(CHINESE_NEGATIONS.map(norm).map(escape).join('|'));
const ENGLISH_NEGATION_WORDS: ReadonlySet<string> = new Set(ENGLISH_NEGATIONS.map(norm));

function isNegated(text: string, at: number): boolean {
  if (CHINESE_NEGATED.test(text.slice(Math.max(0, at - CHINESE_REACH - 1), at))) return true;
  const words = text.slice(Math.max(0, at - 40), at).split(' ').filter(Boolean).slice(-ENGLISH_REACH);
  return words.some((w) => ENGLISH_NEGATION_WORDS.has(w));
}

/** Refutation cues found in normalized text, minus negated ones ("不是谣言", "not fake"). */
export function findRefutationCues(normalizedText: string): string[] {
  const cues: string[] = [];
  for (const m of normalizedText.matchAll(CUE)) {
    if (isNegated(normalizedText, m.index)) continue;
    if (!cues.includes(m[0])) cues.push(m[0]);
    if (cues.length >= 5) break;
  }
  return cues;
}
