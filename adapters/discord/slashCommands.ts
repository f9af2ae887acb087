import {
  ApplicationCommandType,
  ChannelType,
  ContextMenuCommandBuilder,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  SlashCommandStringOption,
  SlashCommandSubcommandBuilder,
  type RESTPostAPIApplicationCommandsJSONBody,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { SWITCHABLE_ACTIONS } from '../../src/rules/actionTypes.js';
import { VERDICTS } from '../../src/debunks/schema.js';

/** The context-menu command on a message ("Apps → Report as rumor"). */
export const REPORT_COMMAND = 'Report as rumor';

/** Subcommand names as Chinese clients show them (the English name stays what the bot receives). */
const SUBCOMMAND_NAMES_ZH: Readonly<Record<string, string>> = {
  help: '帮助',
  status: '状态',
  softreply: '温和提醒',
  tellreporter: '告知举报人',
  spread: '跨群统计',
  digest: '每周摘要',
  repeat: '重复间隔',
  mode: '模式',
  threshold: '阈值',
  lang: '语言',
  exempt: '豁免',
  unexempt: '取消豁免',
  strikes: '违规记录',
  pardon: '撤销违规',
  incidents: '事件',
  export: '导出',
  alerts: '提醒',
  dashboard: '管理后台',
  reports: '举报队列',
  resolve: '处理举报',
  retire: '停用辟谣',
  enable: '启用',
  disable: '停用',
};

/** Command names and descriptions in Discord's locales we speak. */
const zh = (text: string) => ({ 'zh-CN': text, 'zh-TW': text });

/**
 * `/rumorguard …`: the admin commands. Hidden from members without Manage Server by default (an
 * owner can change that in Server Settings → Integrations), and checked again when run.
 */
function adminCommand(): SlashCommandBuilder {
  const b = new SlashCommandBuilder()
    .setName('rumorguard')
    .setNameLocalizations(zh('谣言守卫'))
    .setDescription('RumorGuard settings and records')
    .setDescriptionLocalizations(zh('RumorGuard 设置与记录'))
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild);
  b.addSubcommand((s) => s.setName('help').setDescription('What each admin command does').setDescriptionLocalizations(zh('各管理命令的说明')));
  b.addSubcommand((s) => s.setName('status').setDescription('Show this server\'s settings').setDescriptionLocalizations(zh('查看本服务器的设置')));
  b.addSubcommand((s) =>
    s
      .setName('mode')
      .setDescription('observe: decide and log only; enforce: act')
      .setDescriptionLocalizations(zh('observe：只判断和记录；enforce：执行处理'))
      .addStringOption((o) => o.setName('mode').setDescription('observe or enforce').setRequired(true).addChoices({ name: 'observe', value: 'observe' }, { name: 'enforce', value: 'enforce' })),
  );
  b.addSubcommand((s) =>
    s
      .setName('images')
      .setDescription('Read the text in pictures (screenshots) and check it too')
      .setDescriptionLocalizations(zh('识别图片（截图）中的文字并一并核查'))
      .addStringOption((o) => o.setName('images').setDescription('on or off').setRequired(true).addChoices({ name: 'on', value: 'on' }, { name: 'off', value: 'off' })),
  );
  b.addSubcommand((s) =>
    s
      .setName('threshold')
      .setDescription('Score from which the bot acts (and suggests)')
      .setDescriptionLocalizations(zh('触发处理（和提示）的匹配分数'))
      .addNumberOption((o) => o.setName('act').setDescription('0 to 1').setMinValue(0).setMaxValue(1))
      .addNumberOption((o) => o.setName('suggest').setDescription('0 to 1').setMinValue(0).setMaxValue(1))
      .addNumberOption((o) => o.setName('answer').setDescription('Score from which questions are answered, 0 to 1').setMinValue(0).setMaxValue(1)),
  );
  const onOff = (o: SlashCommandStringOption, what: string) =>
    o.setName('setting').setDescription(what).setRequired(true).addChoices({ name: 'on', value: 'on' }, { name: 'off', value: 'off' });
  for (const [name, en, cn] of [
    ['softreply', 'A gentle "please check" reply to scores between suggest and act', '分数介于提示和处理阈值之间时，温和提醒核实'],
    ['tellreporter', 'Tell members privately when their report is rejected', '举报被驳回时私下告知举报人'],
    ['spread', 'Count unknown rumors across servers (for the operator)', '跨服务器统计未知谣言（供运营者查看）'],
    ['digest', 'A weekly digest of incidents to the owners', '每周向群主发送事件摘要'],
  ] as const) {
    b.addSubcommand((s) => s.setName(name).setDescription(en).setDescriptionLocalizations(zh(cn)).addStringOption((o) => onOff(o, 'on or off')));
  }
  b.addSubcommand((s) =>
    s
      .setName('repeat')
      .setDescription('Within this many minutes a repeated rumor gets a pointer (or nothing), not a second refutation')
      .setDescriptionLocalizations(zh('在这段时间内重复出现的谣言只给出指向（或不回复），不再重复辟谣'))
      .addIntegerOption((o) => o.setName('minutes').setDescription('Minutes').setRequired(true).setMinValue(0).setMaxValue(1440))
      .addStringOption((o) => o.setName('later').setDescription('pointer or silent').addChoices({ name: 'pointer', value: 'pointer' }, { name: 'silent', value: 'silent' })),
  );
  b.addSubcommand((s) =>
    s
      .setName('lang')
      .setDescription('Language of the bot\'s replies')
      .setDescriptionLocalizations(zh('机器人回复的语言'))
      .addStringOption((o) =>
        o.setName('language').setDescription('zh, en or auto').setRequired(true).addChoices({ name: '中文', value: 'zh' }, { name: 'English', value: 'en' }, { name: 'auto', value: 'auto' }),
      ),
  );
  for (const [name, en, cn] of [
    ['exempt', 'Never warn or mute this member', '不对该成员警告或禁言'],
    ['unexempt', 'Remove this member\'s exemption', '取消该成员的豁免'],
    ['strikes', 'A member\'s active strikes', '成员当前的违规记录'],
  ] as const) {
    b.addSubcommand((s) => s.setName(name).setDescription(en).setDescriptionLocalizations(zh(cn)).addUserOption((o) => o.setName('member').setDescription('The member').setRequired(true)));
  }
  b.addSubcommand((s) =>
    s
      .setName('pardon')
      .setDescription('Remove a member\'s strikes (all, or the latest count)')
      .setDescriptionLocalizations(zh('撤销成员的违规记录（全部或最近几条）'))
      .addUserOption((o) => o.setName('member').setDescription('The member').setRequired(true))
      .addIntegerOption((o) => o.setName('count').setDescription('How many of the latest').setMinValue(1)),
  );
  b.addSubcommand((s) =>
    s
      .setName('incidents')
      .setDescription('The latest incidents from the ledger')
      .setDescriptionLocalizations(zh('最近的事件记录'))
      .addIntegerOption((o) => o.setName('count').setDescription('How many (1-20)').setMinValue(1).setMaxValue(20)),
  );
  b.addSubcommand((s) => s.setName('export').setDescription('The ledger report, as a file only you see').setDescriptionLocalizations(zh('导出记录报告（仅你可见）')));
  b.addSubcommand((s) =>
    s
      .setName('alerts')
      .setDescription('Where owner alerts go: a channel, or off (DM to the owner)')
      .setDescriptionLocalizations(zh('群主提醒发到哪里：频道，或关闭（私信所有者）'))
      .addChannelOption((o) => o.setName('channel').setDescription('Alert channel; leave empty for DMs to the owner').addChannelTypes(ChannelType.GuildText)),
  );
  b.addSubcommand((s) => s.setName('dashboard').setDescription('A login link to the web dashboard, only for you').setDescriptionLocalizations(zh('网页管理后台的登录链接（仅你可见）')));
  b.addSubcommand((s) =>
    s
      .setName('reports')
      .setDescription('Members\' reports and objections')
      .setDescriptionLocalizations(zh('成员的举报和异议'))
      .addIntegerOption((o) => o.setName('page').setDescription('Page of the list (1 is the oldest items)').setMinValue(1)),
  );
  b.addSubcommand((s) =>
    s
      .setName('resolve')
      .setDescription('Accept or reject a queued report')
      .setDescriptionLocalizations(zh('处理队列中的举报'))
      .addStringOption((o) => o.setName('item').setDescription('Item id from /rumorguard reports').setRequired(true))
      .addStringOption((o) => o.setName('decision').setDescription('accept or reject').setRequired(true).addChoices({ name: 'accept', value: 'accept' }, { name: 'reject', value: 'reject' }))
      .addStringOption((o) =>
        o
          .setName('verdict')
          .setDescription('A report accepted as a rumor: the verdict of the new debunk')
          .addChoices(...VERDICTS.map((v) => ({ name: v, value: v }))),
      )
      .addStringOption((o) => o.setName('refutation').setDescription('The new debunk: what is true instead (up to 1000 characters)').setMaxLength(1000))
      .addStringOption((o) => o.setName('source').setDescription('The new debunk: a source URL').setMaxLength(500))
      .addStringOption((o) => o.setName('claim').setDescription('The new debunk: the claim, if not the reported text').setMaxLength(500))
      .addBooleanOption((o) => o.setName('only_here').setDescription('The new debunk serves this server only (default: every server)'))
      .addBooleanOption((o) => o.setName('another_rumor').setDescription('The report is of another rumor than the one it matched: make a new debunk anyway')),
  );
  b.addSubcommand((s) =>
    s
      .setName('retire')
      .setDescription('Stop using a debunk in this server')
      .setDescriptionLocalizations(zh('在本服务器停用一条辟谣'))
      .addStringOption((o) => o.setName('debunk').setDescription('Debunk id').setRequired(true).setMaxLength(80)),
  );
  b.addSubcommand((s) =>
    s
      .setName('unretire')
      .setDescription('Use a retired debunk in this server again')
      .setDescriptionLocalizations(zh('在本服务器恢复使用停用的辟谣'))
      .addStringOption((o) => o.setName('debunk').setDescription('Debunk id').setRequired(true).setMaxLength(80)),
  );
  for (const [name, en, cn] of [
    ['enable', 'Carry out an action (warn, mute, delete, alert_owners, …)', '启用一项处理（警告、禁言、删除、提醒群主……）'],
    ['disable', 'Stop carrying out an action (it is still decided and logged)', '停用一项处理（仍会判断并记录）'],
  ] as const) {
    b.addSubcommand((s) =>
      s
        .setName(name)
        .setDescription(en)
        .setDescriptionLocalizations(zh(cn))
        .addStringOption((o) =>
          o
            .setName('action')
            .setDescription('The action')
            .setRequired(true)
            .addChoices(...SWITCHABLE_ACTIONS.map((a) => ({ name: a, value: a }))),
        ),
    );
  }
  for (const sub of b.options) {
    if (sub instanceof SlashCommandSubcommandBuilder) sub.setNameLocalizations(zh(SUBCOMMAND_NAMES_ZH[sub.name] ?? sub.name));
  }
  return b;
}

/** `/check text:` for everyone; the answer only the asker sees. */
function checkCommand(): SlashCommandBuilder {
  const b = new SlashCommandBuilder()
    .setName('check')
    .setNameLocalizations(zh('查证'))
    .setDescription('Check a text against known rumors (only you see the answer)')
    .setDescriptionLocalizations(zh('查证一段文字是否为已知谣言（仅你可见）'))
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM);
  b.addStringOption((o) => o.setName('text').setDescription('The text to check').setDescriptionLocalizations(zh('要查证的文字')).setRequired(true).setMaxLength(4000));
  return b;
}

/** The slash commands (`/rumorguard …`, `/check`), as registered with Discord: what `/rumorguard help` lists. */
export function slashCommands(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [adminCommand().toJSON(), checkCommand().toJSON()];
}

/** Every application command, as registered with Discord. */
export function applicationCommands(): RESTPostAPIApplicationCommandsJSONBody[] {
  return [
    ...slashCommands(),
    new ContextMenuCommandBuilder()
      .setName(REPORT_COMMAND)
      .setNameLocalizations(zh('举报为谣言'))
      .setType(ApplicationCommandType.Message)
      .setContexts(InteractionContextType.Guild)
      .toJSON(),
  ];
}
