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
