import { GatewayIntentBits, PermissionFlagsBits } from 'discord.js';
import { apiChannel, apiGuild, apiMember, apiRole, apiUser } from './apiObjects.js';
import type { FakeContext } from './context.js';
import { invalidFormBody, missingPermissions, unknown } from './discordError.js';
import { hasPermission } from './permissions.js';
import { noContent, ok, type RouteRequest, type Router } from './router.js';
import { THREAD_TYPES, type GuildState, type MemberState } from './world.js';

/*
 * Guild and member routes, with Discord's moderation rules: timing out needs Moderate Members,
 * and nobody can time out, kick or ban the owner, an administrator (timeouts only), or a member
 * whose highest role is not below the bot's. Refusals are 403 50013 Missing Permissions, which
 * discord.js turns into a DiscordAPIError with `code` 50013.
 */

/** Discord's longest timeout: 28 days. */
const MAX_TIMEOUT_MS = 28 * 24 * 60 * 60 * 1000;

function guildOf(ctx: FakeContext, guildId: string | undefined): GuildState {
  const guild = ctx.world.guilds.get(guildId ?? '');
  if (!guild) throw unknown('Guild', 10004);
  return guild;
}

function memberOf(guild: GuildState, userId: string | undefined): MemberState {
  const member = guild.members.get(userId ?? '');
  if (!member) throw unknown('Member', 10007);
  return member;
}

/** Throw 50013 unless the bot holds `permission` and outranks `targetId`. */
function requireModeration(ctx: FakeContext, guild: GuildState, targetId: string, permission: bigint): void {
  const { world } = ctx;
  if (!hasPermission(world.permissionsOf(guild.id, world.botId), permission)) throw missingPermissions();
  if (!world.outranks(guild.id, world.botId, targetId)) throw missingPermissions();
}

function editMember(ctx: FakeContext, { params, body }: RouteRequest): MemberState {
  const { world } = ctx;
  const guild = guildOf(ctx, params.guild);
  const member = memberOf(guild, params.user);
  const changes = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;

  let timeoutUntil = member.communicationDisabledUntil;
  if ('communication_disabled_until' in changes) {
    requireModeration(ctx, guild, member.userId, PermissionFlagsBits.ModerateMembers);
    // Administrators cannot be timed out, whatever the hierarchy says.
    if (hasPermission(world.permissionsOf(guild.id, member.userId), PermissionFlagsBits.Administrator)) throw missingPermissions();
    const until = changes.communication_disabled_until;
    if (until === null) {
      timeoutUntil = null;
    } else {
      const at = typeof until === 'string' ? Date.parse(until) : Number.NaN;
      if (Number.isNaN(at)) throw invalidFormBody('communication_disabled_until', 'DATE_TIME_TYPE_PARSE', 'Could not parse the timestamp.');
      if (at - Date.now() > MAX_TIMEOUT_MS) throw invalidFormBody('communication_disabled_until', 'BASE_TYPE_BAD_TIME', 'Timeouts are limited to 28 days.');
      timeoutUntil = new Date(at).toISOString();
    }
  }
  let nick = member.nick;
  if ('nick' in changes) {
    if (member.userId !== world.botId) requireModeration(ctx, guild, member.userId, PermissionFlagsBits.ManageNicknames);
    nick = typeof changes.nick === 'string' && changes.nick !== '' ? changes.nick : null;
  }
  let roles = member.roles;
  if ('roles' in changes) {
    if (!hasPermission(world.permissionsOf(guild.id, world.botId), PermissionFlagsBits.ManageRoles)) throw missingPermissions();
    roles = Array.isArray(changes.roles) ? changes.roles.map(String) : [];
    const unknownRole = roles.find((id) => !guild.roles.has(id));
    if (unknownRole) throw unknown('Role', 10011);
  }
  Object.assign(member, { communicationDisabledUntil: timeoutUntil, nick, roles });
  const user = world.requireUser(member.userId);
  ctx.delivery.event(guild.id, 'GUILD_MEMBER_UPDATE', { guild_id: guild.id, ...apiMember(world, member), user: apiUser(user) }, GatewayIntentBits.GuildMembers);
  return member;
}

function removeMember(ctx: FakeContext, guild: GuildState, userId: string): void {
  const user = ctx.world.users.get(userId);
  guild.members.delete(userId);
  if (user) ctx.delivery.event(guild.id, 'GUILD_MEMBER_REMOVE', { guild_id: guild.id, user: apiUser(user) }, GatewayIntentBits.GuildMembers);
}

/** Add the guild and member routes. */
export function addGuildRoutes(router: Router, ctx: FakeContext): void {
  const { world } = ctx;
  router
    .add('GET', '/guilds/:guild', ({ params }) => ok(apiGuild(world, guildOf(ctx, params.guild))))
    .add('GET', '/guilds/:guild/channels', ({ params }) => {
      const guild = guildOf(ctx, params.guild);
      const channels = guild.channelIds.map((id) => world.requireChannel(id)).filter((channel) => !THREAD_TYPES.has(channel.type));
      return ok(channels.map((channel) => apiChannel(world, channel)));
    })
    .add('GET', '/guilds/:guild/roles', ({ params }) => ok([...guildOf(ctx, params.guild).roles.values()].map((role) => apiRole(role, world.botId))))
    .add('GET', '/guilds/:guild/members', ({ params, query }) => {
      const limit = Math.min(Number(query.get('limit') ?? 1), 1000);
      return ok([...guildOf(ctx, params.guild).members.values()].slice(0, limit).map((member) => apiMember(world, member)));
    })
    .add('GET', '/guilds/:guild/members/:user', ({ params }) => {
      const guild = guildOf(ctx, params.guild);
      return ok(apiMember(world, memberOf(guild, params.user)));
    })
    .add('PATCH', '/guilds/:guild/members/:user', (request) => ok(apiMember(world, editMember(ctx, request))))
    .add('DELETE', '/guilds/:guild/members/:user', ({ params }) => {
      const guild = guildOf(ctx, params.guild);
      const member = memberOf(guild, params.user);
      requireModeration(ctx, guild, member.userId, PermissionFlagsBits.KickMembers);
      removeMember(ctx, guild, member.userId);
      return noContent();
    })
    .add('PUT', '/guilds/:guild/bans/:user', ({ params }) => {
      const guild = guildOf(ctx, params.guild);
      const userId = params.user ?? '';
      if (!world.users.has(userId)) throw unknown('User', 10013);
      if (guild.members.has(userId)) requireModeration(ctx, guild, userId, PermissionFlagsBits.BanMembers);
      else if (!hasPermission(world.permissionsOf(guild.id, world.botId), PermissionFlagsBits.BanMembers)) throw missingPermissions();
      guild.bans.add(userId);
      if (guild.members.has(userId)) removeMember(ctx, guild, userId);
      return noContent();
    });
}
