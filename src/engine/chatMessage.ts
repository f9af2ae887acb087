/** Who sent a message, as the platform tells it. */
export interface ChatMember {
  /** Platform user id (stable; names change). */
  id: string;
  /** Display name at the time of the message. */
  name: string;
  /** The platform says this member administers the group. */
  isAdmin?: boolean;
  /** Role ids (Discord) or titles (Telegram custom titles); used by exemptions. */
  roles?: readonly string[];
}

/**
 * One chat message in the platform-free shape every adapter produces and the engine reads.
 * Adapters fill it from a Telegram update or a Discord event; the CLI from a chat export.
 */
export interface ChatMessage {
  /** Where it came from: 'telegram', 'discord', 'console', 'scan', … */
  platform: string;
  /** Group (Telegram chat id, Discord guild id). */
  groupId: string;
  /** Channel within the group (Discord channel, Telegram topic); absent where there is none. */
  channelId?: string;
  /** The channel a thread belongs to (a Discord thread's parent): an exemption of the channel covers its threads. */
  parentChannelId?: string;
  /** Message id, unique within the group (channel). */
  messageId: string;
  member: ChatMember;
  /** Text, or the caption of a photo or video. */
  text: string;
  /** When it was sent (or edited), ms since the epoch. */
  sentAt: number;
  /** This is an edit of a message seen before. */
  edited?: boolean;
  /** Forwarded from somewhere else (a channel, another chat). */
  forwarded?: boolean;
  /** A link to the message, where the platform has one. */
  link?: string;
  /**
   * The message's pictures were read: `text` holds the caption, then (from `textStart` on) the
   * text read from the pictures, whose sha256 are listed.
   */
  images?: { sha256: string[]; textStart: number };
}
