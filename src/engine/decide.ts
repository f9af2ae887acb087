import { SEVERITIES, type Debunk } from '../debunks/schema.js';
import { actAt } from '../rules/actAt.js';
import type { ClaimMatch, MessageMatch, Stance } from '../matching/types.js';
import type { ActionType } from '../rules/actionTypes.js';
import { exemptionOf } from '../rules/exemption.js';
import { REASONS, type Reason, type RuleOutcome } from '../rules/reasons.js';
import { ladderFor, type GroupSettings, type Ladder } from '../rules/settingsSchema.js';
import type { ChatMessage } from './chatMessage.js';
import type { ActionIntent, Decision, RefutationContent, StrikeWithdrawal } from './decision.js';
import { replyLanguage } from './language.js';
import { writesTraditional } from './script.js';
import { struckFor, type MessageState, type ReplyRecord, type Strike } from './memberState.js';
import { refutationContent } from './refutationContent.js';
import { QUIET_REPLY_INTERVAL_MS } from '../lib/cooldown.js';
import type { Language } from './templates.js';

/** An intent as decide() builds it: the fields every intent shares are added on the way out. */
type Draft = ActionIntent extends infer I ? (I extends ActionIntent ? Omit<I, 'reason' | 'detail' | 'language'> : never) : never;

type Note = (rule: string, fired: boolean, reason: Reason, detail?: string) => void;
type AddIntent = (draft: Draft, reason: Reason, detail: string) => void;

/**
 * At most this many rumors of one message are acted on (the matcher returns 3 by default, see
 * MatchOptions.limit): the store reads, the state written and the reply stay bounded whatever a
 * caller asks the matcher for.
 */
export const MAX_CLAIMS_PER_MESSAGE = 3;

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
  /** Refutations that went out, one record per rumor answered (they may share one reply). */
  replies?: { debunkId: string; record: ReplyRecord }[];
  /**
   * Pointers to a rumor's last refutation that went out, to this member: `paced` when it counts
   * towards the pacing (see ReplyRecord.pointedAt), not when it went to a member passed over before.
   */
  pointed?: { debunkId: string; memberId: string; paced: boolean }[];
  /** Rumors of this member's post that got nothing: their next post of each gets a pointer (see MessageState.passedOver). */
  passedOver?: { debunkId: string; memberId: string }[];
  counted?: string[];
  /** An edit took back the strike(s) this message had earned (see Decision.withdrawn). */
  withdraw?: { messageId: string };
}

/**
 * The matches decide() acts on: the best match at or above the act threshold for its stance (the
 * answer threshold for a question), then every other distinct rumor of the message at or above the
 * act threshold, best first, at most MAX_CLAIMS_PER_MESSAGE. Empty when the best match is below
 * its threshold. The engine reads the repeat window of exactly these.
 */
export function claimsToAct(match: MessageMatch, settings: GroupSettings, debunks: ReadonlyMap<string, Debunk>): ClaimMatch[] {
  const act = Math.max(actAt(settings.thresholds, match.stance), settings.thresholds.suggest);
  const top = match.matches[0];
  if (!top || top.score < act || !debunks.has(top.debunkId)) return [];
  // The stance was read for the best match: a question is answered about it from the answer
  // threshold, and any further rumor only from the act threshold ("5G基站會傳播新冠病毒嗎" shares
  // "会传播新冠病毒" with the mosquito claim, 0.59, and is no question about mosquitoes).
  const further = Math.max(act, settings.thresholds.act);
  const claims: ClaimMatch[] = [top];
  for (const m of match.matches.slice(1)) {
    if (claims.length >= MAX_CLAIMS_PER_MESSAGE) break;
    if (m.score >= further && debunks.has(m.debunkId) && !claims.some((c) => c.debunkId === m.debunkId)) claims.push(m);
  }
  return claims;
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
  // A member who writes traditional characters is answered in them.
  const traditional = lang === 'zh' && writesTraditional(message.text);
  const explain: RuleOutcome[] = [];
  const intents: ActionIntent[] = [];
  const changes: StateChanges = {};
  let withdrawn: StrikeWithdrawal | undefined;
  const note: Note = (rule, fired, reason, detail) => explain.push({ rule, fired, reason, ...(detail === undefined ? {} : { detail }) });
  const intent: AddIntent = (draft, reason, detail) => intents.push({ ...draft, reason, detail, language: lang, ...(traditional ? { traditional: true } : {}) } as ActionIntent);

  const top = match.matches[0];
  const debunk = top ? debunks.get(top.debunkId) : undefined;
  const strikesBefore = state.strikes.length;
  const finish = (strikesAfter: number) => {
    const decision = buildDecision(input, lang, traditional, intents, explain, strikesBefore, strikesAfter, withdrawn);
    // What the member really gets with the strike, for the ladder to read next time.
    if (changes.strike) changes.strike.got = decision.actions.flatMap((a) => (a.type === 'warn' || a.type === 'mute' || a.type === 'delete' ? [a.type] : []));
    // A refutation that was not posted (not enabled) must not be pointed to later.
    if (decision.withheld.some((w) => w.type === 'reply_refutation' && w.withheldBecause === 'action_disabled')) {
      delete changes.replies;
    }
    // The owners hear what the bot is doing: the actions it carries out (a pointer rather than a
    // refutation inside the repeat window), not the ladder step as written.
    const doing = decision.actions.flatMap((a) => (a.type === 'log' || a.type === 'alert_owners' ? [] : [a.type]));
    for (const a of [...decision.actions, ...decision.withheld]) if (a.type === 'alert_owners') a.planned = doing;
    return { decision, changes };
  };
  // An edit that takes the rumor back (it now refutes it, or carries no rumor the group acts on)
  // no longer earns the strike the message had earned: it is withdrawn, and the decision says so
  // for the ledger. Nothing is said in the chat, as for any refutation; a mute that came with the
  // strike is the admins' to lift (`/rg pardon`), and the record says it was kept.
  const takenBack = (reason: 'edit_refutes' | 'edit_unmatched') => {
    const own = message.edited ? state.strikes.filter((s) => s.messageId === message.messageId) : [];
    if (own.length === 0) return finish(strikesBefore);
    const debunkIds = [...new Set(own.flatMap(struckFor))];
    note('edit', true, reason, `strike for ${debunkIds.join(', ')} withdrawn`);
    changes.withdraw = { messageId: message.messageId };
    withdrawn = { messageId: message.messageId, debunkIds, strikes: own.length, reason, muteKept: own.some((s) => s.got?.includes('mute') ?? false) };
    return finish(strikesBefore - own.length);
  };

  // 0. What the group keeps from matching: said, so a dry run does not blame the score alone.
  if (input.excluded && input.excluded.length > 0) note('exclusion', true, 'excluded', input.excluded.join(', '));

  // 1. Thresholds.
  if (!top || !debunk) {
    note('threshold', false, 'no_match');
    return takenBack('edit_unmatched');
  }
  const score = top.score.toFixed(2);
  const { suggest } = settings.thresholds;
  const act = actAt(settings.thresholds, match.stance);
  // A question is answered from the answer threshold: the reasons name the one that applied.
  const asks = act !== settings.thresholds.act;
  if (top.score < suggest) {
    note('threshold', false, 'below_suggest', `score ${scoreBeside(top.score, suggest)} < ${suggest}`);
    return takenBack('edit_unmatched');
  }
  intent({ type: 'log', debunkId: debunk.id }, 'incident', `${debunk.id}, score ${score}`);
  if (top.score < act) {
    note('threshold', false, asks ? 'suggest_only_question' : 'suggest_only', `score ${scoreBeside(top.score, act)} < ${act}`);
    const soft = settings.softReply && !match.refuting;
    note('soft_reply', soft, soft ? 'soft_reply' : 'suggest_only');
    if (soft) intent({ type: 'suggest_check', debunkId: debunk.id, claim: debunk.claim, verdict: debunk.verdict }, 'soft_reply', `score ${score}`);
    return takenBack('edit_unmatched');
  }
  note('threshold', true, asks ? 'at_answer' : 'at_act', `score ${scoreBeside(top.score, act)} ≥ ${act}`);
  // Every distinct rumor of the message from the threshold up is answered and logged, each on its
  // own repeat window: a new rumor cannot hide behind one answered moments ago.
  const claims = claimsToAct(match, settings, debunks);
  for (const c of claims.slice(1)) intent({ type: 'log', debunkId: c.debunkId }, 'incident', `${c.debunkId}, score ${c.score.toFixed(2)}`);
  if (claims.length > 1) note('claims', true, 'several_claims', claims.map((c) => `${c.debunkId} ${c.score.toFixed(2)}`).join(', '));

  // 2. Only spreading climbs the ladder: a refutation or a laugh gets nothing, a question the
  // refutation worded as an answer, and no strike.
  const why = `${match.stance}${match.stanceCues.length > 0 ? `: ${match.stanceCues.join(', ')}` : ''}`;
  const stanceReason = STANCE_REASONS[match.stance];
  note('refuting', match.stance !== 'spread', stanceReason, match.stance === 'spread' && match.stanceCues.length === 0 ? undefined : why);
  if (match.stance === 'refute' || match.stance === 'mock') return takenBack('edit_refutes');
  if (match.stance === 'question') {
    addRefutations(input, lang, traditional, claims, REASONS.asking, intent, note, changes);
    return finish(strikesBefore);
  }

  // 3. An edit of a message already counted for a rumor is not a new offence for it.
  const fresh = claims.filter((c) => !state.counted.includes(c.debunkId));
  const countedBefore = claims.filter((c) => state.counted.includes(c.debunkId)).map((c) => c.debunkId);
  const editDetail = [message.edited ? 'edited message' : '', fresh.length > 0 && countedBefore.length > 0 ? `already counted for ${countedBefore.join(', ')}` : ''].filter(Boolean).join('; ');
  note('edit', fresh.length === 0, fresh.length === 0 ? 'already_counted' : 'first_count', editDetail || undefined);
  if (fresh.length === 0) return finish(strikesBefore);
  changes.counted = fresh.map((c) => c.debunkId);
  const first = debunks.get(fresh[0]!.debunkId)!;

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
    // 5. The ladder, by the member's active strikes including this one (one strike a message,
    // however many rumors it carries, on the ladder of the most harmful of them); a strike only
    // for a member who is told: one the step only answers, inside the repeat window of every
    // rumor answered here moments ago (no second reply, or a pointer that just went to someone
    // else), is not.
    const ladder = ladderFor(settings, mostSevere(fresh.map((c) => debunks.get(c.debunkId)!)));
    const next = gradedStep(ladder, Math.min(strikesBefore + 1, ladder.length) - 1, state.strikes, settings, note);
    const quiet = fresh.map((c) => ({ claim: c, quiet: unansweredRepeat(input, c.debunkId) }));
    const allQuiet = quiet.every((q) => q.quiet !== undefined);
    // One who got that refutation, or the last pointer to it, was told already: they spread it knowingly.
    const toldBefore = fresh.some((c) => {
      const last = state.lastReplies?.[c.debunkId];
      return last !== undefined && (last.memberId === message.member.id || last.pointedTo === message.member.id);
    });
    // A warning or a mute the group has on tells the member; one it has off (or only watches) does not.
    const sanctions = (type: ActionType) => next.some((a) => a.type === type) && carriesOut(settings, type);
    const paced = quiet.filter((q) => q.quiet === 'repeat_paced').map((q) => q.claim.debunkId);
    if (allQuiet && !toldBefore && !sanctions('warn') && !sanctions('mute')) {
      note('ladder', false, 'not_told', REASONS[quiet[0]!.quiet!]);
      if (paced.length > 0) changes.passedOver = paced.map((debunkId) => ({ debunkId, memberId: message.member.id }));
      // Notes why nothing goes out (the 'repeat' rule); no intent comes of it.
      addRefutations(input, lang, traditional, fresh, `strike ${strikesBefore} kept`, intent, note, changes);
      return finish(strikesBefore);
    }
    // Muted while pointers are paced, with no warning to say why: a pointer goes to them all the
    // same, so they are told in words whatever the platform makes of the mute (one it refuses
    // says nothing).
    if (paced.length > 0 && sanctions('mute') && !sanctions('warn')) {
      refuteInput = { ...input, state: { ...state, passedOver: [...(state.passedOver ?? []), ...paced] } };
    }
    // A dry run says why a strike comes with nothing said (QA: "strike 2, step 2 of 4" and silence).
    if (allQuiet && toldBefore) note('told', true, 'told_before');
    strikesAfter = strikesBefore + 1;
    const also = fresh.slice(1).map((c) => c.debunkId);
    changes.strike = { at: now, debunkId: first.id, messageId: message.messageId, ...(also.length > 0 ? { also } : {}) };
    note('ladder', true, 'ladder_step', `strike ${strikesAfter}, step ${Math.min(strikesAfter, ladder.length)} of ${ladder.length}`);
    ladderActions = next;
  }

  const memberName = message.member.name;
  const stepDetail = exempt ? REASONS[exempt.reason] : `strike ${strikesAfter}`;
  const id = first.id;
  for (const a of ladderActions) {
    switch (a.type) {
      case 'reply_refutation':
        addRefutations(refuteInput, lang, traditional, fresh, stepDetail, intent, note, changes);
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
            claim: first.claim,
            memberName,
            memberId: message.member.id,
            score: fresh[0]!.score,
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

/** The most harmful severity among the debunks: a message carrying several rumors climbs that one's ladder. */
function mostSevere(found: readonly Debunk[]): Debunk['severity'] {
  return found.reduce<Debunk['severity']>((worst, d) => (SEVERITIES.indexOf(d.severity) > SEVERITIES.indexOf(worst) ? d.severity : worst), found[0]!.severity);
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

/**
 * The answer to each rumor of the message, on each one's repeat window: the rumors not answered
 * here lately get their refutations in one reply, one after another (the best match first); one
 * refuted moments ago gets a pointer to that reply, or nothing.
 */
function addRefutations(
  input: DecideInput,
  lang: Language,
  traditional: boolean,
  claims: readonly ClaimMatch[],
  detail: string,
  intent: AddIntent,
  note: Note,
  changes: StateChanges,
): void {
  const { debunks, message, now } = input;
  const stance = input.match.stance;
  const several = claims.length > 1;
  const refuted: { claim: ClaimMatch; content: RefutationContent }[] = [];
  for (const claim of claims) {
    const debunk = debunks.get(claim.debunkId)!;
    // With several rumors, each rule outcome names the one it is about.
    const named: Note = several ? (rule, fired, reason, d) => note(rule, fired, reason, d === undefined ? debunk.id : `${debunk.id}: ${d}`) : note;
    if (repeatOf(input, debunk, detail, intent, named, changes)) continue;
    named('repeat', false, 'first_in_window');
    refuted.push({ claim, content: refutationContent(debunk, lang, stance, traditional) });
  }
  // Two entries that share their refutation and sources (a claim and its variant filed twice) are
  // answered once: the same text twice in one reply reads as a glitch. Both are still logged and
  // both count as answered here (changes.replies).
  const said = new Set<string>();
  const [head, ...rest] = refuted.filter(({ content }) => {
    const key = JSON.stringify([content.refutation, content.sources]);
    if (said.has(key)) return false;
    said.add(key);
    return true;
  });
  if (!head) return;
  const matched = refuted.map(({ claim }, i) => `${i > 0 ? `${claim.debunkId} ` : ''}matched "${claim.explanation.phrase.text}"`).join('; ');
  intent(
    { type: 'reply_refutation', debunkId: head.claim.debunkId, refutation: head.content, ...(rest.length > 0 ? { also: rest.map((r) => r.content) } : {}) },
    stance === 'question' ? 'asking' : 'ladder_step',
    `${detail}; ${matched}`,
  );
  const record: ReplyRecord = {
    at: now,
    messageId: message.messageId,
    memberId: message.member.id,
    ...(message.link ? { link: message.link } : {}),
    ...(stance === 'question' ? { asked: true as const } : {}),
  };
  changes.replies = refuted.map(({ claim }) => ({ debunkId: claim.debunkId, record }));
}

/**
 * Inside the rumor's repeat window: notes why, adds the pointer when one goes out, and returns
 * true (no refutation of it). False when the rumor gets its refutation.
 */
function repeatOf(input: DecideInput, debunk: Debunk, detail: string, intent: AddIntent, note: Note, changes: StateChanges): boolean {
  const { settings, state, now, message } = input;
  const windowMs = settings.repeat.windowMinutes * 60_000;
  const last = state.lastReplies?.[debunk.id];
  if (!last || now - last.at >= windowMs) return false;
  // The refutation is under this very message already (it asked, and was edited into the rumor):
  // neither a second one nor a pointer to itself.
  if (last.messageId === message.messageId) {
    note('repeat', true, 'repeat_here', `reply ${Math.round((now - last.at) / 1000)} s ago`);
    return true;
  }
  const quiet = unansweredRepeat(input, debunk.id);
  const ago = `first reply ${Math.round((now - last.at) / 1000)} s ago`;
  if (quiet) {
    note('repeat', true, quiet, quiet === 'repeat_paced' ? `${ago}, last pointer ${Math.round((now - last.pointedAt!) / 1000)} s ago` : ago);
    return true;
  }
  note('repeat', true, 'repeat_pointer', ago);
  const asked = input.match.stance === 'question';
  intent(
    { type: 'pointer', debunkId: debunk.id, verdict: debunk.verdict, answeredMsAgo: now - last.at, ...(last.link ? { link: last.link } : {}), ...(asked ? { asked: true as const } : {}) },
    'repeat_pointer',
    detail,
  );
  // A member who asked is answered whatever went out before; the pointers that pass a rumor on
  // are paced, but for one already passed over.
  if (!asked) (changes.pointed ??= []).push({ debunkId: debunk.id, memberId: message.member.id, paced: !(state.passedOver?.includes(debunk.id) ?? false) });
  return true;
}

/**
 * Why a message's rumor answered here moments ago gets nothing (not even a pointer): the group
 * wants no second reply, or a pointer went out less than QUIET_REPLY_INTERVAL_MS ago and this one
 * only passes the rumor on (a member who asks is always answered). Undefined outside the repeat
 * window, on the message that got the refutation itself, and when a pointer goes out.
 */
function unansweredRepeat(input: DecideInput, debunkId: string): 'repeat_silent' | 'repeat_paced' | undefined {
  const { settings, state, now, message } = input;
  const last = state.lastReplies?.[debunkId];
  if (!last || now - last.at >= settings.repeat.windowMinutes * 60_000 || last.messageId === message.messageId) return undefined;
  if (settings.repeat.later !== 'pointer') return 'repeat_silent';
  if (input.match.stance === 'question' || state.passedOver?.includes(debunkId)) return undefined;
  return last.pointedAt !== undefined && now - last.pointedAt < QUIET_REPLY_INTERVAL_MS ? 'repeat_paced' : undefined;
}

/** Splits intents into done and withheld by mode and enabled actions. */
function buildDecision(
  input: DecideInput,
  lang: Language,
  traditional: boolean,
  intents: ActionIntent[],
  explain: RuleOutcome[],
  before: number,
  after: number,
  withdrawn: StrikeWithdrawal | undefined,
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
    ...(traditional ? { traditional: true as const } : {}),
    matches: match.matches.filter((m) => m.score >= settings.thresholds.suggest),
    stance: match.stance,
    stanceCues: match.stanceCues,
    refuting: match.refuting,
    refutingCues: match.refutingCues,
    strikes: { before, after },
    ...(withdrawn ? { withdrawn } : {}),
    actions,
    withheld,
    explain,
  };
}

/** Pointers and soft replies follow the refutation switch: they are lighter forms of it. */
function isReplyLike(type: ActionType, settings: GroupSettings): boolean {
  return (type === 'pointer' || type === 'suggest_check') && settings.enabledActions.includes('reply_refutation');
}
