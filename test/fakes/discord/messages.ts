import type { APIAttachment, APIEmbed, APIMessage } from 'discord.js';
import { apiMemberFields, apiUser } from './apiObjects.js';
import type { BotMessage, ReceivedFile } from './types.js';
import type { ChannelState, World } from './world.js';

/*
 * Message objects in Discord's shape, and the store of every message the fake knows. discord.js
 * parses `timestamp`, `mentions`, `embeds`, `components` and `attachments` unguarded, so each
 * message carries them all; a reply (type 19) carries `message_reference` and the full
 * `referenced_message`, as Discord sends it.
 */

/** Message type 0 (default) and 19 (reply). */
const DEFAULT = 0;
const REPLY = 19;

/** One message the fake knows, from a member or from the bot. */
export interface StoredMessage {
  /** The message as the API shows it now (edits applied). */
  message: APIMessage;
  author: 'bot' | 'member';
  deleted: boolean;
  /** For the bot's messages: the body as posted, and uploads. */
  sent?: Record<string, unknown>;
  files?: ReceivedFile[];
}

/** What a message is made of, before ids and timestamps. */
export interface MessageContent {
  content: string;
  embeds?: APIEmbed[];
  components?: unknown[];
  attachments?: APIAttachment[];
  flags?: number;
  /** The message this one replies to. */
  referenced?: APIMessage;
  webhookId?: string;
}

/** Every message of every channel, by id (Discord's ids are global). */
export class MessageStore {
  private readonly byId = new Map<string, StoredMessage>();

  /** Remember a message under its id. */
  add(stored: StoredMessage): void {
    this.byId.set(stored.message.id, stored);
  }

  /** The message, deleted or not. */
  get(messageId: string): StoredMessage | undefined {
    return this.byId.get(messageId);
  }

  /** The message if it exists, is not deleted and lives in `channelId`. */
  live(channelId: string, messageId: string): StoredMessage | undefined {
    const stored = this.byId.get(messageId);
    return stored && !stored.deleted && stored.message.channel_id === channelId ? stored : undefined;
  }

  /** Every message of `channelId`, deleted ones included, oldest first. */
  inChannel(channelId: string): StoredMessage[] {
    return [...this.byId.values()].filter((stored) => stored.message.channel_id === channelId);
  }

  /** The bot's channel messages in posting order, optionally of one channel, as {@link BotMessage}s. */
  botMessages(channelId?: string): BotMessage[] {
    return [...this.byId.values()]
      .filter((stored) => stored.author === 'bot' && stored.sent && (channelId === undefined || stored.message.channel_id === channelId))
      .map((stored) => {
        const sent = structuredClone(stored.sent ?? {});
        return {
          ...structuredClone(stored.message),
          sent,
          ...('allowed_mentions' in sent ? { allowed_mentions: sent.allowed_mentions } : {}),
          files: (stored.files ?? []).map((file) => ({ ...file, data: Buffer.from(file.data) })),
          deleted: stored.deleted,
        };
      });
  }
}

/**
 * Users, roles and @everyone mentioned in `content` (`<@id>`, `<@!id>`, `<@&id>`), as Discord
 * lists them; mentioned users carry a `member` in guilds.
 */
function mentionsIn(world: World, channel: ChannelState, content: string): Pick<APIMessage, 'mentions' | 'mention_roles' | 'mention_everyone'> {
  const guild = channel.guildId ? world.guilds.get(channel.guildId) : undefined;
  const userIds = new Set([...content.matchAll(/<@!?(\d+)>/g)].map((match) => match[1] ?? ''));
  const mentions = [...userIds]
    .map((id) => world.users.get(id))
    .filter((user) => user !== undefined)
    .map((user) => {
      const member = guild?.members.get(user.id);
      return { ...apiUser(user), ...(member ? { member: apiMemberFields(member) } : {}) };
    });
  const roleIds = new Set([...content.matchAll(/<@&(\d+)>/g)].map((match) => match[1] ?? ''));
  return {
    mentions,
    mention_roles: [...roleIds].filter((id) => guild?.roles.has(id)),
    mention_everyone: /@(everyone|here)\b/.test(content),
  };
}

/**
 * A new message by `authorId` in `channel`. In guilds it carries the author's `member` (without
 * `user`, as in MESSAGE_CREATE); a webhook message has a webhook author and no member.
 */
export function buildMessage(world: World, id: string, channel: ChannelState, authorId: string, parts: MessageContent): APIMessage {
  const user = world.requireUser(authorId);
  const member = channel.guildId && !parts.webhookId ? world.guilds.get(channel.guildId)?.members.get(authorId) : undefined;
  const author = parts.webhookId ? { ...apiUser(user), id: parts.webhookId, discriminator: '0000', bot: true } : apiUser(user);
  const reference = parts.referenced;
  const message = {
    id,
    channel_id: channel.id,
    ...(channel.guildId ? { guild_id: channel.guildId } : {}),
    author,
    ...(member ? { member: apiMemberFields(member) } : {}),
    content: parts.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    ...mentionsIn(world, channel, parts.content),
    attachments: parts.attachments ?? [],
    embeds: parts.embeds ?? [],
    components: parts.components ?? [],
    pinned: false,
    type: reference ? REPLY : DEFAULT,
    flags: parts.flags ?? 0,
    ...(parts.webhookId ? { webhook_id: parts.webhookId } : {}),
    ...(reference
      ? {
          message_reference: { type: 0, message_id: reference.id, channel_id: reference.channel_id, ...(channel.guildId ? { guild_id: channel.guildId } : {}) },
          // Discord does not nest replies: the referenced message comes without its own reference.
          referenced_message: withoutNestedReply(reference),
        }
      : {}),
  };
  return message as APIMessage;
}

/** A copy of `message` fit for `referenced_message`: Discord drops the nested `referenced_message`. */
export function withoutNestedReply(message: APIMessage): APIMessage {
  const { referenced_message: _nested, ...rest } = message;
  return structuredClone(rest) as APIMessage;
}
