import { afterEach, describe, expect, it } from 'vitest';
import type { ChatMember, ChatMessage } from '../../src/engine/chatMessage.js';
import type { Language } from '../../src/engine/templates.js';
import { startCore } from '../adapters/coreHarness.js';
import { FIVE_G_ID, TEXT } from '../engine/harness.js';

const OWNER: ChatMember = { id: 'owner', name: 'Olivia', isAdmin: true };
/** Names in Chinese, so that any Latin word left in a Chinese answer is ours. */
const AUTHOR = { id: '10086', name: '大卫' };
const REPORTER = { id: 'r1', name: '丽塔' };

let core: Awaited<ReturnType<typeof startCore>> | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

type Core = Awaited<ReturnType<typeof startCore>>;
let sentAt = Date.UTC(2026, 2, 1, 10);
const message = (messageId: string, text: string): ChatMessage => ({ platform: 'test', groupId: 'g-a', messageId, member: AUTHOR, text, sentAt: (sentAt += 1000) });

/** What a row's setup leaves: the command to run, and identifiers made on the way (a review item's id). */
interface Prepared {
  command: string;
  ids?: string[];
}

interface Row {
  /** The command, or a setup that returns it. */
  run: string | ((core: Core) => Promise<Prepared>);
  /** The ledger's admin-record detail, English whatever the group's language (today's summary, exactly). */
  detail?: (p: Prepared) => string | RegExp;
  /** The English answer, when it is not "OK: " and the detail. */
  en?: (p: Prepared) => string;
  /** The Chinese answer, written out: what a Chinese admin reads. */
  zh: (p: Prepared) => string;
  /** Identifiers the admin types that the Chinese answer keeps as they are. */
  ids?: string[];
}

/** A report of a message in the queue: `/rg <verb> <item id>…`. */
const reported = (verb: (id: string) => string) => async (c: Core): Promise<Prepared> => {
  await c.moderator.onFeedback('report', message('1', '东区自来水昨晚被投毒，星期五之前都别喝'), REPORTER, '');
  const [item] = await c.moderator.review!.items('g-a');
  return { command: verb(item!.id), ids: [item!.id] };
};

/** A struck message disputed as not a rumor: `/rg accept <item id>` withdraws the strike. */
const disputed = async (c: Core): Promise<Prepared> => {
  const text = `${TEXT.fiveG}, everyone in our street is saying it`;
  await c.moderator.onMessage(message('1', text));
  await c.moderator.onFeedback('not_a_rumor', message('1', text), REPORTER, '', FIVE_G_ID);
  const [item] = await c.moderator.review!.items('g-a');
  return { command: `/rg accept ${item!.id}`, ids: [item!.id] };
};

const struck = async (c: Core): Promise<Prepared> => {
  await c.moderator.onMessage(message('1', TEXT.fiveG));
  return { command: `/rg pardon ${AUTHOR.id}` };
};

const NOTE = "no step of this group's ladder takes delete: add it to a ladder step in the rules file for it to happen";
const ROWS: [string, Row][] = [
  // Modes, languages and actions in Chinese words (QA: "模式已设为 observe", "已停用 reply_refutation").
  ['/rg mode observe', { run: '/rg mode observe', detail: () => 'mode observe', zh: () => '好的：模式已设为观察' }],
  ['/rg enable warn', { run: '/rg enable warn', detail: () => 'enabled warn', zh: () => '好的：已启用警告' }],
  ['/rg disable reply_refutation', { run: '/rg disable reply_refutation', detail: () => 'disabled reply_refutation', zh: () => '好的：已停用辟谣回复' }],
  [
    '/rg enable delete (no ladder step takes it)',
    {
      run: '/rg enable delete',
      detail: () => `enabled delete (${NOTE})`,
      zh: () => '好的：已启用删除消息（本群升级阶梯的任何一步都不含删除消息：要让它生效，请在规则文件中把它加入某个阶梯步骤）',
    },
  ],
  ['/rg threshold act 0.7', { run: '/rg threshold act 0.7', detail: () => 'act threshold 0.7', zh: () => '好的：处理阈值已设为 0.7' }],
  [
    '/rg threshold suggest 0.5 (above answer)',
    {
      run: '/rg threshold suggest 0.5',
      detail: () => 'suggest threshold 0.5 (questions are answered from 0.5, the suggest threshold, while answer is below it)',
      zh: () => '好的：提示阈值已设为 0.5（回答提问的阈值低于提示阈值，提问从提示阈值 0.5 起回答）',
    },
  ],
  ['/rg threshold 0.7 0.5', { run: '/rg threshold 0.7 0.5', detail: () => 'act threshold 0.7, suggest threshold 0.5', zh: () => '好的：处理阈值已设为 0.7，提示阈值已设为 0.5' }],
  ['/rg lang auto', { run: '/rg lang auto', detail: () => 'language auto', zh: () => '好的：语言已设为自动（跟随每条消息）' }],
  ['/rg softreply on', { run: '/rg softreply on', detail: () => 'soft replies on', zh: () => '好的：温和提示已开启' }],
  ['/rg images off', { run: '/rg images off', detail: () => 'text in pictures not read', zh: () => '好的：图片文字识别已关闭' }],
  ['/rg repeat 30 silent', { run: '/rg repeat 30 silent', detail: () => 'repeat window 30 min, then silent', zh: () => '好的：重复窗口已设为 30 分钟，窗口内同一谣言再出现时不再回复' }],
  ['/rg exempt 10086', { run: '/rg exempt 10086', detail: () => 'exempted 10086', zh: () => '好的：10086 已设为豁免成员' }],
  [
    '/rg unexempt 10086',
    {
      run: async (c) => (await c.moderator.onAdminCommand('test', 'g-a', OWNER, '/rg exempt 10086'), { command: '/rg unexempt 10086' }),
      detail: () => 'no longer exempt: 10086',
      zh: () => '好的：10086 不再是豁免成员',
    },
  ],
  ['/rg pardon 10086', { run: struck, detail: () => 'pardoned 10086 (1)', en: () => 'OK: removed 1 strike(s) of 10086', zh: () => '好的：已撤销 10086 的 1 条违规记录' }],
  [`/rg retire ${FIVE_G_ID}`, { run: `/rg retire ${FIVE_G_ID}`, detail: () => `retired debunk ${FIVE_G_ID} for this group`, zh: () => `好的：辟谣条目 ${FIVE_G_ID} 已在本群停用`, ids: [FIVE_G_ID] }],
  ['/rg tellreporter on', { run: '/rg tellreporter on', detail: () => 'tell reporters of rejected reports on', zh: () => '好的：已开启告知被驳回的举报人' }],
  ['/rg spread off', { run: '/rg spread off', detail: () => 'count unknown rumors across groups off', zh: () => '好的：已关闭跨群统计未知谣言' }],
  ['/rg digest on', { run: '/rg digest on', detail: () => 'weekly digest to owners on', zh: () => '好的：已开启每周向群主发送摘要' }],
  [
    '/rg reject <report>',
    {
      run: reported((id) => `/rg reject ${id}`),
      detail: (p) => `rejected report ${p.ids![0]} by 丽塔 on 1 message(s)`,
      // The answer names no reporter (it may be posted in the group); the ledger does.
      en: (p) => `OK: rejected report ${p.ids![0]} (1 report(s)) on 1 message(s)`,
      zh: (p) => `好的：已驳回举报 ${p.ids![0]}（共 1 次举报，1 条消息）`,
    },
  ],
  [
    '/rg accept <report> | false | … | <url>',
    {
      run: reported((id) => `/rg accept ${id} | false | 自来水公司今早检测了所有水厂：水是安全的。 | https://water.example.org/notice`),
      // The new debunk's id is made from the claim and the item: matched, then kept as an identifier.
      detail: (p) => new RegExp(`^accepted report ${p.ids![0]} \\(1 report\\(s\\) by 丽塔; 1 message\\(s\\)\\) as new debunk (zh-[0-9a-f]{8}-${p.ids![0]}) \\(false\\) for all groups; answering 0 message\\(s\\)$`),
      en: (p) => `OK: accepted report ${p.ids![0]} (1 report(s); 1 message(s)) as new debunk {debunk} (false) for all groups; answering 0 message(s)`,
      zh: (p) => `好的：已采纳举报 ${p.ids![0]}（共 1 次举报，1 条消息），写成新的辟谣条目 {debunk}（不实），用于所有群；正在回复 0 条消息`,
    },
  ],
  [
    '/rg accept <dispute>',
    {
      run: disputed,
      detail: (p) => `accepted "not a rumor" ${p.ids![0]} on 1 message(s) (1 by 丽塔); ${FIVE_G_ID} recorded as a false positive there; strike of 10086 withdrawn`,
      en: (p) => `OK: accepted "not a rumor" ${p.ids![0]} on 1 message(s) (1 objection(s)); ${FIVE_G_ID} recorded as a false positive there; strike of 10086 withdrawn`,
      zh: (p) => `好的：已接受“不是谣言”异议 ${p.ids![0]}（1 条消息；共 1 次异议）；${FIVE_G_ID} 在这些消息上记为误判；已撤销 10086 的违规记录`,
      ids: [FIVE_G_ID],
    },
  ],
  [
    '/rg status',
    {
      run: '/rg status',
      en: () =>
        [
          'mode: enforce; language: {language}',
          'thresholds: suggest 0.4, act 0.8, questions answered from 0.4; soft replies off',
          'text in pictures read: on',
          'enabled actions: reply_refutation, log',
          'ladder: 1. reply_refutation; 2. reply_refutation + warn; 3. reply_refutation + alert_owners + mute 60 min; 4. reply_refutation + alert_owners + mute 1440 min',
          'strikes decay after 30 days; repeat window 10 min, then pointer',
          'exempt: admins yes; members none',
        ].join('\n'),
      zh: () =>
        [
          '模式：执行；语言：中文',
          '阈值：提示 0.4，处理 0.8，回答提问 0.4；温和提示 关',
          '读取图片中的文字：开',
          '已启用的处理：辟谣回复、记录',
          '升级阶梯：1. 辟谣回复；2. 辟谣回复 + 警告；3. 辟谣回复 + 通知群主 + 禁言1小时；4. 辟谣回复 + 通知群主 + 禁言24小时',
          '违规记录 30 天后失效；重复窗口 10 分钟，窗口内同一谣言再出现时只发简短指引',
          '豁免：管理员 是；成员 无',
        ].join('\n'),
    },
  ],
];

/** A group set to `lang` (as `/rg lang` leaves it, not ledgered here), and the command run by its owner in that language. */
async function inGroup(lang: Language, row: Row) {
  core = await startCore({ groupId: 'g-a', secrets: [] });
  const c = core;
  const configured = await c.engine.configure('g-a', { language: lang });
  if (!configured.ok) throw new Error(configured.problems.join('; '));
  const prepared = typeof row.run === 'string' ? { command: row.run } : await row.run(c);
  const before = (await c.records()).filter((r) => r.type === 'admin').length;
  const run = () => c.moderator.onAdminCommand('test', 'g-a', OWNER, prepared.command, lang);
  const first = await run();
  const details = (await c.records())
    .filter((r) => r.type === 'admin')
    .slice(before)
    .map((r) => (r.type === 'admin' ? r.detail : ''));
  // The same command again changes nothing: its "already so" answer is in the language too.
  const again = await run();
  await c.close();
  core = undefined;
  return { prepared, first, details, again };
}

/** The answer with the identifiers an admin types taken out: what is left must hold no Latin word. */
function wordsLeft(text: string, ids: readonly string[]): string[] {
  let rest = text.replace(/\/rg \w+/g, '');
  for (const id of [...ids].sort((a, b) => b.length - a.length)) rest = rest.split(id).join(' ');
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

describe('admin command answers are in the group\'s language; the ledger keeps the English summary', () => {
  it.each(ROWS)('GIVEN a Chinese group AND %s THEN the answer is Chinese (identifiers kept) AND the ledger detail is the English summary', async (_, row) => {
    // Regression (QA): "好的：enabled warn", "好的：retired debunk … for this group", "/rg status" with "mute 60 min" and "之后 pointer".
    const { prepared, first, details, again } = await inGroup('zh', row);
    const expected = row.detail?.(prepared);
    const debunk = expected instanceof RegExp ? (details[0]?.match(expected)?.[1] ?? '?') : undefined;
    expect(first.reply).toBe(row.zh(prepared).replace('{debunk}', debunk ?? '{debunk}').replace('{language}', 'zh'));
    const ids = [...(row.ids ?? []), ...(prepared.ids ?? []), ...(debunk ? [debunk] : [])];
    expect(wordsLeft(first.reply, ids)).toEqual([]);
    expect(wordsLeft(again.reply, ids)).toEqual([]);
    if (expected === undefined) expect(details).toEqual([]);
    else expect(details).toEqual([expected instanceof RegExp ? expect.stringMatching(expected) : expected]);
  });

  it.each(ROWS)('GIVEN an English group AND %s THEN the answer is as it was AND the ledger detail is the same English summary', async (_, row) => {
    const { prepared, first, details } = await inGroup('en', row);
    const expected = row.detail?.(prepared);
    if (expected === undefined) expect(details).toEqual([]);
    else expect(details).toEqual([expected instanceof RegExp ? expect.stringMatching(expected) : expected]);
    const debunk = expected instanceof RegExp ? (details[0]?.match(expected)?.[1] ?? '?') : '{debunk}';
    expect(first.reply).toBe(row.en ? row.en(prepared).replace('{language}', 'en').replace('{debunk}', debunk) : `OK: ${details[0]}`);
  });
});
