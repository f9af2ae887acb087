/**
 * Shapes the fake Discord speaks in. Discord's own objects are typed with discord.js's
 * re-export of discord-api-types (the typings the bot compiles against), so a message a test
 * hands to bot code type-checks against what discord.js would really receive.
 */
import type { APIMessage } from 'discord.js';

/** Options for {@link FakeDiscord.start}. */
export interface FakeDiscordOptions {
  /**
   * The bot token. discord.js strips a leading `Bot`/`Bearer` from the token given to
   * `login()` (so `'Bot-token-for-tests'` is sent as `-token-for-tests`); the fake applies
   * the same rule, so the token can be written here exactly as it is passed to `login()`.
   */
  token: string;
  /** The application the bot belongs to; slash commands and interactions hang off it. */
  application: { id: string; name?: string };
  /** The bot user. */
  bot: { id: string; username: string; globalName?: string };
}

/** Channel types the fake models: text 0, DM 1, voice 2, category 4, news 5, threads 10/11/12, forum 15. */
export type FakeChannelType = 0 | 1 | 2 | 4 | 5 | 10 | 11 | 12 | 15;

/** A guild channel as a test describes it to {@link FakeDiscord.addGuild}. */
export interface ChannelInput {
  id: string;
  name: string;
  /** Defaults to 0 (text). Threads (10, 11, 12) need `parentId` and go into GUILD_CREATE's `threads`. */
  type?: Exclude<FakeChannelType, 1>;
  /** The category of a channel, or the channel a thread lives in. */
  parentId?: string;
}

/** A role as a test describes it; `permissions` is Discord's decimal bit string or a bigint. */
export interface RoleInput {
  id: string;
  name: string;
  permissions: string | bigint;
  /** Hierarchy position; defaults to the role's index in the list plus one (@everyone is 0). */
  position?: number;
}

/** A guild as a test describes it to {@link FakeDiscord.addGuild}. */
export interface GuildInput {
  id: string;
  name: string;
  /** The owner; the fake adds them as a member if they are a known user. */
  ownerId: string;
  /** Defaults to 'en-US'. */
  preferredLocale?: string;
  channels: ChannelInput[];
  /**
   * Extra roles. The @everyone role has the guild's id and ordinary member permissions;
   * list a role with `id: guild.id` to change them.
   */
  roles?: RoleInput[];
  /** The bot's permissions (held by its managed role); defaults to {@link DEFAULT_BOT_PERMISSIONS}. */
  botPermissions?: string | bigint;
}

/** A user as a test describes it to {@link FakeDiscord.addUser}. */
export interface UserInput {
  id: string;
  username: string;
  globalName?: string;
  bot?: boolean;
}

/** Membership details for {@link FakeDiscord.addMember}. */
export interface MemberOptions {
  /** Role ids (without @everyone, which every member has implicitly). */
  roles?: string[];
  nick?: string;
  /**
   * When the member's timeout ends (ISO 8601), or null: no timeout, e.g. once one has run out. No
   * gateway event follows, as at Discord when a timeout expires.
   */
  communicationDisabledUntil?: string | null;
}

/** A file that arrived in a multipart upload (`files[n]` parts). */
export interface ReceivedFile {
  /** The form field, e.g. `files[0]`. */
  field: string;
  /** The file name the bot gave. */
  name: string;
  /** The part's content type (discord.js sniffs it from the bytes, so text often has none). */
  contentType: string;
  data: Buffer;
}

/** One REST request the fake received, in arrival order, with the answer it got. */
export interface RecordedCall {
  /** Upper-case HTTP method. */
  method: string;
  /** Method and path with the real ids, e.g. `POST /channels/123/messages` (no `/api/v10`, no query). */
  route: string;
  /** Method and templated path, e.g. `POST /channels/:channel/messages`. */
  template: string;
  /** The path after `/api/v10`, e.g. `/channels/123/messages`. */
  path: string;
  /** Query parameters, e.g. `{ with_response: 'false' }` on interaction callbacks. */
  query: Record<string, string>;
  /** The JSON body, or `payload_json` parsed for multipart uploads; undefined without a body. */
  body: unknown;
  /** Uploaded files, for multipart requests. */
  files: ReceivedFile[];
  /** The decoded `X-Audit-Log-Reason` header, when the bot gave a reason. */
  reason?: string;
  /** `Date.now()` when the request arrived. */
  at: number;
  /** The HTTP status the fake answered with. */
  status: number;
  /** The JSON body the fake answered with (undefined for 204). */
  response: unknown;
}

/** What {@link FakeDiscord.failNext} answers instead of the real handler. */
export interface FailureResponse {
  /** HTTP status, e.g. 403, 404, 429 or 500 (discord.js retries 5xx up to 3 times by itself). */
  status: number;
  /**
   * The JSON body, e.g. `{ message: 'Missing Permissions', code: 50013 }`. For 429 put
   * `retry_after` (seconds, a float) here; the fake derives the rate-limit headers from it,
   * and adds `X-RateLimit-Global` when `global: true`.
   */
  body: Record<string, unknown>;
  /** Extra or overriding response headers. */
  headers?: Record<string, string>;
}

/** A message the bot posted with a channel endpoint (guild channels, threads and DMs). */
export interface BotMessage extends APIMessage {
  /** The body exactly as the bot posted it (`payload_json` for uploads). */
  sent: Record<string, unknown>;
  /** `allowed_mentions` as sent (Discord does not echo it, so APIMessage has no such field). */
  allowed_mentions?: unknown;
  /** Files uploaded with the message. */
  files: ReceivedFile[];
  /** Set once the bot (or a test) deleted it. */
  deleted: boolean;
}

/** What the bot answered one interaction with. */
export interface InteractionResponses {
  /** The body of `POST /interactions/:id/:token/callback` (`{ type, data }`), once answered. */
  callback?: Record<string, unknown>;
  /** Bodies of `PATCH /webhooks/:app/:token/messages/:message` (`@original` or a follow-up), in order. */
  edits: Record<string, unknown>[];
  /** Bodies of `POST /webhooks/:app/:token` (follow-ups), in order. */
  followups: Record<string, unknown>[];
  /** True once the original response was deleted. */
  originalDeleted: boolean;
}

/** The handle of an interaction the fake delivered. */
export interface InteractionRef {
  id: string;
  token: string;
}

/** One IDENTIFY the gateway accepted. */
export interface IdentifyRecord {
  /** `[shard_id, num_shards]`. */
  shard: [number, number];
  /** The intents bit field the client asked for. */
  intents: number;
  at: number;
}
