import type { Debunk } from '../../debunks/schema.js';
import { chatParagraph, chatSentence, link, shortChat, WRAPPERS } from './chatter.js';
import { obfuscate, OBFUSCATIONS_BY_LANG, type Obfuscation } from './obfuscate.js';
import type { Random } from './random.js';

/** One synthetic chat message and what a perfect matcher would say about it. */
export interface BenchMessage {
  text: string;
  /** The debunk whose claim or variant the message repeats; null for ordinary chat. */
  expectedId: string | null;
  lang: 'en' | 'zh';
  /** How the repeated phrase was disguised; empty when verbatim or when there is no claim. */
  obfuscations: readonly Obfuscation[];
}

/** Share of messages that repeat a known rumor. Real groups see far fewer; the bench needs enough to score. */
const CLAIM_SHARE = 0.4;
/** Share of rumor-bearing messages whose phrase is disguised. */
const OBFUSCATED_SHARE = 0.5;
/** The longest chat message generated, in UTF-16 units: a long forwarded essay. */
const LONG_MAX = 1500;

/** Generates `count` messages over `debunks`; same `rng` state and inputs → identical output. */
export function generateMessages(debunks: readonly Debunk[], count: number, rng: Random): BenchMessage[] {
  if (debunks.length === 0) throw new Error('cannot generate rumor messages without debunks');
  const messages: BenchMessage[] = [];
  for (let i = 0; i < count; i++) {
    messages.push(rng.chance(CLAIM_SHARE) ? rumorMessage(rng.pick(debunks), rng) : ordinaryMessage(rng));
  }
  return messages;
}

function rumorMessage(debunk: Debunk, rng: Random): BenchMessage {
  const lang = debunk.lang === 'zh' ? 'zh' : 'en';
  let phrase = debunk.variants.length > 0 && rng.chance(0.4) ? rng.pick(debunk.variants) : debunk.claim;
  const obfuscations = rng.chance(OBFUSCATED_SHARE) ? pickTechniques(lang, rng) : [];
  for (const how of obfuscations) phrase = obfuscate(phrase, how, rng);

  const wrappers = WRAPPERS[lang];
  const forwarded = rng.pick(wrappers.before) + phrase + rng.pick(wrappers.after);
  const joiner = lang === 'en' ? ' ' : '\n';
  const roll = rng.next();
  let text = forwarded;
  if (roll >= 0.95) {
    // Buried in a long message: the rumor is a small part of what the matcher reads.
    const around = rng.int(150, (LONG_MAX - forwarded.length) / 2);
    text = chatParagraph(lang, around, rng) + joiner + forwarded + joiner + chatParagraph(lang, around, rng);
  } else if (roll >= 0.75) {
    text = chatSentence(lang, rng) + joiner + forwarded + (rng.chance(0.5) ? joiner + chatSentence(lang, rng) : '');
  }
  return { text, expectedId: debunk.id, lang, obfuscations };
}

/** One technique usually, two sometimes (fullwidth and zero-width together are common in spam). */
function pickTechniques(lang: 'en' | 'zh', rng: Random): Obfuscation[] {
  const first = rng.pick(OBFUSCATIONS_BY_LANG[lang]);
  if (!rng.chance(0.3)) return [first];
  const second = rng.pick(OBFUSCATIONS_BY_LANG[lang].filter((t) => t !== first));
  return [first, second];
}

function ordinaryMessage(rng: Random): BenchMessage {
  const lang = rng.chance(0.5) ? 'en' : 'zh';
  const roll = rng.next();
  let text: string;
  if (roll < 0.25) text = shortChat(lang, rng);
  else if (roll < 0.3) text = link(rng);
  else if (roll < 0.8) text = chatSentence(lang, rng) + (rng.chance(0.3) ? ' ' + chatSentence(lang, rng) : '');
  else if (roll < 0.95) text = chatParagraph(lang, rng.int(80, 400), rng);
  else text = chatParagraph(lang, rng.int(500, LONG_MAX), rng);
  return { text, expectedId: null, lang, obfuscations: [] };
}
