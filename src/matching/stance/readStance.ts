import type { Debunk } from '../../debunks/schema.js';
import { foldedPattern } from '../chineseFold.js';
import { normalizedText } from '../normalize.js';
import type { PreparedMessage } from '../prepareMessage.js';
import { tokenize, type Token } from '../tokenize.js';
import type { Stance } from '../types.js';
import {
  A_NOT_A,
  ADVICE_IMPERATIVE,
  ASIDE,
  ASKING_TERMS,
  ASKS_IF_TRUE,
  CANNOT_EVER_ZH,
  CONSEQUENCE_AFTER,
  DENIAL,
  DISTRUST,
  HIDDEN_FROM_YOU,
  MOCK,
  NO_IDIOM,
  NOT_CHANCE,
  OPENING_DENIAL,
  PROTECTED_OUTCOME,
  PROTECTED_OUTCOME_EN,
  QUESTION,
  QUESTION_OPENERS,
  REFUTE,
  REFUTING_IMPERATIVE,
  RHETORICAL_TAG_EN,
  URGE,
  VERACITY_CUE,
} from './stanceCues.js';
import { MAY_ASK, mayAskUnmarked, sentencesOf, type Sentence } from './sentences.js';
import { appendAll } from '../../lib/appendAll.js';

/** The member's stance and the words that show it. */
export interface StanceReading {
  stance: Stance;
  /**
   * What decided it, for the explanation: the cue words as found, prefixed by their kind when
   * that is not plain from the stance ("denies: wasn t", "distrusts: snopes is paid").
   */
  cues: string[];
  /**
   * A question that asks whether something is true or holds ("is it true", "真的吗", "是不是"),
   * not merely a sentence ending in a question mark ("周末去顾村公园看樱花吗？").
   */
  asksIfTrue?: boolean;
}

/** Where the message repeats the claim, in offsets of the original text (end exclusive). */
export interface ClaimSpan {
  start: number;
  end: number;
}

const norm = normalizedText;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The end of a contraction in a normalized English cue ("isn t", "that s", "they re"): chat writes
 * it without the apostrophe too ("isnt true", "thats a stretch", "dont forward"), and the cue
 * reads both.
 */
const CONTRACTION = /(?<=[a-z]) (t|s|re|m|ll|ve|d)(?= |$)/g;

/**
 * One regex per cue list: Chinese cues anywhere, English cues as whole words (a contraction with
 * or without its apostrophe, see CONTRACTION); longest first.
 */
function cueRegex(list: { zh: readonly string[]; en: readonly string[] }): RegExp {
  // A cue that starts with a Latin letter ("p的") starts a word: not the end of "WhatsApp的".
  const zh = [...new Set(list.zh.map(norm))].sort((a, b) => b.length - a.length).map((c) => (/^[a-z0-9]/.test(c) ? `(?<![a-z0-9])${escape(c)}` : escape(c)));
  const en = [...new Set(list.en.map(norm))].sort((a, b) => b.length - a.length).map((c) => escape(c).replace(CONTRACTION, ' ?$1'));
  return new RegExp(`${zh.join('|')}|(?<![a-z0-9])(?:${en.join('|')})(?![a-z0-9])`, 'g');
}

/** "no" opening a clause, and the word after it: "…, no lightning, no ambulances" (see readStance). */
const NO_THEN_WORD = /(?:^|[.,;:!?，。]\s*)no\s+([A-Za-z]+)/gi;
/** "Mosquitoes spread dengue, not covid": a contrast after a comma, before one word (see readStance). */
const CONTRAST_NOT = /[,;]\s*(?:but\s+)?not\s+(?:the\s+|a\s+|an\s+)?([A-Za-z0-9]+)(?=\s*(?:[,.;!?]|$|but\s))/gi;
/**
 * Against a claim that something prevents a harm, the member's own case that says the harm came anyway:
 * "I caught covid even though I ate garlic every day".
 */
const COUNTER_EXPERIENCE_EN = /(?<![a-z])(?:even though|even tho|although|despite|and still|but still|still (?:got|caught|get|catch|tested positive))(?![a-z])/;
/** "No one said …", "no longer", "no matter", "no idea", "no problem": no denial of what follows. */
const NOT_A_DENIAL_AFTER_NO = /^(?:one|body|longer|more|matter|idea|problem|offense|offence|thanks|worries|clue|joke|cap|lie|kidding)$/i;
/** "not a", "not an", "not the", "not some": a denial only before the claim's own words (see readStance). */
const NOT_A = /(?<![a-z0-9])not (?:a|an|the|some)(?![a-z0-9])/;
const NOT_A_RE = new RegExp(NOT_A.source, 'g');
const REFUTE_RE = cueRegex(REFUTE);
const DENIAL_RE = cueRegex(DENIAL);
const MOCK_RE = cueRegex(MOCK);
/** Emoji that laugh at what they follow: a clown, a facepalm. Not 😂, which laughs along as often. */
const MOCKING_EMOJI = /\u{1F921}|\u{1F926}/u;
/** The chat tag for sarcasm, ending the message as written: "5G towers spread the coronavirus /s". */
const SARCASM_TAG = /(?:^|\s)\/s[.!]*\s*$/;
/**
 * Laughing at someone else's saying it: "又有人说5G基站会传播新冠病毒，笑死" (a bare 笑死 is no
 * mockery: Chinese chat laughs while passing a rumor on).
 */
const LAUGHING_AT_OTHERS_ZH = /(?:又有人|又在传|又开始传|有人居然|有人竟然|居然有人|竟然有人)[^。！？!?]*?(?:笑死|哈哈哈)/u;
/**
 * Lines quoted at the start ("> 5G towers spread the coronavirus"): someone else's words, so the
 * member's own reply opens after them ("no they don't").
 */
const QUOTED_LINES = /^(?:[ \t]*>[^\n]*(?:\n|$))+/u;
/**
 * Whether the claim's words all lie in the lines quoted at the start, and the member wrote something
 * after them that does not open by agreeing ("this. exactly this.", "+1", "没错").
 */
function quotesOnly(text: string, span: ClaimSpan): boolean {
  const quoted = QUOTED_LINES.exec(text)?.[0];
  if (quoted === undefined || span.end > quoted.length) return false;
  const reply = text.slice(quoted.length).trim();
  return reply.length > 0 && !AGREES.test(reply);
}
/** A reply that opens by agreeing with what it quotes. */
const AGREES =
  /^(?:(?:this|exactly|so true|facts|agreed|agree|yes+|yep|yup|true|truth|real talk|fr|for real|preach|100 ?%|this is true|absolutely|\+1)(?![\p{L}\p{N}])|\^|👆|☝|(?:对|没错|确实|是的|就是|说得对|赞同|顶|\+1))/iu;
/** An eye-roll: after the claim's words (with at most "too" or "lol" between), disbelief of it. */
const EYE_ROLL = /\u{1F644}/u;
const EYE_ROLL_GAP = /^[\s\p{P}]*(?:(?:too|lol|lmao|ok|sure)[\s\p{P}]*)?$/iu;
/**
 * The claim taken to an absurd end: "那还要疫苗干嘛", "那韩国人早就免疫了吧", "…的话，还研究什么疫苗",
 * "…那天天泡海里的人岂不是都免疫了". Not
 * "那…都不用…了" or "那…都得…", which as often draw a consequence of news ("信阳封城了，那过年都不用回家了").
 */
const REDUCTIO_ZH =
  /那(?:还要|还用)[^，。！？!?]{0,8}(?:干嘛|干什么|做什么|有什么用)|那[^，。！？!?]{0,10}早就?(?:免疫|中招|完了|死光|灭绝|破产|百毒不侵)|[，,][^，。！？!?]{1,10}(?:早就|早)(?:免疫|灭绝|死光)了|(?:的话|那)[，,]?\s*还(?:研究|要|用|打|买|开|做)什么|岂不是/u;
/** A counterfactual about people at large, wherever the claim stands: "盐水要是能防新冠，天天下海游泳的人都不会感染了". */
const COUNTERFACTUAL_ZH = /要是[^，。！？!?]{2,20}[，,][^，。！？!?]{0,20}的人[^，。！？!?]{0,8}?(?:都|早就)/u;
/**
 * The same in English, as a condition the claim would make absurd: "if holding your breath for 10
 * seconds detected covid we wouldn't need tests", "if garlic prevented covid Italy would have had
 * zero cases", "if mosquitoes could spread covid, every single person would have caught it", "if
 * mosquito bites spread covid we'd all have had it by July". Not "if
 * you hold your breath … you would not have covid" nor "if everyone ate it we would have no cases",
 * which retell a claim.
 */
const REDUCTIO_EN =
  /\bif\b[^.?!;\n]{3,120}?\b(?:(?:wouldn'?t|would not|would never) need (?:any |the )?(?:tests?|testing|vaccines?|masks?|doctors|hospitals|lockdowns?|medicine)|would have had (?:zero|no) (?:cases|deaths|covid))\b|\bif\b[^.?!;\n]{3,80}?\b(?:could|were|was)\b[^.?!;\n]{3,80}?\b(?:every(?:one|body| single person)|all of us|we(?:'d| would) all) would (?:have|be)\b|\bif\b[^.?!;\n]{3,80}?\b(?:we|everyone|everybody|all of us)(?:'d| would)(?: all)? have (?:had|caught|got|gotten|been|died)\b|\bif\b[^.?!;\n]{3,80}?\bmy [a-z]+ would be patient zero\b|\bif\b[^.?!;\n]{3,80}?\b(?:half|all|most)\b[^.?!;\n]{0,40}?\bwould(?:'ve| have)? (?:been|be) (?:immune|fine|safe)\b|\bif\b[^.?!;\n]{3,60}?\bwould(?:'?ve| have) been (?:fine|immune|safe|spared|ok|okay)\b/iu;
const IF_WORD = /\bif\b/i;
/** Refutation cues that challenge the claim as a question: '"abandoned on purpose" based on what, one random comment?'. */
const CHALLENGES: ReadonlySet<string> = new Set(['based on what', 'one random comment']);
/** A cue that opens on a negation of its own ("doesn t fly", "isn t a defense"). */
const NEGATION_FIRST = /^(?:doesn t|don t|isn t|wasn t|won t|can t|didn t|not|never|no|doesnt|dont|isnt|wasnt|wont|cant|didnt)(?![a-z])/;
/** REDUCTIO_EN in the message: every branch opens on "if", so most messages, which have none, skip its scan. */
const englishReductio = (text: string) => (IF_WORD.test(text) ? REDUCTIO_EN.exec(text.replace(/’/g, "'")) : null);
/** A thinking face: the member wonders whether it is so. */
const PONDERING_EMOJI = /\u{1F914}/u;
/**
 * An authority answering no, on its own: "世卫组织：不会", "专家说了，不是". Not "专家说不会被处罚",
 * which tells what the claim says.
 */
const AUTHORITY_SAYS_NO = /(?:世卫组织|世卫|卫健委|疾控中心|疾控|官方|专家|医生|警方|辟谣平台)(?:说了|说|称|表示)?\s*(?:不会|不能|没有|不是|假的)(?=\s|$)/u;
/** "…，没用": it does not work, said last, in a clause of its own (read in the message as written). */
const USELESS_LAST = /[，,。！!；;\s]\s*(?:没有?用|沒有?用)[了的啊吧呀]?[\s\p{P}\p{S}]*$/u;
/**
 * Refutation cues that speak of what follows them, so only before the claim's own words: "there is
 * zero chance 5G towers …", not "zero chance the government admits 5G towers …"; "you keep saying
 * nobody gets punished …", not "… so stop saying it was rushed" (which retells that it was not).
 */
const BEFORE_THE_CLAIM: ReadonlySet<string> = new Set(
  [
    'zero chance', 'not a chance', 'no chance that', 'there s no way', 'there is no way', 'people claiming', 'whoever keeps posting',
    'whoever keeps sharing', 'stop posting', 'quit posting', 'you keep saying', 'stop saying',
  ].map(norm),
);
/** The refutation as others say it ("they say it's a myth", "官方说是谣言"), which an urging member passes over. */
const REPORTED_REFUTATION =
  /(?<![a-z0-9])(?:they|people|media|officials|experts|government|fact ?checkers?|snopes) (?:say|says|said|claim|claims|call|calls|called) (?:it s |it |its |this |that )?(?:is |was )?(?:a |an )?(?:myth|fake|hoax|false|debunked|misinformation|misinfo|rumou?r|conspiracy)|(?:官方|专家|媒体|他们|网上)(?:说|称)(?:是|这是)?(?:谣言|假的|不实)/u;
/** "won't work on them": someone's job, not the claim called useless ("it doesn't work"). */
const WORKS_ON = /^ (?:on|for|with|there|at|here|near|today|tomorrow|anymore)(?![a-z])/;
/**
 * An emphatic "do" (or "absolutely", "definitely") before a verb: "they do get punished", "it does
 * happen", "People absolutely get fined … for spreading rumours online" (see readStance).
 */
const EMPHATIC_DO = /(?<![a-z0-9])(?:(?:absolutely|definitely|certainly)(?: (?:do|does|did))?|do|does|did)(?: (?:get|got|actually|really))? (?!(?:not|never|n)(?![a-z]))([a-z]+)/g;
/**
 * "… now?" ending a sentence that "so" opens asks back in disbelief; not any "So …?", often
 * rhetorical ("So changing diapers without permission is bad but …?").
 */
const SO_NOW = /\bnow\s*[?？][\s\p{P}\p{S}]*$/iu;
/** A message of at most this many tokens, the claim's words with a question mark, asks (see opensQuestion). */
const ECHO_QUESTION_TOKENS = 8;
const ONE_MARK = /(?<![?？!！])[?？][\s\p{S}]*$/u;
const REMINDING_TAG = /\b(?:remember|right|see|lol|lmao|huh)\s*[?？]/iu;
/** Denials that deny only the claim word right after them ("nobody deleted anything"), see DENIAL. */
const NOBODY: ReadonlySet<string> = new Set(['nobody', 'no one']);
/** Before "nobody", a purpose: "share so nobody gets caught" warns, it denies nothing. */
const SO_THAT = /(?:^|[^a-z])so (?:that )?$/;
/**
 * Before a refutation cue, a hedge: "sounds made up", "looks fake to me", "probably a hoax", "sounds like satire",
 * "saw a pic and thought it was fake" (what the member took it for, before asking).
 */
const HEDGED_DOUBT_EN =
  /(?:^|[^a-z])(?:sounds?|looks?|seems?|smells?|feels?|probably|prob|maybe|kinda|kind of|i think|i bet|i guess|might be|could be|must be|(?:thought|assumed|figured|suspected) (?:it|this|that) (?:was|s|is|were))(?: like)?(?: (?:a|an|some|total|complete|pure|just))? $/;
/** "no way", "no chance": disbelief that, after a question on the claim, asks to be told. */
const NO_WAY = /^no (?:way|chance)$/;
/** Before a Chinese cue, the "or" of an alternative question: "定係又係假消息", "还是谣言". */
const ALTERNATIVE_ZH = /(?:定係|定系|还是|還是|或者|或是)\p{Script=Han}{0,2}$/u;
/** Before a Chinese cue, a hedge: "视频看着好像是旧的", "感觉是假的". */
const HEDGED_DOUBT_ZH = /(?:好像|似乎|看着|看起来|感觉|可能|估计|大概|貌似)(?:是|像)?$/u;
/** Before a Chinese denial, "not yet": "学校还没发通知" says why the member asks. */
const NOT_YET_ZH = /还$/u;
/** The denials that may tell what to do (see ADVICE_IMPERATIVE): not "no one is going to charge you". */
const IMPERATIVE_CUE = /^(?:don t|dont|do not|never)$/;
/** Characters after a denial read for what happens otherwise (see CONSEQUENCE_AFTER). */
const CONSEQUENCE_REACH = 100;
/** Whether what follows `from` in the message as written, to the end of its sentence, says what happens otherwise (CONSEQUENCE_AFTER). */
const consequenceFollows = (written: string, from: number): boolean =>
  CONSEQUENCE_AFTER.test(written.slice(from, from + CONSEQUENCE_REACH).split(/[?？\n]/u)[0]!.toLowerCase().replace(/[’`]/g, "'"));
/**
 * Asking whether anyone knows, which asks whether something is true only with words that say so:
 * "有没有人知道顾村公园樱花节几号开始" asks when, not whether the claim is so (nor does "有没有人…").
 */
/**
 * What others say, told beside a question: "is something wrong with the Hoover Dam? ppl saying it
 * cracked" asks whether what they say is true, not about the dam.
 */
const HEARSAY = /(?<![a-z])(?:(?:ppl|people|someone|somebody|they|everyone|everybody|folks) (?:are |is |keep |keeps |been )?(?:saying|said|say|says|posting)|heard|hearing)(?![a-z])|听说|据说|有人说|网上说|群里说|都在传|都说|聽講|听讲/u;
/**
 * Words that report what someone else said, sent or posted (wider than HEARSAY, for a message that
 * also asks): "my wife says", "saw a post", "got a WhatsApp forward", "someone sent me", "read that".
 */
const REPORTED_EN =
  /(?<![a-z])(?:(?:saw|seen|see|read|got|get|getting|received|watched)(?: [a-z]+){0,2} (?:post|posts|forward|forwarded|message|msg|article|video|clip|tiktok|reel|story|text|chain|headline|pic|picture|photo|screenshot|meme|thread|tweet|email)|says|said|saying|claims|claimed|claiming|told (?:me|us|him|her|them|my)|sent (?:me|us|this|that|a|an)|sends|shared|sharing|shares|posted|posting|forwarded|forwarding|swears|insists|reckons|heard|read (?:that|somewhere|online)|supposedly|apparently|allegedly|blaming|according to)(?![a-z])/i;
/** A question of outrage or wonder, which passes the news on rather than asking about it: "why is nobody talking about this?". */
const OUTRAGE_QUESTION_EN = /^[\s\p{P}\p{S}]*(?:why|how come|how is|how are|how can|how could|how dare|can you believe|can u believe|could you believe|who would|who else|what kind of|what is wrong|what s wrong|whats wrong|wtf|what the|isn'?t it|aren'?t they|don'?t you think|are you kidding|are we|what are they)\b/iu;
/** A question that moves on to something else: "anyway who's coming saturday?", "btw any tips for jerusalem?". */
const TOPIC_CHANGE_EN = /^[\s\p{P}\p{S}]*(?:anyway|anyways|btw|by the way|also|unrelated|on another note|oh and|speaking of)\b/iu;
/** "did you see the clip where …?": the news passed on as a question, whatever leads into it. */
const PASSES_NEWS_EN = /\b(?:did|have) (?:you|u|ya|y'?all|anyone|anybody|everyone)(?: guys| all)? (?:see|seen|hear|heard|catch|caught|notice|noticed)\b/i;
/**
 * What a question on what was reported asks about: it, its truth, its evidence, or what to do about
 * it ("Should I bother?", "real deal?", "Is he in danger?", "anyone seen anything official?"); not
 * "anyone want tacos tomorrow?" after the news.
 */
const ASKS_BACK_EN =
  /\b(?:that|this|it|true|real|legit|fake|possible|evidence|proof|source|sources|official|safe|dangerous|danger|truth|hype|accurate|bother|worry|worried|concerned|switch|stop|avoid|should (?:i|we|he|she|they)|do i|is he|is she|are we|am i)\b/i;
/** Words at most of a question asked on its own about what was reported; a longer one must hold words of the claim. */
const SHORT_QUESTION_WORDS = 10;
const wordsIn = (text: string) => text.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)).length;
/**
 * Words that ask whether something is so, beside an "anyone know if": "anyone know if whatsapp is
 * really going to start charging?" (real-client QA: answered as a question on WhatsApp, at 0.35).
 */
const SAYS_TRUTH = /(?<![a-z])(?:really|actually|true|truth|real|legit|fake|hoax|rumou?r)(?![a-z])|真的|真假|假的|谣言|靠谱|属实/u;
const ASKS_WHO_KNOWS: ReadonlySet<string> = new Set(['有人知道', '谁知道', 'does anyone know', 'anyone know', 'anyone know if', 'anyone know whether'].map(norm));
/** The claim's word asked back with "not" to open the message: "Not punished? Tons of people get fined …". */
const NOT_ECHO = /^\s*not (?:[a-z]+ ){0,2}[a-z]+\s*\?/i;
/** "能不能把…", "可不可以帮…": asking a favour ("物业能不能把小区的蚊子打一下药"), not whether anything is so. */
const ASKS_A_FAVOUR = /^(?:能不能|能否|可不可以|可以不可以)[把帮给让替]/u;
/**
 * Before "X不X", telling others to check or think: "赶紧看看是不是你家孩子的老师", "你们想想是不是巧合" ask
 * nothing about the claim.
 */
const CHECK_WHETHER = /(?:看看|看一下|查查|查一下|问问|瞧瞧|想想|想一想|品品|细品)$/u;
/** Characters after a cue within which its next word ("not a covid …") still counts as right after it. */
const NEXT_WORD_REACH = 6;
/** Right before an English denial, the member speaking of themselves: "I didn't post it". */
const FIRST_PERSON = /(?:^|[^a-z0-9])i $/;
/** The member or their family saying what they will not do (see AVOIDED_ACTION). */
const FIRST_PERSON_WILL = /(?:^|[^a-z0-9])(?:i m|im|i am|i ll|ill|i will|we re|we ll|we will|we are)\s$/;
/** What one stops doing for fear of a claim: eat, drink, buy, use, give … */
const AVOIDED_ACTION =
  /^ (?:going to |gonna |ever )?(?:eat|eating|drink|drinking|buy|buying|use|using|take|taking|give|giving|feed|feeding|touch|touching|open|opening|click|clicking|answer|answering|let|letting|wear|wearing|microwave|microwaving|cook|cooking|order|ordering|shop|shopping)(?![a-z])/;
/** After "didn't", "did not": ways of saying someone died ("RIP …, he didnt make it thru surgery"), not denials. */
const DIED_IDIOM_EN = /^ (?:make it|pull through|wake up)(?![a-z])/;
const DID_NOT = /^(?:didn t|didnt|did not)$/;
/** Before a denial, in its sentence: a report of someone's words that it belongs to. */
const REPORTED_WORDS = /(?<![a-z])(?:said|says|saying|told|tweeted|claims|claimed|wrote)(?![a-z])/;
const REPORTED_WORDS_BEFORE = /(?<![a-z])(?:said|says|saying|told (?:[a-z]+ ){0,2}|tweeted|claims|claimed|wrote|posted)(?: that)?(?: [a-z0-9]+){0,8} $/;
/**
 * After an English denial, "anymore": "… aren't automatically citizens anymore" retells a claim
 * that says "no longer", where the denial is its own.
 */
const ANYMORE_AFTER = /^[^.!?;]{0,48}?(?<![a-z])(?:anymore|any more|any longer)(?![a-z])/;
const claimSaysNoLonger = claimSays(/(?<![a-z])(?:no longer|anymore|any more|any longer)(?![a-z])/);
/**
 * A denial of needing what the claim says is done without: "you don't even need the receipt", "no
 * receipt needed" retell "… will refund $150 without a receipt". The word needed, as written.
 */
const NOT_NEEDED = /^(?:(?:don t|dont|do not|doesn t|doesnt|does not|won t|wont|will not)(?: even)? (?:need|require)(?: to (?:show|have|bring))?|no)(?: (?:a|an|the|any|your))? ([a-z]+)/;
/** After 不是, idle talk: "多喝热水真不是说说" insists. */
const NOT_IDLE_TALK = /^(?:说说|开玩笑|闹着玩|吹的|吹牛)/u;
/**
 * "没水", "没电", "没有网": an outage, said with the word for "none" (fresh chat: "这周六南山全区没水"
 * retells "…本周六全天停水" and was read as denying it). Read from the denial on.
 */
const OUTAGE_ZH = /^没有?[水电气网]/u;
/** An English cue (Latin letters only). */
const LATIN_CUE = /^[a-z ]+$/;
/** Chinese denials that something can ever be done, refuting wherever they stand: "防不了", "杀不死". */
const CANNOT_EVER: ReadonlySet<string> = new Set(CANNOT_EVER_ZH.map(norm));
/** Chinese denials of what can be done: "传不了", "防不住", "杀不死", "不能", "不会". */
const CANNOT_ZH = /不了|不住|不死|不能|不会|不可能/u;
/** Between a Chinese "cannot" and the claim's words: 把 (and a word or two for whose), the object of what cannot be done. */
const BA_OBJECT = /^把[^，,。！!？?；;\s]{0,2}$/u;
/** Between a cue and the claim it speaks of: nothing, "that" or "the". */
const LINKING_GAP = /^ ?(?:(?:that|the) )?$/;
/** Adverbs between a negation and the word it denies: "never actually called", "don't even spread". */
const ADVERBS = ['actually', 'really', 'even', 'ever', 'just', 'literally', 'truly'];
/** The message between the two: adverbs only. */
const ADVERBS_BETWEEN = new RegExp(`^ (?:(?:${ADVERBS.join('|')}) )+$`);
/** The adverbs' terms (those that are not stopwords). */
const ADVERB_TERMS: ReadonlySet<string> = new Set(tokenize(ADVERBS.join(' ')).map((t) => t.term));
/** After a denial, "just" or "only": "garlic doesn't just taste good, it prevents …" adds, not denies. */
const NOT_JUST = /^ (?:just|only|merely|simply)(?![a-z0-9])/;
/** Weary of it: "ugh, not the 5G covid thing again", "not that garlic crap again". */
const NOT_AGAIN = /(?<![a-z0-9])not (?:the|that|this|these|those) (?:[a-z0-9]+ ){0,6}?again(?![a-z0-9])/;
const QUESTION_RE = cueRegex(QUESTION);
const URGE_RE = cueRegex(URGE);
const OPENERS: ReadonlySet<string> = new Set(QUESTION_OPENERS);
/** Before a denial, a condition: "if you do not send this message … your account will be charged" threatens, not denies. */
const CONDITIONAL = /(?:^|[^a-z])(?:if|unless) (?:you|u|we|they|i|he|she|it) $/;
/** The same, negated: "… if I don't pass it on". */
const IF_NOT = /(?:^|[^a-z])if (?:you|u|we|they|i|he|she|it) (?:don t|dont|do not|didn t|didnt) $/;
/**
 * Before a denial, a relative clause that names whom a threat is for: "accounts that don't forward
 * this message will be charged", "people who don't share it". Not "the WHO debunked it".
 */
const RELATIVE_CLAUSE = /(?:^|[^a-z])(?:[a-z]+s (?:that|who)|(?:any|every|each|an?) [a-z]+ (?:that|who)|(?:anyone|anybody|everyone|everybody|people|those|someone) who) $/;
/** Before an urging to forward, someone else telling the member to: "我爸让我赶紧转发". */
const TOLD_TO = /(?:让我|叫我|要我|逼我|让我们)$/u;
/** Before a refutation word, a condition on it: "… but not if it's fake". */
const IF_IT_IS = /(?:^|[^a-z])(?:if|unless|whether) (?:it s|its|it is|this is|that s|thats|that is|they re) $/;
/** Before a denial, a purpose: "… under another name so people don't realize it's her line". */
const PURPOSE_CLAUSE = /(?:^|[^a-z])so (?:that )?(?:people|they|you|we|others|folks|buyers|customers) $/;
/**
 * Denying a link the claim draws: "北京地铁拆座椅跟疫情没关系", "新冠和5G无关". Not for a claim that
 * denies a link itself ("…跟群主没关系"), which a retelling repeats in any wording.
 */
const UNRELATED = foldedPattern(/(?:跟|和|与)[^，。！？；,.!?;\s]{1,10}?(?:没关系|没有关系|没啥关系|没什么关系|无关|[半一]毛钱关系[都也]?没有?|没有?[半一]毛钱关系|(?:一点|任何)关系[都也]?没有?)/u);
const UNRELATED_ALL = new RegExp(UNRELATED.source, 'gu');
/** The Chinese distrust patterns, read against normalized text (see foldedPattern). */
const DISTRUST_ZH = DISTRUST.zh.map(foldedPattern);

/**
 * One pattern that matches wherever any of `patterns` does (they share their flags, and none is
 * global or refers back to a group). Most messages hold none of the distrust patterns: one search
 * for them all cost a fifth of a search for each.
 */
function anyOf(patterns: readonly RegExp[]): RegExp {
  const flags = patterns[0]?.flags ?? '';
  if (patterns.some((p) => p.flags !== flags || p.global || p.sticky)) throw new Error('anyOf: patterns with other flags');
  return new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), flags);
}
const ANY_DISTRUST_ZH = anyOf(DISTRUST_ZH);
const ANY_DISTRUST_EN = anyOf(DISTRUST.en);
/**
 * An old picture or video passed off as news: "那张图是他好几年前当伦敦市长时拍的", "那视频是以前别的事故".
 */
const OLD_MEDIA_ZH = /(?:视频|照片|图片|图|片子|录像)是?[他她它们这那]{0,2}(?:好几年前|几年前|多年前|很多年前|以前|之前|早年|去年)[^，。！？；,.!?;\s]{0,14}?(?:拍的|的事|的照片|的视频|的图|发生的|录的)/gu;
/**
 * "吃药都没用的", "别的方法也不管用": something else is useless, said beside the claim, not the claim
 * called useless.
 */
const USELESS = foldedPattern(/^(?:没用的|没啥用|没什么用|不管用)$/u);

/**
 * The claim quoted, then laughed at or answered back: '"nobody gets punished for online rumours" lol
 * the police dealt with 25k people', '"deep state plot" lmao', '"5g spreads covid" ok so how did it
 * spread on cruise ships', '"admin isn't responsible …" — wrong, …', '"not the owner's problem" is wrong'.
 */
const QUOTED_THEN_ANSWERED =
  /["“]([^"“”\n]{3,300})["”](?: (?:line|claim|thing|story|stuff|one|bit|nonsense))?[\s,.!—–-]*(?:lol|lmao|lmfao|rofl|haha+|😂|🤣|🙄|🤡|(?:ok|okay|yeah|sure),? (?:so|and)\b|yeah right|wrong\b|nope\b|is (?:just |totally |completely |dead )?(?:wrong|false|a lie|nonsense)\b|doesn'?t (?:fly|cut it|hold up|work)\b)/giu;
/**
 * A request, not a question whether the claim is true: "Can you forward me the WhatsApp message
 * from the school group?" shares the claim's words and asks for something else.
 */
const REQUEST = /^[\s\p{P}\p{S}]*(?:can|could|would|will) (?:you|u|someone|anyone|somebody|anybody) (?:please |pls |plz )?(?:forward|send|share|post|repost|pass|add|dm|text|give (?:me|us|it|this|that)|show|sign|join)\b/iu;
/**
 * The Chinese distrust patterns all hold Chinese characters, the English ones Latin letters: a text
 * without any of one kind is not searched for those.
 */
const MAY_HOLD_CHINESE = /[\u2e80-\uffff]/;
const MAY_HOLD_LATIN = /[a-z]/;

/**
 * Negations that turn a refutation cue around: "这不是什么谣言", "this isn't a hoax", "not fake"
 * spread the rumor. They count within a few characters (Chinese) or words (English) before it.
 */
const CHINESE_NEGATED_ALL = /不是|并非|绝非|不算|没有|可不是/gu;
const ENGLISH_NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'isn', 'aren', 'wasn', 'weren', 'ain', 'nothing', 'hardly']);
const CHINESE_REACH = 4;
const ENGLISH_REACH = 3;

/**
 * Whether a cue at `at` is negated ("不是谣言", "not fake"). `crossesClause(from, to)`: whether the
 * message breaks a clause between those offsets of `text` (the normalized text has lost its
 * punctuation): "北京地铁没有拆座椅，别传了" denies, then refutes; its 没有 does not negate 别传.
 */
function isNegated(text: string, at: number, reading: StanceText): boolean {
  const from = Math.max(0, at - CHINESE_REACH - 1);
  for (const m of text.slice(from, at).matchAll(CHINESE_NEGATED_ALL)) if (!reading.crossesClause(from + m.index, at)) return true;
  const start = Math.max(0, at - 40);
  const words = [...text.slice(start, at).matchAll(/\S+/g)].slice(-ENGLISH_REACH);
  // "no" negates only the word after it ("this is no hoax"): "Sadly no, there's no evidence" answers.
  // "not only fake news, it's fake science" adds to the cue: "not only" and "not just" do not negate.
  // Not across a clause: "…, nothing about chickens. It's a rumor" refutes (normalizing drops the stop).
  return words.some(
    (w, i) =>
      ENGLISH_NEGATION_WORDS.has(w[0]) &&
      (w[0] !== 'no' || i === words.length - 1) &&
      !ADDING.has(words[i + 1]?.[0] ?? '') &&
      !reading.crossesClause(start + w.index, at, CLAUSE_OR_STOP),
  );
}
const ENGLISH_NEGATION_WORDS = ENGLISH_NEGATIONS;
const ADDING: ReadonlySet<string> = new Set(['only', 'just', 'merely', 'simply']);

interface Hit {
  cue: string;
  /** Offset in the normalized text. */
  at: number;
  end: number;
}

/** Every match of the global regex `re` in `text`, as `matchAll` finds them (an empty match steps on). */
function hitsOf(re: RegExp, text: string): Hit[] {
  const hits: Hit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    hits.push({ cue: m[0], at: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return hits;
}

/**
 * "X不X" asking whether something is so ("是不是", "会不会", "有没有", "能不能"), not whether to
 * do it ("去不去", "要不要").
 */
const VERACITY_A_NOT_A = /^[是会有能][不没]/u;
/**
 * After "有没有", asking for someone or something rather than whether the claim is so: "有没有人…",
 * "有没有推荐的幼儿园", "有没有懂的"; not for word of it: "咱们学校有没有什么说法？", "有没有什么消息".
 */
const ASKS_FOR_SOMEONE_ZH = foldedPattern(/^(?:人|推荐|好的|什么(?!说法|消息|通知|回应|官方)|哪|谁|群友|朋友|懂|家长|同学|邻居|老乡|大佬|医生|知道)/u);

/**
 * "X不X" about having seen or heard the news ("你们看没看到那个新闻", "听没听说", "知不知道") tells it
 * rather than asks whether it is true.
 */
const TELLING_A_NOT_A = /^[看听知]/u;
/** What an A-not-A depends on, told: "有没有感染得靠核酸检测" asks nothing. */
const DEPENDS_ON = /^\p{Script=Han}{0,8}?(?:得靠|要靠|只能靠|取决于|得看|要看|还得看)/u;
/** "Is this banana warning real", "is that video legit": a few words between "is this" and "real" (not "is it close to the real thing"). */
const IS_IT_REAL = /(?<![a-z])(?:is|are) (?:this|that|it|these|those)(?: (?!the |to )[a-z]+){1,4} (?:real|true|legit|accurate)(?![a-z]| thing)/g;
/** "信不信由你": believe it or not, said while telling it. */
const BELIEVE_IT_OR_NOT = '由你';

/** How often `cue` occurs in `text` (non-overlapping). */
function occurrences(text: string, cue: string): number {
  let n = 0;
  for (let at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + cue.length)) n++;
  return n;
}

/** An English negation, as normalized text writes it: "don t", "dont" or "do not". */
const NEGATED_VERB = /^(do|does|did|is|are|was|were|has|have)(?:n t|nt| not)$/;
/** Every spelling of cue `cue` ("don t", "dont", "do not" for any of them); the cue alone otherwise. */
function spellings(cue: string): string[] {
  // "no one policing this stuff" says the "Nobody" of "Nobody gets punished for …" again.
  if (NOBODY.has(cue)) return [...NOBODY];
  // "只能进不能出" says the "不准" of "只准进不准出": may not, in any of its words.
  if (MAY_NOT_ZH.includes(cue)) return MAY_NOT_ZH;
  // "the campaign photoshopped a hat onto his photo" retells "…digitally altered a photograph": a
  // claim that something was altered is told in any word for it, none of them a verdict then.
  if (ALTERED.includes(cue)) return ALTERED;
  // "我邻居刚被骗了150" retells "…有人冒充燃气公司上门收安检费": a claim about a scam is told in words
  // of being cheated, none of them a verdict on the rumor then.
  if (SCAM_ZH.includes(cue)) return SCAM_ZH;
  // "… a textbook example of a fake disorder" retells "… a prime example of a fictitious disease".
  if (FAKE_EN.includes(cue)) return FAKE_EN;
  const verb = NEGATED_VERB.exec(cue)?.[1];
  return verb ? [`${verb}n t`, `${verb}nt`, `${verb} not`] : [cue];
}

/** Words for an altered picture. */
const ALTERED = ['doctored', 'photoshopped', 'altered', 'edited', 'manipulated', 'faked', 'forged'];

/** Words for a scam, in a claim about one, and for being cheated by it. */
const SCAM_ZH = ['被骗了', '被骗', '骗局', '骗子', '诈骗', '冒充', '假冒', '盗刷'];
/** Words for something made up, in a claim that says so of something. */
const FAKE_EN = ['fake', 'fictitious', 'made up', 'fabricated', 'bogus', 'phony', 'nonexistent', 'forgery', 'forged', 'counterfeit'];

/** Chinese words for "may not" (not allowed): one cue in any of them. */
const MAY_NOT_ZH = ['不准', '不许', '不能', '不让', '不得', '禁止'];

/**
 * "假" as fake in a claim that something is fake ("超市卖的鸡蛋是人造的假鸡蛋", "假药", "造假"), not as
 * holidays or leave (放假, 寒假, 假期, 请假) nor as "if" (假如, 假设).
 */
const FAKE_IN_CLAIM_ZH = /(?<![放寒暑请休度年婚病产事])假(?![期日条设如若使装])/gu;

/** Before "假的", words for the story rather than the thing the claim says is fake: "这个是假的", "那个说法是假的". */
const FAKE_VERDICT_BEFORE = /(?:这|那|说法|消息|传言|传闻|谣传|新闻|视频|截图|图片)[^，。！？,.!?]{0,3}$/u;

/** How often the claim text says `cue`, in any spelling: "you don't have covid" retells "…you do not have the coronavirus". */
function claimOccurrences(text: string, cue: string): number {
  // "超市的鸡蛋都是假的，人造的" retells "超市卖的鸡蛋是人造的假鸡蛋": the claim's own fakeness, no verdict.
  if (cue === '假的') return text.match(FAKE_IN_CLAIM_ZH)?.length ?? 0;
  let n = 0;
  for (const s of spellings(cue)) n += occurrences(text, s);
  return n;
}

/**
 * Drops the cue occurrences the claim accounts for: a rumor whose own words hold "谣言" or
 * "hoax" must not read as its own refutation. Occurrences inside the claim's span go first.
 */
function withoutClaimWords(hits: Hit[], reading: StanceText): Hit[] {
  // Most messages hold no cue of a kind at all: then the claim's texts are not needed.
  if (hits.length === 0) return hits;
  const claimTexts = reading.claimTexts();
  const kept: Hit[] = [];
  const byCue = new Map<string, Hit[]>();
  for (const h of hits) byCue.set(h.cue, [...(byCue.get(h.cue) ?? []), h]);
  for (const [cue, list] of byCue) {
    let inClaim = Math.max(0, ...claimTexts.map((t) => claimOccurrences(t, cue)));
    if (cue === '假的' && inClaim > 0) {
      // "超市卖假鸡蛋这事是假的" says the claim's fakeness as it does ("假鸡蛋"), and "…，这个是假的" of
      // the story: then "假的" is the verdict.
      const verdicts = list.filter((h) => FAKE_VERDICT_BEFORE.test(reading.before(h, 6)));
      inClaim = Math.max(0, inClaim - ((reading.text.match(FAKE_IN_CLAIM_ZH)?.length ?? 0) - list.length) - verdicts.length);
    }
    if (inClaim === 0) {
      appendAll(kept, list);
      continue;
    }
    const ordered = [...list].sort((a, b) => Number(reading.inSpan(a)) - Number(reading.inSpan(b)));
    appendAll(kept, ordered.slice(0, Math.max(0, list.length - inClaim)));
  }
  return kept.sort((a, b) => a.at - b.at);
}

/**
 * `read` of a debunk, once per debunk object (what the stance reader reads of a claim does not
 * depend on the message); `none` without a debunk.
 */
function perDebunk<T>(read: (d: Debunk) => T, none: T): (d: Debunk | undefined) => T {
  const cache = new WeakMap<Debunk, T>();
  return (d) => {
    if (!d) return none;
    let value = cache.get(d);
    if (value === undefined) {
      value = read(d);
      cache.set(d, value);
    }
    return value;
  };
}

/** Normalized texts of a debunk's claim and variants. */
const claimTextsOf = perDebunk((d): readonly string[] => [d.claim, ...d.variants].map(norm), []);

/** The denial cues the debunk's claim or a variant holds ("不会" in "…也不会被处罚"). */
const claimDenials = perDebunk((d): readonly string[] => [...new Set(claimTextsOf(d).flatMap((t) => hitsOf(DENIAL_RE, t).map((h) => h.cue)))], []);

/**
 * Terms the claim itself denies, right after a denial of its own: "respons" in "Group owners are not
 * responsible for …". Another denial before one of them retells the claim ("the group owner is
 * never responsible"), as the claim's own denial does.
 */
/** "without coughing" denies as "didn't cough" does (claimDeniedTerms). */
const WITHOUT = /(?<![a-z0-9])without(?![a-z0-9])/g;
/** "by not finishing": a bare "not" (or "never", "no") denies the word after it too. */
const BARE_NEGATION_EN = /(?<![a-z0-9])(?:not|never|no)(?![a-z0-9])/g;
/** Between a claim's own denial and the word it denies: articles, and "about" ("… was not about 'checks and balances'"). */
const ARTICLES_BETWEEN = /^ (?:(?:a|an|the|any|even|about|really|actually|just) ){1,2}$/;
const claimDeniedTerms = perDebunk((d): ReadonlySet<string> => {
  const terms = new Set<string>();
  for (const t of claimTextsOf(d)) {
    const tokens = tokenize(t);
    for (const h of [...hitsOf(DENIAL_RE, t), ...hitsOf(NEGATED_MODAL, t), ...hitsOf(WITHOUT, t), ...hitsOf(BARE_NEGATION_EN, t)]) {
      // Right after it, or after an article or two: "not a crime" denies "crime".
      const next = tokens.find((k) => k.start >= h.end);
      if (next !== undefined && (next.start <= h.end + 1 || ARTICLES_BETWEEN.test(t.slice(h.end, next.start)))) terms.add(next.term);
    }
  }
  return terms;
}, new Set<string>());

/**
 * A refutation word as what someone posts, in a rule about posting: "if someone posts fake news in
 * here it's on them" (a retelling of "谁发的谁负责"), not a verdict on the claim.
 */
const POSTED_IF = /(?:^|[^a-z0-9])(?:if|when|whoever|anyone who|someone who|people who|members who)(?: (?:someone|somebody|anyone|anybody|a member|members|people|you|u|they|he|she))? (?:posts?|posting|shares?|sharing|forwards?|forwarding|spreads?|spreading|sends?|drops?|puts?)(?: (?:a|an|some|any|the))? $/;

/**
 * Whether denial `h` is the claim's own (`claimCues`): said in any spelling, as a retelling of
 * "…you do not have the coronavirus" may ("if you don't cough, you don't have the coronavirus"),
 * or running into it: "根本不会被处罚" against "…也不会被处罚" is the claim's "不会" said with
 * "根本" (the cues are found without overlap, longest first, so "根本不" hides the "不会" it runs
 * into). Another denial still refutes ("holding your breath doesn't mean you don't have covid").
 */
/** Whether the denial says something is not needed that the claim says is done without (see NOT_NEEDED). */
function deniesWhatClaimGoesWithout(text: string, h: Hit, deniedTerms: ReadonlySet<string>): boolean {
  if (deniedTerms.size === 0) return false;
  const word = NOT_NEEDED.exec(text.slice(h.at, h.end + 48))?.[1];
  const term = word === undefined ? undefined : tokenize(word)[0]?.term;
  return term !== undefined && deniedTerms.has(term);
}

function isClaimDenial(text: string, h: Hit, claimCues: readonly string[]): boolean {
  if (claimCues.length === 0) return false;
  const forms = spellings(h.cue);
  const around = text.slice(h.at, h.end + 2);
  return claimCues.some((c) => forms.includes(c) || (around.includes(c) && !h.cue.includes(c)));
}

/**
 * English modals negated: before a word of the claim they deny it ("Bill Gates will not pay you",
 * "garlic won't prevent covid"), unless the claim denies something itself ("…will no longer be
 * automatically considered citizens", retold as "won't automatically be citizens") or a condition
 * follows ("won't pay you unless you forward this"). Not in DENIAL: anywhere else they are
 * everyday English ("I can't go tonight").
 */
const MODAL_NEGATIONS = [
  'will not', 'will never', 'won t', 'wont', 'can not', 'cannot', 'can never', 'can t', 'cant', 'could not', 'could never', 'couldn t',
  'couldnt', 'would not', 'would never', 'wouldn t', 'wouldnt', 'should not', 'shouldn t', 'shouldnt', 'must not', 'mustn t',
  // "no one is going to charge you", "nobody will pay you".
  'no one is going to', 'nobody is going to', 'no one s going to', 'nobody s going to', 'no one will', 'nobody will',
  'is not going to', 'isn t going to', 'are not going to', 'aren t going to',
];
const NEGATED_MODAL = new RegExp(`(?<![a-z0-9])(?:${MODAL_NEGATIONS.map(escape).join('|')})(?![a-z0-9])`, 'g');
/** After a negated modal, a condition that makes it a threat: "won't pay you unless you forward". */
const CONDITION_AFTER = /(?<![a-z0-9])(?:unless|until|if you don t|if you do not)(?![a-z0-9])/;
const CONDITION_REACH = 40;
/** Whether the debunk's claim or a variant holds `pattern`. */
function claimSays(pattern: RegExp): (d: Debunk | undefined) => boolean {
  return perDebunk((d) => claimTextsOf(d).some((t) => pattern.test(t)), false);
}

/**
 * A claim that denies something itself ("…will no longer be citizens"): a negated modal may retell
 * it. Not a negation inside a condition ("If you do not send this message …, your WhatsApp account
 * will be charged" denies nothing), nor a word that merely ends in "nt" ("account", "president":
 * once read as a "dont" written without its apostrophe).
 */
/** Negated verbs as chat types them without the apostrophe. */
const BARE_NEGATIONS = 'dont|doesnt|didnt|isnt|arent|wasnt|werent|wont|cant';
const CLAIM_NEGATION_EN = new RegExp(
  `(?<![a-z0-9])(?:no|not|never|nobody|nothing|cannot|[a-z]+n t|${BARE_NEGATIONS}|couldnt|wouldnt|shouldnt|hasnt|havent|hadnt|aint|mustnt)(?![a-z0-9])`,
);
const CONDITIONAL_NEGATION = /(?<![a-z0-9])(?:if|unless) (?:you|u|we|they|i|he|she|it) (?:do not|don t|dont|did not|didn t|does not|doesn t)(?![a-z0-9])/g;
/**
 * A refusal or a ban says no too: "…residents refused to allow it near their water", retold "didn't want it near",
 * and so does a complaint ("two parents complained about …", retold "didn't like …");
 * so does a claim that someone said something falsely ("he wasn't, guy was legal") or that an
 * account is inactive ("any account that hasn't been used").
 */
const CLAIM_REFUSAL_EN = /(?<![a-z0-9])(?:refus|reject|forbid|forbade|prohibit|banned|barred|falsely|wrongly|inactive|complain|object|protest|oppos|disapprov|dislik)[a-z]*(?![a-z0-9])/;
/** Whether the debunk's claim or a variant says "not" outright (a refusal aside). */
const claimSaysNot = perDebunk((d) => claimTextsOf(d).some((t) => CLAIM_NEGATION_EN.test(t.replace(CONDITIONAL_NEGATION, ' '))), false);
const claimNegates = perDebunk((d) => claimSaysNot(d) || claimTextsOf(d).some((t) => CLAIM_REFUSAL_EN.test(t)), false);

/**
 * A claim that something prevents, protects from or kills a harm ("Eating garlic prevents
 * infection with the coronavirus") is retold with the harm negated: "corona can't infect you". A
 * negated modal before a word of such a claim denies it only when that word is the preventing
 * one ("garlic won't prevent covid"). Terms as the tokenizer stems them.
 */
const PREVENTING = '(?:prevent|protect|stop|block|kill|cure|guard|shield|immun|kep|wash)';
const PREVENTING_TERM = new RegExp(`^${PREVENTING}`);
const claimPrevents = claimSays(new RegExp(`(?<![a-z0-9])${PREVENTING}[a-z]*(?![a-z0-9])`));

/**
 * "fake" before what someone faked: "used a fake name", "a fake account", "fake IDs". It tells the
 * claim (an alias, a forged document), it does not call the claim fake.
 */
const FAKE_THING =
  /^ (?:name|names|account|accounts|id|ids|identity|identities|profile|profiles|passport|passports|email|emails|number|numbers|address|degree|diploma|doctor|doctors|nurse|nurses|charity|charities|agent|agents|cop|cops|police|officer|officers|worker|workers|scout|scouts|recruiter|recruiters|caller|callers|inspector|inspectors|technician|technicians|employee|employees|staff|courier|couriers|delivery|website|websites|site|sites|link|links|text|texts|call|calls|job|jobs|ad|ads|app|apps|qr|coupon|coupons|voucher|vouchers|giveaway|giveaways|casting|talent|bill|bills|money|cash|uniform|uniforms|badge|badges|check|checks|invoice|invoices|charger|chargers|kiosk|kiosks|pills|meds|drugs|cry|crying|cried|tears|smile|smiling|laugh|laughing|outrage|injury|injuries|accent)(?![a-z])/;

/**
 * Refutation cues in another sense, by the character before them or the words right after them:
 * something else useless too ("吃药都没用的"), something faked ("a fake name"), someone's job ("won't
 * work on them"), "不对劲" (something is off: "…她爸是继父！…我就说不对劲"), "已经查清楚了" (already looked
 * into, not the "经查" of an official notice).
 */
const CUES_IN_OTHER_SENSE: readonly { cue: RegExp; before?: RegExp; after?: RegExp }[] = [
  { cue: USELESS, before: /[都也]$/u },
  { cue: /^fake$/, after: FAKE_THING },
  { cue: / work$/, after: WORKS_ON },
  { cue: /^不对$/u, after: /^劲/u },
  // "哦不对是隔夜的…": the member correcting themselves.
  { cue: /^不对$/u, before: /[哦噢啊呃额诶欸]$/u },
  // "COPY AND PASTE don't share": a chain letter's own instruction, to pass it on by hand.
  { cue: /^(?:don t|do not) share$/, before: /copy (?:and |n )?paste $/ },
  // "不用担心的话你就喝吧": a condition (sarcasm), not reassurance.
  { cue: /^(?:不用|不必|无需)担心$|^不用害怕$/u, after: /^(?:的话|吗|么)/u },
  // "feeling rubbish": unwell, not a verdict.
  { cue: /^rubbish$/, before: /(?:feel|feels|feeling|felt|look|looks|looking|slept|sleeping) $/ },
  // "they're mutating from all the rubbish", "rubbish bags": household waste, not a verdict.
  { cue: /^rubbish$/, before: /(?:^|[^a-z])(?:the|from|of|in|into|our|your|my|their|his|her) $/ },
  { cue: /^rubbish$/, after: /^ (?:bin|bins|bag|bags|collection|collections|dump|dumps|tip|truck|trucks|heap|heaps|pile|piles)(?![a-z])/ },
  { cue: /^经查$/u, before: /已$/u },
  // "what is wrong with people": exasperation, not a verdict on the claim.
  { cue: /^is wrong$/, after: /^ with(?![a-z])/ },
  // "… are hypocrites and not real Christians": what someone is not, said of people or things.
  { cue: /^not real$/, after: /^ (?!lol|lmao|haha|guys|man|dude|mate|news|at all|though|tho|either|btw|fyi)[a-z]{3,}(?![a-z])/ },
];
/** Words after a cue that CUES_IN_OTHER_SENSE reads: room for its longest word and the letter after it. */
const OTHER_SENSE_REACH = 12;
/** Before a cue, room for the longest words CUES_IN_OTHER_SENSE reads ("copy and paste "). */
const OTHER_SENSE_BEFORE = 24;
const inOtherSense = (text: string, h: Hit): boolean =>
  CUES_IN_OTHER_SENSE.some(
    ({ cue, before, after }) =>
      cue.test(h.cue) &&
      (!before || before.test(text.slice(Math.max(0, h.at - OTHER_SENSE_BEFORE), h.at))) &&
      (!after || after.test(text.slice(h.end, h.end + OTHER_SENSE_REACH))),
  );
/**
 * A denial with its verb left out, said after the claim and ending its clause: "it doesn't, mom",
 * "They don't.", "but that isn't". Not "it doesn't hurt to try", which goes on.
 */
const ELLIPTICAL_DENIAL =
  /(?:^|[.!?;\n,])\s*(?:but |and |no,? )?((?:it|they|that|this|he|she) (?:doesn'?t|don'?t|does not|do not|won'?t|will not|can'?t|cannot|isn'?t|is not|wasn'?t|didn'?t|did not|aren'?t|are not))(?=\s*(?:[,.!?…]|$|(?:mom|dad|lol|lmao|guys|man|dude|bro|folks|people|sorry|though)(?![a-z])))/iu;
/**
 * A verdict that is a sentence of its own: "错！", "不对。", "Wrong.", "Not true!" (not "假的？", which asks). After the claim it
 * refutes what was just said ("有人说只是在群里转发一下…不犯法。错！转发谣言…也要负法律责任").
 */
const BARE_VERDICT = /(?:^|[。！？!?.\n])\s*(错|错了|不对|不对的|不是的|假的|wrong|false|not true|nope)\s*(?:[。！!.\n]|$)/iu;
/** Punctuation that ends a clause, in the message as written. */
const CLAUSE_BREAK = /[，,。！!？?；;\n]/u;
/** CLAUSE_BREAK, or an English full stop ('… chickens. It's a rumor'; not '5.5' or 'U.S.'). */
const CLAUSE_OR_STOP = /[，,。！!？?；;\n]|(?<![A-Z])\.(?=\s)/u;
const SENTENCE_BREAK = /[。！!？?；;\n.]/u;
const IDEOGRAPH_BEFORE = /^\p{Script=Han}$/u;
const SPACE_THEN_IDEOGRAPH = /^[ \t\u3000]+\p{Script=Han}/u;
/** A clause of "if" (or "when"), a greeting before it aside. */
const OPENS_ON_IF =
  /^[\s\p{P}\p{S}]*(?:(?:yo|hey|guys|ok|okay|so|ladies|girls|folks|everyone|people|ppl|parents|moms|mums|dads|friends|fam|yall|y all|all)[\s,]+)?(?:if|when|whenever)\b/iu;
/** A comma or a stop right after a word (a space before it aside). */
const CLAUSE_BREAK_NEXT = /^ ?[，,。！!；;.]/u;
/** "没有" or "没" (see the denial hits). */
const NOT_DONE = /没有?/gu;
/** After a Chinese 没 or 不: a word, then 的 and not a notice or an event ("没认证的养老金", not "没有封城的通知"). */
const DESCRIBES_ZH = /^\p{Script=Han}{1,4}的(?!事|回事|说法|消息|新闻|通知|文件|政策|规定|情况)/u;
/**
 * After a Chinese 没: that someone died ("没抢救过来", "没救回来", "没挺过去") or that nobody dares
 * ("现在没人敢下水"): what a retelling says happened, not a denial of it.
 */
const NOT_SAVED_OR_DARED_ZH = /^(?:有)?(?:抢救过来|救过来|救回来|救活|挺过|撑过|熬过|扛过|人敢|敢)/u;
/**
 * After a claim's predicate, a Chinese "cannot" in the verb's complement ("消化不掉", "嚼不烂",
 * "扛不住"): the predicate negated as "无法消化" negates it.
 */
const NEGATED_COMPLEMENT_ZH = /^(?:不|没|唔)(?:掉|了|动|完|下|开|烂|成|到|住|进|出|起)/u;
/** The Chinese denial cue that also says "must not" (see warnsZh). */
const MUST_NOT_ZH = '不能';
/** Before "不能": what makes it a warning ("千万不能", "一定不能"). */
const WARNING_BEFORE_ZH = /(?:千万|一定|绝对|最好|尽量|可)$/u;
/**
 * After "不能", what a person must not do (eat, drink, use, buy, touch, go, take): "隔夜水不能喝"
 * warns, where "蚊子不能传播新冠" or "喝热水不能杀死病毒" denies what the thing can do.
 */
const WARNING_VERB_ZH = /^(?:吃|喝|用|买|碰|摸|洗|出门|出去|去|打|接|扫|点|坐|骑|抱|靠近)/u;
/** After "不能" and its verb: what happens otherwise ("不能洗澡 会瘫", "不能喝，否则…"). */
const WARNING_AFTER_ZH = /^[^，。！？；,.!?;\s]{1,8}[，,\s]*(?:会|否则|不然|要不)/u;
/** A bare "不" before a verb, not one of the words it starts that deny nothing of the claim ("不要", "不知道", "不过", "不少"). */
const BARE_NOT = /不(?!要|用|让|得|许|知|过|少|然|但|仅|管|断|停|久|同|错|一定|如|光|只|论|止|行|好意思|怕|敢)/gu;
/** A character a Chinese denial may come right before: an ideograph, or a digit of the claim's numbers ("美国没有10艘医疗船"). */
const COUNTED = /^[\p{Script=Han}0-9]$/u;
/**
 * A claim about what someone said ("Vice President Mike Pence said that 'only guilty people need …'"):
 * a negation inside the member's report of the words ("the VP said if ur innocent u dont need a
 * lawyer") is the speaker's, not the member's.
 */
const claimReportsWords = claimSays(/(?<![a-z])(?:said|says|told|tweeted|wrote|stated|claimed|declared)(?![a-z])/);
const claimSaysNo = claimSays(/没/u);
/**
 * "was invented by …" tells where a story really came from, against a claim about something else; a
 * claim that tells where a word or thing came from ("The term 'hot dog' was coined … by a cartoonist")
 * is retold so: "the term hot dog was invented by a cartoonist around 1900".
 */
const ORIGIN_CUE = /invented by/;
const claimTellsOrigin = claimSays(/(?<![a-z])(?:coined|invented|named after|originated|originally|came from|comes from|derived)(?![a-z])/);
/**
 * A claim that something will be shut, closed, cancelled or stopped: "no water in the whole city for
 * 3 days" and "no pool this summer" retell it, "以后小学不考期末了", "年终奖没了" and "停工不建了" too.
 */
const claimAbsenceEn = claimSays(/(?<![a-z])(?:shut|shuts|shutting|closed|closing|closes|cancel|cancels|cancelled|canceled|cancelling|banned|cut off|suspended|halted|no longer)(?![a-z])/);
/**
 * Before a predicate a claim negates, a word of preventing says the negation in other words:
 * "吃大蒜可以预防新冠病毒感染" says the "不会感染" of "每天吃大蒜就不会感染新冠" (it was read as saying
 * the opposite, a refutation). Within a few characters: the thing prevented may stand between.
 */
const PREVENTED_ZH = /预防|防止|避免|防范|抵御|杜绝|免于/u;
const PREVENTED_REACH_ZH = 8;
const ABSENCE_ZH = /取消|停建|停工|停课|停运|停业|停办|关闭|关门|不发|不再|作废|停止|暂停|禁止|没了|倒闭/u;
const claimAbsenceZh = claimSays(ABSENCE_ZH);
/**
 * The words of a claim of absence that say it ("停运" of "…2号线全线停运检修一个月"): negated right
 * before them ("2号线没有停运计划", "不停运"), the claim is denied, where other negations retell it.
 */
const ABSENCE_ZH_ALL = new RegExp(ABSENCE_ZH.source, 'gu');
const absenceWordsZh = perDebunk((d) => [...new Set(claimTextsOf(d).flatMap((t) => [...t.matchAll(ABSENCE_ZH_ALL)].map((m) => m[0])))], [] as string[]);
/** A bare 不 anywhere (the absence words' own negation: "不停运"). */
const ANY_NOT_ZH = /不/gu;
/** A claim that something was put off or moved: "…推迟到9月15日开学". */
const claimPostponesZh = claimSays(/推迟|延期|推后|延后|延长|改到|改为|改成|调整到|挪到/u);
/** After a Chinese denial, the date or place it was moved to: "9月1号不开学，推到15号" retells a postponement. */
const MOVED_TO_ZH = /推到|推迟|延到|延期|延后|推后|改到|改成|改为|挪到/u;
const MOVED_REACH_ZH = 14;
/**
 * "病毒怎么可能靠5G传播": disbelief of a claim that negates nothing. Against one that does, the same
 * words retell it ("网上传个谣言而已，怎么可能有人管" for "…根本没人管").
 */
const HOW_COULD_ZH = /怎么可能/u;
const claimNegatesZh = claimSays(/[没不无非未否]/u);
/** 否则 ("otherwise") states a condition the retelling says with 不: "不交罚2000" for "…必须上交，否则罚款2000元". */
const claimRefusesZh = claimSays(/[没不无非未拒禁否]/u);
const claimFailsZh = claimSays(/落[选榜第]/u);
/** A negation right before a character: "不" of "不戴口罩". */
const NEGATES_NEXT = /[不没未无别非]/u;
/**
 * The Chinese characters (and digits) the debunk's claim or a variant says without a negation
 * right before them or before the verb they follow: "不戴头盔" negates 戴 and the 头 of its object,
 * which "没头盔" retells.
 */
const affirmedCharacters = perDebunk<ReadonlySet<string>>((d) => {
  const affirmed = new Set<string>();
  const negated = new Set<string>();
  const negatedAt = (t: string, i: number) => (i > 0 && NEGATES_NEXT.test(t[i - 1]!)) || (i > 1 && NEGATES_NEXT.test(t[i - 2]!) && COUNTED.test(t[i - 1]!));
  for (const t of claimTextsOf(d)) {
    for (let i = 0; i < t.length; i++) if (COUNTED.test(t[i]!)) (negatedAt(t, i) ? negated : affirmed).add(t[i]!);
  }
  for (const n of negated) affirmed.delete(n);
  return affirmed;
}, new Set());
/** The character at `at`, or the digit after the space normalizing puts before a number ("没有 10 艘"). */
const charAfter = (text: string, at: number): string => (text[at] === ' ' && /[0-9]/.test(text[at + 1] ?? '') ? text[at + 1]! : (text[at] ?? ''));
/** Whether `ch` is one of the affirmedCharacters of the debunk. */
const claimAffirms = (d: Debunk | undefined, ch: string): boolean => COUNTED.test(ch) && affirmedCharacters(d).has(ch);

/**
 * A Chinese negation of what a claim says will or can happen, or of anyone doing it: "不会被处罚",
 * "不犯法", "不违法", "没人管", "没有…". Not every 不 or 没: "为了不让大家出门", "没躲过", "进不了" negate
 * inside a claim that asserts something. Not the 不 of a yes-no question ("会不会爆发").
 */
const CLAIM_NEGATION = /(?<!会|能|是|有|用|算|犯|必|违)(?:不(?=会|能|用|算|犯|必|违)|没(?=人|有))/gu;
/** Modal verbs a negation may come before: "不会被处罚", "不能预防". */
const MODALS = '会能可必';
/** Any negation in the few characters before a predicate (Cantonese 冇, 唔 too). */
const CHINESE_NEGATION = /[不没无非未别冇唔]/u;
/** A rhetorical question that denies: "怎么会犯法", "哪会被处罚", "怎么可能有人管", "你见过哪个被处理了". */
const RHETORICAL_WORDS = ['怎么会', '怎么可能', '怎会', '哪会', '哪能', '哪里会', '哪个'].map((w) => normalizedText(w));
const RHETORICAL = new RegExp(`(?:${RHETORICAL_WORDS.join('|')})有?$`, 'u');
/** Characters before a predicate read for RHETORICAL: its longest word, and 有. */
const RHETORICAL_REACH = Math.max(...RHETORICAL_WORDS.map((w) => w.length)) + 1;
const IDEOGRAPHS = /^[\u4e00-\u9fff]{2}$/u;
/** Characters before a predicate within which a negation negates it. */
const NEGATION_REACH = 3;
/**
 * A prohibition reaches over what it is done with: "别和酸奶一起吃" keeps the "不能一起吃" of
 * "柿子和酸奶不能一起吃" ("别" five characters before "一起").
 */
const PROHIBITION_SCOPE_ZH = /(?:别|不要|不能|不可|不准|不许|禁止)(?:和|跟|与|同|把|给|拿|对)[\p{Script=Han}a-z0-9]{1,6}$/u;
const PROHIBITION_REACH_ZH = 12;
/**
 * Nobody, hardly anybody or a rhetorical "who", a few words before a predicate, says it is not
 * done: "从来没人因为这个被罚过", "很少听说谁被罚", "那么多造谣的谁被抓了" retell "…不会被处罚".
 */
const NOBODY_BEFORE_ZH = /没人|没有人|没听说|很少|极少|谁/u;
const NOBODY_REACH_ZH = 8;

/**
 * What the debunk's Chinese claim and variants say is not so: the two characters after each
 * negation ("被处" of "也不会被处罚", "人管" of "根本没人管", "犯法" of "不犯法").
 */
const negatedPredicates = perDebunk((d): readonly string[] => {
  const found = new Set<string>();
  for (const t of claimTextsOf(d)) {
    if (!t.includes('不') && !t.includes('没')) continue;
    for (const m of t.matchAll(CLAIM_NEGATION)) {
      const at = m.index + m[0].length;
      const p = t.slice(at, at + 2);
      if (IDEOGRAPHS.test(p)) found.add(p);
      // After a modal, what it negates too: "被处" of "不会被处罚", said as "要被处罚".
      const after = t.slice(at + 1, at + 3);
      if (MODALS.includes(t[at]!) && IDEOGRAPHS.test(after)) found.add(after);
    }
  }
  return [...found];
}, []);

/**
 * The characters before a predicate the claim or a variant says without its negation, where it
 * also negates one: "才" of "…不违法，只有造谣的人才犯法".
 */
const ownLeadsOf = perDebunk((d): string => {
  const predicates = negatedPredicates(d);
  const found = new Set<string>();
  for (const t of claimTextsOf(d)) for (const h of oppositesOf(t, predicates)) if (h.at > 0) found.add(t[h.at - 1]!);
  return [...found].join('');
}, '');

/**
 * Where the message says without a negation what a negative claim negates: "网上传谣言会被处罚的"
 * against "网上传个谣言而已，根本没人管，也不会被处罚" states the opposite, a refutation without
 * any refutation word. "传谣根本不会被处罚" keeps the negation and retells the claim.
 */
function oppositesOf(text: string, predicates: readonly string[]): Hit[] {
  const hits: Hit[] = [];
  for (const p of predicates) {
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + p.length)) {
      // A rhetorical "怎么会犯法" ("how could it be illegal") negates as "不犯法" does.
      const negated =
        CHINESE_NEGATION.test(text.slice(Math.max(0, at - NEGATION_REACH), at)) ||
        // Chat's "木有" for "没有": "…住了13天木有任何隔离".
        text.slice(Math.max(0, at - NEGATION_REACH), at + 1).includes('木有') ||
        RHETORICAL.test(text.slice(Math.max(0, at - RHETORICAL_REACH), at)) ||
        NOBODY_BEFORE_ZH.test(text.slice(Math.max(0, at - NOBODY_REACH_ZH), at)) ||
        NEGATED_COMPLEMENT_ZH.test(text.slice(at + p.length, at + p.length + 2)) ||
        PROHIBITION_SCOPE_ZH.test(text.slice(Math.max(0, at - PROHIBITION_REACH_ZH), at));
      // "犯法也轮不到我" ("even if it is illegal, …") concedes, it does not say the opposite.
      if (!negated && text[at + p.length] !== '也') hits.push({ cue: p, at, end: at + p.length });
    }
  }
  return hits;
}

/**
 * Whether a Chinese negation is the middle of an "X不X" question ("中通武汉是不是暂停揽收了", "有没有快递员"),
 * which asks, whether or not the sentence ends on a question mark, and denies nothing.
 */
const asksANotA = (text: string, h: Hit) => h.at > 0 && NEGATION_CHAR.test(text[h.at]!) && text[h.at - 1] === text[h.at + 1];
const NEGATION_CHAR = /[不没唔冇]/u;

const unique = (cues: string[]) => [...new Set(cues)].slice(0, 5);

/** A sentence that answers the question before it with a denial: "…spread the coronavirus? No." */
function answeredNo(sentences: readonly Sentence[]): RegExpExecArray | null {
  for (let i = 1; i < sentences.length; i++) {
    if (!sentences[i - 1]!.question) continue;
    const denial = OPENING_DENIAL.exec(sentences[i]!.text);
    if (denial) return denial;
  }
  return null;
}

/** "谁说…": who says so. Not "谁说的" (who said it?) or "谁说过" (who has ever said it?), which ask. */
const WHO_SAYS = /谁说(?!的|过)/gu;
/** "nobody can convince me …", "you'll never convince me that …": the same in English. */
const CONVINCE_ME =
  /(?<![a-z0-9])(?:(?:nobody|no one|noone|nothing|you) (?:can|could|will|ll|is going to|s going to)(?: ever)?|you ll never|you will never|you can never|you can t|you cannot|can t) (?:convince|persuade) me(?: that)?(?![a-z0-9])/g;
/** Clause breaks in the message as written, from an offset on. */
const CLAUSE_BREAK_ALL = /[，,。！!？?；;\n]/gu;
const claimSaysNegation = claimSays(CHINESE_NEGATION);
/** An English negation in a clause, as normalized text writes it ("don t", "never"). */
const ENGLISH_NEGATION = new RegExp(`(?<![a-z0-9])(?:not|never|no|[a-z]+n t|cannot|${BARE_NEGATIONS})(?![a-z0-9])`);

/**
 * "谁说群主没责任？群主也要担责", "nobody can convince me 5G towers spread the coronavirus": a
 * rhetorical "who says" before the claim denies it, whether or not a question mark follows
 * (`refutes`). Before the claim negated ("谁说吃大蒜不能预防新冠", "nobody can convince me 5G towers
 * don't …"), where the claim itself negates nothing, it denies the denial: no refutation, and the
 * clause after it (`denied`, offsets of the normalized text) holds no denial or refutation either.
 */
function rhetoricalDenials(message: PreparedMessage, span: ClaimSpan, debunk: Debunk | undefined, chinese: boolean, latin: boolean): { refutes: Hit[]; denied: Hit[] } {
  const refutes: Hit[] = [];
  const denied: Hit[] = [];
  if (chinese) readRhetorical(message, span, WHO_SAYS, CHINESE_NEGATION, claimSaysNegation(debunk), refutes, denied);
  if (latin) readRhetorical(message, span, CONVINCE_ME, ENGLISH_NEGATION, claimNegates(debunk), refutes, denied);
  return { refutes, denied };
}

/**
 * The hits of one rhetorical pattern `re` for rhetoricalDenials, added to `refutes` or `denied`
 * (`negation`: a negation in the clause after it). At module level, not a closure per message:
 * tsx names every closure it makes (esbuild's keepNames).
 */
function readRhetorical(message: PreparedMessage, span: ClaimSpan, re: RegExp, negation: RegExp, claimNegated: boolean, refutes: Hit[], denied: Hit[]): void {
  for (const h of hitsOf(re, message.normalized)) {
    const from = message.origin[h.end] ?? message.text.length;
    CLAUSE_BREAK_ALL.lastIndex = from;
    const to = CLAUSE_BREAK_ALL.exec(message.text)?.index ?? message.text.length;
    if (span.start >= to || span.end <= from) continue;
    if (!negation.test(normalizedText(message.text.slice(from, to))) || claimNegated) refutes.push(h);
    else {
      let end = h.end;
      while (end < message.normalized.length && (message.origin[end] ?? to) < to) end++;
      denied.push({ cue: h.cue, at: h.end, end });
    }
  }
}

/**
 * What readStance reads one message by: the message as written, its normalized text, where it
 * repeats the claim, and the sentences it asks in (split when first needed). Methods rather than
 * closures made per call: tsx names every closure it makes (esbuild's keepNames), and some forty
 * of them per message cost more than the reading they did.
 */
class StanceText {
  /** Only a sentence that asks is read; without a question mark, 吗 or a question phrase none does, and the message is not split at all. */
  private split: Sentence[] | undefined;
  /** Distrust of the refuters found in the message (see findDistrust). */
  readonly distrust: Hit[] = [];
  /** The question phrases that ask about the claim, once read. */
  questionWords: readonly Hit[] = [];
  /** Clauses a rhetorical "who says" denies (see rhetoricalDenials), once read. */
  denied: readonly Hit[] = [];

  constructor(
    /** The message, its `text` as written with traditional characters simplified. */
    readonly message: PreparedMessage,
    /** The message's normalized text. */
    readonly text: string,
    readonly span: ClaimSpan | undefined,
    readonly debunk: Debunk | undefined,
    readonly isClaimTerm: (term: string) => boolean,
    /** The question phrases found (filled before the sentences are first asked for). */
    private readonly questionHits: readonly Hit[],
  ) {}

  /** Whether the message as written breaks a clause (`breaks`) between these offsets of the normalized text. */
  crossesClause(from: number, to: number, breaks: RegExp = CLAUSE_BREAK): boolean {
    const { message } = this;
    return breaks.test(message.text.slice(message.origin[from] ?? 0, message.origin[to] ?? 0));
  }
  /** The normalized text of at most `reach` characters right before a cue, read by the patterns that end there. */
  before(h: Hit, reach: number): string {
    return this.text.slice(Math.max(0, h.at - reach), h.at);
  }
  sentences(): Sentence[] {
    const { message } = this;
    return (this.split ??= MAY_ASK.test(message.text) || this.questionHits.length > 0 || mayAskUnmarked(message.text) ? sentencesOf(message.text) : []);
  }
  sentenceAt(h: Hit): Sentence | undefined {
    const at = this.message.origin[h.at] ?? 0;
    return this.sentences().find((s) => at >= s.start && at < s.end);
  }
  inSpan(h: Hit): boolean {
    const { span } = this;
    if (!span) return false;
    const at = this.message.origin[h.at] ?? -1;
    return at >= span.start && at < span.end;
  }
  /**
   * A Chinese "cannot" may follow the claim's words at once, in their clause: "…，蚊子叮咬传不了".
   * Not 没 / 没有, which there tell what the claim says ("又没评上" for "…再次落选").
   */
  inOrRightAfterSpan(h: Hit): boolean {
    const { span, message } = this;
    if (this.inSpan(h) || !span || !CANNOT_ZH.test(h.cue)) return this.inSpan(h);
    const at = message.origin[h.at] ?? -1;
    if (at >= span.end && at <= span.end + 1 && !CLAUSE_BREAK.test(message.text.slice(span.end, at + 1))) return true;
    // "扫个码不会把银行卡里的钱盗走": a "cannot" with 把 puts the claim's object between it and its verb;
    // "…不会把手机里的钱转走" negates the claim's own "会" its matched words begin with.
    const end = (message.origin[h.end - 1] ?? -2) + 1;
    return (at < span.start && end > span.start) || BA_OBJECT.test(message.text.slice(end, span.start));
  }
  claimTexts(): readonly string[] {
    return claimTextsOf(this.debunk);
  }
  /** Whether the message as written goes on with a comma or a stop right after a cue. */
  endsClause(h: Hit): boolean {
    const { message } = this;
    const last = message.origin[h.end - 1];
    return last !== undefined && CLAUSE_BREAK_NEXT.test(message.text.slice(last + 1, last + 3));
  }
  /** The message as written from the start of a cue's clause to the cue. */
  clauseBefore(h: Hit): string {
    const { message } = this;
    const at = message.origin[h.at] ?? 0;
    const head = message.text.slice(0, at);
    let start = head.length;
    while (start > 0 && !CLAUSE_BREAK.test(head[start - 1]!)) start--;
    return head.slice(start);
  }
  /** Back to the start of the sentence, commas included: "If you find a ZIP TIE on your car, house or mailbox …". */
  sentenceBefore(h: Hit): string {
    const { message } = this;
    const head = message.text.slice(0, message.origin[h.at] ?? 0);
    let start = head.length;
    while (start > 0 && !SENTENCE_BREAK.test(head[start - 1]!)) start--;
    return head.slice(start);
  }
  /**
   * A Chinese cue whose characters the member wrote apart: "周末去海边不 对了" ends a question on 不,
   * then says "by the way".
   */
  writtenApart(h: Hit): boolean {
    const { message } = this;
    for (let k = h.at + 1; k < h.end; k++) {
      const from = (message.origin[k - 1] ?? 0) + 1;
      const to = message.origin[k] ?? from;
      if (to > from && /^\s+$/u.test(message.text.slice(from, to))) return true;
    }
    return false;
  }
  /**
   * A Chinese negation that ends what the member wrote before a space ("看到那个视频没 长江出现…"
   * asks "did you see the video?"): it negates nothing after the space.
   */
  endsWrittenClause(h: Hit): boolean {
    const { message } = this;
    const at = message.origin[h.at] ?? 0;
    const end = (message.origin[h.end - 1] ?? at) + 1;
    return IDEOGRAPH_BEFORE.test(message.text.slice(Math.max(0, at - 1), at)) && SPACE_THEN_IDEOGRAPH.test(message.text.slice(end, end + 4));
  }
  asked(h: Hit): boolean {
    return this.sentenceAt(h)?.question === true;
  }
  /** The first match of each of `res` (any: all of them in one, see anyOf). */
  findDistrust(res: readonly RegExp[], any: RegExp): void {
    if (!any.test(this.text)) return;
    for (const re of res) {
      const m = re.exec(this.text);
      if (m) this.distrust.push({ cue: m[0], at: m.index, end: m.index + m[0].length });
    }
  }
  insideDistrust(h: Hit): boolean {
    return this.distrust.some((d) => h.at >= d.at && h.at < d.end);
  }
  /** Whether a token starting inside sentence `s` (offsets of the original text) passes `test`. */
  anyTokenIn(s: Sentence, test: (t: Token) => boolean): boolean {
    const { message } = this;
    return message.tokens.some((t) => {
      const at = message.origin[t.start] ?? -1;
      return at >= s.start && at < s.end && test(t);
    });
  }
  holdsClaimWords(s: Sentence): boolean {
    return this.anyTokenIn(s, (t) => this.isClaimTerm(t.term));
  }
  /** The term of the next word after a cue, if it starts within `reach` characters of it. */
  termAfter(h: Hit, reach: number): string | undefined {
    const next = this.message.tokens.find((t) => t.start >= h.end);
    return next !== undefined && next.start - h.end <= reach ? next.term : undefined;
  }
  /** The term of the word right after a cue (nothing between but a space), if any. */
  termRightAfter(h: Hit): string | undefined {
    return this.termAfter(h, 1);
  }
  /**
   * Whether the word right after a cue is one of the claim's: "not a deep state plot", "won't pay",
   * an adverb between them aside ("never actually called", "doesn't really spread").
   */
  claimWordAfter(h: Hit): string | undefined {
    const right = this.termRightAfter(h);
    const term = right === undefined || ADVERB_TERMS.has(right) ? this.termAfterAdverbs(h) : right;
    return term !== undefined && this.isClaimTerm(term) ? term : undefined;
  }
  termAfterAdverbs(h: Hit): string | undefined {
    const next = this.message.tokens.find((t) => t.start >= h.end && !ADVERB_TERMS.has(t.term));
    return next !== undefined && ADVERBS_BETWEEN.test(this.text.slice(h.end, next.start)) ? next.term : undefined;
  }
  beforeClaimWord(h: Hit): boolean {
    return this.claimWordAfter(h) !== undefined;
  }
  /** Whether the next word after a cue, stopwords skipped, is one of the claim's: "is not a covid test". */
  nextWordIsClaims(h: Hit): boolean {
    const term = this.termAfter(h, NEXT_WORD_REACH);
    return term !== undefined && this.isClaimTerm(term);
  }
  /** The same for a preventing verb, whether or not the claim says it: "won't stop you getting covid". */
  preventingWordAfter(h: Hit): string | undefined {
    const term = this.termRightAfter(h);
    return term !== undefined && PREVENTING_TERM.test(term) ? term : undefined;
  }
  /** The same, with "that" or "the" between: "whoever keeps posting that 5G towers …". */
  beforeTheClaim(h: Hit): boolean {
    const next = this.message.tokens.find((t) => t.start >= h.end);
    return next !== undefined && LINKING_GAP.test(this.text.slice(h.end, next.start)) && this.isClaimTerm(next.term);
  }
  /**
   * An English question phrase asks about the claim in a sentence that holds words of the claim,
   * or that holds nothing else ("is it true? 5G towers …"); "does anyone know a good dentist?"
   * asks about something else, whatever the message says next.
   * Words that only ask ("does anyone know if this is true?") are not something else.
   */
  asksAboutClaim(h: Hit): boolean {
    const s = this.sentenceAt(h);
    if (!s || s.ideographic || this.holdsClaimWords(s) || (VERACITY_CUE.test(h.cue) && !this.text.startsWith(' life', h.end))) return true; // not "how is this even real life?": outrage
    return !this.anyTokenIn(s, (t) => (t.start < h.at || t.start >= h.end) && !ASKING_TERMS.has(t.term));
  }
  /** "真的假的" holds "假的": a cue inside a question phrase is part of the question. */
  insideQuestion(h: Hit): boolean {
    return this.questionWords.some((q) => h.at < q.end && h.end > q.at);
  }
  inDenied(h: Hit): boolean {
    return this.denied.some((d) => h.at >= d.at && h.at < d.end);
  }
  /**
   * Whether a Chinese "没有" or "没" (or a bare "不") denies the claim's character right after it, in the
   * same clause (see the denial hits in readStance).
   */
  deniesCharacterAfter(h: Hit): boolean {
    return claimAffirms(this.debunk, charAfter(this.text, h.end)) && !this.crossesClause(h.at, h.end) && !this.endsWrittenClause(h);
  }
  /**
   * "没认证的养老金就不发了", "不戴头盔的罚500": a 没 or 不 that says which ones (a word, then 的), not
   * that something was not done; "没有封城的通知" still denies.
   */
  describesZh(h: Hit): boolean {
    const { text } = this;
    return DESCRIBES_ZH.test(text.slice(h.end, h.end + 8)) || NOT_SAVED_OR_DARED_ZH.test(text.slice(h.end, h.end + 4));
  }
  /** "There is no …" right before the claim's words: "There is no 5G tower that can spread …". */
  saysNoneBefore(h: Hit): boolean {
    const { span } = this;
    if (!span || !h.cue.startsWith('there')) return false;
    const end = this.message.origin[h.end - 1] ?? -1;
    return end >= 0 && end < span.start && span.start - end <= 2;
  }
  /**
   * Outside the matched words, an English denial right before a word of the claim ("5G doesn't
   * spread viruses Gary. … radio waves don't carry germs", matched at "5G. radio waves"), or a
   * Chinese "cannot" ("…，多喝水是好事但防不了新冠").
   * Not "there is no …" there: "… where a border wall has worked. … there is no wall" tells the news.
   */
  deniesClaimWordElsewhere(h: Hit): boolean {
    return LATIN_CUE.test(h.cue) ? !h.cue.startsWith('there') && this.beforeClaimWord(h) : CANNOT_EVER.has(h.cue);
  }
  /**
   * What follows a denial in its sentence, as written: the comma or stop before a consequence is
   * what normalizing drops (see CONSEQUENCE_AFTER).
   */
  warnsOfConsequence(h: Hit): boolean {
    const { message } = this;
    return consequenceFollows(message.text, (message.origin[h.end - 1] ?? message.text.length) + 1);
  }
  /** Read before the hit in the message as written: normalizing drops the comma that opens a clause. */
  advises(h: Hit): boolean {
    if (!IMPERATIVE_CUE.test(h.cue)) return false;
    const { message } = this;
    const at = message.origin[h.at] ?? 0;
    // Or after the condition it is for: "if you find a zip tie on your car handle DON'T touch it".
    if (!ADVICE_IMPERATIVE.before.test(message.text.slice(Math.max(0, at - 24), at)) && !OPENS_ON_IF.test(this.clauseBefore(h)) && !OPENS_ON_IF.test(this.sentenceBefore(h))) return false;
    const after = this.text.slice(h.end, h.end + 16);
    return ADVICE_IMPERATIVE.after.test(after) || (!REFUTING_IMPERATIVE.test(after) && this.warnsOfConsequence(h));
  }
  /**
   * "千万不能洗澡", "两天不能洗澡 会瘫", "隔夜水不能喝": a Chinese "must not" that warns, after "千万"
   * or "一定", before what a person must not do, or followed by what happens otherwise, passes the
   * rumor on ("打完流感疫苗48小时内洗澡会导致瘫痪").
   */
  warnsZh(h: Hit): boolean {
    if (h.cue !== MUST_NOT_ZH && h.cue !== '不') return false;
    const { message } = this;
    const at = message.origin[h.at] ?? 0;
    const end = (message.origin[h.end - 1] ?? at) + 1;
    const after = message.text.slice(end, end + 14);
    // "算了不吃了 会产生亚硝酸盐致癌的": not doing it, for what happens otherwise, believes the claim.
    if (h.cue === '不') return WARNING_VERB_ZH.test(after) && WARNING_AFTER_ZH.test(after);
    return WARNING_BEFORE_ZH.test(message.text.slice(Math.max(0, at - 2), at)) || WARNING_AFTER_ZH.test(after) || WARNING_VERB_ZH.test(after);
  }
  /** Right before the matched words: "it's a virus, not some 5G towers spreading the coronavirus". */
  rightBeforeSpan(h: Hit): boolean {
    const { span } = this;
    if (!span) return false;
    const end = this.message.origin[h.end] ?? -1;
    return end <= span.start && span.start - end <= 1;
  }
  /**
   * A predicate the claim also says without its negation, after the same character, is the
   * claim's own: "转发又不犯法，造谣的才犯法" retells "…不违法，只有造谣的人才犯法"; "也犯法" does not.
   * The character only counts, not the predicate: "编的人才违法" retells "…造谣的人才犯法" too.
   */
  claimsOwn(h: Hit): boolean {
    return h.at > 0 && ownLeadsOf(this.debunk).includes(this.text[h.at - 1]!);
  }
  /** "so eating garlic stops you getting the coronavirus now??" asks back. */
  opensQuestion(s: Sentence): boolean {
    return (
      s.ideographic ||
      ((OPENERS.has(s.firstWord) || OPENERS.has(s.leadWord)) && !REQUEST.test(s.text)) ||
      s.hedged ||
      s.asksAfterClause ||
      (s.firstWord === 'so' && SO_NOW.test(s.text)) ||
      // "garlic prevent corona?", "whatsapp will charge money?": a message of a few words with one mark asks
      // ("schumer in the hollywood madam's black book??" is outrage, "… remember?" reminds).
      (this.message.tokens.length <= ECHO_QUESTION_TOKENS && ONE_MARK.test(s.text) && !REMINDING_TAG.test(s.text) && !REQUEST.test(s.text))
    );
  }
  /**
   * A doubt hedged, in a message that asks first (see readStance): "sounds made up", "no way" beside
   * a question on the claim, "还是谣言".
   */
  hedged(h: Hit, hasChinese: boolean): boolean {
    const { message } = this;
    return (
      HEDGED_DOUBT_EN.test(this.before(h, 24)) ||
      (NO_WAY.test(h.cue) && !this.sentences().some((s) => s.start <= (message.origin[h.at] ?? 0) && (message.origin[h.at] ?? 0) < s.end && this.holdsClaimWords(s) && !s.question)) ||
      (hasChinese && (ALTERNATIVE_ZH.test(this.before(h, 4)) || NOT_YET_ZH.test(this.before(h, 1)) || HEDGED_DOUBT_ZH.test(this.before(h, 6))))
    );
  }
}

/**
 * Reads the member's stance towards the matched claim. `extraRefutations` are refutation cues
 * found otherwise (a link to the debunk's source, a quote of its refutation text).
 */
export function readStance(
  prepared: PreparedMessage,
  debunk: Debunk | undefined,
  span: ClaimSpan | undefined,
  extraRefutations: readonly string[] = [],
  isClaimTerm: (term: string) => boolean = () => true,
): StanceReading {
  // Read as written with traditional characters simplified: "…傳播新冠病毒嗎" asks as "…吗" does.
  const message: PreparedMessage = { ...prepared, text: prepared.written };
  const text = message.normalized;
  const hasChinese = MAY_HOLD_CHINESE.test(text);
  const questionHits = hitsOf(QUESTION_RE, text);
  const r = new StanceText(message, text, span, debunk, isClaimTerm, questionHits);
  const aNotA = hasChinese
    ? hitsOf(A_NOT_A, text).filter(
        (h) =>
          !TELLING_A_NOT_A.test(h.cue) &&
          !text.startsWith(BELIEVE_IT_OR_NOT, h.end) &&
          !CHECK_WHETHER.test(r.before(h, 3)) &&
          !ASKS_A_FAVOUR.test(text.slice(h.at, h.end + 1)) &&
          !DEPENDS_ON.test(text.slice(h.end, h.end + 12)),
      )
    : [];
  appendAll(questionHits, aNotA);
  if (MAY_HOLD_LATIN.test(text)) appendAll(questionHits, hitsOf(IS_IT_REAL, text));

  if (hasChinese) r.findDistrust(DISTRUST_ZH, ANY_DISTRUST_ZH);
  if (MAY_HOLD_LATIN.test(text)) r.findDistrust(DISTRUST.en, ANY_DISTRUST_EN);
  // Not an urging someone else made: "我爸让我赶紧转发给十个人".
  // Nor the chain letter's threat: "WhatsApp will start charging if I don't pass it on".
  const urge = withoutClaimWords(hitsOf(URGE_RE, text), r).filter((h) => !TOLD_TO.test(r.before(h, 3)) && !IF_NOT.test(r.before(h, 16)));

  const questionWords = withoutClaimWords(questionHits, r).filter((h) => r.asksAboutClaim(h));
  r.questionWords = questionWords;
  const refuteHits = hitsOf(REFUTE_RE, text);
  if (hasChinese && !r.claimTexts().some((t) => UNRELATED.test(t))) appendAll(refuteHits, hitsOf(UNRELATED_ALL, text));
  if (hasChinese) appendAll(refuteHits, hitsOf(OLD_MEDIA_ZH, text));
  // "someone said it was fake. it's not fake, it really happened": a cue the member negates is not
  // theirs anywhere in the message.
  // Not a cue that is a negation itself: "'Not my problem' doesn't fly".
  const negatedCues = new Set(refuteHits.filter((h) => !NEGATION_FIRST.test(h.cue) && isNegated(text, h.at, r)).map((h) => h.cue));
  const rhetorical = span ? rhetoricalDenials(message, span, debunk, hasChinese, MAY_HOLD_LATIN.test(text)) : { refutes: [], denied: [] };
  r.denied = rhetorical.denied;
  const refute = withoutClaimWords(refuteHits, r).filter(
    (h) =>
      !negatedCues.has(h.cue) &&
      !r.insideDistrust(h) &&
      (!r.asked(h) || CHALLENGES.has(h.cue)) &&
      !r.insideQuestion(h) &&
      !inOtherSense(text, h) &&
      !r.writtenApart(h) &&
      !r.inDenied(h) &&
      !CONDITIONAL.test(r.before(h, 12)) &&
      !IF_IT_IS.test(r.before(h, 14)) &&
      !RELATIVE_CLAUSE.test(r.before(h, 24)) &&
      !POSTED_IF.test(r.before(h, 40)) &&
      !(ORIGIN_CUE.test(h.cue) && claimTellsOrigin(debunk)) &&
      (!BEFORE_THE_CLAIM.has(h.cue) || r.beforeTheClaim(h)),
  );
  // "No, …" opening the message, or answering a question it asked: "5G towers spread the virus? No."
  const opening = OPENING_DENIAL.exec(message.text.replace(QUOTED_LINES, '')) ?? NOT_ECHO.exec(message.text) ?? answeredNo(r.sentences());
  if (opening) refute.unshift({ cue: opening[0].trim(), at: 0, end: 0 });
  // The message as written after the claim's words, read by the verdict, the bare denial and the reductio.
  const afterClaim = span ? message.text.slice(span.end) : '';
  // "有人说…不犯法。错！…": a verdict said on its own after the claim.
  if (span) {
    const verdict = BARE_VERDICT.exec(afterClaim);
    if (verdict) refute.push({ cue: verdict[1]!.toLowerCase(), at: text.length, end: text.length });
  }
  // "… garlic prevents covid. it doesn't, mom": a bare denial after the claim, its verb left out.
  if (span && !claimNegates(debunk)) {
    const after = ELLIPTICAL_DENIAL.exec(afterClaim.replace(/[’`]/g, "'"));
    if (after) refute.push({ cue: after[1]!.toLowerCase(), at: text.length, end: text.length });
  }
  if (hasChinese && USELESS_LAST.test(message.text)) {
    const at = text.lastIndexOf('没');
    if (at >= 0) refute.push({ cue: '没用', at, end: at + 2 });
  }
  const authority = hasChinese ? AUTHORITY_SAYS_NO.exec(text) : null;
  if (authority) refute.push({ cue: authority[0], at: authority.index, end: authority.index + authority[0].length });
  appendAll(refute, rhetorical.refutes);
  const denialHits = hitsOf(DENIAL_RE, text);
  // "没有" or "没" right before a character of the claim, in the same clause, denies it was done
  // ("北京地铁没有拆座椅" against "北京地铁的座椅都拆了"), unless the claim says 没 itself
  // ("根本没人管") or negates that character ("没戴口罩" retells "一女子不戴口罩…").
  // Not against a claim that something failed: "又没选上" retells "…再次落选".
  if (span && hasChinese && !claimSaysNo(debunk) && !claimFailsZh(debunk) && !claimAbsenceZh(debunk)) {
    for (const h of hitsOf(NOT_DONE, text)) if (r.deniesCharacterAfter(h) && !r.describesZh(h)) denialHits.push(h);
  }
  // So does a bare "不" before one, against a claim that negates nothing, refusal and ban included:
  // "蚊子不传新冠" against "蚊子叮咬会传播新冠病毒" (not "人家坚决不签" against "…拒绝在民事和解书上签字");
  // not the 不 of "传不传" (which asks) or of "不要", "不知", "不过" ….
  if (span && hasChinese && !claimRefusesZh(debunk) && !claimAbsenceZh(debunk)) {
    for (const h of hitsOf(BARE_NOT, text)) if (text[h.at - 1] !== text[h.end] && r.deniesCharacterAfter(h) && !r.describesZh(h)) denialHits.push(h);
  }
  if (span && hasChinese && claimAbsenceZh(debunk)) {
    const words = absenceWordsZh(debunk);
    for (const h of [...hitsOf(NOT_DONE, text), ...hitsOf(ANY_NOT_ZH, text)]) if (words.some((w) => text.startsWith(w, h.end))) denialHits.push(h);
  }
  if (span && MAY_HOLD_LATIN.test(text)) {
    for (const h of hitsOf(NEGATED_MODAL, text)) {
      // For a claim that something prevents a harm, any preventing verb denies it: "gargling salt
      // water won't stop you getting covid" against "… prevents infection".
      const word = r.claimWordAfter(h) ?? (claimPrevents(debunk) ? r.preventingWordAfter(h) : undefined);
      // A claim of a refusal is retold with a negation ("didn't want it near" for "refused …"), but
      // not when the negation is of its own word: "the mom won't reject a chick" denies "… will cause
      // its mother to reject it".
      const deniesRefusal = word !== undefined && CLAIM_REFUSAL_EN.test(word) && !claimSaysNot(debunk);
      if (word === undefined || CONDITION_AFTER.test(text.slice(h.end, h.end + CONDITION_REACH)) || (claimNegates(debunk) && !deniesRefusal)) continue;
      if (claimPrevents(debunk) && !PREVENTING_TERM.test(word)) continue;
      denialHits.push(h);
    }
  }
  let latinDenialsInSpan = 0;
  for (const h of denialHits) if (LATIN_CUE.test(h.cue) && r.inSpan(h)) latinDenialsInSpan++;
  const denial = span
    ? withoutClaimWords(denialHits, r).filter(
        (h) =>
          (r.inOrRightAfterSpan(h) || r.saysNoneBefore(h) || r.deniesClaimWordElsewhere(h)) &&
          !r.asked(h) &&
          !r.insideDistrust(h) &&
          !asksANotA(text, h) &&
          // "群主又不是警察": "it's not as if", a reason given, where the claim itself says no.
          !(text[h.at - 1] === '又' && claimNegatesZh(debunk)) &&
          !PROTECTED_OUTCOME.test(text.slice(h.end, h.end + 6)) &&
          !NOT_CHANCE.test(text.slice(h.end, h.end + 24)) &&
          !ASIDE.test(text.slice(h.end, h.end + 10)) &&
          !(claimPrevents(debunk) && PROTECTED_OUTCOME_EN.test(text.slice(h.end, h.end + 24))) &&
          !RHETORICAL_TAG_EN.test(text.slice(h.end, h.end + 24)) &&
          !(h.cue.startsWith('there') && (NO_IDIOM.test(text.slice(h.end, h.end + 12)) || !r.beforeClaimWord(h) || claimNegates(debunk))) &&
          !r.advises(h) &&
          !r.warnsZh(h) &&
          !(claimPostponesZh(debunk) && MOVED_TO_ZH.test(text.slice(h.end, h.end + MOVED_REACH_ZH))) &&
          !CONDITIONAL.test(r.before(h, 12)) &&
          !RELATIVE_CLAUSE.test(r.before(h, 24)) &&
          !PURPOSE_CLAUSE.test(r.before(h, 16)) &&
          !r.inDenied(h) &&
          !NOT_JUST.test(text.slice(h.end, h.end + 10)) &&
          !isClaimDenial(text, h, claimDenials(debunk)) &&
          (!NOBODY.has(h.cue) || (r.beforeClaimWord(h) && !SO_THAT.test(r.before(h, 9)))) &&
          !HIDDEN_FROM_YOU.test(text.slice(h.end, h.end + 24)) &&
          !(DID_NOT.test(h.cue) && DIED_IDIOM_EN.test(text.slice(h.end, h.end + 16))) &&
          !(claimReportsWords(debunk) && LATIN_CUE.test(h.cue) && REPORTED_WORDS_BEFORE.test(r.before(h, 60))) &&
          !claimDeniedTerms(debunk).has(r.claimWordAfter(h) ?? '') &&
          // "Group owner isn't liable for anything members share" against "Group owners are not responsible
          // for …": inside the matched words of a claim that negates, the only English denial, whose next
          // word is not the claim's, is its own negation in other words ("… is not a covid test" denies,
          // and so does "… doesn't mean you don't have the coronavirus", beside the claim's own).
          !(LATIN_CUE.test(h.cue) && r.inSpan(h) && claimNegates(debunk) && !r.nextWordIsClaims(h) && latinDenialsInSpan === 1) &&
          // "it is not fake", "不是谣言": the refutation denied, not the claim.
          !refuteHits.some((r) => r.at >= h.end && r.at <= h.end + 1) &&
          // "I didn't post it myself": what the member did, not the claim denied; "真不是说说": no idle talk.
          !(LATIN_CUE.test(h.cue) && FIRST_PERSON.test(r.before(h, 3))) &&
          // "i'm never drinking dr pepper again, it's made from prune juice": what the member will not do, for the claim.
          !(LATIN_CUE.test(h.cue) && FIRST_PERSON_WILL.test(r.before(h, 9)) && AVOIDED_ACTION.test(text.slice(h.end, h.end + 24))) &&
          !NOT_IDLE_TALK.test(text.slice(h.end, h.end + 4)) &&
          !OUTAGE_ZH.test(text.slice(h.at, h.at + 3)) &&
          !(claimSaysNoLonger(debunk) && LATIN_CUE.test(h.cue) && ANYMORE_AFTER.test(text.slice(h.end, h.end + 64))) &&
          !deniesWhatClaimGoesWithout(text, h, claimDeniedTerms(debunk)) &&
          // "if u were planning a picnic at gucun park dont, there was …": a "don't" that ends a clause of
          // "if" tells not to (not "5G towers don't, the virus spreads between people").
          !(LATIN_CUE.test(h.cue) && r.endsClause(h) && OPENS_ON_IF.test(r.clauseBefore(h))),
      )
    : [];
  // "it was an accident, not a deep state plot": "not a" before the claim's own words denies it
  // ("not an accident, the deep state did it" does not: "accident" is not the claim's word).
  if (span && NOT_A.test(text) && !r.claimTexts().some((t) => NOT_A.test(t)) && !claimNegates(debunk)) {
    for (const h of hitsOf(NOT_A_RE, text)) {
      if (!(r.inSpan(h) || r.rightBeforeSpan(h)) || r.asked(h) || r.insideDistrust(h)) continue;
      if (r.beforeClaimWord(h)) denial.push(h);
    }
  }
  // "I was at gucun park this afternoon. no lightning, no ambulances": "no" opening a clause, before
  // a word of a claim that says no such thing itself.
  if (span && MAY_HOLD_LATIN.test(text) && !claimNegates(debunk) && !claimAbsenceEn(debunk)) {
    for (const m of message.text.matchAll(NO_THEN_WORD)) {
      const word = tokenize(normalizedText(m[1]!))[0]?.term;
      if (word === undefined || !isClaimTerm(word) || NO_IDIOM.test(` ${m[1]!.toLowerCase()}`) || NOT_A_DENIAL_AFTER_NO.test(m[1]!)) continue;
      // "no receipt needed": what the claim says is done without (see NOT_NEEDED).
      if (claimDeniedTerms(debunk).has(word)) continue;
      const at = m.index + m[0].search(/no\s/i);
      if (r.sentences().some((s) => s.question && at >= s.start && at < s.end)) continue;
      // "no ice in the water bowl, it causes bloat": a rule with its reason, a warning.
      if (consequenceFollows(message.text, m.index + m[0].length)) continue;
      denial.push({ cue: `no ${m[1]!.toLowerCase()}`, at: 0, end: 0 });
    }
  }
  // "Mosquitoes spread dengue, not covid, but …": the claim's word put aside for another.
  if (span && MAY_HOLD_LATIN.test(text) && !claimNegates(debunk)) {
    for (const m of message.text.matchAll(CONTRAST_NOT)) {
      const word = tokenize(normalizedText(m[1]!))[0]?.term;
      if (word !== undefined && isClaimTerm(word)) denial.push({ cue: `not ${m[1]!.toLowerCase()}`, at: 0, end: 0 });
    }
  }
  if (span && claimPrevents(debunk) && COUNTER_EXPERIENCE_EN.test(text)) {
    const m = COUNTER_EXPERIENCE_EN.exec(text)!;
    refute.push({ cue: m[0], at: m.index, end: m.index + m[0].length });
  }
  if (r.distrust.length > 0) {
    // Passing it on while waving the refuters away is spreading, whatever words it borrows.
    return { stance: 'spread', cues: unique([...r.distrust.map((d) => `distrusts: ${d.cue}`), ...urge.map((u) => `urges: ${u.cue}`)]) };
  }
  // One doubting word after an explicit question ("是真的吗？感觉像编的") still asks; two refute.
  const opposite = hasChinese
    ? oppositesOf(text, negatedPredicates(debunk)).filter((h) => !r.asked(h) && !r.insideDistrust(h) && !r.claimsOwn(h) && !PREVENTED_ZH.test(r.before(h, PREVENTED_REACH_ZH)))
    : [];
  // "People absolutely do get punished" against "Nobody gets punished …": an English claim that
  // negates, said with an emphatic "do" before its own verb.
  if (span && MAY_HOLD_LATIN.test(text) && claimNegates(debunk)) {
    for (const m of text.matchAll(EMPHATIC_DO)) {
      const at = m.index + m[0].length - m[1]!.length;
      const said = message.tokens.find((t) => t.start === at);
      const h = { cue: m[0], at: m.index, end: m.index + m[0].length };
      // Not the claim's own "do" ("… read: 'I really don't care, do u?'").
      if (said && isClaimTerm(said.term) && !r.asked(h) && !isNegated(text, h.at, r) && !r.claimTexts().some((t) => t.includes(m[0]))) opposite.push(h);
    }
  }
  // A question mark on the sentence that repeats the claim: in English only when the sentence is
  // built as a question ("did he really …?"), since "they dropped the charges??" is outrage.
  // The sentence must hold words of the claim itself, not merely sit between two of them ("…a
  // documentary about vaccines. Did anyone watch the game? … in Rome").
  const claimSentences = span ? r.sentences().filter((s) => s.start < span.end && s.end > span.start) : r.sentences();
  const asking = claimSentences.find((s) => s.question && !s.tellsNews && r.opensQuestion(s) && r.holdsClaimWords(s));
  // A member who asks whether the claim is true and doubts it in the same breath ("is the story
  // about … real? sounds made up", "…加價三成？定係又係假消息") asks: the doubt is hedged, and the
  // answer they want is the refutation. A verdict said outright still refutes ("… ? debunked ages ago").
  // A tag that asks ("sasha obama bugatti in a lake... true? sounds made up") asks first too.
  const asksFirst = questionWords.length > 0 || asking !== undefined || (span !== undefined && r.sentences().some((s) => s.tagOnly));
  if (asksFirst) {
    refute.splice(0, refute.length, ...refute.filter((h) => !r.hedged(h, hasChinese)));
    denial.splice(0, denial.length, ...denial.filter((h) => !r.hedged(h, hasChinese)));
  }
  const refuting = extraRefutations.length + new Set(refute.map((h) => h.cue)).size + denial.length + opposite.length;
  // Urging others to pass it on spreads it, unless what is passed on is its refutation ("Please
  // share this: 5G towers do NOT spread the coronavirus", "请转发：…是谣言") and not one only
  // reported ("Share this before they delete it! … They say it's a myth.").
  const refutes = urge.length > 0 ? refuting > 0 && !REPORTED_REFUTATION.test(text) : refuting > (questionWords.length > 0 ? 1 : 0);
  if (urge.length > 0 && !refutes) return { stance: 'spread', cues: unique(urge.map((u) => `urges: ${u.cue}`)) };
  if (refutes) {
    return {
      stance: 'refute',
      cues: unique([
        ...refute.map((h) => h.cue),
        ...denial.map((h) => `denies: ${h.cue}`),
        ...opposite.map((h) => `says the opposite: ${h.cue}`),
        ...extraRefutations,
      ]),
    };
  }
  // "anyone know if the … thing is real? seems too good to be true" asks, as a hedged refutation does.
  const mockHits = withoutClaimWords(hitsOf(MOCK_RE, text), r);
  const mock = asksFirst ? mockHits.filter((h) => !r.hedged(h, hasChinese)) : mockHits;
  if (mock.length > 0) return { stance: 'mock', cues: unique(mock.map((h) => h.cue)) };
  const howCould = hasChinese && span ? HOW_COULD_ZH.exec(message.text) : null;
  if (howCould && !claimNegatesZh(debunk)) return { stance: 'mock', cues: [howCould[0]] };
  // Read in the message as written: normalizing drops emoji, "/s" and the like.
  // Not a facepalm at the words the member reports someone said ("Biden said if u ride a bike high gas prices dont matter 🤦").
  const atReportedWords = claimReportsWords(debunk) && REPORTED_WORDS.test(text);
  // A facepalm before the claim is at something else ("forgot the PE kit AGAIN 🤦‍♀️ / gemma … going on about …").
  const facepalm = atReportedWords ? null : MOCKING_EMOJI.exec(message.text);
  const atClaim = facepalm !== null && (span === undefined || facepalm.index >= span.start) ? facepalm : null;
  const mocking = atClaim ?? SARCASM_TAG.exec(message.text) ?? (hasChinese ? LAUGHING_AT_OTHERS_ZH.exec(message.text) : null);
  if (mocking) return { stance: 'mock', cues: [mocking[0].trim()] };
  const weary = NOT_AGAIN.exec(text);
  if (weary) return { stance: 'mock', cues: [weary[0]] };
  const eyeRoll = span ? EYE_ROLL.exec(message.text) : null;
  if (eyeRoll && span && eyeRoll.index >= span.end && EYE_ROLL_GAP.test(message.text.slice(span.end, eyeRoll.index))) {
    return { stance: 'mock', cues: [eyeRoll[0]] };
  }
  if (span) {
    for (const q of message.text.matchAll(QUOTED_THEN_ANSWERED)) {
      const open = q.index;
      const close = open + 1 + q[1]!.length;
      if (span.start >= open && span.start < close) return { stance: 'mock', cues: [`quoted, then ${q[0].slice(close - open).replace(/^[\s\p{P}]+/u, '')}`] };
    }
  }
  const reductio = span ? (hasChinese ? (REDUCTIO_ZH.exec(afterClaim) ?? COUNTERFACTUAL_ZH.exec(message.text)) : englishReductio(message.text)) : null;
  if (reductio) return { stance: 'mock', cues: [reductio[0]] };

  if (questionWords.length > 0) {
    const asksIfTrue =
      HEARSAY.test(text) ||
      SAYS_TRUTH.test(text) ||
      questionWords.some((h) => (!aNotA.includes(h) && !ASKS_WHO_KNOWS.has(h.cue)) || (VERACITY_A_NOT_A.test(h.cue) && !ASKS_FOR_SOMEONE_ZH.test(text.slice(h.end, h.end + 4))));
    return { stance: 'question', cues: unique(questionWords.map((h) => h.cue)), asksIfTrue };
  }
  // "did bob barker really die from a fall?": a question built on whether it is so asks if it is true.
  if (asking) return { stance: 'question', cues: [`asks: ${asking.text.trim().slice(0, 40)}`], ...(ASKS_IF_TRUE.test(asking.text) || HEARSAY.test(text) ? { asksIfTrue: true } : {}) };
  // A sentence that is only a tag ("Thoughts?", "Legit?") asks about the claim the message tells.
  const tag = span ? r.sentences().find((s) => s.tagOnly) : undefined;
  if (tag) return { stance: 'question', cues: [`asks: ${tag.text.trim().slice(0, 40)}`], ...(ASKS_IF_TRUE.test(tag.text) ? { asksIfTrue: true } : {}) };
  const pondering = span ? PONDERING_EMOJI.exec(message.text) : null;
  if (pondering) return { stance: 'question', cues: [pondering[0]] };
  // The claim said only in lines quoted at the start ("> 5G towers spread …", then the member's own
  // words) is someone else's: with nothing in the reply that passes it on, the member answers it, and
  // gets the refutation as an answer, not a strike.
  if (span && quotesOnly(message.text, span)) return { stance: 'question', cues: ['replies to a quote of it'], asksIfTrue: true };
  // The claim told as what someone else said, sent or posted, then a question on it: "Someone in my
  // family group says eat raw garlic … Should I bother?", "Saw a post blaming … should I switch?",
  // "my sister keeps sharing this … thing. real deal?". Not a question of outrage ("why is nobody …?").
  if (span && MAY_HOLD_LATIN.test(text) && REPORTED_EN.test(message.text)) {
    const asks = r.sentences().find(
      (s) =>
        s.question &&
        !s.ideographic &&
        s.end > span.start &&
        !s.tellsNews &&
        !OUTRAGE_QUESTION_EN.test(s.text) &&
        !TOPIC_CHANGE_EN.test(s.text) &&
        !PASSES_NEWS_EN.test(s.text) &&
        !REQUEST.test(s.text) &&
        ASKS_BACK_EN.test(s.text) &&
        (wordsIn(s.text) <= SHORT_QUESTION_WORDS || r.holdsClaimWords(s)),
    );
    if (asks) return { stance: 'question', cues: [`asks: ${asks.text.trim().slice(0, 40)}`], asksIfTrue: true };
  }
  return { stance: 'spread', cues: [] };
}
