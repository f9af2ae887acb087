/**
 * Why a rule fired or did not: one identifier per outcome, so dry runs, logs and translations
 * share one vocabulary. The text is the English explanation shown by `check` and the playground.
 */
export const REASONS = {
  no_match: 'no known rumor matched',
  excluded: 'matched a rumor the group excludes (retired here, or an admin agreed a message like this one is not it): read without it',
  below_suggest: 'best score is below the suggest threshold',
  suggest_only: 'score is between the suggest and act thresholds: logged only',
  soft_reply: 'score is between the thresholds and soft replies are on',
  at_act: 'score is at or above the act threshold',
  suggest_only_question: 'the member asks, and the score is between the suggest and answer thresholds: logged only',
  at_answer: 'the member asks, and the score is at or above the answer threshold',
  refuting: 'the message refutes the rumor: nobody is punished for spreading the truth',
  not_refuting: 'the member passes the rumor on (no sign of refuting, asking or mocking): the ladder applies',
  mocking: 'the member laughs the rumor off: no strike and no reply',
  asking: 'the member asks whether the rumor is true: answered kindly, no strike',
  first_count: 'the first time this message counts for this rumor',
  not_exempt: 'the member is not exempt',
  already_counted: 'an edit of a message already counted for this rumor',
  several_claims: 'the message carries several known rumors: each is answered and logged on its own repeat window, with one strike for the message',
  edit_refutes: 'the message that earned a strike was edited to refute the rumor: the strike is withdrawn',
  edit_unmatched: 'the message that earned a strike was edited and no longer carries a rumor the group acts on: the strike is withdrawn',
  exempt_admin: 'the member is a group admin (exempt)',
  exempt_member: 'the member is on the exemption list',
  exempt_role: 'the member has an exempt role',
  exempt_channel: 'the channel is exempt',
  exempt_shown: 'exempt, but the refutation is still shown',
  exempt_hidden: 'exempt, and refutations for exempt members are off',
  ladder_step: 'escalation ladder step for the member\'s active strikes',
  ladder_graded: 'the member never got the steps before this one (a warning before a first mute, the first mute before a longer one): the earlier step instead',
  repeat_pointer: 'the rumor was refuted here moments ago: a pointer to that reply instead',
  repeat_silent: 'the rumor was refuted here moments ago: no second reply',
  repeat_here: 'this message got the refutation already (it was edited): no second reply',
  repeat_paced: 'the rumor was refuted here moments ago and a pointer to that reply went out less than a minute ago: none this time',
  not_told: 'the member is not addressed (the rumor was answered here moments ago, and nothing goes to them this time): no strike',
  told_before: 'the member got the refutation (or the last pointer to it) moments ago: they spread it knowingly, and are struck though nothing more is said',
  first_in_window: 'first refutation of this rumor in the repeat window',
  observe_mode: 'the group is in observe mode: decided and logged, not done',
  action_disabled: 'this action is not enabled for the group',
  incident: 'every match at or above the suggest threshold is logged',
  store_unavailable: 'the store is unreachable: decided without the member\'s strikes and the repeat window, nothing counted',
  inbox_full: 'not handled: the chat sent faster than the bot could read it (too many of its messages waiting); nothing done, nothing counted',
} as const;

export type Reason = keyof typeof REASONS;

/** One rule considered for a message, fired or not, and why: the dry-run explanation. */
export interface RuleOutcome {
  rule: string;
  fired: boolean;
  reason: Reason;
  /** Specifics: scores, counts, names. */
  detail?: string;
}
