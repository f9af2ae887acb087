import { actionList, durationText, type Language } from '../engine/templates.js';
import type { ActionType } from '../rules/actionTypes.js';
import type { GroupSettings } from '../rules/settingsSchema.js';

/**
 * What `/rg` answers, in both languages. The ledger keeps the English summary of a change; the
 * admin reads the answer in the group's language.
 */
export const COMMAND_TEXTS = {
  en: {
    not_admin: 'Only group admins can configure RumorGuard.',
    unknown_command: 'Unknown command. /rg help lists the commands.',
    // The refusal of a command a platform runs itself (`/rg export`, `/rg incidents`, `/rg dashboard`).
    adminsOnly: 'Only group admins can use /rg {command}.',
    bad_argument: 'That argument is not valid here.',
    invalid_settings: 'The change would make the settings invalid.',
    ok: 'OK: {summary}',
    // A change made, as the admin reads it after "OK: ". The ledger keeps its own English summary
    // (adminCommands.ts), so these may be reworded without changing what exports show.
    modeSet: 'mode {mode}',
    enabled: 'enabled {actions}',
    disabled: 'disabled {actions}',
    noLadderStep: ' (no step of this group\'s ladder takes {actions}: add it to a ladder step in the rules file for it to happen)',
    orSeparator: ' or ',
    thresholdSet: '{name} threshold {value}',
    suggestThreshold: 'suggest',
    actThreshold: 'act',
    answerThreshold: 'answer',
    answerBelowSuggest: ' (questions are answered from {score}, the suggest threshold, while answer is below it)',
    bothThresholdsSet: 'act threshold {act}, suggest threshold {suggest}',
    languageSet: 'language {language}',
    softReplyOn: 'soft replies on',
    softReplyOff: 'soft replies off',
    imagesOn: 'text in pictures read',
    imagesOff: 'text in pictures not read',
    repeatSet: 'repeat window {minutes} min, then {later}',
    repeatSetOff: 'repeat window 0 min: the same rumor gets the full refutation every time',
    laterPointer: 'pointer',
    laterSilent: 'silent',
    exempted: 'exempted {member}',
    notSeenYet: ' (RumorGuard has not seen {member} in this group yet: check the id if you did not mean to exempt them in advance)',
    unexempted: 'no longer exempt: {member}',
    resolved: '{decision} {kind} {id} by {name} on message {message}',
    acceptedWord: 'accepted',
    rejectedWord: 'rejected',
    disputeKind: '"not a rumor"',
    strikeWithdrawn: '; strike of {member} withdrawn',
    noChange: 'no change',
    useMode: 'Use observe or enforce.',
    actions: 'Actions: {list}.',
    logAlwaysOn: 'log is always on: every incident is recorded in the ledger, and that cannot be turned off.',
    pointerNotSwitched: 'pointer cannot be switched on its own: pointers go with reply_refutation. To stop them: /rg repeat {minutes} silent (the same rumor again within {minutes} min gets nothing); to send them again: /rg repeat {minutes} pointer.',
    softReplyNotSwitched: 'suggest_check cannot be switched on its own: soft replies ("you may want to check this") go with reply_refutation. Use /rg softreply on|off.',
    modeAlready: 'The group is in {mode} mode already.',
    enabledAlready: 'Already enabled: {actions}.',
    notEnabled: 'Not enabled: {actions}; nothing to change.',
    unchanged: 'Already so: {summary}. Nothing changed.',
    useThreshold: 'Use /rg threshold suggest|act|answer <number between 0 and 1>.',
    answerOutOfRange: 'The answer threshold must be between {suggest} (the suggest threshold) and {act} (the act threshold): questions are answered from the suggest threshold at the lowest and the act threshold at the highest, so {value} would change nothing.',
    useBothThresholds: 'Use /rg threshold <act> [suggest], numbers between 0 and 1.',
    useLanguage: 'Use auto, en or zh.',
    useOnOff: 'Use on or off.',
    useRepeat: 'Use /rg repeat <minutes> [pointer|silent], minutes a number from 0 to 10080 (a week).',
    nameMember: 'Name the member id.',
    alreadyExempt: '{member} is exempt already.',
    notExempt: '{member} is not exempt: nothing to change.',
    usePardon: 'Use /rg pardon <member id> [count].',
    useResolve: 'Use /rg accept|reject <item id> (see /rg queue).',
    noItem: 'No open item {id}.',
    useQueue: 'Use /rg queue [page], page a whole number from 1.',
    queueEmpty: 'The queue is empty.',
    strikes: '{member}: {n} active strike(s)',
    removed: 'OK: removed {n} strike(s) of {member}',
    noStrikes: '{member} has no active strikes: nothing changed.',
    muteLifted: 'Their mute is lifted.',
    muteNotLifted: 'Their mute could not be lifted ({error}): lift it in the group\'s member settings.',
    report: 'report',
    dispute: 'not a rumor',
    queueLine: '{id} {kind} by {name} on message {message}',
    queuePage: 'page {page} of {pages}; give a page number for another',
    settingsMode: 'mode: {mode}; language: {language}',
    settingsThresholds: 'thresholds: suggest {suggest}, act {act}, questions answered from {answer}; soft replies {soft}',
    settingsImages: 'text in pictures read: {images}',
    settingsActions: 'enabled actions: {actions}',
    settingsLadder: 'ladder: {ladder}',
    ladderStep: '{n}. {actions}',
    ladderSeparator: '; ',
    actionFor: '{action} {duration}',
    settingsStrikes: 'strikes decay after {days} days; {repeat}',
    repeatWindow: 'repeat window {minutes} min, then {later}',
    repeatOff: 'repeat window 0 min: the same rumor gets the full refutation every time',
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
    adminsOnly: '只有群管理员可以使用 /rg {command}。',
    bad_argument: '参数无效。',
    invalid_settings: '这项修改会使设置无效。',
    ok: '好的：{summary}',
    modeSet: '模式已设为{mode}',
    enabled: '已启用{actions}',
    disabled: '已停用{actions}',
    noLadderStep: '（本群升级阶梯的任何一步都不含{actions}：要让它生效，请在规则文件中把它加入某个阶梯步骤）',
    orSeparator: '、',
    thresholdSet: '{name}阈值已设为 {value}',
    suggestThreshold: '提示',
    actThreshold: '处理',
    answerThreshold: '回答提问',
    answerBelowSuggest: '（回答提问的阈值低于提示阈值，提问从提示阈值 {score} 起回答）',
    bothThresholdsSet: '处理阈值已设为 {act}，提示阈值已设为 {suggest}',
    languageSet: '语言已设为{language}',
    softReplyOn: '温和提示已开启',
    softReplyOff: '温和提示已关闭',
    imagesOn: '图片文字识别已开启',
    imagesOff: '图片文字识别已关闭',
    repeatSet: '重复窗口已设为 {minutes} 分钟，窗口内同一谣言再出现时{later}',
    repeatSetOff: '重复窗口已设为 0 分钟：同一谣言每次出现都会收到完整的辟谣回复',
    laterPointer: '只发简短指引',
    laterSilent: '不再回复',
    exempted: '{member} 已设为豁免成员',
    notSeenYet: '（RumorGuard 在本群还没有见过 {member}：如果不是有意提前豁免，请核对成员 ID）',
    unexempted: '{member} 不再是豁免成员',
    resolved: '{decision}{kind} {id}（来自 {name}，消息 {message}）',
    acceptedWord: '已采纳',
    rejectedWord: '已驳回',
    disputeKind: '“不是谣言”异议',
    strikeWithdrawn: '；已撤销 {member} 的违规记录',
    noChange: '没有更改',
    useMode: '请使用 observe 或 enforce。',
    actions: '可用的处理：{list}。',
    logAlwaysOn: 'log 始终开启：每个事件都会记录在账本中，无法关闭。',
    pointerNotSwitched: 'pointer 不能单独开关：简短指引随 reply_refutation 一起发送。要停止：/rg repeat {minutes} silent（{minutes} 分钟内再出现同一谣言不再回复）；要恢复：/rg repeat {minutes} pointer。',
    softReplyNotSwitched: 'suggest_check 不能单独开关：温和提示（“建议核实”）随 reply_refutation 一起发送。请使用 /rg softreply on|off。',
    modeAlready: '本群已经是{mode}模式。',
    enabledAlready: '已经启用：{actions}。',
    notEnabled: '未启用：{actions}，无需更改。',
    unchanged: '已经如此：{summary}。无需更改。',
    useThreshold: '用法：/rg threshold suggest|act|answer <0 到 1 之间的数>。',
    answerOutOfRange: '回答提问的阈值必须在 {suggest}（提示阈值）到 {act}（处理阈值）之间：提问最低从提示阈值起回答，最高从处理阈值起回答，设为 {value} 不会有任何作用。',
    useBothThresholds: '用法：/rg threshold <act> [suggest]，0 到 1 之间的数。',
    useLanguage: '请使用 auto、en 或 zh。',
    useOnOff: '请使用 on 或 off。',
    useRepeat: '用法：/rg repeat <分钟> [pointer|silent]，分钟为 0 到 10080（一周）之间的数。',
    nameMember: '请提供成员 ID。',
    alreadyExempt: '{member} 已经是豁免成员。',
    notExempt: '{member} 不是豁免成员，无需更改。',
    usePardon: '用法：/rg pardon <成员 ID> [条数]。',
    useResolve: '用法：/rg accept|reject <条目 ID>（见 /rg queue）。',
    noItem: '没有待处理的条目 {id}。',
    useQueue: '用法：/rg queue [页码]，页码为从 1 开始的整数。',
    queueEmpty: '审核队列是空的。',
    strikes: '{member}：当前有 {n} 条违规记录',
    removed: '好的：已撤销 {member} 的 {n} 条违规记录',
    noStrikes: '{member} 目前没有有效的违规记录，无需撤销。',
    muteLifted: '已解除其禁言。',
    muteNotLifted: '未能解除其禁言（{error}）：请在群成员设置中手动解除。',
    report: '举报',
    dispute: '不是谣言',
    queueLine: '{id} {kind}，来自 {name}，消息 {message}',
    queuePage: '第 {page} 页，共 {pages} 页；给出页码可查看其他页',
    settingsMode: '模式：{mode}；语言：{language}',
    settingsThresholds: '阈值：提示 {suggest}，处理 {act}，回答提问 {answer}；温和提示 {soft}',
    settingsImages: '读取图片中的文字：{images}',
    settingsActions: '已启用的处理：{actions}',
    settingsLadder: '升级阶梯：{ladder}',
    ladderStep: '{n}. {actions}',
    ladderSeparator: '；',
    actionFor: '{action}{duration}',
    settingsStrikes: '违规记录 {days} 天后失效；{repeat}',
    repeatWindow: '重复窗口 {minutes} 分钟，窗口内同一谣言再出现时{later}',
    repeatOff: '重复窗口为 0 分钟：同一谣言每次出现都会收到完整的辟谣回复',
    settingsExempt: '豁免：管理员 {admins}；成员 {members}',
    on: '开',
    off: '关',
    yes: '是',
    no: '否',
    none: '无',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type CommandTextName = keyof (typeof COMMAND_TEXTS)['en'];

/** How the answers name a group's mode and language in Chinese (English keeps the words `/rg` takes). */
const MODE_NAMES_ZH = { observe: '观察', enforce: '执行' } as const satisfies Record<GroupSettings['mode'], string>;
const LANGUAGE_NAMES_ZH = { auto: '自动（跟随每条消息）', en: '英文', zh: '中文' } as const satisfies Record<GroupSettings['language'], string>;

/**
 * How `/rg status` and the answers to changes name actions, modes, languages and a mute's length.
 * English keeps the identifiers `/rg` takes and whole minutes, as it always has; Chinese says them
 * in words (actionName, durationText), since an English identifier or "60 min" inside a Chinese
 * sentence reads as a mistake (QA: "模式：observe；语言：zh", "已停用 reply_refutation"). The usage
 * lines keep the identifiers: they say what to type. The repeat window stays in minutes in both:
 * the admin sets it in minutes, and fractions are allowed.
 */
export const SETTINGS_WORDS: Record<
  Language,
  {
    actions: (types: readonly ActionType[]) => string;
    duration: (ms: number) => string;
    mode: (mode: GroupSettings['mode']) => string;
    language: (language: GroupSettings['language']) => string;
  }
> = {
  en: { actions: (types) => types.join(', '), duration: (ms) => `${ms / 60_000} min`, mode: (mode) => mode, language: (language) => language },
  zh: {
    actions: (types) => actionList('zh', types),
    duration: (ms) => durationText('zh', ms),
    mode: (mode) => MODE_NAMES_ZH[mode],
    language: (language) => LANGUAGE_NAMES_ZH[language],
  },
};

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
    '/rg unretire <debunk id>          use a retired debunk in this group again',
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
    '/rg strikes <成员 ID>             成员当前的违规记录',
    '/rg pardon <成员 ID> [条数]       撤销违规记录（全部或最近几条）',
    '/rg queue [页码]（或 reports）    成员的举报和“不是谣言”异议',
    '/rg accept <ID> | <结论> | <辟谣内容> | <来源网址> [| <谣言原文>]  把举报写成辟谣条目（所有群；“<ID> here”：仅本群）',
    '/rg accept|reject <条目 ID>       异议：接受即撤销违规记录；驳回举报或异议',
    '/rg retire <辟谣 ID>              在本群停用一条辟谣',
    '/rg unretire <辟谣 ID>            在本群恢复使用停用的辟谣',
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
