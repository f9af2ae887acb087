import type { Overturn } from '../ledger/ledgerRecord.js';
import { actAt } from '../rules/actAt.js';
import { ACTION_TYPES, SWITCHABLE_ACTIONS, type ActionType, type LadderAction } from '../rules/actionTypes.js';
import type { GroupSettings } from '../rules/settingsSchema.js';
import type { ChatMember } from '../engine/chatMessage.js';
import type { Engine, SettingsChange } from '../engine/engine.js';
import type { SettingsOverride } from '../engine/mergeSettings.js';
import type { FeedbackQueue } from '../feedback/feedbackQueue.js';
import type { Language } from '../engine/templates.js';
import { plainName, plainText } from '../engine/plainText.js';
import { ellipsize } from '../lib/cutText.js';
import { fillTemplate } from '../lib/fillTemplate.js';
import { wholeNumber } from '../lib/wholeNumber.js';
import { changesAnything } from './changeSettings.js';
import { DEFAULT_REPLY_LIMIT, replyPage, type ReplyLimit } from './replyPages.js';
import { ADMIN_HELP_TEXTS, COMMAND_TEXTS, PLATFORM_HELP_TEXTS, SETTINGS_WORDS, type CommandTextName, type PlatformCommand } from './commandTexts.js';

/** The outcome of an admin command: the text to answer with, and the change made, if any. */
export type CommandResult =
  | {
      ok: true;
      reply: string;
      /** What the command changed: `action` is the command's one name (`language`, never `lang`), for the ledger. */
      change?: { action: string; summary: string; override?: SettingsOverride; overturns?: Overturn[] };
      /** A member pardoned: the mute their strikes brought is lifted too, where the platform can (see Moderator.onAdminCommand). */
      lift?: { memberId: string };
      /** A member exempted: the answer says so when the platform has not seen them in the group (see Moderator.onAdminCommand). */
      exempted?: { memberId: string };
      /** A member looked up who has no strikes: the answer says so when the platform has not seen them either (a mistyped id). */
      lookedUp?: { memberId: string };
    }
  | { ok: false; error: CommandError; reply: string };

/**
 * A change told twice: `summary` is the ledger's admin-record detail, English and stable (exports
 * and earlier entries read so, whatever the group's language); `said` is the answer's account of it,
 * in the group's language. One string served both, and Chinese answers read "好的：enabled warn".
 */
interface Told {
  summary: string;
  said: string;
}

/** Expected failures, as values with identifiers (for translations and tests). */
export const COMMAND_ERRORS = {
  not_admin: COMMAND_TEXTS.en.not_admin,
  unknown_command: COMMAND_TEXTS.en.unknown_command,
  bad_argument: COMMAND_TEXTS.en.bad_argument,
  invalid_settings: COMMAND_TEXTS.en.invalid_settings,
} as const;
export type CommandError = keyof typeof COMMAND_ERRORS;

/** `/rg help` (and the playground's `/admin`): the commands every platform runs, then those `platformCommands` the platform runs itself. */
export function adminHelp(lang: Language, platformCommands: readonly PlatformCommand[] = []): string[] {
  return [...ADMIN_HELP_TEXTS[lang], ...platformCommands.map((c) => PLATFORM_HELP_TEXTS[lang][c])];
}

/** Commands whose arguments are words of ours (modes, actions, on/off), read in any case. */
const LOWERCASE_ARGS: ReadonlySet<string> = new Set(['mode', 'enable', 'disable', 'language', 'softreply', 'images', 'repeat', 'threshold']);

/**
 * Why each other action is not switched, and what does switch it: pointers and soft replies go
 * out with reply_refutation (decide.ts, isReplyLike) and are set by `/rg repeat` and
 * `/rg softreply`; every incident is logged in every mode.
 */
const NOT_SWITCHED = {
  pointer: 'pointerNotSwitched',
  suggest_check: 'softReplyNotSwitched',
  log: 'logAlwaysOn',
} as const satisfies Record<Exclude<ActionType, LadderAction>, CommandTextName>;

/** The thresholds `/rg threshold` sets, as its answer names them (the words `/rg status` uses). */
const THRESHOLD_NAMES = { suggest: 'suggestThreshold', act: 'actThreshold', answer: 'answerThreshold' } as const satisfies Record<string, CommandTextName>;

/** What a rumor posted again within the repeat window gets, in words. */
const LATER_NAMES = { pointer: 'laterPointer', silent: 'laterSilent' } as const satisfies Record<GroupSettings['repeat']['later'], CommandTextName>;

/** Actions only a ladder step takes: enabled, they happen only where a step names them. */
const LADDER_ONLY: ReadonlySet<ActionType> = new Set(['warn', 'mute', 'delete', 'alert_owners']);

/** Other names of commands: `status` is `settings`, `lang` is `language`, `reports` is `queue`. */
const ALIASES: Readonly<Record<string, string>> = { status: 'settings', lang: 'language', reports: 'queue' };

/** True when the text is addressed to RumorGuard as a command (`/rg …`). */
export const isAdminCommand = (text: string) => /^\/rg(?:@\w+)?(?:\s|$)/.test(text.trim());

/**
 * Runs `/rg …` for a group. Only admins may; every change goes through the engine's validated
 * configure(), so a chat command can never store settings the rules file could not hold.
 */
export async function runAdminCommand(
  engine: Engine,
  groupId: string,
  by: ChatMember,
  text: string,
  feedback?: FeedbackQueue,
  lang: Language = 'en',
  limit: ReplyLimit = DEFAULT_REPLY_LIMIT,
  platformCommands: readonly PlatformCommand[] = [],
  /** Whether the bot reads pictures at all (OCR on and installed), for `/rg settings` to say. */
  picturesReadable = true,
): Promise<CommandResult> {
  const textsIn = (l: Language) => (name: CommandTextName, values: Record<string, string | number> = {}) => fillTemplate(COMMAND_TEXTS[l][name], values);
  const t = textsIn(lang);
  const fail = (error: CommandError, detail?: string): CommandResult => ({ ok: false, error, reply: detail ? `${t(error)} ${detail}` : t(error) });
  const words = SETTINGS_WORDS[lang];
  const [, typed = 'help', ...typedArgs] = text.trim().split(/\s+/);
  // "/rg Mode Enforce" is "/rg mode enforce": commands and their words are lowercase. A member id,
  // a debunk id or a note keeps its case.
  const given = typed.toLowerCase();
  const args = LOWERCASE_ARGS.has(ALIASES[given] ?? given) ? typedArgs.map((a) => a.toLowerCase()) : typedArgs;
  // Short names the chat platforms' command menus use for the same commands.
  const sub = ALIASES[given] ?? given;
  // Members may look at the settings (nothing in them is secret, and a member wondering why the
  // bot answered may read its thresholds); every other command is the admins'.
  if (!by.isAdmin && sub !== 'settings') return fail('not_admin');
  // A change that depends on the current settings ("add warn") is computed inside the engine's
  // atomic update, from the settings stored at that moment: two admins enabling two actions at
  // once both get theirs. A summary that depends on them is made from the settings stored.
  // A change that changes nothing ("/rg mode enforce" in enforce mode) is answered with `already`
  // (by default, the summary said to be so already), stores nothing new and is not ledgered.
  // `answer`: the texts the reply is in (the group's language unless the command sets another).
  const configure = async (change: SettingsChange, told: Told | ((stored: GroupSettings) => Told), already?: string, answer = t): Promise<CommandResult> => {
    // Decided in the atomic update, like the change: whether there was anything to change. Stored
    // as given, an unchanged value would pin the group to it when the rules file's default moves.
    let changed = true;
    const r = await engine.configure(groupId, (current) => {
      const override = typeof change === 'function' ? change(current) : change;
      changed = changesAnything(current, override);
      return changed ? override : {};
    });
    if (!r.ok) return fail('invalid_settings', r.problems.join('; '));
    const { summary, said } = typeof told === 'function' ? told(r.settings) : told;
    if (!changed) return { ok: true, reply: already ?? answer('unchanged', { summary: said }) };
    return { ok: true, reply: answer('ok', { summary: said }), change: { action: sub, summary, override: r.override } };
  };
  switch (sub) {
    case 'help':
      return { ok: true, reply: adminHelp(lang, platformCommands).join('\n') };
    case 'settings':
      return { ok: true, reply: describeSettings(await engine.settingsFor(groupId), t, lang, picturesReadable) };
    case 'mode':
      if (args[0] !== 'observe' && args[0] !== 'enforce') return fail('bad_argument', t('useMode'));
      return configure({ mode: args[0] }, { summary: `mode ${args[0]}`, said: t('modeSet', { mode: words.mode(args[0]) }) }, t('modeAlready', { mode: words.mode(args[0]) }));
    case 'enable':
    case 'disable': {
      // "/rg enable warn mute" (or "warn,mute") enables both; one unknown word changes nothing.
      const named = [...new Set(args.flatMap((a) => a.split(',')).filter(Boolean))];
      if (named.length === 0 || !named.every((a) => (ACTION_TYPES as readonly string[]).includes(a))) {
        return fail('bad_argument', t('actions', { list: SWITCHABLE_ACTIONS.join(', ') }));
      }
      // "/rg disable pointer" was answered OK and changed nothing: said what does switch it instead.
      const notSwitched = (named as ActionType[]).filter((a): a is keyof typeof NOT_SWITCHED => a in NOT_SWITCHED);
      if (notSwitched.length > 0) {
        const { repeat } = await engine.settingsFor(groupId);
        return fail('bad_argument', notSwitched.map((a) => t(NOT_SWITCHED[a], { minutes: repeat.windowMinutes })).join(' '));
      }
      const actions = named as LadderAction[];
      const toggle = (current: GroupSettings): SettingsOverride => {
        const set = new Set(current.enabledActions);
        for (const action of actions) {
          if (sub === 'enable') set.add(action);
          else set.delete(action);
        }
        return { enabledActions: [...set] };
      };
      // An action no ladder step takes is enabled for nothing: "/rg enable delete" answered OK,
      // and nothing was ever deleted (the default ladder never deletes).
      return configure(
        toggle,
        (stored) => {
          const steps = Object.values(stored.ladder).flatMap((l) => l ?? []).flat();
          const unused = sub === 'enable' ? actions.filter((a) => LADDER_ONLY.has(a) && !steps.some((step) => step.type === a)) : [];
          return {
            summary: `${sub}d ${actions.join(', ')}${unused.length > 0 ? ` (no step of this group's ladder takes ${unused.join(' or ')}: add it to a ladder step in the rules file for it to happen)` : ''}`,
            said: `${t(sub === 'enable' ? 'enabled' : 'disabled', { actions: words.actions(actions) })}${unused.length > 0 ? t('noLadderStep', { actions: unused.map((a) => words.actions([a])).join(t('orSeparator')) }) : ''}`,
          };
        },
        t(sub === 'enable' ? 'enabledAlready' : 'notEnabled', { actions: words.actions(actions) }),
      );
    }
    case 'threshold': {
      const named = args[0] === 'suggest' || args[0] === 'act' || args[0] === 'answer';
      if (args[0] !== undefined && !named) return setBothThresholds(args, configure, t, () => fail('bad_argument', t('useBothThresholds')));
      const value = decimal(args[1]);
      if (!named || !Number.isFinite(value)) {
        return fail('bad_argument', t('useThreshold'));
      }
      // Said in the chat's words, with the command that does it, where the validator named the
      // settings' fields ("thresholds.suggest: must not be above thresholds.act") (QA).
      if (value < 0 || value > 1) return fail('bad_argument', t('thresholdRange', { value }));
      const { suggest, act } = (await engine.settingsFor(groupId)).thresholds;
      if (args[0] === 'act' && value < suggest) return fail('bad_argument', t('actBelowSuggest', { suggest, value, lower: Math.round(value * 50) / 100 }));
      if (args[0] === 'suggest' && value > act) return fail('bad_argument', t('suggestAboveAct', { act, value, higher: Math.min(1, Math.round((value + 0.2) * 100) / 100) }));
      // Questions are answered from `suggest` at the lowest and `act` at the highest (actAt): an
      // `answer` outside them was stored and ledgered as set, and changed nothing (QA).
      if (args[0] === 'answer' && (value < suggest || value > act)) return fail('bad_argument', t('answerOutOfRange', { suggest, act, value }));
      // An `answer` left below a raised `suggest` acts from `suggest`: the owner hears the score that applies.
      return configure({ thresholds: { [args[0]!]: value } }, (stored) => {
        const answered = actAt(stored.thresholds, 'question');
        const below = stored.thresholds.answer !== undefined && stored.thresholds.answer < stored.thresholds.suggest;
        return {
          summary: `${args[0]!} threshold ${value}${below ? ` (questions are answered from ${answered}, the suggest threshold, while answer is below it)` : ''}`,
          said: `${t('thresholdSet', { name: t(THRESHOLD_NAMES[args[0] as keyof typeof THRESHOLD_NAMES]), value })}${below ? t('answerBelowSuggest', { score: answered }) : ''}`,
        };
      });
    }
    case 'language': {
      if (!['auto', 'en', 'zh'].includes(args[0] ?? '')) return fail('bad_argument', t('useLanguage'));
      // Set to a language, the group is answered in it from this reply on ("/rg lang zh" → "好的：语言已设为中文").
      const set = args[0] as GroupSettings['language'];
      const now = set === 'auto' ? lang : set;
      const said = textsIn(now)('languageSet', { language: SETTINGS_WORDS[now].language(set) });
      return configure({ language: set }, { summary: `language ${set}`, said }, undefined, textsIn(now));
    }
    case 'softreply':
      if (args[0] !== 'on' && args[0] !== 'off') return fail('bad_argument', t('useOnOff'));
      return configure({ softReply: args[0] === 'on' }, { summary: `soft replies ${args[0]}`, said: t(args[0] === 'on' ? 'softReplyOn' : 'softReplyOff') });
    case 'images':
      if (args[0] !== 'on' && args[0] !== 'off') return fail('bad_argument', t('useOnOff'));
      return configure({ images: args[0] }, { summary: `text in pictures ${args[0] === 'on' ? 'read' : 'not read'}`, said: t(args[0] === 'on' ? 'imagesOn' : 'imagesOff') });
    case 'repeat': {
      // Plain decimal minutes: Number() took "0x10" as 16 and "1e3" as 1000.
      const minutes = decimal(args[0]);
      const later = args[1];
      if (!Number.isFinite(minutes) || (later !== undefined && later !== 'pointer' && later !== 'silent') || args.length > 2) {
        return fail('bad_argument', t('useRepeat'));
      }
      // Without a `later`, the group's current one stays (objects merge).
      const repeat = later === undefined ? { windowMinutes: minutes } : { windowMinutes: minutes, later };
      // A window of 0 min holds no repeat: every post of the rumor gets the refutation in full (decide.ts).
      const r = await configure({ repeat }, (stored) =>
        minutes === 0
          ? { summary: 'repeat window 0 min: every repeat gets the full refutation', said: t('repeatSetOff') }
          : { summary: `repeat window ${minutes} min, then ${stored.repeat.later}`, said: t('repeatSet', { minutes, later: t(LATER_NAMES[stored.repeat.later]) }) },
      );
      // Only the window's range can be wrong here: the usage says it, not the validator's words.
      return !r.ok && r.error === 'invalid_settings' ? fail('bad_argument', t('useRepeat')) : r;
    }
    case 'exempt':
    case 'unexempt': {
      const member = args[0];
      if (!member) return fail('bad_argument', t('nameMember'));
      const toggle = (current: GroupSettings): SettingsOverride => {
        const members = new Set(current.exemptions.members);
        if (sub === 'exempt') members.add(member);
        else members.delete(member);
        return { exemptions: { members: [...members] } };
      };
      // Nothing changed ("/rg unexempt 999999" of a member never exempted): said so, not ledgered.
      const r = await configure(
        toggle,
        { summary: `${sub === 'exempt' ? 'exempted' : 'no longer exempt:'} ${member}`, said: t(sub === 'exempt' ? 'exempted' : 'unexempted', { member }) },
        t(sub === 'exempt' ? 'alreadyExempt' : 'notExempt', { member }),
      );
      return sub === 'exempt' && r.ok && r.change ? { ...r, exempted: { memberId: member } } : r;
    }
    case 'strikes': {
      const member = args[0];
      if (!member) return fail('bad_argument', t('nameMember'));
      const strikes = await engine.strikesOf(groupId, member);
      const list = strikes.map((s) => `${new Date(s.at).toISOString().slice(0, 16)} ${s.debunkId}`).join('\n');
      const reply = `${t('strikes', { member, n: strikes.length })}${list ? `\n${list}` : ''}`;
      return strikes.length === 0 ? { ok: true, reply, lookedUp: { memberId: member } } : { ok: true, reply };
    }
    case 'pardon': {
      const member = args[0];
      const count = args[1] === undefined ? undefined : wholeNumber(args[1]);
      if (!member || (count !== undefined && !(count > 0))) {
        return fail('bad_argument', t('usePardon'));
      }
      const removed = await engine.pardon(groupId, member, count);
      // Nothing removed (no strikes, a mistyped id): said plainly ("OK: removed 0 strike(s)" read
      // as success), nothing changed, and nothing is ledgered.
      if (removed === 0) return { ok: true, reply: t('noStrikes', { member }) };
      return { ok: true, reply: t('removed', { n: removed, member }), change: { action: sub, summary: `pardoned ${member} (${removed})` }, lift: { memberId: member } };
    }
    case 'queue': {
      // "/rg queue abc" answered "page NaN": a page is a whole number from 1, or none (the first).
      const asked = args[0] === undefined ? 1 : wholeNumber(args[0]);
      if (!(asked >= 1) || args.length > 1) return fail('bad_argument', t('useQueue'));
      const items = (await feedback?.open(groupId)) ?? [];
      if (items.length === 0) return { ok: true, reply: t('queueEmpty') };
      // Members wrote the names and notes: neutralized (no mentions, controls, direction
      // overrides, line breaks) and kept short, like every text of theirs the bot repeats.
      const lines = items.map(
        (i) =>
          `${t('queueLine', { id: i.id, kind: t(i.kind === 'report' ? 'report' : 'dispute'), name: plainName(i.by.name, 64), message: plainText(i.messageId, 40) })}${i.debunkId ? ` (${i.debunkId})` : ''}${i.note ? `: ${plainText(i.note, 300)}` : ''}`,
      );
      const page = replyPage(lines, asked, limit, (at, pages) => t('queuePage', { page: at, pages }), ellipsize);
      return { ok: true, reply: page.text };
    }
    case 'accept':
    case 'reject': {
      const id = args[0];
      if (!id || !feedback) return fail('bad_argument', t('useResolve'));
      const r = await feedback.resolve(groupId, id, sub === 'accept' ? 'accepted' : 'rejected');
      if (!r.ok) return fail('bad_argument', t('noItem', { id }));
      let summary = `${sub === 'accept' ? 'accepted' : 'rejected'} ${r.item.kind === 'report' ? 'report' : '"not a rumor"'} ${id} by ${r.item.by.name} on message ${r.item.messageId}`;
      let said = t('resolved', {
        decision: t(sub === 'accept' ? 'acceptedWord' : 'rejectedWord'),
        kind: t(r.item.kind === 'report' ? 'report' : 'disputeKind'),
        id,
        name: r.item.by.name,
        message: r.item.messageId,
      });
      // The admins agree it was not a rumor: the strike the message earned is taken back.
      if (sub === 'accept' && r.item.kind === 'not_a_rumor') {
        const withdrawn = await engine.withdrawStrike(groupId, r.item.messageId);
        if (withdrawn.removed > 0) {
          summary += `; strike of ${withdrawn.memberId} withdrawn`;
          said += t('strikeWithdrawn', { member: String(withdrawn.memberId) });
        }
      }
      return { ok: true, reply: t('ok', { summary: said }), change: { action: sub, summary } };
    }
    default:
      return fail('unknown_command');
  }
}

/** A number as an admin writes it ("0.7", ".7", "1", "30"); anything else (hex "0x1", "1e0", "-5", "") is NaN. */
function decimal(text: string | undefined): number {
  return text !== undefined && /^(?:\d+(?:\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * `/rg threshold <act> [suggest]`: both thresholds in one validated change, so lowering act
 * below the current suggest threshold in the same command is not refused half-way.
 */
function setBothThresholds(
  args: readonly string[],
  configure: (override: SettingsOverride, told: Told) => Promise<CommandResult>,
  t: (name: CommandTextName, values?: Record<string, string | number>) => string,
  badArgument: () => CommandResult,
): Promise<CommandResult> | CommandResult {
  const act = decimal(args[0]);
  const suggest = args[1] === undefined ? undefined : decimal(args[1]);
  if (!Number.isFinite(act) || (suggest !== undefined && !Number.isFinite(suggest)) || args.length > 2) {
    return badArgument();
  }
  const thresholds = suggest === undefined ? { act } : { act, suggest };
  return configure(
    { thresholds },
    suggest === undefined
      ? { summary: `act threshold ${act}`, said: t('thresholdSet', { name: t('actThreshold'), value: act }) }
      : { summary: `act threshold ${act}, suggest threshold ${suggest}`, said: t('bothThresholdsSet', { act, suggest }) },
  );
}

/** `/rg status`: the group's settings, actions and lengths of time as `SETTINGS_WORDS` says them in the group's language. */
function describeSettings(s: GroupSettings, t: (name: CommandTextName, values?: Record<string, string | number>) => string, lang: Language, picturesReadable = true): string {
  const words = SETTINGS_WORDS[lang];
  const ladder = s.ladder.default
    .map((step, i) =>
      t('ladderStep', {
        n: i + 1,
        actions: step.map((a) => (a.durationMs ? t('actionFor', { action: words.actions([a.type]), duration: words.duration(a.durationMs) }) : words.actions([a.type]))).join(' + '),
      }),
    )
    .join(t('ladderSeparator'));
  const repeat = s.repeat.windowMinutes === 0 ? t('repeatOff') : t('repeatWindow', { minutes: s.repeat.windowMinutes, later: t(LATER_NAMES[s.repeat.later]) });
  return [
    t('settingsMode', { mode: words.mode(s.mode), language: words.language(s.language) }),
    // The score questions are really answered from (an `answer` below `suggest` acts from `suggest`).
    t('settingsThresholds', { suggest: s.thresholds.suggest, act: s.thresholds.act, answer: actAt(s.thresholds, 'question'), soft: t(s.softReply ? 'on' : 'off') }),
    // On for the group says nothing where the bot runs without OCR (real-client QA: "on" with OCR=off).
    t('settingsImages', { images: s.images === 'on' && !picturesReadable ? t('imagesUnreadable', { images: t(s.images) }) : t(s.images) }),
    t('settingsActions', { actions: words.actions(s.enabledActions) }),
    t('settingsLadder', { ladder }),
    t('settingsStrikes', { days: s.strikes.decayDays, repeat }),
    t('settingsExempt', { admins: t(s.exemptions.admins ? 'yes' : 'no'), members: s.exemptions.members.join(', ') || t('none') }),
  ].join('\n');
}
