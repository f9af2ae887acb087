import type { APIChannel, APIGuildMember, APIRole, APIUser, GuildMemberFlags, RoleFlags, UserFlags } from 'discord.js';
import { THREAD_TYPES, type ChannelState, type GuildState, type MemberState, type RoleState, type UserState, type World } from './world.js';

/*
 * The fake's state as Discord's JSON. Every field Discord always sends is present (null where
 * Discord sends null), because discord.js reads many of them unguarded; in particular a guild
 * without `channels` is treated as unavailable, and a channel without `permission_overwrites`
 * breaks `permissionsFor`.
 */

/** A user object. */
export function apiUser(user: UserState): APIUser {
  return {
    id: user.id,
    username: user.username,
    global_name: user.globalName,
    discriminator: '0',
    avatar: null,
    ...(user.bot ? { bot: true } : {}),
    public_flags: 0 as UserFlags,
  };
}

/** A role object; the bot's managed role carries `tags.bot_id`. */
export function apiRole(role: RoleState, botId: string): APIRole {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: role.managed,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...(role.managed ? { tags: { bot_id: botId } } : {}),
  };
}

/** The member fields without `user`, as inside MESSAGE_CREATE. */
export function apiMemberFields(member: MemberState): Omit<APIGuildMember, 'user'> {
  return {
    nick: member.nick,
    avatar: null,
    banner: null,
    roles: [...member.roles],
    joined_at: member.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: member.communicationDisabledUntil,
  };
}

/** A guild member object with its user, as GET /guilds/:guild/members/:user answers. */
export function apiMember(world: World, member: MemberState): APIGuildMember {
  return { user: apiUser(world.requireUser(member.userId)), ...apiMemberFields(member) };
}

/** A channel object: guild channel, thread (with `thread_metadata`) or DM (with `recipients`). */
export function apiChannel(world: World, channel: ChannelState): APIChannel {
  if (channel.type === 1) {
    const recipient = world.requireUser(channel.recipientId ?? '');
    return { id: channel.id, type: 1, name: null, recipients: [apiUser(recipient)], last_message_id: null, flags: 0 } as unknown as APIChannel;
  }
  const common = { id: channel.id, type: channel.type, guild_id: channel.guildId, name: channel.name, flags: 0, last_message_id: null, rate_limit_per_user: 0 };
  if (THREAD_TYPES.has(channel.type)) {
    return {
      ...common,
      parent_id: channel.parentId,
      owner_id: world.botId,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: channel.createdAt, locked: false, create_timestamp: channel.createdAt },
    } as unknown as APIChannel;
  }
  return {
    ...common,
    position: channel.position,
    permission_overwrites: [],
    parent_id: channel.parentId,
    topic: null,
    nsfw: false,
  } as unknown as APIChannel;
}

/** The guild object GET /guilds/:guild answers with (no channels or members there). */
export function apiGuild(world: World, guild: GuildState): Record<string, unknown> {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [...guild.roles.values()].map((role) => apiRole(role, world.botId)),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    max_members: 500_000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: guild.preferredLocale,
    nsfw_level: 0,
  };
}

/**
 * The full GUILD_CREATE payload: the REST guild plus channels (with `guild_id`), threads,
 * members with their users, and the gateway-only fields discord.js reads.
 */
export function guildCreatePayload(world: World, guild: GuildState): Record<string, unknown> {
  const channels = guild.channelIds.map((id) => world.requireChannel(id));
  return {
    ...apiGuild(world, guild),
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: guild.members.size,
    channels: channels.filter((channel) => !THREAD_TYPES.has(channel.type)).map((channel) => apiChannel(world, channel)),
    threads: channels.filter((channel) => THREAD_TYPES.has(channel.type)).map((channel) => apiChannel(world, channel)),
    members: [...guild.members.values()].map((member) => apiMember(world, member)),
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
