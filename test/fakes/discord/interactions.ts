import { randomBytes } from 'node:crypto';
import type { APIApplicationCommandInteractionDataOption, APIMessage } from 'discord.js';
import { apiChannel, apiMember, apiMemberFields, apiRole, apiUser } from './apiObjects.js';
import type { InteractionResponses } from './types.js';
import type { World } from './world.js';

/*
 * Interactions the fake delivered, and their INTERACTION_CREATE payloads. discord.js builds its
 * interaction classes from these unguarded: `entitlements` must be an array,
 * `authorizing_integration_owners` an object, `member.permissions` a bit string (it becomes
 * `interaction.memberPermissions`) and `app_permissions` too; options of type user, channel
 * and role are only readable with `getUser`/`getMember`/`getChannel`/`getRole` when
 * `data.resolved` carries the objects, which the fake fills in from its world.
 */

/** Interaction types: application command, message component. */
export const APPLICATION_COMMAND = 2;
export const MESSAGE_COMPONENT = 3;

/** An interaction and everything the bot answered. */
export interface StoredInteraction {
  id: string;
  token: string;
  type: number;
  /** For commands: 1 chat input, 2 user, 3 message. */
  commandType?: number;
  guildId: string;
  channelId: string;
  userId: string;
  responses: InteractionResponses;
  /** The id of the original response's message, once there is one (the message lives in the MessageStore). */
  originalId?: string;
  /** Ids of follow-up messages. */
  followupIds: string[];
  /** For component interactions: the message the component sits on. */
  componentMessageId?: string;
}

/** Interactions by id. */
export class InteractionStore {
  private readonly byId = new Map<string, StoredInteraction>();

  /** Remember a new interaction. */
  add(interaction: StoredInteraction): void {
    this.byId.set(interaction.id, interaction);
  }

  /** The interaction, if `id` and `token` belong together. */
  find(id: string, token: string): StoredInteraction | undefined {
    const found = this.byId.get(id);
    return found?.token === token ? found : undefined;
  }

  /** The interaction a webhook token belongs to (interaction tokens double as webhook tokens). */
  byToken(token: string): StoredInteraction | undefined {
    return [...this.byId.values()].find((interaction) => interaction.token === token);
  }

  /** The interaction by id, or undefined. */
  get(id: string): StoredInteraction | undefined {
    return this.byId.get(id);
  }
}

/** A fresh interaction token; Discord's are long opaque strings. */
export function interactionToken(): string {
  return `aW50ZXJhY3Rpb24${randomBytes(48).toString('base64url')}`;
}

/** What {@link interactionPayload} needs to know. */
export interface InteractionSpec {
  id: string;
  token: string;
  applicationId: string;
  type: number;
  guildId: string;
  channelId: string;
  userId: string;
  data: Record<string, unknown>;
  /** The message a component sits on. */
  message?: APIMessage;
  /** Overrides `member.permissions` (default: what the member's roles grant). */
  memberPermissions?: string;
  /** The user's client locale; defaults to 'en-US'. */
  locale?: string;
}

/** The INTERACTION_CREATE payload for `spec`. */
export function interactionPayload(world: World, spec: InteractionSpec): Record<string, unknown> {
  const guild = world.requireGuild(spec.guildId);
  const member = world.requireMember(spec.guildId, spec.userId);
  return {
    id: spec.id,
    application_id: spec.applicationId,
    type: spec.type,
    token: spec.token,
    version: 1,
    guild_id: guild.id,
    guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
    channel: apiChannel(world, world.requireChannel(spec.channelId)),
    channel_id: spec.channelId,
    member: { ...apiMember(world, member), permissions: spec.memberPermissions ?? world.permissionsOf(guild.id, spec.userId).toString() },
    app_permissions: world.permissionsOf(guild.id, world.botId).toString(),
    locale: spec.locale ?? 'en-US',
    guild_locale: guild.preferredLocale,
    entitlements: [],
    authorizing_integration_owners: { '0': guild.id },
    context: 0,
    attachment_size_limit: 10_485_760,
    data: spec.data,
    ...(spec.message ? { message: spec.message } : {}),
  };
}

/** Option types whose values are ids the client resolves through `data.resolved`. */
const USER = 6;
const CHANNEL = 7;
const ROLE = 8;
const MENTIONABLE = 9;

/**
 * `data.resolved` for the user, channel, role and mentionable options in `options`
 * (subcommands included), or undefined when there are none.
 */
export function resolvedFor(world: World, guildId: string, options: APIApplicationCommandInteractionDataOption[]): Record<string, Record<string, unknown>> | undefined {
  const guild = world.requireGuild(guildId);
  const resolved: Record<string, Record<string, unknown>> = {};
  const put = (kind: string, id: string, value: unknown): void => {
    resolved[kind] = { ...resolved[kind], [id]: value };
  };
  const visit = (option: APIApplicationCommandInteractionDataOption): void => {
    if ('options' in option && option.options) option.options.forEach(visit);
    if (!('value' in option) || ![USER, CHANNEL, ROLE, MENTIONABLE].includes(option.type)) return;
    const id = String(option.value);
    const user = world.users.get(id);
    const member = guild.members.get(id);
    if ((option.type === USER || option.type === MENTIONABLE) && user) {
      put('users', id, apiUser(user));
      if (member) put('members', id, { ...apiMemberFields(member), permissions: world.permissionsOf(guildId, id).toString() });
    }
    const role = guild.roles.get(id);
    if ((option.type === ROLE || option.type === MENTIONABLE) && role) put('roles', id, apiRole(role, world.botId));
    const channel = world.channels.get(id);
    if (option.type === CHANNEL && channel?.guildId === guildId) {
      put('channels', id, { id, name: channel.name, type: channel.type, parent_id: channel.parentId, permissions: world.permissionsOf(guildId, world.botId).toString() });
    }
  };
  options.forEach(visit);
  return Object.keys(resolved).length > 0 ? resolved : undefined;
}
