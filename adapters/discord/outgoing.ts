import { type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type Client, DiscordAPIError, type MessageCreateOptions } from 'discord.js';
import type { Merged, OutboxItem } from '../../src/outbox/types.js';
import { type Digest, digestOf, digestText, foldDigests } from '../../src/outbox/digest.js';
import { fitEmbeds } from './embedLimits.js';

/** One message the bot sends to a channel, or to a user by direct message. */
export interface DiscordOutgoing {
  /** A channel id, or a user id when `dm` is set. */
  to: { channel: string } | { user: string };
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  /** The message this answers; sent even if that message was deleted meanwhile. */
  replyTo?: string;
  /** Ping the author of `replyTo` (warnings); never anyone else. */
  pingAuthor?: boolean;
  /** Notices that fold into one digest under a flood: the lines shown and how many more. */
  digest?: Digest;
}

/**
 * No @everyone, @here, role or user pings, whatever the text says; at most the author of the
 * message replied to, and only when asked.
 */
export const allowedMentions = (pingAuthor: boolean) => ({ parse: [], users: [], roles: [], repliedUser: pingAuthor });

/** The discord.js options for one outgoing message. */
export function messageOptions(p: DiscordOutgoing): MessageCreateOptions {
  return {
    ...(p.content ? { content: p.content } : {}),
    // Within Discord's embed limits, or Discord refuses the whole message.
    ...(p.embeds ? { embeds: fitEmbeds(p.embeds) } : {}),
    ...(p.components ? { components: p.components } : {}),
    ...(p.replyTo ? { reply: { messageReference: p.replyTo, failIfNotExists: false } } : {}),
    allowedMentions: allowedMentions(p.pingAuthor ?? false),
  };
}

/** Sends one outbox item; discord.js's REST queue handles Discord's own rate limits and 429s. */
export async function sendDiscord(client: Client, item: OutboxItem<DiscordOutgoing>): Promise<void> {
  const p = item.payload;
  if ('user' in p.to) {
    await client.users.send(p.to.user, messageOptions(p));
    return;
  }
  const channel = await client.channels.fetch(p.to.channel);
  if (!channel?.isSendable()) throw new Error(`channel ${p.to.channel} cannot receive messages`);
  await channel.send(messageOptions(p));
}

/** Missing Access (50001) and Missing Permissions (50013): the bot lacks a right, the owners must know. */
export const isMissingPermission = (error: unknown): boolean =>
  error instanceof DiscordAPIError && (error.code === 50013 || error.code === 50001 || error.status === 403 || isMissingHistory(error));

/** A reply refused for want of Read Message History (Discord's 160002: a reply must be able to read what it answers). */
export const isMissingHistory = (error: unknown): boolean => error instanceof DiscordAPIError && error.code === 160002;

/** A notice that can fold into a digest with the others waiting in its channel. */
export function digestNotice(channel: string, content: string, replyTo: string, pingAuthor: boolean): DiscordOutgoing {
  return { to: { channel }, content, replyTo, pingAuthor, digest: digestOf(content) };
}

/** Folds waiting notices into one message (ten lines, then a count); otherwise the later wins. */
export function mergeDiscord(earlier: DiscordOutgoing, later: DiscordOutgoing): Merged<DiscordOutgoing> {
  if (!earlier.digest || !later.digest) return { payload: later, combined: false };
  const digest = foldDigests(earlier.digest, later.digest);
  // A digest names several members: it pings none of them.
  return { payload: { ...later, pingAuthor: false, content: digestText(digest), digest }, combined: true };
}
