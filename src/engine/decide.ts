import type { Debunk } from '../debunks/schema.js';
import { actAt } from '../rules/actAt.js';
import type { ClaimMatch, MessageMatch, Stance } from '../matching/types.js';
import type { ActionType } from '../rules/actionTypes.js';
import { exemptionOf } from '../rules/exemption.js';
import { REASONS, type Reason, type RuleOutcome } from '../rules/reasons.js';
import { ladderFor, type GroupSettings, type Ladder } from '../rules/settingsSchema.js';
import type { ChatMessage } from './chatMessage.js';
import type { ActionIntent, Decision } from './decision.js';
import { replyLanguage } from './language.js';
import type { MessageState, ReplyRecord, Strike } from './memberState.js';
import { refutationContent } from './refutationContent.js';
import { QUIET_REPLY_INTERVAL_MS } from '../lib/cooldown.js';
import type { Language } from './templates.js';

/** An intent as decide() builds it: the fields every intent shares are added on the way out. */
type Draft = ActionIntent extends infer I ? (I extends ActionIntent ? Omit<I, 'reason' | 'detail' | 'language'> : never) : never;

export interface DecideInput {
  message: ChatMessage;
  settings: GroupSettings;
  /** The matcher's result for the message (matches at or above the suggest threshold). */
  match: MessageMatch;
  /** Debunks the message matched that the group excludes (retired there, or a recorded false positive): not in `match`. */
  excluded?: readonly string[];
  debunks: ReadonlyMap<string, Debunk>;
  state: MessageState;
  now: number;
}

/** State to write back once the decision stands. */
export interface StateChanges {
  strike?: Strike;
  reply?: { debunkId: string; record: ReplyRecord };
  /**
   * A pointer to the rumor's last refutation went out, to this member: `paced` when it counts
   * towards the pacing (see ReplyRecord.pointedAt), not when it went to a member passed over before.
   */
  pointed?: { debunkId: string; memberId: string; paced: boolean };
  /** This member's post got nothing: their next gets a pointer (see MessageState.passedOver). */
  passedOver?: { debunkId: string; memberId: string };
  counted?: string;
}

/**
 * The rules, as a pure function of the message, the group's settings and what is known of the
 * member: which actions to take, which to withhold, and for every rule why it fired or not.
 */
/**
 * A score as a dry run compares it with a threshold: to two places, or as many more as it takes
 * for the figure to fall on the side of the threshold the score does (0.797 is not "0.80 < 0.8").
 */
export function scoreBeside(score: number, threshold: number): string {
  for (let places = 2; places < 6; places++) {
    const shown = Number(score.toFixed(places));
    if (score < threshold ? shown < threshold : shown >= threshold) return score.toFixed(places);
  }
  return String(score);
}

export function decide(input: DecideInput): { decision: Decision; changes: StateChanges } {
  const { message, settings, match, debunks, state, now } = input;
  const lang = replyLanguage(settings.language, message.text);
  const explain: RuleOutcome[] = [];
  const intents: ActionIntent[] = [];
  const changes: StateChanges = {};
  const note = (rule: string, fired: boolean, reason: Reason, detail?: string) =>
    explain.push({ rule, fired, reason, ...(detail === undefined ? {} : { detail }) });
  const intent = (draft: Draft, reason: Reason, detail: string) => intents.push({ ...draft, reason, detail, language: lang } as ActionIntent);

  const top = match.matches[0];
  const debunk = top ? debunks.get(top.debunkId) : undefined;
  const strikesBefore = state.strikes.length;
  const finish = (strikesAfter: number) => {
    const decision = buildDecision(input, lang, intents, explain, strikesBefore, strikesAfter);
    // What the member really gets with the strike, for the ladder to read next time.
    if (changes.strike) changes.strike.got = decision.actions.flatMap((a) => (a.type === 'warn' || a.type === 'mute' || a.type === 'delete' ? [a.type] : []));
    // A refutation that was not posted (not enabled) must not be pointed to later.
    if (decision.withheld.some((w) => w.type === 'reply_refutation' && w.withheldBecause === 'action_disabled')) {
      delete changes.reply;
    }
    // The owners hear what the bot is doing: the actions it carries out (a pointer rather than a
    // refutation inside the repeat window), not the ladder step as written.
    const doing = decision.actions.flatMap((a) => (a.type === 'log' || a.type === 'alert_owners' ? [] : [a.type]));
    for (const a of [...decision.actions, ...decision.withheld]) if (a.type === 'alert_owners') a.planned = doing;
    return { decision, changes };
  };

  // 0. What the group keeps from matching: said, so a dry run does not blame the score alone.
  if (input.excluded && input.excluded.length > 0) note('exclusion', true, 'excluded', input.excluded.join(', '));

  // 1. Thresholds.
  if (!top || !debunk) {
    note('threshold', false, 'no_match');
    return finish(strikesBefore);
  }
  const score = top.score.toFixed(2);
  const { suggest } = settings.thresholds;
  const act = actAt(settings.thresholds, match.stance);
  // A question is answered from the answer threshold: the reasons name the one that applied.
  const asks = act !== settings.thresholds.act;
  if (top.score < suggest) {
    note('threshold', false, 'below_suggest', `score ${scoreBeside(top.score, suggest)} < ${suggest}`);
    return finish(strikesBefore);
  }
  intent({ type: 'log', debunkId: debunk.id }, 'incident', `${debunk.id}, score ${score}`);
  if (top.score < act) {
    note('threshold', false, asks ? 'suggest_only_question' : 'suggest_only', `score ${scoreBeside(top.score, act)} < ${act}`);
    const soft = settings.softReply && !match.refuting;
    note('soft_reply', soft, soft ? 'soft_reply' : 'suggest_only');
    if (soft) intent({ type: 'suggest_check', debunkId: debunk.id, claim: debunk.claim, verdict: debunk.verdict }, 'soft_reply', `score ${score}`);
    return finish(strikesBefore);
  }
  note('threshold', true, asks ? 'at_answer' : 'at_act', `score ${scoreBeside(top.score, act)} ≥ ${act}`);

  // 2. Only spreading climbs the ladder: a refutation or a laugh gets nothing, a question the
  // refutation worded as an answer, and no strike.
  const why = `${match.stance}${match.stanceCues.length > 0 ? `: ${match.stanceCues.join(', ')}` : ''}`;
  const stanceReason = STANCE_REASONS[match.stance];
  note('refuting', match.stance !== 'spread', stanceReason, match.stance === 'spread' && match.stanceCues.length === 0 ? undefined : why);
  if (match.stance === 'refute' || match.stance === 'mock') return finish(strikesBefore);
  if (match.stance === 'question') {
    addRefutation(input, lang, debunk, top, REASONS.asking, intent, note, changes);
    return finish(strikesBefore);
  }

  // 3. An edit of a message already counted for this rumor is not a new offence.
  const counted = state.counted.includes(debunk.id);
  note('edit', counted, counted ? 'already_counted' : 'first_count', message.edited ? 'edited message' : undefined);
  if (counted) return finish(strikesBefore);
  changes.counted = debunk.id;

  // 4. Exemptions: no strike; the refutation may still be shown.
  const exempt = exemptionOf(message, settings);
  note('exemption', exempt !== undefined, exempt?.reason ?? 'not_exempt', exempt?.detail);
  let ladderActions: { type: ActionType; durationMs?: number }[];
  let strikesAfter = strikesBefore;
  let refuteInput = input;
  if (exempt) {
    const show = settings.exemptions.showRefutation;
    note('exempt_refutation', show, show ? 'exempt_shown' : 'exempt_hidden');
    ladderActions = show ? [{ type: 'reply_refutation' }] : [];
  } else {
    // 5. The ladder, by the member's active strikes including this one; a strike only for a member
    // who is told: one the step only answers, inside the repeat window of a rumor answered here
    // moments ago (no second reply, or a pointer that just went to someone else), is not.
    const ladder = ladderFor(settings, debunk.severity);
    const next = gradedStep(ladder, Math.min(strikesBefore + 1, ladder.length) - 1, state.strikes, settings, note);
    const quiet = unansweredRepeat(input);
    // One who got that refutation, or the last pointer to it, was told already: they spread it knowingly.
    const last = state.lastReply;
    const toldBefore = last !== undefined && (last.memberId === message.member.id || last.pointedTo === message.member.id);
    // A warning or a mute the group has on tells the member; one it has off (or only watches) does not.
    const sanctions = (type: ActionType) => next.some((a) => a.type === type) && carriesOut(settings, type);
    if (quiet && !toldBefore && !sanctions('warn') && !sanctions('mute')) {
      note('ladder', false, 'not_told', REASONS[quiet]);
      if (quiet === 'repeat_paced') changes.passedOver = { debunkId: debunk.id, memberId: message.member.id };
      // Notes why nothing goes out (the 'repeat' rule); no intent comes of it.
      addRefutation(input, lang, debunk, top, `strike ${strikesBefore} kept`, intent, note, changes);
      return finish(strikesBefore);
    }
    // Muted while pointers are paced, with no warning to say why: a pointer goes to them all the
    // same, so they are told in words whatever the platform makes of the mute (one it refuses
    // says nothing).
    if (quiet === 'repeat_paced' && sanctions('mute') && !sanctions('warn')) {
      refuteInput = { ...input, state: { ...state, passedOver: true } };
    }
    // A dry run says why a strike comes with nothing said (QA: "strike 2, step 2 of 4" and silence).
    if (quiet && toldBefore) note('told', true, 'told_before');
    strikesAfter = strikesBefore + 1;
    changes.strike = { at: now, debunkId: debunk.id, messageId: message.messageId };
    note('ladder', true, 'ladder_step', `strike ${strikesAfter}, step ${Math.min(strikesAfter, ladder.length)} of ${ladder.length}`);
    ladderActions = next;
  }

  const memberName = message.member.name;
  const stepDetail = exempt ? REASONS[exempt.reason] : `strike ${strikesAfter}`;
  const id = debunk.id;
  for (const a of ladderActions) {
    switch (a.type) {
      case 'reply_refutation':
        addRefutation(refuteInput, lang, debunk, top, stepDetail, intent, note, changes);
        break;
      case 'warn':
        intent({ type: 'warn', debunkId: id, memberName, strikes: strikesAfter, decayDays: settings.strikes.decayDays }, 'ladder_step', stepDetail);
        break;
      case 'mute':
        intent({ type: 'mute', debunkId: id, memberName, durationMs: a.durationMs ?? 0 }, 'ladder_step', stepDetail);
        break;
      case 'delete':
        intent({ type: 'delete', debunkId: id }, 'ladder_step', stepDetail);
        break;
      case 'alert_owners':
        intent(
          {
            type: 'alert_owners',
            debunkId: id,
            claim: debunk.claim,
            memberName,
            memberId: message.member.id,
            score: top.score,
            strikes: strikesAfter,
            planned: [], // filled in by finish(), once it is known what is carried out
            ...(message.link ? { link: message.link } : {}),
            owners: settings.owners,
          },
          'ladder_step',
          stepDetail,
        );
        break;
    }
  }
  return finish(strikesAfter);
}

/** Whether the group carries out actions of this type: enforcing, with the action enabled. */
const carriesOut = (settings: GroupSettings, type: ActionType): boolean => settings.mode === 'enforce' && settings.enabledActions.includes(type);

/**
 * The ladder step at `index`, or an earlier one when the member never got what leads up to it: a
 * member is warned before a first mute, and a first mute is the ladder's first. Strikes count while
 * the group has warnings and mutes off (refutations only) or watches only; the owner who then turns
 * them on would otherwise mute a member at once, for 24 hours, whom nothing ever warned. Read from
 * the sanctions each active strike really came with (Strike.got); strikes written before that
 * was kept leave the ladder as it is.
 */
function gradedStep(
  ladder: Ladder,
  index: number,
  strikes: readonly Strike[],
  settings: GroupSettings,
  note: (rule: string, fired: boolean, reason: Reason, detail?: string) => void,
): Ladder[number] {
  const step = ladder[index]!;
  if (!step.some((a) => a.type === 'mute') || strikes.some((s) => s.got === undefined)) return step;
  const got = (type: 'warn' | 'mute') => strikes.some((s) => s.got!.includes(type));
  const firstWith = (type: ActionType) => ladder.findIndex((st) => st.some((a) => a.type === type));
  // Only where the group carries the earlier step out: with mutes off (or in observe mode) the step
  // stays as written, what the ladder would do, as a dry run or a scan of a chat log tells it.
  let at = index;
  if (carriesOut(settings, 'warn') && !got('warn') && !got('mute') && firstWith('warn') >= 0 && firstWith('warn') < at) at = firstWith('warn');
  else if (carriesOut(settings, 'mute') && !got('mute') && firstWith('mute') < at) at = firstWith('mute');
  if (at === index) return step;
  note('ladder_graded', true, 'ladder_graded', `step ${at + 1} instead of ${index + 1}`);
  return ladder[at]!;
}

/** The rule outcome for each stance. */
const STANCE_REASONS = { spread: 'not_refuting', question: 'asking', refute: 'refuting', mock: 'mocking' } as const satisfies Record<Stance, Reason>;

/** The refutation reply, or a pointer / nothing when the same rumor was refuted moments ago. */
function addRefutation(
  input: DecideInput,
  lang: Language,
  debunk: Debunk,
  top: ClaimMatch,
  detail: string,
  intent: (draft: Draft, reason: Reason, detail: string) => void,
  note: (rule: string, fired: boolean, reason: Reason, detail?: string) => void,
  changes: StateChanges,
): void {
  const { settings, state, now, message } = input;
  const windowMs = settings.repeat.windowMinutes * 60_000;
  const last = state.lastReply;
  // The refutation is under this very message already (it asked, and was edited into the rumor):
  // neither a second one nor a pointer to itself.
  if (last && now - last.at < windowMs && last.messageId === message.messageId) {
    note('repeat', true, 'repeat_here', `reply ${Math.round((now - last.at) / 1000)} s ago`);
    return;
  }
  if (last && now - last.at < windowMs) {
    const quiet = unansweredRepeat(input);
    const ago = `first reply ${Math.round((now - last.at) / 1000)} s ago`;
    if (quiet) {
      note('repeat', true, quiet, quiet === 'repeat_paced' ? `${ago}, last pointer ${Math.round((now - last.pointedAt!) / 1000)} s ago` : ago);
      return;
    }
    note('repeat', true, 'repeat_pointer', ago);
    const asked = input.match.stance === 'question';
    intent({ type: 'pointer', debunkId: debunk.id, answeredMsAgo: now - last.at, ...(last.link ? { link: last.link } : {}), ...(asked ? { asked: true as const } : {}) }, 'repeat_pointer', detail);
    // A member who asked is answered whatever went out before; the pointers that pass a rumor on
    // are paced, but for one already passed over.
    if (!asked) changes.pointed = { debunkId: debunk.id, memberId: message.member.id, paced: !state.passedOver };
    return;
  }
  note('repeat', false, 'first_in_window');
  const stance = input.match.stance;
  intent(
    { type: 'reply_refutation', debunkId: debunk.id, refutation: refutationContent(debunk, lang, stance) },
    stance === 'question' ? 'asking' : 'ladder_step',
    `${detail}; matched "${top.explanation.phrase.text}"`,
  );
  changes.reply = {
    debunkId: debunk.id,
    record: {
      at: now,
      messageId: message.messageId,
      memberId: message.member.id,
      ...(message.link ? { link: message.link } : {}),
      ...(stance === 'question' ? { asked: true as const } : {}),
    },
  };
}

/**
 * Why a message of a rumor answered here moments ago gets nothing (not even a pointer): the group
 * wants no second reply, or a pointer went out less than QUIET_REPLY_INTERVAL_MS ago and this one
 * only passes the rumor on (a member who asks is always answered). Undefined outside the repeat
 * window, on the message that got the refutation itself, and when a pointer goes out.
 */
function unansweredRepeat(input: DecideInput): 'repeat_silent' | 'repeat_paced' | undefined {
  const { settings, state, now, message } = input;
  const last = state.lastReply;
  if (!last || now - last.at >= settings.repeat.windowMinutes * 60_000 || last.messageId === message.messageId) return undefined;
  if (settings.repeat.later !== 'pointer') return 'repeat_silent';
  if (input.match.stance === 'question' || state.passedOver) return undefined;
  return last.pointedAt !== undefined && now - last.pointedAt < QUIET_REPLY_INTERVAL_MS ? 'repeat_paced' : undefined;
}

/** Splits intents into done and withheld by mode and enabled actions. */
function buildDecision(
  input: DecideInput,
  lang: Language,
  intents: ActionIntent[],
  explain: RuleOutcome[],
  before: number,
  after: number,
): Decision {
  const { message, settings, match } = input;
  const actions: ActionIntent[] = [];
  const withheld: Decision['withheld'] = [];
  for (const i of intents) {
    // Logging is how owners prove they managed the group: it happens in every mode.
    if (i.type === 'log') actions.push(i);
    else if (settings.mode === 'observe') withheld.push({ ...i, withheldBecause: 'observe_mode' });
    else if (!settings.enabledActions.includes(i.type) && !isReplyLike(i.type, settings)) {
      withheld.push({ ...i, withheldBecause: 'action_disabled' });
    } else actions.push(i);
  }
  if (settings.mode === 'observe' && withheld.length > 0) {
    explain.push({ rule: 'mode', fired: true, reason: 'observe_mode' });
  }
  for (const w of withheld.filter((x) => x.withheldBecause === 'action_disabled')) {
    explain.push({ rule: 'enabled_actions', fired: true, reason: 'action_disabled', detail: w.type });
  }
  return {
    platform: message.platform,
    groupId: message.groupId,
    messageId: message.messageId,
    memberId: message.member.id,
    mode: settings.mode,
    language: lang,
    matches: match.matches.filter((m) => m.score >= settings.thresholds.suggest),
    stance: match.stance,
    stanceCues: match.stanceCues,
    refuting: match.refuting,
    refutingCues: match.refutingCues,
    strikes: { before, after },
    actions,
    withheld,
    explain,
  };
}

/** Pointers and soft replies follow the refutation switch: they are lighter forms of it. */
function isReplyLike(type: ActionType, settings: GroupSettings): boolean {
  return (type === 'pointer' || type === 'suggest_check') && settings.enabledActions.includes('reply_refutation');
}
