import type { Source, Verdict } from '../debunks/schema.js';
import type { ClaimMatch, Stance } from '../matching/types.js';
import type { ActionType } from '../rules/actionTypes.js';
import type { Reason, RuleOutcome } from '../rules/reasons.js';
import type { Language } from './templates.js';

/**
 * The refutation of a rumor as the engine hands it to the adapters: the facts, not a rendered
 * text. Each platform renders it once, in its own format (console lines, Telegram HTML, a Discord
 * embed), escaping every field: they come from the database and are untrusted.
 */
export interface RefutationContent {
  debunkId: string;
  claim: string;
  verdict: Verdict;
  /** The refutation in `language` (else English, else what the entry has). */
  refutation: string;
  sources: readonly Source[];
  language: Language;
  /** Chinese in traditional characters, as the member wrote (claim, refutation and source titles converted). */
  traditional?: true;
  /**
   * How the member relates to the claim. A question gets the same facts, worded as an answer
   * rather than a correction.
   */
  stance?: string;
}

interface IntentBase {
  reason: Reason;
  /** Human-readable reason with specifics ("strike 2 of the ladder", "score 0.91"). */
  detail: string;
  language: Language;
  /** Said in traditional Chinese characters: the member wrote in them (see writesTraditional). */
  traditional?: true;
}

/** One thing the engine asks an adapter to do, with the reason it fired and what it needs. */
export type ActionIntent =
  /**
   * `also`: the refutations of further rumors the same message carries, in the same reply after the
   * first (best match first; at most MAX_CLAIMS_PER_MESSAGE in all). `debunkId` is the first's.
   */
  | (IntentBase & { type: 'reply_refutation'; debunkId: string; refutation: RefutationContent; also?: readonly RefutationContent[] })
  /** Below the act threshold, with soft replies on: "you may want to check this". */
  | (IntentBase & { type: 'suggest_check'; debunkId: string; claim: string; verdict: Verdict })
  /** The same rumor was refuted here moments ago: a short pointer to that reply. */
  /**
   * `asked`: it answers a member's question (with the claim's `verdict`), so it is not held back by
   * the pointers' once-a-minute cooldown.
   */
  /** `answeredMsAgo`: how long before this message the refutation pointed to went out, for the text's "just now" / "3 minutes ago". */
  | (IntentBase & { type: 'pointer'; debunkId: string; verdict: Verdict; link?: string; asked?: true; answeredMsAgo: number })
  | (IntentBase & { type: 'warn'; debunkId: string; memberName: string; strikes: number; decayDays: number })
  | (IntentBase & { type: 'delete'; debunkId: string })
  | (IntentBase & { type: 'mute'; debunkId: string; memberName: string; durationMs: number })
  | (IntentBase & {
      type: 'alert_owners';
      debunkId: string;
      claim: string;
      memberName: string;
      memberId: string;
      score: number;
      strikes: number;
      /** The other actions of this step, for the owners' picture of what the bot did. */
      planned: readonly ActionType[];
      /** A link to the message, where the platform has one. */
      link?: string;
      /** Member ids the rules name as owners, told besides the platform's admins. */
      owners: readonly string[];
    })
  /**
   * The best match at or above the suggest threshold goes to the ledger, and with it every further
   * rumor of the message that is acted on (one `log` each, best first).
   */
  | (IntentBase & { type: 'log'; debunkId: string });

/**
 * The strike a message had earned, taken back because an edit took the rumor back: the message now
 * refutes (or mocks) it, or carries no rumor the group acts on.
 */
export interface StrikeWithdrawal {
  messageId: string;
  /** The rumors the strike was for. */
  debunkIds: string[];
  /** How many strikes were withdrawn (one, but for a message counted before strikes were kept per message). */
  strikes: number;
  reason: 'edit_refutes' | 'edit_unmatched';
  /** A mute came with the strike and is not lifted by this: an admin's pardon lifts it. */
  muteKept: boolean;
}

/** The intent of one action type. */
export type IntentOf<T extends ActionType> = Extract<ActionIntent, { type: T }>;

/** An intent the rules decided but a rule keeps from being done. */
export type WithheldIntent = ActionIntent & { withheldBecause: Reason };

/** Everything the engine decided about one message. */
export interface Decision {
  platform: string;
  groupId: string;
  messageId: string;
  memberId: string;
  mode: 'observe' | 'enforce';
  language: Language;
  /** The member wrote traditional Chinese characters, and is answered in them. */
  traditional?: true;
  /** Matches at or above the suggest threshold, best first. */
  matches: ClaimMatch[];
  /** How the member relates to the top match: only `spread` climbs the ladder. */
  stance: Stance;
  /** The words that showed the stance (empty for a plain `spread`). */
  stanceCues: string[];
  refuting: boolean;
  refutingCues: string[];
  /** The member's active strikes before and after this message. */
  strikes: { before: number; after: number };
  /** An edit took back the strike this message had earned (written to the ledger). */
  withdrawn?: StrikeWithdrawal;
  /** What the adapter should do now. */
  actions: ActionIntent[];
  /** What the rules decided but will not be done (observe mode, action not enabled). */
  withheld: WithheldIntent[];
  /** Every rule considered and why it did or did not fire. */
  explain: RuleOutcome[];
}
