import { randomUUID } from 'node:crypto';
import type { Debunk } from '../debunks/schema.js';
import type { ChatMessage } from '../engine/chatMessage.js';
import type { ActionIntent, Decision } from '../engine/decision.js';
import { refutationContent } from '../engine/refutationContent.js';
import { writesTraditional } from '../engine/script.js';
import type { Language } from '../engine/templates.js';
import { incidentMessage } from '../ledger/incidentRecord.js';
import type { ActionResult, Actor, IncidentRecord } from '../ledger/ledgerRecord.js';
import type { DecisionExecutor } from '../moderation/executeDecision.js';
import type { IncidentSink } from '../moderation/moderator.js';
import type { ModerationPort } from '../moderation/moderationPort.js';

/**
 * Answers an earlier message with a debunk's refutation after an admin accepted it as a rumor:
 * an incident in the ledger (the admin named, no strike: the member posted before the debunk
 * existed), the reply carried out by the core's executor through the platform's port, and its
 * real outcome ledgered. Resolves with the outcome; never rejects for a platform's refusal.
 */
export async function answerMessage(
  message: ChatMessage,
  debunk: Debunk,
  language: Language,
  port: ModerationPort,
  executor: DecisionExecutor,
  sink: IncidentSink | undefined,
  by: Extract<Actor, { kind: 'admin' }>,
): Promise<ActionResult[]> {
  const detail = `answered after review by ${by.name}`;
  // Answered in traditional characters when the member wrote them, as the engine answers.
  const traditional = language === 'zh' && writesTraditional(message.text);
  const script = traditional ? { traditional: true as const } : {};
  const intent: ActionIntent = { type: 'reply_refutation', debunkId: debunk.id, refutation: refutationContent(debunk, language, undefined, traditional), reason: 'at_act', detail, language, ...script };
  const decision: Decision = {
    platform: message.platform,
    groupId: message.groupId,
    messageId: message.messageId,
    memberId: message.member.id,
    mode: 'enforce',
    language,
    ...script,
    matches: [],
    stance: 'spread',
    stanceCues: [],
    refuting: false,
    refutingCues: [],
    strikes: { before: 0, after: 0 },
    actions: [intent],
    withheld: [],
    explain: [],
  };
  const incident: IncidentRecord = {
    type: 'incident',
    recordId: randomUUID(),
    ...incidentMessage(message),
    debunkId: debunk.id,
    score: 1,
    refuting: false,
    stance: 'spread',
    strikes: 0,
    actions: [{ type: 'reply_refutation', detail, status: 'planned' }],
    by,
    note: 'reported by members; the admin wrote the debunk from it',
  };
  await sink?.record(incident);
  const actions = await executor.execute(decision, message, port);
  await sink?.record({ type: 'outcome', platform: message.platform, groupId: message.groupId, incidentId: incident.recordId!, messageId: message.messageId, actions, by });
  return actions;
}
