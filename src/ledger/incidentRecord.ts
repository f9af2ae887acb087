import { sha256Hex } from '../lib/sha256Hex.js';
import type { ChatMessage } from '../engine/chatMessage.js';
import type { ActionIntent, Decision, StrikeWithdrawal } from '../engine/decision.js';
import type { AdminRecord, IncidentRecord } from './ledgerRecord.js';

/** sha256 (hex) of a message text, as the ledger chains it. */
export const messageHash = (text: string): string => sha256Hex(text);

/** Every rumor an incident's message carried, best first: the first, then the others acted on with it (`also`). */
export const rumorsOf = (r: Pick<IncidentRecord, 'debunkId' | 'also'>): string[] => (r.also ? [r.debunkId, ...r.also.map((o) => o.debunkId)] : [r.debunkId]);

/**
 * What an incident says of the message it is about: where it was, who wrote it, when, and its
 * text (chained as a hash, kept beside the chain).
 */
export function incidentMessage(message: ChatMessage) {
  return {
    platform: message.platform,
    groupId: message.groupId,
    messageId: message.messageId,
    ...(message.link ? { link: message.link } : {}),
    member: { id: message.member.id, name: message.member.name },
    messageAt: new Date(message.sentAt).toISOString(),
    messageHash: messageHash(message.text),
    messageText: message.text,
  };
}

/**
 * The ledger record of a decision, or undefined when there is nothing to record (no match at or
 * above the suggest threshold: the decision then carries no `log` intent). Actions the rules asked
 * for are `planned`: what became of them is recorded once they were attempted (OutcomeRecord).
 */
export function incidentRecord(message: ChatMessage, decision: Decision): IncidentRecord | undefined {
  const logs = decision.actions.filter((a) => a.type === 'log');
  const top = decision.matches[0];
  if (logs.length === 0 || !top) return undefined;
  // Several rumors acted on (one log each): the incident names them all, and each action its own.
  const also = logs.slice(1).flatMap((l) => {
    const m = decision.matches.find((x) => x.debunkId === l.debunkId);
    return m ? [{ debunkId: m.debunkId, score: Math.round(m.score * 1000) / 1000 }] : [];
  });
  const about = (a: ActionIntent) =>
    also.length === 0 ? {} : { debunkIds: a.type === 'reply_refutation' ? [a.debunkId, ...(a.also ?? []).map((r) => r.debunkId)] : [a.debunkId] };
  return {
    type: 'incident',
    ...incidentMessage(message),
    debunkId: top.debunkId,
    score: Math.round(top.score * 1000) / 1000,
    ...(also.length > 0 ? { also } : {}),
    refuting: decision.refuting,
    stance: decision.stance,
    ...(message.images ? { images: { sha256: message.images.sha256, matchedIn: top.explanation.end > message.images.textStart ? ('image' as const) : ('caption' as const) } } : {}),
    strikes: decision.strikes.after,
    actions: [
      ...decision.actions
        .filter((a) => a.type !== 'log')
        .map((a) => ({ type: a.type, detail: a.detail, status: 'planned' as const, ...(a.type === 'mute' ? { durationMs: a.durationMs } : {}), ...about(a) })),
      ...decision.withheld.map((a) => ({
        type: a.type,
        detail: a.detail,
        status: 'withheld' as const,
        withheldBecause: a.withheldBecause,
        ...(a.type === 'mute' ? { durationMs: a.durationMs } : {}),
        ...about(a),
      })),
    ],
    by: { kind: 'bot' },
  };
}

/** Why an edit took a strike back, as the ledger says it. */
const WITHDRAWN_BECAUSE: Record<StrikeWithdrawal['reason'], string> = {
  edit_refutes: 'the member edited the message to refute the rumor',
  edit_unmatched: 'the member edited the message and it no longer carries the rumor',
};

/**
 * The ledger record of a strike an edit took back (Decision.withdrawn): written by the bot, as an
 * admin's pardon is written by the admin, naming the member, the message, the rumors and the edit.
 */
export function withdrawalRecord(message: ChatMessage, decision: Decision): AdminRecord | undefined {
  const w = decision.withdrawn;
  if (!w) return undefined;
  const strikes = w.strikes === 1 ? 'strike' : `${w.strikes} strikes`;
  return {
    type: 'admin',
    platform: message.platform,
    groupId: message.groupId,
    by: { kind: 'bot' },
    action: 'strike_withdrawn',
    detail:
      `${strikes} of ${message.member.name} (${message.member.id}) for message ${w.messageId} (${w.debunkIds.join(', ')}) withdrawn: ` +
      `${WITHDRAWN_BECAUSE[w.reason]}; ${decision.strikes.after} active strike(s) now` +
      (w.muteKept ? '; the mute that came with it is not lifted (an admin\'s /rg pardon lifts it)' : ''),
  };
}
