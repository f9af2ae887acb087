import type { ClaimMatch } from '../matching/types.js';
import type { ActionType } from '../rules/actionTypes.js';
import type { Reason, RuleOutcome } from '../rules/reasons.js';

/** One thing the engine asks an adapter to do, with the reason it fired. */
export interface ActionIntent {
  type: ActionType;
  reason: Reason;
  /** Human-readable reason with specifics ("strike 2 of the ladder", "score 0.91"). */
  detail: string;
  debunkId?: string;
  /** For `mute`. */
  durationMs?: number;
  /**
   * Plain text to post (reply, warning, pointer, alert). Never markup: adapters send it as
   * plain text, and names and database texts in it are already neutralized.
   */
  text?: string;
}

/** Everything the engine decided about one message. */
export interface Decision {
  platform: string;
  groupId: string;
  messageId: string;
  memberId: string;
  mode: 'observe' | 'enforce';
  language: 'en' | 'zh';
  /** Matches at or above the suggest threshold, best first. */
  matches: ClaimMatch[];
  refuting: boolean;
  refutingCues: string[];
  /** The member's active strikes before and after this message. */
  strikes: { before: number; after: number };
  /** What the adapter should do now. */
  actions: ActionIntent[];
  /** What the rules decided but will not be done (observe mode, action not enabled). */
  withheld: (ActionIntent & { withheldBecause: Reason })[];
  /** Every rule considered and why it did or did not fire. */
  explain: RuleOutcome[];
}
