import type { ActionType } from '../rules/actionTypes.js';

/** Who did something: the bot on its own rules, or a named admin. */
export type Actor = { kind: 'bot' } | { kind: 'admin'; id: string; name: string };

/** One action of an incident, done or only decided (observe mode, action not enabled). */
export interface RecordedAction {
  type: ActionType;
  detail: string;
  done: boolean;
  /** Why it was not done, when it was not. */
  withheldBecause?: string;
  /** For mutes. */
  durationMs?: number;
}

/** A message that matched a known rumor, and what was done about it. */
export interface IncidentRecord {
  type: 'incident';
  /** Unique id of the record, so a replay after a crash never writes it twice. */
  recordId?: string;
  platform: string;
  groupId: string;
  messageId: string;
  link?: string;
  member: { id: string; name: string };
  debunkId: string;
  score: number;
  refuting: boolean;
  /** When the member sent the message (ISO 8601). */
  messageAt: string;
  /** The member's active strikes after this message. */
  strikes: number;
  actions: RecordedAction[];
  by: Actor;
  /** Anything unusual about how it was decided, e.g. without the store during an outage. */
  note?: string;
}

/** Something a manager did: the managers are accountable too. */
export interface AdminRecord {
  type: 'admin';
  /** Unique id of the record, so a replay after a crash never writes it twice. */
  recordId?: string;
  platform: string;
  groupId: string;
  by: Actor;
  /** What kind of change: `configure`, `pardon`, `exempt`, … */
  action: string;
  /** In words, e.g. "mode observe", "pardoned 42 (2 strikes)". */
  detail: string;
}

export type LedgerRecord = IncidentRecord | AdminRecord;
