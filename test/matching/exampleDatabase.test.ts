import { describe, expect, it } from 'vitest';
import { formatProblems, loadDebunks } from '../../src/debunks/loadDebunks.js';
import { actThresholdOf, SHIPPED_RULES_FILE } from '../../src/eval/actThreshold.js';
import { loadSettingsFile } from '../../src/rules/loadSettings.js';
import { generateCorpus } from '../../src/bench/generateCorpus.js';
import { createMatcher } from '../../src/matching/matcher.js';
import type { Matcher } from '../../src/matching/types.js';
import { debunk } from './fixtures.js';

/*
 * The database a new owner meets first (`npm start`): its own claims, the way members write them,
 * reach the act threshold; members naming the same places, people and things do not.
 */
const ACT = actThresholdOf();
const shipped = loadSettingsFile(SHIPPED_RULES_FILE);
if (!shipped.ok) throw new Error('rules/default.yaml does not load');
/** The shipped rules' `thresholds.answer`: questions are answered from it. */
const ANSWER = shipped.settings.thresholds.answer ?? ACT;
const loaded = await loadDebunks('rules/debunks');
if (!loaded.ok) throw new Error(formatProblems(loaded.problems));
const matcher = createMatcher(loaded.debunks);

/** The best match of `text` is `id`, at or above the act threshold. */
function expectActs(m: Matcher, text: string, id: string): void {
  const top = m.match(text).matches[0];
  expect(top?.debunkId).toBe(id);
  expect(top?.score).toBeGreaterThanOrEqual(ACT);
}

/** `text` is read as a question and answered with `id`, at or above the answer threshold; its score. */
function expectAnswers(m: Matcher, text: string, id: string): number {
  const result = m.match(text);
  expect(result.stance).toBe('question');
  expect(result.matches[0]?.debunkId).toBe(id);
  const score = result.matches[0]?.score ?? 0;
  expect(score).toBeGreaterThanOrEqual(ANSWER);
  return score;
}

/** Every match of `text` scores below `threshold` (ACT: nothing acts; ANSWER: nothing is even answered). */
function expectAllBelow(m: Matcher, text: string, threshold: number): void {
  for (const found of m.match(text).matches) expect(found.score).toBeLessThan(threshold);
}

/** 60 claims of the bench's generated database whose claim and variants all pass `keep` (one language). */
const generatedClaims = (keep: (text: string) => boolean) =>
  generateCorpus({ claims: 200, messages: 1 })
    .debunks.filter((d) => [d.claim, ...d.variants].every(keep))
    .slice(0, 60);

describe('rules/debunks: the shipped claims as members write them', () => {
  it.each([
    { given: 'spaced', text: '5 G towers spread the coronavirus', id: '5g-spreads-coronavirus' },
    { given: 'hyphenated, with a synonym', text: '5-G towers are spreading corona', id: '5g-spreads-coronavirus' },
    { given: 'other words', text: 'the new 5G masts are spreading covid', id: '5g-spreads-coronavirus' },
    { given: 'with "antennas" for "towers" (once 0.75)', text: 'FWD: URGENT!!! 5G antennas are spreading corona virus, turn off your phones at night', id: '5g-spreads-coronavirus' },
    { given: 'in traditional script', text: '5G基站傳播新冠', id: '5g-spreads-coronavirus' },
    { given: 'with digits for letters', text: '5G t0wers are spreading the c0r0navirus', id: '5g-spreads-coronavirus' },
    { given: 'retold in chat', text: '上海海滩那个走丢的小女孩是被她家里人故意扔掉的', id: 'shanghai-beach-girl-abandoned' },
    { given: 'passed on', text: '青浦有个幼儿园的老师在卖淫，大家转一下', id: 'qingpu-kindergarten-teacher' },
    { given: 'passed on with "大家转起来" (once 0.68)', text: '淡盐水漱口洗鼻子可以预防新冠，大家转起来', id: 'salt-water-prevents-infection' },
    { given: 'passed on with "please share with your family"', text: 'gargling with salt water prevents the coronavirus, please share this with your family', id: 'salt-water-prevents-infection' },
    { given: 'traditional, shortened', text: '上海顧村公園發生雷擊事件', id: 'gucun-park-lightning' },
    { given: 'retold', text: '谁发谣言谁负责，群主不用担责任', id: 'group-owner-not-responsible' },
    { given: 'retold closer to a variant than to the claim', text: '谁发谣言谁负责，群主不用管的', id: 'group-owner-not-responsible' },
    { given: 'in the first person', text: '我只是转发一下，又不是我编的，转发不犯法', id: 'forwarding-rumors-is-legal' },
    { given: 'reworded', text: '每隔15分钟喝一次热水，可以把病毒冲到胃里，胃酸会杀死病毒', id: 'hot-water-every-15-minutes' },
    { given: 'in other words', text: 'eating garlic protects you from the coronavirus', id: 'garlic-prevents-infection' },
    { given: 'abbreviated', text: "If you can hold your breath 10 secs without coughing you're covid free", id: 'hold-breath-10-seconds-test' },
    { given: 'without the country\'s name', text: 'Costa Rican bananas carry flesh-eating bacteria', id: 'bananas-flesh-eating-bacteria' },
    { given: 'reordered', text: 'forward this message to 10 contacts or whatsapp will start charging you', id: 'whatsapp-will-start-charging' },
    { given: 'with another number', text: 'WhatsApp will start charging unless you forward this message to 20 contacts', id: 'whatsapp-will-start-charging' },
    { given: 'with another number and "or" for "unless"', text: 'Forward this message to 15 contacts or WhatsApp will start charging', id: 'whatsapp-will-start-charging' },
    { given: 'with another number of seconds', text: "Hold your breath for 20 seconds without coughing and you don't have covid", id: 'hold-breath-10-seconds-test' },
    { given: 'with its number in Chinese numerals', text: '每隔十五分钟喝点热水，病毒就被冲到胃里杀死了', id: 'hot-water-every-15-minutes' },
    { given: 'shortened, with a word left out', text: '5-G causes covid!!! share before they delete this', id: '5g-spreads-coronavirus' },
    // Chinese words chat uses for the claim's.
    { given: 'with "雷劈" for "雷击"', text: '顾村公园今天被雷劈了，好几个人受伤', id: 'gucun-park-lightning' },
    { given: 'with "爸爸" for "父亲"', text: '走丢女孩的爸爸是继父', id: 'shanghai-beach-girl-stepfather' },
    { given: 'with "传染" for "传播"', text: '蚊子会传染新冠', id: 'mosquitoes-spread-coronavirus' },
    // Paraphrases the shipped variants cover.
    { given: 'with "the virus" and "is spreading"', text: "5G is spreading the virus, that's why they rolled it out during lockdown!!!", id: '5g-spreads-coronavirus' },
    { given: 'as "stops you from catching covid"', text: 'garlic stops you from catching covid, my grandpa swears by it', id: 'garlic-prevents-infection' },
    { given: 'as "can pass the coronavirus"', text: 'careful with the mosquitoes this summer, they can pass the coronavirus from person to person', id: 'mosquitoes-spread-coronavirus' },
    { given: 'with "海边", "爸妈" and "扔"', text: '听说上海那个在海边丢的小女孩，是她爸妈故意不要了扔那儿的', id: 'shanghai-beach-girl-abandoned' },
    { given: 'with "走丢" and "后爸"', text: '那个走丢女孩的爸爸是后爸，难怪不上心', id: 'shanghai-beach-girl-stepfather' },
    { given: 'as "kills the coronavirus"', text: 'gargle warm salt water, it kills the coronavirus before it reaches your lungs', id: 'salt-water-prevents-infection' },
    { given: 'in the passive', text: 'The coronavirus is being spread by 5G radiation', id: '5g-spreads-coronavirus' },
    { given: 'in its short form, in traditional script', text: '鹽水漱口可以預防新冠，我每天都漱', id: 'salt-water-prevents-infection' },
    { given: 'as the boiled garlic water cure', text: 'Boil 8 cloves of chopped garlic in 7 cups of water, drink it and the coronavirus is cured overnight. Old Chinese doctor confirmed', id: 'garlic-prevents-infection' },
    { given: 'as a warning with "也会"', text: '注意了！！蚊子也会传播新冠病毒，晚上睡觉一定要挂蚊帐，转给家里老人', id: 'mosquitoes-spread-coronavirus' },
    { given: 'as "Mosquitoes spread …" (once 0.73)', text: 'Mosquitoes spread the coronavirus too, so close your windows at night', id: 'mosquitoes-spread-coronavirus' },
    { given: 'as "caused by 5G"', text: 'Covid is caused by 5G radiation, wake up', id: '5g-spreads-coronavirus' },
  ])('GIVEN the claim $given THEN it acts with that claim', ({ text, id }) => {
    expectActs(matcher, text, id);
  });

  // A variant that negates something ("…, not a virus") would make every claim's "can't" retell it.
  it.each([
    { text: "5G towers can't spread the coronavirus, viruses don't travel on radio waves" },
    { text: "garlic won't prevent coronavirus infection" },
    // A variant with a word ending in "nt" ("account") and a "do not" inside a condition negates nothing.
    { text: 'WhatsApp has been free since 2016, no one is going to charge you for not forwarding' },
    { text: "WhatsApp won't charge you for not forwarding this message" },
  ])('GIVEN a shipped claim denied with a negated modal ($text) THEN it is read as refuting', ({ text }) => {
    expect(matcher.match(text).refuting).toBe(true);
  });

  // What the claim promises said with a negation, a warning ("don't eat them"), a denial word that asks to agree
  // ("isn't it funny how …"): each retells the claim, so the member is warned, not taken as refuting.
  it.each([
    { text: '每天早上用盐水漱漱口，洗洗鼻子，新冠就不会找上你，医生朋友说的', id: 'salt-water-prevents-infection' },
    { text: "WARNING: bananas from Costa Rica have necrotizing fasciitis bacteria, don't eat them for the next 3 weeks", id: 'bananas-flesh-eating-bacteria' },
    { text: 'my grandma eats raw garlic every morning and never caught covid. garlic prevents the virus, simple as that', id: 'garlic-prevents-infection' },
    { text: "I'm not saying 5G caused covid but isn't it funny how both showed up at the same time... the towers spread it, connect the dots", id: '5g-spreads-coronavirus' },
    { text: "How much garlic you eat doesn't matter, garlic prevents infection with the coronavirus anyway", id: 'garlic-prevents-infection' },
  ])('GIVEN a shipped claim passed on with a negated promise, a warning, a wink or an aside ($text) THEN it is read as spreading', ({ text, id }) => {
    const result = matcher.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.stance).toBe('spread');
  });

  it('GIVEN a shipped claim taken to an absurd end ("if garlic prevented covid Italy would have had zero cases") THEN it is read as mocking', () => {
    const result = matcher.match('If garlic prevented covid Italy would have had zero cases lol');
    expect(result.matches[0]?.debunkId).toBe('garlic-prevents-infection');
    expect(result.stance).toBe('mock');
  });

  it('GIVEN "transmit" for "spread" THEN the claim is found (it matched nothing before)', () => {
    const top = matcher.match('Mosquitoes can transmit covid, so use repellent!!').matches[0];
    expect(top?.debunkId).toBe('mosquitoes-spread-coronavirus');
  });

  it.each([
    { given: 'the park of a rumor', text: '上海顾村公园今天人好多' },
    { given: 'a computer virus', text: 'my computer caught a virus from some sketchy download' },
    { given: 'the flu spreading at school', text: "the flu virus is spreading at my kid's school" },
    { given: 'a cold caught from a coworker', text: 'I caught a cold from my coworker' },
    { given: 'other diseases mosquitoes carry', text: 'mosquitoes can carry malaria and dengue, use repellent when you travel' },
    { given: 'parents visiting Shanghai', text: '我爸妈这周末来上海看我' },
    { given: 'a lost girl found in a park', text: '小女孩在公园走丢了，幸好找到了' },
    // One side of a claim's verb: the thing, not what the claim says it does.
    { given: "the claim's bananas, praised (once 0.86)", text: 'Bananas imported from Costa Rica are the sweetest ones at our store' },
    { given: "the claim's drink and interval, in a marathon (once 0.94)", text: 'drinking warm water every 15 minutes during the marathon kept me going' },
    { given: "the claim's gargle, for a sore throat", text: 'gargling salt water really helps my sore throat' },
    { given: 'the park, with the weather', text: '今天上海下雨了，顾村公园人很少' },
    { given: 'a kindergarten teacher', text: '我女儿幼儿园老师今天表扬她了' },
    { given: 'the district and the kindergarten teachers of a rumor, praised', text: '青浦的幼儿园老师都挺负责的，我家孩子很喜欢' },
    { given: 'a new kindergarten in the district of a rumor', text: '青浦新开了一家幼儿园，老师都是研究生' },
    { given: 'the beach', text: '上海海滩周末人太多了，不想去' },
    { given: '5G at home', text: 'my phone finally has 5G coverage at home' },
    { given: 'garlic for dinner', text: 'I love garlic bread with pasta' },
    { given: 'mosquitoes in summer', text: '蚊子太多了，晚上睡不着' },
    { given: 'the remedy of a rumor for a sore throat, nothing of what it claims it does (once 0.94)', text: '嗓子疼，医生让我用淡盐水漱漱口' },
    { given: 'mosquito bites that itch', text: '蚊子叮咬的包太痒了，涂什么药好' },
    { given: 'an ordinary forward', text: 'forward this to everyone in the class: the exam moved to friday' },
    { given: 'a generic safety post', text: 'Safety always comes first. Do not panic and stay safe. #CoronaAlert' },
    { given: 'holding one\'s breath for another number of seconds', text: 'I hold my breath when I swim underwater, can do like 40 seconds' },
    { given: '5G towers spreading coverage', text: '5G towers spread coverage across the whole valley' },
    { given: 'a trip to the country of a rumor', text: 'Costa Rica trip was amazing, bananas everywhere' },
    { given: 'the man of a chain letter paying for something else', text: 'Bill Gates will pay for my coffee lol, he is rich enough' },
    { given: 'the drink of a rumor without its number', text: 'I drink hot water every morning, helps my stomach' },
    { given: 'a claim\'s everyday words and its number, without its point', text: "hold on, give me 10 seconds, I'm coughing like crazy" },
    { given: 'the app of a rumor charging, without its number', text: "whatsapp business will start charging companies for some messages, it's in the news" },
  ])('GIVEN $given THEN nothing acts', ({ text }) => {
    expectAllBelow(matcher, text, ACT);
  });

  // Questions are answered from a lower score (thresholds.answer, 0.4): a question about the place
  // or the thing a claim names, not about the claim, must stay below even that.
  it.each([
    { given: 'enrolling at a kindergarten in the district of a rumor (once 0.75, answered)', text: '青浦新开的那家幼儿园报名要排队吗？' },
    { given: 'a good kindergarten in that district (once 0.93, answered)', text: '青浦有什么好的幼儿园吗？孩子明年要上了' },
    { given: 'the blossom in the park of a rumor (once 0.50, answered)', text: '周末去顾村公园看樱花吗？人应该很多' },
  ])('GIVEN a question about $given THEN it is not answered', ({ text }) => {
    const found = matcher.match(text);
    expect(found.stance).toBe('question');
    for (const m of found.matches) expect(m.score).toBeLessThan(ANSWER);
  });

  it.each([
    { given: 'asks whether it is so', text: '顾村公园是不是被雷劈了？', id: 'gucun-park-lightning' },
    { given: 'asks whether it is true', text: '青浦那个幼儿园老师的事是真的吗？', id: 'qingpu-kindergarten-teacher' },
  ])('GIVEN a question that names only what a claim is about and $given THEN it is answered', ({ text, id }) => {
    const found = matcher.match(text);
    expect(found.stance).toBe('question');
    expect(found.matches[0]?.debunkId).toBe(id);
    expect(found.matches[0]?.score).toBeGreaterThanOrEqual(ANSWER);
  });
});

// Found by hand-written chat batteries: each was misread (a member struck for refuting or asking, a
// spreader let off, a retelling only logged) until the change its comment names.
describe('rules/debunks: members who refute, mock or ask in their own words', () => {
  it.each([
    // Refutation words chat uses: "is garbage", "that's a rumour", "chain emails", "no case has ever".
    { text: 'the "hold your breath for 10 seconds" test is garbage. plenty of people with covid have zero breathing problems early on', id: 'hold-breath-10-seconds-test', stance: 'refute' },
    { text: 'the banana necrotizing fasciitis thing is one of the oldest chain emails on the internet. no case has ever been linked to bananas', id: 'bananas-flesh-eating-bacteria', stance: 'refute' },
    { text: "people saying the little girl lost on the shanghai beach was abandoned on purpose — that's a rumour", id: 'shanghai-beach-girl-abandoned', stance: 'refute' },
    // Any preventing verb denied, for a claim that something prevents a harm.
    { text: "sorry but gargling salt water won't stop you getting covid. nice for a sore throat, that's all", id: 'salt-water-prevents-infection', stance: 'refute' },
    { text: 'whoever started the "forward to 10 people or whatsapp charges you" thing deserves a medal for trolling', id: 'whatsapp-will-start-charging', stance: 'mock' },
    // Asking: a doubt tagged "right?", asking for proof, "does that actually work?", "has anyone heard".
    { text: "my dad got an email saying bill gates pays you for every forward. surely that's fake right?", id: 'bill-gates-pays-for-forwarding', stance: 'question' },
    { text: "my mother in law says gargle salt water twice a day and you won't catch corona. anyone know if there's actual proof", id: 'salt-water-prevents-infection', stance: 'question' },
    { text: 'my grandpa drinks hot water every fifteen minutes because of a video he saw saying it kills the virus. does that actually work?', id: 'hot-water-every-15-minutes', stance: 'question' },
    { text: 'hey has anyone heard about bananas with flesh-eating bacteria?? should i throw out the ones i just bought', id: 'bananas-flesh-eating-bacteria', stance: 'question' },
    { text: '顾村公园被雷劈的新闻有人看到吗，我怎么搜不到', id: 'gucun-park-lightning', stance: 'question' },
    { text: '我爸说每隔15分钟喝热水病毒就被胃酸杀了 这个有科学依据不', id: 'hot-water-every-15-minutes', stance: 'question' },
    // A plea ending on "好吗" asks nothing: its "恶意谣言" refutes.
    { text: '网信办通报的恶意谣言里就有阿里巴巴献血事件，大家转之前先看看权威渠道好吗', id: 'alibaba-blood-donation-incident', stance: 'refute' },
    // Round two: asking after a lead-in ("random q but can …?"), "thats" typed without its apostrophe,
    // "is any of it real", "is that a real thing" after other words, 吗 before a space.
    { text: 'random q but can mosquitoes pass covid from one person to another? got loads of bites at the bbq', id: 'mosquitoes-spread-coronavirus', stance: 'question' },
    { text: 'ppl on weibo are saying the father of that girl from the shanghai beach isnt her real dad. does anyone know if thats true?', id: 'shanghai-beach-girl-stepfather', stance: 'question' },
    { text: "has anyone seen that thing going round about a kindergarten teacher in qingpu doing sex work? is any of it real, my kid's school is near there", id: 'qingpu-kindergarten-teacher', stance: 'question' },
    { text: '5G towers spread the coronavirus, someone posted it in the carpool chat, is that a real thing', id: '5g-spreads-coronavirus', stance: 'question' },
    { text: '顾村公园真的被雷劈了吗 我周末还想去', id: 'gucun-park-lightning', stance: 'question' },
    // "nobody has ever", the claim quoted then laughed at, "不是这样的", a plea "查查好吗" after "是谣言".
    { text: 'that banana email is from like 2000 lol, the CDC looked into it ages ago and nobody has ever got flesh eating disease from a banana. eat ur fruit', id: 'bananas-flesh-eating-bacteria', stance: 'refute' },
    { text: '"nobody gets punished for online rumours" lol the police dealt with like 25k people for it in one year and shut down 160k accounts', id: 'online-rumors-never-punished', stance: 'mock' },
    { text: '@群主 不是这样的哈 网信办有规定 建群的和管理员都得履行管理责任 群里有人发谣言群主也跑不掉', id: 'group-owner-not-responsible', stance: 'refute' },
    { text: '青浦幼儿园老师卖淫那个是谣言 网信办已经辟谣了 转之前查查好吗', id: 'qingpu-kindergarten-teacher', stance: 'refute' },
    // Round three: "Does that actually tell you anything?" about the claim just told, "malicious rumor", "is just silly".
    { text: 'Someone sent my mother the "hold your breath for ten seconds" covid test. Does that actually tell you anything?', id: 'hold-breath-10-seconds-test', stance: 'question' },
    { text: 'The Qingpu kindergarten teacher prostitution story was officially declared a malicious rumor and the accounts behind it were punished. Forwarding it hurts a real person.', id: 'qingpu-kindergarten-teacher', stance: 'refute' },
    { text: 'The virus spread in places with no 5G at all. Saying 5G towers spread the coronavirus is just silly.', id: '5g-spreads-coronavirus', stance: 'refute' },
    // Round four: an old hoax "going round since 2000", a disbelieving "怎么可能".
    { text: 'That Costa Rica banana email has been going round since like 2000 lol. CDC looked into it, nothing. Eat your bananas', id: 'bananas-flesh-eating-bacteria', stance: 'refute' },
    { text: "Relax admins, if someone drops fake news in here that's on them, not on whoever runs the group 🤷", id: 'group-owner-not-responsible', stance: 'spread' },
    // Round five: a denial before a word of the claim outside the matched words; a Chinese "cannot" anywhere.
    { text: "5G doesn't spread viruses Gary. Iran had a huge outbreak with basically no 5G. radio waves don't carry germs", id: '5g-spreads-coronavirus', stance: 'refute' },
    { text: '每隔15分钟喝热水就能把病毒冲进胃里？病毒是从呼吸道感染的，多喝水是好事但防不了新冠', id: 'hot-water-every-15-minutes', stance: 'refute' },
    // "ride" is the claim's "travel": "Viruses can't ride on radio waves" denies "… travels through 5G radio waves".
    { text: "Viruses can't ride on radio waves. Covid spread just fine in countries with no 5G at all.", id: '5g-spreads-coronavirus', stance: 'refute' },
    // Round six: "编得太离谱了" after the claim asked back.
    { text: '蚊子叮咬会传播新冠病毒？编得太离谱了', id: 'mosquitoes-spread-coronavirus', stance: 'refute' },
    // Spreading: "fake news" as what someone posts, "never" before what the claim itself denies, a rhetorical "哪抓得过来".
    { text: "relax admin, if someone posts fake news in here it's on them, not on you. the group owner is never responsible for what members post", id: 'group-owner-not-responsible', stance: 'spread' },
    { text: '网上传个谣根本没人管好吧，那么多人哪抓得过来', id: 'online-rumors-never-punished', stance: 'spread' },
    // Round seven: "编出来的", "根本没发生过", "别再传"; the claim quoted, then answered back ("— wrong",
    // "ok so"); "not some" right before the claim; "这也信"; an old picture ("好几年前…拍的", "is from
    // years ago"); "半毛钱关系没有"; "isn't a defence".
    { text: '阿里巴巴献血事件是编出来的，根本没发生过，别再传了', id: 'alibaba-blood-donation-incident', stance: 'refute' },
    { text: `"admins aren't responsible for rumors members post in the group" — wrong, group owners have a duty to manage what goes on in their groups`, id: 'group-owner-not-responsible', stance: 'mock' },
    { text: '"5G towers spread the coronavirus" ok so how did it reach cruise ships in the middle of the ocean', id: '5g-spreads-coronavirus', stance: 'mock' },
    { text: "covid was everywhere before the masts went up, it's a virus, not some 5G towers spreading the coronavirus", id: '5g-spreads-coronavirus', stance: 'refute' },
    { text: '蚊子叮咬会传播新冠病毒？😂这也信', id: 'mosquitoes-spread-coronavirus', stance: 'mock' },
    { text: '顾村公园被雷击那张照片是好几年前别的地方拍的', id: 'gucun-park-lightning', stance: 'refute' },
    { text: '每15分钟喝一次热水杀病毒？跟杀病毒半毛钱关系没有', id: 'hot-water-every-15-minutes', stance: 'refute' },
    { text: `that pic of a 5G tower "spreading the coronavirus" is from years ago, it's a normal phone mast`, id: '5g-spreads-coronavirus', stance: 'refute' },
    // Asking: "real or staged", "lol is that … real" without its mark, ", is the group owner …?" after an "if" clause.
    { text: 'is that clip of 5G towers spreading the coronavirus real or staged', id: '5g-spreads-coronavirus', stance: 'question' },
    { text: 'lol is that story about mosquitoes spreading the coronavirus real', id: 'mosquitoes-spread-coronavirus', stance: 'question' },
    { text: 'if someone posts a rumor in the group, is the group owner responsible too?', id: 'group-owner-not-responsible', stance: 'question' },
    // Spreading: a refutation word the member negates ("it is not fake") is not theirs anywhere in the message.
    { text: 'people keep saying the alibaba blood donation incident was fake. it is not fake, it really happened', id: 'alibaba-blood-donation-incident', stance: 'spread' },
    // Round eight (three more batteries): a threat to whom "doesn't forward" is no denial; the claim
    // quoted then called "wrong"; an emphatic "do get punished" against a claim that nobody does; "won't
    // keep … away" for a claim that something prevents; "yeah and my …"; "officially refuted", "old
    // footage from"; asking "can you check if", "is that actually reliable?", Cantonese "係咪真㗎", "真定假",
    // "tell me thats not real", "legit or scam?"; a denial about oneself ("I didnt post it"); the refuters
    // reported then waved away ("saying … is fake but"); "多久都" is no question; "哪个被处理了" asks
    // rhetorically; "真不是说说" insists.
    { text: `From WhatsApp: accounts that don't forward this message to 10 contacts will be charged. Pass it on`, id: 'whatsapp-will-start-charging', stance: 'spread' },
    { text: '"group owners are not responsible for rumors members post" is wrong, owners have a duty to manage their groups', id: 'group-owner-not-responsible', stance: 'refute' },
    { text: 'people absolutely do get punished for spreading rumors online, the police fine thousands every year', id: 'online-rumors-never-punished', stance: 'refute' },
    { text: `@sam eating garlic won't keep the coronavirus away, get vaccinated instead`, id: 'garlic-prevents-infection', stance: 'refute' },
    { text: 'lol 5g spreading the coronavirus. yeah and my microwave gives me the flu', id: '5g-spreads-coronavirus', stance: 'mock' },
    { text: `the Gucun Park lightning strike was officially refuted, it's old footage from another city`, id: 'gucun-park-lightning', stance: 'refute' },
    { text: '@admin can you check if this Alibaba blood donation incident is real before people keep sharing it?', id: 'alibaba-blood-donation-incident', stance: 'question' },
    { text: `my dad held his breath for 10 seconds, didn't cough, and says he doesn't need a test. is that actually reliable?`, id: 'hold-breath-10-seconds-test', stance: 'question' },
    { text: `as long as I didnt post it myself I'm fine, whoever sends it is responsible, the group owner has nothing to do with it`, id: 'group-owner-not-responsible', stance: 'spread' },
    { text: 'ppl saying the alibaba blood donation incident is fake but no it actually happened', id: 'alibaba-blood-donation-incident', stance: 'spread' },
    { text: '進口香蕉有食肉細菌係咪真㗎', id: 'bananas-flesh-eating-bacteria', stance: 'question' },
    { text: '阿里巴巴献血事件系真定假', id: 'alibaba-blood-donation-incident', stance: 'question' },
    { text: '憋气10秒不咳嗽就没感染新冠是假的 很多感染者根本没症状 憋多久都测不出来', id: 'hold-breath-10-seconds-test', stance: 'refute' },
    { text: '网上谣言满天飞 你见过哪个被处理了 根本没人管的好吧', id: 'online-rumors-never-punished', stance: 'spread' },
    { text: '多喝热水真不是说说 每15分钟喝一次 病毒进胃里就被胃酸杀死了', id: 'hot-water-every-15-minutes', stance: 'spread' },
    { text: 'mosquito bites spread the coronavirus?? please tell me thats not real', id: 'mosquitoes-spread-coronavirus', stance: 'question' },
    // Round nine: "you keep saying …", "if that were true", "won't flush the virus" ("flush" is the claim's
    // "wash"), "stop calling it fake", "千真万确…别被洗白了", "act like it's a conspiracy theory but",
    // "wait is the … thing true", "garlic prevent corona?" (a few words and one mark ask).
    { text: 'Uncle, you keep saying nobody gets punished for spreading rumors online. The police publish cases every week.', id: 'online-rumors-never-punished', stance: 'refute' },
    { text: `Bill Gates paying you for every forward 🤣 if that were true I'd have bought a house by now`, id: 'bill-gates-pays-for-forwarding', stance: 'mock' },
    { text: `Nurse here. Drinking water every 15 minutes won't flush the virus into your stomach where the acid kills it`, id: 'hot-water-every-15-minutes', stance: 'refute' },
    { text: 'The Alibaba blood donation incident definitely happened, stop calling it fake just because it makes a big company look bad', id: 'alibaba-blood-donation-incident', stance: 'spread' },
    { text: '阿里巴巴献血事件千真万确，有图有真相，别被洗白了', id: 'alibaba-blood-donation-incident', stance: 'spread' },
    { text: 'wait is the 5G towers spreading the coronavirus thing true lmao', id: '5g-spreads-coronavirus', stance: 'question' },
    { text: `people act like it's a conspiracy theory but 5G towers spread the coronavirus, look it up`, id: '5g-spreads-coronavirus', stance: 'spread' },
    { text: 'garlic prevent corona?', id: 'garlic-prevents-infection', stance: 'question' },
    // Round ten: "the WHO debunked it" is no relative clause; a few words with one "?" ask ("… kills the
    // virus?"); "did that actually happen"; "岂不是"; Cantonese "冇人会被罚" keeps the claim's negation;
    // "别想太美"; "if … could …, every single person would have …"; "still waiting for my money";
    // "what could go wrong"; "…, did … actually happen" after a clause; "is that confirmed"; the media
    // "won't show you this" (spreading); "serious question, can you …".
    { text: '5G towers spread the coronavirus, the WHO debunked it', id: '5g-spreads-coronavirus', stance: 'refute' },
    { text: 'drinking hot water every 15 mins kills the virus?', id: 'hot-water-every-15-minutes', stance: 'question' },
    { text: 'Costa Rica bananas carry flesh-eating bacteria?', id: 'bananas-flesh-eating-bacteria', stance: 'question' },
    { text: 'My aunt says there was a lightning strike at Gucun Park yesterday. Anyone know if that actually happened?', id: 'gucun-park-lightning', stance: 'question' },
    { text: '淡盐水漱口要是能预防新冠，那天天泡海里的人岂不是都免疫了', id: 'salt-water-prevents-infection', stance: 'mock' },
    { text: '網上傳個謠言而已，從來冇人會被罰', id: 'online-rumors-never-punished', stance: 'spread' },
    { text: '群里有人发谣言谁发谁负责？群主放任不管也要担责的，别想太美', id: 'group-owner-not-responsible', stance: 'refute' },
    { text: 'If mosquitoes could spread the coronavirus, every single person would have caught it last summer', id: 'mosquitoes-spread-coronavirus', stance: 'mock' },
    { text: 'forwarded that Bill Gates email to everyone, still waiting for my money lol', id: 'bill-gates-pays-for-forwarding', stance: 'mock' },
    { text: `great, so I'll just hold my breath for 10 seconds without coughing instead of a covid test, what could go wrong`, id: 'hold-breath-10-seconds-test', stance: 'mock' },
    { text: '@jason you work in Hangzhou, did the Alibaba blood donation incident actually happen', id: 'alibaba-blood-donation-incident', stance: 'question' },
    { text: 'someone says the father of the girl lost on the Shanghai beach is her stepfather, is that confirmed anywhere?', id: 'shanghai-beach-girl-stepfather', stance: 'question' },
    { text: `5G towers spread the coronavirus, the media won't show you this`, id: '5g-spreads-coronavirus', stance: 'spread' },
    { text: 'serious question, can you get in trouble just for forwarding a rumor in a group chat', id: 'forwarding-rumors-is-legal', stance: 'question' },
    // Round eleven: "we'd all have had it by now"; "骗局"; "去年就有人传过一次了"; a question after an address
    // ("question for the admins: if …, are you …?"); a claim that negates retold with another word
    // ("aren't liable" for "not responsible", the only denial); "看看是不是…" tells others to check, it
    // does not ask; "is not a covid test" still denies.
    { text: `lmao if 5G towers spread the coronavirus we'd all have had it by now`, id: '5g-spreads-coronavirus', stance: 'mock' },
    { text: '转发邮件比尔盖茨就给钱？这个骗局九十年代就有了', id: 'bill-gates-pays-for-forwarding', stance: 'refute' },
    { text: '又来了，顾村公园被雷劈，去年就有人传过一次了', id: 'gucun-park-lightning', stance: 'refute' },
    { text: 'question for the admins: if someone spreads a rumor in the group, are you responsible too or only the person who posted?', id: 'group-owner-not-responsible', stance: 'question' },
    { text: `Group owners aren't liable for rumors members post in the group, that's just how it works`, id: 'group-owner-not-responsible', stance: 'spread' },
    { text: '转：青浦一名幼儿园老师从事卖淫被查，赶紧看看是不是你家孩子的老师', id: 'qingpu-kindergarten-teacher', stance: 'spread' },
    { text: 'holding your breath for 10 seconds is not a covid test, lots of infected people have no symptoms', id: 'hold-breath-10-seconds-test', stance: 'refute' },
    // Round twelve: "好几年前就在传了", "八竿子打不着"; "I give up" is a spreader's sigh, not disbelief; "you can't
    // make this up" insists; a purpose ("so people don't realize") is no denial; 屏住呼吸 is 憋气; "动动脑子";
    // "just a caption someone slapped on".
    { text: '有人说顾村公园发生了雷击事件，那视频好几年前就在传了，跟顾村八竿子打不着', id: 'gucun-park-lightning', stance: 'refute' },
    { text: '5G towers spread the coronavirus and nobody is doing anything about it, I give up honestly', id: '5g-spreads-coronavirus', stance: 'spread' },
    { text: `WhatsApp will start charging unless you forward this message to 10 contacts 😂😂 you can't make this up`, id: 'whatsapp-will-start-charging', stance: 'spread' },
    { text: `Bill Gates will pay you for every person you forward this email to, they keep it quiet so people don't realize`, id: 'bill-gates-pays-for-forwarding', stance: 'spread' },
    { text: '屏住呼吸10秒不咳嗽就说明没有感染新冠，每天早上测一下', id: 'hold-breath-10-seconds-test', stance: 'spread' },
    { text: '5G基站会传播新冠病毒？各位动动脑子', id: '5g-spreads-coronavirus', stance: 'mock' },
    { text: 'that 5G towers spreading the coronavirus video is just a caption someone slapped on a tower fire', id: '5g-spreads-coronavirus', stance: 'refute' },
    // Round thirteen: "is there ANY truth to it", "is that a real story?", "… chain again. delete it",
    // "Not punished? …" asked back, "要是…的人都不会感染了".
    { text: 'My aunt keeps sending me videos saying the 5G masts are spreading covid. Is there ANY truth to it or is she losing it', id: '5g-spreads-coronavirus', stance: 'question' },
    { text: 'The bananas from Costa Rica that carry flesh-eating bacteria, is that a real story?', id: 'bananas-flesh-eating-bacteria', stance: 'question' },
    { text: 'Not punished? Tons of people get fined or detained every year for spreading rumors online.', id: 'online-rumors-never-punished', stance: 'refute' },
    // Round fourteen: "real or bs?", an urging someone else made ("我爸让我赶紧转发"), "那他早破产了", "有用没，
    // 还是…", "by that logic …", "can someone explain … or is it one of those …", "not if it's fake".
    { text: 'hot water every 15 min kills the virus in your stomach — real or bs?', id: 'hot-water-every-15-minutes', stance: 'question' },
    { text: 'WhatsApp真的要收费吗？我爸让我赶紧转发给十个人', id: 'whatsapp-will-start-charging', stance: 'question' },
    { text: '比尔盖茨转发一次就给你钱？那他早破产了', id: 'bill-gates-pays-for-forwarding', stance: 'mock' },
    { text: '盐水漱口预防新冠到底有用没，还是心理安慰', id: 'salt-water-prevents-infection', stance: 'question' },
    { text: 'hold your breath 10 seconds without coughing = no covid. by that logic my swimming coach is immortal', id: 'hold-breath-10-seconds-test', stance: 'mock' },
    { text: 'Can someone explain the Alibaba blood donation incident? Like did it actually happen or is it one of those made up stories', id: 'alibaba-blood-donation-incident', stance: 'question' },
    { text: `Do bananas imported from Costa Rica really carry flesh-eating bacteria? Want to warn the neighbours but not if it's fake`, id: 'bananas-flesh-eating-bacteria', stance: 'question' },
    { text: 'got a message saying whatsapp will start charging unless you forward it to 10 contacts, legit or scam?', id: 'whatsapp-will-start-charging', stance: 'question' },
    // A QA pass: Chinese disbelief said outright, a traditional "嗎" with no mark, a claim's word put
    // aside ("not covid"), a member's own case against a preventing claim — each struck before.
    { text: '我不信5G基站会传播新冠病毒，太扯了', id: '5g-spreads-coronavirus', stance: 'mock' },
    { text: '我才不相信5G基站会传播新冠病毒呢', id: '5g-spreads-coronavirus', stance: 'mock' },
    { text: '谁还信5G基站会传播新冠病毒啊', id: '5g-spreads-coronavirus', stance: 'mock' },
    { text: '5G基站會傳播新冠病毒嗎', id: '5g-spreads-coronavirus', stance: 'question' },
    { text: 'Mosquitoes spread dengue, not covid, but wear repellent anyway', id: 'mosquitoes-spread-coronavirus', stance: 'refute' },
    { text: 'I caught covid even though I ate garlic every day', id: 'garlic-prevents-infection', stance: 'refute' },
  ])('GIVEN "$text" THEN the stance is $stance', ({ text, id, stance }) => {
    const result = matcher.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.matches[0]?.score).toBeGreaterThanOrEqual(stance === 'question' ? ANSWER : ACT);
    expect(result.stance, result.stanceCues.join(', ')).toBe(stance);
  });

  it.each([
    // "the virus" beside the claim's verb says its "coronavirus" (capped as one side of the claim before).
    { text: 'just heard on a voice note that salt water gargles kill the virus in the throat before it reaches your lungs, been doing it 3x a day. do it guys', id: 'salt-water-prevents-infection' },
    // Chat's words for the claim's: "stepdad" for "stepfather", "dad" for "father".
    { text: 'apparently the "dad" in that shanghai beach case is only her stepdad, that explains why he wasnt watching her smh', id: 'shanghai-beach-girl-stepfather' },
    // Chinese variants the example database lacked.
    { text: '进口香蕉里有噬肉细菌，超市那种便宜的别买了，我朋友圈都在传，小心点', id: 'bananas-flesh-eating-bacteria' },
    { text: '比尔盖茨在搞测试，每转发一个人给你几块美金，我已经转了二十几个了😂 你们也转', id: 'bill-gates-pays-for-forwarding' },
    { text: '卧槽 青浦那个幼师卖淫的事是真的，我同事邻居家孩子就在那个园', id: 'qingpu-kindergarten-teacher' },
    { text: '刚上班就收到我妈发的：每隔一刻钟喝点热水，病毒进了胃就被胃酸弄死了。赶紧转给家人🙏🙏', id: 'hot-water-every-15-minutes' },
    { text: '放心发，网上说两句又不会被罚，哪有警察闲得管这个🤷', id: 'online-rumors-never-punished' },
    // An adverb between the claim's words, and a line after it (0.68, logged only, before).
    { text: '蚊子叮咬也会传播新冠病毒！大家晚上睡觉记得挂蚊帐！！', id: 'mosquitoes-spread-coronavirus' },
    // "the virus" for the claim's "coronavirus" (0.75, logged only, before: real-client QA).
    { text: 'If you can hold your breath for 10 seconds without coughing, you dont have the virus. Try it now', id: 'hold-breath-10-seconds-test' },
    // Misspelled as chat spells (no match before).
    { text: '5g towrs sprd the corona virus!!!', id: '5g-spreads-coronavirus' },
    { text: 'eatin garlik prevent infektion of covid', id: 'garlic-prevents-infection' },
    // A contrast that puts something else aside, not the claim's word.
    { text: 'Mosquitoes spread covid too, not just dengue', id: 'mosquitoes-spread-coronavirus' },
    { text: '5G towers spread the coronavirus, not the flu', id: '5g-spreads-coronavirus' },
  ])('GIVEN the spread "$text" THEN it acts with its claim, as spreading', ({ text, id }) => {
    const result = matcher.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.matches[0]?.score).toBeGreaterThanOrEqual(ACT);
    expect(result.stance).toBe('spread');
  });

  it('GIVEN a question whether a claim is true followed by chatter THEN the asking sentence is scored on its own too, and it is answered (0.22 with the chatter)', () => {
    expectAnswers(matcher, '进口香蕉带食肉菌这个是真的吗？我刚买了一大把😰', 'bananas-flesh-eating-bacteria');
  });

  it('GIVEN a disbelieving "怎么可能" THEN no strike (read as spreading before, at 0.76)', () => {
    const result = matcher.match('5G基站怎么可能传播新冠病毒，没有5G的国家照样有疫情好吧');
    expect(result.matches[0]?.debunkId).toBe('5g-spreads-coronavirus');
    expect(result.stance).toBe('mock');
  });

  it('GIVEN a question about the app of a chain letter being down ("my messages won\'t send") THEN it is not answered (once 0.85)', () => {
    // "message" and "send" are everyday words: only the app's name was the claim's.
    expectAllBelow(matcher, "Anyone else's WhatsApp down right now? My messages won't send.", ANSWER);
  });

  it('GIVEN news about the app of a chain letter ("WhatsApp pushed an update") THEN it is not acted on', () => {
    // Beside chat-dev's 92 claims it acted (0.82, a strike) until "WhatsApp", opening the claim, was read
    // as a name (phraseIndex.test.ts): none of the claim's other words are said.
    for (const m of matcher.match('WhatsApp pushed an update, you can now edit messages for 15 minutes after sending them').matches) {
      expect(m.score).toBeLessThan(ACT);
    }
  });

  it('GIVEN an "isn\'t a defence" answer to the claim quoted THEN no strike', () => {
    const result = matcher.match(`"I only forwarded it, I didn't write it" isn't a defence, forwarding can get you fined too`);
    expect(result.matches[0]?.debunkId).toBe('forwarding-rumors-is-legal');
    expect(result.stance).toBe('refute');
  });

  // Two words of a claim are too few to match it, so a short question naming it by them went unanswered.
  it('GIVEN the short question "WhatsApp真的要收费吗？" (the claim\'s gist, without its ten contacts) THEN it is answered with its claim', () => {
    expectAnswers(matcher, 'WhatsApp真的要收费吗？', 'whatsapp-will-start-charging');
  });

  it.each([
    { text: 'Is WhatsApp really going to charge us?', id: 'whatsapp-will-start-charging' },
    { text: '轉發都犯法㗎？', id: 'forwarding-rumors-is-legal' },
    { text: '只转发的话算违法吗？', id: 'forwarding-rumors-is-legal' },
  ])('GIVEN the short question "$text" THEN it is answered with its claim, below the act threshold', ({ text, id }) => {
    expect(expectAnswers(matcher, text, id)).toBeLessThan(ACT);
  });

  it.each([
    { text: 'lol the whatsapp "pay or forward to 10" chain again. just delete it', id: 'whatsapp-will-start-charging' },
    { text: '盐水要是能预防新冠，天天下海游泳的人都不会感染了', id: 'salt-water-prevents-infection' },
  ])('GIVEN "$text" (a claim below the act threshold, refuted or mocked) THEN it reads as refuting: no strike were it to act', ({ text, id }) => {
    const result = matcher.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.refuting).toBe(true);
  });

  it('GIVEN "share before they delete it" THEN the member spreads: "delete it" is no refutation there', () => {
    expect(matcher.match('URGENT: 5G towers spread the coronavirus, share before they delete it').stance).toBe('spread');
  });

  it('GIVEN "有没有人知道…几号开始" about the place of a claim THEN it asks when, not whether the claim is so: not answered', () => {
    expectAllBelow(matcher, '有没有人知道顾村公园樱花节几号开始', ANSWER);
  });

  it.each([{ text: 'Is WhatsApp down?' }, { text: 'is whatsapp free to use abroad?' }, { text: 'WhatsApp怎么又更新了？' }])(
    'GIVEN a short question that names only what a claim is about ("$text") THEN it is not answered',
    ({ text }) => {
      expectAllBelow(matcher, text, ANSWER);
    },
  );

  // The playground: "预防…感染" says the "不会感染" of the variant "每天吃大蒜就不会感染新冠", not its opposite.
  it('GIVEN "吃大蒜可以预防新冠病毒感染" THEN the member spreads it; GIVEN "照样感染" THEN refutes it', () => {
    expect(matcher.match('吃大蒜可以预防新冠病毒感染').stance).toBe('spread');
    expect(matcher.match('每天吃大蒜照样感染新冠').stance).toBe('refute');
  });

  // QA: "not" and "rumor" of "Group owners are not responsible for rumors members post" logged this against its member (0.50).
  it('GIVEN "that\'s not a rumor, it\'s true" THEN it matches nothing: a negation and a word of doubt do not name a claim', () => {
    expectAllBelow(matcher, "that's not a rumor, it's true", shipped.settings.thresholds.suggest);
  });

  it('GIVEN a swimming lesson holding breath for 10 seconds THEN nothing acts: it says the condition of the claim, not what follows (0.96, a strike, before, beside 60 more English claims)', () => {
    const larger = createMatcher([...loaded.debunks, ...generatedClaims((t) => !/\p{Script=Han}/u.test(t))]);
    for (const m of larger.match("Kids' swim lesson today, they practiced holding their breath underwater for 10 seconds").matches) {
      expect(m.score).toBeLessThan(ACT);
    }
  });

  it('GIVEN a short question that names only what an English claim is about THEN it is not answered', () => {
    const sotu = createMatcher([
      ...loaded.debunks,
      debunk({ id: 'sotu', claim: 'More people watched the State of the Union address than watched the Super Bowl', lang: 'en' }),
    ]);
    expectAllBelow(sotu, 'What time is the Super Bowl kickoff this year?', ANSWER);
  });

  it('GIVEN a short statement of two of a claim\'s words with no question THEN it matches nothing (two words never match a claim)', () => {
    expect(matcher.match('WhatsApp charging').matches).toEqual([]);
  });

  it('GIVEN a member who says group owners do have a duty THEN a new variant does not make it a retelling', () => {
    const result = matcher.match('别以为群主就没事，规定写得很清楚，群主和管理员有管理责任的，群里乱发的东西群主也得管');
    expect(result.stance === 'spread' && (result.matches[0]?.score ?? 0) >= ACT).toBe(false);
  });
});

describe('rules/debunks: members who ask, refute or retell, round fifteen', () => {
  it.each([
    // A question about what was just said, whatever its sentence says besides.
    { text: 'My neighbour says the new 5G mast is what made our street sick. Is there anything to that or is she just paranoid?', id: '5g-spreads-coronavirus', stance: 'question' },
    { text: 'My grandma sent a recipe saying boiled garlic water prevents the virus. Any doctors in this group who can confirm?', id: 'garlic-prevents-infection', stance: 'question' },
    { text: 'Our office manager posted this "self check" about holding your breath for 10 seconds. Is this from an actual health authority?', id: 'hold-breath-10-seconds-test', stance: 'question' },
    { text: "Got an email saying Microsoft tracks forwards and Bill Gates pays per person. This can't be real... can it?", id: 'bill-gates-pays-for-forwarding', stance: 'question' },
    // Someone else fell for it; someone punished "might disagree".
    { text: 'my mom fell for the whatsapp charging message AGAIN and sent it to 40 people. please someone stop her 😭', id: 'whatsapp-will-start-charging', stance: 'mock' },
    { text: '"no one gets punished for online rumors" yeah that guy who got 10 days detention for the qingpu thing might disagree', id: 'online-rumors-never-punished', stance: 'mock' },
    // "X不X" after "想想" and a question word after "看看" ask nothing; a rhetorical "犯什么法" neither.
    { text: '5G信号塔传播新冠！武汉是第一个大规模铺5G的，你们想想是不是巧合', id: '5g-spreads-coronavirus', stance: 'spread' },
    { text: '青浦有个幼儿园老师被抓了，说是在外面卖淫，家长们看看自己孩子是哪个园的', id: 'qingpu-kindergarten-teacher', stance: 'spread' },
    { text: '我就转发一下又不是我编的，犯什么法？', id: 'forwarding-rumors-is-legal', stance: 'spread' },
    // "问下" asks, whatever the sentence ends on.
    { text: '问下转发谣言犯法不，我妈天天在群里转', id: 'forwarding-rumors-is-legal', stance: 'question' },
    // Nobody, hardly anybody or "who" before the claim's predicate says what the claim says.
    { text: '网上传谣言真的会被处罚吗？感觉很少听说谁被罚', id: 'online-rumors-never-punished', stance: 'question' },
    // The rumor's own vocabulary ("internet rumor", "造谣") in a claim about rumors is no refutation.
    { text: "Come on, it's just an internet rumor, nobody's going to fine you or arrest you.", id: 'online-rumors-never-punished', stance: 'spread' },
    { text: '网上传个谣言而已，根本没人管的，你看那么多造谣的谁被抓了', id: 'online-rumors-never-punished', stance: 'spread' },
    // "又不是" gives a reason for a claim that itself says no.
    { text: '群主又不是警察，群成员乱发东西关群主啥事，各人负各人的责', id: 'group-owner-not-responsible', stance: 'spread' },
    // Round sixteen (h32–h33): someone's job is no "won't work"; "no one" says the claim's "nobody" again.
    { text: "my brother in law who's an electrician says the 5G masts are what's making people sick with corona, he won't work on them anymore", id: '5g-spreads-coronavirus', stance: 'spread' },
    { text: "nobody ever gets punished for online rumors, there's literally no one policing this stuff", id: 'online-rumors-never-punished', stance: 'spread' },
    { text: 'my dad keeps saying 5G towers spread covid, how do I even respond to that', id: '5g-spreads-coronavirus', stance: 'question' },
    { text: '@mei that "abandoned on purpose" story about the girl lost on the Shanghai beach is pure speculation, there\'s zero official info saying that', id: 'shanghai-beach-girl-abandoned', stance: 'refute' },
    { text: '大蒜要是能防新冠，山东人早就免疫了😂', id: 'garlic-prevents-infection', stance: 'mock' },
    { text: '阿里献血那个事到底是真的还是编的啊', id: 'alibaba-blood-donation-incident', stance: 'question' },
    { text: '我妈一直说5G基站传病毒，不让我家装5G，我该怎么回她😩', id: '5g-spreads-coronavirus', stance: 'question' },
    // Round seventeen (h34–h35): plural "hoaxes", "fabricated", "from a different city", "a parody account" refute.
    { text: 'lmao the Bill Gates pays you per forward email is one of the oldest internet hoaxes, from the 90s', id: 'bill-gates-pays-for-forwarding', stance: 'refute' },
    { text: 'The Qingpu kindergarten teacher prostitution story was a rumor, police said it was fabricated', id: 'qingpu-kindergarten-teacher', stance: 'refute' },
    { text: 'The Gucun Park lightning "video" is from a different city, the park put out a notice', id: 'gucun-park-lightning', stance: 'refute' },
    { text: 'Has anyone seen confirmation of the Qingpu kindergarten teacher story? the prostitution thing?', id: 'qingpu-kindergarten-teacher', stance: 'question' },
    { text: "Bill Gates seriously pays you for every forward of this email? please tell me that's fake", id: 'bill-gates-pays-for-forwarding', stance: 'question' },
    // Passed on whatever its truth; "不对劲" (something is off) is no "不对" (wrong).
    { text: '5 G 塔 传 播 病毒，国外已经证实了，不知真假先转，家附近有基站的注意', id: '5g-spreads-coronavirus', stance: 'spread' },
    { text: '@王姐 上海海滩走失的小姑娘你看了没，她爸是继父！难怪孩子丢了还那么淡定，我就说不对劲', id: 'shanghai-beach-girl-stepfather', stance: 'spread' },
    // Round eighteen (h36–h37): "已经查" is no "经查"; those who call it fake, waved away; a favour asked by "能不能把".
    { text: '转：上海海边那个4岁小姑娘，已经查清楚了，是家里人自己不要了丢掉的，大家带孩子出门也长点心吧', id: 'shanghai-beach-girl-abandoned', stance: 'spread' },
    { text: "That whole Alibaba blood donation story is true btw, people saying it's fake are just covering for the company", id: 'alibaba-blood-donation-incident', stance: 'spread' },
    { text: '物业能不能把小区的蚊子打一下药，蚊子咬人会传新冠病毒的啊', id: 'mosquitoes-spread-coronavirus', stance: 'spread' },
    { text: '网上那么多谣言，哪个被抓了？根本没人管的', id: 'online-rumors-never-punished', stance: 'spread' },
    { text: '@Dr. Lim could you settle this, does garlic protect against the coronavirus or not', id: 'garlic-prevents-infection', stance: 'question' },
    { text: 'No lightning strike at Gucun Park, that photo is from somewhere else entirely. Reverse image search takes 5 seconds.', id: 'gucun-park-lightning', stance: 'refute' },
    { text: "People absolutely get fined and detained for spreading rumours online, it's in the news constantly", id: 'online-rumors-never-punished', stance: 'refute' },
    { text: "If garlic stopped covid half my hometown would've been immune lol. Sadly no.", id: 'garlic-prevents-infection', stance: 'mock' },
    // Round nineteen (h38–h39): "冲不下去" cannot; "…系列又来了" mocks; "q for the admins:" asks; "是真的么" asks.
    { text: '多喝热水治百病系列又来了 病毒进了呼吸道你喝一桶也冲不下去啊', id: 'hot-water-every-15-minutes', stance: 'refute' },
    { text: 'q for the admins: if someone drops fake news in here are u guys liable too or just the person who posted it?', id: 'group-owner-not-responsible', stance: 'question' },
    { text: '每15分钟喝一次热水就能把病毒冲到胃里杀死，是真的么 我妈天天定闹钟喝', id: 'hot-water-every-15-minutes', stance: 'question' },
    // Round twenty (h40–h41): "not what the policy says", "your uncle's meme is wrong", "哪有这回事", "别夸大" refute.
    { text: "That's not what the policy says. Group owners are not responsible for what members post only if they manage the group", id: 'group-owner-not-responsible', stance: 'refute' },
    { text: "5G towers spread the coronavirus? Your uncle's meme is wrong, viruses don't ride radio waves", id: '5g-spreads-coronavirus', stance: 'refute' },
    { text: '每15分钟喝一次热水病毒就被胃酸杀死，这种标题一看就是自媒体吹的，哪有这回事', id: 'hot-water-every-15-minutes', stance: 'refute' },
    // Round twenty-one (h42): "no lightning" opening a clause denies; "doesn't hold up", "been going around for" refute.
    { text: 'lol I was literally at gucun park this afternoon. no lightning, no ambulances, just a lot of people taking selfies', id: 'gucun-park-lightning', stance: 'refute' },
    { text: 'Actually group owners are expected to manage their groups, "the admin has nothing to do with it" doesn\'t hold up if you let rumors spread', id: 'group-owner-not-responsible', stance: 'refute' },
    { text: 'whatsapp themselves said it\'s free, that "forward to 10 contacts" message has been going around for like a decade', id: 'whatsapp-will-start-charging', stance: 'refute' },
    { text: '盐水漱口要是能防新冠，海边的人天天泡海水都不用打疫苗了', id: 'salt-water-prevents-infection', stance: 'mock' },
  ])('GIVEN "$text" THEN it matches $id and reads as $stance', ({ text, id, stance }) => {
    const result = matcher.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.stance).toBe(stance);
  });

  it('GIVEN "有没有推荐的幼儿园" in the district of a rumor THEN it asks for a kindergarten, not whether the rumor is so: not answered', () => {
    expectAllBelow(matcher, '青浦这边有没有推荐的幼儿园？明年孩子要报名了', ANSWER);
  });

  it.each([
    { given: 'a school event in the district of a rumor', text: 'the kindergarten teachers in Qingpu are so nice, my son loves them' },
    { given: 'a day at the beach of a rumor', text: 'my dad took the kids to the beach in Shanghai today, the girl loved it' },
  ])('GIVEN $given (who and where, none of what happened: 0.90–0.95 and a strike before) THEN nothing acts', ({ text }) => {
    expectAllBelow(matcher, text, ACT);
  });

  it('GIVEN the same place and people with what the claim says happened THEN it acts', () => {
    expectActs(matcher, 'a kindergarten teacher in Qingpu is a prostitute', 'qingpu-kindergarten-teacher');
  });

  it('GIVEN "这不是说好的吗" after a retelling THEN it asks nothing: the member passes it on', () => {
    const free = createMatcher([debunk({ id: 'free', claim: '有人从国外回来治新冠肺炎，发现不免费，还要投诉', lang: 'zh' })]);
    expect(free.match('回国治新冠居然不免费，我朋友说要投诉，这不是说好的吗').stance).toBe('spread');
  });

  it('GIVEN a request for the group on a word of a claim ("谁把会议纪要转发到大群里一下", 0.95 and a strike before) THEN nothing acts', () => {
    const larger = createMatcher([...loaded.debunks, ...generatedClaims((t) => !/[A-Za-z]/.test(t))]);
    expectAllBelow(larger, '谁把会议纪要转发到大群里一下', ACT);
  });

  it('GIVEN "有新闻吗还是又是瞎传的" THEN it asks: the refutation is one of the answers it offers', () => {
    expect(matcher.match('顾村公园雷击是哪天的事？有新闻吗还是又是瞎传的').stance).toBe('question');
  });

  it('GIVEN "美国总共也就两艘医疗船" after the claim asked back THEN it refutes', () => {
    const ships = createMatcher([debunk({ id: 'ships', claim: '美国的10艘医疗军舰已经开进纽约港', lang: 'zh' })]);
    expect(ships.match('十艘医疗军舰开进纽约港？美国总共也就两艘医疗船好吗').stance).toBe('refute');
  });

  it.each([
    { text: 'Anyone going to Gucun Park this weekend? Thinking of a picnic if the weather holds' },
    { text: 'anyone going to Gucun Park this weekend?' },
    { text: '青浦这边幼儿园下学期报名什么时候开始？有没有家长知道' },
  ])('GIVEN a question about the place of a claim ("$text") THEN it is not answered', ({ text }) => {
    expectAllBelow(matcher, text, ANSWER);
  });

  it('GIVEN an English question that opens a message without asking whether anything is so THEN two words of a claim do not answer it', () => {
    const wedding = createMatcher([...loaded.debunks, debunk({ id: 'wedding', claim: 'Donald Trump crashed a wedding and groped the bride', lang: 'en' })]);
    expectAllBelow(wedding, 'anyone crashing at mine after the wedding? I have the couch and an air mattress', ANSWER);
  });

  it('GIVEN "木有" for "没有" before what a claim says nobody did THEN the member retells it', () => {
    const left = createMatcher([debunk({ id: 'left', claim: '广州一尼日利亚人带毒在小区住了13天，没有任何隔离', lang: 'zh' })]);
    expect(left.match('一个尼日利亚人带毒在小区里住了13天木有任何隔离 细思极恐').stance).toBe('spread');
  });

  it.each([
    { text: '有人知道WhatsApp收费是不是真的吗', id: 'whatsapp-will-start-charging' },
    { text: '大蒜防病毒这个说法是真的还是假的', id: 'garlic-prevents-infection' },
  ])('GIVEN a Chinese short question of more than ten character pairs ("$text") THEN it is answered as one', ({ text, id }) => {
    expectAnswers(matcher, text, id);
  });

  it.each([{ text: '5G towers spread the coronavirus. No joke, share this' }, { text: 'no wonder 5G towers spread the coronavirus' }])(
    'GIVEN "no" before a word that is no claim\'s ("$text") THEN it denies nothing',
    ({ text }) => {
      expect(matcher.match(text).stance).toBe('spread');
    },
  );

  it('GIVEN "WhatsApp的" THEN its last letter and 的 are not the cue "p的" (photoshopped)', () => {
    const result = matcher.match('WhatsApp要收费了！不转发给10个人就开始收钱，我用WhatsApp的同事都在转');
    expect(result.matches[0]?.debunkId).toBe('whatsapp-will-start-charging');
    expect(result.stance).toBe('spread');
  });

  it('GIVEN a question quoted in a retelling THEN the member does not ask it', () => {
    const quoted = createMatcher([debunk({ id: 'drone', claim: 'Hillary Clinton asked "Can\'t we just drone this guy?" about Julian Assange', lang: 'en' })]);
    expect(quoted.match('Hillary asked "can\'t we just drone this guy?" about Assange. let that sink in').stance).toBe('spread');
    expect(quoted.match('did Hillary really ask "can\'t we just drone this guy?" about Assange?').stance).toBe('question');
  });

  it('GIVEN a claim holding "do u" THEN its own "do" said again is no emphatic denial', () => {
    const jacket = createMatcher([debunk({ id: 'jacket', claim: 'The first lady wore a jacket that read "I really don\'t care, do u?" to visit immigrant children', lang: 'en' })]);
    expect(jacket.match('The jacket the first lady wore to visit immigrant children read: “I REALLY DON’T CARE, DO U?”').refuting).toBe(false);
  });
});

describe('Chinese claims said in two words', () => {
  const cities = createMatcher([
    debunk({ id: 'xinyang', claim: '信阳封城了', lang: 'zh' }),
    debunk({ id: 'xiangyang', claim: '大襄阳作为最后一个也封城了', lang: 'zh' }),
    debunk({ id: 'harbin', claim: '因绥芬河口岸疫情影响，哈尔滨已封城', lang: 'zh' }),
    debunk({ id: 'subway', claim: '北京地铁的座椅都拆了，是为人与人保持距离', lang: 'zh' }),
  ]);

  it('GIVEN a short claim whose two words are said with others between THEN it matches (nothing matched before)', () => {
    const top = cities.match('我妈刚打电话让我别回老家，说信阳已经封城，高速口都拦上了').matches[0];
    expect(top?.debunkId).toBe('xinyang');
    expect(top?.score).toBeGreaterThan(0);
  });

  it('GIVEN one word of a short claim THEN nothing matches', () => {
    expect(cities.match('说信阳那边已经下雪了，高速口都拦上了').matches.filter((m) => m.debunkId === 'xinyang')).toEqual([]);
  });

  it('GIVEN "襄阳封城？" THEN it asks about Xiangyang, not Xinyang (whose "阳封" it shares by chance)', () => {
    const result = cities.match('襄阳封城？');
    expect(result.stance).toBe('question');
    expect(result.matches[0]?.debunkId).toBe('xiangyang');
  });

  it('GIVEN "哈尔滨封城了？？" (a fifth of its claim, 0.30) THEN it is answered as a short question', () => {
    expect(expectAnswers(cities, '哈尔滨封城了？？', 'harbin')).toBeLessThan(ACT);
  });

  it.each([
    { text: '哈尔滨封城了吗 我票都买好了下周回去 咋整啊', id: 'harbin' },
    { text: '哈尔滨封城了？？我刚买了下周去哈尔滨的票，有没有人知道', id: 'harbin' },
  ])('GIVEN a short question opening a longer message ("$text") THEN it is answered, below the act threshold', ({ text, id }) => {
    expect(expectAnswers(cities, text, id)).toBeLessThan(ACT);
  });

  it('GIVEN a question opening a message that then refutes THEN the whole message is read: it refutes', () => {
    const result = matcher.match('憋气测新冠？那还要核酸干嘛，这种东西别信');
    expect(result.matches[0]?.debunkId).toBe('hold-breath-10-seconds-test');
    expect(result.refuting).toBe(true);
  });

  it('GIVEN a question naming the place of a claim and another thing THEN it is not answered', () => {
    const shenzhen = createMatcher([debunk({ id: 'swim', claim: '深圳一男子为躲避隔离游泳到香港', lang: 'zh' })]);
    expectAllBelow(shenzhen, '深圳去香港现在要隔离吗？', ANSWER);
  });

  it('GIVEN "是不是…，有没有…" THEN it asks; its 不 and 没 deny nothing', () => {
    const zto = createMatcher([debunk({ id: 'zto', claim: '中通快递暂停武汉部分区域快递揽派业务', lang: 'zh' })]);
    const result = zto.match('中通武汉是不是暂停揽收了，有没有快递员在群里');
    expect(result.refuting).toBe(false);
  });

  it('GIVEN "座位" for the claim\'s "座椅" THEN the retelling acts (0.75 before)', () => {
    expectActs(cities, '北京地铁座位都拆了', 'subway');
  });
});

describe('rules/debunks with 60 Chinese claims added: small in English, not in Chinese', () => {
  // Generated Chinese claims without a Latin letter, so the English claims stay the 17 examples.
  const chinese = generatedClaims((t) => !/[A-Za-z]/.test(t));
  const mixed = createMatcher([...loaded.debunks, ...chinese]);

  it('GIVEN the Chinese claims THEN there are enough to be past the smallest fitted set (47)', () => {
    expect(chinese.length).toBe(60);
  });

  it.each([
    { given: 'the man of a chain letter paying for something else (once 0.89)', text: 'Bill Gates will pay for new vaccine research, announced today' },
    { given: 'a trip to the country of a rumor', text: 'Costa Rica trip was amazing, bananas everywhere' },
    { given: 'a short claim without its last word (once 0.80)', text: 'The 5G towers spread out across the valley look ugly imo' },
  ])('GIVEN $given THEN nothing acts', ({ text }) => {
    expectAllBelow(mixed, text, ACT);
  });

  it('GIVEN a question about the pay of kindergarten teachers in the district of a rumor (once 0.99, answered) THEN it is not answered', () => {
    const found = mixed.match('青浦这边的幼儿园老师工资高吗？我表妹想去应聘');
    expect(found.stance).toBe('question');
    for (const m of found.matches) expect(m.score).toBeLessThan(ANSWER);
  });

  it.each([
    { text: '青浦有个幼儿园的老师在卖淫，大家转一下', id: 'qingpu-kindergarten-teacher' },
    { text: 'the new 5G masts are spreading covid', id: '5g-spreads-coronavirus' },
  ])('GIVEN the claim retold ($text) THEN it acts with that claim', ({ text, id }) => {
    expectActs(mixed, text, id);
  });

  describe('with a claim about two places abroad', () => {
    const venice = debunk({ id: 'venice-lotus', claim: '由於義大利疫情嚴重禁足已久，威尼斯水下的蓮花都長滿水面以上了', lang: 'zh' });
    const withVenice = createMatcher([...loaded.debunks, ...chinese, venice]);

    it.each([{ text: '明年想去意大利威尼斯，有攻略吗' }, { text: '明年想去意大利威尼斯玩几天' }])(
      'GIVEN "$text" (the claim\'s places only) THEN nothing is answered or acted on (0.85 before)',
      ({ text }) => {
        expectAllBelow(withVenice, text, ANSWER);
      },
    );

    it('GIVEN the claim retold THEN it acts', () => {
      expectActs(withVenice, '意大利封城太久了，威尼斯水里的莲花都长出水面了', 'venice-lotus');
    });
  });

  describe('with a claim about the subway (past the smallest fitted Chinese set)', () => {
    const subway = debunk({ id: 'health-code-subway', claim: '健康宝崩了进不了地铁', lang: 'zh' });
    const withSubway = createMatcher([...loaded.debunks, ...chinese, subway]);

    it('GIVEN chatter naming the app and the subway THEN nothing acts (0.98, a strike: "了地" across a comma was a telling pair)', () => {
      expectAllBelow(withSubway, '今天刷健康宝一下就绿码了，地铁人好少', ACT);
    });

    it('GIVEN the claim retold with "挂了" for "崩了" THEN it acts', () => {
      expectActs(withSubway, '健康宝挂了 地铁站门口堵一堆人', 'health-code-subway');
    });
  });
});

describe('rules/debunks: Chinese chatter that names only where a claim happened', () => {
  const SUGGEST = shipped.ok ? shipped.settings.thresholds.suggest : 0.4;
  it.each([{ text: '周末去顾村公园野餐，天气很好' }, { text: '上海顾村公园今天人好多' }])(
    'GIVEN "$text" THEN it is not even logged (0.50 before: listed under the member\'s name, and soft-replied to when soft replies were on)',
    ({ text }) => {
      expectAllBelow(matcher, text, SUGGEST);
    },
  );
});

describe('rules/debunks: a question about whom a claim is about, not what it says of them', () => {
  it.each([
    { given: 'whether the lost girl was found (the stepfather refutation answered it at 0.77)', text: '上海海滩走失的小女孩找到了吗' },
    { given: 'whether the lost girl is home again', text: '上海海滩那个走失的小女孩回家了吗？' },
  ])('GIVEN $given THEN it is not answered', ({ text }) => {
    expectAllBelow(matcher, text, ANSWER);
  });

  it.each([
    { text: '上海海滩走失的小女孩的爸爸是后爸吗？', id: 'shanghai-beach-girl-stepfather' },
    { text: '上海海滩走失的小女孩是被家里人扔掉的吗？', id: 'shanghai-beach-girl-abandoned' },
    { text: 'is the dad of the girl lost on the shanghai beach really her stepdad?', id: 'shanghai-beach-girl-stepfather' },
  ])('GIVEN a question about what the claim says ($text) THEN it is answered with that claim', ({ text, id }) => {
    expectAnswers(matcher, text, id);
  });
});

describe('rules/debunks with Chinese claims about a district\'s school and an app: chatter about the place or the app', () => {
  const chinese = generatedClaims((t) => !/[A-Za-z]/.test(t));
  const local = [
    debunk({ id: 'school-rat-poison', claim: '高雄前鎮區一間國小營養午餐驗出老鼠藥', lang: 'zh' }),
    debunk({ id: 'school-corporal-punishment', claim: '杭州西湖区一初中学生被班主任体罚致死', lang: 'zh' }),
    debunk({ id: 'wechat-watches-chats', claim: '微信开始监控聊天记录，发敏感词直接封号罚款', lang: 'zh' }),
  ];
  const withLocal = createMatcher([...loaded.debunks, ...chinese, ...local]);

  it.each([
    { given: 'the district and its schools (0.96 before)', text: '高雄前鎮區的國小下週要開運動會' },
    { given: 'the district and its middle schools (0.89 before)', text: '杭州西湖区初中今年学区划分出来了' },
    { given: 'the app and its chat history (0.95 before)', text: '微信最近更新之后聊天记录备份好慢' },
  ])('GIVEN $given THEN nothing acts', ({ text }) => {
    expectAllBelow(withLocal, text, ACT);
  });

  it.each([
    { text: '前鎮國小午餐有老鼠藥！', id: 'school-rat-poison' },
    { text: '杭州西湖区有个初中生被班主任体罚死了', id: 'school-corporal-punishment' },
    { text: '微信聊天被监控了 小心点', id: 'wechat-watches-chats' },
  ])('GIVEN the claim retold ($text) THEN it acts with that claim', ({ text, id }) => {
    expectActs(withLocal, text, id);
  });
});

describe('rules/debunks with Chinese claims that say a number: a retelling that says it as chat does', () => {
  const claims = [
    debunk({ id: 'dog-licence-fine', claim: '下月起养狗不办证的每条罚款两千并没收', lang: 'zh' }),
    debunk({ id: 'overnight-water', claim: '喝隔夜开水会致癌，亚硝酸盐超标几十倍', lang: 'zh' }),
    debunk({ id: 'new-disease-baoan', claim: '深圳宝安区出现新型传染病，已有十多人住院隔离', lang: 'zh' }),
  ];
  const withNumbers = createMatcher([...loaded.debunks, ...claims]);

  it.each([
    { given: '"2k" for "两千" (capped as another number before)', text: '下月起无证养犬罚款2k并没收', id: 'dog-licence-fine' },
    { given: 'no number for the rough "几十倍" (capped before)', text: '隔夜水亚硝酸盐超标 喝了致癌', id: 'overnight-water' },
    { given: '"十几个" for "十多人"', text: '宝安出新型传染病了 十几个人住院', id: 'new-disease-baoan' },
  ])('GIVEN $given THEN it acts with that claim', ({ text, id }) => {
    expectActs(withNumbers, text, id);
  });

  it('GIVEN another number than the claim\'s THEN it does not act', () => {
    expectAllBelow(withNumbers, '下月起无证养犬罚款200', ACT);
  });
});

describe('rules/debunks with Chinese claims whose numbers are details or amounts', () => {
  const claims = [
    debunk({ id: 'zombie-meat', claim: '进口冻鸡爪是存放了三十年的僵尸肉，用双氧水漂白过', lang: 'zh' }),
    debunk({ id: 'hot-bath-cancer', claim: '癌细胞怕热，每天泡45度热水澡能饿死癌细胞', lang: 'zh' }),
    debunk({ id: 'elderly-subsidy', claim: '国务院发文60岁以上老人每月可领800元补贴', lang: 'zh' }),
    debunk({ id: 'lift-fall', claim: '昆明一小区电梯坠落，当场摔死七人', lang: 'zh' }),
  ];
  const withDetails = createMatcher([...loaded.debunks, ...claims]);

  it.each([
    { given: 'without its thirty years (capped before)', text: '冻鸡爪千万别买，僵尸肉！', id: 'zombie-meat' },
    { given: 'without its 45 degrees (capped before)', text: '癌细胞怕热，多泡热水澡！', id: 'hot-bath-cancer' },
  ])('GIVEN a retelling $given THEN it acts', ({ text, id }) => {
    expectActs(withDetails, text, id);
  });

  it.each([
    { given: 'the subsidy without its amount', text: '听说老人都有补贴了，每个月都能领' },
    { given: 'other ages and amounts, just outside the words shared', text: '社区给80岁以上老人发高龄补贴了，每月100' },
    { given: 'the city, its estates and lifts, nothing of the fall', text: '昆明我们小区电梯今天年检，停用一天' },
  ])('GIVEN $given THEN nothing acts', ({ text }) => {
    expectAllBelow(withDetails, text, ACT);
  });
});

describe('rules/debunks with Chinese claims retold short, in two of their words and single characters', () => {
  const claims = [
    debunk({ id: 'dog-licence-fine', claim: '下月起养狗不办证的每条罚款两千并没收', lang: 'zh' }),
    debunk({ id: 'hk-curfew', claim: '香港政府宣布下月起全港實施宵禁', lang: 'zh' }),
    debunk({ id: 'kunming-lift', claim: '昆明一小区电梯坠落，当场摔死七人', lang: 'zh' }),
  ];
  const withShort = createMatcher([...loaded.debunks, ...claims]);

  it('GIVEN "养狗没证罚两千" (two pairs, 证 罚 收 besides: nothing matched before) THEN it acts', () => {
    expectActs(withShort, '养狗没证罚两千 还收狗', 'dog-licence-fine');
  });

  it('GIVEN "香港下个月要宵禁了？" (two pairs, 下 月 besides) THEN the question is answered', () => {
    expectAnswers(withShort, '香港下个月要宵禁了？真的假的', 'hk-curfew');
  });

  it('GIVEN the city and its lifts, nothing of the fall THEN nothing acts', () => {
    expectAllBelow(withShort, '昆明电梯公司今天来小区检修了', ACT);
  });

  it('GIVEN a question about the city next month, nothing of the curfew THEN it is not answered', () => {
    expectAllBelow(withShort, '香港下个月有什么好玩的展览吗', ANSWER);
  });
});

describe('rules/debunks with an English claim that ends on where it happens', () => {
  const PRISON = debunk({ id: 'farmland-prison', claim: 'The governor is planning to seize private farmland for a prison in advance of the Blue Ridge military exercise', lang: 'en' });
  const withPrison = createMatcher([...loaded.debunks, PRISON]);

  it('GIVEN chat about the exercise the claim ends on, nothing of the seizure THEN nothing acts', () => {
    expectAllBelow(withPrison, 'the blue ridge military exercise was just a training drill, my cousin was stationed near one of the sites', ACT);
  });

  it('GIVEN the claim retold THEN it acts', () => {
    expectActs(withPrison, 'the governor is gonna take private farmland for a prison before the blue ridge military exercise', PRISON.id);
  });
});

describe('rules/debunks: members who wave the refutation away, ask without a question mark or refute in passing, round twenty-two', () => {
  it.each([
    { text: 'I know it sounds like a conspiracy theory but the 5G towers really are spreading covid, look where the first outbreaks were' },
    { text: 'they keep calling it a "myth" but garlic does keep the virus away, my whole family eats 3 cloves a day' },
    { text: 'Everyone is calling this fake but drinking hot water every 15 min really washes the virus into your stomach' },
    { text: '"Fake news" my foot, 5G towers spread the coronavirus' },
    { text: 'Snopes can "debunk" all they want, 5G towers spread the coronavirus' },
    { text: 'ignore the "debunked" label, eating garlic prevents the coronavirus' },
    { text: "Don't listen to the ppl saying it's fake, WhatsApp will start charging, forward this to 10 contacts" },
    { text: "they're trying to bury it by calling it a hoax. 5G towers spread the coronavirus" },
    { text: 'fun fact that sounds fake but isnt: mosquito bites spread the coronavirus' },
    { text: '说是谣言其实是真的，上海海滩那个4岁小女孩就是家里人故意扔下的' },
    { text: '别听那些说是编的，青浦那个幼儿园老师确实在卖淫' },
    { text: '顾村公园发生雷击事件是真的，谁说是谣言的出来' },
    { text: '上海海滩走失女孩的父亲是她的继父，虽然有人说是P的 我觉得是真的' },
    { text: '我知道听着像谣言 但是每15分钟喝口热水真的能把病毒冲到胃里杀死' },
    { text: '蚊子叮咬会传播新冠病毒，辟谣有什么用，人都感染了' },
    { text: '官方又出来否认了呵呵，上海海滩走失的女孩就是被家人故意遗弃的' },
    { text: '网上传谣言根本没人管，也不会被处罚，说辟谣的都是在捂盖子' },
  ])('GIVEN a member who passes the claim on and waves its refutation away ("$text") THEN it is spread', ({ text }) => {
    const result = matcher.match(text);
    expect(result.matches[0]?.score).toBeGreaterThanOrEqual(ACT);
    expect(result.stance).toBe('spread');
  });

  it.each([
    { text: '辟谣有什么用，还是有人信5G基站传播新冠病毒' },
    { text: 'they say 5G towers spread the coronavirus. it is a myth, and the WHO says so' },
  ])('GIVEN a member who refutes with the same words ("$text") THEN it is no spread', ({ text }) => {
    expect(matcher.match(text).stance).not.toBe('spread');
  });

  it.each([
    { text: "saw a post saying if you hold your breath 10 secs without coughing you're covid free. does that actually mean anything" },
    { text: 'Someone at work told me eating garlic prevents the coronavirus. he seemed very sure. How much of that is true' },
    { text: "there's a video going round of 5G towers spreading the coronavirus, is that an edit or real" },
    { text: "Got this saying WhatsApp will start charging if I don't pass it on to 10 people. Should I send it?" },
    { text: 'Is this banana warning real? Something about bananas from Costa Rica carrying flesh-eating bacteria' },
    { text: 'for anyone buying bananas this week, is the Costa Rica flesh-eating bacteria warning official? dont want to throw them out' },
  ])('GIVEN a question asked without a question mark or after a clause ("$text") THEN it is a question', ({ text }) => {
    expect(matcher.match(text).stance).toBe('question');
  });

  it('GIVEN a message opening with a question whether two things are linked THEN the question is answered without a strike', () => {
    expectAnswers(matcher, 'ok genuinely asking, is there any link between 5g and covid? my dad keeps sending stuff', '5g-spreads-coronavirus');
  });

  it.each([
    { text: '憋气10秒不咳嗽就说明没感染新冠？这种也信？？好多感染者根本没症状，这测了个寂寞', stance: 'mock' },
    { text: '5G传播新冠病毒？？电磁波能带病毒我是服了，病毒又不会连wifi', stance: 'mock' },
    { text: 'yeah bill gates is definitely paying you for forwarding emails. totally how email works', stance: 'mock' },
    { text: '5G towers spreading the coronavirus lmaooo. next ur gonna tell me wifi gives u the flu', stance: 'mock' },
    { text: 'drinking hot water every 15 minutes does nothing against the virus, who told u that', stance: 'refute' },
    { text: 'holding your breath for 10 seconds tells u nothing about covid, get an actual test', stance: 'refute' },
    { text: 'A radio wave cannot carry a virus, guys. Please stop sending me the 5G towers spreading the coronavirus videos', stance: 'refute' },
    { text: '蚊子不传新冠，这是呼吸道病毒，世卫说过的，别自己吓自己', stance: 'refute' },
    { text: '蚊子叮咬跟新冠没什么关系，别自己吓自己', stance: 'refute' },
    { text: '顾村公园发生雷击事件？我昨天就在顾村，啥事没有', stance: 'refute' },
    { text: '憋气10秒自测是假的，很多年轻人感染了一点症状都没有，有没有感染得靠核酸检测', stance: 'refute' },
  ])('GIVEN a member who mocks or refutes in passing ("$text") THEN the stance is $stance and no strike follows', ({ text, stance }) => {
    expect(matcher.match(text).stance).toBe(stance);
  });

  it('GIVEN "不" before a claim\'s verb where the claim refuses something THEN it retells the refusal', () => {
    const refused = createMatcher([debunk({ id: 'refused', claim: '推人的孩子妈妈跪地求对方家人原谅，但是对方家人却拒绝在民事和解书上签字', lang: 'zh' })]);
    expect(refused.match('推人的孩子他妈妈给对方家属跪下求原谅，结果人家坚决不签民事和解书').stance).toBe('spread');
    expect(matcher.match('蚊子叮一口就会传新冠，大家晚上不要开窗').stance).toBe('spread');
  });

  it('GIVEN chat naming the people of a claim written with an initial ("Robert E. Lee") THEN nothing acts; the claim retold does', () => {
    // Past the smallest fitted English set (45), where only the names rule keeps it from acting.
    const lee = createMatcher([
      ...loaded.debunks,
      ...generatedClaims((t) => !/\p{Script=Han}/u.test(t)),
      debunk({ id: 'lee', claim: 'Between the end of the Civil War and his death, former Confederate General Robert E. Lee expressed opposition to the building of Confederate monuments.', lang: 'en' }),
    ]);
    expectAllBelow(lee, "reading a book about the civil war, robert e lee's letters are actually interesting", ACT);
    expectActs(lee, 'Robert E. Lee opposed Confederate monuments after the civil war', 'lee');
  });

  it('GIVEN chat naming the two places of a Chinese claim with "从" and "回" THEN nothing acts; the claim retold does', () => {
    const swim = createMatcher([...loaded.debunks, debunk({ id: 'swim', claim: '为了不隔离从澳门游泳回珠海', lang: 'zh' })]);
    expectAllBelow(swim, '从澳门回珠海排队排了两个小时 累死', ACT);
    expectActs(swim, '有人从澳门游泳游回珠海，就为了不隔离', 'swim');
  });
});

describe('rules/debunks: members who retell in other words, quote, or deny past an adverb, round twenty-three', () => {
  it.each([
    { text: 'the shanghai beach girl was ditched by her family deliberately', id: 'shanghai-beach-girl-abandoned' },
    { text: 'the little girl on the shanghai beach was abandoned by her family intentionally', id: 'shanghai-beach-girl-abandoned' },
    { text: 'a preschool teacher in qingpu is a hooker', id: 'qingpu-kindergarten-teacher' },
    { text: 'one of the preschool teachers in qingpu moonlights as an escort', id: 'qingpu-kindergarten-teacher' },
    // "pass" and "give" join a claim's sides as its "spread" does (capped at 0.75 as part of a short claim before).
    { text: 'close ur windows at night, mozzies can pass covid when they bite, this summer is gonna be bad', id: 'mosquitoes-spread-coronavirus' },
    { text: 'Spray the garden!! Mosquito bites are passing covid around, that is why the numbers jump when it gets warm', id: 'mosquitoes-spread-coronavirus' },
  ])('GIVEN a claim retold in other words ("$text") THEN it acts with that claim', ({ text, id }) => {
    expectActs(matcher, text, id);
  });

  it.each([
    { text: 'people keep saying the girl on the Shanghai beach was abandoned by her family on purpose but she wasnt, her father lost sight of her', stance: 'refute' },
    { text: 'The stepdad thing was invented by some account farming clicks, the man who lost her on the Shanghai beach is her father', stance: 'refute' },
    { text: 'There is no record of any lightning strike at Gucun Park in Shanghai, it came from an anonymous quote on a dodgy site', stance: 'refute' },
    { text: '比尔盖茨转发邮件就给钱？那封邮件二十年前就有了，恶作剧而已，天上不会掉馅饼', stance: 'refute' },
  ])('GIVEN a member who denies past an adverb or says where the story came from ("$text") THEN the stance is $stance', ({ text, stance }) => {
    expect(matcher.match(text).stance).toBe(stance);
  });

  it('GIVEN "never" with an adverb before the claim\'s verb THEN it denies the claim', () => {
    const hoax = createMatcher([...loaded.debunks, debunk({ id: 'hoax', claim: 'Donald Trump has called global warming a "hoax" on multiple occasions.', lang: 'en' })]);
    expect(hoax.match("He's never actually called global warming a hoax.").stance).toBe('refute');
    expect(hoax.match('Trump really called global warming a hoax, several times').stance).toBe('spread');
  });

  it('GIVEN "don\'t" ending a clause of "if" THEN it tells the others not to go, and denies nothing', () => {
    const result = matcher.match('yo if u were planning a picnic at gucun park dont, there was a lightning strike there and folks got hurt');
    expect(result.matches[0]?.debunkId).toBe('gucun-park-lightning');
    expect(result.stance).toBe('spread');
    expect(matcher.match("5G towers don't, the virus spreads between people").stance).toBe('refute');
  });

  it('GIVEN the claim only in lines quoted at the start, then the member\'s own words THEN the member answers it: a question, not a spread', () => {
    const reply = matcher.match('> forwarding rumors is not illegal, only the person who made it up is responsible\nUncle that is exactly how people end up with a fine');
    expect(reply.matches[0]?.debunkId).toBe('forwarding-rumors-is-legal');
    expect(reply.stance).toBe('question');
    expect(matcher.match('> 5G towers spread the coronavirus\nshare this everyone').stance).toBe('spread');
    expect(matcher.match('> lunch at 12?\n5G towers spread the coronavirus').stance).toBe('spread');
  });

  it('GIVEN "又没选上" against a claim that someone failed to be elected ("…再次落选") THEN it retells the claim', () => {
    const failed = createMatcher([debunk({ id: 'failed', claim: '2020年的两院院士评选，屠呦呦教授再次落选。', lang: 'zh' })]);
    expect(failed.match('屠呦呦又没选上院士，拿了诺贝尔奖都选不上，心寒').stance).toBe('spread');
  });
});

describe('rules/debunks: a short message that opens with its question, round twenty-four', () => {
  it('GIVEN a question that says a claim, then why it asks THEN the claim is matched as the question alone is (0.31 with the rest before)', () => {
    const flights = createMatcher([...loaded.debunks, debunk({ id: 'flights', claim: '据说国际航班全部交给上海执行，上海成为唯一国际口岸', lang: 'zh' })]);
    const result = flights.match('国际航班都交给上海了？我朋友下个月从国外回来，本来要落北京的');
    expect(result.stance).toBe('question');
    expect(result.matches[0]?.debunkId).toBe('flights');
    expect(result.matches[0]?.score).toBeGreaterThanOrEqual(ACT);
  });

  it('GIVEN an English yes-no question naming two words of a claim, then why it asks THEN it is answered', () => {
    expectAnswers(matcher, "Can mosquitoes give you covid? The kids are getting eaten alive at camp and I'm a bit worried.", 'mosquitoes-spread-coronavirus');
  });

  it('GIVEN a question about something else opening a message THEN it is not answered', () => {
    expectAllBelow(matcher, 'Is the beach open tomorrow? want to take the kids', ANSWER);
    expectAllBelow(matcher, 'anyone going to Gucun Park this weekend? Thinking of a picnic if the weather holds', ANSWER);
  });
});

describe('rules/debunks: the breath-holding test as the chain letter went round', () => {
  it.each([
    { text: "Every morning take a deep breath and hold it for more than 10 seconds. If you can do it without coughing or discomfort there's no fibrosis in your lungs, meaning no infection." },
    { text: '台湾专家教的自测方法：每天早上起床深吸一口气憋住10秒以上，不咳嗽、不胸闷、不难受，就说明肺部没有纤维化，没有感染，转发给你关心的人！' },
  ])('GIVEN "$text" (capped at 0.75 as one side of the claim before) THEN it acts', ({ text }) => {
    expectActs(matcher, text, 'hold-breath-10-seconds-test');
  });
});

describe('rules/debunks: refuted by a counterfactual or a challenge, asked by the source, round twenty-five', () => {
  it.each([
    { text: 'Anna if garlic stopped covid italy wouldve been fine 😂', stance: 'mock' },
    { text: 'nobody gets punished for spreading rumors online?? tell that to the dozens of ppl detained for covid rumors', stance: 'refute' },
    { text: 'lol "abandoned on purpose" based on what, one random comment? the girl on the Shanghai beach was lost, her family went to the police themselves', stance: 'refute' },
    { text: '"just forwarding a message in a group chat is not illegal" isnt a defense lol, people get fined for it', stance: 'refute' },
    { text: 'Group owners are not responsible for rumors members post? Actually admins have a duty to manage their chats. "Not my problem" doesn\'t fly.', stance: 'refute' },
    { text: '哦 网上传谣言根本没人管 那那些被拘的都是演员咯🙄', stance: 'mock' },
    { text: 'my uncle keeps saying 5G towers spread the coronavirus... can anyone send me something that explains if its true', stance: 'question' },
  ])('GIVEN "$text" THEN the stance is $stance', ({ text, stance }) => {
    expect(matcher.match(text).stance).toBe(stance);
  });

  it('GIVEN "有没有什么说法" asking for word of a rumor (什么 is folded to 什幺 in normalized text) THEN it is answered', () => {
    expectAnswers(matcher, '陈老师，外面在传青浦一个幼儿园老师的事，咱们学校有没有什么说法？', 'qingpu-kindergarten-teacher');
    expectAllBelow(matcher, '青浦这边有没有什么好的幼儿园？', ANSWER);
  });

  it('GIVEN a member asking where a notice of the claim was published THEN it is a question', () => {
    const notice = createMatcher([...loaded.debunks, debunk({ id: 'notice', claim: '3月16日居民出行正常化', lang: 'zh' })]);
    expect(notice.match('3月16号出行正常化 哪里发的通知啊 我怎么没看到').stance).toBe('question');
  });
});

describe('rules/debunks: mocking someone else for it, the sarcasm tag (found trying the bot in a Discord server)', () => {
  it.each([
    { text: 'My uncle keeps saying 5G towers spread the coronavirus, he is so gullible', stance: 'mock' },
    { text: 'my aunt believes 5G towers spread the coronavirus, so naive', stance: 'mock' },
    { text: '5G towers spread the coronavirus /s', stance: 'mock' },
    { text: '又有人说5G基站会传播新冠病毒，笑死', stance: 'mock' },
    // Laughing while passing it on, and "/s" that is no tag, still spread it.
    { text: '5G基站会传播新冠病毒，笑死', stance: 'spread' },
    { text: 'see the /s folder: 5G towers spread the coronavirus', stance: 'spread' },
  ])('GIVEN "$text" THEN the stance is $stance', ({ text, stance }) => {
    expect(matcher.match(text).stance).toBe(stance);
  });
});

describe('a question naming one of the several names of a claim, and one word of it, past the smallest fitted English set', () => {
  const sotu = createMatcher([
    ...loaded.debunks,
    ...generatedClaims((t) => !/\p{Script=Han}/u.test(t)),
    debunk({ id: 'sotu', claim: "More people watched President Trump's 2019 State of the Union address on television than watched Super Bowl LIII.", lang: 'en' }),
  ]);

  it.each([{ text: "Anyone watching the Super Bowl at Dave's on Sunday? I'll bring wings." }, { text: 'anyone watching the super bowl sunday? need a place to watch' }])(
    'GIVEN "$text" (answered at 0.52 before) THEN it is not answered',
    ({ text }) => {
      expectAllBelow(sotu, text, ANSWER);
    },
  );

  it.each([{ text: "did more people watch trump's state of the union than the super bowl?" }, { text: 'is it true more people watched the super bowl than anything else?' }])(
    'GIVEN "$text" (two of its names, or asking whether it is true) THEN it is answered',
    ({ text }) => {
      expectAnswers(sotu, text, 'sotu');
    },
  );
});

describe('rules/debunks: a chain letter\'s condition said alone', () => {
  it.each([
    { text: 'Please forward this message to your 10 closest contacts so they know about the bake sale!' },
    { text: 'Can you forward this message to the 10 contacts on the list? thanks' },
  ])('GIVEN "$text" (what to do, without the threat; 0.88 and a strike before) THEN nothing acts', ({ text }) => {
    expectAllBelow(matcher, text, ACT);
  });

  it.each([
    { text: 'forward this to 10 contacts or whatsapp will charge you', id: 'whatsapp-will-start-charging' },
    { text: 'WhatsApp is going to charge us unless we forward this to 10 people', id: 'whatsapp-will-start-charging' },
  ])('GIVEN the threat with its condition ("$text") THEN it acts', ({ text, id }) => {
    expectActs(matcher, text, id);
  });
});

describe('rules/debunks: another disease than the claim\'s', () => {
  it.each([
    { text: "I'm eating garlic bread, hope I don't catch a cold lol" },
    { text: '吃大蒜可以预防流感' },
  ])('GIVEN "$text" (0.91 and a strike before for the first) THEN nothing acts', ({ text }) => {
    expectAllBelow(matcher, text, ACT);
  });

  it('GIVEN the claim\'s own disease THEN it acts', () => {
    expectActs(matcher, 'eating garlic every day keeps covid away', 'garlic-prevents-infection');
  });
});
