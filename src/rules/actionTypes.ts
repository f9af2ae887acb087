/** What a decision may ask an adapter to do. */
export const ACTION_TYPES = [
  'reply_refutation',
  'suggest_check',
  'pointer',
  'warn',
  'delete',
  'mute',
  'alert_owners',
  'log',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** Actions a ladder step can hold (the others are decided by other rules). */
export const LADDER_ACTIONS = ['reply_refutation', 'warn', 'delete', 'mute', 'alert_owners'] as const;
export type LadderAction = (typeof LADDER_ACTIONS)[number];

/**
 * The actions an owner switches on or off (`/rg enable`, the dashboard's boxes, Discord's choices):
 * those carried out only while enabled, the ladder's. Pointers and soft replies go out with the
 * refutation (set by the repeat window and `softReply`), and every incident is logged: offered as
 * switches, they were answered OK and changed nothing.
 */
export const SWITCHABLE_ACTIONS: readonly LadderAction[] = LADDER_ACTIONS;
