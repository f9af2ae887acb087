import type { ChatMessage } from '../engine/chatMessage.js';
import type { Attempt, ModerationPort } from '../moderation/moderationPort.js';

/**
 * What review needs from a platform besides the decision port of a live message: answering an
 * earlier message (a report accepted later), telling a member in the group, and telling someone
 * privately (a reporter, the operator). Each adapter registers one with the moderator.
 */
export interface ReviewPort {
  /** The port a decision about an earlier message is carried out through (replies go to it). */
  portFor(message: ChatMessage): ModerationPort;
  /** A short plain-text notice in the group, as a reply to a message. */
  notify(groupId: string, messageId: string, text: string, channelId?: string): Promise<Attempt>;
  /** A private plain-text message to a user of the platform. */
  tellPrivately(userId: string, text: string): Promise<Attempt>;
  /** A plain-text message to the group's owners, where owner alerts go (the weekly digest). */
  tellOwners?(groupId: string, text: string): Promise<Attempt>;
}
