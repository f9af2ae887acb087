import {
  ChannelType,
  Client,
  Events,
  GatewayIntentBits,
  type Guild,
  type GuildBasedChannel,
  type Message,
  type PartialMessage,
  Partials,
  PermissionFlagsBits,
  type TextChannel,
} from 'discord.js';
import type { AdminDirectory } from '../../src/dashboard/adminDirectory.js';
import type { LoginLinks } from '../../src/dashboard/loginLinks.js';
import type { Engine } from '../../src/engine/engine.js';
import type { Moderator } from '../../src/moderation/moderator.js';
import type { Ledger } from '../../src/ledger/ledger.js';
import type { Logger } from '../../src/lib/logger.js';
import { waitAtMost } from '../../src/lib/waitAtMost.js';
import type { Clock } from '../../src/outbox/clock.js';
import type { OutboxOptions } from '../../src/outbox/options.js';
import { Outbox } from '../../src/outbox/outbox.js';
import { PLATFORM_LIMITS } from '../../src/outbox/platformLimits.js';
import type { KeyValueStore } from '../../src/store/keyValueStore.js';
import { DiscordAlerts } from './alerts.js';
import { discordDirectory } from './dashboardLink.js';
import { type DiscordDeps, guildLanguage } from './deps.js';
import { GuildModeration } from './guildModeration.js';
import { handleInteraction } from './interactions.js';
import { type DiscordOutgoing, isMissingHistory, isMissingPermission, mergeDiscord, sendDiscord } from './outgoing.js';
import { applicationCommands } from './slashCommands.js';
import { discordReviewPort } from './reviewPort.js';
import { text } from './texts.js';

/**
 * The gateway intents: servers and their channels, messages in them and their text, and direct
 * messages (the `/check` answers). MessageContent is privileged and must be switched on in the
 * Developer Portal; no other privileged intent (members, presences) is used.
 */
export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.DirectMessages];

export interface DiscordAdapterOptions {
  token: string;
  /**
   * Discord's REST API, or an HTTP proxy in front of it shared by several bots' rate limits
   * (the gateway URL is looked up through it too).
   * @defaultValue 'https://discord.com/api'
   */
  apiUrl?: string;
  moderator: Moderator;
  ledger?: Ledger;
  store: KeyValueStore;
  log: Logger;
  /**
   * Our queue in front of discord.js's REST queue: one send at a time per channel, most urgent
   * first; no rate windows of ours by default (PLATFORM_LIMITS.discord).
   */
  outbox?: Pick<OutboxOptions<DiscordOutgoing>, 'perChatPerMinute' | 'globalPerSecond' | 'maxQueued'>;
  /** @defaultValue 10 minutes */
  alertWindowMs?: number;
  clock?: Clock;
  /** The dashboard's login links, for `/rumorguard dashboard`; absent when the dashboard is off. */
  dashboardLinks?: LoginLinks;
  /** The largest file `/rumorguard export` attaches; tests lower it. @defaultValue 10 MiB */
  uploadLimitBytes?: number;
}

/** Messages whose last checked text is remembered (see DiscordAdapter.onEdit): a few minutes of a busy server. */
const LAST_CHECKED_MESSAGES = 5_000;

/**
 * The Discord adapter: discord.js in, the shared engine in the middle, REST calls out. Under a
 * ShardingManager, discord.js reads the shard ids from the environment it sets.
 */
export class DiscordAdapter {
  readonly client: Client;
  readonly outbox: Outbox<DiscordOutgoing>;
  readonly alerts: DiscordAlerts;
  private readonly deps: DiscordDeps;
  private readonly moderation: GuildModeration;
  private readonly inFlight = new Set<Promise<void>>();
  /** Ids of the latest handled events (messages, edits, interactions), for `whenHandled`. */
  private readonly recentlyHandled = new Set<string>();
  /** See onEdit. */
  private readonly lastChecked = new Map<string, string>();
  private readonly handledWaiters = new Map<string, (() => void)[]>();

  constructor(private readonly options: DiscordAdapterOptions) {
    const { log } = options;
    this.client = new Client({
      intents: INTENTS,
      // Edits of messages from before the bot started arrive as partials and are fetched.
      partials: [Partials.Message, Partials.Channel],
      rest: { api: options.apiUrl ?? 'https://discord.com/api' },
      // One process: shard 0 of 1, said explicitly, or discord.js would read our SHARDS setting
      // (a count) as its list of shard ids. Under the ShardingManager it reads the ids it was given.
      ...(process.env.SHARDING_MANAGER ? {} : { shards: [0], shardCount: 1 }),
      // The bot never pings anyone because of a text, whichever call sends it.
      allowedMentions: { parse: [], repliedUser: false },
    });
    const now = options.clock ? () => options.clock!.now() : Date.now;
    this.outbox = new Outbox<DiscordOutgoing>({
      // Discord's own limits, which discord.js keeps; no Telegram-sized windows here.
      ...PLATFORM_LIMITS.discord,
      ...options.outbox,
      send: (item) => sendDiscord(this.client, item),
      merge: mergeDiscord,
      onError: (item, err) => {
        log.warn({ err, to: item.chatId, missingPermission: isMissingPermission(err) }, 'discord: message not sent');
        // A channel the bot may not post in: the owners hear of it once, by the alert route.
        const to = item.payload.to;
        const channel = 'channel' in to && isMissingPermission(err) ? this.client.channels.cache.get(to.channel) : undefined;
        if (channel && 'guild' in channel) void this.moderation.missingRight(channel.guild, isMissingHistory(err) ? 'history' : 'send').catch((e: unknown) => log.warn({ err: e }, 'discord: notice not sent'));
      },
      onDrop: (item, reason) => log.warn({ to: item.chatId, reason }, 'discord: message dropped'),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    const enqueue: DiscordDeps['enqueue'] = (priority, payload, mergeKey) =>
      new Promise((onFate) => {
        const chatId = 'channel' in payload.to ? payload.to.channel : `dm:${payload.to.user}`;
        const r = this.outbox.enqueue({ chatId, priority, payload, onFate, ...(mergeKey ? { mergeKey } : {}) });
        if (r.outcome === 'dropped') log.warn({ to: chatId, reason: r.reason }, 'discord: message not queued');
      });
    this.alerts = new DiscordAlerts(options.store, (payload) => enqueue('high', payload), (err) => log.warn({ err }, 'discord: alert not delivered'), {
      ...(options.alertWindowMs !== undefined ? { windowMs: options.alertWindowMs } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    this.deps = {
      client: this.client,
      moderator: options.moderator,
      engine: options.moderator.engine,
      ...(options.ledger ? { ledger: options.ledger } : {}),
      store: options.store,
      alerts: this.alerts,
      log,
      enqueue,
      now,
      ...(options.dashboardLinks ? { dashboardLinks: options.dashboardLinks } : {}),
      ...(options.uploadLimitBytes !== undefined ? { uploadLimitBytes: options.uploadLimitBytes } : {}),
    };
    this.moderation = new GuildModeration(this.deps);
    options.moderator.reviewPorts.set('discord', discordReviewPort(this.deps));
    this.registerEvents();
  }

  get engine(): Engine {
    return this.options.moderator.engine;
  }

  /** The dashboard's admin check on Discord (see dashboardLink.ts). */
  adminDirectory(): AdminDirectory {
    const { clock } = this.options;
    return discordDirectory(this.client, clock ? () => clock.now() : Date.now);
  }

  /** Logs in, waits for the gateway to be ready, and registers the application commands. */
  async start(): Promise<void> {
    const ready = new Promise<void>((resolve) => this.client.once(Events.ClientReady, () => resolve()));
    await this.client.login(this.options.token);
    await ready;
    // Global commands; one registration serves every shard, so only shard 0 (or the only one) does it.
    if (this.client.shard === null || this.client.shard.ids.includes(0)) {
      await this.client.application?.commands.set(applicationCommands());
    }
  }

  /** Resolves when every event handled so far is done and everything queued is sent. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
    await this.alerts.settled();
    await this.outbox.drain();
    await this.options.moderator.settled();
  }

  /** Stops receiving, sends pending digests, gives the outbox `graceMs`, and disconnects. */
  async stop(graceMs = 5_000): Promise<void> {
    this.alerts.flush();
    await this.alerts.settled();
    await waitAtMost(this.idle(), graceMs);
    // What could not be sent in time is dropped: its actions are recorded as skipped at shutdown.
    this.outbox.close();
    // A request under way may be waiting out Discord's retry_after inside discord.js (45 s seen):
    // the bot stops within its grace all the same (a process manager kills after 10 s). An action
    // whose request never finished keeps no outcome record: the ledger says "no outcome recorded".
    await waitAtMost(this.options.moderator.settled(), graceMs);
    await this.client.destroy();
  }

  /**
   * Resolves once the event with this id (a message, an edit of it, an interaction) has been
   * handled. Events arrive over the gateway at their own pace: tests and tools wait on this.
   */
  whenHandled(id: string): Promise<void> {
    if (this.recentlyHandled.has(id)) return Promise.resolve();
    return new Promise((resolve) => this.handledWaiters.set(id, [...(this.handledWaiters.get(id) ?? []), resolve]));
  }

  /** Runs a handler, counted for `idle()`, with the one error boundary: logged, never fatal. */
  private track(what: string, id: string, run: () => Promise<void>): void {
    const task = run()
      .catch((err: unknown) => this.options.log.error({ err }, `discord: ${what} failed`))
      .finally(() => {
        this.inFlight.delete(task);
        this.markHandled(id);
      });
    this.inFlight.add(task);
  }

  private markHandled(id: string): void {
    this.recentlyHandled.delete(id);
    this.recentlyHandled.add(id);
    if (this.recentlyHandled.size > 1_000) this.recentlyHandled.delete(this.recentlyHandled.values().next().value!);
    for (const resolve of this.handledWaiters.get(id) ?? []) resolve();
    this.handledWaiters.delete(id);
  }

  private registerEvents(): void {
    this.client.on(Events.MessageCreate, (message) => {
      this.remember(message.id, message.content);
      this.track('message', message.id, () => this.moderation.moderate(message, false));
    });
    this.client.on(Events.MessageUpdate, (old, updated) => {
      // Discord also sends updates when it attaches a link preview: only a changed text is news.
      if (!old.partial && old.content === updated.content) return this.markHandled(updated.id);
      this.track('edit', updated.id, () => this.onEdit(updated));
    });
    this.client.on(Events.InteractionCreate, (interaction) => this.track('interaction', interaction.id, () => handleInteraction(this.deps, interaction)));
    this.client.on(Events.Error, (err) => this.options.log.error({ err }, 'discord: client error'));
    // Added to a server (not one it was in already, which discord.js reports as available): what
    // it does and how to set it up, once, where the server greets newcomers or else the first
    // channel it may post in.
    this.client.on(Events.GuildCreate, (guild) => this.track('welcome', guild.id, () => this.welcome(guild)));
  }

  private async welcome(guild: Guild): Promise<void> {
    const me = guild.members.me;
    const canPost = (c: GuildBasedChannel | null): c is TextChannel =>
      c !== null && c.type === ChannelType.GuildText && me !== null && c.permissionsFor(me).has([PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages]);
    const channel = canPost(guild.systemChannel) ? guild.systemChannel : guild.channels.cache.find((c) => canPost(c));
    if (!channel) return;
    const lang = await guildLanguage(this.deps, guild.id, guild.preferredLocale);
    void this.deps.enqueue('high', { to: { channel: channel.id }, content: text(lang, 'welcome') });
  }

  private async onEdit(updated: Message | PartialMessage): Promise<void> {
    const message = updated.partial ? await updated.fetch() : updated;
    // A message no longer in discord.js's cache comes without its old text: a link preview added
    // to it is no edit either when its text is the one last checked (each was logged as an incident).
    if (this.lastChecked.get(message.id) === message.content) return;
    this.remember(message.id, message.content);
    await this.moderation.moderate(message, true);
  }

  /** The text a message was last checked with, for the latest LAST_CHECKED_MESSAGES messages. */
  private remember(id: string, content: string): void {
    this.lastChecked.delete(id);
    this.lastChecked.set(id, content);
    if (this.lastChecked.size > LAST_CHECKED_MESSAGES) this.lastChecked.delete(this.lastChecked.keys().next().value!);
  }
}
