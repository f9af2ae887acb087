/**
 * The words that tell a member's stance towards a rumor they mention, in Chinese and English.
 * Matched against normalized text (lowercase, simplified Chinese, lookalikes folded, punctuation
 * as spaces), so "ＦＡＫＥ", "謠言" and "f̶a̶k̶e̶" are found too. English cues are whole words.
 */

/** Calling the claim false: the member refutes it (no strike, no reply). */
export const REFUTE = {
  zh: [
    '辟谣', '谣言', '不实', '假的', '假消息', '假新闻', '虚假', '造谣', '谣传', '不是真的', '并非事实', '误传', '澄清',
    '经查', '别信', '不要信', '勿信', '莫信', '别转', '不要转', '别再转', '别再往', '别传', '别瞎传', '不要传', '别乱传', '瞎传', '乱传', '瞎说', '胡说',
    '编的', '编造', '捏造', 'p的', 'p图', '合成的', '拼接', '旧视频', '老视频', '旧闻', '老图', '旧图', '没这回事', '没有这回事',
    '不存在', '子虚乌有', '不靠谱', '乱配', '张冠李戴', '断章取义', '以官方', '看官方', '官方说法为准', '已经辟谣', '被骗了', '别被',
    // "…啥事没有", "那视频根本不是这么回事，配文的人真能编".
    '啥事没有', '啥事都没有', '什么事都没有', '不是这么回事', '根本不是这样', '真能编', '真会编', '太能编',
    // "…不要以讹传讹", "信阳官方没说封城", "…是老新闻翻出来的", "那个视频是在演戏".
    '以讹传讹', '官方没说', '官方没有说', '官方并没有说', '老新闻', '旧新闻', '在演戏', '摆拍',
    // "…没看到任何官方通告，…乱转" (not "别自己吓自己", which passes on a claim that reassures), "那封邮件二十年前就有了，恶作剧而已，天上不会掉馅饼".
    '乱转', '没看到任何官方', '没有官方通告', '恶作剧', '天上不会掉馅饼', '年前就有了',
    '不对', '不是最近', '是旧的', '乱来', '乱写', '所谓', '这是错的', '是错误的', '说法是错的', '完全错误', '没有科学依据', '没有依据', '没这事', '没有这事',
    '没有任何科学依据', '没有任何依据', '没有任何根据', '毫无科学依据', '毫无依据', '毫无根据', '没有根据',
    // It does not work: "盐水漱口预防新冠？没用的", "这种说法根本站不住脚".
    '没用的', '没啥用', '没什么用', '不管用', '站不住脚', '没有常识', '没常识', '没有科学常识', '缺乏常识',
    '说了没用', '根本没用', '完全没用', '一点用都没有', '一点用没有',
    '虚构', '瞎写', '瞎编', '胡编', '乱编', '标题党', '不可能的', '这不可能',
    '没有任何证据', '没有证据', '毫无证据', '说法太离谱', '说法很离谱', '说法离谱', '太离谱的说法', '说不通', '管什么用',
    '恶意谣言',
    // "说致癌纯属吓人", "…是假訊息" (Taiwan's word), "食物相克基本都是伪科学".
    '纯属吓人', '危言耸听', '假讯息', '不实讯息', '错误讯息', '伪科学',
    // "…亚硝酸盐含量很低，远达不到有害的程度，不用担心": reassurance against a scare.
    '不用担心', '不必担心', '无需担心', '不用害怕',
    // "60岁每月800那个文件是伪造的，国务院网站上根本查不到".
    '伪造的', '假文件', '根本查不到', '查无此',
    // "…相克没有科学根据", "说超标几百倍纯属夸张", Cantonese "网上老作" (made up), "别乱讲".
    '没有科学根据', '没科学根据', '毫无科学根据', '纯属夸张', '纯属虚构', '纯属造谣', '纯属谣言', '纯属胡说', '纯属瞎编', '老作', '乱讲',
    // "…那个不激活作废的消息是骗子发的": the rumor is the scammers' own message.
    '骗子发的', '骗子编的', '钓鱼短信',
    // "…说致癌是嚇人的", "迷药手帕一捂就晕那是电视剧，…没有这种案子".
    '是吓人的', '吓唬人的', '那是电视剧', '是电视剧里', '没有这种案子', '没有这种事', '没这种事',
    // "@群主 不是这样的哈 …", "那视频根本不是这回事 别瞎配文字".
    '不是这样的', '不是这样', '不是这回事', '瞎配', '别瞎', '旧照片', '老照片', '假视频', '假照片', '假图', '编得',
    // "…是编出来的，根本没发生过，别再传了", "那是假通知，官方从没发过", "没依据好吧".
    // Not "没发生过" alone: "仿佛一切都没发生过" tells the story.
    // "别以为群主不用负责，…": don't think that.
    '别以为', '不要以为',
    '编出来', '别再传', '其实不是',
    // "…在派出所不好使", Cantonese "係假嘅", "哪来的10艘", "哪来十艘", "太夸张了", "想象力爆棚", "实际就几个州…".
    '不好使', '假嘅', '系假', '哪来', '别想太美', '想得美', '骗局', '就有人传过', '传过一次了', '早就传过',
    // "那视频…好几年前就在传了", "网友说是好几年前的，跟新冠八竿子打不着", "…都不沾边".
    '好几年前就', '是好几年前的', '几年前的旧', '八竿子打不着', '不沾边',
    // "骗小孩的吧", "说得太绝对了", "能不能等官方通知再转", "一看就是段子手写的".
    '骗小孩', '骗人的', '太绝对', '等官方', '段子手', '官方通报', '通报过了', '是别的地方', '别的城市的', '总共也就', '一共也就', '一共就', '别硬凑', '硬凑', '没有任何官方', '没有官方通知', '哪有这回事', '哪有这事', '自媒体吹', '别夸大', '夸大了', '别煽情', '世卫都说了', '世卫组织都说了', '太夸张', '夸张了', '言过其实', '想象力爆棚', '想象力丰富', '实际就', '实际上就', '实际只', '假通知', '根本没发生', '根本没有发生', '从没发生', '从来没发生', '压根没发生', '没依据', '没根据', '没证据',
  ],
  en: [
    'fake', 'fake news', 'hoax', 'debunked', 'debunk', 'not true', 'untrue', 'false', 'false claim', 'fact check', 'fact checked',
    'myth', 'old wives tale', 'wives tale', 'misinformation', 'disinformation', 'no evidence', 'is a rumor', 'is a rumour', 'just a rumor', 'bogus', 'made up',
    'made-up', 'doctored', 'photoshopped', 'is edited', 'are edited', 'was edited', 'were edited',
    // "rainbow grapes are just photoshop, the original pic is …", "that screenshot is fan-made, no such episode exists".
    'just photoshop', 'is photoshop', 'are photoshop', 'its photoshop', 'it s photoshop', 'original pic', 'original photo',
    'original picture', 'fan made', 'no such', 'doesn t exist', 'doesnt exist', 'does not exist', 'never existed',
    // "… was a parody piece", "the japan giant clip is CGI lmao", "the '…' thing is wrong, … someone cherry picked".
    'a parody', 'parody piece', 'is parody', 'was parody', 'is cgi', 'its cgi', 'it s cgi', 'was cgi', 'is an animation', 'its an animation',
    'is wrong', 'thing is wrong', 'cherry picked', 'cherry-picked', 'miscaptioned', 'not really what happened', 'out of context', 'overblown', 'exaggerated', 'misleading',
    'not accurate', 'isn t accurate', 'inaccurate', 'not legit', 'not real', 'isn t real', 'isn t true', 'is not true', 'satire',
    // "hot water every 15 min does nothing against the virus", "holding ur breath tells u nothing about covid",
    // "not everything is a conspiracy", "'i just forwarded it' isnt a defense".
    'does nothing against', 'does nothing for', 'do nothing against', 'tells you nothing', 'tells u nothing', 'proves nothing',
    'not everything is a conspiracy', 'isn t a defense', 'is not a defense', 'isn t a defence', 'is not a defence',
    // "… was a joke post, the AU never issued anything of the sort", "Please stop sending me the 5G videos Auntie".
    'a joke post', 'parody account', 'anything of the sort', 'nothing of the sort', 'stop sending me', 'stop sending these',
    'stop forwarding these', 'stop forwarding me',
    // "The stepdad thing was invented by some account farming clicks", "'Not my problem' doesn't fly", "people keep
    // saying he deleted it but he didnt", "That headline is spun out of a court case", "putting words in his mouth",
    // "There's no record of Hillary proposing …".
    'was invented by', 'invented by some', 'farming clicks', 'doesn t fly', 'won t fly', 'but he didn t', 'but he didnt',
    'but she didn t', 'but she didnt', 'but it didn t', 'but they didn t', 'but it wasn t', 'but it isn t', 'but it wasnt',
    'but she wasn t', 'but she wasnt', 'but he wasn t', 'but he wasnt', 'but they weren t', 'spun out of',
    'putting words in', 'words in his mouth', 'words in her mouth', 'no record of', 'dodgy site', 'anonymous quote',
    // "nobody gets punished?? tell that to the dozens of ppl detained …", "'abandoned on purpose' based on what,
    // one random comment?", "'i just forwarded it' isnt a defense".
    'tell that to the', 'based on what', 'one random comment', 'isnt a defense', 'isnt a defence',
    'don t believe', 'do not believe', 'don t share', 'do not share', 'don t repost', 'stop sharing', 'don t spread',
    'wouldn t trust', 'wouldn t share', 'junk site', 'never happened', 'not what happened', 'snopes', 'no such thing',
    'conspiracy theory', 'conspiracy theories', 'don t forward', 'do not forward', 'stop forwarding', 'stop spreading', 'quit spreading',
    'tells you nothing', 'proves nothing', 'means nothing', 'not how viruses work', 'not how it works',
    // Chat slang for a lie (not "no cap", which swears it is true).
    'is cap', 'straight up cap', 'thats cap', 'that s cap', 'pure cap', 'total cap', 'big cap',
    'nonsense', 'complete nonsense', 'disproven', 'disproved', 'scam', 'rubbish', 'baseless', 'unfounded', 'pseudoscience', 'urban legend',
    'proven wrong', 'proved wrong', 'shown to be wrong', 'unrelated', 'not related', 'aren t related', 'isn t related', 'no relation', 'chain letter', 'chain mail', 'chain message',
    'boomer forward', 'boomer post',
    'that s wrong', 'that s not right', 'reported it', 'i reported', 'reported the post', 'reported this post', 'reported that post', 'flagged it',
    'that s a lie', 'a total lie', 'an outright lie', 'no basis', 'no scientific basis', 'bullshit', 'total bs', 'utter bs',
    'stop posting', 'quit posting', 'misinfo', 'internet rumor', 'internet rumour', 'old rumor', 'old rumour',
    'zero chance', 'not a chance', 'no chance that', 'there s no way', 'there is no way',
    'makes no sense', 'make no sense', 'makes zero sense', 'doesn t make sense', 'does not make sense',
    'people claiming', 'whoever keeps posting', 'whoever keeps sharing',
    'check before sharing', 'check before you share', 'check before forwarding', 'check before you forward', 'verify before sharing',
    'think before you share', 'think before sharing', 'think before forwarding',
    'never true', 'can we stop with',
    'nothing to do with', 'no link between', 'no connection between', 'zero evidence', 'no proof', 'zero proof', 'not a shred of evidence',
    // "the hold your breath test is garbage", "that's a rumour", "one of the oldest chain emails".
    'is garbage', 'is trash', 'total garbage', 'complete garbage', 'pure garbage', 'utter garbage', 'that s a rumor', 'that s a rumour',
    'it s a rumor', 'it s a rumour', 'just a rumour', 'only a rumor', 'only a rumour', 'chain email', 'chain emails', 'chain letters',
    // "the … post is fearmongering", "a recycled scare", "the … story is outdated", "it's a phishing ad".
    'fearmongering', 'fear mongering', 'scaremongering', 'scare mongering', 'recycled scare', 'is outdated', 'a phishing', 'is phishing',
    'it s phishing', 'phishing scam',
    'chain messages', 'no case has ever', 'no cases have ever', 'no known case', 'no recorded case', 'not a single case',
    'doesn t prove anything', 'does not prove anything', 'doesnt prove anything', 'proves absolutely nothing',
    // "nobody has ever got flesh eating disease from a banana", "just an old speech chopped up", "that's a stretch".
    'nobody has ever', 'no one has ever', 'chopped up', 'spliced together', 'edited together', 'old video', 'old clip', 'old speech',
    'that s a stretch', 'bit of a stretch', 'doesn t prove', 'doesnt prove', 'does not prove', 'doesn t check out', 'doesnt check out',
    'does not check out', 'nothing credible',
    // "was officially declared a malicious rumor", "calling it a Deep State plot is just silly".
    'malicious rumor', 'malicious rumour', 'declared a rumor', 'declared a rumour', 'is just silly', 'is silly', 'is ridiculous',
    'is just ridiculous', 'is absurd', 'is laughable',
    // An old hoax: "that banana email has been going round since like 2000"; "'not my problem' doesn't fly".
    'going round since', 'going around since', 'been around since', 'circulating since', 'doesn t fly', 'doesnt fly', 'won t fly',
    // An old picture passed off as news: "the pic is from years ago, not dorian".
    'is from years ago', 'was from years ago', 'it s from years ago', 'that s from years ago', 'its from years ago', 'thats from years ago',
    'is an old photo', 'is an old pic', 'is an old picture', 'just an old photo', 'just an old pic', 'is old footage',
    // "'I only forwarded it' isn't a defence".
    'isn t a defence', 'isn t a defense', 'is not a defence', 'is not a defense', 'no defence', 'no defense',
    // "Nope, officially refuted. Old footage from another city."; "… whatsapp has no way to know. ignore it".
    'refuted', 'been refuted', 'officially refuted', 'old footage from', 'ignore it', 'just ignore it', 'not even close',
    // Correcting someone: "you keep saying nobody gets punished …", "please check the website before you post", "different thing".
    'you keep saying', 'stop saying', 'before you post', 'before posting', 'different thing', 'a different thing',
    'huge difference', 'read past the headline', 'read beyond the headline', 'have no such', 'has no such', 'had no such',
    'doesn t work', 'doesnt work', 'does not work', 'don t work', 'do not work', 'won t work', 'wont work',
    // Not "delete it": "share before they delete it" spreads.
    'just a caption', 'caption someone', 'just delete it',
    'comes back every year',
    // "… rage bait headline as usual", "the headline twists it".
    'rage bait', 'ragebait', 'twists it', 'twisted it', 'stop reading that',
    // "that 'abandoned on purpose' story is pure speculation, there's zero official info saying that".
    'pure speculation', 'just speculation', 'is speculation', 'zero official', 'no official info', 'no official word',
    // "… is one of the oldest internet hoaxes", "police said it was fabricated", "the video is from a different
    // city", "it was about something else", "That came from a parody account". Not "he never said that", as
    // often reported ("has Trump actually called global warming a hoax? he says he never said that").
    'hoaxes', 'fabricated', 'was a rumor', 'was a rumour', 'from a different city', 'from another city', 'from a different country',
    'from another country', 'about something else', 'parody account', 'from a parody',
    // "There's no good evidence coconut oil treats …", "it's never been proven", "No study has shown phones …",
    // "went viral with zero medical proof", "the DOT notice says nothing about collapse", "nothing changes on January 1".
    'no good evidence', 'no real evidence', 'no solid evidence', 'no scientific evidence', 'no credible evidence',
    'no reliable evidence', 'no medical evidence', 'no clinical evidence', 'no hard evidence', 'no actual evidence',
    'never been proven', 'never been proved', 'never been shown', 'not been proven', 'hasn t been proven', 'has not been proven',
    'unproven', 'no study has', 'no studies have', 'no study shows', 'no studies show', 'no study found', 'no studies found',
    'zero medical proof', 'no medical proof', 'zero scientific proof', 'no scientific proof', 'zero scientific evidence',
    'says nothing about', 'said nothing about', 'nothing changes', 'nothing is changing', 'nothing s changing',
    'probably phishing', 'likely phishing', 'definitely phishing', 'obviously phishing',
    // "… has no data behind it", "there's no plan for a four-day week", "closed a handful of stores, not the whole state",
    // "… is perfectly safe".
    'no data behind', 'no data to back', 'no data supporting', 'no data showing', 'no plan for', 'no plans for', 'no plans to',
    'not the whole', 'not the entire', 'is perfectly safe', 'is completely safe', 'is totally safe', 'are perfectly safe',
    'are completely safe', 'perfectly harmless', 'completely harmless', 'totally harmless',
    // "that photo is from somewhere else entirely. Reverse image search takes 5 seconds."
    'from somewhere else', 'reverse image search', 'reverse image searched',
    // "that … video isnt what the caption says, totally different context", "thats twisted".
    'different context', 'what the caption says', 'thats twisted', 'that s twisted',
    // "$200k an hour is way off", "That's not what the policy says", "Your uncle's meme is wrong".
    'is way off', 'nowhere near that', 'not what the policy says', 'not what it says', 'not what the law says',
    'not what the article says', 'meme is wrong', 'headline is wrong',
    // "'not my problem' doesn't hold up", "that … message has been going around for like a decade".
    'doesn t hold up', 'doesnt hold up', 'does not hold up', 'been going around for', 'going around for years', 'for like a decade',
  ],
} as const;

/**
 * Chinese denials that something can ever be done ("防不了", "杀不死"): they deny the claim inside its
 * words, and refute wherever else in the message they stand (readStance).
 */
export const CANNOT_EVER_ZH = ['防不了', '预防不了', '防不住', '杀不死', '杀不了', '治不了', '传不了', '冲不走', '冲不掉', '冲不下去'] as const;

/**
 * Denying the claim inside the very words that repeat it ("Schumer wasn't in the black book",
 * "哈尔滨没封城"): a refutation when the claim itself says no such thing.
 */
export const DENIAL = {
  // Only words that deny; "没" alone is everyday Chinese ("没戴口罩"), "not" and "no" too common;
  // not "won't" or "can't" either, which retell claims ("won't automatically be citizens").
  // "防不了", "杀不死": what the claim says can be done, said as impossible.
  zh: [
    '不是', '并非', '并没有', '从没', '从来没', '根本没', '根本不', '未曾', '并未', '不会', '不能', '不可能', '没有什么', '压根没', '压根不', ...CANNOT_EVER_ZH,
  ],
  en: [
    'never', 'wasn t', 'weren t', 'didn t', 'doesn t', 'don t', 'isn t', 'aren t', 'ain t', 'hasn t', 'haven t',
    // The same, as chat types them without the apostrophe.
    'wasnt', 'werent', 'didnt', 'doesnt', 'dont', 'isnt', 'arent', 'aint', 'hasnt', 'havent',
    'does not', 'do not', 'did not', 'is not', 'are not', 'was not', 'were not', 'has not', 'have not',
    // "they're not closing, they're remodeling", "it's not made of …".
    're not', 's not',
    // Before the claim's words: "there was no deep state plot" (not "there's no way / doubt …": see NO_IDIOM).
    'there was no', 'there is no', 'there s no', 'theres no', 'there were no', 'there are no',
    // Before a word of the claim only (readStance): "nobody deleted anything", "nobody demanded it torn down".
    'nobody', 'no one',
  ],
} as const;

/**
 * After "there is no", what makes it insist rather than deny: "there's no way it was an accident",
 * "there is no doubt", "there's no denying …".
 */
export const NO_IDIOM = /^ (?:way|doubt|question|denying|telling|reason|excuse|time|need|point|other)(?![a-z])/;

/**
 * After a Chinese denial, what the claim promises rather than denies: "盐水漱口就不会被传染",
 * "吃大蒜不会得新冠" retell a claim that something protects.
 */
export const PROTECTED_OUTCOME = /^(?:再)?(?:被|让你)?(?:传染|感染|得病|得新冠|得肺炎|染上|中招|生病|被感染|找上|沾上|缠上|上身)/u;

/**
 * The same after an English denial, for a claim that something prevents a harm (readStance's
 * claimPrevents): "my grandma eats raw garlic every morning and never caught covid", "didn't get sick".
 */
export const PROTECTED_OUTCOME_EN = /^ (?:ever |once )?(?:caught|catch|catches|catching|got|get|gets|getting|gotten|became|become)(?: (?:covid|corona|the virus|the coronavirus|sick|ill|infected|it))(?![a-z0-9])/;

/** After an English denial word, what makes it ask to agree rather than deny: "isn't it funny how …", "isn't that convenient". */
export const RHETORICAL_TAG_EN = /^ (?:it|that|this) (?:funny|strange|weird|interesting|odd|crazy|convenient|obvious|curious|suspicious|wild|amazing|telling)(?![a-z])/;

/**
 * After an English denial, what insists on the claim rather than denies it: "it was not an
 * accident", "wasn't a coincidence", "this is not a joke".
 */
/**
 * An English denial that opens a clause (or follows a quote) and tells what to do, not what is
 * false: "…, don't eat them for the next 3 weeks", "do not buy …", "never drink …", "… asking 'can
 * you hear me' DON'T say yes". A warning that passes the rumor on. Not "don't believe / share /
 * forward it", which refute.
 */
export const ADVICE_IMPERATIVE = {
  // Or told by someone: "the groomer told me don't give …", "my mechanic says never fill …".
  before: /(?:^|[,.;:!?\n'"’”)]\s*|(?:^|\s)(?:so|and|please|pls|just)\s|(?:^|\s)(?:told|tell|tells|telling|said|says|saying|warned|warns|warning|reminded|reminds)(?: (?:me|us|you|u|them|him|her|everyone|everybody|people|ppl|all))?\s)$/i,
  after:
    /^ (?:(?:ever|even) )?(?:eat|buy|drink|use|touch|open|click|go|feed|give|take|answer|pick|travel|visit|leave|let|wait|forget|panic|say|reply|call|scan|download|install|accept|add|sign|enter|pay|fill|charge|plug|put|keep|drive|park|sleep|wear|heat|microwave|mix|cook|wash|shower|bathe|swim|walk|sit|bring|allow|pour|store|reuse|refill|freeze|thaw|transfer|text|tap|respond|send money|remove|cut|approach|unlock|roll down|pull over|get out|shake|hug|smell|sniff|talk|stop|help|follow|try|hold|lend|flush|throw)(?![a-z])/,
} as const;

/**
 * After an English "don't", "never" or "no" that opens a clause, what happens otherwise, in the
 * same sentence (read in the message as written, lowercased, curly apostrophes straightened):
 * "don't fill your tank all the way, the fumes expand and it can blow", "no ice in
 * the water bowl, it causes bloat". A warning that passes the rumor on, whatever it forbids; not
 * "don't worry, it will be fine" (see REFUTING_IMPERATIVE).
 */
export const CONSEQUENCE_AFTER = /\s(?:=|=>|->|→)\s|(?:[,;:]| -| —)\s*(?:or|otherwise|else)\s|\s(?:because|cause|cuz|coz|bc|since)\s|(?:[,;:.!]| -| —)[^?]{0,60}?(?<![a-z])(?:it|they|this|that|u|you|he|she|the [a-z]+)(?: (?:can|could|will|would|may|might)(?! not|n't|'t)| (?:causes?|makes?|leads?|gets?|kills?|blows?|explodes?|releases?|gives?|turns?|burns?|ruins?|damages?|poisons?|melts?|catches?|spreads?|triggers?)| is gonna|'s gonna|'ll)(?![a-z])/;
/** What a member tells the group not to do that refutes, whatever follows: "don't worry, …", "don't believe it, …". */
export const REFUTING_IMPERATIVE = /^ (?:(?:ever|even) )?(?:worry|panic|stress|fear|mind|believe|share|forward|spread|repost|post|fall|trust|listen|buy into|be|get|pass|circulate|fret|freak)(?![a-z])/;

/** A conspiracy said in a negation: "the pharma companies don't want you to know", "what they won't tell you". */
export const HIDDEN_FROM_YOU = /^ (?:want (?:you|u|us|anyone|people) to (?:know|see|find out|hear)|tell (?:you|u|us)|show (?:you|u|us))(?![a-z])/;

/**
 * After an English denial, a verb that puts something aside rather than denies the claim: "how much
 * you eat doesn't matter, garlic prevents …", "I don't care what snopes says".
 */
export const ASIDE = /^ (?:matter|matters|care|mind|bother)(?![a-z])/;

export const NOT_CHANCE = /^ (?:just |merely |simply )?(?:an? )?(?:accident|coincidence|joke|drill)(?![a-z])|^ [a-z]+ by (?:accident|chance|coincidence)(?![a-z])/;

/** Laughing it off or disbelief without a refutation: no strike, no reply. */
export const MOCK = {
  // Not "笑死" or "哈哈": Chinese chat laughs while passing a rumor on.
  zh: ['这也有人信', '还有人信', '居然有人信', '竟然有人信', '谁信谁', '智商税', '扯淡', '胡扯', '鬼扯', '瞎扯', '胡说八道', '无稽之谈', '呵呵', '信你个鬼', '骗鬼',
    '也有人信', '鬼话', '别搞笑了', '别逗了', '开什么玩笑', '想多了', '才不信', '我才不信', '我不信', '我不相信', '才不相信', '谁还信', '鬼才信', '都不会信', '不会信的', '没人会信', '谁会信', '这都能信', '这也能信', '这都有人信',
    // "一夜能建180座，这也信", "…不是你编的就没事？太天真了".
    '这也信', '这都信', '这你也信', '太天真', '动动脑子', '用脑子想想', '你们也信', '一个字都不信',
    // "编的人自己信吗", "…是谣言，官方通报过了，…你信吗".
    '自己信吗', '自己信不信', '自己都不信', '你信吗', '你们信吗',
    // "多喝热水治百病系列又来了", "又是哪个编的".
    '系列又来了', '又是哪个编的',
    // "憋气测新冠这种也信？？", "…测了个寂寞", "…病毒又不会连wifi，我是服了", quoting a claim: "「…」这话说的".
    '这种也信', '这种都信', '这种也有人信', '这种都有人信', '了个寂寞', '真是服了', '我是服了', '这话说的',
    // "网上传谣没人管 那那些被拘的都是演员咯".
    '都是演员',
    '吹牛也不打草稿', '吹牛不打草稿',
    // "全变红灯？想象力真丰富".
    '想象力真丰富', '想象力丰富', '想象力太丰富', '脑洞真大', '脑洞太大'],
  en: [
    // Disbelief said plainly: "I doubt garlic prevents infection with the coronavirus" (real-client QA: struck).
    'i doubt', 'i highly doubt', 'i seriously doubt', 'i really doubt', 'i kinda doubt', 'doubt it', 'i m not buying', 'not buying it', 'i don t buy it',
    'lol no', 'lmao no', 'haha no', 'yeah right', 'as if', 'sure jan', 'imagine believing', 'imagine thinking', 'imagine still believing', 'imagine falling for', 'people actually believe', 'who believes',
    'falls for this', 'fall for this', 'fell for this', 'falls for it', 'fall for it', 'fell for it', 'falling for it', 'falling for this', 'tinfoil', 'nice try', 'give me a break', 'what a joke', 'conspiracy nonsense',
    'people still think', 'people still believe', 'still falling for', 'lol sure', 'sure buddy', 'and i m the pope', 'and i m the queen',
    'next they ll say', 'next they will say', 'next you ll say', 'next you ll tell me',
    // "5g causing covid lmaooo. next ur gonna tell me wifi gives u the flu", "… totally how email works".
    'next ur gonna tell me', 'next you re gonna tell me', 'next youre gonna tell me', 'next you re going to tell me',
    'totally how', 'exactly how that works',
    'will believe anything', 'believe anything these days', 'dumbest thing', 'stupidest thing', 'dumbest claim',
    'still believes', 'still thinks', 'actually believes', 'really believes', 'whatever will i do', 'sounds fishy', 'seems fishy', 'smells fishy', 'sounds sketchy',
    'sounds dodgy', 'not this again', 'lol this again', 'lmao this again', 'oh this again', 'this old one again',
    'people who think', 'people who believe', 'anyone who thinks', 'anyone who believes', 'go back to school', 'bless her', 'bless him',
    'bless her heart', 'bless his heart', 'bless their hearts', 'dumbest', 'stupidest',
    'lol at people', 'lmao at people', 'laughing at people', 'lol at everyone', 'lol at anyone',
    'still embarrassing', 'how embarrassing', 'so cringe', 'too good to be true',
    'and the earth is flat', 'the earth is flat too', 'and pigs fly', 'and pigs can fly', 'trust me bro', 'big if true',
    'laughed when i asked', 'laughed at me when i asked',
    'said no one ever', 'said nobody ever', 'said no scientist ever', 'said no doctor ever', 'said no expert ever', 'my sides',
    'ah yes', 'oh sure', 'yeah sure', 'right because', 'because of course', 'and i m beyonce', 'and i m santa', 'and i m batman',
    'and i m a unicorn', 'and i m the king', 'and i m elvis', 'and i m superman', 'and i m taylor swift',
    'deserves a medal', 'for trolling',
    // "lol 5g spreading covid. yeah and my microwave gives me the flu".
    'yeah and my', 'sure and my', 'right and my', 'if that were true', 'if that was true', 'if this were true', 'if it were true',
    'what could go wrong', 'what could possibly go wrong', 'still waiting for my', 'still waiting for that', 'still waiting on my',
    'by that logic', 'said every person', 'famous last words',
    // "my mom fell for the whatsapp charging message AGAIN", "… that guy who got 10 days detention might disagree".
    'fell for the', 'falls for the', 'fall for the', 'falling for the', 'might disagree', 'would disagree', 'may disagree',
    'begs to differ', 'beg to differ',
    // "My uncle keeps saying 5G towers spread the coronavirus, he is so gullible".
    'so gullible', 'how gullible', 'is gullible', 'are gullible', 'so naive', 'how naive',
  ],
} as const;

/** Asking whether it is true, wherever it is said. */
export const QUESTION = {
  zh: [
    '真的吗', '是真的吗', '真的假的', '是不是真的', '是真是假', '真假', '靠谱吗', '可信吗', '属实吗', '核实过吗', '有人知道', '谁知道',
    '求证', '求辟谣', '有这回事吗', '真有这事', '准信', '准吗', '是真事吗', '有依据吗', '确认下', '能确认', '官方的消息吗', '有没有官方',
    '是最近的吗', '是新拍的吗', '有人核实',
    // Asking whether it works or holds, after the claim: "…能预防新冠，有用吗", "管用不", "是这样吗".
    '有用吗', '管用吗', '有用不', '管用不', '可信不', '靠谱不', '能信吗', '可以信吗', '是这样吗', '对吗', '说法对吗',
    '有懂的吗', '求科普', '有科学根据吗', '有根据吗', '有人试过吗', '真的还是假的', '真还是假', '有这种说法吗',
    '怎么回事', '咋回事',
    // "…的新闻有人看到吗，我怎么搜不到", "这个有科学依据不".
    '有人看到吗', '有人看到过吗', '有人看过吗', '有人听说吗', '有人听说过吗', '有人见过吗', '怎么搜不到', '有科学依据吗', '有科学依据不',
    // "3月16号出行正常化 哪里发的通知啊 我怎么没看到".
    '哪里发的', '哪发的', '我怎么没看到', '怎么没看到',
    '有依据不', '有根据不', '有道理吗', '有道理不',
    // Cantonese (as normalized, in simplified characters): "…系咪真㗎", "真定假", "有冇人知".
    '系咪', '真定假', '有冇人知', '有冇人听过', '系唔系真', '是真事不', '有用没', '有没有用', '算不算',
    // "…到底是真的还是编的啊", "我该怎么回她", "怎么劝她".
    '还是编的', '还是假的', '还是谣言', '还是造谣', '吗还是', '真的么', '是真的么', '靠谱么', '真的嘛', '怎么回她', '怎么回他', '怎么回复', '怎么劝', '怎么反驳', '怎么跟她解释', '怎么跟他解释',
    // Asking for a report of it: "hdl加罂粟壳？有新闻吗".
    '有新闻吗', '有报道吗', '有新闻不', '有报道不', '有出处吗', '有来源吗', '官方说了吗',
  ],
  en: [
    'is it true', 'is this true', 'is that true', 'is it real', 'is this real', 'is that real', 'true or false', 'real or fake',
    'real or not', 'true or not', 'fact or fiction', 'can anyone confirm', 'can someone confirm', 'anyone know if', 'does anyone know',
    'any truth to', 'any source', 'is there a source', 'is this legit', 'is that legit', 'is it legit', 'should i believe', 'can this be true',
    'anyone know whether', 'does anyone know whether', 'wondering if', 'wondering whether', 'i wonder if', 'i wonder whether',
    'does it work', 'does this work', 'does that work', 'does it really work', 'is it a thing', 'is this a thing', 'is that a thing', 'legit or not',
    'fake or real', 'should i be worried', 'should we be worried', 'should i worry', 'should we worry', 'should i be concerned',
    'should we be concerned', 'sounds fake but is it', 'seems fake but is it', 'looks fake but is it', 'but is it real', 'but is it true',
    'but is it legit', 'is that actually true', 'is this actually true', 'is it actually true',
    'is that really true', 'is this really true', 'is it really true', 'is that even true', 'is this even true', 'is this a real thing',
    'is that a real thing', 'is it a real thing', 'is that even real', 'is this even real', 'is it even real',
    // Asking after the claim is told: "…, is there anything to that?", "any truth in that?".
    'anything to that', 'anything to this', 'anything to it', 'any truth in', 'any truth behind', 'is this for real',
    'is that for real', 'is it for real', 'can anyone verify', 'can someone verify', 'anyone fact check', 'someone fact check',
    'is that right', 'is this right', 'is that accurate', 'is this accurate', 'is it accurate', 'how true is', 'how accurate is',
    'is there any evidence', 'is there evidence', 'is there any proof', 'quick question', 'genuinely curious', 'what s the evidence',
    'what is the evidence', 'has anyone checked', 'did anyone check',
    'not sure if this is true', 'not sure if that s true', 'not sure if it s true', 'not sure if this is real',
    'not sure if it s real', 'not sure whether this is true', 'not sure whether it s true', 'idk if this is true',
    'idk if it s true', 'idk if that s true',
    // Without a question mark: "… does that actually mean anything", "How much of that is true", "Can a lawyer in here
    // weigh in", "is that an edit or real", "real news or facebook nonsense", "do i need to do it?? not sure".
    'does that actually mean', 'does this actually mean', 'does it actually mean', 'how much of that is true', 'how much of this is true',
    'how much of it is true', 'can anyone weigh in', 'can someone weigh in', 'could anyone weigh in', 'could someone weigh in', 'can a lawyer',
    'can a doctor', 'any lawyers here', 'any doctors here', 'edit or real', 'edited or real', 'photoshopped or real', 'real or edited',
    'real or photoshopped', 'real or an edit', 'real news or', 'or a troll', 'or just a troll', 'or is it a troll', 'or is this a troll',
    'do i need to', 'do i have to', 'should i forward', 'should i share', 'should i pass', 'should i send', 'should i repost',
    // "has anyone seen news about …? cant find anything".
    'has anyone seen', 'anyone seen', 'can t find anything', 'cant find anything',
    'genuinely asking', 'honest question', 'serious question', 'is there a link', 'is there any link', 'any link between',
    'question for the', 'question for anyone', 'question for everyone',
    // "can anyone send me something that explains if its true", "did obama ban fox news … or is that twisted".
    'explains if', 'or is that twisted',
    'or is it twisted', 'or is that exaggerated', 'or is that spin',
    'fact or myth', 'myth or fact', 'myth or not', 'hoax or not', 'real or hoax', 'true or myth', 'is that how it works',
    'is this how it works', 'is that how that works',
    // Asking where it comes from: "…? where's that from", "source on that?".
    'where s that from', 'where is that from', 'where did you see that', 'where did you read that', 'where did you hear that',
    'where d you see that', 'where d you hear that', 'source on that', 'source for that', 'source on this', 'source for this',
    // Asking how to answer whoever told it: "how do I explain to him that's wrong?".
    'how do i explain', 'how do i convince', 'how can i explain', 'how can i convince', 'how do i tell him', 'how do i tell her',
    'how do i tell them', 'how do i tell my',
    'what do i tell', 'what should i tell', 'what do i say to', 'what should i say to', 'how do i respond', 'how should i respond',
    'what do i reply', 'how do i reply',
    // Asking what something said means: "I held my breath for 10 seconds without coughing, does that mean I don't have covid?".
    'does that mean', 'does this mean', 'does it mean', 'would that mean',
    'curious if', 'curious whether', 'tell me if', 'tell me whether', 'thoughts on', 'asking for a friend', 'asking for my',
    // A doubt tagged on as a question: "… or is that just a rumor?".
    'or is that just a rumor', 'or is it just a rumor', 'or is that a rumor', 'or is that a myth', 'or is it a myth',
    'or is that fake', 'or is this fake', 'or is it fake', 'or is that a hoax', 'or is it a hoax', 'or is that made up',
    'or nah', 'or is that cap', 'or is it cap',
    'or is that an old wives tale', 'or is it an old wives tale', 'or is that just an old wives tale', 'or is that a wives tale',
    'or is that just a myth', 'or is it just a myth', 'or is that just a hoax', 'or is that misinformation', 'or is that nonsense',
    'or is that a conspiracy theory', 'or is it a conspiracy theory',
    'i m not sure', 'im not sure', 'not sure but', 'who knows',
    'what do i do', 'what should i do', 'what should we do', 'what do we do',
    // "… does that actually work?", "has anyone heard about …??", "surely that's fake right?", "real or onion".
    'does that actually work', 'does it actually work', 'does this actually work', 'does that really work', 'does this really work',
    'do they actually work', 'do they really work', 'has anyone heard', 'anyone heard', 'anyone else heard',
    'fake right', 'a hoax right', 'a scam right', 'not true right', 'not real right', 'made up right', 'a myth right',
    'real or onion', 'onion or real', 'real or satire', 'satire or real', 'is this the onion', 'is that the onion',
    // "is the … thing real or photoshopped".
    'real or photoshopped', 'real or shopped', 'real or edited', 'real or staged', 'real or a hoax', 'real or ai', 'true or a hoax',
    'seen a real source', 'got a real source', 'have a real source', 'any proof', 'any evidence',
    // "morgan freeman dead?? is that confirmed anywhere", "… since when", "pls tell me thats not real", "any news on it".
    'is that confirmed', 'is this confirmed', 'is it confirmed', 'confirmed anywhere', 'since when', 'tell me that s not',
    // "fact check pls: …", "… surely that's forced perspective? anyone know", "… legit or shopped", "true or just a joke", "… that real? seems crazy".
    'fact check pls', 'fact check please', 'fact check plz', 'pls fact check', 'please fact check', 'fact check this', 'anyone know',
    'legit or', 'real or', 'true or', 'that real', 'this real', 'that true', 'this true',
    'tell me thats not', 'tell me it s not', 'tell me its not', 'any news on', 'any news about',
    'is that an actual thing', 'is this an actual thing', 'is it an actual thing',
    // "Someone sent my mother the … test. Does that actually tell you anything?"
    'does that actually', 'does this actually', 'does it actually', 'does that really', 'does this really', 'does it really',
    'is that actually', 'is this actually', 'is it actually',
    'tell you anything',
    'is any of it real', 'is any of it true', 'any of it true', 'any of that true', 'is any of that true',
    // "@admin can you check if this … is real before people keep sharing it?".
    'check if', 'check whether', 'verify if', 'verify whether', 'confirm if', 'confirm whether',
    // "somebody look up if that … ticket is an actual Ohio law", "can someone find out whether …".
    'look up if', 'look up whether', 'find out if', 'find out whether', 'look into whether', 'look into if',
    'is that confirmed', 'is this confirmed', 'confirmed anywhere', 'am i misremembering', 'or am i wrong', 'correct me if',
    'or is that a stretch', 'or is it a stretch', 'is that a real', 'is this a real', 'is it a real',
    // "— real or bs?", "real thing or chain email?", "legit or phishing?", "Is he right?", "can someone explain …".
    'real or bs', 'or bs', 'real thing or', 'legit or phishing', 'or is it one of those', 'or is that one of those', 'is he right',
    'is she right', 'are they right', 'any part of that real', 'any part of it real', 'or did he really', 'or did she really',
    'can someone explain', 'can anyone explain', 'tell me he didn t', 'tell me she didn t', 'tell me they didn t',
    // "please tell me thats not real", "legit or scam?".
    'tell me that s not', 'tell me thats not', 'tell me it s not', 'tell me its not', 'legit or scam', 'real or scam',
    'scam or legit', 'scam or real', 'legit or fake',
    // "Any doctors in this group who can confirm?", "Is this from an actual health authority?", "This can't be
    // real... can it?", "that sounds like the onion, somebody check", "… or is she just paranoid?".
    'who can confirm', 'anyone confirm', 'is this from an actual', 'is this from a real', 'is that from an actual',
    'is that from a real', 'is this official', 'is that official', 'can t be real can it', 'can t be true can it',
    'somebody check', 'someone check', 'or is she just', 'or is he just', 'or am i just', 'or are they just',
    // "how do I even respond to that", "has anyone actually verified this", "anyone got a source for this one".
    'how do i even', 'has anyone verified', 'has anyone actually verified', 'anyone verified', 'got a source', 'have a source',
    // "Has anyone seen confirmation of …?", "please tell me that's fake".
    'seen confirmation', 'any confirmation', 'tell me that s fake', 'tell me thats fake', 'tell me it s fake', 'tell me its fake',
    // "@Dr. Lim could you settle this, does garlic protect against the coronavirus or not".
    'settle this', 'settle it for',
    // "q for the admins: …?", "need a source before i believe that one", "… or is this a meme".
    'q for the admins', 'question for the admins', 'q for admins', 'question for admins', 'q for the mods', 'question for the mods',
    'need a source', 'or is this a meme', 'or is it a meme', 'or is that a meme', 'or just a meme',
    'did he really say', 'did she really say', 'did they really say', 'did he actually say', 'did she actually say',
  ],
} as const;

/**
 * Asking by "X不X" (or "X没X", Cantonese "X唔X"), wherever it is said: "蚊子会不会传播新冠", "盐水漱口能不能预防新冠",
 * "转发谣言犯不犯法", "跟群主有没有关系", "靠不靠谱".
 */
export const A_NOT_A = /([\u4e00-\u9fff])[不没唔冇]\1/gu;

/**
 * A message that opens by contradicting: "no, it wasn't a nuke", "no it's fake", "nope", "不对啊".
 * A bare "no" only before a stop or a pronoun: "No wonder…", "No joke, …", "No one talks about…",
 * "No idea if…", "No, seriously, …" go on to tell the rumor.
 */
export const OPENING_DENIAL =
  /^\s*(?:no(?=\s*(?:[,，.。!！:：;](?!\s*(?:seriously|really|honestly|listen|for real|trust me|wait|i'?m serious))|$)|\s+(?:it|its|that|thats|this|they|he|she|there|you)(?![a-z]))|nope|nah|no way|wrong|false|不对|不是的|假的)(?:[\s,，.。!！:：]|$)/iu;

/** Words that open an English question ("did he really …?", "is the video …?"). */
export const QUESTION_OPENERS: readonly string[] = [
  'is', 'are', 'was', 'were', 'did', 'does', 'do', 'has', 'have', 'had', 'can', 'could', 'will', 'would', 'should', 'who', 'what',
  'where', 'when', 'why', 'how', 'wait', 'heard', 'anyone', 'anybody', 'any',
  // Negative openers, with or without the apostrophe: "didnt trump trash obama in 2013 …?".
  'didnt', 'didn', 'isnt', 'isn', 'wasnt', 'wasn', 'doesnt', 'doesn', 'dont', 'don', 'arent', 'aren',
];

/**
 * Distrust of the refuters: "Snopes is paid to lie", "fact check is fake news", "别信官方辟谣".
 * The refutation words inside these speak for the rumor, not against it.
 */
export const DISTRUST = {
  zh: [
    /(?:别|不要|莫|勿|千万别|千万不要)(?:信|相信|听)(?:那些|什么|所谓|官方|他们)*的?(?:辟谣|澄清|官方|媒体|专家)/u,
    /所谓的?(?:辟谣|澄清)/u,
    /(?:辟谣|澄清)\S{0,4}(?:是假的|不可信|骗人|都是假|别信)/u,
    /(?:官方|专家|媒体)又?在?(?:骗人|撒谎|忽悠)/u,
    // "…千真万确，有图有真相，别被洗白了": insisting it is true, the denials a whitewash.
    /千真万确|有图有真相|别被洗白|被洗白了/u,
    // "别再说是谣言了", "视频是真的 别说是摆拍": telling others to stop calling it a rumor.
    /(?:别|不要|不许)再?(?:说|讲)(?:它|这|这个)?(?:是|成)?(?:谣言|假的|造谣|编的|摆拍|假新闻| ?p ?的)/u,
    // "专家辟谣也没用": the refutation waved away.
    /(?:辟谣|澄清)(?:也|都)?(?:没用|没有用|不可信|不能信|信不得)/u,
    // "网上说是假的都是公关": those who call it false are paid to.
    /(?:说|称)[^，。！？]{0,3}(?:假的|谣言|不实)[^，。！？]{0,3}(?:都是|是)(?:公关|水军|洗地|洗白|骗人)/u,
    // "说…是谣言的人，自己去查查": those who call it a rumor, told off.
    /(?:说|觉得|以为)[^，。！？]{0,40}(?:是谣言|是假的|不实)的(?:人|都)/u,
    // "官方说是谣言，但…", "网上说假的，我不信": the refutation reported, then dismissed.
    // Not "官方说是谣言，但还是有人信", which laughs at those who believe it.
    /(?:说|称|讲)(?:是|这是)?(?:谣言|假的|编的| ?p ?的|不实|辟谣了)[，,\s]*(?:(?:但是|但|可是|可)(?![还总]?是?有人|很多人|大家还|不少人)|其实|实际上|明明|我不信|我才不信|不信)/u,
    // "不管别人怎么辟谣": whatever the refuters say.
    /不管[^，。！？]{0,8}(?:辟谣|澄清|说是假的|说是谣言)/u,
    // "别听那些说是编的", "别管那些说假的": the refuters, not to be listened to.
    /(?:别|不要|莫|千万别|千万不要)(?:信|听|管|理|相信)(?:那些|别人|他们|有些人|有的人|网上|外面)?人?(?:说|讲|瞎说|乱说)(?:什么|的|是|成)?(?:谣言|假的|编的| ?p ?的|假新闻|不实|造谣)/u,
    // "谁说是谣言的出来", "说假的那些人根本没去过", "说是谣言的过两天就打脸", "…，还说是谣言".
    /(?:那些|谁|凡是|还)(?:说|讲|敢说)(?:是|这是|它是)?(?:谣言|假的|编的|假新闻| ?p ?的|不实)/u,
    /(?:说|讲)(?:是|这是|它是)?(?:谣言|假的|编的|假新闻| ?p ?的|不实)的?(?:那些|那帮|自己去|过两天|等着|出来|打脸)/u,
    // "虽然听着像编的", "虽然有人说是P的 我觉得是真的", "我知道听着像谣言 但是…": the doubt granted, then set aside.
    // Not "虽然是谣言，但还是要防蚊": a rumor granted is refuted.
    /(?:虽然|尽管)(?:有人|网上|官方|他们|别人|大家)?(?:说|都说|听着|听起来|看着|看起来|感觉)(?:像|很像|有点像)?(?:是|这是)?(?:谣言|编的|假的|假新闻| ?p ?的|离谱)/u,
    /(?:听着|听起来|看着|看起来)(?:像|很像|有点像)(?:是)?(?:谣言|编的|假的|假新闻|p ?的)(?:但是|但|可是|可|不过|其实)/u,
    // "辟谣有什么用 人都回来了", "说辟谣的都是在捂盖子"; not "辟谣有什么用，还是有人信", which laments the believers.
    /(?:辟谣|澄清)(?:有什么用|有啥用|顶什么用|管什么用)(?![还总照]?是?(?:有人|照样|该信|很多人|大家还|不少人))/u,
    /(?:辟谣|澄清)的?人?(?:都|也)?(?:是)?在?(?:捂盖子|洗地|公关|骗人|忽悠)/u,
    // "官方又出来否认了呵呵", "辟谣的说蚊子不传新冠，可是…", "别等官方通知了".
    /(?:官方|他们|政府|有关部门)又(?:出来)?(?:否认|辟谣|澄清)了?(?:呵呵|呵|嘿嘿|笑死)/u,
    /辟谣的人?(?:说|称).{0,30}?(?:可是|但是|但|可)(?![还总]?是?有人)/u,
    /(?:别|不要|不用)等(?:官方|辟谣|通知|官宣)/u,
  ],
  en: [
    /\b(?:don t|do not|never|stop) (?:trust|trusting|believe|believing|listen to|listening to) (?:the |what )?(?:snopes|fact ?check\w*|media|mods|msm|government|officials|debunk\w*)/,
    /\b(?:snopes|fact ?check\w*|fact ?checkers?|msm|media|mods|debunkers?)(?: \w+){0,2} (?:is|are) (?:paid|lying|liars|fake|biased|propaganda|bought|corrupt|controlled|a joke|wrong)/,
    /\bdebunked (?:lol|lmao|haha|my ass)/,
    /\bmods? debunked/,
    /\bso called (?:fact ?check\w*|debunk\w*)/,
    // "They say it's debunked but …": the refutation reported, to be waved away.
    /\b(?:say|says|said|claim|claims|call|calls|called) (?:it s |it |its |this |that )?(?:is |was )?(?:been )?(?:debunked|fake|fake news|a hoax|false|a myth|a conspiracy theory|misinformation|misinfo|a lie|nonsense|rubbish|a rumou?r),? but\b/,
    // "ppl saying the alibaba blood donation story is fake but no it actually happened".
    /\b(?:saying|claiming|calling)(?: [a-z0-9]+){1,8} (?:is|was|are|were) (?:debunked|fake|fake news|a hoax|false|a myth|a lie|nonsense|rubbish|a rumou?r|taken out of context|out of context|photoshopped|staged|made up),? (?:but|no)\b/,
    // "I don't care if you think it's nonsense, …", "they'll tell you it's misinformation", "don't let
    // anyone tell you it's fake", "the real misinformation is …", "Snopes won't tell you this but …".
    /\b(?:don t|do not) care (?:if|what|whether) (?:you|they|people|anyone)(?: \w+){0,3} (?:think|thinks|say|says|call|calls) (?:it s |it |its |this |that )?(?:is )?(?:nonsense|fake|a hoax|hoax|false|a myth|myth|a conspiracy theory|conspiracy theory|misinformation|misinfo|debunked|a lie|rubbish)/,
    /\b(?:they ll|they will|they re going to|they re gonna|people will|don t let (?:anyone|anybody|them|people)) tell you (?:that )?(?:it s |it is |its |this is |that s )?(?:a |an )?(?:nonsense|fake|a hoax|hoax|false|a myth|myth|a conspiracy theory|conspiracy theory|misinformation|misinfo|debunked|a lie|rubbish)/,
    /\bthe real (?:misinformation|misinfo|fake news|hoax|conspiracy|lie|myth) is\b/,
    /\b(?:snopes|fact ?check\w*|fact ?checkers?|media|msm|mods|government|officials|bbc|cnn|the news|mainstream news) (?:won t|wont|will not|don t|doesn t|do not|does not) (?:want you to know|tell you|tell u|report|show you|show u|show)/,
    // "stop calling it fake just because …", "people act like it's a conspiracy theory but …".
    /\bstop (?:calling|saying) (?:it s |it |this |that )?(?:is )?(?:fake|a hoax|a lie|false|a rumou?r|debunked|a myth|a conspiracy theory)/,
    // "people saying it's fake are just covering for the company".
    /\b(?:people|those|anyone|everyone|whoever)(?: who (?:say|says|said|call|calls))?(?: saying| calling)? (?:it s |it |its |it is |this is |this |that )?(?:is )?(?:fake|a hoax|hoax|a lie|false|a rumou?r|debunked|a myth)(?: are| is)(?: just| only)? (?:covering|lying|paid|shills|bots|wrong|in on it|protecting)/,
    // "… 😂😂 you can't make this up": it is true, the member says.
    /\byou can t make (?:this|that|it) (?:stuff |shit )?up\b/,
    /\b(?:act|acts|acting|pretend|pretends|pretending) like (?:it s |it is |its |this is |that s )?(?:a |an )?(?:fake|hoax|myth|lie|rumou?r|conspiracy theory|conspiracy|debunked|nonsense),? but\b/,
    // "I used to think it was a myth, but …": a refutation once believed, now dropped.
    // Not "sounds fake but is it?": the doubt kept, and asked about.
    /\b(?:thought|think|believed|assumed) (?:it was|it s|its|it is|this was|that was) (?:just )?(?:a |an )?(?:myth|hoax|fake|scam|made up|bs|conspiracy theory|conspiracy|false|nonsense|misinformation|rumou?r)(?: too| at first| as well| also)?,? but\b(?! (?:is|are|was|were|does|do|did|can|could|should|might|would) (?:it|this|that|they)\b)/,
    // "I know it sounds like a conspiracy theory but …", "sounds fake but isnt": the doubt granted, then set aside.
    /\b(?:sounds?|sounding|looks?|seems?) (?:like )?(?:a |an )?(?:total |complete )?(?:fake|fake news|conspiracy theory|conspiracy|hoax|scam|made up|rumou?r|myth|bs|nonsense)(?: [a-z]+){0,3}? but\b(?! (?:is|are|was|were|does|do|did|can|could|should|might|would) (?:it|this|that|they)\b)/,
    // "they keep calling it a myth but …", "the WHO says no but …", "fact checkers rated it misleading but …".
    /\b(?:saying|calling|claiming) (?:it s |it |its |this |that )?(?:is |was )?(?:a |an )?(?:debunked|fake|fake news|hoax|false|myth|conspiracy theory|misinformation|misinfo|lie|nonsense|rumou?r|scam),? but\b/,
    /\b(?:who|cdc|experts|doctors|government|officials|they|snopes|media) (?:says|say|said) no,? but\b/,
    /\b(?:rated|labeled|labelled|flagged|marked) (?:it |this |that )?(?:as )?(?:misleading|false|fake|a hoax|debunked|mostly false|satire)(?: [a-z]+){0,3}? but\b/,
    // "Snopes can debunk all they want", "the debunk is just spin", "ignore the debunked label".
    /\b(?:debunk|deny|denies|fact ?check) (?:it |this |that )?all (?:they|you|u|he|she) want/,
    /\b(?:the )?(?:debunk|debunking|fact ?check|denial|official denial|official story) (?:is|was) (?:just |all |pure |more )?(?:spin|propaganda|a lie|lies|bs|damage control|a cover ?up|cover ?up)\b/,
    /\bignore (?:the |those |these |any |all )?(?:ppl|people|haters|debunk\w*|fact ?check\w*|snopes|fake news|rumou?r)/,
    // "don't listen to the ppl saying it's fake", "they're trying to bury it by calling it a hoax".
    /\b(?:don t|do not|dont|never) (?:listen to|believe|trust) (?:the |those |these |any )?(?:ppl|people|ones|haters|folks|anyone|guys)(?: who)? (?:saying|say|says|calling|claiming|telling)/,
    /\b(?:bury|burying|cover|covering|hide|hiding|suppress|suppressing|discredit|discrediting)(?: [a-z]+){0,2} by (?:calling|saying|labeling|labelling|claiming)/,
    // "fake news my foot", "debunked my a**".
    /\b(?:fake news|fake|debunked|hoax|myth|rumou?r|misinformation|misinfo|false|conspiracy theory|out of context|satire) my (?:foot|ass|a|arse|butt|eye)\b/,
    // "they'll say it never happened", "they deny it but there are multiple sources".
    /\b(?:they ll|they will|they re going to|they re gonna|theyll) (?:say|claim|call it)(?: that)? (?:it s |it |its |this |that )?(?:never happened|fake|a hoax|false|a myth|debunked|a lie|misinformation|nonsense|a conspiracy theory)/,
    /\b(?:they|officials|the government|everyone) (?:deny|denied|denies) (?:it|this|that|everything)(?: [a-z]+)?,? but\b/,
  ],
} as const;

/** Urging others to pass it on: the member spreads it, whatever else they say. */
export const URGE = {
  zh: ['赶紧转发', '赶快转发', '快转发', '转发扩散', '扩散出去', '大家转一下', '请转发', '转起来', '速转', '求转发', '帮忙转发', '快扩散',
    // Passed on whatever its truth: "不知真假先转", "宁可信其有".
    '不知真假先转', '不知真假 先转', '先转了再说', '宁可信其有'],
  en: ['please share', 'share this', 'spread the word', 'forward this', 'pass it on', 'share before', 'share it before', 'sharing before',
    // Rhetorical questions and hedges that pass it on: "why is nobody talking about how …?".
    'why is nobody talking about', 'why is no one talking about', 'why isn t anyone talking about', 'how is nobody talking about',
    'how is no one talking about', 'better safe than sorry',
    // "… were lynched in oklahoma, why is this not on the news?"
    'why is this not on the news', 'why isn t this on the news', 'why is this not in the news', 'why isn t this in the news',
    'why isn t this being reported', 'why is nobody reporting', 'why is no one reporting', 'why is the media silent'],
} as const;

/** Asking whether two things are linked, as a claim that one causes the other says: "is there any link between 5g and covid?". */
const ASKS_ABOUT_A_LINK_EN = ['link between', 'links between', 'linked to', 'connection between', 'connected to', 'genuinely asking', 'serious question', 'honest question'];

/** English words that ask whether something is true by themselves ("is that a real thing", "legit?"). */
const VERACITY_WORDS_EN = ['true', 'truth', 'real', 'legit', 'accurate', 'fake', 'hoax'];

/**
 * A question phrase that asks whether something is true in its own words (readStance): about the
 * claim wherever it is said, unlike "does anyone know …", which may ask about a dentist. "Is there
 * anything to that", "who can confirm", "is this from an actual …" and "somebody check" ask about
 * what was just said, whatever their sentence says besides ("… or is she just paranoid?", "Any
 * doctors in this group who can confirm?", "that sounds like the onion, somebody check").
 */
export const VERACITY_CUE = new RegExp(`(?<![a-z])(?:${[...VERACITY_WORDS_EN, 'myth', 'onion', 'satire', 'anything to', 'confirm', 'confirmed', 'confirmation', 'official', 'really say', 'actually say', 'from an actual', 'from a real', 'somebody check', 'someone check'].join('|')})(?![a-z])`);

/**
 * A message asking whether something is true, or for it to be confirmed, in Chinese or English: the
 * matcher scores its asking sentences on their own too (see matcher.ts).
 */
export const ASKS_IF_TRUE = new RegExp(
  `真的|真假|靠谱|可信|属实|依据|根据|谣言|是不是|确认|求证|核实|会不会|能不能|有没有|真(?:不|没|能|会|有|要)|(?<![a-z])(?:${[...VERACITY_WORDS_EN, 'confirm', 'actually', 'really', ...ASKS_ABOUT_A_LINK_EN].join('|')})(?![a-z])`,
  'iu',
);

/** Terms (as tokenized) of words that only ask whether something is so, about whatever was said. */
export const ASKING_TERMS: ReadonlySet<string> = new Set([
  'anyon', 'anybodi', 'someon', 'somebodi', 'know', 'true', 'gui', 'pleas', 'pl', 'plz', 'tel', 'whether', 'real', 'legit',
  'actual', 'reali', 'sure', 'confirm', 'check', 'verifi', 'acur', 'corect', 'right', 'fact', 'wonder', 'ask', 'question',
  'explain', 'convinc', 'wrong',
  // Whom one asks for: "…?? asking for my mom".
  'friend', 'mother', 'father', 'parent', 'grandma', 'grandpa', 'aunt', 'uncl',
  // Whom one asks to answer: "Can a lawyer in here weigh in".
  'lawyer', 'doctor', 'expert', 'weigh', 'nurs', 'pharmacist', 'scientist', 'vet', 'who',
  // The doubt beside the asking: "sounds exaggerated but should I worry?".
  'sound', 'sem', 'exager', 'overblown',
  // "ok genuinely asking, is there any link between 5g and covid?".
  'ok', 'genuin', 'seriou', 'honest', 'link', 'conect', 'wait',
  // "can anyone send me something that explains if its true".
  'send', 'someth', 'articl',
  // "is that even real?"
  'even',
  // Doubts and worries asked about whatever was said: "Should I be worried or is it nonsense?".
  'worri', 'concern', 'believ', 'trust', 'nonsens', 'fake', 'hoax', 'myth', 'rumor', 'rumour', 'scam', 'bogu', 'reliabl', 'safe',
  // What one asks for: "anyone know if there's actual proof".
  'prof', 'evid', 'sourc', 'studi', 'scienc', 'scientif',
  // Function words as chat types them without an apostrophe: "does anyone know if thats true tho".
  'that', 'what', 'tho', 'u', 'ur',
  // "did that actually happen?", "does that actually do anything", "does it work".
  'hapen', 'anyth', 'work', 'fr',
]);
