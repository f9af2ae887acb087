import { describe, expect, it } from 'vitest';
import { DebunkSchema, type Debunk } from '../../src/debunks/schema.js';
import { actThresholdOf } from '../../src/eval/actThreshold.js';
import { createMatcher } from '../../src/matching/matcher.js';
import { normalize } from '../../src/matching/normalize.js';
import { FEATURE_NAMES, type FeatureName } from '../../src/matching/features.js';
import type { CandidateFeatures } from '../../src/matching/types.js';
import { ALL_DEBUNKS, DEBUNKS, debunk } from './fixtures.js';

const ACT = actThresholdOf();
const matcher = createMatcher(ALL_DEBUNKS);
const norm = (s: string) => normalize(s).text;

describe('fixtures', () => {
  it.each(ALL_DEBUNKS.map((d) => ({ id: d.id, d })))('GIVEN fixture $id THEN it passes the debunk schema unchanged', ({ d }) => {
    expect(DebunkSchema.parse(d)).toEqual(d);
  });
});

describe('match: rumors are found', () => {
  const FIVE_G = { debunkId: DEBUNKS.fiveG.id, keyWords: ['5G', 'towers', 'spread', 'coronavirus'] };
  const HOT_WATER = { debunkId: DEBUNKS.hotWater.id, keyWords: ['热水', '杀死', '新冠病毒'] };
  const GIRL = { debunkId: DEBUNKS.abandonedGirl.id, keyWords: ['海滩', '女童', '遗弃'] };
  const GATES = { debunkId: DEBUNKS.gatesEmail.id, keyWords: ['Bill', 'Gates', 'pay', 'forwarding', 'email'] };

  it.each([
    { given: 'the English claim verbatim', text: '5G towers spread the coronavirus', ...FIVE_G },
    { given: 'the Chinese claim verbatim', text: '喝热水可以杀死新冠病毒', ...HOT_WATER },
    { given: 'a long Chinese claim verbatim', text: '上海海滩走失女童是被父亲故意遗弃的', ...GIRL },
    { given: 'the chain-letter claim verbatim', text: 'Bill Gates will pay you for forwarding this email', ...GATES },
    { given: 'zero-width characters inside words', text: '5G\u200B tow\u200Ders spr\u2060ead the corona\uFEFFvirus', ...FIVE_G },
    { given: 'Cyrillic homoglyphs', text: '5G t\u043Ew\u0435rs spr\u0435\u0430d th\u0435 \u0441\u043Er\u043En\u0430virus', ...FIVE_G },
    { given: 'fullwidth letters', text: '５Ｇ ｔｏｗｅｒｓ ｓｐｒｅａｄ ｔｈｅ ｃｏｒｏｎａｖｉｒｕｓ', ...FIVE_G },
    { given: 'mathematical bold letters', text: '5G 𝐭𝐨𝐰𝐞𝐫𝐬 spread the 𝐜𝐨𝐫𝐨𝐧𝐚𝐯𝐢𝐫𝐮𝐬', ...FIVE_G },
    { given: 'spaced-out letters', text: '5G t o w e r s spread the c.o.r.o.n.a.v.i.r.u.s', ...FIVE_G },
    { given: 'Zalgo marks', text: '5G t̷o̷w̷e̷r̷s̷ spread the c̶o̶r̶o̶n̶a̶v̶i̶r̶u̶s̶', ...FIVE_G },
    { given: 'stretched letters and shouting', text: '5G TOWERSSSS SPREAD THE CORONAVIRUSSSS!!!', ...FIVE_G },
    { given: 'traditional Chinese', text: '喝熱水可以殺死新冠病毒', ...HOT_WATER },
    { given: 'a traditional Chinese long claim', text: '上海海灘走失女童是被父親故意遺棄的', ...GIRL },
    { given: 'Chinese with spaces between characters', text: '喝 热 水 可 以 杀 死 新 冠 病 毒', ...HOT_WATER },
    {
      given: 'one sentence inside a long multi-line English message',
      text: 'hey all\nhow was the weekend?\nmy uncle says 5G towers spread the coronavirus and we should unplug everything.\nanyway, dinner at 7?\nbring snacks',
      ...FIVE_G,
      chatter: ['weekend', 'dinner', 'snacks'],
    },
    {
      given: 'one sentence inside a long multi-line Chinese message',
      text: '大家早上好\n今天天气不错，我们下午去公园吧\n听说上海海滩走失女童是被父亲故意遗弃的，太可怕了\n晚上几点吃饭？',
      ...GIRL,
      chatter: ['早上好', '公园', '吃饭'],
    },
    { given: 'a quoted post', text: '> 5G towers spread the coronavirus\n> share with everyone', ...FIVE_G, chatter: ['share'] },
    {
      given: 'a forwarded post',
      text: 'Forwarded from Truth Channel\nBill Gates will pay you for forwarding this email! Send it to 10 friends.',
      ...GATES,
      chatter: ['friends'],
    },
    { given: 'a forwarded Chinese post', text: '【转发】群友们注意！\n喝热水可以杀死新冠病毒，大家多喝！\n——转自家长群', ...HOT_WATER, chatter: ['群友', '家长群'] },
    {
      given: 'a near-miss debunk shares the topic',
      text: '5G tests killed hundreds of birds in a park',
      debunkId: DEBUNKS.fiveGBirds.id,
      keyWords: ['5G', 'killed', 'birds', 'park'],
    },
    {
      given: 'another Bill Gates rumor',
      text: 'Bill Gates wants to reduce the world population with vaccines',
      debunkId: DEBUNKS.gatesPopulation.id,
      keyWords: ['Gates', 'population', 'vaccines'],
    },
  ])(
    'GIVEN $given THEN the top match is $debunkId, acting, with an excerpt holding the key words',
    ({ text, debunkId, keyWords, chatter = [] }: { text: string; debunkId: string; keyWords: string[]; chatter?: string[] }) => {
      const { matches } = matcher.match(text);
      const top = matches[0]!;
      expect(top.debunkId).toBe(debunkId);
      expect(top.score).toBeGreaterThanOrEqual(ACT);
      const { excerpt, start, end } = top.explanation;
      expect(start).toBeLessThan(end);
      expect(text.slice(start, end)).toBe(excerpt);
      for (const w of keyWords) expect(norm(excerpt)).toContain(norm(w));
      for (const w of chatter) expect(excerpt).not.toContain(w);
    },
  );

  // Regression test (found while writing the tests, fixed).
  it('GIVEN a forwarded header repeating a word of the claim THEN the excerpt is the rumor sentence only', () => {
    const text = 'Forwarded from Truth Channel\nBill Gates will pay you for forwarding this email';
    expect(matcher.match(text).matches[0]!.explanation.excerpt).toBe('Bill Gates will pay you for forwarding this email');
  });

  // Regression test (found while writing the tests, fixed).
  it('GIVEN two spelled-out words in a row THEN the rumor is found', () => {
    const { matches } = matcher.match('B.i.l.l G.a.t.e.s will pay you for forwarding this email');
    expect(matches[0]?.debunkId).toBe(DEBUNKS.gatesEmail.id);
  });
});

describe('match: database size', () => {
  // Regression test (found while writing the tests, fixed).
  it('GIVEN a database of three debunks THEN a verbatim claim acts', () => {
    const small = createMatcher([DEBUNKS.fiveG, DEBUNKS.hotWater, DEBUNKS.gatesEmail]);
    const top = small.match('5G towers spread the coronavirus').matches[0];
    expect(top?.debunkId).toBe(DEBUNKS.fiveG.id);
    expect(top?.score).toBeGreaterThanOrEqual(ACT);
  });
});

describe('match: a Chinese message naming what a rumor is about, without its event', () => {
  // In a small database every term is rare, so the fitted trees trust any overlap; a single
  // unbroken piece shared with the claim (a place, a person) is capped below the act threshold.
  const small = createMatcher([DEBUNKS.abandonedGirl, DEBUNKS.hotWater, DEBUNKS.fiveG]);
  it.each([
    { given: 'the place and the people, in one stretch', text: '上海海滩走失女童的家长今天来了' },
    { given: 'the place only', text: '上海海滩周末人太多了' },
  ])('GIVEN $given THEN it does not act', ({ text }) => {
    for (const m of small.match(text).matches) expect(m.score).toBeLessThan(ACT);
  });
  it.each([
    { given: 'the claim retold in two pieces', text: '听说上海海滩那个女童是被父亲故意遗弃的' },
    { given: 'the claim verbatim', text: '上海海滩走失女童是被父亲故意遗弃的' },
  ])('GIVEN $given THEN it acts', ({ text }) => {
    const top = small.match(text).matches[0];
    expect(top?.debunkId).toBe(DEBUNKS.abandonedGirl.id);
    expect(top?.score).toBeGreaterThanOrEqual(ACT);
  });
});

describe('match: the phrase a message is measured against', () => {
  it('GIVEN a variant covered best but on two words, and the claim on three THEN the claim is measured and the match stands', () => {
    const garlic = debunk({
      id: 'garlic',
      claim: 'Eating garlic prevents infection with the coronavirus',
      variants: ['Garlic protects you from COVID-19'],
      lang: 'en',
    });
    const top = createMatcher([garlic, DEBUNKS.fiveG, DEBUNKS.gatesEmail]).match('does eating garlic really stop you getting covid?', { minScore: 0 }).matches[0];
    expect(top?.debunkId).toBe('garlic');
    expect(top?.explanation.phrase.kind).toBe('claim');
    expect(top?.score).toBeGreaterThan(0);
  });
});

describe('match: a claim stored twice', () => {
  // Fact-checkers debunk a claim again when it resurfaces: the copy is the same claim, not a close
  // runner-up that would make the match look ambiguous to the verifier.
  const copy = debunk({ id: '5g-coronavirus-again', claim: '5G towers spread the "coronavirus"', lang: 'en' });
  const twice = createMatcher([...ALL_DEBUNKS, copy]);
  const feature = (name: FeatureName, c: CandidateFeatures) => c.features[FEATURE_NAMES.indexOf(name)]!;
  it('GIVEN a paraphrase THEN both copies lead, each well ahead of the other claims', () => {
    const [first, second] = twice.candidates!('the coronavirus is spread by 5G towers');
    expect([first!.debunkId, second!.debunkId].sort()).toEqual([DEBUNKS.fiveG.id, copy.id].sort());
    for (const c of [first!, second!]) {
      expect(feature('relevanceMargin', c)).toBeGreaterThan(0.3);
      expect(feature('runnerUpRetrieval', c)).toBeLessThan(0.9);
    }
  });
});

describe('match: the phrase that can match is measured', () => {
  // Regression (clef2020-en): the headline's two words fell close together, the claim's three
  // far apart; the headline covered more of itself, was chosen, and was then ruled out for
  // sharing only two terms, so the message matched nothing.
  const dragon = debunk({
    id: 'ar-dragon',
    claim: 'A video shows an augmented reality dragon flying over a baseball stadium',
    variants: ['Did an AR Dragon Fly Over a Baseball Stadium?'],
    lang: 'en',
  });
  it('GIVEN a retelling sharing three words of the claim, two of them near each other THEN it matches the claim', () => {
    // "soared": "flew" is the headline's "Fly" (an irregular form folded to its verb), a word more for it.
    const text = 'Korean baseball championship opening today, they used a 3D hologram with 5G technology and lots of lights: a realistic dragon soared over the stadium';
    const top = createMatcher([...ALL_DEBUNKS, dragon]).match(text).matches[0];
    expect(top?.debunkId).toBe(dragon.id);
    expect(top?.explanation.phrase.kind).toBe('claim');
  });
});

describe('match: near-misses do not act', () => {
  it.each([
    { given: 'a 5G remark', text: '5G coverage in my town is great' },
    { given: 'drinking hot water', text: '今天喝了很多热水' },
    { given: '"多喝热水"', text: '多喝热水' },
    { given: '5G towers and coronavirus, not spreading', text: '5G towers are being built near the coronavirus ward' },
    { given: '5G towers that spread coverage', text: 'The new 5G towers in our town spread coverage to the whole valley' },
    { given: 'Bill Gates paying for something else', text: 'Bill Gates will pay for the new hospital' },
    { given: 'hot water for a cold', text: '喝热水可以缓解感冒症状' },
    { given: 'how the coronavirus spreads', text: '新冠病毒可以通过飞沫传播' },
    { given: 'a real missing-child notice', text: '上海海滩今天有女童走失，家长请看好孩子' },
    { given: 'vaccines for people', text: 'COVID vaccines are free for all people' },
    { given: 'the same topic word repeated', text: '5g 5g 5g 5g 5g 5g coronavirus coronavirus' },
    { given: 'the place of a Chinese rumor, nothing of its event', text: '上海海滩周末人太多了，不想去' },
    // Once a known gap (0.9): in a small database every word is rare, and the verifier could not
    // tell the claim's point (防辐射) from what it is said of (吃碘盐可以).
    { given: 'iodized salt for iodine, not against radiation', text: '我爸说吃碘盐可以补碘' },
  ])('GIVEN $given THEN nothing reaches the act threshold', ({ text }) => {
    const { matches } = matcher.match(text);
    for (const m of matches) expect(m.score).toBeLessThan(ACT);
  });
});

/** The best match of `text` is debunk `id`, at or above the act threshold. */
function expectActsOn(m: ReturnType<typeof createMatcher>, text: string, id: string): void {
  const [top] = m.match(text).matches;
  expect(top?.debunkId).toBe(id);
  expect(top!.score).toBeGreaterThanOrEqual(ACT);
}

describe('match: a Chinese claim with a modal, its other side said in a word of its own', () => {
  // Held-out style chat: the side after the modal said in other words that share a character, not a
  // pair, was read as saying only one side of the claim and capped below the act threshold.
  const genes = debunk({ id: 'vaccine-genes', claim: '打了新冠疫苗的人基因会被改变', lang: 'zh' });
  const shopping = debunk({ id: 'changsha-shopping', claim: '长沙市政府通知每户每周只能出门买菜一次', lang: 'zh' });
  const withClaims = createMatcher([...ALL_DEBUNKS, genes, shopping]);
  it.each([
    { text: '我妈说打了疫苗以后基因会变', id: genes.id },
    { text: '长沙现在一家一周只能出去买一回菜，政府发的', id: shopping.id },
  ])('GIVEN "$text" THEN it acts on the claim', ({ text, id }) => {
    expectActsOn(withClaims, text, id);
  });

  it('GIVEN only what is done, nothing of what it does THEN still below the act threshold', () => {
    for (const m of withClaims.match('今天去打了新冠疫苗，人好多').matches) expect(m.score).toBeLessThan(ACT);
    for (const m of withClaims.match('长沙市政府发通知了，每户都要登记').matches) expect(m.score).toBeLessThan(ACT);
  });
});

describe('match: a retelling without the year that dates its claim', () => {
  // Held-out style chat, in a group-sized database: a retelling that leaves out the claim's year
  // was capped below the act threshold as "saying none of its numbers", and "$1000" was not the
  // claim's "$1,000".
  const divorce = debunk({ id: 'hanks-divorce', claim: 'Tom Hanks and Rita Wilson announced that they were divorcing in October 2018.', lang: 'en' });
  const fine = debunk({ id: 'ontario-fine', claim: 'Ontario drivers can be fined $1,000 for eating a hamburger behind the wheel.', lang: 'en' });
  const withClaims = createMatcher([...ALL_DEBUNKS, divorce, fine]);
  it.each([
    { given: 'without its year', text: 'omg tom and rita announced theyre divorcing', id: divorce.id },
    { given: 'its number without the separator', text: 'in ontario you can get a $1000 fine for eating while driving', id: fine.id },
  ])('GIVEN a retelling $given THEN it acts on the claim', ({ text, id }) => {
    expectActsOn(withClaims, text, id);
  });

  it('GIVEN another number than the one the claim is about THEN still below the act threshold', () => {
    for (const m of withClaims.match('in ontario you can get a $50 fine for eating while driving').matches) expect(m.score).toBeLessThan(ACT);
  });
});

describe('match: a claim\'s number said beside its names', () => {
  // Fresh hand-written chat, in a group-sized database: a retelling that says the claim's names,
  // one more of its words and its number was capped as saying only what the claim is about.
  const vote = debunk({ id: 'vote-two-days', claim: 'Polling Day is being spread across three separate days this year.', lang: 'en' });
  const withClaims = createMatcher([...ALL_DEBUNKS, vote]);
  it('GIVEN the names, one word and the number THEN it acts on the claim', () => {
    expectActsOn(withClaims, 'heads up, polling day is being spread over 3 days this year', vote.id);
  });
  it('GIVEN the names and one word without the number THEN still below the act threshold', () => {
    for (const m of withClaims.match('polling day is spread thin this year, volunteers needed').matches) expect(m.score).toBeLessThan(ACT);
  });
});

describe('match: a number that names something, or is written with its unit', () => {
  // Fresh hand-written chat, in a group-sized database: "737" (a plane) was read as another number
  // than the claim's year, and "412lb" as no number at all, and each retelling was capped.
  const crash = debunk({ id: 'crash-video', claim: 'A video shows a passenger plane crashing into a field near Denver in June 2021.', lang: 'en' });
  const moose = debunk({ id: 'big-moose', claim: 'Photographs show a 1,300-lb. moose shot in Maine.', lang: 'en' });
  const withClaims = createMatcher([...ALL_DEBUNKS, crash, moose]);
  it.each([
    { given: 'a model number beside a dated claim', text: 'saw a video of that 737 going down near denver, nose first into a field', id: crash.id },
    { given: 'the claim\'s number with its unit written on', text: 'a 1300lb moose shot in maine, look at the photographs', id: moose.id },
  ])('GIVEN $given THEN it acts on the claim', ({ text, id }) => {
    expectActsOn(withClaims, text, id);
  });

  it('GIVEN another weight than the claim\'s THEN still below the act threshold', () => {
    for (const m of withClaims.match('a 600lb moose shot in maine, look at the photographs').matches) expect(m.score).toBeLessThan(ACT);
  });
});

describe('match: the claim\'s names and the event it says befell them', () => {
  // Fresh hand-written chat, in a group-sized database: names and one word were capped as naming
  // only what the claim is about, even when the word is the event the claim is about.
  const cola = debunk({ id: 'cola-discontinued', claim: 'The Hartwell Cola soft drink is being discontinued by Brightwater Foods.', lang: 'en' });
  const withClaims = createMatcher([...ALL_DEBUNKS, cola]);
  it('GIVEN the names and the event THEN it acts on the claim', () => {
    expectActsOn(withClaims, 'rip hartwell cola, brightwater is discontinuing it', cola.id);
  });
  it.each(['brightwater foods makes hartwell cola', 'hartwell cola is on sale at brightwater this week'])('GIVEN the names and another word ("%s") THEN below the act threshold', (text) => {
    for (const m of withClaims.match(text).matches) expect(m.score).toBeLessThan(ACT);
  });
});

describe('match: a retelling that leaves the claim\'s number out', () => {
  // Fresh hand-written chat, in a group-sized database: a retelling saying no number at all was
  // capped (0.75) as if it said another, though members leave numbers out as often as not.
  const syrup = debunk({
    id: 'syrup-recall',
    claim: "Greenview Pharmacy on Main Street is recalling every bottle of its store-brand children's cough syrup because a contaminated batch sent 14 kids in Dayton to hospital.",
    lang: 'en',
  });
  const withClaims = createMatcher([...ALL_DEBUNKS, syrup]);
  it('GIVEN no number THEN it acts on the claim', () => {
    expectActsOn(withClaims, 'greenview is recalling the kids cough syrup, a contaminated batch put some children in hospital', syrup.id);
  });
  it('GIVEN another number THEN still below the act threshold', () => {
    for (const m of withClaims.match('greenview is recalling the kids cough syrup, a contaminated batch put 30 children in hospital').matches) expect(m.score).toBeLessThan(ACT);
  });
});

describe('match: short and generic messages', () => {
  it.each([
    { given: '"ok"', text: 'ok' },
    { given: '"真的吗"', text: '真的吗' },
    { given: '"lol"', text: 'lol' },
    { given: '"?"', text: '?' },
    { given: 'a lone link whose path names the rumor', text: 'https://example.com/5g-coronavirus' },
    { given: 'a thumbs-up', text: '👍' },
    { given: 'an empty message', text: '' },
    { given: 'one topic word', text: 'coronavirus' },
    { given: 'two topic words', text: '5G towers' },
    { given: 'whitespace only', text: ' \n\t\u3000' },
  ])('GIVEN $given THEN matches is empty', ({ text }) => {
    expect(matcher.match(text).matches).toEqual([]);
  });

  it.each([
    { given: 'undefined', input: undefined },
    { given: 'null', input: null },
    { given: 'a number', input: 42 },
  ])('GIVEN a non-string ($given) THEN matches is empty', ({ input }) => {
    expect(matcher.match(input as any)).toEqual({ matches: [], stance: 'spread', stanceCues: [], refuting: false, refutingCues: [] });
  });
});

describe('match: refuting or spreading', () => {
  const FIVE_G = '5G towers spread the coronavirus';
  const HOT_WATER = '喝热水可以杀死新冠病毒';

  it.each([
    { given: '"fake"', text: `This is fake: ${FIVE_G}`, cue: 'fake' },
    { given: 'fullwidth "ＦＡＫＥ"', text: `ＦＡＫＥ: ${FIVE_G}`, cue: 'fake' },
    { given: '"hoax"', text: `${FIVE_G}? That is a hoax.`, cue: 'hoax' },
    { given: '"debunked"', text: `Debunked: ${FIVE_G}`, cue: 'debunked' },
    { given: '"is not true"', text: `"${FIVE_G}" is not true`, cue: 'is not true' },
    { given: '"辟谣"', text: `辟谣：${HOT_WATER}`, cue: '辟谣' },
    { given: '"谣言"', text: `${HOT_WATER}是谣言`, cue: '谣言' },
    { given: 'traditional "謠言"', text: '這是謠言：喝熱水可以殺死新冠病毒', cue: '谣言' },
    { given: '"不实"', text: `${HOT_WATER}，不实`, cue: '不实' },
    { given: '"假的"', text: `${HOT_WATER}是假的`, cue: '假的' },
    {
      given: 'a link to a source of the matched debunk',
      text: `${FIVE_G} https://fullfact.org/health/5g-coronavirus/`,
      cue: 'source:https://fullfact.org/health/5g-coronavirus/',
    },
    {
      given: 'a source link with www, tracking parameters and a closing bracket',
      text: `${FIVE_G} (source: http://www.fullfact.org/health/5g-coronavirus?utm_source=x)`,
      cue: 'source:https://fullfact.org/health/5g-coronavirus/',
    },
    {
      given: "another page of a source's site",
      text: `${FIVE_G}? https://www.who.int/news-room/fact-sheets read this`,
      cue: 'source site:who.int',
    },
    { given: 'a page of a fact-checking site', text: `${FIVE_G} https://www.snopes.com/fact-check/5g-covid/`, cue: 'fact check:snopes.com' },
    {
      given: 'a quote of the refutation text',
      text: `${FIVE_G}? ${DEBUNKS.fiveG.refutation}`,
      cue: `refutation:${DEBUNKS.fiveG.id}`,
    },
  ])('GIVEN $given THEN refuting with cue $cue', ({ text, cue }) => {
    const r = matcher.match(text);
    expect(r.matches[0]!.score).toBeGreaterThanOrEqual(ACT);
    expect(r.refuting).toBe(true);
    expect(r.refutingCues).toContain(cue);
  });

  it('GIVEN a debunk first matched by its bare claim THEN a later quote of its refutation still refutes', () => {
    // The first message has too few words besides the claim to quote anything, so the
    // refutation is not read then; it must be read for the second.
    const fresh = createMatcher(ALL_DEBUNKS.map((d) => ({ ...d })));
    expect(fresh.match(`FYI ${FIVE_G}`).refuting).toBe(false);
    const r = fresh.match(`${FIVE_G}? ${DEBUNKS.fiveG.refutation}`);
    expect(r.refutingCues).toContain(`refutation:${DEBUNKS.fiveG.id}`);
  });

  it.each([
    { given: 'the bare claim', text: FIVE_G },
    { given: '"这不是谣言"', text: `这不是谣言，${HOT_WATER}` },
    { given: 'traditional "這不是謠言"', text: '這不是謠言，喝熱水可以殺死新冠病毒' },
    { given: '"这绝不是谣言"', text: `这绝不是谣言，${HOT_WATER}` },
    { given: '"this is not fake"', text: `${FIVE_G}, this is not fake` },
    { given: '"not fake news"', text: `${FIVE_G} — not fake news` },
    { given: '"this is not a hoax"', text: `${FIVE_G}. This is not a hoax` },
    { given: '"it is no hoax"', text: `${FIVE_G}. It is no hoax` },
    { given: 'a link to the bare home page of a source', text: `${FIVE_G} https://fullfact.org` },
  ])('GIVEN $given THEN spreading (refuting false)', ({ text }) => {
    const r = matcher.match(text);
    expect(r.matches[0]!.score).toBeGreaterThanOrEqual(ACT);
    expect(r.refuting).toBe(false);
    expect(r.refutingCues).toEqual([]);
  });

  // Regression test (found while writing the tests, fixed).
  it('GIVEN "this isn\'t a hoax" THEN spreading (refuting false)', () => {
    expect(matcher.match(`${FIVE_G}, this isn't a hoax`).refuting).toBe(false);
  });

  // Regression test (found while writing the tests, fixed).
  it('GIVEN "这不是什么谣言" THEN spreading (refuting false)', () => {
    expect(matcher.match(`这不是什么谣言，${HOT_WATER}`).refuting).toBe(false);
  });
});

describe('rank', () => {
  const TWO_RUMORS = '5G towers spread the coronavirus. Also Bill Gates will pay you for forwarding this email';

  it.each([
    { given: 'a 5G message, k=1', text: '5G towers spread the coronavirus', k: 1, top: DEBUNKS.fiveG.id },
    { given: 'a 5G message, k=3', text: '5G towers spread the coronavirus', k: 3, top: DEBUNKS.fiveG.id },
    { given: 'a Bill Gates message, k=2', text: 'Bill Gates will pay you for forwarding this email', k: 2, top: DEBUNKS.gatesEmail.id },
    { given: 'a Chinese message, k=5', text: '喝热水可以杀死新冠病毒', k: 5, top: DEBUNKS.hotWater.id },
    { given: 'a near-miss (no threshold applies), k=3', text: 'Bill Gates will pay for the new hospital', k: 3, top: undefined },
  ])('GIVEN $given THEN at most k items, best first, a prefix of the longer ranking', ({ text, k, top }) => {
    const ranked = matcher.rank(text, k);
    expect(ranked.length).toBeLessThanOrEqual(k);
    expect(ranked.length).toBeGreaterThan(0);
    if (top) expect(ranked[0]!.debunkId).toBe(top);
    expect(ranked).toEqual(matcher.rank(text, ALL_DEBUNKS.length).slice(0, k));
    expect(new Set(ranked.map((r) => r.debunkId)).size).toBe(ranked.length);
  });

  it('GIVEN a message with two rumors THEN both lead the ranking', () => {
    const ids = matcher.rank(TWO_RUMORS, 2).map((r) => r.debunkId);
    expect(ids.sort()).toEqual([DEBUNKS.fiveG.id, DEBUNKS.gatesEmail.id].sort());
  });

  it.each([
    { given: 'an empty message', text: '', k: 3 },
    { given: 'k = 0', text: '5G towers spread the coronavirus', k: 0 },
  ])('GIVEN $given THEN the ranking is empty', ({ text, k }) => {
    expect(matcher.rank(text, k)).toEqual([]);
  });

  it('GIVEN match with limit 1 on two rumors THEN one match', () => {
    expect(matcher.match(TWO_RUMORS, { limit: 1 }).matches).toHaveLength(1);
    expect(matcher.match(TWO_RUMORS).matches.map((m) => m.debunkId)).toHaveLength(2);
  });
});

describe('update', () => {
  const MOON = debunk({
    id: 'moon-landing-staged',
    claim: 'The moon landing was filmed in a Hollywood studio',
    sources: [{ title: 'NASA', url: 'https://www.nasa.gov/history/apollo-11-facts' }],
    lang: 'en',
  });
  const MOON_TEXT = 'the moon landing was filmed in a Hollywood studio';
  const WITH_MOON = [...ALL_DEBUNKS, MOON];
  const acts = (m: ReturnType<typeof createMatcher>, text: string, id: string) =>
    m.match(text).matches.some((x) => x.debunkId === id && x.score >= ACT);

  /** Enough entries that the index builds over several slices (2,000 debunks each). */
  const filler = (n: number, tag: string): Debunk[] =>
    Array.from({ length: n }, (_, i) =>
      debunk({ id: `${tag}-${i}`, claim: `${tag} filler rumor number ${i} about topic${i}`, lang: 'en' }),
    );

  it('GIVEN an update in flight THEN the old database answers until it resolves, the new one after', async () => {
    const m = createMatcher(ALL_DEBUNKS);
    const pending = m.update([...ALL_DEBUNKS, MOON]);
    expect(acts(m, MOON_TEXT, MOON.id)).toBe(false);
    expect(m.size).toBe(ALL_DEBUNKS.length);
    await pending;
    expect(acts(m, MOON_TEXT, MOON.id)).toBe(true);
    expect(m.size).toBe(ALL_DEBUNKS.length + 1);
  });

  it('GIVEN an update that drops a debunk THEN it stops matching after the update', async () => {
    const m = createMatcher(ALL_DEBUNKS);
    const text = '5G towers spread the coronavirus';
    expect(acts(m, text, DEBUNKS.fiveG.id)).toBe(true);
    await m.update(ALL_DEBUNKS.filter((d) => d.id !== DEBUNKS.fiveG.id));
    expect(acts(m, text, DEBUNKS.fiveG.id)).toBe(false);
  });

  it.each([
    { given: 'a slow update started first and a quick one second', first: filler(4500, 'slow'), second: WITH_MOON },
    { given: 'a quick update started first and a slow one second', first: WITH_MOON, second: [...filler(4500, 'slow'), ...WITH_MOON] },
  ])('GIVEN $given THEN the later call’s database is live', async ({ first, second }) => {
    const m = createMatcher(ALL_DEBUNKS);
    const older = m.update(first);
    const newer = m.update(second);
    await Promise.all([older, newer]);
    expect(m.size).toBe(second.length);
    expect(acts(m, MOON_TEXT, MOON.id)).toBe(true);
  });

  it('GIVEN the newer update finishes first THEN the older one does not replace it when it finishes', async () => {
    const m = createMatcher(ALL_DEBUNKS);
    let olderDone = false;
    const older = m.update(filler(4500, 'slow')).then(() => {
      olderDone = true;
    });
    await m.update(WITH_MOON);
    // The premise: the newer, smaller update did finish while the older one was still building.
    expect(olderDone).toBe(false);
    expect(m.size).toBe(WITH_MOON.length);
    await older;
    expect(olderDone).toBe(true);
    expect(m.size).toBe(WITH_MOON.length);
    expect(acts(m, MOON_TEXT, MOON.id)).toBe(true);
  });
});

describe('match: the explanation names the phrase', () => {
  it.each([
    { given: 'the 5G claim', text: '5G towers spread the coronavirus', d: DEBUNKS.fiveG, variantIndex: undefined },
    { given: 'the first 5G variant', text: '5G radiation causes COVID-19 symptoms', d: DEBUNKS.fiveG, variantIndex: 0 },
    { given: 'the Chinese 5G variant', text: '5G基站传播新冠病毒', d: DEBUNKS.fiveG, variantIndex: 1 },
    { given: 'the hot-water variant', text: '多喝热水能预防新冠肺炎', d: DEBUNKS.hotWater, variantIndex: 0 },
    { given: 'the Chinese microchip variant', text: '新冠疫苗里有追踪芯片', d: DEBUNKS.vaccineMicrochip, variantIndex: 0 },
    { given: 'the microchip claim', text: 'COVID vaccines contain microchips to track people', d: DEBUNKS.vaccineMicrochip, variantIndex: undefined },
    { given: 'the Microsoft variant', text: 'Microsoft pays $1000 to everyone who forwards this message', d: DEBUNKS.gatesEmail, variantIndex: 0 },
  ])('GIVEN $given THEN the explanation names it', ({ text, d, variantIndex }: { text: string; d: Debunk; variantIndex: number | undefined }) => {
    const top = matcher.match(text).matches[0]!;
    expect(top.debunkId).toBe(d.id);
    expect(top.score).toBeGreaterThanOrEqual(ACT);
    const { phrase } = top.explanation;
    if (variantIndex === undefined) {
      expect(phrase).toEqual({ kind: 'claim', text: d.claim });
    } else {
      expect(phrase).toEqual({ kind: 'variant', variantIndex, text: d.variants[variantIndex] });
    }
  });
});

describe('match: chat says the claim in its own words', () => {
  // Regression: "cops", "pics", "kids" and "stole" shared nothing with "police", "photographs",
  // "children" and "steal" (the stemmer keeps irregular forms apart), and the retelling matched nothing.
  const museum = debunk({ id: 'museum-photos', claim: 'Police officers stole photographs of the children at the county museum', lang: 'en' });
  it('GIVEN a retelling in chat words and irregular forms THEN it acts with the claim', () => {
    expectActsOn(createMatcher([...ALL_DEBUNKS, museum]), 'cops stole pics of kids', museum.id);
  });
});

describe('match: a Chinese retelling puts words between the claim\'s', () => {
  // Regression: a window of twice the phrase's pairs held at most two of its three words, eleven
  // pairs apart, so the retelling shared too few terms to be measured at all.
  const cats = debunk({ id: 'guard-steals-cats', claim: '徐汇保安偷猫', lang: 'zh' });
  it('GIVEN the claim\'s words with a clause between them THEN it acts with the claim', () => {
    expectActsOn(createMatcher([...ALL_DEBUNKS, cats]), '听说徐汇那边有个小区的保安专门偷猫', cats.id);
  });
});

describe('matcher: a claim that something affects something else, said by one side', () => {
  const BUNS = debunk({ id: 'buns-breath-test', claim: 'The consumption of hot cross buns has the potential to affect breathalyzer readings', lang: 'en' });
  const m = createMatcher([...ALL_DEBUNKS, BUNS]);

  it('GIVEN the buns alone ("on special, grabbed 2 packs"; acted at 0.81 before) THEN nothing acts', () => {
    for (const found of m.match('woolies hot cross buns are on special, grabbed 2 packs').matches) expect(found.score).toBeLessThan(ACT);
  });

  it('GIVEN both sides, in chat\'s words ("a roadside breath test", "breathalyser") THEN it acts', () => {
    for (const text of ['[PSA] hot cross buns can make you FAIL a roadside breath test!!! pass it on to all drivers', 'hot cross buns can throw off a breathalyser reading']) {
      const top = m.match(text).matches[0];
      expect(top?.debunkId).toBe(BUNS.id);
      expect(top?.score).toBeGreaterThanOrEqual(ACT);
    }
  });
});

describe('a celebrity death rumor, told and only named', () => {
  // b11: "passed away" did not say the claim's "died" (capped at 0.75); "last night" and the name
  // were enough to act on a message about the actor's films (0.96).
  const DEATH = debunk({ id: 'actor-died-sleep', claim: 'Denzel Washington died in his sleep last night', lang: 'en' });
  const m = createMatcher([...ALL_DEBUNKS, DEATH]);

  it('GIVEN "passed away" for "died" THEN it acts', () => {
    expect(m.match('Denzel Washington passed away peacefully in his sleep overnight 😢 RIP legend').matches[0]).toMatchObject({ debunkId: DEATH.id, score: expect.any(Number) });
    expect(m.match('Denzel Washington passed away peacefully in his sleep overnight 😢 RIP legend').matches[0]!.score).toBeGreaterThanOrEqual(ACT);
  });

  it('GIVEN only the name, "died" and when THEN it acts: a death said of the names is the whole rumor', () => {
    expect(m.match('nooo denzel washington died last night?? his movies were my childhood').matches[0]).toMatchObject({ debunkId: DEATH.id });
    expect(m.match('nooo denzel washington died last night?? his movies were my childhood').matches[0]!.score).toBeGreaterThanOrEqual(ACT);
  });

  it('GIVEN the name and "last night" in a message about his films THEN nothing acts', () => {
    for (const found of m.match('Watched Training Day again last night, Denzel Washington is so good in it').matches) expect(found.score).toBeLessThan(ACT);
  });
});
