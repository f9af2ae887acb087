import { describe, expect, it } from 'vitest';
import { actThresholdOf, SHIPPED_RULES_FILE } from '../../src/eval/actThreshold.js';
import { createMatcher } from '../../src/matching/matcher.js';
import type { Stance } from '../../src/matching/types.js';
import { loadSettingsFile } from '../../src/rules/loadSettings.js';
import { ALL_DEBUNKS, DEBUNKS, debunk } from './fixtures.js';

const ACT = actThresholdOf();
const shipped = loadSettingsFile(SHIPPED_RULES_FILE);
/** The shipped rules' `thresholds.answer`: questions are answered from it. */
const ANSWER = (shipped.ok ? shipped.settings.thresholds.answer : undefined) ?? ACT;
const GROUP_OWNER = debunk({ id: 'group-owner-not-responsible', claim: '群里有人发谣言，谁发的谁负责，跟群主没关系', lang: 'zh' });
const HOAX_CLAIM = debunk({ id: 'climate-hoax-quote', claim: 'The president called global warming a hoax invented by China', lang: 'en' });
const NEVER_PUNISHED = debunk({ id: 'online-rumors-never-punished', claim: '网上传个谣言而已，根本没人管，也不会被处罚', lang: 'zh' });
const RED_LIGHTS = debunk({ id: 'red-lights', claim: '十堰为了不让大家出门，所有路口的红绿灯全调成红灯', lang: 'zh' });
const BREATH = debunk({ id: 'breath-test', claim: 'If you can hold your breath for 10 seconds without coughing, you do not have the coronavirus', lang: 'en' });
const BANANAS = debunk({ id: 'bananas', claim: 'Bananas imported from Costa Rica carry flesh-eating bacteria', lang: 'en' });
const FORWARDING = debunk({ id: 'forwarding-legal', claim: '只是在群里转发一下，又不是我编的，不犯法', variants: ['转发谣言不违法，只有造谣的人才犯法'], lang: 'zh' });
const TRAIN = debunk({ id: 'gop-train', claim: 'The train carrying GOP members of Congress to a West Virginia retreat crashed due to a Deep State plot', lang: 'en' });
const ALIAS = debunk({ id: 'ivanka-alias', claim: 'In June 2018, Ivanka Trump adopted the alias "Adrienne Vittadini" to market her fashion line to unwitting buyers', lang: 'en' });
const HOSPITAL_SHIPS = debunk({ id: 'hospital-ships', claim: '美国的10艘医疗军舰已经开进纽约港', lang: 'zh' });
const matcher = createMatcher([...ALL_DEBUNKS, GROUP_OWNER, HOAX_CLAIM, NEVER_PUNISHED, RED_LIGHTS, BREATH, BANANAS, TRAIN, FORWARDING, ALIAS, HOSPITAL_SHIPS]);
const FIVE_G = '5G towers spread the coronavirus';
const HOT_WATER = '喝热水可以杀死新冠病毒';

const cases: { given: string; text: string; stance: Stance; id?: string }[] = [
  // Spreading, including with borrowed refutation words.
  { given: 'the bare claim', text: FIVE_G, stance: 'spread' },
  { given: 'outrage with "??"', text: 'omg 5G towers spread the coronavirus??', stance: 'spread' },
  { given: 'distrust of Snopes', text: `${FIVE_G}. Snopes is paid to lie`, stance: 'spread' },
  { given: 'fact checks called fake news', text: `${FIVE_G}. fact check is fake news`, stance: 'spread' },
  { given: 'mocking the mods', text: `${FIVE_G} (mods: debunked lol)`, stance: 'spread' },
  { given: '别信官方辟谣，赶紧转发', text: `${HOT_WATER}，别信官方辟谣，赶紧转发`, stance: 'spread' },
  { given: '"这不是谣言"', text: `这不是谣言，${HOT_WATER}`, stance: 'spread' },
  { given: '"not fake"', text: `${FIVE_G}, this is not fake`, stance: 'spread' },
  { given: 'a claim that holds 谣言 itself', text: '群里有人发谣言，谁发的谁负责，跟群主没关系', stance: 'spread', id: GROUP_OWNER.id },
  { given: 'a claim that holds "hoax" itself', text: 'The president called global warming a hoax invented by China, look it up', stance: 'spread', id: HOAX_CLAIM.id },
  { given: 'laughing while passing it on', text: `哈哈哈笑死 ${HOT_WATER}，大家多喝点`, stance: 'spread' },
  { given: '"I used to think it was a myth, but …"', text: `I used to think it was a myth, but ${FIVE_G}`, stance: 'spread' },
  { given: '"why is nobody talking about how …?" (rhetorical)', text: `Why is nobody talking about how ${FIVE_G}?`, stance: 'spread' },
  { given: '"专家辟谣也没用，…是真的"', text: `专家辟谣也没用，${HOT_WATER}是真的`, stance: 'spread' },
  { given: '"not sure if it\'s true but better safe than sorry"', text: `Not sure if it's true but better safe than sorry: ${FIVE_G}`, stance: 'spread' },
  { given: 'a rhetorical "哪有" (not a question)', text: `${HOT_WATER}，医院哪有空管这些`, stance: 'spread' },
  { given: 'outrage that calls something else "embarrassing"', text: `It's embarrassing how the government hides that ${FIVE_G}`, stance: 'spread' },
  { given: 'the official line called "a lie"', text: `The "5G is safe" line is a lie. ${FIVE_G}`, stance: 'spread' },
  { given: '"zero chance" of something else', text: `There's zero chance the government admits ${FIVE_G}`, stance: 'spread' },
  { given: '"called it misinfo, but …"', text: `Mods called it misinfo but ${FIVE_G}`, stance: 'spread' },
  { given: '"醒醒吧" opening a message that passes it on', text: `醒醒吧各位，${HOT_WATER}，告诉家里的老人`, stance: 'spread' },
  { given: '"they want us to stop posting …" of something else', text: `They want us to stop posting the truth: ${FIVE_G}`, stance: 'spread' },
  { given: '"I don\'t care if you think it\'s nonsense, …"', text: `I don't care if you think it's nonsense, ${FIVE_G}`, stance: 'spread' },
  { given: '"they\'ll tell you it\'s misinformation"', text: `They'll tell you it's misinformation. ${FIVE_G}`, stance: 'spread' },
  { given: '"don\'t let anyone tell you it\'s fake"', text: `${FIVE_G}. don't let anyone tell you it's fake`, stance: 'spread' },
  { given: '"the real misinformation is …"', text: `the real misinformation is that 5G is safe. ${FIVE_G}`, stance: 'spread' },
  { given: '"Snopes won\'t tell you this but …"', text: `Snopes won't tell you this but ${FIVE_G}`, stance: 'spread' },
  { given: '"官方说是谣言，但…"', text: `官方说是谣言，但${HOT_WATER}`, stance: 'spread' },
  { given: '"说是谣言的都是没试过的"', text: `说是谣言的都是没试过的，${HOT_WATER}`, stance: 'spread' },
  { given: '"不管别人怎么辟谣"', text: `不管别人怎么辟谣，我相信${HOT_WATER}`, stance: 'spread' },
  { given: '"网上说假的，我不信"', text: `网上说假的，我不信，${HOT_WATER}`, stance: 'spread' },
  { given: 'urging, with the refutation only reported ("they say it\'s a myth")', text: `Share this before they delete it! ${FIVE_G}. They say it's a myth.`, stance: 'spread' },
  { given: '"赶紧转发！…，官方说是谣言"', text: `赶紧转发！${HOT_WATER}，官方说是谣言`, stance: 'spread' },
  { given: 'an eye-roll at the officials, not the claim', text: `${FIVE_G} and the officials say it's safe 🙄`, stance: 'spread' },
  // Asking.
  { given: '"is it true that …?"', text: `is it true that ${FIVE_G}?`, stance: 'question' },
  { given: '"did … really …?"', text: 'did 5G towers really spread the coronavirus?', stance: 'question' },
  { given: '"…是真的吗？"', text: `${HOT_WATER}，是真的吗？`, stance: 'question' },
  { given: 'a Chinese claim with a question mark', text: `听说${HOT_WATER}？`, stance: 'question' },
  { given: '"真的假的" (holds 假的)', text: `${HOT_WATER}，真的假的`, stance: 'question' },
  { given: 'a question with one doubting word', text: 'did 5G towers really spread the coronavirus? or is that fake', stance: 'question' },
  { given: 'a question sent without its mark ("do we …")', text: `do we have to worry that ${FIVE_G}`, stance: 'question' },
  { given: 'a question mark on one sentence, the next asking without one', text: `wait what?? should we believe that ${FIVE_G}`, stance: 'question' },
  { given: '"do this …" (telling, not asking)', text: `do this now: tell everyone ${FIVE_G}`, stance: 'spread' },
  { given: 'a Chinese question by "能不能", without its mark', text: '喝热水到底能不能杀死新冠病毒', stance: 'question' },
  { given: 'a Chinese question by "是不是"', text: '是不是喝热水可以杀死新冠病毒', stance: 'question' },
  { given: 'a Chinese question by "X不X" on a verb and its object ("杀不杀得死")', text: '喝热水杀不杀得死新冠病毒啊', stance: 'question' },
  { given: 'a Chinese question by "有没有"', text: '喝热水可以杀死新冠病毒，有没有依据', stance: 'question' },
  { given: '"does … really …" without its mark, with a doubting word', text: 'do 5G towers really spread the coronavirus or is that nonsense', stance: 'question' },
  { given: 'a tag question ("…, legit?")', text: `my aunt says ${FIVE_G}, legit?`, stance: 'question' },
  { given: '"anyone know whether"', text: `anyone know whether ${FIVE_G}`, stance: 'question' },
  { given: '"is that actually true?" in a sentence of its own', text: `my grandpa keeps saying ${FIVE_G}. Is that actually true?`, stance: 'question' },
  { given: '"is this a real thing??"', text: `lol my mom says ${FIVE_G}. is this a real thing??`, stance: 'question' },
  { given: 'a claim passed on, then "does it work?"', text: 'my mom sent me that holding your breath for 10 seconds test for covid, does it work?', stance: 'question', id: BREATH.id },
  { given: '"is there anything to that?" after the claim', text: `someone at work said ${FIVE_G}, is there anything to that?`, stance: 'question' },
  { given: '"any truth in that?"', text: `my neighbour keeps saying ${FIVE_G}. any truth in that?`, stance: 'question' },
  { given: '"is this for real" after "??"', text: `${FIVE_G}?? is this for real`, stance: 'question' },
  { given: '"can someone fact check this:" (holds "fact check")', text: `Can someone fact check this: ${FIVE_G}`, stance: 'question' },
  { given: '"is that right?"', text: `so ${FIVE_G}? is that right?`, stance: 'question' },
  { given: '"how true is it that"', text: `how true is it that ${FIVE_G}`, stance: 'question' },
  { given: 'a sentence that is only a tag ("Thoughts?")', text: `Heard that ${FIVE_G}. Thoughts?`, stance: 'question' },
  { given: 'a question after a lead-in and a dash ("Quick q - do …?")', text: 'Quick q - do 5G towers spread the coronavirus?', stance: 'question' },
  { given: '"Heard …??" (once spread, and struck)', text: `Heard ${FIVE_G}?? should I switch off my phone`, stance: 'question' },
  { given: '"Anyone …?" ', text: `anyone else think ${FIVE_G}?`, stance: 'question' },
  { given: '"…，有用吗？" after a Chinese claim', text: `${HOT_WATER}，有人试过吗，有用吗？`, stance: 'question' },
  { given: '"管用不" at the end', text: `${HOT_WATER}，管用不`, stance: 'question' },
  { given: '"是真的还是假的" (holds 假的)', text: `${HOT_WATER}，这是真的还是假的`, stance: 'question' },
  { given: 'a rhetorical "why is nobody talking about this?"', text: `${FIVE_G}. Why is nobody talking about this?`, stance: 'spread' },
  { given: '"Did you know?" before the claim', text: `Did you know? ${FIVE_G}`, stance: 'spread' },
  { given: '"Does anyone know if this is true?" in a sentence of its own', text: `My mum sent me a video saying ${FIVE_G}. Does anyone know if this is true?`, stance: 'question' },
  { given: '"please check before sharing"', text: `For the people forwarding "${FIVE_G}" again: radio waves cannot carry a virus. Please check before sharing.`, stance: 'refute' },
  { given: 'a denial inside a condition ("if you do not …")', text: `If you do not forward this, ${FIVE_G}`, stance: 'spread' },
  { given: 'a request ("can you send me …?"), not a question whether it is true', text: `can you send me the post that says ${FIVE_G}?`, stance: 'spread' },
  { given: '"No wonder" opening the claim', text: `No wonder everyone is sick, ${FIVE_G}`, stance: 'spread' },
  { given: '"No joke," opening the claim', text: `No joke, ${FIVE_G}`, stance: 'spread' },
  { given: '"No one is talking about it but"', text: `No one is talking about it but ${FIVE_G}`, stance: 'spread' },
  { given: '"No idea if it\'s true but"', text: `No idea if it's true but ${FIVE_G}`, stance: 'spread' },
  { given: '"Not sure if you guys heard, but"', text: `Not sure if you guys heard, but ${FIVE_G}`, stance: 'spread' },
  { given: '"No, seriously,"', text: `No, seriously, ${FIVE_G}`, stance: 'spread' },
  { given: '"not sure if this is true"', text: `${FIVE_G}, not sure if this is true`, stance: 'question' },
  { given: '"我试过了，真的管用" (testimony, not a question)', text: `${HOT_WATER}，我试过了，真的管用`, stance: 'spread' },
  // Refuting.
  { given: '"… is a hoax"', text: `the claim that ${FIVE_G} is a hoax`, stance: 'refute' },
  { given: '"…是谣言"', text: `${HOT_WATER}是谣言，别转了`, stance: 'refute' },
  { given: '"这是错的" after the claim retold', text: `有人说${HOT_WATER}，这是错的，没有科学依据`, stance: 'refute' },
  { given: 'a denial inside the claim', text: '5G towers never spread the coronavirus', stance: 'refute' },
  { given: 'the claim with "does not"', text: '5G towers do NOT spread the coronavirus', stance: 'refute' },
  { given: 'the Chinese claim with "不能"', text: '喝热水不能杀死新冠病毒', stance: 'refute' },
  { given: 'an opening "no,"', text: `no, ${FIVE_G} is not a thing, read the WHO page`, stance: 'refute' },
  { given: 'an opening "no it\'s"', text: `no it's not true that ${FIVE_G}`, stance: 'refute' },
  { given: 'the claim asked, then answered "No."', text: `${FIVE_G}? No. Radio waves cannot carry viruses.`, stance: 'refute' },
  { given: 'another positive after the claim\'s own character ("编的人才违法")', text: '转发不违法的，编的人才违法', stance: 'spread', id: FORWARDING.id },
  { given: '"a conspiracy theory, stop forwarding it"', text: `the ${FIVE_G} thing is a conspiracy theory, stop forwarding it`, stance: 'refute' },
  { given: '"tells you nothing"', text: `saying ${FIVE_G} tells you nothing, radio waves can't carry a virus`, stance: 'refute' },
  { given: 'a Chinese claim retold as protection ("不会被传染")', text: '天天喝热水就可以杀死新冠病毒，不会被传染，我们全家都在喝', stance: 'spread' },
  { given: 'a negative claim retold with another denial word ("根本不会")', text: '在网上传谣言根本不会被处罚的，放心发', stance: 'spread', id: NEVER_PUNISHED.id },
  { given: 'a negative claim denied ("不是没人管")', text: '网上传谣言不是没人管，会被处罚的', stance: 'refute', id: NEVER_PUNISHED.id },
  { given: 'a rhetorical "怎么可能有人管" retelling "没人管" (once read as refuting)', text: '网上传个谣言而已，怎么可能有人管，又不会被处罚', stance: 'spread', id: NEVER_PUNISHED.id },
  { given: 'a rhetorical "怎么会犯法" retelling "不犯法"', text: '只是在群里转发一下而已，又不是我编的，怎么会犯法', stance: 'spread', id: FORWARDING.id },
  { given: 'a negative claim stated the other way round with another modal ("要被处罚")', text: '在网上传谣是要被处罚的，别不当回事', stance: 'refute', id: NEVER_PUNISHED.id },
  { given: '"Is that a thing?" after the claim told', text: `Someone said ${FIVE_G}?? Is that a thing?`, stance: 'question' },
  { given: 'a negative claim stated the other way round ("会被处罚")', text: '网上传谣言会被处罚的，大家注意', stance: 'refute', id: NEVER_PUNISHED.id },
  { given: 'a claim whose 不 is only its purpose ("为了不让…"), retold without it', text: '十堰为了让大家别出门，路口红绿灯都改成红灯了', stance: 'spread', id: RED_LIGHTS.id },
  { given: 'a claim denied with "don\'t"', text: "bananas from costa rica don't carry flesh eating bacteria", stance: 'refute', id: BANANAS.id },
  { given: 'a claim denied with "dont", as chat types it', text: 'bananas from costa rica dont carry flesh eating bacteria', stance: 'refute', id: BANANAS.id },
  { given: 'a negative claim retold with its "do not" spelled "don\'t", twice', text: "hold your breath for 10 seconds. If you don't cough, you don't have the coronavirus", stance: 'spread', id: BREATH.id },
  { given: 'a positive the claim itself says ("造谣的才犯法")', text: '转发又不犯法，造谣的才犯法', stance: 'spread', id: FORWARDING.id },
  { given: '"不违法" said plainly ("也是违法的")', text: '只是在群里转发谣言也是违法的，别以为不是你编的就没事', stance: 'refute', id: FORWARDING.id },
  { given: 'the claim\'s negated predicate said plainly ("也犯法")', text: '只是在群里转发谣言也犯法的，别以为不是你编的就没事', stance: 'refute', id: FORWARDING.id },
  { given: '"not a" before the claim\'s own words', text: 'the GOP train to the West Virginia retreat hit a truck, it was an accident not a deep state plot', stance: 'refute', id: TRAIN.id },
  { given: '"not an accident" (not the claim\'s word)', text: 'the GOP train crash on the way to the West Virginia retreat was not an accident, deep state plot', stance: 'spread', id: TRAIN.id },
  { given: '"wasn\'t a coincidence"', text: "the train carrying GOP members to the West Virginia retreat crashed, wasn't a coincidence, deep state plot", stance: 'spread', id: TRAIN.id },
  { given: 'a negative claim denied with another word ("doesn\'t mean")', text: "holding your breath for 10 seconds without coughing doesn't mean you don't have the coronavirus", stance: 'refute', id: BREATH.id },
  { given: 'a repeated cue beyond the claim', text: '群里有人发谣言，谁发的谁负责，跟群主没关系——这本身就是谣言', stance: 'refute', id: GROUP_OWNER.id },
  { given: '"complete nonsense"', text: `${FIVE_G} is complete nonsense`, stance: 'refute' },
  { given: '"has nothing to do with"', text: "radio waves can't carry viruses, 5G towers have nothing to do with the coronavirus spreading", stance: 'refute' },
  { given: '"there\'s zero evidence"', text: "5G towers don't spread the coronavirus, there's zero evidence", stance: 'refute' },
  { given: '"has been disproven"', text: `the idea that ${FIVE_G} has been disproven`, stance: 'refute' },
  // Laughing it off.
  { given: 'disbelief', text: `My grandma says ${FIVE_G}, lol no`, stance: 'mock' },
  { given: '这也有人信', text: `${HOT_WATER}？这也有人信`, stance: 'mock' },
  { given: '"people still think"', text: `people still think ${FIVE_G} 🤦`, stance: 'mock' },
  { given: 'sarcasm', text: `lol ${FIVE_G}, sure, and I'm the pope`, stance: 'mock' },
  { given: '"people will believe anything"', text: `${FIVE_G} 😂😂 people will believe anything`, stance: 'mock' },
  { given: '"Sadly no, there\'s no evidence" (the first "no" answers, it does not negate)', text: `${FIVE_G}? Sadly no, there's no evidence for that`, stance: 'refute' },
  { given: '"has been proven wrong"', text: `The whole ${FIVE_G} idea has been proven wrong many times`, stance: 'refute' },
  { given: '"没有科学常识"', text: `说${HOT_WATER}的，都是没有科学常识`, stance: 'refute' },
  { given: 'those who call it false called paid ("说是假的都是公关")', text: `${HOT_WATER}，网上说是假的都是公关`, stance: 'spread' },
  { given: '"this is no hoax"', text: `${FIVE_G}, this is no hoax`, stance: 'spread' },
  { given: '"my dad still believes"', text: `lmao my dad still believes ${FIVE_G}`, stance: 'mock' },
  { given: '"… are unrelated"', text: `people say ${FIVE_G}. 5G and covid are unrelated`, stance: 'refute' },
  { given: '"classic boomer forward"', text: `${FIVE_G}, classic boomer forward`, stance: 'refute' },
  { given: '"sounds fishy"', text: `${FIVE_G}? Sounds fishy to me`, stance: 'mock' },
  { given: '"the dumbest thing"', text: `${FIVE_G} is the dumbest thing I've heard this year`, stance: 'mock' },
  { given: 'a question answered "没用的"', text: `${HOT_WATER}？没用的`, stance: 'refute' },
  { given: 'something else called useless beside the claim ("吃药都没用的")', text: `${HOT_WATER}，吃药都没用的，天天喝就好`, stance: 'spread' },
  { given: '"站不住脚" after the claim asked', text: `${HOT_WATER}？这种说法根本站不住脚`, stance: 'refute' },
  { given: '"杀不死" inside the claim', text: '喝热水杀不死新冠病毒', stance: 'refute' },
  { given: '"…和…没关系" denying the link the claim draws', text: '喝热水可以杀死新冠病毒？新冠和喝热水没关系', stance: 'refute' },
  { given: 'a claim that denies a link itself, retold in other words ("跟群主没有关系")', text: '群里谁发谣言谁负责，跟群主没有关系', stance: 'spread', id: GROUP_OWNER.id },
  { given: '"they say it\'s debunked but"', text: `They say it's debunked but ${FIVE_G}, open your eyes`, stance: 'spread' },
  // A claim's modal, or a modal before its verb, negated.
  { given: 'the claim\'s "will pay" said as "will not pay" (once spread, and struck)', text: 'Bill Gates will not pay you for forwarding emails. Delete it.', stance: 'refute', id: DEBUNKS.gatesEmail.id },
  { given: '"can\'t" before the claim\'s verb', text: "5G towers can't spread the coronavirus, radio waves don't carry viruses", stance: 'refute' },
  { given: '"won\'t pay you unless …" (a threat)', text: "Bill Gates won't pay you unless you forward this email to everyone", stance: 'spread', id: DEBUNKS.gatesEmail.id },
  { given: '"can\'t" retelling a claim that denies itself', text: "If you can't hold your breath for 10 seconds without coughing, you have the coronavirus", stance: 'spread', id: BREATH.id },
  { given: '"— fact or myth?"', text: `${FIVE_G} — fact or myth?`, stance: 'question' },
  { given: 'a question after an "if" clause (once spread, and struck)', text: "if I can hold my breath for 10 seconds does that mean I don't have the coronavirus?", stance: 'question', id: BREATH.id },
  { given: '"so do … or not?"', text: 'so do 5G towers spread the coronavirus or not?', stance: 'question' },
  { given: '"wait, are …?"', text: 'wait, are 5G towers spreading the coronavirus?', stance: 'question' },
  { given: '"ok …??" (outrage, not built as a question)', text: `ok ${FIVE_G}?? unbelievable`, stance: 'spread' },
  { given: '"is that how it works?" after the claim', text: `${FIVE_G}?? is that how it works?`, stance: 'question' },
  { given: '"lol this again?"', text: `"${FIVE_G}" lol this again? it's 2024`, stance: 'mock' },
  { given: 'telling others to stop calling it a rumor ("别再说是谣言了")', text: `${HOT_WATER}，别再说是谣言了`, stance: 'spread' },
  { given: 'a question word ending a sentence without its mark ("…哪天", once spread, and struck)', text: `${HOT_WATER}这个说法是哪天出来的`, stance: 'question' },
  { given: '"Any evidence that …?"', text: `Any evidence that ${FIVE_G}?`, stance: 'question' },
  { given: '"…, anyone tried?" tagged on', text: 'got an email saying Bill Gates will pay you for forwarding this email, anyone tried?', stance: 'question', id: DEBUNKS.gatesEmail.id },
  { given: '"people who think … need to go back to school"', text: `people who think ${FIVE_G} need to go back to school`, stance: 'mock' },
  { given: 'the claim quoted with clowns', text: `"${FIVE_G}" 🤡🤡🤡`, stance: 'mock' },
  { given: '"…, bless her"', text: `my aunt thinks ${FIVE_G}, bless her`, stance: 'mock' },
  { given: '"can we stop with …, it\'s never true" (a plea, not a question)', text: `can we stop with the "${FIVE_G}" messages, it's never true`, stance: 'refute' },
  { given: '"quick question, …?"', text: `quick question, ${FIVE_G}? my neighbour says so`, stance: 'question' },
  { given: '"这种鬼话也有人信"', text: `${HOT_WATER}，这种鬼话也有人信`, stance: 'mock' },
  { given: '"…？别搞笑了"', text: `${HOT_WATER}？别搞笑了`, stance: 'mock' },
  { given: '"瞎传的吧" after the claim asked', text: `${HOT_WATER}？瞎传的吧，我问过医生`, stance: 'refute' },
  { given: '"根本没这事"', text: `${HOT_WATER}？我问过医生，根本没这事`, stance: 'refute' },
  { given: '"没有任何科学依据"', text: `${HOT_WATER}这种说法没有任何科学依据`, stance: 'refute' },
  { given: '"hey guys, do …?" (lead-in words before the question)', text: `hey guys, do 5G towers spread the coronavirus? my aunt keeps sending me stuff`, stance: 'question' },
  { given: '"hold on, …? where\'s that from"', text: `hold on, ${FIVE_G}? where's that from`, stance: 'question' },
  { given: '"how do I explain to him that\'s wrong?"', text: `My neighbor says ${FIVE_G}. How do I explain to him that's wrong?`, stance: 'question' },
  { given: '"…, not that one again" (weary of it)', text: `my aunt says ${FIVE_G}. ugh, not that one again`, stance: 'mock' },
  { given: '"… fell for it"', text: `${FIVE_G}, and my dad fell for it`, stance: 'mock' },
  { given: '"lol at people sharing …"', text: `lol at people sharing "${FIVE_G}"`, stance: 'mock' },
  { given: '"…, still embarrassing"', text: `"${FIVE_G}" - my uncle, 2020. still embarrassing`, stance: 'mock' },
  { given: '"saw a post claiming …. Reported it."', text: `Saw a post claiming ${FIVE_G}. Reported it.`, stance: 'refute' },
  { given: 'a rhetorical "谁说…？"', text: `谁说${HOT_WATER}？医生都说没用的`, stance: 'refute' },
  { given: 'a rhetorical "谁说…" before a claim that denies something itself', text: '谁说群主没责任？群里有人发谣言，群主也要担责', stance: 'refute', id: GROUP_OWNER.id },
  { given: '"谁说…不…" (denying a denial of the claim)', text: '谁说喝热水不能杀死新冠病毒，我天天喝', stance: 'spread' },
  { given: '"…? that\'s a lie"', text: `${FIVE_G}? that's a lie and you know it`, stance: 'refute' },
  { given: '"… has no basis"', text: `the claim that ${FIVE_G} has no basis at all`, stance: 'refute' },
  { given: '"sure, …, and the earth is flat too"', text: `sure, ${FIVE_G}, and the earth is flat too`, stance: 'mock' },
  { given: '"source: trust me bro"', text: `${FIVE_G}... source: trust me bro`, stance: 'mock' },
  { given: '"big if true"', text: `${FIVE_G}, big if true`, stance: 'mock' },
  { given: '"…？…早就说了没用"', text: `${HOT_WATER}？医生早就说了没用`, stance: 'refute' },
  { given: '"信不信由你" (believe it or not, while telling it)', text: `${HOT_WATER}，信不信由你`, stance: 'spread' },
  { given: '"curious if …"', text: `Curious if ${FIVE_G}, my dad is convinced`, stance: 'question' },
  { given: '"can someone tell me if …"', text: `Can someone tell me if ${FIVE_G}`, stance: 'question' },
  { given: '"thoughts on …?"', text: `Thoughts on the idea that ${FIVE_G}?`, stance: 'question' },
  { given: '"… or is that just a rumor?" (a doubt asked)', text: `${FIVE_G}... or is that just a rumor?`, stance: 'question' },
  { given: '"…?? asking for my mom"', text: `${FIVE_G}?? asking for my mom`, stance: 'question' },
  { given: '"…吗，有点慌" (吗 before a comma)', text: `${HOT_WATER}吗，有点慌`, stance: 'question' },
  { given: '"你们看了吗，…" (leading into the news)', text: `你们看了吗，${HOT_WATER}，太神奇了`, stance: 'spread' },
  { given: '"please stop posting …"', text: `please stop posting the ${FIVE_G} stuff in here`, stance: 'refute' },
  { given: '"… is dangerous misinfo"', text: `mods pls delete, ${FIVE_G} is dangerous misinfo`, stance: 'refute' },
  { given: '"my doctor laughed when I asked if …"', text: `My doctor laughed when I asked if ${FIVE_G}`, stance: 'mock' },
  { given: '"…纯属虚构"', text: `${HOT_WATER}纯属虚构`, stance: 'refute' },
  { given: '"…都是营销号瞎写的"', text: `${HOT_WATER}这种都是营销号瞎写的`, stance: 'refute' },
  { given: '"…？标题党吧"', text: `${HOT_WATER}？标题党吧`, stance: 'refute' },
  { given: '"在哪能…" without a question mark (asks where)', text: `${HOT_WATER}，这种热水壶在哪能买到`, stance: 'question' },
  { given: 'a quoted line, then "no they don\'t"', text: `> ${FIVE_G}\nno they don't, stop`, stance: 'refute' },
  { given: 'a quoted line, then agreeing', text: `> ${FIVE_G}\nthis. exactly this.`, stance: 'spread' },
  { given: 'a thinking face', text: `${FIVE_G}??? 🤔`, stance: 'question' },
  { given: '"世卫组织：不会" after the claim', text: `${HOT_WATER}❌ 世卫组织：不会`, stance: 'refute' },
  { given: '"专家说不会被处罚" (telling what the claim says)', text: '网上传个谣言而已，专家说不会被处罚', stance: 'spread', id: NEVER_PUNISHED.id },
  { given: '"anyway did you guys see …?" (telling the news)', text: `ugh traffic was insane today. anyway did you guys see ${FIVE_G}? people are crazy`, stance: 'spread' },
  { given: '"did you know …??" (telling the news)', text: `hey did you know ${FIVE_G}?? crazy`, stance: 'spread' },
  { given: '"do you know if …?" (asks)', text: `do you know if ${FIVE_G}?`, stance: 'question' },
  { given: '"… or is that an old wives tale" (asks)', text: 'do 5G towers spread the coronavirus or is that an old wives tale', stance: 'question' },
  { given: '"…. how accurate is that" without a question mark', text: `someone told me ${FIVE_G}. how accurate is that`, stance: 'question' },
  { given: '", don\'t eat them" (a warning that passes it on)', text: "WARNING: bananas from Costa Rica have necrotizing fasciitis bacteria, don't eat them for the next 3 weeks", stance: 'spread', id: BANANAS.id },
  { given: '"don\'t carry …, don\'t panic" (the denial still counts)', text: "Bananas imported from Costa Rica don't carry flesh-eating bacteria, don't panic", stance: 'refute', id: BANANAS.id },
  { given: '"…就不会找上你" (what the claim promises)', text: `多喝热水，病毒就不会找上你，${HOT_WATER}`, stance: 'spread' },
  { given: '"There was no …" before the claim\'s words', text: 'The GOP train hit a garbage truck. There was no deep state plot, come on', stance: 'refute', id: TRAIN.id },
  { given: '"There is no …" right before the claim', text: `There is no 5G tower that can spread the coronavirus`, stance: 'refute' },
  { given: '"… there is no doubt" (insisting)', text: 'The train carrying GOP members of Congress crashed due to a Deep State plot, there is no doubt', stance: 'spread', id: TRAIN.id },
  { given: '"there are no serious injuries" (no claim word after it)', text: 'The train carrying GOP members of Congress crashed, there are no serious injuries among members of Congress', stance: 'spread', id: TRAIN.id },
  { given: '"… what do I tell him" (asks how to answer)', text: `my dad just got a message saying ${FIVE_G}. what do I tell him`, stance: 'question' },
  { given: '"imagine thinking …"', text: `imagine thinking ${FIVE_G} 😂`, stance: 'mock' },
  { given: '"…犯法也轮不到我" (conceding, not the opposite)', text: '又不是我编的，我就转了一下，犯法也轮不到我', stance: 'spread', id: FORWARDING.id },
  { given: '"used a fake name" (what the claim says was faked)', text: 'In June 2018 Ivanka Trump used a fake name, "Adrienne Vittadini", to market her fashion line to unwitting buyers', stance: 'spread', id: ALIAS.id },
  { given: '"没有" before the claim\'s number', text: '美国没有10艘医疗船开进纽约港，他们总共就两艘', stance: 'refute', id: HOSPITAL_SHIPS.id },
  { given: '"…. it doesn\'t, mom" (a bare denial after the claim)', text: `ugh my mom keeps saying ${FIVE_G}. they don't, mom`, stance: 'refute' },
  { given: '"…. They don\'t." after a reported claim', text: `They say ${FIVE_G}. They don't.`, stance: 'refute' },
  { given: '"…. it doesn\'t hurt to try" (goes on: not a denial)', text: `${FIVE_G}. it doesn't hurt to turn your phone off at night`, stance: 'spread' },
  { given: '"已经有好几个人被拘留了" (several, not how many)', text: '网上传谣一样会被处罚，已经有好几个人被拘留了', stance: 'refute', id: NEVER_PUNISHED.id },
  { given: '"这几天别…" (these few days, not which)', text: '十堰为了不让大家出门，所有路口的红绿灯全调成红灯了，大家这几天别出门了', stance: 'spread', id: RED_LIGHTS.id },
  { given: '"how much … do I need to …" without a question mark', text: 'how much garlic do I need to eat so that 5G towers spread the coronavirus less', stance: 'question' },
  { given: '"Should I be worried or is it nonsense?" after the claim quoted', text: `Got this from the neighbourhood group: "${FIVE_G}, turn off your router at night". Should I be worried or is it nonsense?`, stance: 'question' },
  { given: '"…, does that mean …?" after telling what one did', text: "Guys I held my breath for 10 seconds without coughing, does that mean I don't have the coronavirus? My throat still hurts", stance: 'question', id: BREATH.id },
  { given: '"错！" on its own after the claim', text: '有人说只是在群里转发一下，又不是我编的，不犯法。错！转发谣言情节严重的也要负法律责任', stance: 'refute', id: FORWARDING.id },
  { given: '"假的？" after the claim (asks)', text: `${FIVE_G}. 假的？`, stance: 'question', id: '5g-coronavirus' },
  { given: '"if … we wouldn\'t need tests" (the claim taken to an absurd end)', text: "if holding your breath for 10 seconds without coughing meant you don't have the coronavirus we wouldn't need tests lol", stance: 'mock', id: BREATH.id },
  { given: '"if everyone … we would have no cases" (what the claim promises)', text: 'Bananas imported from Costa Rica carry flesh-eating bacteria, if everyone avoided them we would have no cases', stance: 'spread', id: BANANAS.id },
  { given: '"… is straight up cap" (slang for a lie)', text: `${FIVE_G}? straight up cap lmaooo`, stance: 'refute' },
  { given: '"…, no cap" (slang for "truly")', text: `${FIVE_G}, no cap`, stance: 'spread' },
  { given: '"… or nah" without a question mark', text: `ngl kinda worried, do ${FIVE_G} or nah`, stance: 'question' },
  { given: '"…？离谱，这都能信" (laughing it off)', text: `${HOT_WATER}？离谱，这都能信`, stance: 'mock' },
  { given: '"…, is that even real?"', text: `my uncle was ranting that ${FIVE_G}. is that even real? he gets his news from facebook`, stance: 'question' },
  { given: '"…，你们…了吗" (asking the others what they did)', text: `听说${HOT_WATER}，我妈让我多喝，你们喝了吗`, stance: 'spread' },
  { given: '"nobody can convince me …"', text: `Nobody can convince me ${FIVE_G}`, stance: 'refute' },
  { given: '"nobody can convince me … don\'t …" (denying a denial)', text: "Nobody can convince me 5G towers don't spread the coronavirus", stance: 'spread' },
  { given: '"you\'ll never convince me that … don\'t …"', text: "You'll never convince me that 5G towers don't spread the coronavirus", stance: 'spread' },
  { given: '"… don\'t only …, they …" (adding, not denying)', text: "5G towers don't only spread the coronavirus, they cause cancer too", stance: 'spread' },
  { given: '"there is zero chance …"', text: `There is zero chance ${FIVE_G}`, stance: 'refute' },
  { given: '"not only fake news, …" (adding to the refutation)', text: `${FIVE_G}? that is not only fake news, it's fake science`, stance: 'refute' },
  { given: '"…？不可能的"', text: `${HOT_WATER}？不可能的`, stance: 'refute' },
  { given: '"我才不信…"', text: `我才不信${HOT_WATER}`, stance: 'mock' },
  { given: '"maybe …, who knows"', text: `maybe ${FIVE_G}, who knows`, stance: 'question' },
  { given: '"I\'m not sure but I read …?"', text: `I'm not sure but I read ${FIVE_G}?`, stance: 'question' },
  { given: '"people claiming … should be banned"', text: `People claiming ${FIVE_G} should be banned from this group`, stance: 'refute' },
  { given: '"…稍微有点常识的人都不会信"', text: `${HOT_WATER}这种说法，稍微有点常识的人都不会信`, stance: 'mock' },
  { given: '"说…是谣言的人，自己去查查" (those who refute it told off)', text: `说${HOT_WATER}是谣言的人，自己去查查资料吧`, stance: 'spread' },
  { given: '"…，没用" said last', text: `建议大家别再信${HOT_WATER}了，没用`, stance: 'refute' },
  { given: '"官方说是谣言，但还是有人信…" (laughing at believers)', text: `官方说是谣言，但还是有人信${HOT_WATER}`, stance: 'refute' },
  { given: '"please share this: … do NOT …" (urging to pass the refutation on)', text: 'Please share this: 5G towers do NOT spread the coronavirus', stance: 'refute' },
  { given: '"spread the word, … is a hoax"', text: `Spread the word, ${FIVE_G} is a hoax`, stance: 'refute' },
  { given: '"请转发：…是谣言"', text: `请转发：${HOT_WATER}是谣言`, stance: 'refute' },
  { given: '"…, so that theory makes no sense"', text: `Wuhan had barely any 5G when the coronavirus started, so the theory that ${FIVE_G} makes no sense`, stance: 'refute' },
  { given: '"…传不了" right after the claim\'s words', text: '新冠是呼吸道传播的，5G基站传不了', stance: 'refute', id: DEBUNKS.fiveG.id },
  { given: 'an eye-roll right after the claim', text: `Yeah and ${FIVE_G} too 🙄`, stance: 'mock' },
  { given: '"…, said no scientist ever"', text: `${FIVE_G}, said no scientist ever`, stance: 'mock' },
  { given: '"ah yes, …"', text: `Ah yes, ${FIVE_G}, the famous radio virus`, stance: 'mock' },
  { given: '"right, because …. Totally."', text: `Right, because ${FIVE_G}. Totally.`, stance: 'mock' },
  { given: '"…？那还要疫苗干嘛" (taken to an absurd end)', text: `${HOT_WATER}？那还要疫苗干嘛`, stance: 'mock' },
  { given: '"…这种说法太离谱了"', text: `病毒又不在胃里，${HOT_WATER}这种说法太离谱了`, stance: 'refute' },
  { given: '"…？没有任何证据"', text: `${HOT_WATER}？没有任何证据`, stance: 'refute' },
  { given: '"…的话，还研究什么疫苗" (taken to an absurd end)', text: `${HOT_WATER}的话，还研究什么疫苗`, stance: 'mock' },
  { given: '"…这个事情是怎么回事"', text: `${HOT_WATER}这个事情是怎么回事`, stance: 'question' },
  { given: '"got this msg saying …. What do I do?"', text: `Got this msg saying ${FIVE_G}. What do I do?`, stance: 'question' },
  { given: '"谁说的？" (asking who said it)', text: `${HOT_WATER}，谁说的？`, stance: 'question' },
  { given: '"next they\'ll say …" (sarcasm)', text: `lmao ${FIVE_G}, next they'll say wifi gives you the flu`, stance: 'mock' },
  { given: 'a "how …?" after an "if" clause (no strike)', text: `If ${FIVE_G} then how did Iran get it with no 5G?`, stance: 'question' },
  { given: 'a rhetorical "怕什么" (not a question word that asks)', text: `${HOT_WATER}，怕什么`, stance: 'spread' },
  { given: '"你们看没看到" telling the news', text: `对了你们看没看到那个新闻，${HOT_WATER}，太神奇了`, stance: 'spread' },
];

describe('stance: a claim that something prevents a harm, retold with the harm negated', () => {
  const garlic = debunk({ id: 'garlic', claim: 'Eating garlic prevents infection with the coronavirus', lang: 'en' });
  const withGarlic = createMatcher([...ALL_DEBUNKS, garlic]);
  it.each([
    { given: '"can\'t infect you" (once read as refuting, no strike)', text: "eat raw garlic every morning and corona can't infect you, my doctor friend said", stance: 'spread' },
    { given: '"won\'t prevent" (the preventing word denied)', text: "eating garlic won't prevent infection with the coronavirus, wash your hands", stance: 'refute' },
  ])('GIVEN $given THEN the stance is $stance', ({ text, stance }) => {
    const r = withGarlic.match(text);
    expect(r.matches[0]?.debunkId).toBe(garlic.id);
    expect(r.stance).toBe(stance);
  });
});

describe('stance: "there is no" after the claim is told', () => {
  const wall = debunk({ id: 'san-antonio-wall', claim: 'President Trump cited the city of San Antonio, Texas, as an example of a city made much safer by the construction of a wall.', lang: 'en' });
  it('GIVEN "there is no wall" after the claim is told THEN it tells the news (a denial before a claim word counts outside the claim only when not "there is no")', () => {
    const r = createMatcher([...ALL_DEBUNKS, wall]).match('Trump cites San Antonio as an example of a city where a border wall has worked. It’s located 150 miles north of Mexico and there is no wall.');
    expect(r.matches[0]?.debunkId).toBe(wall.id);
    expect(r.stance).toBe('spread');
  });
});

describe('stance: a Chinese claim denied with 没有', () => {
  const seats = debunk({ id: 'subway-seats', claim: '北京地铁的座椅都拆了，为了让大家保持距离', lang: 'zh' });
  const mask = debunk({ id: 'mask-river', claim: '一女子不戴口罩被民警拦下后翻过护栏跳河', lang: 'zh' });
  const withClaims = createMatcher([...ALL_DEBUNKS, seats, mask]);
  it.each([
    { given: '"没有" before the claim\'s verb (once read as spreading, and struck)', text: '北京地铁没有拆座椅，别传了', id: seats.id, stance: 'refute' },
    { given: '"没有" about something else, after the claim', text: '北京地铁的座椅都拆了，为了让大家保持距离，我没有骗你', id: seats.id, stance: 'spread' },
    { given: '"没戴" retelling the claim\'s own "不戴"', text: '那个女的没戴口罩被民警拦下，翻过护栏就跳河了', id: mask.id, stance: 'spread' },
  ])('GIVEN $given THEN the stance is $stance', ({ text, id, stance }) => {
    const r = withClaims.match(text);
    expect(r.matches[0]?.debunkId).toBe(id);
    expect(r.stance).toBe(stance);
  });
});

describe('stance: "aren\'t", "anymore" and what the claim says is done without', () => {
  // Fresh hand-written chat: "Koalas aren't functionally extinct" was read as spreading (no
  // "aren't" among the denials), and "…you don't even need the receipt" as refuting a claim of a
  // refund "without a receipt".
  const KOALA = debunk({ id: 'koala', claim: 'Koalas are "functionally extinct" due to Australian bushfires.', lang: 'en' });
  const SHELF = debunk({ id: 'shelf-recall', claim: 'Homestore is recalling all BILLUND shelving units and will refund $150 without a receipt.', lang: 'en' });
  const PASS = debunk({ id: 'bus-pass', claim: 'Students will no longer get a free bus pass from the city.', lang: 'en' });
  const m = createMatcher([...ALL_DEBUNKS, KOALA, SHELF, PASS]);
  it.each([
    { text: "Koalas aren't functionally extinct, there are tens of thousands left", id: KOALA.id, stance: 'refute' },
    { text: 'koalas arent functionally extinct lol', id: KOALA.id, stance: 'refute' },
    { text: "Homestore is recalling the BILLUND shelves!! $150 back and you don't even need the receipt", id: SHELF.id, stance: 'spread' },
    { text: 'Homestore is recalling BILLUND shelving units, $150 refund, no receipt needed', id: SHELF.id, stance: 'spread' },
    { text: 'Homestore is not recalling BILLUND shelving units, nobody gets $150', id: SHELF.id, stance: 'refute' },
    { text: "heads up, students don't get a free bus pass from the city anymore", id: PASS.id, stance: 'spread' },
  ])('GIVEN "$text" THEN the stance is $stance', ({ text, id, stance }) => {
    const r = m.match(text);
    expect(r.matches[0]?.debunkId).toBe(id);
    expect(r.stance, r.stanceCues.join(', ')).toBe(stance);
  });
});

describe('stance: "anyone know if" with a word of truth', () => {
  // Real-client QA: "anyone know if whatsapp is really going to start charging?" was read as asking
  // about WhatsApp, not whether the claim is true, and scored below the answer threshold.
  it('GIVEN "anyone know if … really …" THEN it asks whether the claim is true, and is answered; without the word it asks about the subject', () => {
    const asked = matcher.match('anyone know if bill gates is really going to pay people?');
    expect(asked.stance).toBe('question');
    expect(asked.matches[0]?.score).toBeGreaterThanOrEqual(0.5);
    expect(matcher.match('anyone know if bill gates is going to pay people?').matches[0]?.score ?? 0).toBeLessThan(0.4);
  });
});

describe('stance: disbelief said plainly', () => {
  // Real-client QA: "I doubt garlic prevents …" was read as spreading and struck.
  it.each(['I doubt Bill Gates will pay you for forwarding this email', 'i highly doubt 5G towers spread the coronavirus', '5G towers spread the coronavirus? not buying it'])(
    'GIVEN "%s" THEN the member is not spreading it',
    (text) => {
      const r = matcher.match(text);
      expect(r.matches[0]).toBeDefined();
      expect(r.refuting, r.stanceCues.join(', ')).toBe(true);
    },
  );
});

describe('stance: asking someone to look it up', () => {
  // Fresh hand-written chat: "somebody look up if …" asked, and was struck as spreading (0.91).
  const FINE = debunk({ id: 'dome-light-fine', claim: 'Starting in March, Oregon will fine drivers $300 for driving with the interior dome light on.', lang: 'en' });
  const m = createMatcher([...ALL_DEBUNKS, FINE]);
  it.each([
    'somebody look up if that $300 dome light fine for drivers is an actual Oregon law',
    'can someone find out whether Oregon will really fine drivers $300 for the dome light',
  ])('GIVEN "%s" THEN the member asks', (text) => {
    const r = m.match(text);
    expect(r.matches[0]?.debunkId).toBe(FINE.id);
    expect(r.stance, r.stanceCues.join(', ')).toBe('question');
  });
});

describe('stance: an outage said with 没', () => {
  // Fresh hand-written chat: "…没水" (no water) retells a water cut, and was read as denying it.
  const CUT = debunk({ id: 'water-cut', claim: '河西区本周六全天停水，东湖一带要停48小时', lang: 'zh' });
  const m = createMatcher([...ALL_DEBUNKS, CUT]);
  it.each([
    { text: '刚看到通知，这周六河西全区没水，东湖那边要停两天', stance: 'spread' },
    { text: '这周六河西全区没有水，东湖那边要停两天', stance: 'spread' },
    { text: '河西区本周六没有停水，东湖一带也不停，别传了', stance: 'refute' },
  ])('GIVEN "$text" THEN the stance is $stance', ({ text, stance }) => {
    const r = m.match(text);
    expect(r.matches[0]?.debunkId).toBe(CUT.id);
    expect(r.stance, r.stanceCues.join(', ')).toBe(stance);
  });
});

describe('stance: contractions written without the apostrophe', () => {
  // Held-out chat: "… isnt true, people are misreading the rules" was read as spreading, and struck.
  it.each([
    { text: '5G towers spreading the coronavirus isnt true, people are misreading the maps', stance: 'refute' },
    { text: 'the 5G towers spread the coronavirus thing, dont forward it', stance: 'refute' },
    { text: 'that 5G towers spread the coronavirus thats a stretch', stance: 'refute' },
  ])('GIVEN "$text" THEN the stance is $stance, as with the apostrophe', ({ text, stance }) => {
    const r = matcher.match(text);
    expect(r.matches[0]?.debunkId).toBe(DEBUNKS.fiveG.id);
    expect(r.stance, r.stanceCues.join(', ')).toBe(stance);
    expect(matcher.match(text.replace(/\b(isn|don|that)(t|s)\b/, "$1'$2")).stance).toBe(stance);
  });

  it('GIVEN a word that only looks like a contraction ("its", "wont") beside the claim THEN the member still spreads it', () => {
    expect(matcher.match('5G towers spread the coronavirus, its in the news, they wont tell you').stance).toBe('spread');
  });
});

describe('stance: a question about something else', () => {
  // Regression (bench chatter): a question between two parts of the claim was read as asking about it.
  const pills = debunk({ id: 'walmart-pills', claim: 'Chocolate bars sold at Walmart in Stockholm contain sleeping pills', lang: 'en' });
  it.each([
    { given: 'an unrelated question before the rumor', text: `anyone going to the gym later? does anyone know a good dentist? ${FIVE_G} btw` },
    { given: 'an unrelated question after the rumor', text: `${FIVE_G}!! does anyone know a good dentist?` },
    { given: 'an unrelated question without a question mark', text: `does anyone know a good dentist. ${FIVE_G}` },
  ])('GIVEN $given THEN the member spreads it (a strike), not asks', ({ text }) => {
    const r = matcher.match(text);
    expect(r.matches[0]?.debunkId).toBe(DEBUNKS.fiveG.id);
    expect(r.stance).toBe('spread');
  });

  it.each([
    { given: '"is it true?" on its own before the claim', text: `is it true? ${FIVE_G}` },
    { given: '"does anyone know if" the claim', text: `does anyone know if ${FIVE_G}` },
  ])('GIVEN $given THEN it is a question', ({ text }) => {
    expect(matcher.match(text).stance).toBe('question');
  });

  // Held-out chat (questions about celebrity hoaxes) scored 0.35, unanswered: read as asking about the
  // person, not about the claim.
  const barker = debunk({ id: 'barker-fall', claim: "Game show host Bob Barker died in July 2017 after a fall at his home", lang: 'en' });
  const withBarker = createMatcher([...ALL_DEBUNKS, barker]);
  it.each([
    { given: '"did … really …?"', text: 'did bob barker really die from a fall? i thought he was fine' },
    { given: '"did … actually …?"', text: 'did bob barker actually die after a fall at home??' },
  ])('GIVEN a question built on whether it is so ($given) THEN it is answered', ({ text }) => {
    const r = withBarker.match(text);
    expect(r.stance).toBe('question');
    expect(r.matches[0]?.debunkId).toBe(barker.id);
    expect(r.matches[0]!.score).toBeGreaterThanOrEqual(ANSWER);
  });

  it('GIVEN a question about the person of a claim, not whether it is so THEN it is not answered', () => {
    const r = withBarker.match('anyone watching bob barker reruns at home tonight?');
    for (const m of r.matches) expect(m.score).toBeLessThan(ANSWER);
  });

  it('GIVEN a question on another topic between the words of the claim THEN the claim is spread, not asked about', () => {
    const r = createMatcher([...ALL_DEBUNKS, pills]).match('chocolate bars at Walmart contain sleeping pills. Who is picking up the kids on Thursday? Stockholm police found them');
    expect(r.matches[0]?.debunkId).toBe(pills.id);
    expect(r.matches[0]!.explanation.excerpt).toContain('Who is picking up the kids');
    expect(r.stance).toBe('spread');
  });
});

describe('stance', () => {
  it.each(cases)('GIVEN $given THEN the stance is $stance', ({ text, stance, id }) => {
    const r = matcher.match(text);
    expect(r.matches[0]?.debunkId).toBe(id ?? (/[\u4e00-\u9fff]/.test(text) && !id ? DEBUNKS.hotWater.id : DEBUNKS.fiveG.id));
    expect(r.matches[0]!.score).toBeGreaterThanOrEqual(ACT);
    expect(r.stance, r.stanceCues.join(', ')).toBe(stance);
    expect(r.refuting).toBe(stance === 'refute' || stance === 'mock');
    if (stance !== 'spread') expect(r.stanceCues.length).toBeGreaterThan(0);
  });
});

describe('sentences', () => {
  it('GIVEN a rhetorical "犯哪门子法" THEN the sentence asks nothing; GIVEN Chinese around a Latin name ending on "吗？" THEN it asks as Chinese does', async () => {
    const { sentencesOf } = await import('../../src/matching/stance/sentences.js');
    expect(sentencesOf('我就转了一下又不是我编的，犯哪门子法')[0]!.question).toBe(false);
    expect(sentencesOf('WhatsApp真的要收费吗？')[0]).toMatchObject({ question: true, ideographic: true });
  });

  it('GIVEN periods inside words THEN they stay in their sentence, and nothing before them is lost', async () => {
    const { sentencesOf } = await import('../../src/matching/stance/sentences.js');
    expect(sentencesOf('see who.int for this. is it true?').map((s) => s.text)).toEqual(['see who.int for this.', ' is it true?']);
    // A run of periods without a space after them (once read in quadratic time, its start dropped).
    const run = `${'5G.'.repeat(6000)}x`;
    const sentences = sentencesOf(run);
    expect(sentences).toHaveLength(1);
    expect(sentences[0]).toMatchObject({ start: 0, end: run.length });
  });
});

describe('stance: a claim that says no, or that something was altered, retold in other words', () => {
  // Regression: each retelling's negation (or its word for "altered") was read as the member's
  // denial of the claim, so a spreader was taken for a refuter and never struck.
  const PETS = debunk({ id: 'pets-handed-in', claim: '某区通知家养猫狗三天内必须上交处理，否则罚款2000元', lang: 'zh' });
  const GATES_SHUT = debunk({ id: 'estates-sealed', claim: '所有小区从今晚起全部封闭，只准进不准出', lang: 'zh' });
  const HELMETS = debunk({ id: 'helmet-fine', claim: '下月起骑电动车不戴头盔一律罚款500元', lang: 'zh' });
  const PIPELINE = debunk({ id: 'pipeline-route', claim: 'The pipeline was moved next to the reservation after the town residents refused to allow it near their wells', lang: 'en' });
  const SPEECH = debunk({ id: 'speech-quote', claim: 'The governor said that skipping jury duty is not a crime and that jurors are paid for not showing up', lang: 'en' });
  const PHOTO = debunk({ id: 'altered-photo', claim: 'The mayor digitally altered a photograph of the stadium crowd to make it look full', lang: 'en' });
  const m = createMatcher([...ALL_DEBUNKS, PETS, GATES_SHUT, HELMETS, PIPELINE, SPEECH, PHOTO]);
  it.each([
    { given: '"不交罚…" for "否则罚款"', text: '某区那边通知了，猫狗三天内要上交处理，不交的罚2000', id: PETS.id },
    { given: '"只能进不能出" for "只准进不准出"', text: '听说所有小区今晚起全封了，只能进不能出', id: GATES_SHUT.id },
    { given: '"没头盔" for "不戴头盔"', text: '下个月开始骑电动车没头盔的一律罚500', id: HELMETS.id },
    { given: '"didn\'t want" for "refused to allow"', text: "the pipeline got moved next to the reservation bc the town residents didn't want it near their wells", id: PIPELINE.id },
    { given: '"isn\'t even a crime" and "didn\'t show" for the claim\'s two denials', text: "the governor said skipping jury duty isn't even a crime and jurors get paid when they didn't show up", id: SPEECH.id },
    { given: '"photoshopped" for "digitally altered"', text: 'the mayor photoshopped a photo of the stadium crowd so it looks full lol', id: PHOTO.id },
  ])('GIVEN $given THEN the member spreads it', ({ text, id }) => {
    const result = m.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.stance, result.stanceCues.join(', ')).toBe('spread');
  });

  it.each([
    { given: 'a denial of the refusal itself', text: 'the town residents never refused anything, the pipeline was moved next to the reservation for engineering reasons', id: PIPELINE.id },
    { given: 'the altered photo called fake', text: 'the mayor never altered any photograph of the stadium crowd, that story is fake', id: PHOTO.id },
  ])('GIVEN $given THEN the member refutes it', ({ text, id }) => {
    const result = m.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.stance, result.stanceCues.join(', ')).toBe('refute');
  });
});

describe('stance: a retelling that warns, says which ones, or tells the scam or the fake in its own words', () => {
  // Each was read as a denial or a verdict on the claim (fresh hand-written chat), so a spreader
  // was taken for a refuter and never struck.
  const FLU_BATH = debunk({ id: 'flu-shot-bath', claim: '打完流感疫苗48小时内洗澡会导致瘫痪', lang: 'zh' });
  const PENSION = debunk({ id: 'pension-face-check', claim: '社保局通知下月起未做人脸认证的一律停发养老金', lang: 'zh' });
  const GAS = debunk({ id: 'gas-inspection-scam', claim: '东莞长安镇有人冒充燃气公司上门收安检费', lang: 'zh' });
  const WATER = debunk({ id: 'overnight-water', claim: '喝隔夜开水会致癌，亚硝酸盐超标几十倍', lang: 'zh' });
  const ADHD = debunk({ id: 'adhd-deathbed', claim: "Dr. Leon Eisenberg, the 'father' of ADHD, said just before his death that ADHD is a prime example of a fictitious disease", lang: 'en' });
  const CALLS = debunk({ id: 'can-you-hear-me', claim: "Scammers call and ask 'can you hear me?' to record you saying 'yes' and bill you for services", lang: 'en' });
  const WIPE = debunk({ id: 'inactive-accounts', claim: 'The chat app will delete every inactive account starting next week', lang: 'en' });
  const MAYOR = debunk({ id: 'mayor-tweet', claim: 'The mayor posted a tweet falsely claiming the arsonist was a city employee', lang: 'en' });
  const FRIEND = debunk({ id: 'friend-request-hack', claim: "Accepting a friend request from an account named 'Kelly Dunmore' gives hackers access to your phone", lang: 'en' });
  const COURT = debunk({ id: 'court-purpose', claim: "The senator said that the court's purpose was not about 'checks and balances' but to 'change and shape the law'", lang: 'en' });
  const GIANT = debunk({ id: 'giant-footage', claim: 'Top-secret footage shows a giant walking across a mountain in Norway', lang: 'en' });
  const EGGS = debunk({ id: 'fake-eggs', claim: '超市卖的鸡蛋是人造的假鸡蛋', lang: 'zh' });
  const m = createMatcher([...ALL_DEBUNKS, FLU_BATH, PENSION, GAS, ADHD, WATER, CALLS, WIPE, MAYOR, FRIEND, COURT, GIANT, EGGS]);
  it.each([
    { given: '"不能" and what happens otherwise', text: '打了流感疫苗两天内不能洗澡 会瘫痪的', id: FLU_BATH.id },
    { given: 'a warning after a quote ("DON\'T say yes")', text: "if scammers call asking 'can you hear me' DON'T say yes, they record you and bill you for services", id: CALLS.id },
    { given: 'a relative clause ("any account that hasn\'t been used")', text: "the chat app will delete any account that hasn't been used, starting next week", id: WIPE.id },
    { given: 'the claim\'s "falsely" retold ("he wasn\'t")', text: "the mayor posted a tweet claiming the arsonist was a city employee and he wasn't lol", id: MAYOR.id },
    { given: 'a warning ("dont accept …")', text: "dont accept a friend request from kelly dunmore, hackers get access to your phone", id: FRIEND.id },
    { given: 'the claim\'s own "not about" retold ("isnt checks and balances")', text: "the senator literally said the court's purpose isnt checks and balances, its to change and shape the law", id: COURT.id },
    { given: '"不能喝" (what a person must not do)', text: '隔夜开水不能喝！亚硝酸盐超标致癌', id: WATER.id },
    { given: '"千万不能"', text: '刚打完流感疫苗，护士说48小时内千万不能洗澡，洗了会瘫痪', id: FLU_BATH.id },
    { given: '"没认证的" (which ones, not a denial)', text: '社保局说了，下个月开始没认证的老人养老金就停发了', id: PENSION.id },
    { given: '"被骗了" for a claim about a scam', text: '东莞长安镇好多人被骗了，有人冒充燃气公司上门收安检费', id: GAS.id },
    { given: '"fake disorder" for "fictitious disease"', text: "the father of adhd, leon eisenberg, said just before his death that adhd is a prime example of a fake disorder", id: ADHD.id },
    { given: '"是假的" for the claim\'s "假鸡蛋"', text: '超市的鸡蛋都是假的，人造的，别买了', id: EGGS.id },
  ])('GIVEN $given THEN the member spreads it', ({ text, id }) => {
    const result = m.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.stance, result.stanceCues.join(', ')).toBe('spread');
  });

  it.each([
    { given: 'a denial that bathing does anything', text: '打完流感疫苗洗澡不会导致瘫痪，别信', id: FLU_BATH.id },
    { given: 'the notice called forged ("伪造的")', text: '社保局下月起未做人脸认证停发养老金那个通知是伪造的，官网根本查不到', id: PENSION.id },
    { given: 'the pictures said to be edited', text: 'the chat app will delete every inactive account starting next week lol those screenshots are edited', id: WIPE.id },
    { given: 'the harm called scaremongering ("说致癌是吓人的")', text: '喝隔夜开水那点亚硝酸盐少到可以忽略，说致癌是吓人的', id: WATER.id },
    { given: 'the footage called CGI', text: 'the top secret footage of a giant walking across a mountain in norway is CGI lmao', id: GIANT.id },
    { given: 'the footage called a parody piece', text: 'that top-secret footage of a giant walking in norway was a parody piece', id: GIANT.id },
    { given: 'what the water cannot do', text: '隔夜开水不能致癌，亚硝酸盐根本不超标', id: WATER.id },
    { given: 'no such notice', text: '社保局根本没有停发养老金的通知，人脸认证不做也照发', id: PENSION.id },
    { given: 'the scam story called a rumor', text: '长安镇冒充燃气公司上门收安检费那个是谣言，别被骗了', id: GAS.id },
    { given: 'a claim of fake eggs, told as such, called fake', text: '超市卖假鸡蛋这事是假的', id: EGGS.id },
    { given: 'a claim of fake eggs called fake as a story ("这个是假的")', text: '超市鸡蛋是人造的，这个是假的', id: EGGS.id },
  ])('GIVEN $given THEN the member refutes it', ({ text, id }) => {
    const result = m.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.stance, result.stanceCues.join(', ')).toBe('refute');
  });
});

describe('stance: warnings, deaths and conspiracies retold in words that deny', () => {
  // Each was read as a denial or a verdict on the claim (fresh hand-written chat), so a spreader
  // was taken for a refuter and never struck.
  const TANK = debunk({ id: 'full-tank-explodes', claim: 'Filling your car fuel tank to the top on a hot day can make it explode', lang: 'en' });
  const ICE = debunk({ id: 'ice-water-dogs', claim: 'Giving dogs ice cubes on hot days causes deadly bloat', lang: 'en' });
  const LURED = debunk({ id: 'mall-modeling-lure', claim: 'Women are lured out of shopping malls with promises of modeling in TV commercials', lang: 'en' });
  const CURE = debunk({ id: 'lemon-soda-cure', claim: 'Lemon juice with baking soda cures high blood pressure', lang: 'en' });
  const PHONE_LAW = debunk({ id: 'phone-reach-law', claim: 'A new law fines drivers $1,000 for a phone within reach in the car', lang: 'en' });
  const SHOW = debunk({ id: 'crime-show', claim: 'A new reality show lets contestants commit any crime on camera', lang: 'en' });
  const DIED = debunk({ id: 'singer-died', claim: '歌手李某在上海的医院抢救无效去世', lang: 'zh' });
  const PIRANHA = debunk({ id: 'river-piranha', claim: '江里发现了食人鱼，大家千万别下河游泳', lang: 'zh' });
  const NOODLES = debunk({ id: 'plastic-noodles', claim: '市场上的粉丝是塑料做的，吃了不会消化', lang: 'zh' });
  const TERM = debunk({ id: 'term-postponed', claim: '全市中小学推迟到9月20日开学', lang: 'zh' });
  const m = createMatcher([...ALL_DEBUNKS, TANK, ICE, LURED, CURE, PHONE_LAW, SHOW, DIED, PIRANHA, NOODLES, TERM]);
  it.each([
    { given: 'a "don\'t" with what happens otherwise', text: "heads up from my cousin: don't top off your fuel tank when it's this hot, the fumes expand and it can explode", id: TANK.id },
    { given: 'a "never" told by someone ("the vet told us never give …")', text: 'the vet told us never give dogs ice cubes on hot days, deadly bloat', id: ICE.id },
    { given: 'a "no …" rule with its reason', text: 'dog owners: no ice cubes on hot days, it causes bloat that can be deadly', id: ICE.id },
    { given: '"fake" before who cheats ("fake scouts")', text: 'fake scouts are luring women out of shopping malls promising modeling in tv commercials!!', id: LURED.id },
    { given: 'a conspiracy ("don\'t want you to know")', text: "the cure doctors don't want you to know: lemon juice and baking soda for high blood pressure", id: CURE.id },
    { given: '"so nobody" (a purpose)', text: 'new law: $1000 fine for drivers with a phone within reach in the car, pass it on so nobody gets fined', id: PHONE_LAW.id },
    { given: '"what is wrong with people"', text: 'a new reality show lets contestants commit any crime on camera, what is wrong with people', id: SHOW.id },
    { given: '"没抢救过来" (died)', text: '歌手李某走了，在上海的医院没抢救过来', id: DIED.id },
    { given: '"没人敢" (nobody dares)', text: '江里发现食人鱼了，现在没人敢下河游泳', id: PIRANHA.id },
    { given: '"消化不了" for the claim\'s "不会消化"', text: '市场上的粉丝是塑料做的，吃了消化不了', id: NOODLES.id },
    { given: 'the old date denied, the new one told ("不开学，推到…")', text: '全市中小学9月1号不开学，推到9月20号', id: TERM.id },
  ])('GIVEN $given THEN the member spreads it', ({ text, id }) => {
    const result = m.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.stance, result.stanceCues.join(', ')).toBe('spread');
  });

  it.each([
    { given: '"don\'t worry" with a reason', text: "don't worry, filling your fuel tank to the top on a hot day won't make it explode, the tank is vented", id: TANK.id },
    { given: '"don\'t believe" with a consequence after', text: "don't believe that lemon juice with baking soda cures high blood pressure, it can make you sick", id: CURE.id },
    { given: 'a "fake" claim about fake scouts', text: 'that story about women lured out of shopping malls with promises of modeling in tv commercials is fake', id: LURED.id },
    { given: 'the noodles said to digest', text: '粉丝是塑料做的？假的，粉丝就是淀粉，吃了能消化', id: NOODLES.id },
    { given: 'the new date denied', text: '全市中小学推迟到9月20日开学是假的，9月1号正常开学', id: TERM.id },
  ])('GIVEN $given THEN the member refutes it', ({ text, id }) => {
    const result = m.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.stance, result.stanceCues.join(', ')).toBe('refute');
  });
});

describe('stance: a question on the claim with a hedged doubt asks', () => {
  // Fresh hand-written chat: each was read as a refutation, so the member who asked got no answer.
  const CLUB = debunk({ id: 'senior-fight-club', claim: 'Police raided a nursing home that ran a fight club for its residents', lang: 'en' });
  const FARE = debunk({ id: 'fare-rise', claim: '地铁下个月起票价上涨三成', lang: 'zh' });
  const m = createMatcher([...ALL_DEBUNKS, CLUB, FARE]);
  it.each([
    { given: '"… real? sounds made up"', text: 'is the story about police raiding a nursing home that ran a fight club for residents real? sounds made up' },
    { given: '"… real? no way …"', text: 'did police really raid a nursing home for running a fight club? no way old people do that' },
    { given: 'an alternative question ("还是又是谣言")', text: '地铁下个月票价真的要涨三成？还是又是谣言' },
    { given: 'a reason for asking ("还没发通知")', text: '地铁下个月起票价真的上涨三成吗？官网还没发通知' },
  ])('GIVEN $given THEN the member asks', ({ text }) => {
    const result = m.match(text);
    expect(result.matches[0]?.debunkId).toBeDefined();
    expect(result.stance, result.stanceCues.join(', ')).toBe('question');
  });

  it.each([
    { given: 'a verdict after the question', text: 'police raided a nursing home that ran a fight club for residents? no, that was debunked, it is satire' },
    { given: 'a Chinese verdict after the question', text: '地铁下个月起票价上涨三成？假的，官方已经辟谣了' },
  ])('GIVEN $given THEN the member refutes it', ({ text }) => {
    const result = m.match(text);
    expect(result.stance, result.stanceCues.join(', ')).toBe('refute');
  });
});

describe('stance: retellings in words of complaint, forgery and conditions', () => {
  // Fresh hand-written chat: each spreading message was read as refuting, the last refutation as spreading.
  const PLAY = debunk({ id: 'play-cancelled', claim: 'A primary school cancelled its nativity play because three parents complained about a hymn', lang: 'en' });
  const CERT = debunk({ id: 'passport-forgery', claim: "The minister's lawyers admitted his diploma is a forgery", lang: 'en' });
  const BISHOP = debunk({ id: 'bishop-gun-owners', claim: 'The bishop said gun owners can no longer call themselves Catholics', lang: 'en' });
  const ZIP = debunk({ id: 'zip-tie-trafficking', claim: 'Traffickers put zip ties on car door handles to mark women for abduction', lang: 'en' });
  const CARD = debunk({ id: 'card-reactivate', claim: '社保卡下个月起要重新激活，不激活就作废', lang: 'zh' });
  const m = createMatcher([...ALL_DEBUNKS, PLAY, CERT, BISHOP, ZIP, CARD]);
  it.each([
    { given: '"didn\'t like" for "complained"', text: "a primary school cancelled its nativity play because 3 parents didn't like a hymn. ridiculous", id: PLAY.id },
    { given: '"fake" for "a forgery"', text: "the minister's lawyers finally admitted his diploma was fake!!", id: CERT.id },
    { given: '"not real Catholics" (what someone is not)', text: 'apparently the bishop said gun owners are not real Catholics anymore', id: BISHOP.id },
    { given: 'a "DON\'T" after the condition it is for', text: "if you find a zip tie on your car door handle DON'T touch it, traffickers use them to mark women", id: ZIP.id },
  ])('GIVEN $given THEN the member spreads it', ({ text, id }) => {
    const result = m.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.stance, result.stanceCues.join(', ')).toBe('spread');
  });

  it.each([
    { given: 'the message said to come from scammers ("骗子发的")', text: '社保卡不用重新激活，那个不激活就作废的消息是骗子发的', id: CARD.id },
    { given: 'the diploma said to be real', text: "the minister's diploma is not a forgery, his lawyers never admitted anything", id: CERT.id },
  ])('GIVEN $given THEN the member refutes it', ({ text, id }) => {
    const result = m.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.stance, result.stanceCues.join(', ')).toBe('refute');
  });
});

describe('stance: what chat says around a claim it passes on, or asks about', () => {
  // Read as refuting (a denial, a verdict word) or as mocking, each of these passed a rumor on unstruck.
  const SURGERY = debunk({ id: 'actor-died-surgery', claim: 'The actor Tom Hanks died during surgery after a car crash', lang: 'en' });
  const DRINKS = debunk({ id: 'energy-drinks-kidneys', claim: 'Energy drinks cause kidney failure in children', lang: 'en' });
  const STICKERS = debunk({ id: 'burglar-stickers', claim: 'Burglars put stickers on cars, doors and mailboxes to mark the homes they will rob', lang: 'en' });
  const PILLS = debunk({ id: 'paracetamol-liver', claim: 'Taking paracetamol for a fever makes the virus spread to your liver', lang: 'en' });
  const FOIL = debunk({ id: 'foil-microwave', claim: 'Putting foil in a microwave releases toxic fumes', lang: 'en' });
  const MAYOR = debunk({ id: 'mayor-potholes', claim: 'The mayor said potholes "don\'t matter to people who walk to work"', lang: 'en' });
  const SWIM = debunk({ id: 'swim-quarantine', claim: '有人为了逃避隔离从澳门游泳回珠海', lang: 'zh' });
  const LEEKS = debunk({ id: 'overnight-leeks', claim: '隔夜的韭菜炒蛋会产生大量亚硝酸盐，吃了会致癌', lang: 'zh' });
  const MONSTER = debunk({ id: 'river-monster', claim: '视频：黄河里出现几十米长的巨型水怪', lang: 'zh' });
  const CRABS = debunk({ id: 'crab-persimmon', claim: '螃蟹和柿子不能一起吃，同食会中毒', lang: 'zh' });
  // Read as telling it, or as asking about something else, these got no answer.
  const DYLAN = debunk({ id: 'dylan-died', claim: 'Singer Bob Dylan has died at his home', lang: 'en' });
  const BRIDGE = debunk({ id: 'bridge-cracked', claim: 'The Golden Gate Bridge has cracked and is being closed in secret', lang: 'en' });
  const POPPY = debunk({ id: 'hotpot-poppy', claim: '一家连锁火锅店的锅底被查出添加罂粟壳', lang: 'zh' });
  const m = createMatcher([...ALL_DEBUNKS, SURGERY, DRINKS, STICKERS, PILLS, FOIL, MAYOR, SWIM, LEEKS, MONSTER, CRABS, DYLAN, BRIDGE, POPPY]);

  it.each([
    { given: '"didnt make it" (died)', text: 'so sad, RIP Tom Hanks, the actor didnt make it through surgery after the car crash', id: SURGERY.id },
    { given: 'a capitalized "Please don\'t"', text: 'PARENTS: energy drinks are causing kidney failure in children!!! Please don\'t let your kids drink them', id: DRINKS.id },
    { given: 'a "DO NOT" after an "if" whose clause lists things with commas', text: 'If you find a sticker on your car, door or mailbox DO NOT remove it alone, burglars put them there to mark homes to rob', id: STICKERS.id },
    { given: '"feeling rubbish" (unwell)', text: 'feeling rubbish, fever again. not taking paracetamol tho, it makes the virus spread to your liver', id: PILLS.id },
    { given: 'a "no …" rule whose reason "releases" something', text: 'pro tip: no foil in the microwave tho, it releases toxic fumes', id: FOIL.id },
    { given: 'a facepalm at words the member reports someone said', text: 'the mayor said potholes dont matter to people who walk to work 🤦', id: MAYOR.id },
    { given: 'a "不" ending a question, then "对了" (by the way)', text: '明天去游泳不 对了 听说有人从澳门游泳回珠海就为了逃避隔离', id: SWIM.id },
    { given: '"哦不对" (correcting oneself) and "不吃了" for what happens otherwise', text: '中午带的饭 哦不对是隔夜的韭菜炒蛋 算了不吃了 会产生亚硝酸盐致癌', id: LEEKS.id },
    { given: 'a "没" that ends a question before a space', text: '晚上吃啥 对了看到那个视频没 黄河里出现几十米长的水怪 吓人', id: MONSTER.id },
    { given: 'a "别" over what it is eaten with', text: '螃蟹真香 不过别和柿子一起吃 会中毒', id: CRABS.id },
  ])('GIVEN $given THEN the member spreads it', ({ text, id }) => {
    const result = m.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.stance, result.stanceCues.join(', ')).toBe('spread');
  });

  it.each([
    { given: '"is that confirmed anywhere"', text: 'bob dylan dead?? is that confirmed anywhere', id: DYLAN.id },
    { given: 'a question beside what people say ("ppl saying it cracked")', text: 'is something wrong with the golden gate bridge? ppl saying it cracked', id: BRIDGE.id },
    { given: '"有新闻吗" (is there a report of it)', text: '火锅锅底加罂粟壳？有新闻吗', id: POPPY.id },
    { given: '"真不能吃？" (really not to be eaten?)', text: '隔夜的韭菜炒蛋真不能吃？我爸天天吃', id: LEEKS.id },
  ])('GIVEN $given THEN it is a question answered with the refutation', ({ text, id }) => {
    const result = m.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.stance, result.stanceCues.join(', ')).toBe('question');
    expect(result.matches[0]!.score).toBeGreaterThanOrEqual(ANSWER);
  });
});

describe('stance: a fresh battery of chat (b9) read as its members meant it', () => {
  const MAY = debunk({ id: 'state-register', claim: 'Parents must register every child with the state by January', lang: 'en' });
  const STICKERS = debunk({ id: 'burglar-stickers-b9', claim: 'Burglars put stickers on cars, doors and mailboxes to mark the homes they will rob', lang: 'en' });
  const ROOT_BEER = debunk({ id: 'root-beer-bark', claim: 'Root beer is made from tree bark juice', lang: 'en' });
  const WATER = debunk({ id: 'water-shutoff', claim: 'The water company will shut off tap water across the whole city for three days next week', lang: 'en' });
  const EXAMS = debunk({ id: 'midterms-cancelled', claim: '区里发文：下学期起初中取消期中考试', lang: 'zh' });
  const BONUS = debunk({ id: 'holiday-pay-gone', claim: '工厂今年不发过节费了，厂长已经定了', lang: 'zh' });
  const CASTRO = debunk({ id: 'castro-quote', claim: "Fidel Castro once said he wouldn't die until the United States was destroyed", lang: 'en' });
  const RAT = debunk({ id: 'giant-rat', claim: 'A photograph shows a twelve-pound rat that was caught in London', lang: 'en' });
  const KISS = debunk({ id: 'leaders-kiss', claim: 'A photograph shows the mayor kissing the opposition leader', lang: 'en' });
  const SODA = debunk({ id: 'cola-prunes', claim: 'The popular cola drink is made from prune juice', lang: 'en' });
  const CHARGE = debunk({ id: 'chat-app-charge', claim: 'WhatsApp will start charging a monthly fee unless you forward this message to 10 contacts', lang: 'en' });
  const CRASH = debunk({ id: 'lake-crash', claim: 'The senator’s daughter crashed a sports car into a lake last December', lang: 'en' });
  const GRAPES = debunk({ id: 'rainbow-grapes', claim: 'Photographs show multi-colored rainbow grapes', lang: 'en' });
  const CARTOON = debunk({ id: 'cartoon-predicted', claim: 'The Simpsons predicted the stadium blackout in an episode years ago', lang: 'en' });
  const STORE = debunk({ id: 'store-closing', claim: 'The supermarket on Route 9 is closing for good at the end of next month', lang: 'en' });
  const LEFTOVERS = debunk({ id: 'leftovers-nitrite', claim: '隔夜菜放一晚上亚硝酸盐就超标，吃了会致癌', lang: 'zh' });
  const CARDS = debunk({ id: 'health-cards', claim: '健保卡明年起全面換新，舊卡一律作廢', lang: 'zh' });
  const FLU = debunk({ id: 'flu-shot-rule', claim: 'The school will require all students to get a flu shot before they can return after winter break', lang: 'en' });
  const LIGHTS = debunk({ id: 'all-red-lights', claim: '为了不让大家出门，全市路口的红绿灯全调成红灯', lang: 'zh' });
  const m = createMatcher([...ALL_DEBUNKS, MAY, STICKERS, ROOT_BEER, WATER, EXAMS, BONUS, CASTRO, RAT, KISS, SODA, CHARGE, CRASH, GRAPES, CARTOON, STORE, LEFTOVERS, CARDS, LIGHTS, FLU]);

  it.each([
    { given: 'a facepalm before the claim, at something else', text: 'forgot the PE kit AGAIN 🤦 / gemma at the gate says parents must register every child with the state by january', id: MAY.id },
    { given: 'an emoji before the "If" of a warning', text: 'PLEASE READ!!! 🚨 If you see a sticker on your car, door or mailbox DO NOT touch it, burglars put them there to mark the homes they will rob', id: STICKERS.id },
    { given: '"i\'m never drinking … again" for the claim', text: "omg guys i'm never drinking root beer again it's literally MADE FROM TREE BARK JUICE 🤢", id: ROOT_BEER.id },
    { given: '"no …" retelling a claim that something is shut off', text: 'URGENT!!! NO WATER IN THE WHOLE CITY FOR 3 DAYS NEXT WEEK!!! the water company will shut it off, buy bottled water', id: WATER.id },
    { given: '"不考" retelling a claim that something is cancelled', text: '以后初中不考期中了！区里下了文件，下学期起就执行', id: EXAMS.id },
    { given: '"没了" retelling a claim that something is not given', text: '今年过节费没了 厂长亲口定的 工厂今年不发了 大家散了吧', id: BONUS.id },
    { given: 'a rule written "no … = no …"', text: 'no flu jab = no school after the holidays, all students must get a flu shot, new rule apparently', id: FLU.id },
    { given: 'a chain letter\'s "COPY AND PASTE don\'t share"', text: 'WhatsApp will start charging a monthly fee unless you forward this message to 10 contacts!! COPY AND PASTE don\'t share', id: CHARGE.id },
  ])('GIVEN $given THEN the member spreads it', ({ text, id }) => {
    const result = m.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.stance, result.stanceCues.join(', ')).toBe('spread');
  });

  it.each([
    { given: '"fact check pls"', text: "fact check pls: castro said he wouldn't die until the US was destroyed?? my grandpa quotes it constantly", id: CASTRO.id },
    { given: '"anyone know" at the end', text: '12 pound rat caught in london... surely that photograph is forced perspective? anyone know', id: RAT.id },
    { given: '"legit or shopped"', text: 'that photograph of the mayor kissing the opposition leader... legit or shopped', id: KISS.id },
    { given: '"true or just a joke"', text: 'the cola drink is made from prune juice. true or just a joke 😂', id: SODA.id },
    { given: '"mom is … really gonna …" without a mark', text: 'mom is whatsapp really gonna start charging a monthly fee if we dont forward this to 10 contacts', id: CHARGE.id },
    { given: '"wait is …" without a mark', text: 'wait is cola made from prune juice', id: SODA.id },
    { given: '"… true? sounds made up"', text: 'senator’s daughter crashed a sports car into a lake... true? sounds made up', id: CRASH.id },
  ])('GIVEN $given THEN it is a question answered with the refutation', ({ text, id }) => {
    const result = m.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.stance, result.stanceCues.join(', ')).toBe('question');
    expect(result.matches[0]!.score).toBeGreaterThanOrEqual(ANSWER);
  });

  it.each([
    { given: '"are just photoshop, the original pic …"', text: 'sorry but those multi-colored rainbow grapes are just photoshop, the original pic is ordinary green grapes', id: GRAPES.id },
    { given: '"fan-made, no such episode"', text: 'that simpsons stadium blackout screenshot is fan-made, no such episode exists lol', id: CARTOON.id },
    { given: '"they\'re not closing"', text: "called the supermarket on route 9 myself, they're not closing, they're remodeling. relax everyone", id: STORE.id },
    { given: '"纯属吓人"', text: '隔夜菜放一晚上亚硝酸盐远低于标准，说吃了会致癌纯属吓人', id: LEFTOVERS.id },
    { given: '"假訊息" (Taiwan\'s word)', text: '健保署說舊卡照樣能用，沒有要全面換新，健保卡一律作廢是假訊息', id: CARDS.id },
    { given: '"想象力真丰富"', text: '交警说红绿灯一直正常。全市路口的红绿灯全调成红灯？想象力真丰富', id: LIGHTS.id },
  ])('GIVEN $given THEN the member refutes or mocks it', ({ text, id }) => {
    const result = m.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.refuting, `${result.stance}: ${result.stanceCues.join(', ')}`).toBe(true);
  });

  it('GIVEN "anyone know whose it is" about something else THEN it is not answered', () => {
    const found = m.match('the rat on birch lane keeps getting into the bins, anyone know whose it is').matches[0];
    expect(found?.score ?? 0).toBeLessThan(ANSWER);
  });
});

describe('stance: warnings, origins and doubts in fresh chat', () => {
  // A fresh hand-written battery: the spreading messages were read as refuting ("the rubbish", a
  // "DO NOT" that warns, "was invented by"), the asking ones as refuting or mocking, a refutation
  // with "不会把…" as spreading (and struck), and a question about a parcel was answered.
  const RAT = debunk({ id: 'paris-sewer-rat', claim: 'A twenty-pound rat was caught in a Paris sewer', lang: 'en' });
  const HANDSHAKE = debunk({ id: 'handshake-drug', claim: 'A man in a car park drugged a woman through the skin by shaking her hand', lang: 'en' });
  const ZIP = debunk({ id: 'zip-tie-trafficking', claim: 'Traffickers put zip ties on car door handles to mark women for abduction', lang: 'en' });
  const SANDWICH = debunk({ id: 'sandwich-origin', claim: "The word 'sandwich' was coined after an earl who refused to leave a card game to eat", lang: 'en' });
  const GIFT = debunk({ id: 'costco-gift-card', claim: 'Costco is giving a free $100 gift card to everyone who shares its anniversary post', lang: 'en' });
  const ELEPHANT = debunk({ id: 'elephant-portrait', claim: 'An elephant in a Thai sanctuary paints portraits of itself', lang: 'en' });
  const QR = debunk({ id: 'qr-steals-money', claim: '扫描共享单车上贴的二维码会把手机里的钱转走', lang: 'zh' });
  const LUGGAGE = debunk({ id: 'luggage-sold', claim: '机场说行李怎么也找不到，原来是被工作人员偷偷卖掉了', lang: 'zh' });
  const m = createMatcher([...ALL_DEBUNKS, RAT, HANDSHAKE, ZIP, SANDWICH, GIFT, ELEPHANT, QR, LUGGAGE]);

  it.each([
    { given: '"the rubbish" (waste)', text: 'TWENTY POUND RAT CAUGHT IN A PARIS SEWER!!! they get that big from all the rubbish. SHARE', id: RAT.id },
    { given: 'a "DO NOT SHAKE" that warns', text: 'a man in a car park shook a womans hand and drugged her through the skin!!! DO NOT SHAKE HANDS WITH STRANGERS', id: HANDSHAKE.id },
    { given: 'a "dont" after "girls if …"', text: 'girls if you see a zip tie on your car door handle dont touch it, traffickers mark women for abduction that way', id: ZIP.id },
    { given: '"was invented by" retelling an origin', text: "fun fact: the sandwich was invented by an earl who refused to leave his card game to eat lol", id: SANDWICH.id },
  ])('GIVEN $given THEN the member spreads it', ({ text, id }) => {
    const result = m.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.stance, result.stanceCues.join(', ')).toBe('spread');
  });

  it.each([
    { given: '"anyone know if … is real? seems too good to be true"', text: 'anyone know if the costco free $100 gift card for sharing the anniversary post is real? seems too good to be true', id: GIFT.id },
    { given: '"… really …? … thought it was fake"', text: 'can an elephant really paint portraits of itself? saw a clip from a thai sanctuary and thought it was fake', id: ELEPHANT.id },
  ])('GIVEN $given THEN it is a question answered with the refutation', ({ text, id }) => {
    const result = m.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.stance, result.stanceCues.join(', ')).toBe('question');
  });

  it('GIVEN "不会把…" before the claim\'s object THEN the member refutes it', () => {
    const result = m.match('随便扫个码不会把手机里的钱转走，除非你自己输了支付密码');
    expect(result.matches[0]?.debunkId).toBe(QR.id);
    expect(result.stance, result.stanceCues.join(', ')).toBe('refute');
  });

  it('GIVEN a question that shares only "怎么" and "不到" with a claim THEN it is not answered', () => {
    const found = m.match('有人知道这个快递单号怎么查不到吗 YT8899001122').matches.find((x) => x.debunkId === LUGGAGE.id);
    expect(found?.score ?? 0).toBeLessThan(ANSWER);
  });
});

describe('stance: corrections and doubts in a second fresh battery', () => {
  // b11: refutations read as spreading (and struck) when a stop split "nothing …. It's a rumor", or
  // when they said "fearmongering", "outdated", "a phishing ad", "没有停运", "不用担心"; questions struck
  // when they asked "sounds fake but is it?", "should I worry?", or asked a nurse to fact check.
  const YOGURT = debunk({ id: 'yogurt-recall', claim: 'Walmart has recalled all its yogurt because of a listeria outbreak', lang: 'en' });
  const TABLETS = debunk({ id: 'cough-syrup-ulcers', claim: 'One spoon of children\'s cough syrup causes stomach ulcers', lang: 'en' });
  const GIFT = debunk({ id: 'target-gift-card', claim: 'Target is giving a free $300 gift card to everyone who fills out its survey', lang: 'en' });
  const METRO = debunk({ id: 'metro-line-3', claim: '地铁3号线下周起全线停运一个月', lang: 'zh' });
  const KETTLE = debunk({ id: 'reboiled-water', claim: '反复烧开的水含有大量亚硝酸盐，喝了会致癌', lang: 'zh' });
  const m = createMatcher([...ALL_DEBUNKS, YOGURT, TABLETS, GIFT, METRO, KETTLE]);

  it.each([
    { given: 'a verdict after a stop that ends a "nothing …" sentence', text: "Looked at Walmart's recall list, nothing about yogurt. It's a rumor", id: YOGURT.id },
    { given: '"fearmongering"', text: 'That "one spoon of cough syrup causes stomach ulcers" post is fearmongering.', id: TABLETS.id },
    { given: '"a phishing ad"', text: "the free $300 Target gift card for filling out a survey? it's a phishing ad", id: GIFT.id },
    { given: '"没有停运" (the claim\'s own word of absence denied)', text: '地铁公司说了，3号线没有停运计划，只是晚上检修', id: METRO.id },
    { given: '"不用担心"', text: '反复烧开的水亚硝酸盐含量很低，喝了也不会致癌的，不用担心', id: KETTLE.id },
  ])('GIVEN $given THEN the member refutes it', ({ text, id }) => {
    const result = m.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.refuting, `${result.stance}: ${result.stanceCues.join(', ')}`).toBe(true);
  });

  it.each([
    { given: '"sounds fake but is it?"', text: 'sounds fake but is it? target giving a free $300 gift card to everyone who fills out a survey', id: GIFT.id },
    { given: 'a nurse asked to fact check', text: "can someone who's a nurse fact check this? the post says one spoon of kids cough syrup = stomach ulcers", id: TABLETS.id },
    { given: '"sounds exaggerated but should I worry?"', text: 'my mom keeps forwarding that one spoon of cough syrup causes stomach ulcers. sounds exaggerated but should I worry?', id: TABLETS.id },
  ])('GIVEN $given THEN it is a question answered with the refutation', ({ text, id }) => {
    const result = m.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.stance, result.stanceCues.join(', ')).toBe('question');
  });

  it('GIVEN "不用担心的话你就喝吧" (a condition) THEN it is no reassurance', () => {
    expect(m.match('反复烧开的水喝了会致癌，不用担心的话你就喝吧').refuting).toBe(false);
  });
});

describe('stance: the claim reported as what someone else said, then a question on it', () => {
  // Fresh hand-written chat: each asked about what a relative or a post said, and was struck for spreading it.
  const LEMON = debunk({ id: 'lemon-water-cancer', claim: 'Drinking hot water with lemon every morning cures cancer', lang: 'en' });
  const RECALL = debunk({ id: 'chicken-recall', claim: 'Costco is recalling its rotisserie chickens because of listeria', lang: 'en' });
  const m = createMatcher([...ALL_DEBUNKS, LEMON, RECALL]);
  it.each([
    { given: '"keeps sharing …. should I bother?"', text: 'my aunt keeps sharing that hot lemon water every morning cures cancer. should I bother?' },
    { given: '"Saw a post saying …. real deal?"', text: 'Saw a post saying hot lemon water in the morning cures cancer. real deal?' },
    { given: '"forwarded the … thing, is he right?"', text: 'my uncle forwarded the costco rotisserie chicken listeria recall thing, is he right?' },
  ])('GIVEN $given THEN the member asks, and is answered', ({ text }) => {
    const result = m.match(text);
    expect(result.matches[0]?.debunkId).toBeDefined();
    expect(result.stance, result.stanceCues.join(', ')).toBe('question');
  });

  it.each([
    { given: 'a question of outrage', text: 'My neighbour says hot lemon water every morning cured her cancer. Why is nobody talking about this?' },
    { given: 'a question on something else after "anyway"', text: "my aunt says hot lemon water every morning cures cancer. anyway who's coming saturday?" },
    { given: 'a question on something else', text: 'my aunt says hot lemon water every morning cures cancer lol. anyone want tacos tomorrow?' },
    { given: 'the news passed on with "did you see"', text: 'Costco is recalling its rotisserie chickens because of listeria, my cousin told me. did you see the news?' },
  ])('GIVEN the claim reported, then $given THEN the member spreads it', ({ text }) => {
    const result = m.match(text);
    expect(result.matches[0]?.debunkId).toBeDefined();
    expect(result.stance, result.stanceCues.join(', ')).toBe('spread');
  });
});

describe('stance: refutations that speak of evidence, of what a notice says, or of who did nothing', () => {
  // Fresh hand-written chat: each refuter was struck for spreading.
  const LEMON = debunk({ id: 'lemon-water-cancer', claim: 'Drinking hot water with lemon every morning cures cancer', lang: 'en' });
  const VAN = debunk({ id: 'van-abductions', claim: 'A man in a grey van has been trying to abduct children outside the leisure centre', lang: 'en' });
  const FERRY = debunk({ id: 'ferry-ends', claim: 'The harbour ferry is shutting down for good next month', lang: 'en' });
  const m = createMatcher([...ALL_DEBUNKS, LEMON, VAN, FERRY]);
  it.each([
    { given: '"no real evidence"', text: "There's no real evidence that hot lemon water cures cancer, please don't skip treatment", id: LEMON.id },
    { given: '"never been proven"', text: 'the hot lemon water every morning cancer cure thing has never been proven', id: LEMON.id },
    { given: '"no study has shown"', text: 'No study has shown that drinking lemon water in the morning cures cancer', id: LEMON.id },
    { given: '"nobody tried to" (the verb in another form than the claim\'s)', text: 'the leisure centre posted that nobody tried to abduct children, the grey van was a delivery driver', id: VAN.id },
    { given: '"the notice says nothing about"', text: 'the harbour ferry notice says nothing about shutting down for good, it is only a timetable change next month', id: FERRY.id },
  ])('GIVEN $given THEN the member refutes it', ({ text, id }) => {
    const result = m.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.stance, result.stanceCues.join(', ')).toBe('refute');
  });
});

describe('stance: a refusal denied in its own word, a question after what happened, the facts said plainly', () => {
  // Fresh hand-written chat: each refuter was struck, each asker struck or not answered.
  const NEST = debunk({ id: 'nestling-rejected', claim: 'Touching a baby bird will cause its mother to reject it', lang: 'en' });
  const MIX = debunk({ id: 'cold-medicine-mix', claim: 'Giving children ibuprofen and cough syrup together causes heart attacks', lang: 'en' });
  const BULB = debunk({ id: 'bulb-mercury', claim: 'A broken energy-saving bulb releases deadly amounts of mercury into the room', lang: 'en' });
  const LIBRARY = debunk({ id: 'library-closing', claim: 'The county is closing every public library by the end of the year', lang: 'en' });
  const PINEAPPLE = debunk({ id: 'pineapple-milk', claim: '菠萝和牛奶一起吃会中毒', lang: 'zh' });
  const m = createMatcher([...ALL_DEBUNKS, NEST, MIX, BULB, LIBRARY, PINEAPPLE]);
  it.each([
    { given: '"won\'t reject" against a claim that the mother rejects', text: "relax, the mother won't reject a baby bird because you touched it", id: NEST.id },
    { given: '"no plans for" and what is really so', text: 'the county says there are no plans for closing libraries, only one branch is moving', id: LIBRARY.id },
    { given: '"not the whole" and what is really so', text: 'the county is closing one library branch by the end of the year, not the whole system', id: LIBRARY.id },
    { given: '"沒有科學根據" (traditional)', text: '營養師說菠蘿和牛奶一起吃會中毒沒有科學根據', id: PINEAPPLE.id },
  ])('GIVEN $given THEN the member refutes it', ({ text, id }) => {
    const result = m.match(text);
    expect(result.matches[0]?.debunkId).toBe(id);
    expect(result.stance, result.stanceCues.join(', ')).toBe('refute');
  });

  it.each([
    { given: '"can you give a child … or is it dangerous?" (not a request)', text: 'can you give a child ibuprofen and cough syrup together or does it cause heart attacks?' },
    { given: 'what happened, then a question after a comma', text: 'my son broke an energy-saving bulb in his room, do we need to leave because of the mercury??' },
  ])('GIVEN $given THEN the member asks', ({ text }) => {
    const result = m.match(text);
    expect(result.matches[0]?.debunkId).toBeDefined();
    expect(result.stance, result.stanceCues.join(', ')).toBe('question');
  });
});
