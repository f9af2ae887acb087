import { randomBytes } from 'node:crypto';
import { wholeNumber } from '../../src/lib/wholeNumber.js';
import type { Message } from 'telegraf/types';
import type { ChatMember } from '../../src/engine/chatMessage.js';
import { managementReportFile } from '../../src/ledger/export/managementReport.js';
import { fileSize, reportForChat, TELEGRAM_UPLOAD_LIMIT } from '../../src/ledger/export/reportForChat.js';
import { recentIncidentsOf } from '../../src/ledger/recentIncidents.js';
import { answerLanguage } from '../../src/engine/language.js';
import type { Language } from '../../src/engine/templates.js';
import { dashboardLink } from './dashboardLink.js';
import { inGroup, unmute } from './liftRestriction.js';
import { answer, type AdapterDeps } from './deps.js';
import { escapeHtml, htmlText } from './html.js';
import { languageOf, textHtml } from './texts.js';
import { displayName, type GroupChat, isGroupChat, senderOf } from './toChatMessage.js';
import { PLATFORM_COMMANDS } from '../../src/commands/commandTexts.js';

/** How long a `/rg alerts` link code is valid. */
const ALERT_CODE_TTL_MS = 15 * 60_000;
const alertCodeKey = (code: string) => `tg:alertcode:${code}`;

/** Subcommands that name a member: replying to the member's message names them. */
const MEMBER_COMMANDS = new Set(['exempt', 'unexempt', 'strikes', 'pardon']);

/** `/rg settings` and its short form: the one `/rg` command members may run too (read only). */
const SETTINGS_COMMANDS = new Set(['settings', 'status']);

/** `/rg@RumorGuardBot mode enforce` → ['mode', 'enforce']. */
export function commandArgs(textOfCommand: string): string[] {
  return textOfCommand.trim().split(/\s+/).slice(1);
}

/**
 * Is the sender of this group message one of its admins? Only the group's own administrators (as
 * getChatAdministrators lists them) and the anonymous admin posting as this very group are. A
 * post made as any other chat is not, the group's linked channel included: its automatic forwards
 * come from whoever may post in the channel, who need not administer the group.
 */
export async function isSenderAdmin(deps: AdapterDeps, message: Message, chat: GroupChat): Promise<boolean> {
  const sender = senderOf(message, chat);
  if (!sender) return false;
  if (sender.anonymousAdmin) return true;
  if (message.sender_chat || !message.from) return false;
  return deps.admins.isAdmin(chat.id, message.from.id);
}

/**
 * `/rg …` in a group. Non-admins get a short refusal and nothing changes. Settings commands run
 * in the platform-free core (which records changes in the ledger); alerts, incidents and export
 * need Telegram and are handled here, recorded as well.
 */
export async function groupRg(deps: AdapterDeps, message: Message.TextMessage, chat: GroupChat): Promise<void> {
  const args = commandArgs(message.text);
  // One language for every answer: the group's setting, or with `auto` the admin's own.
  const setting = await deps.engine
    .settingsFor(String(chat.id))
    .then((s) => s.language)
    .catch(() => 'auto' as const);
  const lang = answerLanguage(setting, message.text, message.from?.language_code ? languageOf(message.from.language_code) : undefined);
  if (args[0] === 'alerts' && args[1] && args[1] !== 'off') {
    await linkAlerts(deps, message, args[1], lang);
    return;
  }
  // Telegram's list of admins out of reach (getChatAdministrators failing): the admin is told to
  // try again, rather than hearing nothing at all.
  const isAdmin = await isSenderAdmin(deps, message, chat).catch((err: unknown) => {
    deps.log.warn({ err, chat: chat.id }, 'telegram: the group\'s admins could not be read');
    return undefined;
  });
  if (isAdmin === undefined) {
    answer(deps, message, textHtml(lang, 'adminCheckFailed'), 'low', `admincheck:${message.from?.id}`);
    return;
  }
  if (!isAdmin) {
    // One answer per member in a while (and one waiting at a time): a member spamming /rg cannot
    // flood the group, nor use up the messages a minute its refutations need. The settings they
    // may read (the core shows them to anyone); everything else is refused.
    const who = message.from?.id ?? message.sender_chat?.id;
    if (!deps.courtesy.refusals.take(JSON.stringify([chat.id, who]))) return;
    const member = senderOf(message, chat);
    const asked = member !== undefined && SETTINGS_COMMANDS.has(args[0]?.toLowerCase() ?? '');
    const settings = asked ? await deps.moderator.onAdminCommand('telegram', String(chat.id), { ...member, isAdmin: false }, '/rg settings', lang).catch(() => undefined) : undefined;
    answer(deps, message, settings?.ok ? escapeHtml(settings.reply) : textHtml(lang, 'notAdmin'), 'low', `refusal:${who}`);
    return;
  }
  const sender = senderOf(message, chat)!;
  const admin: ChatMember = { id: sender.id, name: sender.name, isAdmin: true };
  // An admin waits for the answer: it goes ahead of the warnings and notices a busy minute queued
  // in the group (it waited 30 to 70 s behind them), beside the refutations.
  const reply = (html: string) => answer(deps, message, html, 'high');
  switch (args[0]) {
    case 'alerts':
      return reply(await alertsInGroup(deps, chat, admin, args[1] === 'off', lang));
    case 'incidents': {
      const count = incidentCount(args.slice(1));
      if (count === undefined) return reply(textHtml(lang, 'useIncidents'));
      return reply(await incidents(deps, chat, count, lang));
    }
    case 'export':
      // The report goes privately to whoever asked: an admin posting as the group has no private chat.
      if (sender.anonymousAdmin) return reply(textHtml(lang, 'exportAnonymous'));
      return reply(await exportLedger(deps, message, chat, admin, lang));
    case 'dashboard':
      return reply(await dashboardLink(deps, message, chat, sender.anonymousAdmin, lang));
  }
  // The review queue names who reported whom: it goes privately to the admin who asked (QA: the
  // reported member read their reporters' names in the group), as the export does.
  const queue = args[0]?.toLowerCase() === 'queue' || args[0]?.toLowerCase() === 'reports';
  if (queue && sender.anonymousAdmin) return reply(textHtml(lang, 'queueAnonymous'));
  const target = message.reply_to_message;
  let commandText = ['/rg', ...args].join(' ');
  if (MEMBER_COMMANDS.has(args[0] ?? '') && target && (args.length === 1 || (args[0] === 'pardon' && /^\d+$/.test(args[1] ?? '') && args.length === 2))) {
    const member = senderOf(target, chat);
    if (!member) return reply(textHtml(lang, 'replyToMember'));
    commandText = ['/rg', args[0], member.id, ...args.slice(1)].join(' ');
  } else if (MEMBER_COMMANDS.has(args[0] ?? '') && args.length === 1) {
    return reply(textHtml(lang, 'replyToMember'));
  } else if (MEMBER_COMMANDS.has(args[0] ?? '') && !(/^-?\d{1,16}$/.test(args[1] ?? '') && Number.isSafeInteger(Number(args[1])))) {
    // "/rg exempt Carol", "/rg strikes @Bob": no Telegram member has such an id, and the Bot API
    // cannot look a member up by name, so the command would apply to nobody and still say OK; nor
    // one of 21 digits (Telegram's ids fit in 52 bits).
    return reply(textHtml(lang, 'memberIdIsNumber'));
  }
  // Telegram refuses a message over 4,096 characters, counted after the HTML escaping.
  // `/rg help` lists the commands run here too (incidents, export, alerts).
  // `/rg help` lines its commands up in columns: sent as preformatted text, which Telegram shows in
  // a fixed-width font (in its proportional one the columns did not line up).
  const help = args[0]?.toLowerCase() === 'help';
  // The private queue's first line names the group (see below): room is kept for it.
  const limit = { maxLength: 4096 - (help ? PRE.length : 0) - (queue ? QUEUE_HEAD_MAX : 0), measure: (t: string) => escapeHtml(t).length };
  const result = await deps.moderator
    .onAdminCommand(
      'telegram',
      String(chat.id),
      admin,
      commandText,
      lang,
      limit,
      PLATFORM_COMMANDS,
      (memberId) => unmute(deps, chat.id, memberId),
      (memberId) => inGroup(deps, chat.id, memberId),
    )
    .catch((err: unknown) => {
      deps.log.warn({ err, chat: chat.id }, 'telegram: an admin command failed');
      return undefined;
    });
  // The store out of reach (a pardon during an outage): the admin hears it, rather than nothing.
  if (!result) return reply(textHtml(lang, 'commandFailed'));
  // Owner alerts switched on with nowhere to go (no alert chat linked, no admin who started a
  // private chat with the bot): said now, not found out when an alert is dropped.
  const alertsOn = result.ok && args[0]?.toLowerCase() === 'enable' && args.slice(1).some((a) => a.toLowerCase().split(',').includes('alert_owners'));
  const nowhere = alertsOn && (await deps.alerts.targets(chat.id).catch(() => [undefined])).length === 0;
  const text = help && result.ok ? `<pre>${escapeHtml(result.reply)}</pre>` : escapeHtml(result.reply);
  // Named by its group: the queue's commands work there only, and an admin of two groups gets both here (real-client QA).
  if (queue && result.ok) return reply(await sendPrivately(deps, message, chat, `<b>${htmlText(chat.title, 100)}</b>\n${text}`, lang));
  reply(`${text}${nowhere ? `\n${textHtml(lang, 'alertsNowhere')}` : ''}`);
}

/** Sends `html` to the admin's private chat with the bot; what the group is told. */
async function sendPrivately(deps: AdapterDeps, message: Message.TextMessage, chat: GroupChat, html: string, lang: Language): Promise<string> {
  if (!message.from) return textHtml(lang, 'queueAnonymous');
  try {
    await deps.telegram.sendMessage(message.from.id, html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    return textHtml(lang, 'queueSent');
  } catch (error) {
    deps.log.info({ err: error, chat: chat.id }, 'queue: private chat with the admin not possible');
    return textHtml(lang, 'queueNeedsDm');
  }
}

/** The most the private queue's first line (the group's title, bold, cut to 100 characters) takes once escaped. */
const QUEUE_HEAD_MAX = 100 * 6 + '<b></b>\n'.length;

/** What wraps preformatted text in Telegram's HTML. */
const PRE = '<pre></pre>';

/** `/rg alerts` in the group: a one-time code to run where the alerts should go; `off` unlinks. */
async function alertsInGroup(deps: AdapterDeps, chat: GroupChat, admin: ChatMember, off: boolean, lang: Language): Promise<string> {
  if (off) {
    await deps.alerts.unlink(chat.id);
    await deps.moderator.recordAction('telegram', String(chat.id), { kind: 'admin', id: admin.id, name: admin.name }, 'alerts', 'owner alerts unlinked');
    return textHtml(lang, 'alertsOff');
  }
  const code = randomBytes(6).toString('base64url');
  await deps.store.set(alertCodeKey(code), { groupId: chat.id, title: chat.title }, ALERT_CODE_TTL_MS);
  return textHtml(lang, 'alertsCode', { code });
}

/** `/rg …` outside a group (a private chat): only `/rg alerts CODE` means something there. */
export async function linkAlertsFromElsewhere(deps: AdapterDeps, message: Message.TextMessage): Promise<void> {
  const args = commandArgs(message.text);
  const lang = languageOf(message.from?.language_code);
  if (args[0] === 'alerts' && args[1]) return linkAlerts(deps, message, args[1], lang);
  // Any other /rg here (/rg status in a private chat) is a group's command: say where it goes,
  // not that a code is unknown.
  answer(deps, message, textHtml(lang, 'rgInGroup'), 'low');
}

/** `/rg alerts CODE` where the alerts should go: links them if the sender administers that group. */
async function linkAlerts(deps: AdapterDeps, message: Message.TextMessage, code: string, lang: Language): Promise<void> {
  const reply = (html: string) => answer(deps, message, html);
  const origin = await deps.store.get<{ groupId: number; title: string }>(alertCodeKey(code));
  if (!origin) return reply(textHtml(lang, 'alertsBadCode'));
  const from = message.from;
  // Posting as a chat (the anonymous admin): who it is cannot be checked against the group the code came from.
  if (message.sender_chat) return reply(textHtml(lang, 'alertsAnonymous'));
  if (!from || !(await deps.admins.isAdmin(origin.groupId, from.id))) return reply(textHtml(lang, 'alertsNotAdmin'));
  await deps.store.delete(alertCodeKey(code));
  await deps.alerts.link(origin.groupId, message.chat.id);
  const where = isGroupChat(message.chat) ? `chat "${message.chat.title}"` : 'private chat';
  const name = displayName(from);
  await deps.moderator.recordAction('telegram', String(origin.groupId), { kind: 'admin', id: String(from.id), name }, 'alerts', `owner alerts linked to ${where} ${message.chat.id}`);
  reply(textHtml(lang, 'alertsLinked', { group: origin.title }));
}

/**
 * How many incidents `/rg incidents [n]` asks for: 5 when none is given; undefined (the usage is
 * answered) unless n is a whole number from 1. "abc" and "0" listed the default without a word,
 * where the playground answers with the usage (QA). More than MAX_RECENT_INCIDENTS lists that many.
 */
function incidentCount(args: readonly string[]): number | undefined {
  if (args.length === 0) return 5;
  const [n] = args;
  const count = n === undefined ? Number.NaN : wholeNumber(n);
  return args.length > 1 || !(count >= 1) ? undefined : count;
}

/** `/rg incidents [n]`: the latest incidents from the ledger. */
async function incidents(deps: AdapterDeps, chat: GroupChat, count: number, lang: Language): Promise<string> {
  if (!deps.ledger) return escapeHtml('The ledger is not available.');
  const lines = await recentIncidentsOf(deps.ledger, String(chat.id), count, lang);
  if (lines.length === 0) return textHtml(lang, 'noIncidents');
  // The newest lines that fit one message (Telegram refuses more than 4,096 characters, counted
  // after escaping): long names and many actions made twenty lines too long to be sent at all.
  const html = lines.map((l) => htmlText(l, 300));
  const kept: string[] = [];
  let length = 0;
  for (let i = html.length - 1; i >= 0; i--) {
    if (length + html[i]!.length + 1 > INCIDENTS_HTML_CHARS) break;
    kept.unshift(html[i]!);
    length += html[i]!.length + 1;
  }
  const left = html.length - kept.length;
  return [...(left > 0 ? [escapeHtml(`(${left} older left out: one message holds no more; /rg export has them all)`)] : []), ...kept].join('\n');
}

/** Characters of HTML `/rg incidents` lists at most: Telegram's 4,096, less room for the note on what was left out. */
const INCIDENTS_HTML_CHARS = 3900;

/**
 * `/rg export`: the management report (verified chain, incidents, admin actions) as a Markdown
 * document, sent privately to the admin who asked: it names members.
 */
async function exportLedger(deps: AdapterDeps, message: Message.TextMessage, chat: GroupChat, admin: ChatMember, lang: Language): Promise<string> {
  if (!deps.ledger || !message.from) return escapeHtml('The ledger is not available.');
  const groupId = String(chat.id);
  // Streamed to a file and sent from there: a long ledger's report is never whole in memory.
  const report = await managementReportFile(deps.ledger, groupId, lang, deps.now(), chat.title);
  try {
    const limit = deps.uploadLimitBytes ?? TELEGRAM_UPLOAD_LIMIT;
    const upload = await reportForChat(report, limit);
    if (upload.kind === 'too_large') return textHtml(lang, 'exportTooLarge', { size: fileSize(upload.bytes), limit: fileSize(limit) });
    const caption =
      textHtml(lang, 'exportCaption', { group: chat.title, entries: report.entries, status: report.status }) +
      (upload.compressed ? textHtml(lang, 'exportCompressed', { size: fileSize(upload.bytes) }) : '');
    await deps.telegram.sendDocument(message.from.id, { source: upload.path, filename: upload.filename }, { caption, parse_mode: 'HTML' });
  } catch (error) {
    deps.log.info({ err: error, chat: chat.id }, 'export: private chat with the admin not possible');
    return textHtml(lang, 'exportNeedsDm');
  } finally {
    await report.remove();
  }
  await deps.moderator.recordExport('telegram', groupId, { kind: 'admin', id: admin.id, name: admin.name }, report.entries);
  return textHtml(lang, 'exportSent');
}
