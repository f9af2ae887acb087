import { PermissionFlagsBits } from 'discord.js';
import { DiscordAdapter } from '../../../adapters/discord/discordAdapter.js';
import type { Debunk } from '../../../src/debunks/schema.js';
import type { Clock } from '../../../src/outbox/clock.js';
import { FakeDiscord } from '../../fakes/discord/fakeDiscord.js';
import { createDashboard } from '../../../src/dashboard/dashboardServer.js';
import { startCore } from '../coreHarness.js';

export const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.test-token.for-the-fake-discord';
export const APP = '900000000000000001';
export const GUILD = '100000000000000010';
export const CHANNEL = '100000000000000011';
export const THREAD = '100000000000000012';
export const MODS = '100000000000000013';
export const OWNER = { id: '200000000000000001', username: 'olivia' };
export const ALICE = { id: '200000000000000002', username: 'alice', globalName: 'Alice' };
export const BOB = { id: '200000000000000003', username: 'bob', globalName: 'Bob' };
export const MOD = { id: '200000000000000004', username: 'mod', globalName: 'Mo' };
export const MOD_ROLE = '300000000000000001';

/** What the bot may do in the server: everything its actions need. */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.ManageMessages |
  PermissionFlagsBits.ModerateMembers;

export interface DiscordHarnessOptions {
  debunks?: readonly Debunk[];
  enforceAll?: boolean;
  botPermissions?: bigint;
  clock?: Clock;
  logTo?: NodeJS.WritableStream;
  /** The server's preferred locale. @defaultValue 'en-US' */
  preferredLocale?: string;
  /** Serve the dashboard (on a free port) beside the bot, as `npm start` does. */
  dashboard?: boolean;
  /** The largest file `/rumorguard export` attaches (DiscordAdapterOptions.uploadLimitBytes). */
  uploadLimitBytes?: number;
}

/**
 * The real DiscordAdapter (discord.js Client inside) on a real SQLite store and ledger, talking to
 * the fake Discord REST API and gateway on 127.0.0.1.
 */
export async function startDiscordBot(options: DiscordHarnessOptions = {}) {
  const fake = await FakeDiscord.start({ token: TOKEN, application: { id: APP }, bot: { id: APP, username: 'RumorGuard' } });
  for (const user of [OWNER, ALICE, BOB, MOD]) fake.addUser(user);
  fake.addGuild({
    id: GUILD,
    name: 'Town hall',
    ownerId: OWNER.id,
    preferredLocale: options.preferredLocale ?? 'en-US',
    channels: [
      { id: CHANNEL, name: 'general' },
      { id: THREAD, name: 'rumors thread', type: 11, parentId: CHANNEL },
      { id: MODS, name: 'mods' },
    ],
    roles: [
      { id: GUILD, name: '@everyone', permissions: PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ReadMessageHistory },
      { id: MOD_ROLE, name: 'Moderators', permissions: PermissionFlagsBits.ManageGuild },
    ],
    botPermissions: options.botPermissions ?? BOT_PERMISSIONS,
  });
  fake.addMember(GUILD, OWNER.id);
  fake.addMember(GUILD, ALICE.id);
  fake.addMember(GUILD, BOB.id);
  fake.addMember(GUILD, MOD.id, { roles: [MOD_ROLE] });

  const core = await startCore({ groupId: GUILD, secrets: [TOKEN], ...options });
  const { engine, ledger, moderator } = core;
  const dashboard = options.dashboard ? createDashboard({ moderator, ledger, store: core.store, log: core.log, port: 0 }) : undefined;
  const dashboardUrl = await dashboard?.listen();
  const adapter = new DiscordAdapter({
    token: TOKEN,
    apiUrl: fake.restApi,
    moderator,
    ledger,
    store: core.store,
    log: core.log,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(dashboard ? { dashboardLinks: dashboard.links } : {}),
    ...(options.uploadLimitBytes !== undefined ? { uploadLimitBytes: options.uploadLimitBytes } : {}),
  });
  dashboard?.addDirectory(adapter.adminDirectory());
  await adapter.start();

  const seen = new Map<string, number>();
  return {
    fake,
    adapter,
    engine,
    ledger,
    moderator,
    store: core.store,
    /** A member posts; resolves once the bot handled it and sent what it queued. */
    async says(userId: string, content: string, channel = CHANNEL) {
      const message = await fake.memberSays(channel, userId, content);
      await adapter.whenHandled(message.id);
      await adapter.idle();
      return message;
    },
    async edits(channel: string, messageId: string, content: string) {
      const message = await fake.memberEdits(channel, messageId, content);
      await adapter.whenHandled(messageId);
      await adapter.idle();
      return message;
    },
    /** Waits for an interaction to be handled and returns what the bot answered. */
    async answered(ref: { id: string }) {
      await adapter.whenHandled(ref.id);
      await adapter.idle();
      return fake.interactionResponses(ref.id);
    },
    /** What the bot posted in a channel since the last call. */
    sentTo(channelId: string) {
      const all = fake.botMessages(channelId);
      const from = seen.get(channelId) ?? 0;
      seen.set(channelId, all.length);
      return all.slice(from);
    },
    records: () => core.records(),
    incidents: () => core.incidents(),
    closeStore: core.closeStore,
    /** The dashboard, with `dashboard: true`. */
    dashboard,
    dashboardUrl,
    async stop() {
      await dashboard?.close();
      await adapter.stop(1000);
      await fake.stop();
      await core.close();
    },
  };
}

export type DiscordHarness = Awaited<ReturnType<typeof startDiscordBot>>;
