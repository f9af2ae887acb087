import type { Language } from '../../src/engine/templates.js';
import { plainText } from '../../src/engine/plainText.js';
import { fillTemplate } from '../../src/lib/fillTemplate.js';
import { escapeHtml } from './html.js';

/**
 * The Telegram adapter's own texts (buttons, notices, answers to members), in both languages.
 * Values are plain text: callers escape everything they put around them.
 */
const TEXTS = {
  en: {
    factCheck: 'Fact check',
    goodQuestion: 'Good question',
    rated: 'rated',
    sources: 'Sources',
    notRumor: 'Not a rumor?',
    disputed: 'Thanks: your objection is queued for the admins ({n} so far).',
    alreadyVoted: 'You already objected to this one.',
    queueFull: 'The admins\' review queue is full; please try again later.',
    tooManyOpen: 'You have 10 reports or objections waiting for the admins already; please wait until they have looked at them.',
    reported: 'Thanks: the admins will review this message.',
    alreadyReported: 'You already reported this message.',
    reportHowTo: 'Reply to the message you want to report with /report.',
    botReplyNotReported: 'That is RumorGuard\'s own reply. To report a rumor, reply /report to the member\'s message; if the reply is wrong, press "Not a rumor?" under it.',
    alertsAnonymous: 'Posting as the group, you cannot be checked as an admin of the group the code came from: send /rg alerts CODE under your own name.',
    exportAnonymous: 'The report is sent privately to whoever asks, and an admin posting as the group has no private chat: send /rg export under your own name, or download it from the dashboard.',
    queueSent: 'The review queue is in your private chat with me: it names who reported whom.',
    queueNeedsDm: 'Open a private chat with me and press Start, then run /rg queue again: the queue names who reported whom and goes to you only.',
    queueAnonymous: 'The review queue names who reported whom and goes privately to whoever asks, and an admin posting as the group has no private chat: send /rg queue under your own name, or open the queue on the dashboard.',
    rgInGroup: 'RumorGuard is configured in the group it moderates: send /rg there (as one of its admins). Here, /rg alerts CODE links a group\'s owner alerts to this chat.',
    notAdmin: 'Only group admins can configure RumorGuard.',
    adminCheckFailed: 'Telegram did not tell who the group\'s admins are just now; please send the command again in a minute.',
    noMatch: 'No known rumor matches this. That does not make it true: check the source.',
    matchesHeader: 'This resembles known, refuted claims:',
    claim: 'Claim',
    score: 'match',
    start:
      'Hi! I am RumorGuard. Add me to your group as an admin and I will answer known rumors with their refutation. ' +
      'Here in private, send /check <text> or forward me any message and I will look it up.',
    checkHowTo: 'Send /check followed by the text, or forward me a message.',
    welcome:
      'RumorGuard is here. When a message repeats a rumor that fact-checkers have already refuted, I reply with the refutation and its sources; anyone can ask me with /check, and "Not a rumor?" under a reply tells the admins I got it wrong.\nAdmins: /rg help lists the settings. This group starts with refutations only; warnings, mutes and owner alerts are off until you /rg enable them, and to delete messages and mute members I need the "Delete messages" and "Ban users" admin rights. Every incident is logged: /rg export sends the management report.',
    cannotSeeAll:
      'RumorGuard cannot see the messages in this group: make it an admin, or turn off privacy mode in @BotFather (/setprivacy), then add it again.',
    commandFailed: 'That could not be done just now: RumorGuard\'s storage is not answering. Nothing was changed; please send the command again in a minute.',
    removedFromGroup: 'RumorGuard is no longer a member of "{group}", so it cannot post its replies there. Add it back as an admin to moderate the group; meanwhile nothing there is answered or logged.',
    missingRight: 'RumorGuard could not {action} in "{group}": it lacks the "{right}" right. Give it that right in the group\'s admin settings; meanwhile every incident is still logged.',
    alertsCode: 'To receive owner alerts, send this in your admins\' group or in a private chat with me (valid 15 minutes):\n/rg alerts {code}',
    alertsLinked: 'Owner alerts of "{group}" will be sent here.',
    alertsOff: 'Owner alerts are off; admins who started a private chat with me get them by DM.',
    alertsBadCode: 'That code is unknown or expired: run /rg alerts in the group again.',
    alertsNotAdmin: 'Only an admin of that group can link its alerts.',
    exportSent: 'The ledger report is in your private chat with me.',
    exportNeedsDm: 'Open a private chat with me and press Start, then run /rg export again: the report holds members\' names and goes to you only.',
    exportCaption: 'RumorGuard ledger of {group}: {entries} entries, chain {status}.',
    exportCompressed: ' The report is gzip-compressed ({size}): open it with any unzip app.',
    exportTooLarge: 'The ledger report is {size}, more than Telegram lets a bot send ({limit}) even compressed. Download it from the dashboard\'s Report page (send /rg dashboard for a login link), or with rumorguard ledger export on the bot\'s machine.',
    noIncidents: 'No incidents logged yet.',
    useIncidents: 'Use /rg incidents [n], n a whole number from 1.',
    replyToMember: 'Reply to a member\'s message with this command, or give the member id.',
    alertsNowhere: 'Owner alerts have nowhere to go yet: each admin who wants them opens a private chat with me and presses Start, or send /rg alerts here to link a chat for them.',
    memberIdIsNumber: 'Telegram names a member by their numeric id, not by a name or @username: reply to one of their messages with this command instead.',
    digest: 'RumorGuard: {n} more message(s) repeating “{claim}” ({debunk}) in {group} since {since}. Latest: {name}, strike {strikes}.',
    alertLink: 'Open the message',
  },
  zh: {
    factCheck: '辟谣提示',
    goodQuestion: '问得好',
    rated: '认定为',
    sources: '来源',
    notRumor: '不是谣言？',
    disputed: '谢谢：你的异议已提交管理员审核（目前共 {n} 人）。',
    alreadyVoted: '你已经对这条提出过异议。',
    queueFull: '管理员的审核队列已满，请稍后再试。',
    tooManyOpen: '你已有 10 条举报或异议在等待管理员审核，请等他们处理后再提交。',
    reported: '谢谢：管理员会审核这条消息。',
    alreadyReported: '你已经举报过这条消息。',
    reportHowTo: '请回复要举报的消息并发送 /report。',
    botReplyNotReported: '这是 RumorGuard 自己的回复。要举报谣言，请回复成员的那条消息并发送 /report；如果回复有误，请点它下面的“不是谣言？”。',
    alertsAnonymous: '以群身份发言时，无法核实你是验证码来源群的管理员：请以你自己的身份发送 /rg alerts 验证码。',
    exportAnonymous: '报告会私信发给请求的人，而以群身份发言的匿名管理员没有私聊：请以你自己的身份发送 /rg export，或在网页管理后台下载。',
    queueSent: '审核队列已发到你与我的私聊中：其中写有谁举报了谁。',
    queueNeedsDm: '请先打开与我的私聊并点击“开始”，再发送 /rg queue：审核队列写有谁举报了谁，只发给你本人。',
    queueAnonymous: '审核队列写有谁举报了谁，会私信发给请求的人，而以群身份发言的匿名管理员没有私聊：请以你自己的身份发送 /rg queue，或在网页管理后台查看。',
    rgInGroup: 'RumorGuard 在它管理的群里设置：请在那个群里（以管理员身份）发送 /rg。在这里，/rg alerts 验证码 可把某个群的群主提醒发到这个聊天。',
    notAdmin: '只有群管理员可以设置 RumorGuard。',
    adminCheckFailed: 'Telegram 暂时没有返回本群的管理员名单；请过一分钟再发送这条命令。',
    noMatch: '没有找到匹配的已知谣言。这并不代表它是真的：请核实来源。',
    matchesHeader: '这与以下已被辟谣的说法相似：',
    claim: '说法',
    score: '匹配度',
    start: '你好！我是 RumorGuard。把我加入群聊并设为管理员，我会用辟谣信息回复已知谣言。在私聊中发送 /check <文字>，或转发任何消息给我，我会帮你查证。',
    checkHowTo: '请发送 /check 加上要查证的文字，或直接转发消息给我。',
    welcome:
      'RumorGuard 已加入。如果有消息重复了已被辟谣的说法，我会回复辟谣内容和来源；任何人都可以用 /check 查询，回复下方的“不是谣言？”按钮会告知管理员我判断错了。\n管理员：/rg help 列出所有设置。本群默认只回复辟谣；警告、禁言和管理员提醒需用 /rg enable 开启，删除消息和禁言需要授予我“删除消息”和“封禁用户”管理权限。所有事件都会记录：/rg export 发送管理报告。',
    cannotSeeAll: 'RumorGuard 看不到本群的消息：请把它设为管理员，或在 @BotFather 中关闭隐私模式（/setprivacy）后重新加入。',
    commandFailed: '暂时无法执行：RumorGuard 的存储没有响应。没有做任何更改，请一分钟后再发送该命令。',
    removedFromGroup: 'RumorGuard 已不在「{group}」中，无法在那里发送回复。请重新将它添加为管理员以继续管理该群；在此之前该群的消息不会被回复或记录。',
    missingRight: 'RumorGuard 无法在「{group}」{action}：缺少「{right}」权限。请在群管理设置中授予该权限；在此期间所有事件仍会被记录。',
    alertsCode: '要接收群主提醒，请在管理员群或与我的私聊中发送（15分钟内有效）：\n/rg alerts {code}',
    alertsLinked: '「{group}」的群主提醒将发送到这里。',
    alertsOff: '群主提醒已关闭；与我私聊过的管理员会通过私信收到提醒。',
    alertsBadCode: '该代码无效或已过期：请在群里重新发送 /rg alerts。',
    alertsNotAdmin: '只有该群的管理员可以绑定提醒。',
    exportSent: '记录报告已发到你与我的私聊中。',
    exportNeedsDm: '请先打开与我的私聊并点击“开始”，再发送 /rg export：报告包含成员名字，只发给你本人。',
    exportCaption: '{group} 的 RumorGuard 记录：{entries} 条，哈希链{status}。',
    exportCompressed: '报告已用 gzip 压缩（{size}），可用任何解压应用打开。',
    exportTooLarge: '记录报告有 {size}，压缩后仍超过 Telegram 允许机器人发送的上限（{limit}）。请在控制台的“报告”页下载（发送 /rg dashboard 获取登录链接），或在机器人所在的机器上运行 rumorguard ledger export。',
    noIncidents: '还没有记录任何事件。',
    useIncidents: '用法：/rg incidents [条数]，条数为从 1 开始的整数。',
    replyToMember: '请回复成员的消息使用此命令，或提供成员 ID。',
    alertsNowhere: '管理员提醒目前无处可发：想接收提醒的管理员请打开与我的私聊并点击“开始”，或在此发送 /rg alerts 绑定一个接收提醒的聊天。',
    memberIdIsNumber: 'Telegram 用数字 ID 指代成员，而不是名字或 @用户名：请改为回复该成员的一条消息并使用此命令。',
    digest: 'RumorGuard：自 {since} 起，{group} 中又有 {n} 条消息重复「{claim}」（{debunk}）。最近一条：{name}，第{strikes}次。',
    alertLink: '查看消息',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type TextName = keyof (typeof TEXTS)['en'];

/** A text with `{placeholders}` filled (values are not escaped here: this is plain text). */
export function text(lang: Language, name: TextName, values: Record<string, string | number> = {}): string {
  return fillTemplate(TEXTS[lang][name], values);
}

/** A member's language from Telegram's `language_code` ("zh-hans", "en", …). */
export const languageOf = (code: string | undefined): Language => (code?.toLowerCase().startsWith('zh') ? 'zh' : 'en');

/** Whether a member's Telegram reads Chinese in traditional characters ("zh-hant", "zh-tw", "zh-hk"): their own answers are said so. */
export const traditionalOf = (code: string | undefined): boolean => /^zh-(?:hant|tw|hk|mo)/i.test(code ?? '');

/**
 * The same text for HTML parse mode: values are neutralized (no mentions, controls or line
 * breaks), then the whole text is escaped, so neither a value nor the template becomes markup.
 */
export function textHtml(lang: Language, name: TextName, values: Record<string, string | number> = {}): string {
  const safe = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, plainText(String(v), 300)]));
  return escapeHtml(text(lang, name, safe));
}
