import { PermissionFlagsBits, type APIAttachment, type APIEmbed, type APIMessage } from 'discord.js';
import { apiChannel } from './apiObjects.js';
import type { FakeContext } from './context.js';
import { DiscordApiError, emptyMessage, invalidFormBody, missingAccess, missingPermissions, notInDm, unknown } from './discordError.js';
import { buildMessage } from './messages.js';
import { hasPermission } from './permissions.js';
import { noContent, ok, type RouteRequest, type Router } from './router.js';
import type { ReceivedFile } from './types.js';
import { THREAD_TYPES, type ChannelState } from './world.js';

/*
 * Channel and message routes: posting (JSON or multipart with files), fetching, editing and
 * deleting messages, DM channels, typing and reactions. Permission checks are Discord's
 * guild-level ones (no channel overwrites): View Channel, then Send Messages (Send Messages in
 * Threads in threads), Attach Files for uploads, Manage Messages to delete others' messages.
 */

const CONTENT_LIMIT = 2000;
const EMBED_LIMIT = 10;

function record(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

function channelOf(ctx: FakeContext, channelId: string | undefined): ChannelState {
  const channel = ctx.world.channels.get(channelId ?? '');
  if (!channel) throw unknown('Channel', 10003);
  return channel;
}

/** The bot's guild permissions where `channel` is, or undefined in DMs. */
function botPermissionsIn(ctx: FakeContext, channel: ChannelState): bigint | undefined {
  return channel.guildId === null ? undefined : ctx.world.permissionsOf(channel.guildId, ctx.world.botId);
}

function requireSendable(ctx: FakeContext, channel: ChannelState, withFiles: boolean): void {
  if (channel.type === 1) {
    if (ctx.closedDms.has(channel.recipientId ?? '')) throw new DiscordApiError(403, { message: 'Cannot send messages to this user', code: 50007 });
    return;
  }
  const permissions = botPermissionsIn(ctx, channel) ?? 0n;
  if (!hasPermission(permissions, PermissionFlagsBits.ViewChannel)) throw missingAccess();
  const send = THREAD_TYPES.has(channel.type) ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages;
  if (!hasPermission(permissions, send)) throw missingPermissions();
  if (withFiles && !hasPermission(permissions, PermissionFlagsBits.AttachFiles)) throw missingPermissions();
}

/** Attachment objects for uploaded files; `attachments[n].description` from the body is kept. */
export function attachmentsFor(ctx: FakeContext, channelId: string, files: ReceivedFile[], body: Record<string, unknown>): APIAttachment[] {
  const described = Array.isArray(body.attachments) ? (body.attachments as Record<string, unknown>[]) : [];
  return files.map((file, index) => {
    const id = ctx.ids.next();
    const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${encodeURIComponent(file.name)}`;
    const description = described[index]?.description;
    return {
      id,
      filename: file.name,
      size: file.data.length,
      url,
      proxy_url: url.replace('cdn.discordapp.com', 'media.discordapp.net'),
      ...(file.contentType ? { content_type: file.contentType } : {}),
      ...(typeof description === 'string' ? { description } : {}),
    };
  });
}

/**
 * Check a message body the way Discord does: at most 2000 characters and 10 embeds, and not
 * empty. Returns its parts.
 */
export function validatedParts(body: Record<string, unknown>, fileCount: number): { content: string; embeds: APIEmbed[]; components: unknown[] } {
  const content = typeof body.content === 'string' ? body.content : '';
  if (content.length > CONTENT_LIMIT) throw invalidFormBody('content', 'BASE_TYPE_MAX_LENGTH', `Must be ${CONTENT_LIMIT} or fewer in length.`);
  const embeds = Array.isArray(body.embeds) ? (body.embeds as APIEmbed[]) : [];
  if (embeds.length > EMBED_LIMIT) throw invalidFormBody('embeds', 'BASE_TYPE_MAX_LENGTH', `Must be ${EMBED_LIMIT} or fewer in length.`);
  const components = Array.isArray(body.components) ? body.components : [];
  const stickers = Array.isArray(body.sticker_ids) ? body.sticker_ids : [];
  if (!content && embeds.length === 0 && fileCount === 0 && components.length === 0 && stickers.length === 0 && !body.poll) throw emptyMessage();
  return { content, embeds, components };
}

function postMessage(ctx: FakeContext, { params, body, files }: RouteRequest): APIMessage {
  const channel = channelOf(ctx, params.channel);
  requireSendable(ctx, channel, files.length > 0);
  const json = record(body);
  const parts = validatedParts(json, files.length);
  const reference = record(json.message_reference);
  let referenced: APIMessage | undefined;
  if (typeof reference.message_id === 'string') {
    referenced = ctx.messages.live(typeof reference.channel_id === 'string' ? reference.channel_id : channel.id, reference.message_id)?.message;
    if (!referenced && reference.fail_if_not_exists !== false) {
      throw invalidFormBody('message_reference', 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', 'Unknown message');
    }
  }
  const message = buildMessage(ctx.world, ctx.ids.next(), channel, ctx.world.botId, {
    ...parts,
    attachments: attachmentsFor(ctx, channel.id, files, json),
    ...(typeof json.flags === 'number' ? { flags: json.flags } : {}),
    ...(referenced ? { referenced } : {}),
  });
  if (json.nonce !== undefined) Object.assign(message, { nonce: json.nonce });
  ctx.messages.add({ message, author: 'bot', deleted: false, sent: structuredClone(json), files });
  ctx.delivery.message('MESSAGE_CREATE', message);
  return message;
}

function editMessage(ctx: FakeContext, { params, body }: RouteRequest): APIMessage {
  const channel = channelOf(ctx, params.channel);
  const stored = ctx.messages.live(channel.id, params.message ?? '');
  if (!stored) throw unknown('Message', 10008);
  if (stored.author !== 'bot') throw new DiscordApiError(403, { message: 'Cannot edit a message authored by another user', code: 50005 });
  const json = record(body);
  const current = stored.message;
  const next = {
    ...current,
    ...('content' in json ? { content: typeof json.content === 'string' ? json.content : '' } : {}),
    ...('embeds' in json ? { embeds: (json.embeds ?? []) as APIEmbed[] } : {}),
    ...('components' in json ? { components: (json.components ?? []) as APIMessage['components'] } : {}),
    ...(typeof json.flags === 'number' ? { flags: json.flags } : {}),
    edited_timestamp: new Date().toISOString(),
  } as APIMessage;
  validatedParts({ content: next.content, embeds: next.embeds, components: next.components ?? [] }, next.attachments.length);
  stored.message = next;
  ctx.delivery.message('MESSAGE_UPDATE', next);
  return next;
}

function deleteMessage(ctx: FakeContext, { params }: RouteRequest): void {
  const channel = channelOf(ctx, params.channel);
  const stored = ctx.messages.live(channel.id, params.message ?? '');
  if (!stored) throw unknown('Message', 10008);
  if (stored.author !== 'bot') {
    if (channel.type === 1) throw notInDm();
    if (!hasPermission(botPermissionsIn(ctx, channel) ?? 0n, PermissionFlagsBits.ManageMessages)) throw missingPermissions();
  }
  stored.deleted = true;
  const d = { id: stored.message.id, channel_id: channel.id, ...(channel.guildId ? { guild_id: channel.guildId } : {}) };
  ctx.delivery.messageDelete(d);
}

function listMessages(ctx: FakeContext, { params, query }: RouteRequest): APIMessage[] {
  const channel = channelOf(ctx, params.channel);
  const limit = Math.min(Number(query.get('limit') ?? 50), 100);
  const all = ctx.messages
    .inChannel(channel.id)
    .filter((stored) => !stored.deleted)
    .map((stored) => stored.message);
  return all.reverse().slice(0, limit);
}

function react(ctx: FakeContext, { params }: RouteRequest): void {
  const channel = channelOf(ctx, params.channel);
  if (!ctx.messages.live(channel.id, params.message ?? '')) throw unknown('Message', 10008);
  const permissions = botPermissionsIn(ctx, channel);
  if (permissions !== undefined && !hasPermission(permissions, PermissionFlagsBits.AddReactions)) throw missingPermissions();
}

/** Add the channel, message and DM routes. */
export function addChannelRoutes(router: Router, ctx: FakeContext): void {
  router
    .add('GET', '/channels/:channel', ({ params }) => ok(apiChannel(ctx.world, channelOf(ctx, params.channel))))
    .add('GET', '/channels/:channel/messages', (request) => ok(listMessages(ctx, request)))
    .add('POST', '/channels/:channel/messages', (request) => ok(postMessage(ctx, request)))
    .add('GET', '/channels/:channel/messages/:message', ({ params }) => {
      const stored = ctx.messages.live(channelOf(ctx, params.channel).id, params.message ?? '');
      if (!stored) throw unknown('Message', 10008);
      return ok(stored.message);
    })
    .add('PATCH', '/channels/:channel/messages/:message', (request) => ok(editMessage(ctx, request)))
    .add('DELETE', '/channels/:channel/messages/:message', (request) => (deleteMessage(ctx, request), noContent()))
    .add('PUT', '/channels/:channel/messages/:message/reactions/:emoji/@me', (request) => (react(ctx, request), noContent()))
    .add('DELETE', '/channels/:channel/messages/:message/reactions/:emoji/@me', (request) => (react(ctx, request), noContent()))
    .add('POST', '/channels/:channel/typing', ({ params }) => (channelOf(ctx, params.channel), noContent()))
    .add('POST', '/users/@me/channels', ({ body }) => {
      const recipient = record(body).recipient_id;
      if (typeof recipient !== 'string' || !ctx.world.users.has(recipient)) throw unknown('User', 10013);
      return ok(apiChannel(ctx.world, ctx.world.openDm(recipient)));
    });
}
