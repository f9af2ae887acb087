import { fileImage } from '../../src/ocr/imageSource.js';
import { describeSkip } from '../../src/ocr/localImages.js';
import { createInterface } from 'node:readline';
import { adminHelp, isAdminCommand } from '../../src/commands/adminCommands.js';
import type { PlatformCommand } from '../../src/commands/commandTexts.js';
import { managementReportFile } from '../../src/ledger/export/managementReport.js';
import { recentIncidentsOf } from '../../src/ledger/recentIncidents.js';
import { access, copyFile, mkdir, stat } from 'node:fs/promises';
import { constants, existsSync } from 'node:fs';
import path from 'node:path';
import type { ChatMember, ChatMessage } from '../../src/engine/chatMessage.js';
import { answerLanguage, replyLanguage } from '../../src/engine/language.js';
import type { Language } from '../../src/engine/templates.js';
import type { Decision } from '../../src/engine/decision.js';
import type { Moderator } from '../../src/moderation/moderator.js';
import type { Ledger } from '../../src/ledger/ledger.js';
import { incidentViews } from '../../src/ledger/incidentOutcomes.js';
import { lastEntries } from '../../src/ledger/recentIncidents.js';
import { CHAIN_FAULTS } from '../../src/ledger/verifyChain.js';
import type { LoginLinks } from '../../src/dashboard/loginLinks.js';
import { PLAYGROUND_GROUP, PLAYGROUND_OWNER } from './consoleDirectory.js';
import { ConsoleMutes } from './consoleMutes.js';
import { feedbackAnswer } from './feedbackAnswer.js';
import { adminsOnly, playgroundText } from './playgroundTexts.js';
import { consolePort, formatAftermath, formatExplain } from './formatDecision.js';

export interface PlaygroundOptions {
  moderator: Moderator;
  /** The ledger the moderator writes to, for `/ledger`. */
  ledger?: Ledger;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** The dashboard's login links, for `/rg dashboard`; absent when the dashboard is off. */
  dashboardLinks?: LoginLinks;
  /** Where `/rg export` writes the management report (created when needed). @defaultValue data/exports */
  exportDir?: string;
  /** Who is muted here, shared with the dashboard's pardon (see consoleDirectoryWith). @defaultValue its own */
  mutes?: ConsoleMutes;
}

/** The `/rg` commands the playground runs itself, as the chat platforms do: `/rg help` lists them. */
const CONSOLE_COMMANDS: readonly PlatformCommand[] = ['incidents', 'export'];

const GROUP = PLAYGROUND_GROUP.id;
/** The playground's group owner: the one member who may run admin commands. */
const OWNER = PLAYGROUND_OWNER;

const HELP = [
  'You are in a local group chat. Type a message as a member; RumorGuard shows what it would do.',
  `  /as <name>     speak as another member (you are "alice"; "${OWNER}" is the group admin)`,
  '  /edit <text>   edit your last message (it is checked again)',
  '  /image <file> [caption]  post a picture: its text is read (OCR) and checked with the caption',
  '  /why           every rule considered for the last message',
  '  /admin         the admin commands (/rg …); /rg dashboard as the owner opens the web dashboard',
  '  /ledger        check this group\'s ledger and show its last entries',
  '  /report [why]  report the last message as a rumor; /notrumor [why] dispute the match of your own',
  '                 latest matched message (as "Not a rumor?" under the reply to it does)',
  '  /help, /quit',
  'This console is for trying RumorGuard on your own machine: here /ledger has no admin check and /as owner',
  'makes you the admin. It reads only this terminal and is never reachable from a network; a real group is',
  'connected with a platform token, where only the group\'s own admins configure.',
];

/** The playground's own commands that take an argument, in full, and their usage when it is missing. */
const COMMAND_FORMS = {
  as: { form: /^\/as\s+(\S+)$/, usage: '  Use /as <name> (one word): speak as another member.' },
  edit: { form: /^\/edit\s+(.+)$/, usage: '  Use /edit <text>: edit your last message.' },
  image: { form: /^\/image\s+(\S+)(?:\s+(.*))?$/, usage: '  Use /image <file> [caption]: post a picture.' },
} as const;

/**
 * The usage of a playground command typed without what it needs (`/as`, `/edit`, `/as two words`),
 * or undefined: such a line is a mistyped command, not a chat message to post.
 */
function usageOf(text: string): string | undefined {
  const command = /^\/(as|edit|image)(?:\s|$)/.exec(text)?.[1] as keyof typeof COMMAND_FORMS | undefined;
  return command && !COMMAND_FORMS[command].form.test(text) ? COMMAND_FORMS[command].usage : undefined;
}

const storeTrouble = (error: unknown) => ({ reply: `  (could not handle that message: ${(error as Error).message})` });

/** `/ledger`: verification and the last entries of the playground group. */
async function describeLedger(ledger: Ledger): Promise<string[]> {
  try {
    const check = await ledger.verify(GROUP);
    // The end of the chain, enough of it for the lines shown (with their outcomes, which follow).
    const entries = await lastEntries(ledger, GROUP, (es) => es.filter((e) => e.record.type !== 'outcome').length >= 5);
    const head = check.ok ? `  ledger OK: ${check.entries} entries` : `  ledger FAILED at seq ${check.seq}: ${CHAIN_FAULTS[check.fault]}`;
    // Outcome entries are shown on their incident's line: what was decided, and what became of it.
    const views = new Map(incidentViews(entries).map((v) => [v.entry.seq, v]));
    const shown = entries.filter((e) => e.record.type !== 'outcome').slice(-5);
    return [
      head,
      ...shown.map((e) => {
        const r = e.record;
        const view = views.get(e.seq);
        const what =
          r.type === 'incident'
            ? `${r.member.name}: ${[r.debunkId, ...(r.also ?? []).map((c) => c.debunkId)].join(' + ')} (${view?.actions.map((a) => `${a.type} ${a.status}`).join(', ') || 'logged'})`
            : r.type === 'admin'
              ? `${r.by.kind === 'admin' ? r.by.name : 'bot'}: ${r.detail}`
              : '';
        return `  #${e.seq} ${e.at.slice(11, 19)} ${what}`;
      }),
    ];
  } catch (error) {
    return [`  (the ledger cannot be read: ${(error as Error).message})`];
  }
}

/** The local playground: a console group chat driven by the real engine, store and ledger. */
export async function runPlayground({ moderator, ledger, input, output, dashboardLinks, exportDir = path.join('data', 'exports'), mutes = new ConsoleMutes() }: PlaygroundOptions): Promise<void> {
  const write = (lines: string[]) => output.write(`${lines.join('\n')}\n`);
  // Members muted here (`mutes`), for a pardon to lift as the platforms do (see Moderator.onAdminCommand).
  // Review's answers to earlier messages (a report accepted as a debunk) and its notices.
  moderator.reviewPorts.set('console', {
    portFor: (message) => {
      const lines: string[] = [];
      const port = consolePort(lines, message.member, mutes);
      return { ...port, reply_refutation: async (i) => (await port.reply_refutation(i), write([`  (to ${message.member.name}'s message ${message.messageId})`, ...lines]), { status: 'done' }) };
    },
    notify: async (_group, messageId, text) => (write([`  RumorGuard (to message ${messageId}): ${text}`]), { status: 'done' }),
    tellPrivately: async (userId, text) => (write([`  RumorGuard (privately to ${userId}): ${text}`]), { status: 'done' }),
  });
  const member = (name: string): ChatMember => ({ id: name, name, isAdmin: name === OWNER });
  let current = member('alice');
  let counter = 0;
  // Message ids must stay unique across runs: the store remembers which messages were counted.
  const run = Date.now().toString(36);
  let last: Decision | undefined;
  /** The latest message of the chat, whoever sent it, and each member's latest that matched a rumor. */
  let latest: ChatMessage | undefined;
  const latestMatchedOf = new Map<string, { message: ChatMessage; debunkId: string }>();
  /** What a message matched now: an edit into no rumor leaves nothing of the member's to dispute. */
  const noteMatched = (message: ChatMessage, decision: Decision) => {
    const top = decision.matches[0];
    if (top) latestMatchedOf.set(message.member.id, { message, debunkId: top.debunkId });
    else if (latestMatchedOf.get(message.member.id)?.message.messageId === message.messageId) latestMatchedOf.delete(message.member.id);
  };
  const lastMessageOf = new Map<string, ChatMessage>();
  // The language each member last wrote in: with `language: auto`, what the platforms read from a
  // member's client (Telegram's language_code) and the console has not. A member who writes
  // Chinese and types `/rg settings` is answered in Chinese (QA: their refusal was English).
  const spoken = new Map<string, Language>();
  /** The language to answer the current member in: the group's setting, else theirs. */
  const answerIn = async (words: string): Promise<Language> => {
    const setting = (await moderator.engine.settingsFor(GROUP).catch(() => undefined))?.language ?? 'auto';
    return answerLanguage(setting, words, spoken.get(current.id));
  };
  /** Members who posted here this session (a text or a picture). */
  const posted = new Set<string>();
  /** A member the playground has seen: they posted here this session, or have strikes in force. */
  const seen = async (memberId: string) =>
    posted.has(memberId) || (await moderator.engine.strikesOf(GROUP, memberId).then((s) => s.length > 0, () => true));
  write(HELP);

  const rl = createInterface({ input, terminal: false });
  for await (const line of rl) {
    const text = line.trim();
    if (text === '') continue;
    if (text === '/quit') break;
    if (text === '/help') {
      write(HELP);
      continue;
    }
    if (text === '/admin') {
      write([`Admin commands (speak as "${OWNER}" first: /as ${OWNER}):`, ...adminHelp('en', CONSOLE_COMMANDS).map((l) => `  ${l}`)]);
      continue;
    }
    if (text === '/why') {
      write(last ? formatExplain(last) : ['  (no message yet)']);
      continue;
    }
    const usage = usageOf(text);
    if (usage) {
      write([usage]);
      continue;
    }
    const as = COMMAND_FORMS.as.form.exec(text);
    if (as) {
      current = member(as[1]!);
      write([`  (you are now ${current.name}${current.isAdmin ? ', a group admin' : ''})`]);
      continue;
    }
    const feedback = /^\/(report|notrumor)(?:\s+(.*))?$/.exec(text);
    if (feedback) {
      const kind = feedback[1] === 'report' ? 'report' : 'not_a_rumor';
      // A dispute is about the speaker's own message (QA: ben's /notrumor was filed against cat's
      // refutation, posted after his struck message), as "Not a rumor?" under the reply to it is.
      const own = latestMatchedOf.get(current.id);
      const about = kind === 'report' ? latest : own?.message;
      if (!about) {
        write([kind === 'report' ? '  (no message to report yet)' : `  (${current.name} has no matched message to dispute yet)`]);
        continue;
      }
      const note = feedback[2] ?? '';
      const r = await moderator.onFeedback(kind, about, current, note, kind === 'not_a_rumor' ? own?.debunkId : undefined);
      // As the platforms answer a member: the group's language, else the one their words are in.
      write([`  ${feedbackAnswer(await answerIn(note), kind, r, current.name)}`]);
      continue;
    }
    if (text === '/ledger') {
      // What was handed to the ledger so far is shown once it is there.
      await moderator.settled();
      write(ledger ? await describeLedger(ledger) : ['  (no ledger)']);
      continue;
    }
    if (/^\/rg(?:@\w+)?\s+dashboard\s*$/.test(text)) {
      // The dashboard opens in the group's language, as the platforms' links do (after `/rg lang zh`, in Chinese).
      write(await dashboardLink(dashboardLinks, current, await answerIn(text)));
      continue;
    }
    const own = /^\/rg(?:@\w+)?\s+(incidents|export)(?:\s+(\S+))?\s*$/.exec(text);
    if (own) {
      const lang = await answerIn(text);
      if (!current.isAdmin) write([`  ${adminsOnly(lang, own[1]!, OWNER)}`]);
      else if (!ledger) write([`  ${playgroundText(lang, 'noLedger')}`]);
      else {
        // What was handed to the ledger so far is in the report or the list.
        await moderator.settled();
        write(own[1] === 'export' ? await exportReport(moderator, ledger, current, exportDir, lang) : await latestIncidents(ledger, own[2], lang));
      }
      continue;
    }
    if (isAdminCommand(text)) {
      // As the platforms answer an admin: in the group's language (a Chinese group's answers were English here).
      const lang = await answerIn(text);
      const result = await moderator.onAdminCommand('console', GROUP, current, text, lang, undefined, CONSOLE_COMMANDS, mutes.lift, seen).catch(storeTrouble);
      write(result.reply.split('\n').map((l) => `  ${l}`));
      continue;
    }
    const picture = COMMAND_FORMS.image.form.exec(text);
    if (picture) {
      if (!moderator.imageLimits) {
        write(['  (pictures are not read: OCR is off (OCR=off) or not installed)']);
        continue;
      }
      const missing = await unreadableFile(picture[1]!);
      if (missing) {
        write([`  (no picture posted: ${missing})`]);
        continue;
      }
      const message: ChatMessage = {
        platform: 'console',
        groupId: GROUP,
        messageId: `${run}-${++counter}`,
        member: current,
        text: picture[2] ?? '',
        sentAt: Date.now(),
        link: `console#${run}-${counter}`,
      };
      posted.add(current.id);
      try {
        const shown: string[] = [];
        const { read, handled } = await moderator.onPictures(message, [fileImage(picture[1]!)], consolePort(shown, current, mutes));
        const [image] = await read;
        write([image?.ok ? `  (text in the picture: ${image.text === '' ? 'none' : image.text})` : `  (the picture was not read: ${image ? describeSkip(image) : 'pictures are off in this group (/rg images on)'})`]);
        const done = await handled;
        if (!done) continue;
        const results = (await done.outcomes) ?? [];
        last = done.decision;
        latest = message;
        noteMatched(message, done.decision);
        const lines = [...shown, ...formatAftermath(done.decision, results, current.name)];
        write(lines.length > 0 ? lines : ['  (nothing to do)']);
      } catch (error) {
        write([storeTrouble(error).reply]);
      }
      continue;
    }
    const edit = COMMAND_FORMS.edit.form.exec(text);
    const previous = lastMessageOf.get(current.id);
    if (edit && !previous) {
      write(['  (nothing to edit yet)']);
      continue;
    }
    const message: ChatMessage = edit
      ? { ...previous!, text: edit[1]!, edited: true, sentAt: Date.now() }
      : {
          platform: 'console',
          groupId: GROUP,
          messageId: `${run}-${++counter}`,
          member: current,
          text,
          sentAt: Date.now(),
          link: `console#${run}-${counter}`,
        };
    lastMessageOf.set(current.id, message);
    posted.add(current.id);
    spoken.set(current.id, replyLanguage('auto', message.text));
    try {
      const shown: string[] = [];
      const { decision, recorded, outcomes } = await moderator.onMessage(message, consolePort(shown, current, mutes));
      const results = (await outcomes) ?? [];
      last = decision;
      latest = message;
      noteMatched(message, decision);
      const lines = [...shown, ...formatAftermath(decision, results, current.name)];
      write(lines.length > 0 ? lines : ['  (nothing to do)']);
      if (recorded?.storeError) {
        write([`  (the store is unreachable: ${recorded.waiting} ledger record(s) wait on disk and will be replayed)`]);
      }
    } catch (error) {
      // One failed message never stops the chat: say what went wrong and read the next line.
      write([storeTrouble(error).reply]);
    }
  }
  rl.close();
}

/**
 * Why a picture file cannot be posted (no such file, a folder, not readable), or undefined when it
 * can: a mistyped path is the user's to fix, answered in the chat, not a picture the reader skips
 * (which the operator's log records, in the middle of the chat).
 */
async function unreadableFile(file: string): Promise<string | undefined> {
  try {
    if (!(await stat(file)).isFile()) return `${file} is not a file`;
    await access(file, constants.R_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? `there is no file ${file}` : `${file} cannot be read (${code ?? (error as Error).message})`;
  }
}

/** `/rg dashboard`: a login link for the owner, printed (the console is their private chat). */
async function dashboardLink(links: LoginLinks | undefined, member: ChatMember, lang: Language): Promise<string[]> {
  if (!member.isAdmin) return [`  ${adminsOnly(lang, 'dashboard', OWNER)}`];
  if (!links) return [`  ${playgroundText(lang, 'dashboardOff')}`];
  const { url } = await links.issue({ platform: 'console', user: { id: member.id, name: member.name }, groupId: GROUP, groupTitle: PLAYGROUND_GROUP.title, lang });
  return [`  ${playgroundText(lang, 'dashboardLink', { url })}`];
}

/** `/rg incidents [n]`: the latest incidents from the ledger, as the chat platforms list them. */
async function latestIncidents(ledger: Ledger, count: string | undefined, lang: Language): Promise<string[]> {
  const n = count === undefined ? 5 : Number(count);
  if (!Number.isInteger(n) || n < 1) return [`  ${playgroundText(lang, 'useIncidents')}`];
  try {
    const lines = await recentIncidentsOf(ledger, GROUP, n, lang);
    return lines.length === 0 ? [`  ${playgroundText(lang, 'noIncidents')}`] : lines.map((l) => `  ${l}`);
  } catch (error) {
    return [`  ${playgroundText(lang, 'ledgerUnreadable', { error: (error as Error).message })}`];
  }
}

/**
 * `/rg export`: the management report (verified chain, incidents, admin actions), as the chat
 * platforms send it to the admin who asks, written into `dir` here; the export is ledgered.
 */
async function exportReport(moderator: Moderator, ledger: Ledger, by: ChatMember, dir: string, lang: Language): Promise<string[]> {
  try {
    const report = await managementReportFile(ledger, GROUP, lang, Date.now(), PLAYGROUND_GROUP.title);
    let target: string;
    try {
      await mkdir(dir, { recursive: true });
      target = freeName(path.join(dir, report.filename));
      await copyFile(report.path, target);
    } finally {
      await report.remove();
    }
    await moderator.recordExport('console', GROUP, { kind: 'admin', id: by.id, name: by.name }, report.entries);
    return [`  ${playgroundText(lang, 'reportWritten', { file: target, entries: report.entries, status: report.status })}`];
  } catch (error) {
    return [`  ${playgroundText(lang, 'reportFailed', { error: (error as Error).message })}`];
  }
}

/** `file`, or the first of `name-2.ext`, `name-3.ext`, … that does not exist yet: an earlier report is kept. */
function freeName(file: string): string {
  const { dir, name, ext } = path.parse(file);
  let candidate = file;
  for (let k = 2; existsSync(candidate); k++) candidate = path.join(dir, `${name}-${k}${ext}`);
  return candidate;
}
