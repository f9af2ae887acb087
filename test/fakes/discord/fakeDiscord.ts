import { CdnFiles } from './cdnFiles.js';
import { GatewayIntentBits, type APIApplicationCommandInteractionDataOption, type APIGuildMember, type APIMessage, type APIUser } from 'discord.js';
import { apiMember, apiRole, apiUser, guildCreatePayload } from './apiObjects.js';
import { addApplicationRoutes } from './applicationRoutes.js';
import type { CallMatcher } from './callLog.js';
import { addChannelRoutes } from './channelRoutes.js';
import { CommandStore, type StoredCommand } from './commands.js';
import type { FakeContext } from './context.js';
import { Delivery } from './delivery.js';
import { FakeGateway } from './gateway.js';
import { identifyPayloads, memberChunks } from './gatewayPayloads.js';
import { addGuildRoutes } from './guildRoutes.js';
import { addInteractionRoutes } from './interactionRoutes.js';
import { InteractionStore } from './interactions.js';
import { memberDeletes, memberEdits, memberSays, type MemberMessageExtra } from './memberActions.js';
import { contextMenu, pressButton, slashCommand, type SlashCommandExtra } from './memberInteractions.js';
import { MessageStore } from './messages.js';
import { RestServer } from './restServer.js';
import { Router } from './router.js';
import { Snowflakes } from './snowflakes.js';
import type { BotMessage, FailureResponse, FakeDiscordOptions, GuildInput, IdentifyRecord, InteractionRef, InteractionResponses, MemberOptions, RecordedCall, UserInput } from './types.js';
import { World } from './world.js';

/*
 * Layout: a REST server (restServer.ts, routes in *Routes.ts) and a gateway WebSocket server
 * (gateway.ts) on two ports of 127.0.0.1, sharing one state (world.ts, messages.ts, …). The
 * bot is a real discord.js Client pointed at both through `rest: { api: fake.restApi }`:
 * discord.js asks GET /gateway/bot for the gateway URL, so nothing else needs configuring.
 */

/** What discord.js does to the token given to `login()` before using it. */
function asDiscordJsSendsIt(token: string): string {
  return token.replace(/^(Bot|Bearer)\s*/i, '');
}

/**
 * A fake Discord (REST API v10 and gateway) for end-to-end tests of a discord.js 14 bot.
 * Tests build a world (guilds, users, members), act as members (messages, slash commands,
 * buttons) and assert on what the bot called.
 *
 * Not emulated: channel permission overwrites, presences, voice, threads' own endpoints,
 * zlib compression, and Discord's real rate limits (every answer says plenty is left;
 * use {@link failNext} for a 429).
 */
export class FakeDiscord {
  /** Base URL for discord.js's `rest: { api }` option, e.g. `http://127.0.0.1:40123/api`. */
  readonly restApi: string;
  /** The gateway URL GET /gateway/bot announces, e.g. `ws://127.0.0.1:40124`. */
  readonly gatewayUrl: string;
  /** The bot as a Discord user object. */
  readonly botUser: APIUser;

  private stopped = false;

  private constructor(
    private readonly ctx: FakeContext,
    private readonly rest: RestServer,
    private readonly gateway: FakeGateway,
  ) {
    this.restApi = rest.api;
    this.gatewayUrl = gateway.url;
    this.botUser = apiUser(ctx.world.requireUser(ctx.world.botId));
  }

  /**
   * Start the REST API and the gateway, each on a free port of 127.0.0.1.
   *
   * @param options The token, application and bot identity; `recommendedShards` is what
   *   GET /gateway/bot recommends (what discord.js uses with `shards: 'auto'`), default 1.
   */
  static async start(options: FakeDiscordOptions & { recommendedShards?: number }): Promise<FakeDiscord> {
    const ids = new Snowflakes();
    const world = new World(ids, options.bot.id);
    world.addUser({ id: options.bot.id, username: options.bot.username, bot: true, ...(options.bot.globalName ? { globalName: options.bot.globalName } : {}) });
    const token = asDiscordJsSendsIt(options.token);
    const gateway = await FakeGateway.start({
      token,
      onIdentify: (session) => identifyPayloads(world, options.application.id, session),
      onRequestGuildMembers: (session, request) => memberChunks(world, session, request),
    });
    const ctx: FakeContext = {
      options,
      ids,
      world,
      messages: new MessageStore(),
      commands: new CommandStore(ids, options.application.id),
      interactions: new InteractionStore(),
      delivery: new Delivery(gateway, world),
      gatewayUrl: gateway.url,
      recommendedShards: options.recommendedShards ?? 1,
      closedDms: new Set(),
      cdn: new CdnFiles(),
    };
    const router = new Router();
    addApplicationRoutes(router, ctx);
    addChannelRoutes(router, ctx);
    addGuildRoutes(router, ctx);
    addInteractionRoutes(router, ctx);
    let rest: RestServer;
    try {
      rest = await RestServer.start(router, token, ctx.cdn);
    } catch (error) {
      await gateway.stop();
      throw error;
    }
    return new FakeDiscord(ctx, rest, gateway);
  }

  /**
   * Close gateway connections (code 1000) and both servers; safe to call twice. Destroy
   * clients first: discord.js reconnects after a 1000 from the server.
   */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.gateway.stop();
    await this.rest.stop();
  }

  // ------------------------------------------------------------------------------------ world

  /**
   * Make a guild exist, with the bot as a member holding a managed role at the top of the
   * hierarchy (permissions `guild.botPermissions`, default {@link DEFAULT_BOT_PERMISSIONS}),
   * and the owner as a member. Guilds added before login are announced in READY; adding one
   * while a client is connected is the bot joining it: GUILD_CREATE, and discord.js emits
   * `guildCreate`. The world changes at once; the promise resolves once clients have handled
   * the event (at once when none is connected).
   */
  async addGuild(guild: GuildInput): Promise<void> {
    const state = this.ctx.world.addGuild(guild);
    await this.ctx.delivery.notify(state.id, 'GUILD_CREATE', guildCreatePayload(this.ctx.world, state), GatewayIntentBits.Guilds);
  }

  /** Make a user known (or rename them). */
  addUser(user: UserInput): void {
    this.ctx.world.addUser(user);
  }

  /** Make a known user a member of a guild, or change their roles, nickname or timeout. */
  addMember(guildId: string, userId: string, options: MemberOptions = {}): void {
    this.ctx.world.addMember(guildId, userId, options);
  }

  /**
   * Set the bot's guild permissions (its managed role's). REST checks use them at once;
   * connected clients get GUILD_ROLE_UPDATE (discord.js computes `permissions` from roles
   * client-side), and the promise resolves once they applied it.
   */
  async setBotPermissions(guildId: string, permissions: bigint | string): Promise<void> {
    const guild = this.ctx.world.requireGuild(guildId);
    this.ctx.world.setBotPermissions(guildId, permissions);
    const role = guild.roles.get(guild.botRoleId);
    if (!role) return;
    await this.ctx.delivery.notify(guildId, 'GUILD_ROLE_UPDATE', { guild_id: guildId, role: apiRole(role, this.ctx.world.botId) }, GatewayIntentBits.Guilds);
  }

  /** The DM channel between the bot and `userId` (made on first use), for {@link memberSays} in DMs. */
  openDm(userId: string): string {
    return this.ctx.world.openDm(userId).id;
  }

  /** Make the bot's DMs to `userId` fail with 403 50007 Cannot send messages to this user. */
  closeDms(userId: string): void {
    this.ctx.closedDms.add(userId);
  }

  /** A member as GET /guilds/:guild/members/:user answers now, e.g. to read `communication_disabled_until`. */
  member(guildId: string, userId: string): APIGuildMember {
    return apiMember(this.ctx.world, this.ctx.world.requireMember(guildId, userId));
  }

  /** Whether `userId` is banned from the guild. */
  isBanned(guildId: string, userId: string): boolean {
    return this.ctx.world.requireGuild(guildId).bans.has(userId);
  }

  /** Any message the fake knows (member's or bot's), as it is now, or undefined. */
  message(messageId: string): (APIMessage & { deleted: boolean }) | undefined {
    const stored = this.ctx.messages.get(messageId);
    return stored ? { ...structuredClone(stored.message), deleted: stored.deleted } : undefined;
  }

  // --------------------------------------------------------------------------- members acting

  /**
   * A member posts in a guild channel (or the recipient in a DM channel): MESSAGE_CREATE.
   * Resolves once every client that receives it has emitted `messageCreate` (for clients in
   * this process; see gateway.ts), so synchronous listeners have run; await what async
   * handlers do with {@link waitForCall}.
   *
   * @throws Error if no client is connected for the guild, the user is not a member, or is timed out.
   */
  /** Serve a file as Discord's CDN would (for embed images); returns its URL. */
  hostFile(name: string, data: Buffer, contentType: string): string {
    return this.ctx.cdn.host(`external/${this.ctx.ids.next()}/${name}`, data, contentType);
  }

  async memberSays(channelId: string, userId: string, content: string, extra: MemberMessageExtra = {}): Promise<APIMessage> {
    return await memberSays(this.ctx, channelId, userId, content, extra);
  }

  /** The author edits a message: MESSAGE_UPDATE. Resolves once clients have handled it. */
  async memberEdits(channelId: string, messageId: string, newContent: string): Promise<APIMessage> {
    return await memberEdits(this.ctx, channelId, messageId, newContent);
  }

  /** The author deletes a message: MESSAGE_DELETE. Resolves once clients have handled it. */
  async memberDeletes(channelId: string, messageId: string): Promise<void> {
    await memberDeletes(this.ctx, channelId, messageId);
  }

  /** A member runs a slash command (INTERACTION_CREATE type 2, data type 1); resolves after `interactionCreate`. */
  async slashCommand(
    guildId: string,
    channelId: string,
    userId: string,
    name: string,
    options: APIApplicationCommandInteractionDataOption[] = [],
    extra: SlashCommandExtra = {},
  ): Promise<InteractionRef> {
    return await slashCommand(this.ctx, guildId, channelId, userId, name, options, extra);
  }

  /** A member runs a message context menu command on `targetMessage` (data type 3); resolves after `interactionCreate`. */
  async contextMenu(guildId: string, channelId: string, userId: string, name: string, targetMessage: APIMessage | string): Promise<InteractionRef> {
    return await contextMenu(this.ctx, guildId, channelId, userId, name, targetMessage);
  }

  /** A member presses a button of `message` (INTERACTION_CREATE type 3); resolves after `interactionCreate`. */
  async pressButton(guildId: string, channelId: string, userId: string, message: APIMessage | string, customId: string): Promise<InteractionRef> {
    return await pressButton(this.ctx, guildId, channelId, userId, message, customId);
  }

  /**
   * Send a raw gateway event the fake does not model (e.g. GUILD_MEMBER_ADD) to the sessions
   * of `guildId` (null: shard 0, like DMs); resolves once they handled it.
   */
  async sendEvent(guildId: string | null, t: string, d: unknown): Promise<void> {
    this.ctx.delivery.requireSessionsFor(guildId);
    await this.ctx.delivery.settle(this.ctx.delivery.event(guildId, t, d));
  }

  /**
   * Resolve once every connected client has handled every event sent so far, including the
   * echoes of the bot's own actions (MESSAGE_CREATE for what it posted, MESSAGE_DELETE, …).
   */
  async settle(): Promise<void> {
    await this.ctx.delivery.settle(this.gateway.sessions());
  }

  /** What the bot answered an interaction with so far. */
  interactionResponses(interactionId: string): InteractionResponses {
    const interaction = this.ctx.interactions.get(interactionId);
    if (!interaction) throw new Error(`interaction ${interactionId} is unknown to the fake`);
    return structuredClone(interaction.responses);
  }

  // --------------------------------------------------------------------------- what the bot did

  /** Every REST request, in arrival order, each with its answer (requests still being answered are left out). */
  get calls(): RecordedCall[] {
    return this.rest.log.all();
  }

  /** The calls matching `'POST /channels/123/messages'`, `'POST /channels/:channel/messages'` or a RegExp tried on both. */
  callsOf(matcher: CallMatcher): RecordedCall[] {
    return this.rest.log.matching(matcher);
  }

  /**
   * The `nth` call matching `matcher`, once it has been answered: for bot work that happens
   * after a member action resolved (e.g. the reply an async `messageCreate` handler sends).
   */
  async waitForCall(matcher: CallMatcher, { nth = 1, timeoutMs = 5_000 }: { nth?: number; timeoutMs?: number } = {}): Promise<RecordedCall> {
    return await this.rest.log.waitFor(matcher, nth, timeoutMs);
  }

  /** What the bot posted through channel endpoints (guild channels, threads, DMs), oldest first. */
  botMessages(channelId?: string): BotMessage[] {
    return this.ctx.messages.botMessages(channelId);
  }

  /** The application commands the bot registered: global ones, or a guild's. */
  registeredCommands(guildId?: string): StoredCommand[] {
    return this.ctx.commands.list(guildId);
  }

  /**
   * Answer the next `times` requests of `method` whose path matches `routePattern` with
   * `response` instead (a RegExp is tried on `/channels/123/messages` and on
   * `/channels/:channel/messages`). For 429, give `body.retry_after` in seconds and keep it
   * tiny: discord.js waits that long (plus 50 ms) and retries by itself.
   *
   * @example fake.failNext('POST', /\/channels\/\d+\/messages$/, { status: 429, body: { retry_after: 0.05 } })
   */
  failNext(method: string, routePattern: RegExp | string, response: FailureResponse, times = 1): void {
    this.rest.failures.add(method, routePattern, response, times);
  }

  /** Open gateway connections. */
  get connections(): number {
    return this.gateway.connections;
  }

  /** Every IDENTIFY the gateway accepted: shard and intents. */
  get identifies(): IdentifyRecord[] {
    return structuredClone(this.gateway.identifies);
  }
}

export { DEFAULT_BOT_PERMISSIONS, EVERYONE_PERMISSIONS } from './permissions.js';
export type { CallMatcher } from './callLog.js';
export type { StoredCommand } from './commands.js';
export type { MemberMessageExtra } from './memberActions.js';
export type { SlashCommandExtra } from './memberInteractions.js';
export type * from './types.js';
