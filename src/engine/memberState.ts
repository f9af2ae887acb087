/** One counted offence. */
export interface Strike {
  at: number;
  debunkId: string;
  messageId: string;
}

/** The first refutation of a debunk in a group, for repeat suppression. */
export interface ReplyRecord {
  at: number;
  messageId: string;
  link?: string;
  /**
   * The refutation answered a question: it counted nothing, so the message edited into the rumor
   * itself is a first offence (it was not counted when it asked).
   */
  asked?: true;
}

/** What the engine knows before deciding on a message. */
export interface MessageState {
  /** The member's strikes that have not decayed. */
  strikes: Strike[];
  /** The last refutation of the best-matching debunk in this group, if any. */
  lastReply?: ReplyRecord;
  /** Debunks this message (by id) was already counted for: edits do not count twice. */
  counted: string[];
}

/** Strikes still in force at `now`. */
export function activeStrikes(strikes: readonly Strike[], now: number, decayDays: number): Strike[] {
  const since = now - decayDays * 86_400_000;
  return strikes.filter((s) => s.at > since);
}
