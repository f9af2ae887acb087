/** One counted offence: one message, however many rumors it carried. */
export interface Strike {
  at: number;
  debunkId: string;
  messageId: string;
  /**
   * Further rumors the same message carried, counted with this one strike (a message earns at
   * most one): an edit of the message does not count them again.
   */
  also?: string[];
  /**
   * The member-facing sanctions that went out with this strike (warn, mute, delete), none when the
   * group had them off or watched only: the ladder reads what a member really got (see decide). A
   * strike written before this was kept has no `got`.
   */
  got?: ('warn' | 'mute' | 'delete')[];
}

/** The first refutation of a debunk in a group, for repeat suppression. */
export interface ReplyRecord {
  at: number;
  messageId: string;
  /** Whose message it answered: they know the rumor is refuted. */
  memberId?: string;
  link?: string;
  /**
   * The refutation answered a question: it counted nothing, so the message edited into the rumor
   * itself is a first offence (it was not counted when it asked).
   */
  asked?: true;
  /**
   * The strike of the message it answered was withdrawn (an edit took the rumor back): it counts
   * nothing either, so the message edited into the rumor again is a new offence.
   */
  withdrawn?: true;
  /**
   * When a pointer to it last went to a member who spread the rumor: pointers go out at most once
   * per QUIET_REPLY_INTERVAL_MS, so a flood gets one reminder, not one each.
   */
  pointedAt?: number;
  /** Whom that pointer went to: they know the rumor is refuted. */
  pointedTo?: string;
}

/** What the engine knows before deciding on a message. */
export interface MessageState {
  /** The member's strikes that have not decayed. */
  strikes: Strike[];
  /**
   * The last refutation here of each rumor the message carries (by debunk id), where there is one
   * inside or near the repeat window: the repeat window applies to each rumor on its own.
   */
  lastReplies?: Readonly<Record<string, ReplyRecord>>;
  /** Debunks this message (by id) was already counted for: edits do not count twice. */
  counted: string[];
  /**
   * Rumors (by debunk id) whose last post by this member got nothing (a pointer to its refutation
   * had just gone out): this one gets a pointer of its own, however recent the last, so nobody is
   * passed over twice.
   */
  passedOver?: readonly string[];
}

/** Every rumor a strike counted (see Strike.also). */
export const struckFor = (strike: Strike): string[] => [strike.debunkId, ...(strike.also ?? [])];

/** Strikes still in force at `now`. */
export function activeStrikes(strikes: readonly Strike[], now: number, decayDays: number): Strike[] {
  const since = now - decayDays * 86_400_000;
  return strikes.filter((s) => s.at > since);
}
