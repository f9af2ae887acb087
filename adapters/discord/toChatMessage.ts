import { type Message, MessageReferenceType, PermissionFlagsBits } from 'discord.js';
import type { ChatMessage } from '../../src/engine/chatMessage.js';
import { cutText } from '../../src/lib/cutText.js';

/** Longest text read from one message (content plus forwarded snapshots); Discord's own cap is 4000. */
const MAX_TEXT = 8_000;

/** A member who may configure the bot: Manage Server, the right the slash commands require. */
export const isManager = (message: Message<true>): boolean => message.member?.permissions.has(PermissionFlagsBits.ManageGuild) ?? false;

/**
 * What a member said: the content, plus the content of forwarded messages (Discord carries a
 * forward's text in its snapshot, not in `content`).
 */
export function textOf(message: Message): string {
  const forwarded =
    message.reference?.type === MessageReferenceType.Forward ? [...message.messageSnapshots.values()].map((s) => s.content ?? '') : [];
  return cutText([message.content, ...forwarded].filter((t) => t.trim() !== '').join('\n'), MAX_TEXT);
}

/**
 * A guild message (or an edit of one) in the engine's shape, or undefined when there is nothing
 * to read: not in a server, no text, a bot's or a webhook's message.
 */
export function toChatMessage(message: Message, options: { edited: boolean; pictures?: boolean }): ChatMessage | undefined {
  if (!message.inGuild() || message.author.bot || message.webhookId || message.system) return undefined;
  const text = textOf(message);
  // A picture without words still has something to read.
  if (text.trim() === '' && !options.pictures) return undefined;
  const member = message.member;
  return {
    platform: 'discord',
    groupId: message.guildId,
    channelId: message.channelId,
    ...(message.channel.isThread() && message.channel.parentId ? { parentChannelId: message.channel.parentId } : {}),
    messageId: message.id,
    member: {
      id: message.author.id,
      name: member?.displayName ?? message.author.globalName ?? message.author.username,
      isAdmin: isManager(message),
      roles: member ? [...member.roles.cache.keys()].filter((id) => id !== message.guildId) : [],
    },
    text,
    sentAt: options.edited && message.editedTimestamp ? message.editedTimestamp : message.createdTimestamp,
    ...(options.edited ? { edited: true } : {}),
    ...(message.reference?.type === MessageReferenceType.Forward ? { forwarded: true } : {}),
    link: message.url,
  };
}
