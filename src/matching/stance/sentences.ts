/** A sentence of the original message, as the stance reader needs it. */
export interface Sentence {
  /** Offsets in the original text (end exclusive, terminators included). */
  start: number;
  end: number;
  text: string;
  /** Ends with a question mark ("?", "？", "?!"), or with 吗 and no mark at all. */
  question: boolean;
  /** Mostly Chinese/Japanese: a question mark makes any sentence a question there. */
  ideographic: boolean;
  /** First word, normalized ("did", "is"), for English question openers. */
  firstWord: string;
  /**
   * First word after a lead-in that ends in a colon or dash ("Quick q - does garlic …?",
   * "Serious question: is 5G …?") or after a word that only leads in ("so does …?", "wait, is
   * …?"), normalized; empty without one.
   */
  leadWord: string;
  /** Nothing but a question tag: "Thoughts?", "Legit?", "Any truth?", "真的？" ask about what was said. */
  tagOnly: boolean;
  /** Holds "really" or "actually", or ends on a tag ("…, legit?"): "Trump really said that?" asks. */
  hedged: boolean;
  /**
   * A question asked after a clause that sets it up: "if I can hold my breath for 10 seconds does
   * that mean I don't have it?", "so does garlic work or not?". Only with a question mark.
   */
  asksAfterClause: boolean;
  /**
   * Asks the others whether they have heard, or what they do, while telling the news: "did you guys
   * see antifa admitted …?", "…，你们囤了吗". Not a question whether the claim is true.
   */
  tellsNews: boolean;
}

/**
 * Sentence ends: Chinese and Western terminators, line breaks, and a period before a space or the
 * end. A period inside a word ("who.int", "U.S.") belongs to its sentence; the body never gives
 * back what it took, so a match is found at once wherever it starts (linear in the message: a run
 * of periods without spaces once made it quadratic).
 */
const SENTENCE = /(?:[^。！？!?；;\n.]|\.(?!\s|$))*(?:[。！？!?；;\n]+|\.(?=\s|$)|$)/gu;
const FIRST_WORD = /^[\s\p{P}\p{S}]*([A-Za-z]+)/u;
/** A short lead-in, then a colon or a dash, then the word that opens what follows. */
const LEAD_WORD = /^[\s\p{P}\p{S}]*[A-Za-z]+(?: [A-Za-z]+){0,2}\s*(?::|\s[-–—])\s*([A-Za-z]+)/u;
/** Words that only lead in, before a question or the news: "so …", "hey guys, …", "lol …". */
const LEAD_INS = 'so|and|but|ok|okay|guys|lol|hey|oh';
/**
 * Words that only lead in (up to three), then the word that opens what follows: "so does garlic …?",
 * "wait, is this …?", "hey guys, does …?".
 */
const FILLER_LEAD = new RegExp(
  `^[\\s\\p{P}\\p{S}]*(?:(?:${LEAD_INS}|wait|well|hm+|um+|uh+|hi|yo|ah|honestly|seriously|srsly|hold on|hang on|(?:random|quick|genuine|serious|dumb|honest) (?:q|question))[\\s,!.]+){1,3}([A-Za-z]+)`,
  'iu',
);
const TAG_ONLY = new RegExp(
  `^[\\s\\p{P}\\p{S}]*(?:${[
    'thoughts', 'legit', 'true', 'real', 'for real', 'really', 'right', 'accurate', 'any truth', 'is it', 'is that so',
    'true or false', 'true or not', 'fact', 'fact or fiction', 'confirmed', 'source', 'sources', 'proof',
    '真的', '真的吗', '是吗', '是真的', '真的假的', '假的', '假的吧', '靠谱', '可信', '属实', '有用', '管用',
  ].join('|')})[\\s\\p{P}\\p{S}]*[?？][\\s\\p{P}\\p{S}]*$`,
  'iu',
);
const HEDGES = /\b(?:really|actually|seriously)\b/i;
/**
 * "did you (guys) see / hear / know …", after lead-in words: the news passed on (see tellsNews); not
 * "do you know if …", which asks.
 */
const HEARD_THE_NEWS = new RegExp(
  `^[\\s\\p{P}\\p{S}]*(?:(?:${LEAD_INS}|anyway|btw|omg|also)[\\s,!.]+){0,3}(?:did|have|has) (?:you|u|ya|y'?all|anyone|anybody|everyone|any of you)(?: guys| all)? (?:see|seen|hear|heard|catch|caught|read|notice|noticed|know(?! (?:if|whether)))\\b`,
  'iu',
);
/** A last clause asking the others what they did: "…，你们囤了吗", "…，大家都去了吗". */
const PEER_QUESTION_ZH = /[，,]\s*(?:你们|大家|各位)[^，,。！？!?]{0,10}吗[\s\p{P}\p{S}]*$/u;
/** A question tagged on at the end: "… tests for covid, legit?", "…, right?", "…, anyone tried?". */
const TAG_QUESTION = /(?:^|[\s,，])(?:legit|true|real|for real|really|right|fr|is it|is that true|(?:anyone|anybody)(?: [a-z]+){0,2})\s*[?？]+[\s\p{P}\p{S}]*$/iu;
/**
 * An English sentence (or a clause after a comma) opened as a question and hedged, asking without
 * its mark: "does 5G really spread …", "wait did CBC really cut …", "@jason you work there, did that
 * … actually happen".
 */
const HEDGED_OPENING =
  /(?:^|[,;:])[\s\p{P}\p{S}]*(?:(?:so|ok|okay|lol|wait|omg|hey|serious question|quick question|mom|mum|dad|guys|bro|sis|dude|babe|hun)[\s,!.]+){0,2}(?:do|does|did|is|are|was|were|will|would|can|could|should|has|have)\b.*\b(?:really|actually|seriously)\b/iu;
/**
 * 吗 ending a sentence, or a clause before a comma or a space (chat typed without punctuation:
 * "进京的高速都封了吗 周六要开车回去"): "被蚊子咬了会感染新冠吗，有点慌" asks too, but
 * not "你们看了吗，…" or "听说了吗，…", which lead into telling the news.
 */
const FINAL_PARTICLE = /吗[\s\p{P}\p{S}]*$|(?<!(?:看|听|知道|见|刷|读)[了到过说]*)吗(?:\s*[，,]|\s+(?=\p{Script=Han}))/u;
/**
 * 哪, but not the rhetorical 哪有 / 哪会 / 哪能 ("警察哪有空管这些": they have no time), unless after
 * 在 / 去 / 从 / 到, where it asks where ("在哪能买到").
 */
const WHERE_ZH = '(?<=[在去从到])哪|哪(?![有会能])';
/**
 * A Chinese question word near the end of a sentence that has no mark: chat often leaves the "？"
 * out ("香港理工大学的毕业典礼在哪天", "日本的检测试剂盒在哪能买到"), and such a sentence asks as
 * one with the mark does. Not the 几 of "好几个", "十几个", "这几天" (several, these few), nor a
 * "多久都" (however long: "憋多久都测不出来").
 */
const QUESTION_WORDS_ZH = `${WHERE_ZH}|(?<![好十这那没])几(?!十)[点号天月个次]|多少(?![都也])|多久(?![都也])`;
const FINAL_QUESTION_WORD = new RegExp(`(?:${QUESTION_WORDS_ZH})[^，。！？!?；;\\n]{0,6}[\\s\\p{P}\\p{S}]*$`, 'u');
/** A question word after telling others to check: "家长们看看自己孩子是哪个园的" asks them to look, not the group. */
const INDIRECT_ZH = /(?:看看|查查|瞧瞧|看一下|查一下|问问)[^，。！？!?；;\n]{0,10}(?:哪|几|多少|多久)/u;
/** A sentence that says it asks: "问下转发谣言犯法不", "请问…". */
const ASKING_OPENERS_ZH = '问下|问一下|请问|想问|求问|弱弱地问';
const ASKING_OPENER_ZH = new RegExp(`^[\\s\\p{P}\\p{S}]*(?:${ASKING_OPENERS_ZH})`, 'u');
const ASKING_OPENER_ZH_ANYWHERE = new RegExp(ASKING_OPENERS_ZH, 'u');
/** An opening quotation mark in a sentence, and a closing one right after it ends. */
const OPEN_QUOTE = /["“「『]/u;
const CLOSE_QUOTE_NEXT = /^\s?["”」』]/u;
/** A yes-no question ending on its negation, unmarked: "这个是真事不", "这事有视频没", "有科学依据没". */
const FINAL_YES_NO_ZH = /[有是][^，。！？!?；;\s]{1,6}[没不][\s\p{P}\p{S}]*$/u;
/**
 * An English sentence built as a question, which chat often sends without its mark: "do i have to
 * forward the msg to 10 ppl", "is it true 5G spreads covid", "how much garlic do I need to eat to …". Not "do this test every morning":
 * after "do", only a person asks.
 */
const QUESTION_START = '(?:do (?:i|we|you|they)|(?:does|did|is|are|was|were|will|would|should|can|could|has|have) (?:i|we|you|they|he|she|it|this|that|there)|(?:is|are|was|were|did) the|how (?:much|many|long|often) (?:[a-z]+ )?(?:do|does|did|should|can|must|would) (?:i|we|you|they|he|she|it|people)|how (?:much|many) (?:[a-z]+ ){0,2}(?:does|do|did|is|are|was|were|has|have) [a-z]+)\\b';
/** Words that only lead into a question: "wait, is …", "serious question, was …". */
const QUESTION_LEAD_INS = `${LEAD_INS}|wait|lmao|bro|omg|mom|mum|dad|sis|dude|(?:serious|quick|random|genuine|honest|dumb) (?:q|question)`;
const UNMARKED_QUESTION = new RegExp(`^[\\s\\p{P}\\p{S}]*(?:(?:${QUESTION_LEAD_INS})[\\s,!.]+){0,2}${QUESTION_START}`, 'iu');
/**
 * A short sentence opened by "is", "are" or "does" and left without its mark: "wait is dr pepper
 * prune juice" asks. Up to SHORT_YES_NO_WORDS words, not ending on a full stop.
 */
const SHORT_YES_NO = new RegExp(`^[\\s\\p{P}\\p{S}]*(?:(?:${QUESTION_LEAD_INS})[\\s,!.]+){0,2}(?:is|are|does)\\s+[a-z]`, 'iu');
const SHORT_YES_NO_WORDS = 8;
const WORD = /[A-Za-z]+/g;
const ENDS_ON_STOP = /\.\s*$/u;
const isShortYesNo = (body: string): boolean =>
  SHORT_YES_NO.test(body) && !ENDS_ON_STOP.test(body) && (body.match(WORD)?.length ?? 0) <= SHORT_YES_NO_WORDS;
/** A plea built as a question, which asks nothing: "can we stop with the … messages, it's never true". */
const PLEA = /^[\s\p{P}\p{S}]*(?:can|could) (?:we|you|u|people|everyone) (?:please |pls |plz |just )?(?:stop|quit)\b/iu;
/** Whether some sentence of `text` may be such a question: worth splitting the message for. */
const MAY_START_QUESTION = new RegExp(`(?:^|[\\s\\p{P}\\p{S}])${QUESTION_START}`, 'iu');
/**
 * A lead-in clause ("if …", "so …", after a short address: "question for the admins: if …"), then a
 * question built as one (see QUESTION_START), or asking how or why.
 */
const QUESTION_AFTER_CLAUSE = new RegExp(
  `^[\\s\\p{P}\\p{S}]*(?:[^:：\\n]{1,30}[:：]\\s*)?(?:if|so|and|but|then|when|because|for)\\b.*?(?:[\\s,](?:${QUESTION_START}|(?:how|why|what|where|who) (?:do|does|did|is|are|was|were|can|could|would|will|has|have)\\b)|, (?:is|are|was|were|does|did|can|could|will|would|should) (?:the|a|an|my|our|your|his|her|their)\\b)`,
  'iu',
);
/**
 * A clause that tells what happened, then after a comma a question built as one: "I broke a spiral
 * light bulb in the kid's room, do we need to stay out …?". Not the news asked about ("…, did you hear?").
 */
const QUESTION_AFTER_COMMA = new RegExp(`^[^,?!]{1,200},\\s*(?!(?:did|have|has) (?:you|u|ya|anyone|anybody|everyone) (?:see|seen|hear|heard|read|catch|caught)\\b)${QUESTION_START}`, 'iu');
/** Any Chinese question word: a sentence may end on one (see FINAL_QUESTION_WORD). */
const QUESTION_WORD_ZH = new RegExp(QUESTION_WORDS_ZH, 'u');
export const mayAskUnmarked = (text: string): boolean =>
  MAY_START_QUESTION.test(text) ||
  isShortYesNo(text) || HEDGED_OPENING.test(text) || QUESTION_WORD_ZH.test(text) || ASKING_OPENER_ZH_ANYWHERE.test(text);

/** What a sentence's ideographic share does not count as letters: spaces, punctuation, symbols, numbers. */
const NOT_LETTER = /[\s\p{P}\p{S}\p{N}]/u;
const HAN = /\p{Script=Han}/u;
/** Per BMP code point: bit 1 set once known, bit 2 for NOT_LETTER, bit 4 for HAN (a regex test per character was slow). */
const classes = new Uint8Array(0x10000);
const KNOWN = 1;
const IS_NOT_LETTER = 2;
const IS_HAN = 4;

const classify = (ch: string): number => KNOWN | (NOT_LETTER.test(ch) ? IS_NOT_LETTER : 0) | (HAN.test(ch) ? IS_HAN : 0);

function classOf(cp: number): number {
  if (cp > 0xffff) return classify(String.fromCodePoint(cp));
  let c = classes[cp]!;
  if (c === 0) classes[cp] = c = classify(String.fromCharCode(cp));
  return c;
}

/**
 * The Han characters of `body` and its length without spaces, punctuation, symbols and numbers
 * (in UTF-16 units, as the text with those removed would have), code point by code point.
 */
function countLetters(body: string): { ideographs: number; letters: number } {
  let ideographs = 0;
  let letters = body.length;
  for (let i = 0; i < body.length; ) {
    const cp = body.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const c = classOf(cp);
    if (c & IS_NOT_LETTER) letters -= width;
    if (c & IS_HAN) ideographs++;
    i += width;
  }
  return { ideographs, letters };
}

/**
 * A plea to the others ending on "好吗" or "行不行", which asks nothing: "大家转之前先看看权威渠道好吗",
 * "转之前查查好吗", "别再传了好不好？", or said in passing: "那张图是旧照片好吗，…" (not "你好吗").
 */
const PLEA_END_ZH = /(?<![你您])(?:好吗|好不好|行吗|行不行|好么)(?:[\s\p{P}\p{S}]*$|\s*[，,]|\s+(?=\p{Script=Han}))/u;
/** "…可以吗" asks leave of the others when the sentence asks them something: "大家别转了可以吗". */
const MAY_WE_END_ZH = /可以吗[\s\p{P}\p{S}]*$/u;
const PLEA_WORD_ZH = /大家|请|别|不要|先|千万|少/u;
/** Tested as three regexes, each in linear time (one pattern scanned to the end from every "请"). */
const isPleaZh = (body: string): boolean => PLEA_END_ZH.test(body) || (MAY_WE_END_ZH.test(body) && PLEA_WORD_ZH.test(body));
/**
 * A rhetorical "哪…得过来" ("那么多人哪抓得过来": there are too many, it says), "哪门子" or "犯什么法" ("犯哪门子法":
 * it breaks no law, it says), "关…啥事" (none of their business), "脸呢" (shameless), "这不是说好的吗"
 * (it was promised) or "哪个被抓了" (nobody was), which ask nothing.
 */
const RHETORICAL_ZH = /哪[^，。！？,!?\s]{0,4}得(?:过来|完|了)|哪门子|犯什么法|犯啥法|脸呢|关[^，。！？,!?\s]{0,3}(?:啥|什么)事|不是[^，。！？,!?\s]{0,8}吗[\s\p{P}\p{S}]*$|哪个[^，。！？,!?\s]{0,3}被[抓罚判关拘]/u;

/** A sentence ending on a Chinese question mark or 吗. */
const ASKS_IN_CHINESE = /[吗？][\s\p{P}\p{S}]*$/u;

/**
 * What any asking sentence holds (a question mark, or 吗 at its end; "or" after a question asks only
 * when one asked before it): a text without one is not split to look for questions.
 */
export const MAY_ASK = /[?？吗]/u;

/** Splits a message into sentences; bounded by the message length. */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  let previousAsks = false;
  for (const m of text.matchAll(SENTENCE)) {
    if (m[0].length === 0) continue;
    const body = m[0];
    const firstWord = FIRST_WORD.exec(body)?.[1]?.toLowerCase() ?? '';
    const { ideographs, letters } = countLetters(body);
    // "Did he really say that? or is the quote fake" asks twice.
    // A question quoted ('Hillary asked "can't we just drone this guy?" about …') is someone else's.
    const marked = /[?？]/u.test(body) && !(OPEN_QUOTE.test(body) && CLOSE_QUOTE_NEXT.test(text.slice(m.index + body.length, m.index + body.length + 2)));
    const question: boolean =
      marked ||
      FINAL_PARTICLE.test(body) ||
      (FINAL_QUESTION_WORD.test(body) && !INDIRECT_ZH.test(body)) ||
      ASKING_OPENER_ZH.test(body) ||
      FINAL_YES_NO_ZH.test(body) ||
      (previousAsks && firstWord === 'or') ||
      (UNMARKED_QUESTION.test(body) && !PLEA.test(body)) ||
      isShortYesNo(body) ||
      HEDGED_OPENING.test(body);
    const asks: boolean = question && !isPleaZh(body) && !RHETORICAL_ZH.test(body);
    previousAsks = asks;
    out.push({
      start: m.index,
      end: m.index + body.length,
      text: body,
      question: asks,
      // Chinese around a Latin name ("WhatsApp真的要收费吗？") asks as Chinese does.
      ideographic: ideographs > 0 && (ideographs * 2 >= letters || ASKS_IN_CHINESE.test(body)),
      firstWord,
      leadWord: (LEAD_WORD.exec(body) ?? FILLER_LEAD.exec(body))?.[1]?.toLowerCase() ?? '',
      tagOnly: TAG_ONLY.test(body),
      hedged: HEDGES.test(body) || TAG_QUESTION.test(body),
      asksAfterClause: marked && (QUESTION_AFTER_CLAUSE.test(body) || QUESTION_AFTER_COMMA.test(body)),
      tellsNews: HEARD_THE_NEWS.test(body) || PEER_QUESTION_ZH.test(body),
    });
  }
  return out;
}
