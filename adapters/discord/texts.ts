import type { Language } from '../../src/engine/templates.js';
import { fillTemplate } from '../../src/lib/fillTemplate.js';

/** The Discord adapter's own texts, in both languages. Plain text: callers escape what they insert. */
const TEXTS = {
  en: {
    factCheck: 'Fact check: rated {verdict}',
    goodQuestion: 'Good question: fact-checkers rated this {verdict}',
    sources: 'Sources',
    notRumor: 'Not a rumor?',
    report: 'Report',
    disputed: 'Thanks: your objection is queued for the moderators ({n} so far).',
    alreadyVoted: 'You already objected to this one.',
    queueFull: 'The moderators\' review queue is full; please try again later.',
    tooManyOpen: 'You have 10 reports or objections waiting for the moderators already; please wait until they have looked at them.',
    nothingToReport: 'That message has no text to report.',
    botReplyNotReported: "That is RumorGuard's own reply. To report a rumor, report the member's message; if the reply is wrong, press \"Not a rumor?\" under it.",
    unknownCommand: 'RumorGuard does not know this command; the server may have an older list of its commands: try again in a minute.',
    reported: 'Thanks: the moderators will review this message.',
    alreadyReported: 'You already reported this message.',
    notManager: 'Only members with the Manage Server permission can configure RumorGuard.',
    commandFailed: "That could not be done just now: RumorGuard's storage is not answering. Nothing was changed; please run the command again in a minute.",
    helpTitle: 'RumorGuard\'s commands (options in [ ] may be left out)',
    useSlashCommands: 'On Discord, RumorGuard\'s settings are slash commands: type /rumorguard and pick one (/rumorguard help lists them).',
    welcome:
      'RumorGuard is here. When a message repeats a rumor that fact-checkers have already refuted, I reply with the refutation and its sources; anyone can ask me with /check, and "Not a rumor?" under a reply tells the managers I got it wrong.\nManagers: /rumorguard help lists the settings. This server starts with refutations only; warnings, mutes and owner alerts are off until you /rumorguard enable them, and to delete messages and time members out I need the Manage Messages and Moderate Members permissions. Every incident is logged: /rumorguard export sends the management report.',
    noMatch: 'No known rumor matches this. That does not make it true: check the source.',
    matchesHeader: 'This resembles known, refuted claims:',
    claim: 'Claim',
    score: 'match',
    missingRight: 'RumorGuard could not {action} in {guild}: it lacks the "{right}" permission. Grant it (Server Settings → Roles); meanwhile every incident is still logged.',
    alertsChannel: 'Owner alerts will be posted in {channel}.',
    alertsOff: 'Owner alerts go to the server owner by direct message.',
    exportCaption: 'RumorGuard ledger of {guild}: {entries} entries, chain {status}.',
    exportCompressed: ' The report is gzip-compressed ({size}): open it with any unzip app.',
    exportTooLarge: 'The ledger report is {size}, more than Discord lets a bot attach ({limit}) even compressed. Download it from the dashboard\'s Report page (/rumorguard dashboard gives a login link), or with rumorguard ledger export on the bot\'s machine.',
    noIncidents: 'No incidents logged yet.',
    digest: 'RumorGuard: {n} more message(s) repeating “{claim}” ({debunk}) in {guild} since {since}. Latest: {name}, strike {strikes}.',
    alertTitle: 'Known rumor in {guild}',
    openMessage: 'Open the message',
    ledgerUnavailable: 'The ledger is not available.',
  },
  zh: {
    factCheck: '辟谣提示：认定为「{verdict}」',
    goodQuestion: '问得好：这个说法被认定为「{verdict}」',
    sources: '来源',
    notRumor: '不是谣言？',
    report: '举报',
    disputed: '谢谢：你的异议已提交管理员审核（目前共 {n} 人）。',
    alreadyVoted: '你已经对这条提出过异议。',
    queueFull: '管理员的审核队列已满，请稍后再试。',
    tooManyOpen: '你已有 10 条举报或异议在等待管理员审核，请等他们处理后再提交。',
    nothingToReport: '这条消息没有可举报的文字。',
    botReplyNotReported: '这是 RumorGuard 自己的回复。要举报谣言，请举报成员的那条消息；如果回复有误，请点它下面的“不是谣言？”。',
    unknownCommand: 'RumorGuard 不认识这个命令；服务器上的命令列表可能还是旧的，请一分钟后再试。',
    reported: '谢谢：管理员会审核这条消息。',
    alreadyReported: '你已经举报过这条消息。',
    notManager: '只有拥有“管理服务器”权限的成员可以设置 RumorGuard。',
    commandFailed: '暂时无法执行：RumorGuard 的存储没有响应。没有做任何更改，请一分钟后再运行该命令。',
    helpTitle: 'RumorGuard 的命令（[ ] 中的选项可以不填）',
    useSlashCommands: '在 Discord 上，RumorGuard 的设置是斜杠命令：输入 /rumorguard 后选择（/rumorguard help 列出全部）。',
    welcome:
      'RumorGuard 已加入。当有消息重复已被辟谣的说法时，我会回复辟谣内容和来源；任何人都可以用 /check 向我查证，回复下方的“不是谣言？”会告诉管理员我判断错了。\n管理员：/rumorguard help 列出所有设置。本服务器起初只回复辟谣；警告、禁言和提醒群主默认关闭，需用 /rumorguard enable 开启；要删除消息和禁言成员，我需要“管理消息”和“禁言成员”权限。每次事件都会记录：/rumorguard export 发送管理报告。',
    noMatch: '没有找到匹配的已知谣言。这并不代表它是真的：请核实来源。',
    matchesHeader: '这与以下已被辟谣的说法相似：',
    claim: '说法',
    score: '匹配度',
    missingRight: 'RumorGuard 无法在 {guild} {action}：缺少「{right}」权限。请在服务器设置 → 身份组中授予；在此期间所有事件仍会被记录。',
    alertsChannel: '群主提醒将发布在 {channel}。',
    alertsOff: '群主提醒将以私信发给服务器所有者。',
    exportCaption: '{guild} 的 RumorGuard 记录：{entries} 条，哈希链{status}。',
    exportCompressed: '报告已用 gzip 压缩（{size}），可用任何解压应用打开。',
    exportTooLarge: '记录报告有 {size}，压缩后仍超过 Discord 允许机器人附加的上限（{limit}）。请在控制台的“报告”页下载（/rumorguard dashboard 获取登录链接），或在机器人所在的机器上运行 rumorguard ledger export。',
    noIncidents: '还没有记录任何事件。',
    digest: 'RumorGuard：自 {since} 起，{guild} 中又有 {n} 条消息重复「{claim}」（{debunk}）。最近一条：{name}，第{strikes}次。',
    alertTitle: '{guild} 出现已知谣言',
    openMessage: '查看消息',
    ledgerUnavailable: '记录暂不可用。',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type TextName = keyof (typeof TEXTS)['en'];

/** A text with `{placeholders}` filled with the given (already safe) values. */
export function text(lang: Language, name: TextName, values: Record<string, string | number> = {}): string {
  return fillTemplate(TEXTS[lang][name], values);
}

/** zh-CN / zh-TW → zh; everything else English. */
export const languageOfLocale = (locale: string | undefined): Language => (locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en');
