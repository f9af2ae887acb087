/** A group as the dashboard lists it. */
export interface GroupRef {
  /** The platform's group id (Telegram chat id, Discord guild id, `console`). */
  id: string;
  /** Its name on the platform, for people; never trusted as markup. */
  title: string;
  platform: string;
}

/**
 * What the dashboard asks a platform about its users: the small port each adapter implements
 * (Telegram from getChatAdministrators, Discord from the Manage Server permission, the playground
 * from its one owner). Answers come from the platform at the time of asking, never from the
 * dashboard's own memory, so a demoted admin loses access at the next check.
 */
export interface AdminDirectory {
  readonly platform: string;
  /** Is the user an admin of this group now? */
  isAdmin(userId: string, groupId: string): Promise<boolean>;
  /**
   * The groups the bot knows on this platform that the user administers, checked with the
   * platform. May leave out groups the bot cannot enumerate; `isAdmin` still answers for those.
   */
  groupsOf(userId: string): Promise<GroupRef[]>;
  /**
   * Lifts a member's mute in the group, as a pardon in the chat does (Telegram's restriction,
   * Discord's timeout): 'lifted', or 'not_muted' when there was none; rejects with the platform's
   * refusal. Absent where the platform has no mutes to lift.
   */
  unmute?(groupId: string, memberId: string): Promise<'lifted' | 'not_muted'>;
}
