/**
 * Store keys. Observe mode keeps its own strikes and replies, so an owner trying the bot out
 * sees a realistic ladder without members carrying those strikes into enforce mode.
 */
export const stateKeys = {
  settings: (group: string) => `settings:${group}`,
  strikes: (mode: string, group: string, member: string) => `strikes:${mode}:${group}:${member}`,
  reply: (mode: string, group: string, debunk: string) => `reply:${mode}:${group}:${debunk}`,
  counted: (mode: string, group: string, message: string) => `counted:${mode}:${group}:${message}`,
};
