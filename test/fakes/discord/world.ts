import { DEFAULT_BOT_PERMISSIONS, EVERYONE_PERMISSIONS, highestPosition, memberPermissions, toPermissionBits, type RolePermissions } from './permissions.js';
import type { Snowflakes } from './snowflakes.js';
import type { FakeChannelType, GuildInput, MemberOptions, UserInput } from './types.js';

/*
 * The state of the fake Discord: users, guilds with their roles, members and channels, and DM
 * channels. Kept as plain records; apiObjects.ts turns them into what the API sends.
 */

/** A user the fake knows. */
export interface UserState {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
}

/** A guild channel, thread or DM channel. */
export interface ChannelState {
  id: string;
  type: FakeChannelType;
  /** Null for DMs, which have no name. */
  name: string | null;
  guildId: string | null;
  parentId: string | null;
  position: number;
  /** The other side of a DM channel. */
  recipientId?: string;
  /** ISO time the channel was made; threads report it in `thread_metadata`. */
  createdAt: string;
}

/** A role of a guild (@everyone has the guild's id). */
export interface RoleState extends RolePermissions {
  name: string;
  /** True for the bot's own integration role. */
  managed: boolean;
}

/** A user's membership of a guild. */
export interface MemberState {
  userId: string;
  /** Role ids without @everyone. */
  roles: string[];
  nick: string | null;
  joinedAt: string;
  /** ISO time a timeout ends, or null. */
  communicationDisabledUntil: string | null;
}

/** A guild and everything in it. */
export interface GuildState {
  id: string;
  name: string;
  ownerId: string;
  preferredLocale: string;
  /** When the bot joined; GUILD_CREATE reports it. */
  joinedAt: string;
  roles: Map<string, RoleState>;
  members: Map<string, MemberState>;
  /** Channel and thread ids in the order they were added. */
  channelIds: string[];
  botRoleId: string;
  /** Users the bot banned. */
  bans: Set<string>;
}

/** Thread channel types: announcement, public and private threads. */
export const THREAD_TYPES: ReadonlySet<number> = new Set([10, 11, 12]);

/** Users, guilds and channels, with Discord's rules for who may do what. */
export class World {
  readonly users = new Map<string, UserState>();
  readonly guilds = new Map<string, GuildState>();
  readonly channels = new Map<string, ChannelState>();
  private readonly dmChannels = new Map<string, string>();

  constructor(
    private readonly ids: Snowflakes,
    readonly botId: string,
  ) {}

  /** Make a user known, or replace what is known about them. */
  addUser(user: UserInput): UserState {
    const state: UserState = { id: user.id, username: user.username, globalName: user.globalName ?? null, bot: user.bot ?? false };
    this.users.set(user.id, state);
    return state;
  }

  /**
   * Make a guild exist with the bot in it, holding a managed role at the top of the hierarchy.
   * The owner becomes a member too (as a placeholder user until {@link addUser} names them).
   */
  addGuild(input: GuildInput): GuildState {
    if (this.guilds.has(input.id)) throw new Error(`addGuild: guild ${input.id} exists already`);
    const roles = new Map<string, RoleState>();
    roles.set(input.id, { id: input.id, name: '@everyone', permissions: EVERYONE_PERMISSIONS, position: 0, managed: false });
    (input.roles ?? []).forEach((role, index) => {
      const position = role.id === input.id ? 0 : (role.position ?? index + 1);
      roles.set(role.id, { id: role.id, name: role.id === input.id ? '@everyone' : role.name, permissions: toPermissionBits(role.permissions), position, managed: false });
    });
    const botRoleId = this.ids.next();
    const top = Math.max(...[...roles.values()].map((role) => role.position));
    const bot = this.requireUser(this.botId);
    roles.set(botRoleId, { id: botRoleId, name: bot.username, permissions: toPermissionBits(input.botPermissions ?? DEFAULT_BOT_PERMISSIONS), position: top + 1, managed: true });

    const now = new Date().toISOString();
    const guild: GuildState = {
      id: input.id,
      name: input.name,
      ownerId: input.ownerId,
      preferredLocale: input.preferredLocale ?? 'en-US',
      joinedAt: now,
      roles,
      members: new Map(),
      channelIds: [],
      botRoleId,
      bans: new Set(),
    };
    this.guilds.set(guild.id, guild);
    guild.members.set(this.botId, { userId: this.botId, roles: [botRoleId], nick: null, joinedAt: now, communicationDisabledUntil: null });
    if (!this.users.has(input.ownerId)) this.addUser({ id: input.ownerId, username: `owner-${input.ownerId}` });
    this.addMember(guild.id, input.ownerId);

    input.channels.forEach((channel, position) => {
      const type = channel.type ?? 0;
      if (THREAD_TYPES.has(type) && !channel.parentId) throw new Error(`addGuild: thread ${channel.id} needs a parentId`);
      this.channels.set(channel.id, { id: channel.id, type, name: channel.name, guildId: guild.id, parentId: channel.parentId ?? null, position, createdAt: now });
      guild.channelIds.push(channel.id);
    });
    return guild;
  }

  /** Make a known user a member of a guild, or change their roles and nickname. */
  addMember(guildId: string, userId: string, options: MemberOptions = {}): MemberState {
    const guild = this.requireGuild(guildId);
    this.requireUser(userId);
    for (const roleId of options.roles ?? []) {
      if (!guild.roles.has(roleId)) throw new Error(`addMember: role ${roleId} is not a role of guild ${guildId}`);
    }
    const existing = guild.members.get(userId);
    const member: MemberState = {
      userId,
      roles: options.roles ?? existing?.roles ?? [],
      nick: options.nick ?? existing?.nick ?? null,
      joinedAt: existing?.joinedAt ?? new Date().toISOString(),
      communicationDisabledUntil: options.communicationDisabledUntil !== undefined ? options.communicationDisabledUntil : (existing?.communicationDisabledUntil ?? null),
    };
    guild.members.set(userId, member);
    return member;
  }

  /** Give the bot's managed role exactly `permissions`. */
  setBotPermissions(guildId: string, permissions: string | bigint): void {
    const guild = this.requireGuild(guildId);
    const role = guild.roles.get(guild.botRoleId);
    if (role) role.permissions = toPermissionBits(permissions);
  }

  /** The DM channel between the bot and `userId`, made on first use (one per user, as at Discord). */
  openDm(userId: string): ChannelState {
    this.requireUser(userId);
    const existing = this.dmChannels.get(userId);
    if (existing) return this.requireChannel(existing);
    const channel: ChannelState = { id: this.ids.next(), type: 1, name: null, guildId: null, parentId: null, position: 0, recipientId: userId, createdAt: new Date().toISOString() };
    this.channels.set(channel.id, channel);
    this.dmChannels.set(userId, channel.id);
    return channel;
  }

  /** A member's guild-wide permissions (all of them for the owner and administrators). */
  permissionsOf(guildId: string, userId: string): bigint {
    const guild = this.requireGuild(guildId);
    const member = guild.members.get(userId);
    if (!member) return 0n;
    return memberPermissions(guild.roles.get(guild.id)?.permissions ?? 0n, this.rolesOf(guild, member), userId === guild.ownerId);
  }

  /**
   * Whether `actorId` may moderate `targetId` by Discord's hierarchy rules: nobody acts on the
   * owner, and the actor's highest role must be above the target's.
   */
  outranks(guildId: string, actorId: string, targetId: string): boolean {
    const guild = this.requireGuild(guildId);
    if (targetId === guild.ownerId) return false;
    if (actorId === guild.ownerId) return true;
    const actor = guild.members.get(actorId);
    const target = guild.members.get(targetId);
    if (!actor || !target) return false;
    return highestPosition(this.rolesOf(guild, actor)) > highestPosition(this.rolesOf(guild, target));
  }

  /** The guild, or throw a test-facing error. */
  requireGuild(guildId: string): GuildState {
    const guild = this.guilds.get(guildId);
    if (!guild) throw new Error(`guild ${guildId} is unknown; add it with addGuild`);
    return guild;
  }

  /** The channel, or throw a test-facing error. */
  requireChannel(channelId: string): ChannelState {
    const channel = this.channels.get(channelId);
    if (!channel) throw new Error(`channel ${channelId} is unknown; add it with addGuild (or openDm)`);
    return channel;
  }

  /** The user, or throw a test-facing error. */
  requireUser(userId: string): UserState {
    const user = this.users.get(userId);
    if (!user) throw new Error(`user ${userId} is unknown; add it with addUser`);
    return user;
  }

  /** The member, or throw a test-facing error. */
  requireMember(guildId: string, userId: string): MemberState {
    const member = this.requireGuild(guildId).members.get(userId);
    if (!member) throw new Error(`user ${userId} is not a member of guild ${guildId}; add them with addMember`);
    return member;
  }

  private rolesOf(guild: GuildState, member: MemberState): RoleState[] {
    return member.roles.map((id) => guild.roles.get(id)).filter((role): role is RoleState => role !== undefined);
  }
}
