import { GatewayIntentBits, type APIMessage } from 'discord.js';
import type { FakeGateway, GatewaySession } from './gateway.js';
import { shardOf } from './snowflakes.js';
import type { World } from './world.js';

/*
 * Which gateway sessions get which event, by Discord's rules: a guild's events go to the
 * session whose shard is `(guild_id >> 22) % num_shards`, DM events to shard 0; message events
 * need the GUILD_MESSAGES or DIRECT_MESSAGES intent; and without the privileged MESSAGE_CONTENT
 * intent a guild message arrives with empty `content`, `embeds`, `attachments` and
 * `components`, unless it mentions the bot or is the bot's own.
 *
 * Message events also carry `channel_type`, which REST messages lack: discord.js needs it to
 * build a DM channel it has never seen (with Partials.Channel); without it such a DM is dropped.
 */

/** Message fields Discord blanks for sessions without the MESSAGE_CONTENT intent. */
const CONTENT_FIELDS = { content: '', embeds: [], attachments: [], components: [] };

function hasIntent(session: GatewaySession, intent: number): boolean {
  return (session.intents & intent) === intent;
}

/** Routes events to gateway sessions. */
export class Delivery {
  constructor(
    private readonly gateway: FakeGateway,
    private readonly world: World,
  ) {}

  /** Identified sessions that receive events of `guildId` (null: DMs, which go to shard 0). */
  sessionsFor(guildId: string | null): GatewaySession[] {
    return this.gateway.sessions().filter((session) => {
      const [id, count] = session.shard;
      return guildId === null ? id === 0 : shardOf(guildId, count) === id;
    });
  }

  /**
   * Like {@link sessionsFor}, but throws when no client is connected for the guild, so a test
   * that forgot to log in fails clearly instead of waiting for an event that never comes.
   */
  requireSessionsFor(guildId: string | null): GatewaySession[] {
    const sessions = this.sessionsFor(guildId);
    if (sessions.length === 0) {
      throw new Error(`no gateway session receives ${guildId === null ? 'DMs (shard 0)' : `guild ${guildId}`}; log a client in first`);
    }
    return sessions;
  }

  /**
   * Send MESSAGE_CREATE or MESSAGE_UPDATE for `message` to every session that should see it,
   * blanking the content for sessions without MESSAGE_CONTENT.
   *
   * @returns The sessions it was sent to.
   */
  message(t: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', message: APIMessage): GatewaySession[] {
    // Gateway messages carry `guild_id`; the REST typing of APIMessage does not know it.
    const guildId = (message as APIMessage & { guild_id?: string }).guild_id ?? null;
    const intent = guildId === null ? GatewayIntentBits.DirectMessages : GatewayIntentBits.GuildMessages;
    const { botId } = this.world;
    const exempt = guildId === null || message.author.id === botId || message.mentions.some((user) => user.id === botId);
    const event = { ...message, channel_type: this.world.channels.get(message.channel_id)?.type };
    const reached = this.sessionsFor(guildId).filter((session) => hasIntent(session, intent));
    for (const session of reached) {
      const visible = exempt || hasIntent(session, GatewayIntentBits.MessageContent) ? event : { ...event, ...CONTENT_FIELDS };
      this.gateway.dispatch(session, t, visible);
    }
    return reached;
  }

  /** Send MESSAGE_DELETE to the sessions that receive message events there. */
  messageDelete(d: { id: string; channel_id: string; guild_id?: string }): GatewaySession[] {
    const guildId = d.guild_id ?? null;
    return this.event(guildId, 'MESSAGE_DELETE', d, guildId === null ? GatewayIntentBits.DirectMessages : GatewayIntentBits.GuildMessages);
  }

  /**
   * Send any other event of `guildId` (null for DMs) to the sessions that receive it.
   *
   * @param intent The intent the event needs, if any (INTERACTION_CREATE needs none).
   * @returns The sessions it was sent to.
   */
  event(guildId: string | null, t: string, d: unknown, intent?: number): GatewaySession[] {
    const reached = this.sessionsFor(guildId).filter((session) => intent === undefined || hasIntent(session, intent));
    for (const session of reached) this.gateway.dispatch(session, t, d);
    return reached;
  }

  /**
   * Tell connected clients about a change a test made to the world (a role edited, a guild
   * joined), and resolve once they applied it. Nobody connected is fine: the change is then
   * simply part of the next READY; a client that disconnects meanwhile just misses it.
   */
  async notify(guildId: string, t: string, d: unknown, intent: number): Promise<void> {
    const reached = this.event(guildId, t, d, intent);
    await this.settle(reached).catch(() => undefined);
  }

  /** Resolve once every one of `sessions` has handled what was sent to it. */
  async settle(sessions: GatewaySession[]): Promise<void> {
    await Promise.all(sessions.map((session) => this.gateway.settle(session)));
  }
}
