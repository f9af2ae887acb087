import { sha256Hex } from '../lib/sha256Hex.js';
import type { ChatMessage } from '../engine/chatMessage.js';
import type { Decision } from '../engine/decision.js';
import type { IncidentRecord } from './ledgerRecord.js';

/** sha256 (hex) of a message text, as the ledger chains it. */
export const messageHash = (text: string): string => sha256Hex(text);

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
  const log = decision.actions.find((a) => a.type === 'log');
  const top = decision.matches[0];
  if (!log || !top) return undefined;
  return {
    type: 'incident',
    ...incidentMessage(message),
    debunkId: top.debunkId,
    score: Math.round(top.score * 1000) / 1000,
    refuting: decision.refuting,
    stance: decision.stance,
    ...(message.images ? { images: { sha256: message.images.sha256, matchedIn: top.explanation.end > message.images.textStart ? ('image' as const) : ('caption' as const) } } : {}),
    strikes: decision.strikes.after,
    actions: [
      ...decision.actions
        .filter((a) => a.type !== 'log')
        .map((a) => ({ type: a.type, detail: a.detail, status: 'planned' as const, ...(a.type === 'mute' ? { durationMs: a.durationMs } : {}) })),
      ...decision.withheld.map((a) => ({
        type: a.type,
        detail: a.detail,
        status: 'withheld' as const,
        withheldBecause: a.withheldBecause,
        ...(a.type === 'mute' ? { durationMs: a.durationMs } : {}),
      })),
    ],
    by: { kind: 'bot' },
  };
}
