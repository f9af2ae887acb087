import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Guild,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessageFlags,
  type MessageContextMenuCommandInteraction,
  PermissionFlagsBits,
} from 'discord.js';
import { resolveDebunkRef } from '../../src/debunks/debunkRef.js';
import type { ChatMember } from '../../src/engine/chatMessage.js';
import { managementReportFile } from '../../src/ledger/export/managementReport.js';
import { DISCORD_UPLOAD_LIMIT, fileSize, reportForChat } from '../../src/ledger/export/reportForChat.js';
import { recentIncidentsOf } from '../../src/ledger/recentIncidents.js';
import { parseButton } from './buttons.js';
import { dashboardLinkText } from './dashboardLink.js';
import { type DiscordDeps, guildLanguage } from './deps.js';
import { escapeDiscordMarkdown } from './markdown.js';
import { allowedMentions } from './outgoing.js';
import { lookupEmbeds, sourcesText } from './replies.js';
import { REPORT_COMMAND, slashCommands } from './slashCommands.js';
import { slashHelpEmbeds } from './slashHelp.js';
import { languageOfLocale, text } from './texts.js';
import { fitText } from './embedLimits.js';
import { liftTimeout } from './liftTimeout.js';

/** Every answer to an interaction is seen only by the member who asked, and pings nobody. */
const privately = (options: Omit<InteractionReplyOptions, 'flags'>): InteractionReplyOptions => ({
  ...options,
  flags: MessageFlags.Ephemeral,
  allowedMentions: allowedMentions(false),
});

/** The core's plain-text answers, with Discord markdown escaped. */
const plainLines = (reply: string) => fitText(escapeDiscordMarkdown(reply), 2000);

/** The chat's `/rg` commands the core names in its answers, as Discord's slash commands write them. */
const SLASH_FORMS: readonly [RegExp, string][] = [
  [/\/rg accept ([\w-]+) new \| <([^>]+)> \| <([^>]+)> \| <([^>]+)>/g, '/rumorguard resolve item:$1 decision:accept another_rumor:True verdict:<$2> refutation:<$3> source:<$4>'],
  [/\/rg accept ([\w-]+) \| <([^>]+)> \| <([^>]+)> \| <([^>]+)>(?: \[\| <([^>]+)>\])?/g, '/rumorguard resolve item:$1 decision:accept verdict:<$2> refutation:<$3> source:<$4>'],
  [/\/rg accept\|reject <([^>]+)>/g, '/rumorguard resolve item:<$1> decision:accept|reject'],
  [/\/rg (accept|reject) ([\w-]+)/g, '/rumorguard resolve item:$2 decision:$1'],
  [/\/rg queue <([^>]+)>/g, '/rumorguard reports page:<$1>'],
  [/\/rg queue\b/g, '/rumorguard reports'],
  [/\/rg settings\b/g, '/rumorguard status'],
  [/\/rg language\b/g, '/rumorguard lang'],
  [/\/rg (?=\w)/g, '/rumorguard '],
];

/** An answer of the core's, with the commands it names written as Discord's (it said "/rg accept …", which Discord has not). */
const withSlashCommands = (reply: string) => SLASH_FORMS.reduce((text, [pattern, form]) => text.replace(pattern, form), reply);

/** Routes an interaction: slash commands, the message context menu, and our buttons. */
export async function handleInteraction(deps: DiscordDeps, interaction: Interaction): Promise<void> {
  if (interaction.isChatInputCommand()) {
    if (interaction.commandName === 'check') return check(deps, interaction);
    if (interaction.commandName === 'rumorguard') return admin(deps, interaction);
  } else if (interaction.isMessageContextMenuCommand() && interaction.commandName === REPORT_COMMAND) {
    return reportFromMenu(deps, interaction);
  } else if (interaction.isButton()) {
    return pressButton(deps, interaction);
  }
}

/** `/check text:` — the best matches, only for the asker. */
async function check(deps: DiscordDeps, interaction: ChatInputCommandInteraction): Promise<void> {
  const lang = languageOfLocale(interaction.locale);
  const found = deps.engine.lookup(interaction.options.getString('text', true).slice(0, 4000), 3);
  await interaction.reply(privately(found.length === 0 ? { content: text(lang, 'noMatch') } : { content: text(lang, 'matchesHeader'), embeds: lookupEmbeds(found, lang) }));
}

/** Where the message a report or objection is about is. */
const aboutMessage = (guildId: string, messageId: string) => ({ platform: 'discord', groupId: guildId, messageId });

const memberOf = (interaction: Interaction): ChatMember => ({
  id: interaction.user.id,
  name: interaction.inCachedGuild() ? interaction.member.displayName : (interaction.user.globalName ?? interaction.user.username),
});

async function reportFromMenu(deps: DiscordDeps, interaction: MessageContextMenuCommandInteraction): Promise<void> {
  if (!interaction.inGuild()) return;
  const lang = languageOfLocale(interaction.locale);
  const target = interaction.targetMessage;
  // The reported message's text and author go with the report: the admins review what was said.
  const author = { id: target.author.id, name: target.member?.displayName ?? target.author.globalName ?? target.author.username };
  // Nothing to review in the bot's own reply (its refutation) or in a message without text (an embed): not queued.
  if (target.author.id === interaction.client.user.id) {
    await interaction.reply(privately({ content: text(lang, 'botReplyNotReported') }));
    return;
  }
  if (target.content.trim() === '') {
    await interaction.reply(privately({ content: text(lang, 'nothingToReport') }));
    return;
  }
  const about = { ...aboutMessage(interaction.guildId, target.id), text: target.content, member: author, channelId: target.channelId, sentAt: target.createdTimestamp, link: target.url };
  const r = await deps.moderator.onFeedback('report', about, memberOf(interaction), '');
  await interaction.reply(privately({ content: text(lang, feedbackAnswer(r, 'reported', 'alreadyReported')) }));
}

/** What a member is told of their report or objection: taken, already made, too many of theirs open, or the queue full. */
function feedbackAnswer(r: { ok: boolean; error?: string }, taken: 'reported' | 'disputed', again: 'alreadyReported' | 'alreadyVoted') {
  if (r.ok) return taken;
  return r.error === 'duplicate' ? again : r.error === 'member_limit' ? 'tooManyOpen' : 'queueFull';
}

async function pressButton(deps: DiscordDeps, interaction: ButtonInteraction): Promise<void> {
  const press = parseButton(interaction.customId);
  if (!press || !interaction.inGuild()) return;
  const lang = languageOfLocale(interaction.locale);
  if (press.kind === 'sources') {
    const debunk = resolveDebunkRef(press.debunkRef, (id) => deps.engine.debunk(id), () => deps.engine.debunks());
    await interaction.reply(privately({ content: debunk ? sourcesText(debunk) : text(lang, 'noMatch') }));
    return;
  }
  // The message the bot's reply answers: its text goes with the report or objection where
  // Discord still has it (the admins review it; a false positive covers its near copies).
  const original = await interaction.channel?.messages.fetch(press.messageId).catch(() => undefined);
  const about = {
    ...aboutMessage(interaction.guildId, press.messageId),
    channelId: interaction.channelId,
    ...(original
      ? {
          text: original.content,
          member: { id: original.author.id, name: original.member?.displayName ?? original.author.globalName ?? original.author.username },
          sentAt: original.createdTimestamp,
          link: original.url,
        }
      : {}),
  };
  if (press.kind === 'report') {
    // Under a refutation: the admins' queue says which rumor the bot already answered it with (real-client QA:
    // such a report was listed as a new rumor, and accepting it made a second debunk of it).
    const matched = press.debunkRef === undefined ? undefined : resolveDebunkRef(press.debunkRef, (id) => deps.engine.debunk(id), () => deps.engine.debunks());
    const r = await deps.moderator.onFeedback('report', about, memberOf(interaction), '', matched?.id);
    await interaction.reply(privately({ content: text(lang, feedbackAnswer(r, 'reported', 'alreadyReported')) }));
    return;
  }
  const debunk = resolveDebunkRef(press.debunkRef, (id) => deps.engine.debunk(id), () => deps.engine.debunks());
  const r = await deps.moderator.onFeedback('not_a_rumor', about, memberOf(interaction), '', debunk?.id);
  if (!r.ok) {
    await interaction.reply(privately({ content: text(lang, feedbackAnswer(r, 'disputed', 'alreadyVoted')) }));
    return;
  }
  const open = (await deps.moderator.feedback?.open(interaction.guildId)) ?? [];
  const n = open.filter((i) => i.kind === 'not_a_rumor' && i.messageId === press.messageId).length;
  await interaction.reply(privately({ content: text(lang, 'disputed', { n }) }));
}

/**
 * `/rumorguard …`. Discord hides it from members without Manage Server, but an owner can change
 * that in the server's integration settings, so the permission is checked again here.
 */
async function admin(deps: DiscordDeps, interaction: ChatInputCommandInteraction): Promise<void> {
  if (!interaction.inGuild()) return;
  const guildId = interaction.guildId;
  const lang = await guildLanguage(deps, guildId, interaction.guild?.preferredLocale);
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
    await interaction.reply(privately({ content: text(lang, 'notManager') }));
    return;
  }
  // Discord wants an answer within 3 s; reading the ledger or a slow store can take longer, so
  // every admin command is acknowledged at once and answered by editing that acknowledgement.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const answer = (options: Omit<InteractionReplyOptions, 'flags'>) => interaction.editReply({ ...options, allowedMentions: allowedMentions(false) } as InteractionEditReplyOptions);
  const by: ChatMember = { ...memberOf(interaction), isAdmin: true };
  const o = interaction.options;
  const sub = o.getSubcommand();
  /** The core's answer to one `/rg` command, or undefined when the store was out of reach. */
  const run = async (command: string) => {
    // Discord refuses a message over 2,000 characters, counted after the markdown escaping.
    const limit = { maxLength: 2000, measure: (t: string) => escapeDiscordMarkdown(t).length };
    const result = await deps.moderator
      .onAdminCommand('discord', guildId, by, command, lang, limit, [], (memberId) => liftTimeout(interaction.guild ?? undefined, memberId, deps.now()), (memberId) => inGuild(interaction.guild ?? undefined, memberId))
      .catch((err: unknown) => {
        deps.log.warn({ err, guild: guildId }, 'discord: an admin command failed');
        return undefined;
      });
    return result?.reply;
  };
  const core = async (...commands: string[]) => {
    const replies: string[] = [];
    for (const command of commands) {
      const reply = await run(command);
      // The store out of reach: the acknowledgement is answered, not left "thinking" for ever.
      if (reply === undefined) return void (await answer({ content: text(lang, 'commandFailed') }));
      replies.push(reply);
    }
    await answer({ content: plainLines(withSlashCommands(replies.join('\n'))) });
  };
  switch (sub) {
    case 'status':
      return core('/rg settings');
    case 'mode':
      return core(`/rg mode ${o.getString('mode', true)}`);
    case 'images':
      return core(`/rg images ${o.getString('images', true)}`);
    case 'help':
      // Built from the slash commands as registered, not the Telegram help with "/rg" rewritten:
      // that listed forms Discord has not (`/rg accept … | …`) and left out incidents, export, alerts.
      return void (await answer({ embeds: slashHelpEmbeds(slashCommands(), lang) }));
    case 'threshold': {
      const act = o.getNumber('act');
      const suggest = o.getNumber('suggest');
      const answerAt = o.getNumber('answer');
      const commands = [
        ...(act !== null ? [`/rg threshold ${act}${suggest === null ? '' : ` ${suggest}`}`] : suggest !== null ? [`/rg threshold suggest ${suggest}`] : []),
        ...(answerAt !== null ? [`/rg threshold answer ${answerAt}`] : []),
      ];
      // Nothing given: the core's usage line.
      return core(...(commands.length > 0 ? commands : ['/rg threshold']));
    }
    case 'softreply':
    case 'tellreporter':
    case 'spread':
    case 'digest':
      return core(`/rg ${sub} ${o.getString('setting', true)}`);
    case 'repeat':
      return core(`/rg repeat ${o.getInteger('minutes', true)}${o.getString('later') === null ? '' : ` ${o.getString('later')}`}`);
    case 'lang':
      return core(`/rg language ${o.getString('language', true)}`);
    case 'exempt':
    case 'unexempt':
    case 'strikes':
      return core(`/rg ${sub} ${o.getUser('member', true).id}`);
    case 'pardon':
      return core(`/rg pardon ${o.getUser('member', true).id}${o.getInteger('count') === null ? '' : ` ${o.getInteger('count')}`}`);
    case 'reports':
      return core(`/rg queue${o.getInteger('page') === null ? '' : ` ${o.getInteger('page')}`}`);
    case 'resolve': {
      // A report accepted with a verdict, refutation and source becomes a debunk (see Review).
      const field = (name: string) => (o.getString(name) ?? '').replace(/\|/g, '/').trim();
      const item = field('item').split(/\s+/)[0] ?? '';
      const debunk = o.getString('verdict') ? ` | ${field('verdict')} | ${field('refutation')} | ${field('source')}${field('claim') ? ` | ${field('claim')}` : ''}` : '';
      const flags = `${o.getBoolean('only_here') ? ' here' : ''}${o.getBoolean('another_rumor') ? ' new' : ''}`;
      return core(`/rg ${o.getString('decision', true)} ${item}${flags}${debunk}`);
    }
    case 'retire':
    case 'unretire':
      return core(`/rg ${sub} ${o.getString('debunk', true)}`);
    case 'enable':
    case 'disable':
      return core(`/rg ${sub} ${o.getString('action', true)}`);
    case 'incidents': {
      if (!deps.ledger) return void (await answer({ content: text(lang, 'ledgerUnavailable') }));
      const lines = await recentIncidentsOf(deps.ledger, guildId, o.getInteger('count') ?? 5, lang);
      await answer({ content: lines.length === 0 ? text(lang, 'noIncidents') : plainLines(lines.join('\n')) });
      return;
    }
    case 'export':
      return exportLedger(deps, interaction, guildId, by, lang);
    case 'dashboard': {
      const guildTitle = interaction.guild?.name ?? guildId;
      const content = await dashboardLinkText(deps.dashboardLinks, { userId: by.id, userName: by.name, guildId, guildTitle, guildName: escapeDiscordMarkdown(guildTitle), lang });
      await answer({ content });
      return;
    }
    case 'alerts': {
      const channel = o.getChannel('channel');
      await deps.alerts.setChannel(guildId, channel?.id);
      const detail = channel ? `owner alerts to channel ${channel.id}` : 'owner alerts to the owner by direct message';
      await deps.moderator.recordAction('discord', guildId, { kind: 'admin', id: by.id, name: by.name }, 'alerts', detail);
      await answer({ content: channel ? text(lang, 'alertsChannel', { channel: `<#${channel.id}>` }) : text(lang, 'alertsOff') });
      return;
    }
    default:
      // A subcommand registered by another version of the bot: answered, not left "thinking".
      await answer({ content: text(lang, 'unknownCommand') });
  }
}

/** The management report as a file in an answer only the admin sees (deferred); the export is ledgered. */
async function exportLedger(deps: DiscordDeps, interaction: ChatInputCommandInteraction, guildId: string, by: ChatMember, lang: 'en' | 'zh'): Promise<void> {
  if (!deps.ledger) {
    await interaction.editReply({ content: text(lang, 'ledgerUnavailable') });
    return;
  }
  // Streamed to a file and sent from there: a long ledger's report is never whole in memory.
  const report = await managementReportFile(deps.ledger, guildId, lang, deps.now(), interaction.guild?.name);
  try {
    const limit = deps.uploadLimitBytes ?? DISCORD_UPLOAD_LIMIT;
    const upload = await reportForChat(report, limit);
    if (upload.kind === 'too_large') {
      await interaction.editReply({ content: text(lang, 'exportTooLarge', { size: fileSize(upload.bytes), limit: fileSize(limit) }), allowedMentions: allowedMentions(false) });
      return;
    }
    const caption =
      text(lang, 'exportCaption', { guild: escapeDiscordMarkdown(interaction.guild?.name ?? guildId), entries: report.entries, status: report.status }) +
      (upload.compressed ? text(lang, 'exportCompressed', { size: fileSize(upload.bytes) }) : '');
    await interaction.editReply({
      content: caption,
      files: [{ attachment: upload.path, name: upload.filename }],
      allowedMentions: allowedMentions(false),
    });
  } finally {
    await report.remove();
  }
  await deps.moderator.recordExport('discord', guildId, { kind: 'admin', id: by.id, name: by.name }, report.entries);
}

/** Discord's codes for a member or user it does not know. */
const UNKNOWN_MEMBER = new Set([10007, 10013]);

/**
 * Whether a member id names someone in the server (for "/rumorguard strikes" and "exempt" of an id
 * nobody there has: real-client QA). Not a Discord id at all, or unknown to Discord: no; Discord out
 * of reach: yes, rather than tell the admin the id is wrong when it may not be.
 */
async function inGuild(guild: Guild | undefined, memberId: string): Promise<boolean> {
  if (!/^\d{17,20}$/.test(memberId)) return false;
  if (!guild) return true;
  return guild.members.fetch(memberId).then(
    () => true,
    (err: unknown) => !UNKNOWN_MEMBER.has((err as { code?: number }).code ?? 0),
  );
}
