import type { APIEmbed, APIMessage } from 'discord.js';
import type { FakeContext } from './context.js';
import { buildMessage } from './messages.js';
import type { ChannelState } from './world.js';

/*
 * Members writing, editing and deleting messages. Each action updates the fake's store, sends
 * the gateway event to the sessions that receive it, and resolves once those clients have
 * handled it (their listeners have been called), so a test can assert right after awaiting.
 */

/** Extras for a member's message. */
export interface MemberMessageExtra {
  embeds?: APIEmbed[];
  /** Make it a reply (type 19) to this message of the same channel. */
  referencedMessageId?: string;
  /** Post it through this webhook: webhook author, no member, `webhook_id` set. */
  webhookId?: string;
  /** Files attached (pictures): served at their `url` by the fake's CDN. */
  attachments?: { name: string; data: Buffer; contentType?: string; width?: number; height?: number }[];
}

/** Throw unless `userId` may post in `channel`: a member who is not timed out, or the DM's recipient. */
function requirePoster(ctx: FakeContext, channel: ChannelState, userId: string): void {
  ctx.world.requireUser(userId);
  if (channel.guildId === null) {
    if (channel.recipientId !== userId) throw new Error(`user ${userId} is not the recipient of DM channel ${channel.id}`);
    return;
  }
  const member = ctx.world.requireMember(channel.guildId, userId);
  const until = member.communicationDisabledUntil;
  if (until !== null && Date.parse(until) > Date.now()) throw new Error(`user ${userId} is timed out until ${until} and cannot post`);
}

/** A member (or the DM's recipient) posts `content` in `channelId`: MESSAGE_CREATE. */
export async function memberSays(ctx: FakeContext, channelId: string, userId: string, content: string, extra: MemberMessageExtra = {}): Promise<APIMessage> {
  const channel = ctx.world.requireChannel(channelId);
  requirePoster(ctx, channel, userId);
  ctx.delivery.requireSessionsFor(channel.guildId);
  let referenced: APIMessage | undefined;
  if (extra.referencedMessageId !== undefined) {
    referenced = ctx.messages.live(channelId, extra.referencedMessageId)?.message;
    if (!referenced) throw new Error(`memberSays: message ${extra.referencedMessageId} is not a live message of channel ${channelId}`);
  }
  const id = ctx.ids.next();
  const attachments = (extra.attachments ?? []).map((file) => {
    const attachmentId = ctx.ids.next();
    const url = ctx.cdn.host(`attachments/${channelId}/${attachmentId}/${file.name}`, file.data, file.contentType ?? 'application/octet-stream');
    return {
      id: attachmentId,
      filename: file.name,
      size: file.data.byteLength,
      url,
      proxy_url: url,
      ...(file.contentType ? { content_type: file.contentType } : {}),
      ...(file.width !== undefined ? { width: file.width, height: file.height ?? null } : {}),
    };
  });
  const message = buildMessage(ctx.world, id, channel, userId, {
    content,
    ...(attachments.length > 0 ? { attachments } : {}),
    ...(extra.embeds ? { embeds: extra.embeds } : {}),
    ...(referenced ? { referenced } : {}),
    ...(extra.webhookId ? { webhookId: extra.webhookId } : {}),
  });
  ctx.messages.add({ message, author: 'member', deleted: false });
  await ctx.delivery.settle(ctx.delivery.message('MESSAGE_CREATE', message));
  return structuredClone(message);
}

/** The author edits a message to `newContent`: MESSAGE_UPDATE with the full message. */
export async function memberEdits(ctx: FakeContext, channelId: string, messageId: string, newContent: string): Promise<APIMessage> {
  const channel = ctx.world.requireChannel(channelId);
  const stored = ctx.messages.live(channelId, messageId);
  if (!stored) throw new Error(`memberEdits: message ${messageId} is not a live message of channel ${channelId}`);
  ctx.delivery.requireSessionsFor(channel.guildId);
  stored.message = { ...stored.message, content: newContent, edited_timestamp: new Date().toISOString() };
  await ctx.delivery.settle(ctx.delivery.message('MESSAGE_UPDATE', stored.message));
  return structuredClone(stored.message);
}

/** The author (or a moderator) deletes a message: MESSAGE_DELETE. */
export async function memberDeletes(ctx: FakeContext, channelId: string, messageId: string): Promise<void> {
  const channel = ctx.world.requireChannel(channelId);
  const stored = ctx.messages.live(channelId, messageId);
  if (!stored) throw new Error(`memberDeletes: message ${messageId} is not a live message of channel ${channelId}`);
  ctx.delivery.requireSessionsFor(channel.guildId);
  stored.deleted = true;
  const d = { id: messageId, channel_id: channelId, ...(channel.guildId ? { guild_id: channel.guildId } : {}) };
  await ctx.delivery.settle(ctx.delivery.messageDelete(d));
}
