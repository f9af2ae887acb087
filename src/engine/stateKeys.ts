import { storeKey } from '../store/storeKey.js';

/**
 * Store keys. Observe mode keeps its own strikes and replies, so an owner trying the bot out
 * sees a realistic ladder without members carrying those strikes into enforce mode. Every part
 * is escaped (storeKey), so an id holding `:` cannot reach another group's or member's state.
 */
export const stateKeys = {
  settings: (group: string) => storeKey('settings', group),
  strikes: (mode: string, group: string, member: string) => storeKey('strikes', mode, group, member),
  /**
   * A rumor's last refutation, per language it was written in and per channel of the group where
   * the platform has channels (a Discord server's channels and threads, a Telegram forum's
   * topics): a pointer links to a refutation its readers can see and read, never into a channel of
   * the server they may not be able to open, nor a Chinese member to an English answer.
   */
  reply: (mode: string, group: string, debunk: string, language: string, channel?: string) =>
    channel === undefined ? storeKey('reply', mode, group, debunk, language) : storeKey('reply', mode, group, debunk, language, channel),
  /**
   * A member whose post of a rumor got nothing because a pointer to its refutation had just gone
   * out (see MessageState.passedOver), where that refutation is kept (see `reply`).
   */
  passedOver: (mode: string, group: string, debunk: string, language: string, member: string, channel?: string) =>
    storeKey('passed', mode, group, debunk, language, member, channel ?? ''),
  /** Who earned a strike with a message: an accepted "not a rumor" takes that strike back. */
  struck: (mode: string, group: string, message: string) => storeKey('struck', mode, group, message),
};
