import type { ActionResult, AdminRecord, IncidentRecord, OutcomeRecord } from '../../src/ledger/ledgerRecord.js';

/** An incident in group `g`, with the fields a test cares about overridable. */
export function incident(over: Partial<IncidentRecord> = {}): IncidentRecord {
  return {
    type: 'incident',
    platform: 'telegram',
    groupId: 'g',
    messageId: '100',
    member: { id: 'u1', name: 'Alice' },
    debunkId: '5g-spreads-coronavirus',
    score: 0.97,
    refuting: false,
    messageAt: '2026-03-01T10:00:00.000Z',
    strikes: 1,
    actions: [{ type: 'reply_refutation', detail: 'strike 1', status: 'planned' }],
    by: { kind: 'bot' },
    ...over,
  };
}

export function adminAction(over: Partial<AdminRecord> = {}): AdminRecord {
  return {
    type: 'admin',
    platform: 'telegram',
    groupId: 'g',
    by: { kind: 'admin', id: 'o1', name: 'Owner' },
    action: 'configure',
    detail: 'mode observe',
    ...over,
  };
}

/** A clock that moves one second per call, from a fixed start. */
export function steppingClock(start = Date.parse('2026-03-01T10:00:05.000Z')): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

/** The outcomes of incident `incidentId`'s actions, as the bot records them once attempted. */
export function outcome(incidentId: string, actions: ActionResult[], over: Partial<OutcomeRecord> = {}): OutcomeRecord {
  return { type: 'outcome', platform: 'telegram', groupId: 'g', incidentId, messageId: '100', actions, by: { kind: 'bot' }, ...over };
}
