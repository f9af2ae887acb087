import type { Language } from '../engine/templates.js';

/**
 * What `/rg` answers, in both languages. The ledger keeps the English summary of a change; the
 * admin reads the answer in the group's language.
 */
export const COMMAND_TEXTS = {
  en: {
    not_admin: 'Only group admins can configure RumorGuard.',
    unknown_command: 'Unknown command. /rg help lists the commands.',
    bad_argument: 'That argument is not valid here.',
    invalid_settings: 'The change would make the settings invalid.',
    ok: 'OK: {summary}',
    useMode: 'Use observe or enforce.',
    actions: 'Actions: {list}.',
    useThreshold: 'Use /rg threshold suggest|act|answer <number between 0 and 1>.',
    useBothThresholds: 'Use /rg threshold <act> [suggest], numbers between 0 and 1.',
    useLanguage: 'Use auto, en or zh.',
    useOnOff: 'Use on or off.',
    useRepeat: 'Use /rg repeat <minutes> [pointer|silent].',
    nameMember: 'Name the member id.',
    usePardon: 'Use /rg pardon <member id> [count].',
    useResolve: 'Use /rg accept|reject <item id> (see /rg queue).',
    noItem: 'No open item {id}.',
    queueEmpty: 'The queue is empty.',
    strikes: '{member}: {n} active strike(s)',
    removed: 'OK: removed {n} strike(s) of {member}',
    report: 'report',
    dispute: 'not a rumor',
    queueLine: '{id} {kind} by {name} on message {message}',
    queuePage: 'page {page} of {pages}; give a page number for another',
    settingsMode: 'mode: {mode}; language: {language}',
    settingsThresholds: 'thresholds: suggest {suggest}, act {act}, questions answered from {answer}; soft replies {soft}',
    settingsImages: 'text in pictures read: {images}',
    settingsActions: 'enabled actions: {actions}',
    settingsLadder: 'ladder: {ladder}',
    settingsStrikes: 'strikes decay after {days} days; repeat window {minutes} min, then {later}',
    settingsExempt: 'exempt: admins {admins}; members {members}',
    on: 'on',
    off: 'off',
    yes: 'yes',
    no: 'no',
    none: 'none',
  },
  zh: {
    not_admin: '只有群管理员可以设置 RumorGuard。',
    unknown_command: '未知命令。发送 /rg help 查看全部命令。',
    bad_argument: '参数无效。',
    invalid_settings: '这项修改会使设置无效。',
    ok: '好的：{summary}',
    useMode: '请使用 observe 或 enforce。',
    actions: '可用的处理：{list}。',
    useThreshold: '用法：/rg threshold suggest|act|answer <0 到 1 之间的数>。',
    useBothThresholds: '用法：/rg threshold <act> [suggest]，0 到 1 之间的数。',
    useLanguage: '请使用 auto、en 或 zh。',
    useOnOff: '请使用 on 或 off。',
    useRepeat: '用法：/rg repeat <分钟> [pointer|silent]。',
    nameMember: '请提供成员 ID。',
    usePardon: '用法：/rg pardon <成员 ID> [次数]。',
    useResolve: '用法：/rg accept|reject <条目 ID>（见 /rg queue）。',
    noItem: '没有待处理的条目 {id}。',
    queueEmpty: '审核队列是空的。',
    strikes: '{member}：当前 {n} 次警告',
    removed: '好的：已撤销 {member} 的 {n} 次警告',
    report: '举报',
    dispute: '不是谣言',
    queueLine: '{id} {kind}，来自 {name}，消息 {message}',
    queuePage: '第 {page} 页，共 {pages} 页；给出页码可查看其他页',
    settingsMode: '模式：{mode}；语言：{language}',
    settingsThresholds: '阈值：提示 {suggest}，处理 {act}，回答提问 {answer}；温和提示 {soft}',
    settingsImages: '读取图片中的文字：{images}',
    settingsActions: '已启用的处理：{actions}',
    settingsLadder: '升级阶梯：{ladder}',
    settingsStrikes: '警告 {days} 天后失效；重复窗口 {minutes} 分钟，之后 {later}',
    settingsExempt: '豁免：管理员 {admins}；成员 {members}',
    on: '开',
    off: '关',
    yes: '是',
    no: '否',
    none: '无',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type CommandTextName = keyof (typeof COMMAND_TEXTS)['en'];

/** `/rg help`, in both languages. */
export const ADMIN_HELP_TEXTS: Record<Language, readonly string[]> = {
  en: [
    '/rg settings (or status)          show this group\'s settings',
    '/rg mode observe|enforce          observe: decide and log only; enforce: act',
    '/rg enable|disable <action>       actions: reply_refutation, warn, delete, mute, alert_owners',
    '/rg threshold suggest|act|answer <0-1>   score thresholds; answer: questions (or: /rg threshold <act> [suggest])',
    '/rg language auto|en|zh           language of the bot\'s texts (or: /rg lang …)',
    '/rg softreply on|off              "you may want to check this" below the act threshold',
    '/rg images on|off                 read the text in pictures (screenshots) and check it too',
    '/rg repeat <minutes> [pointer|silent]  one refutation per rumor per window',
    '/rg exempt|unexempt <member id>   never warn or mute this member',
    '/rg strikes <member id>           a member\'s active strikes',
    '/rg pardon <member id> [count]    remove strikes (all, or the latest count)',
    '/rg queue [page] (or reports)     members\' reports and "not a rumor" disputes',
    '/rg accept <id> | <verdict> | <refutation> | <source url> [| <claim>]  a report becomes a debunk (all groups; "<id> here": this group)',
    '/rg accept|reject <item id>       a dispute: accept withdraws the strike; reject (a report or a dispute)',
    '/rg retire <debunk id>            stop using a debunk in this group',
    '/rg tellreporter|spread|digest on|off  tell rejected reporters; count unknown rumors across groups; weekly digest to owners',
    '/rg dashboard                     a login link to the web dashboard (sent to you alone)',
  ],
  zh: [
    '/rg settings（或 status）         查看本群设置',
    '/rg mode observe|enforce          observe：只判断和记录；enforce：执行处理',
    '/rg enable|disable <处理>         处理：reply_refutation、warn、delete、mute、alert_owners',
    '/rg threshold suggest|act|answer <0-1>   匹配分数阈值；answer：提问（或：/rg threshold <act> [suggest]）',
    '/rg language auto|en|zh           机器人回复的语言（或：/rg lang …）',
    '/rg softreply on|off              低于处理阈值时温和提示“建议核实”',
    '/rg images on|off                 识别图片（截图）中的文字并一并核查',
    '/rg repeat <分钟> [pointer|silent]  同一谣言在窗口内只辟谣一次',
    '/rg exempt|unexempt <成员 ID>     不对该成员警告或禁言',
    '/rg strikes <成员 ID>             成员当前的警告',
    '/rg pardon <成员 ID> [次数]       撤销警告（全部或最近几次）',
    '/rg queue [页码]（或 reports）    成员的举报和“不是谣言”异议',
    '/rg accept <ID> | <结论> | <辟谣内容> | <来源网址> [| <谣言原文>]  把举报写成辟谣条目（所有群；“<ID> here”：仅本群）',
    '/rg accept|reject <条目 ID>       异议：接受即撤销警告；驳回举报或异议',
    '/rg retire <辟谣 ID>              在本群停用一条辟谣',
    '/rg tellreporter|spread|digest on|off  告知被驳回的举报人；跨群统计未知谣言；每周摘要发给群主',
    '/rg dashboard                     网页管理后台的登录链接（只发给你）',
  ],
};

/** Commands a chat platform's adapter runs itself (they send files or link chats), listed by `/rg help` where it offers them. */
export const PLATFORM_COMMANDS = ['incidents', 'export', 'alerts'] as const;
export type PlatformCommand = (typeof PLATFORM_COMMANDS)[number];

/** `/rg help`'s lines for the platform commands, in both languages. */
export const PLATFORM_HELP_TEXTS: Record<Language, Record<PlatformCommand, string>> = {
  en: {
    incidents: '/rg incidents [n]                 the latest incidents from the ledger (default 5)',
    export: '/rg export                        the management report: the verified ledger, incidents and admin actions',
    alerts: '/rg alerts [off]                  send owner alerts to another chat (a code to post there); off: stop',
  },
  zh: {
    incidents: '/rg incidents [条数]              记录中最近的事件（默认 5 条）',
    export: '/rg export                        管理报告：校验过的记录、事件和管理操作',
    alerts: '/rg alerts [off]                  把群主提醒发到另一个聊天（在那里发送验证码）；off：停止',
  },
};
