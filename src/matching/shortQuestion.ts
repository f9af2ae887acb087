import { foldedPattern } from './chineseFold.js';
import { termIdOf, type PhraseIndex } from './phraseIndex.js';
import type { PreparedMessage } from './prepareMessage.js';
import { mostTermsCovered, type Coverage } from './rescore.js';
import { everydayIds, isEverydayTerm, termIdsOf, whoOrWhereOf, type ScoredCandidate } from './scoreMatch.js';
import { MAY_ASK } from './stance/sentences.js';
import { ASKING_TERMS, ASKS_IF_TRUE } from './stance/stanceCues.js';

/**
 * A short question that names a claim by two of its telling words and says little else: "Is
 * WhatsApp really going to charge us?", "WhatsApp真的要收费吗？", "轉發都犯法㗎？". Two shared words are
 * too few to match a claim (MIN_SHARED_TERMS), so such a question went unanswered; it scores this,
 * enough to be answered with the refutation (the shipped `answer`, 0.4) and never enough to act
 * (a message that does not ask is only logged).
 */
export const SHORT_QUESTION_SCORE = 0.5;
/** The shared terms a short question needs with a claim's phrase (a match needs MIN_SHARED_TERMS). */
export const SHORT_QUESTION_SHARED = 2;

/** A short question at most: a message this long, of this many words, says more than it asks. */
const MAX_CHARS = 60;
const MAX_TOKENS = 10;
/**
 * A question that asks whether something is true (ASKS_IF_TRUE) may say a little more around it:
 * "can someone check if the Adele crash news is legit before I tell my mom" (fresh chat: b14 en
 * questions answered 76.7 -> 80.0 %, no other figure moved).
 */
const ASKING_MAX_CHARS = 100;
const ASKING_MAX_TOKENS = 14;
/** The message's own words (English terms) the claim need not share: "whatsapp will charge money?". */
const UNSHARED_WORDS = 1;
/** The share of the message's Chinese characters (asking words aside) the shared pairs must cover. */
const CHINESE_COVERED = 0.5;
/**
 * Characters the shared pairs must hold at least (a shared Latin word counting two): two words, not
 * the three characters of two overlapping pairs. "襄阳封城？" shares "阳封" and "封城" with "信阳封城了" (one
 * run, "阳封城") and "襄阳" and "封城" with "大襄阳作为最后一个也封城了", which it asks about.
 */
const CHINESE_HELD = 4;

/**
 * Chinese that only asks or links, taken out before the coverage is read: "真的", "吗", "是不是",
 * "会不会", Cantonese "㗎", "咩", "係咪" (normalized: "系咪").
 */
const ASKING_ZH = foldedPattern(
  /真的|假的|是不是|会不会|能不能|有没有|可不可以|系唔系|系咪|会唔会|请问|问下|有人知道|谁知道|说法|到底|这个|那个|听说|怎么|为什么|为啥|什么|如何|[吗呢啊吧了么嘛㗎咩呀哦的都也又还就要会能是]/gu,
);
/**
 * Claim terms a short message shares without naming the claim: words that only ask or doubt
 * (ASKING_TERMS: "rumor", "true", "fake") and negations. "that's not a rumor, it's true" shares
 * "not" and "rumor" with "Group owners are not responsible for rumors members post", and was
 * logged against its member as that rumor.
 */
const untellingIds = termIdsOf([...ASKING_TERMS, 'not', 'never', 'no']);

/** How a character of a short Chinese question is marked: in an asking word of one character, or of two or more. */
const ASKING_CHAR = 1;
const ASKING_WORD = 2;

/** A Chinese character (read by the matcher too). */
export const HAN = /\p{Script=Han}/u;

/** Whether the message is a short question (see SHORT_QUESTION_SCORE). */
export function isShortQuestion(message: PreparedMessage): boolean {
  // A word of Chinese is two character pairs: "有人知道WhatsApp收费是不是真的吗" is 11 tokens, 6 words.
  let words = 0;
  for (const t of message.tokens) words += HAN.test(t.term) ? 0.5 : 1;
  const text = message.text.trim();
  const asksIfTrue = ASKS_IF_TRUE.test(text);
  if (words > (asksIfTrue ? ASKING_MAX_TOKENS : MAX_TOKENS)) return false;
  return text.length <= (asksIfTrue ? ASKING_MAX_CHARS : MAX_CHARS) && (MAY_ASK.test(text) || asksIfTrue);
}

/**
 * The coverage by which a candidate ruled out for sharing too few terms, or scored below
 * SHORT_QUESTION_SCORE, answers the short question, if it does (its phrase that holds the most of
 * the message, see mostTermsCovered): it shares two terms in its window, neither of them an
 * everyday word and (English) not both names, and the message says little besides
 * (English: at most UNSHARED_WORDS other words that do not only ask; Chinese: the shared pairs
 * cover CHINESE_COVERED of its characters that do not only ask).
 */
export function answersShortQuestion(index: PhraseIndex, message: PreparedMessage, s: ScoredCandidate): Coverage | undefined {
  if (!s.ruledOut && s.score >= SHORT_QUESTION_SCORE) return undefined;
  const widest = mostTermsCovered(index, message, s.coverage.candidate);
  return widest && answeredBy(index, message, widest) ? widest : undefined;
}

function answeredBy(index: PhraseIndex, message: PreparedMessage, widest: Coverage): boolean {
  const { phrase, window } = widest;
  if (window.terms < SHORT_QUESTION_SHARED) return false;
  const everyday = everydayIds(index);
  // Whom and where (names, the words a debunk's English phrases capitalize, kindergarten, park …).
  const whoOrWhere = phrase.ideographic ? undefined : whoOrWhereOf(index, phrase);
  const untelling = phrase.ideographic ? undefined : untellingIds(index);
  const shared = new Set<number>();
  let content = false;
  for (let k = 0; k < phrase.terms.length; k++) {
    const id = phrase.terms[k]!;
    const at = message.positions.get(id);
    if (at?.some((p) => p >= window.first && p <= window.last)) {
      if (everyday.has(id)) return false;
      if (untelling?.has(id)) continue;
      shared.add(id);
      if (!phrase.names[k] && !whoOrWhere?.has(id)) content = true;
    }
  }
  // Names alone ask about who or what, not the claim: "What time is the Super Bowl kickoff this year?",
  // "Anyone going to Gucun Park this weekend?".
  if (shared.size < SHORT_QUESTION_SHARED || (!phrase.ideographic && !content)) return false;
  const sharedTokens = message.tokens.filter((t, k) => k >= window.first && k <= window.last && shared.has(termIdOf(index, t.term) ?? -1));
  if (phrase.ideographic) {
    const text = message.normalized;
    // The asking words, found once: every one is left out of the characters the question has, and
    // a shared pair inside one of two or more covers nothing (the "怎么" of "有人知道这个快递单号怎么查不到吗"
    // against a claim's "怎么也找不到" was answered with that refutation). Single characters that
    // ask or link ("了") still count where a shared pair holds them.
    const asking = new Uint8Array(text.length);
    for (const m of text.matchAll(ASKING_ZH)) asking.fill(m[0].length > 1 ? ASKING_WORD : ASKING_CHAR, m.index, m.index + m[0].length);
    let han = 0;
    for (let k = 0; k < text.length; ) {
      const ch = String.fromCodePoint(text.codePointAt(k)!);
      if (asking[k] === 0 && HAN.test(ch)) han++;
      k += ch.length;
    }
    const covered = new Set<number>();
    let latin = 0;
    for (const t of sharedTokens) {
      if (!HAN.test(t.term)) latin++;
      for (let k = t.start; k < t.end; k++) if (HAN.test(text[k]!) && asking[k] !== ASKING_WORD) covered.add(k);
    }
    return han > 0 && covered.size / han >= CHINESE_COVERED && covered.size + 2 * latin >= CHINESE_HELD;
  }
  const unshared = new Set<string>();
  for (const t of message.tokens) {
    const id = termIdOf(index, t.term);
    if ((id !== undefined && shared.has(id)) || isEverydayTerm(t.term) || ASKING_TERMS.has(t.term) || HAN.test(t.term)) continue;
    unshared.add(t.term);
  }
  return unshared.size <= UNSHARED_WORDS;
}
