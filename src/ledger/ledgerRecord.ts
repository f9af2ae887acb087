import type { ActionType } from '../rules/actionTypes.js';

/** Who did something: the bot on its own rules, or a named admin. */
export type Actor = { kind: 'bot' } | { kind: 'admin'; id: string; name: string };

/**
 * One action of an incident as decided. `planned`: the rules asked for it and it is being carried
 * out (its real outcome follows in an `outcome` record); `withheld`: a rule kept it from being
 * done (observe mode, action not enabled), named in `withheldBecause`.
 *
 * Records written before outcomes were tracked carry `done` instead of `status`.
 */
export interface RecordedAction {
  type: ActionType;
  detail: string;
  status?: 'planned' | 'withheld';
  /** Why it was not done, when it was withheld. */
  withheldBecause?: string;
  /** For mutes. */
  durationMs?: number;
  /**
   * The rumors the action was about, when the incident names several (IncidentRecord.also): a
   * refutation of two of them in one reply names both, a pointer its one.
   */
  debunkIds?: string[];
  /** Legacy (before outcome records): true meant "decided to do", not "done". */
  done?: boolean;
}

/** Why an action the rules asked for was not carried out, one identifier each. */
export const SKIP_REASONS = {
  cooldown: 'a reply of this kind went to this chat moments ago (one a minute)',
  merged: 'folded into another message: a newer reply to the same rumor replaced it',
  rate_limited: "the platform's rate limits left no room: the outgoing queue was full",
  no_target: 'nothing to act on (a post made as a channel cannot be muted; no owner can be reached)',
  shutdown: 'the bot stopped before it could be carried out',
  unsupported: 'this platform cannot do this',
} as const;
export type SkipReason = keyof typeof SKIP_REASONS;

/** What really happened to one planned action, once it was attempted. */
export type ActionResult = {
  type: ActionType;
  /** When it settled (ISO 8601). */
  at: string;
  /** Specifics: "in a digest of 3", "until 2026-12-05T16:00:00Z". */
  detail?: string;
} & (
  | { status: 'done' }
  | { status: 'skipped'; reason: SkipReason }
  /** `error`: the platform's own words (never credentials). */
  | { status: 'failed'; error: string }
);

/** A message that matched a known rumor, and what the rules decided about it. */
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
  /**
   * Further rumors the message carried that were acted on with this incident (one strike for the
   * message, one reply for their refutations), best first after `debunkId`.
   */
  also?: { debunkId: string; score: number }[];
  refuting: boolean;
  /** How the member relates to the claim: spreading it, asking about it, refuting it. */
  stance?: string;
  /** When the member sent the message (ISO 8601). */
  messageAt: string;
  /** sha256 (hex) of the message text as received: the chain proves what was said. */
  messageHash?: string;
  /**
   * The message text. Not part of the chain: the ledger keeps it beside the chain, keyed by
   * `messageHash`, so it can be purged after LEDGER_TEXT_DAYS without breaking verification.
   */
  messageText?: string;
  /**
   * The message carried pictures whose text was read: their sha256 (the pictures themselves are
   * not kept), and whether the matched words were in a picture or in the caption.
   */
  images?: { sha256: string[]; matchedIn: 'image' | 'caption' };
  /** The member's active strikes after this message. */
  strikes: number;
  actions: RecordedAction[];
  by: Actor;
  /** Anything unusual about how it was decided, e.g. without the store during an outage. */
  note?: string;
}

/**
 * What became of an incident's planned actions: written once they were attempted (sent, refused,
 * skipped), linked to the incident by its `recordId`.
 */
export interface OutcomeRecord {
  type: 'outcome';
  recordId?: string;
  platform: string;
  groupId: string;
  /** The `recordId` of the incident whose actions these are. */
  incidentId: string;
  messageId: string;
  actions: ActionResult[];
  by: Actor;
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
  /**
   * Matches the admin overturned (a "not a rumor" accepted): the message and the debunk it was
   * matched to, so reports mark those incidents overturned.
   */
  overturns?: Overturn[];
}

/** A match overturned: the message and the debunk it was matched to. */
export interface Overturn {
  messageId: string;
  debunkId: string;
}

export type LedgerRecord = IncidentRecord | OutcomeRecord | AdminRecord;
