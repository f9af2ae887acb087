import type { Language } from '../../engine/templates.js';
import type { ActionType } from '../../rules/actionTypes.js';
import type { ActionStatus } from '../incidentOutcomes.js';
import type { ChainFault } from '../verifyChain.js';
import { CHAIN_FAULTS } from '../verifyChain.js';

/**
 * The management report's words, in English and Chinese. `ledger export` and the dashboard's
 * downloads are English, as the ledger is; a chat's `/rg export` and the dashboard's screen and
 * printable page are in the admin's language. Placeholders (`{n}`) are filled with text the
 * report has already made safe for a table cell.
 */
export interface ReportWords {
  lang: Language;
  title: string;
  titleGroup: string;
  titleNamedGroup: string;
  period: string;
  periodBefore: string;
  wholeLedger: string;
  verified: string;
  verifiedHead: string;
  verifiedCheckpoint: string;
  verifyFailed: string;
  noCheckpoint: string;
  signedHeadHeading: string;
  /** `{command}`: verifyCommand, filled with the group and set as code. */
  signedHead: string;
  /** The command that checks the chain against this report later; `{group}` is shell-quoted. */
  verifyCommand: string;
  totals: string;
  count: string;
  spread: string;
  asking: string;
  refuting: string;
  loggedOnlyRow: string;
  overturnedRow: string;
  adminActionsRow: string;
  whatWasDone: string;
  whatWasDoneIntro: string;
  whatWasDoneHeader: string;
  byRumor: string;
  noIncidents: string;
  byRumorHeader: string;
  members: string;
  nobodyStruck: string;
  membersHeader: string;
  /** The mutes cell: `{n}` mutes done, `{lengths}` muteLength each, joined by listSeparator. */
  mutesByLength: string;
  /** `{length}`: durationText ("24 hours"); `{n}`: how many mutes of that length. */
  muteLength: string;
  /** A mute whose record kept no length. */
  muteLengthUnknown: string;
  listSeparator: string;
  delays: string;
  noRefutations: string;
  refutations: string;
  milliseconds: string;
  seconds: string;
  minutes: string;
  adminActions: string;
  noAdminActions: string;
  adminActionsHeader: string;
  bot: string;
  incidents: string;
  incidentsHeader: string;
  textAltered: string;
  textPurged: string;
  inPicture: string;
  withPicture: string;
  answeredAfterReview: string;
  loggedOnly: string;
  overturnedBy: string;
  /** "refutation: skipped (one a minute)": an action, its outcome and why. */
  outcome: string;
  outcomeWhy: string;
  /** Between the actions of one incident. */
  separator: string;
  /** The actions a report counts, in the order it lists them. */
  actionRows: Readonly<Record<Exclude<ActionType, 'log'>, string>>;
  statuses: Readonly<Record<ActionStatus, string>>;
  /**
   * Why an action was withheld or skipped, as an incident's row says it (QA: "withheld
   * (action_disabled)"); a failure's why is the platform's own words, shown as they are.
   */
  why: Readonly<Record<string, string>>;
  faults: Readonly<Record<ChainFault, string>>;
}

const EN: ReportWords = {
  lang: 'en',
  title: '# RumorGuard management report: {group}',
  titleGroup: 'group {id}',
  titleNamedGroup: '{title} (group {id})',
  period: 'Period: {from} to {to}{whole}. {entries} ledger entries in this period. Times are UTC.',
  periodBefore: 'before {moment}',
  wholeLedger: ' (the whole ledger)',
  verified: 'Ledger chain verified: {n} entries, none edited, missing, reordered or forked{head}.',
  verifiedHead: ' (head {head}…)',
  verifiedCheckpoint: ' It reaches the head the bot signed at {at} (entry {seq}) unchanged.',
  verifyFailed: '**Ledger chain FAILED verification at entry {seq}: {fault}{detail}.**',
  noCheckpoint: 'No signed checkpoint of this chain yet: entries cut off its end could not be told from a shorter chain.',
  signedHeadHeading: '## Signed chain head',
  signedHead:
    "The bot signed this chain's head with its Ed25519 key {key} at {at}: entry {seq}, hash `{hash}`. " +
    'Keep this report: {command} shows later whether any entry up to this one was removed or rewritten. ' +
    'The signature covers the RFC 8785 JSON of groupId, seq, hash and at; the public key is in the checkpoint below (base64 DER).',
  verifyCommand: 'rumorguard ledger verify --group {group} --checkpoint <this file>',
  totals: '## Totals',
  count: '| | count |',
  spread: 'Messages repeating a known rumor (acted on)',
  asking: 'Messages asking whether a known rumor is true (answered, never punished)',
  refuting: 'Messages refuting a rumor (never punished)',
  loggedOnlyRow: 'Matches on which nothing was done (below the threshold that applied, or answered moments before): logged only',
  overturnedRow: "Matches the admins overturned as not a rumor (the bot's mistakes; strikes withdrawn)",
  adminActionsRow: 'Admin actions',
  whatWasDone: '## What was done',
  whatWasDoneIntro:
    "Each action the rules asked for, by what really happened: done; skipped (a cooldown, folded into another message, no room under the rate limits); failed (the platform refused, with its error in the ledger); withheld by the group's settings (observe mode, action not enabled); no outcome recorded (the bot stopped before it could tell).",
  whatWasDoneHeader: '| action | done | skipped | failed | withheld | no outcome recorded |',
  byRumor: '## Incidents by rumor',
  noIncidents: 'No incidents in this period.',
  byRumorHeader: '| rumor (debunk id) | messages | members | answered in the chat |',
  members: '## Members who reached a warning or a mute',
  nobodyStruck: 'Nobody reached a warning or a mute in this period.',
  membersHeader: '| member | id | warnings | mutes (by length) | warnings or mutes not carried out (refused, skipped or withheld by the settings) | most strikes |',
  mutesByLength: '{n} ({lengths})',
  muteLength: '{length}: {n}',
  muteLengthUnknown: 'length not recorded',
  listSeparator: ', ',
  delays: '## Time from message to refutation',
  noRefutations: 'No refutations were posted in this period.',
  refutations:
    '{n} refutations: median {median}, slowest {slowest} (from the message to the moment the platform accepted the reply; not counting messages answered after an admin reviewed a report).',
  milliseconds: '{n} ms',
  seconds: '{n} s',
  minutes: '{n} min',
  adminActions: '## Admin actions',
  noAdminActions: 'No admin actions in this period.',
  adminActionsHeader: '| when (UTC) | admin | action | detail |',
  bot: 'bot',
  incidents: '## Incidents',
  incidentsHeader: '| seq | when (UTC) | member | rumor | score | message | what was done |',
  textAltered: '(text altered in the store: it no longer matches its sha256 {hash}…)',
  textPurged: '(text purged; sha256 {hash}…)',
  inPicture: 'matched in a picture',
  withPicture: 'with a picture',
  answeredAfterReview: '; answered after review by {name}',
  loggedOnly: 'logged only',
  overturnedBy: '; overturned as not a rumor by {by}',
  outcome: '{action}: {status}',
  outcomeWhy: '{action}: {status} ({why})',
  separator: '; ',
  actionRows: {
    reply_refutation: 'Refutations',
    pointer: 'Pointers to an earlier refutation',
    suggest_check: 'Soft "please check" replies',
    warn: 'Warnings',
    mute: 'Mutes',
    delete: 'Messages deleted',
    alert_owners: 'Owner alerts',
  },
  statuses: { done: 'done', skipped: 'skipped', failed: 'failed', withheld: 'withheld', pending: 'pending' },
  why: {
    observe_mode: 'observe mode',
    action_disabled: 'not enabled for the group',
    cooldown: 'one a minute',
    merged: 'folded into a newer reply',
    rate_limited: 'rate limits',
    no_target: 'nothing to act on',
    no_owner: 'no alert chat linked and no owner reachable',
    shutdown: 'the bot stopped',
    unsupported: 'the platform cannot',
  },
  faults: CHAIN_FAULTS,
};

const ZH: ReportWords = {
  lang: 'zh',
  title: '# RumorGuard 管理报告：{group}',
  titleGroup: '群 {id}',
  titleNamedGroup: '{title}（群 {id}）',
  period: '时间段：{from} 至 {to}{whole}。此时间段内共有 {entries} 条账本记录。时间均为 UTC。',
  periodBefore: '{moment} 之前',
  wholeLedger: '（整个账本）',
  verified: '账本链校验通过：共 {n} 条记录，没有被修改、缺失、乱序或分叉{head}。',
  verifiedHead: '（链头 {head}…）',
  verifiedCheckpoint: '它完整无改地延续到机器人于 {at} 签名的链头（第 {seq} 条）。',
  verifyFailed: '**账本链校验失败，位置在第 {seq} 条：{fault}{detail}。**',
  noCheckpoint: '此链尚无签名检查点：链尾被截去的记录无法与较短的链区分。',
  signedHeadHeading: '## 签名链头',
  signedHead:
    '机器人于 {at} 用其 Ed25519 密钥 {key} 为此链的链头签名：第 {seq} 条，哈希 `{hash}`。' +
    '请保留本报告：日后用 {command} 可以查出此条及之前的任何记录是否被删除或改写。' +
    '签名覆盖 groupId、seq、hash 和 at 的 RFC 8785 JSON；公钥在下面的检查点中（base64 DER）。',
  verifyCommand: 'rumorguard ledger verify --group {group} --checkpoint <本文件>',
  totals: '## 总计',
  count: '| | 数量 |',
  spread: '重复已知谣言的消息（已处理）',
  asking: '询问已知谣言是否属实的消息（已回答，从不处罚）',
  refuting: '反驳谣言的消息（从不处罚）',
  loggedOnlyRow: '未做任何处理的匹配（低于适用的阈值，或刚刚已回复过）：仅记录',
  overturnedRow: '管理员判定不是谣言而撤销的匹配（机器人的误判；违规记录已撤销）',
  adminActionsRow: '管理员操作',
  whatWasDone: '## 实际处理',
  whatWasDoneIntro:
    '规则要求的每项处理，按实际结果统计：已完成；已跳过（冷却中、并入另一条消息、速率限制下没有余量）；失败（平台拒绝，错误记录在账本中）；被本群设置暂缓（观察模式、该处理未启用）；未记录结果（机器人在得知结果前已停止）。',
  whatWasDoneHeader: '| 处理 | 已完成 | 已跳过 | 失败 | 被设置暂缓 | 未记录结果 |',
  byRumor: '## 按谣言统计的事件',
  noIncidents: '此时间段内没有事件。',
  byRumorHeader: '| 谣言（辟谣条目 ID） | 消息数 | 成员数 | 在群内回复 |',
  members: '## 受到警告或禁言的成员',
  nobodyStruck: '此时间段内没有成员受到警告或禁言。',
  membersHeader: '| 成员 | ID | 警告 | 禁言（按时长） | 未执行的警告或禁言（被拒绝、跳过或被设置暂缓） | 最多违规记录（条） |',
  mutesByLength: '{n}（{lengths}）',
  muteLength: '{length} {n} 次',
  muteLengthUnknown: '时长未记录',
  listSeparator: '，',
  delays: '## 从消息到辟谣的时间',
  noRefutations: '此时间段内没有发出辟谣。',
  refutations: '共 {n} 条辟谣：中位 {median}，最慢 {slowest}（从消息发出到平台接受回复；不含管理员审核举报后才回复的消息）。',
  milliseconds: '{n} 毫秒',
  seconds: '{n} 秒',
  minutes: '{n} 分钟',
  adminActions: '## 管理员操作',
  noAdminActions: '此时间段内没有管理员操作。',
  adminActionsHeader: '| 时间（UTC） | 管理员 | 操作 | 详情 |',
  bot: '机器人',
  incidents: '## 事件',
  incidentsHeader: '| 序号 | 时间（UTC） | 成员 | 谣言 | 分数 | 消息 | 实际处理 |',
  textAltered: '（存储中的文本已被改动：与其 sha256 {hash}… 不再相符）',
  textPurged: '（文本已清除；sha256 {hash}…）',
  inPicture: '在图片中匹配',
  withPicture: '附有图片',
  answeredAfterReview: '；经 {name} 审核后回复',
  loggedOnly: '仅记录',
  overturnedBy: '；已由 {by} 判定不是谣言（撤销）',
  outcome: '{action}：{status}',
  outcomeWhy: '{action}：{status}（{why}）',
  separator: '；',
  actionRows: {
    reply_refutation: '辟谣回复',
    pointer: '指向先前的辟谣',
    suggest_check: '温和的“建议核实”回复',
    warn: '警告',
    mute: '禁言',
    delete: '删除的消息',
    alert_owners: '通知群主',
  },
  statuses: { done: '已完成', skipped: '已跳过', failed: '失败', withheld: '被设置暂缓', pending: '未记录结果' },
  why: {
    observe_mode: '观察模式',
    action_disabled: '本群未启用',
    cooldown: '一分钟一次',
    merged: '并入了较新的回复',
    rate_limited: '速率限制',
    no_target: '没有可处理的对象',
    no_owner: '未关联提醒聊天，也联系不上群主',
    shutdown: '机器人已停止',
    unsupported: '平台不支持',
    inbox_full: '待处理消息过多',
  },
  faults: {
    edited: '该记录写入后被修改（哈希与内容不符）',
    missing: '此条之前缺少记录（序号跳号）',
    reordered: '记录顺序错乱',
    forked: '两条记录使用了同一个序号',
    broken_link: '该记录没有链接到前一条',
    wrong_group: '该记录属于另一个群',
    damaged: '存储的记录已损坏，不再是账本记录',
    truncated: '链尾缺少记录',
    group_missing: '该群的记录不见了，但它曾经有记录',
    rewritten: '链被改写：这条记录不是签名检查点所担保的那一条',
    other_key: '检查点是用另一把密钥签名的，不是本存储的签名密钥：它担保的是另一条链（另一个机器人的，或本机器人换密钥之前的），本链与它不符',
    head_mismatch: '存储中的链头记录与最后一条记录不符',
    bad_checkpoint: '检查点不可信',
  },
};

/** The report's words in `lang`. */
export const REPORT_WORDS: Readonly<Record<Language, ReportWords>> = { en: EN, zh: ZH };
