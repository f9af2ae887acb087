import { GatewayIntentBits } from 'discord.js';
import { apiMember, apiUser, guildCreatePayload } from './apiObjects.js';
import type { GatewaySession } from './gateway.js';
import { shardOf } from './snowflakes.js';
import type { World } from './world.js';

/*
 * READY, GUILD_CREATE and GUILD_MEMBERS_CHUNK payloads for one session. READY lists the
 * session's guilds as unavailable stubs; discord.js then waits for a GUILD_CREATE per stub
 * before it emits `clientReady` (or gives up after `waitGuildTimeout`, 15 s by default), so
 * every stub is followed by its full GUILD_CREATE, unless the session lacks the GUILDS intent,
 * in which case Discord sends none and discord.js does not wait.
 */

/** The guilds a session receives: those on its shard. */
function guildsOf(world: World, session: GatewaySession): string[] {
  const [id, count] = session.shard;
  return [...world.guilds.keys()].filter((guildId) => shardOf(guildId, count) === id);
}

/** READY (without the session fields the gateway adds) and the GUILD_CREATEs that follow it. */
export function identifyPayloads(world: World, applicationId: string, session: GatewaySession): { ready: Record<string, unknown>; guildCreates: Record<string, unknown>[] } {
  const guildIds = guildsOf(world, session);
  const bot = world.requireUser(world.botId);
  const withGuilds = (session.intents & GatewayIntentBits.Guilds) !== 0;
  return {
    ready: {
      user: { ...apiUser(bot), bot: true, verified: true, mfa_enabled: false, flags: 0 },
      guilds: guildIds.map((id) => ({ id, unavailable: true })),
      application: { id: applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
      auth: {},
    },
    guildCreates: withGuilds ? guildIds.map((id) => guildCreatePayload(world, world.requireGuild(id))) : [],
  };
}

/**
 * GUILD_MEMBERS_CHUNK answers to Request Guild Members (op 8), which discord.js sends for
 * `guild.members.fetch()` without ids or with `{ user: [...] }`: one chunk per guild,
 * filtered by `user_ids` or by a username prefix `query`.
 */
export function memberChunks(world: World, session: GatewaySession, request: Record<string, unknown>): Record<string, unknown>[] {
  const guildIds = (Array.isArray(request.guild_id) ? request.guild_id : [request.guild_id]).map(String);
  const held = new Set(guildsOf(world, session));
  const userIds = request.user_ids === undefined ? undefined : (Array.isArray(request.user_ids) ? request.user_ids : [request.user_ids]).map(String);
  const query = typeof request.query === 'string' ? request.query.toLowerCase() : '';
  const limit = typeof request.limit === 'number' && request.limit > 0 ? request.limit : Number.POSITIVE_INFINITY;
  return guildIds
    .filter((guildId) => held.has(guildId))
    .map((guildId) => {
      const guild = world.requireGuild(guildId);
      const members = [...guild.members.values()]
        .filter((member) => (userIds ? userIds.includes(member.userId) : world.requireUser(member.userId).username.toLowerCase().startsWith(query)))
        .slice(0, limit)
        .map((member) => apiMember(world, member));
      const notFound = userIds?.filter((id) => !guild.members.has(id)) ?? [];
      return {
        guild_id: guildId,
        members,
        chunk_index: 0,
        chunk_count: 1,
        ...(notFound.length > 0 ? { not_found: notFound } : {}),
        ...(request.nonce === undefined ? {} : { nonce: request.nonce }),
      };
    });
}
