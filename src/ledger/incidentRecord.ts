import type { ChatMessage } from '../engine/chatMessage.js';
import type { Decision } from '../engine/decision.js';
import type { IncidentRecord } from './ledgerRecord.js';

/**
 * The ledger record of a decision, or undefined when there is nothing to record (no match at or
 * above the suggest threshold: the decision then carries no `log` intent).
 */
export function incidentRecord(message: ChatMessage, decision: Decision): IncidentRecord | undefined {
  const log = decision.actions.find((a) => a.type === 'log');
  const top = decision.matches[0];
  if (!log || !top) return undefined;
  return {
    type: 'incident',
    platform: message.platform,
    groupId: message.groupId,
    messageId: message.messageId,
    ...(message.link ? { link: message.link } : {}),
    member: { id: message.member.id, name: message.member.name },
    debunkId: top.debunkId,
    score: Math.round(top.score * 1000) / 1000,
    refuting: decision.refuting,
    messageAt: new Date(message.sentAt).toISOString(),
    strikes: decision.strikes.after,
    actions: [
      ...decision.actions
        .filter((a) => a.type !== 'log')
        .map((a) => ({ type: a.type, detail: a.detail, done: true, ...(a.durationMs ? { durationMs: a.durationMs } : {}) })),
      ...decision.withheld.map((a) => ({
        type: a.type,
        detail: a.detail,
        done: false,
        withheldBecause: a.withheldBecause,
        ...(a.durationMs ? { durationMs: a.durationMs } : {}),
      })),
    ],
    by: { kind: 'bot' },
  };
}
