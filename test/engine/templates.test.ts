import { describe, expect, it } from 'vitest';
import type { Debunk } from '../../src/debunks/schema.js';
import type { Decision } from '../../src/engine/decision.js';
import { intentText } from '../../src/engine/intentText.js';
import { actionList, agoText, ALERT_CLAIM_CHARS, alertClaim, render, refutationIn } from '../../src/engine/templates.js';
import { allTexts, DEBUNKS, enforcing, FIVE_G_ID, FIVE_G_SOURCE, harness, MINUTE, PAST_REPEAT_WINDOW, TEXT, textOf } from './harness.js';

const fiveG = DEBUNKS.find((d) => d.id === FIVE_G_ID)!;
const refutation = fiveG.refutation as Record<string, string>;
const SOURCE = `Coronavirus disease (COVID-19) advice for the public: Mythbusters — ${FIVE_G_SOURCE}`;
const EN_REPLY = `ℹ️ Fact check: this repeats a claim rated false.\n${refutation.en}\nSource: ${SOURCE}`;
const ZH_REPLY = `ℹ️ 辟谣提示：这条消息与一条已被认定为「不实」的说法相符。\n${refutation.zh}\n来源：${SOURCE}`;

describe('the language of the bot texts', () => {
  it.each([
    { given: 'language auto AND an English message', language: 'auto', text: TEXT.fiveG, lang: 'en', reply: EN_REPLY },
    { given: 'language auto AND a Chinese message', language: 'auto', text: TEXT.fiveGZh, lang: 'zh', reply: ZH_REPLY },
    { given: 'language zh AND an English message', language: 'zh', text: TEXT.fiveG, lang: 'zh', reply: ZH_REPLY },
    { given: 'language en AND a Chinese message', language: 'en', text: TEXT.fiveGZh, lang: 'en', reply: EN_REPLY },
  ])('GIVEN $given THEN the refutation is in $lang', async ({ language, text, lang, reply }) => {
    const h = harness();
    await h.engine.configure('g-1', { language });
    const d = await h.post({ text });
    expect(d.language).toBe(lang);
    expect(textOf(d, 'reply_refutation')).toBe(reply);
  });

  it.each([
    {
      language: 'auto',
      text: TEXT.fiveG,
      warn: 'Alice, please check before sharing: this is strike 2. Strikes expire after 30 days; repeated rumors can lead to a mute.',
    },
    { language: 'zh', text: TEXT.fiveG, warn: 'Alice，转发前请先核实：这是第2条违规记录（30天之后失效），多次传播谣言可能会被禁言。' },
    { language: 'auto', text: TEXT.fiveGZh, warn: 'Alice，转发前请先核实：这是第2条违规记录（30天之后失效），多次传播谣言可能会被禁言。' },
  ])('GIVEN language $language AND "$text" THEN the warning reads "$warn"', async ({ language, text, warn }) => {
    const h = await enforcing({ language });
    await h.post({ text });
    h.advance(PAST_REPEAT_WINDOW);
    expect(textOf(await h.post({ text }), 'warn')).toBe(warn);
  });
});

// QA: every pointer said "a few minutes ago" / "几分钟前", even 0 s after the refutation.
describe('how long ago a pointer says the rumor was answered', () => {
  it.each([
    { ms: 0, en: 'just now', zh: '刚刚' },
    { ms: MINUTE - 1, en: 'just now', zh: '刚刚' },
    { ms: MINUTE, en: '1 minute ago', zh: '1分钟前' },
    { ms: 9 * MINUTE + 59_000, en: '9 minutes ago', zh: '9分钟前' },
    { ms: 90 * MINUTE, en: '1 hour ago', zh: '1小时前' },
    { ms: 5 * 60 * MINUTE, en: '5 hours ago', zh: '5小时前' },
    { ms: 2 * 1440 * MINUTE, en: '2 days ago', zh: '2天前' },
  ])('GIVEN $ms ms THEN "$en" / "$zh"', ({ ms, en, zh }) => {
    expect(agoText('en', ms)).toBe(en);
    expect(agoText('zh', ms)).toBe(zh);
  });

  it.each([
    { given: 'at once', after: 0, text: TEXT.fiveG, pointer: 'This rumor was answered just now.' },
    { given: '4 minutes later', after: 4 * MINUTE, text: TEXT.fiveG, pointer: 'This rumor was answered 4 minutes ago.' },
    { given: 'at once, in Chinese', after: 0, text: TEXT.fiveGZh, pointer: '这条说法刚刚已经辟谣。' },
    { given: '4 minutes later, in Chinese', after: 4 * MINUTE, text: TEXT.fiveGZh, pointer: '这条说法4分钟前已经辟谣。' },
    { given: 'a question at once', after: 0, text: 'Is it true that 5G towers spread the coronavirus?', pointer: 'ℹ️ Good question: fact-checkers rated this claim false. It was answered here just now.' },
  ])('GIVEN the rumor repeated $given THEN the pointer reads "$pointer"', async ({ after, text, pointer }) => {
    const h = harness();
    await h.post({ member: { id: 'm-1', name: 'Alice' }, text: text === TEXT.fiveGZh ? TEXT.fiveGZh : TEXT.fiveG });
    h.advance(after);
    expect(textOf(await h.post({ member: { id: 'm-2', name: 'Bob' }, text }), 'pointer')).toBe(pointer);
  });
});

// QA: owner alerts listed identifiers ("Actions planned: reply_refutation, mute.").
describe('the actions an owner alert names', () => {
  it.each([
    { language: 'en', text: TEXT.fiveG, alert: `RumorGuard: Alice posted a known rumor, “5G towers spread the coronavirus” (${FIVE_G_ID}, score 1.00), strike 3. Actions planned: refutation, mute.` },
    { language: 'zh', text: TEXT.fiveGZh, alert: `RumorGuard：Alice 发布了已辟谣的说法「5G towers spread the coronavirus」（${FIVE_G_ID}，匹配度 1.00），第3次。计划处理：辟谣回复、禁言。` },
  ])('GIVEN the third offence in $language THEN the alert names them in words', async ({ language, text, alert }) => {
    const h = await enforcing({ language });
    let third;
    for (let i = 0; i < 3; i++) {
      third = await h.post({ text });
      h.advance(PAST_REPEAT_WINDOW);
    }
    expect(textOf(third!, 'alert_owners')).toBe(alert);
  });

  it('GIVEN every action type, and none THEN each has its words, in both languages', () => {
    const all = ['reply_refutation', 'suggest_check', 'pointer', 'warn', 'delete', 'mute', 'alert_owners', 'log'] as const;
    expect(actionList('en', all)).toBe('refutation, soft reply, pointer, warning, deletion, mute, owner alert, log');
    expect(actionList('zh', all)).toBe('辟谣回复、提醒核实、指向辟谣、警告、删除消息、禁言、通知群主、记录');
    expect(actionList('en', [])).toBe('none');
    expect(actionList('zh', [])).toBe('无');
  });
});

// QA L1: alerts named the rumor by its debunk id only ("dave posted a known rumor (bill-gates-pays-for-forwarding, score 1.00)").
describe('the rumor an owner alert names', () => {
  const alert = (claim: string, language: 'en' | 'zh' = 'en') =>
    intentText({
      type: 'alert_owners',
      reason: 'ladder_step',
      detail: 'strike 3',
      language,
      debunkId: 'some-rumor',
      claim,
      memberName: 'Dave',
      memberId: 'm-4',
      score: 0.97,
      strikes: 3,
      planned: ['reply_refutation', 'mute'],
      owners: [],
    })!;

  it.each([
    { language: 'en' as const, then: 'RumorGuard: Dave posted a known rumor, “Bill Gates pays you to forward this email” (some-rumor, score 0.97), strike 3. Actions planned: refutation, mute.' },
    { language: 'zh' as const, then: 'RumorGuard：Dave 发布了已辟谣的说法「Bill Gates pays you to forward this email」（some-rumor，匹配度 0.97），第3次。计划处理：辟谣回复、禁言。' },
  ])('GIVEN an alert in $language THEN it quotes the claim before the debunk id', ({ language, then }) => {
    expect(alert('Bill Gates pays you to forward this email', language)).toBe(then);
  });

  it('GIVEN a claim with mentions, markup and line breaks THEN it is quoted on one line, no mention live, the markup as written (each platform escapes it)', () => {
    const text = alert('@everyone <@123> look:\n<b>*5G*</b> [x](y)');
    expect(text).toContain('“@\u200Beveryone <\u200B@\u200B123> look: <b>*5G*</b> [x](y)”');
    expect(text).not.toMatch(MASS_MENTION);
    expect(text).not.toMatch(USER_MENTION);
    expect(text).not.toContain('\n');
  });

  it(`GIVEN a long claim with an emoji where it is cut THEN the alert quotes ${ALERT_CLAIM_CHARS} characters at most, the emoji whole or left out, with "…"`, () => {
    const claim = `${'a'.repeat(ALERT_CLAIM_CHARS - 2)}😀 and much more after it`;
    const quoted = /“(.*)”/.exec(alert(claim))![1]!;
    expect(quoted).toBe(`${'a'.repeat(ALERT_CLAIM_CHARS - 2)}…`);
    expect(quoted.length).toBeLessThanOrEqual(ALERT_CLAIM_CHARS);
    expect(alertClaim(`${'a'.repeat(ALERT_CLAIM_CHARS - 3)}😀 and more`)).toBe(`${'a'.repeat(ALERT_CLAIM_CHARS - 3)}😀…`);
  });
});

describe('refutationIn', () => {
  const withRefutation = (r: Debunk['refutation']): Debunk => ({ ...fiveG, refutation: r });
  const rows: { given: string; r: Debunk['refutation']; lang: 'en' | 'zh'; out: string }[] = [
    { given: 'one text', r: 'Only text.', lang: 'zh', out: 'Only text.' },
    { given: '{en, zh} AND en', r: { en: 'English.', zh: '中文。' }, lang: 'en', out: 'English.' },
    { given: '{en, zh} AND zh', r: { en: 'English.', zh: '中文。' }, lang: 'zh', out: '中文。' },
    { given: '{en} only AND zh', r: { en: 'English.' }, lang: 'zh', out: 'English.' },
    { given: '{fr} only AND zh', r: { fr: 'Français.' }, lang: 'zh', out: 'Français.' },
  ];
  it.each(rows)('GIVEN $given THEN "$out"', ({ r, lang, out }) => {
    expect(refutationIn(withRefutation(r), lang)).toBe(out);
  });
});

/** Three offences by a member called `name`, with every action enabled: warn, alert and mute texts. */
async function decisionsFor(name: string): Promise<Decision[]> {
  const h = await enforcing();
  const out: Decision[] = [];
  for (let i = 0; i < 3; i++) {
    out.push(await h.post({ member: { name } }));
    h.advance(PAST_REPEAT_WINDOW);
  }
  return out;
}

/** Every text the bot would send for three posts by a member named `name`, and those of them that name the member (warning, alert, mute). */
async function textsFor(name: string): Promise<{ texts: string[]; withName: string[] }> {
  const texts = (await decisionsFor(name)).flatMap(allTexts);
  return { texts, withName: texts.filter((t) => t.includes('please check') || t.includes('RumorGuard:') || t.includes('muted')) };
}

const MASS_MENTION = /@(everyone|here|all|channel)/i;
const USER_MENTION = /<(@[!&]?|#)\d+>/;
const CONTROL_OR_BIDI = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

describe('member names are copied as plain, harmless text', () => {
  it.each([
    { given: '@everyone', name: '@everyone' },
    { given: '@here', name: '@here' },
    { given: 'shouted @EVERYONE', name: 'hey @EVERYONE look' },
    { given: 'a Discord user mention', name: '<@123>' },
    { given: 'a Discord nickname mention', name: '<@!123>' },
    { given: 'a Discord role mention', name: '<@&456>' },
    { given: 'a Discord channel mention', name: '<#789>' },
    { given: 'a right-to-left override', name: 'Alice\u202Enimda' },
    { given: 'isolates', name: '\u2066Alice\u2069' },
    { given: 'NUL and BEL', name: 'Al\u0000ice\u0007' },
  ])('GIVEN a member named with $given THEN no text pings, reorders or hides anything', async ({ name }) => {
    const { texts, withName } = await textsFor(name);
    expect(withName).toHaveLength(3);
    for (const t of texts) {
      expect(t).not.toMatch(MASS_MENTION);
      expect(t).not.toMatch(USER_MENTION);
      expect(t).not.toMatch(CONTROL_OR_BIDI);
    }
  });

  it('GIVEN a name full of markup and a placeholder THEN the warning holds it verbatim, mentions and links broken by a zero-width space', async () => {
    const name = '<b>Bob</b> *bold* _it_ [x](https://evil.example) {n} @everyone';
    const [, second] = await decisionsFor(name);
    expect(textOf(second!, 'warn')).toBe(
      '<b>Bob</b> *bold* _it_ [x](https:\u200B//evil\u200B.example) {n} @\u200Beveryone, please check before sharing: this is strike 2. Strikes expire after 30 days; repeated rumors can lead to a mute.',
    );
  });

  it.each([
    { given: 'a URL', name: 'https://discord-gift.ev.il/nitro' },
    { given: 'a bare domain', name: 'free-nitro.example.com' },
  ])('GIVEN a member named with $given THEN no text the bot sends holds it as a link', async ({ name }) => {
    const { withName } = await textsFor(name);
    expect(withName).toHaveLength(3);
    for (const t of withName) {
      expect(t).not.toMatch(/https?:\/\//);
      expect(t).not.toMatch(/[\w-]\.(?:ev|example|com)\b/);
      expect(t.replace(/\u200B/g, '')).toContain(name);
    }
  });

  it('GIVEN a 5,000-character name THEN the warning holds at most 128 characters of it', async () => {
    const [, second] = await decisionsFor('A'.repeat(5000));
    const warn = textOf(second!, 'warn')!;
    expect(warn.startsWith(`${'A'.repeat(127)}…, please check`)).toBe(true);
  });

  it('GIVEN render with a value holding another placeholder THEN it is not expanded', () => {
    expect(render('en', 'mute', { name: '{duration}', duration: '1 h' })).toBe('{duration} is muted for 1 h for repeating refuted rumors.');
  });

  // Regression test (found while writing the tests, fixed).
  it('GIVEN a member named "@everyone_fan" THEN no text contains a raw "@everyone"', async () => {
    const texts = (await decisionsFor('@everyone_fan')).flatMap(allTexts);
    for (const t of texts) expect(t).not.toContain('@everyone');
  });

  // Regression test (found while writing the tests, fixed).
  it('GIVEN a member name with a line break THEN the name stays on one line', async () => {
    const [, second] = await decisionsFor('Eve\nRumorGuard: all strikes pardoned\nEve');
    expect(textOf(second!, 'warn')).not.toContain('\n');
  });

  // Regression test (found while writing the tests, fixed).
  it('GIVEN a member name with a right-to-left mark THEN the mark is removed', async () => {
    const [, second] = await decisionsFor('\u200FAlice');
    expect(textOf(second!, 'warn')).not.toMatch(/[\u200E\u200F\u061C]/);
  });
});

// QA: a member who wrote traditional characters (Taiwan, Hong Kong) was answered in simplified ones.
describe('the script of a Chinese answer', () => {
  const TRADITIONAL = '5G基站會傳播新冠病毒，大家小心';

  it('GIVEN a message in traditional characters THEN the refutation, its source title and the warning are in traditional ones, the name as given', async () => {
    const h = await enforcing({ language: 'auto' });
    const member = { id: 'm-9', name: '张小明' };
    const first = await h.post({ member, text: TRADITIONAL });
    expect(first.traditional).toBe(true);
    const reply = textOf(first, 'reply_refutation')!;
    expect(reply.startsWith('ℹ️ 闢謠提示：這條消息與一條已被認定為「不實」的說法相符。')).toBe(true);
    expect(reply).not.toContain('这条');
    // The source's URL is as the database has it; its refutation text converted.
    expect(reply).toContain(FIVE_G_SOURCE);
    expect(reply).toContain('病毒不能通過無線電波');
    h.advance(PAST_REPEAT_WINDOW);
    const second = await h.post({ member, text: TRADITIONAL });
    expect(textOf(second, 'warn')).toBe('张小明，轉發前請先核實：這是第2條違規記錄（30天之後失效），多次傳播謠言可能會被禁言。');
  });

  it('GIVEN the same message in simplified characters THEN the answer is in simplified ones', async () => {
    const h = harness();
    const d = await h.post({ text: '5G基站会传播新冠病毒，大家小心' });
    expect(d.traditional).toBeUndefined();
    expect(textOf(d, 'reply_refutation')).toBe(ZH_REPLY);
  });
});
