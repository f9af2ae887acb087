import { Client, GatewayIntentBits, Partials, PermissionFlagsBits, type ClientOptions } from 'discord.js';
import { FakeDiscord } from './fakeDiscord.js';
import { shardOf } from './snowflakes.js';

/*
 * The world the fake's own tests run in: one guild on shard 0 of 2 with a text channel, a
 * thread and a moderator role, another guild on shard 1, an owner, a moderator and a member.
 */

export const TOKEN = 'Bot-token-for-tests';
export const APP_ID = '900000000000000001';
export const BOT = { id: APP_ID, username: 'RumorGuard' };

/** Chosen so that `(id >> 22) % 2` is 0 and 1: they land on different shards of two. */
export const GUILD = '1100000000004194304';
export const OTHER_GUILD = '1100000000000000000';
export const GENERAL = '1100000000004194305';
export const THREAD = '1100000000004194306';
export const OTHER_CHANNEL = '1100000000000000001';
export const MOD_ROLE = '1100000000004194310';

export const OWNER = { id: '800000000000000001', username: 'olga' };
export const MOD = { id: '800000000000000002', username: 'mod' };
export const ALICE = { id: '800000000000000011', username: 'alice', globalName: 'Alice' };

if (shardOf(GUILD, 2) !== 0 || shardOf(OTHER_GUILD, 2) !== 1) throw new Error('test guild ids no longer split across two shards');

/** Start a fake holding the test world. */
export async function startFake(): Promise<FakeDiscord> {
  const fake = await FakeDiscord.start({ token: TOKEN, application: { id: APP_ID }, bot: BOT });
  for (const user of [OWNER, MOD, ALICE]) fake.addUser(user);
  await fake.addGuild({
    id: GUILD,
    name: 'Rumor Watch',
    ownerId: OWNER.id,
    preferredLocale: 'zh-CN',
    channels: [
      { id: GENERAL, name: 'general' },
      { id: THREAD, name: 'moon-thread', type: 11, parentId: GENERAL },
    ],
    roles: [{ id: MOD_ROLE, name: 'Moderator', permissions: PermissionFlagsBits.ModerateMembers }],
  });
  fake.addMember(GUILD, MOD.id, { roles: [MOD_ROLE], nick: 'Mod' });
  fake.addMember(GUILD, ALICE.id);
  await fake.addGuild({ id: OTHER_GUILD, name: 'Elsewhere', ownerId: OWNER.id, channels: [{ id: OTHER_CHANNEL, name: 'random' }] });
  fake.addMember(OTHER_GUILD, ALICE.id);
  return fake;
}

/** A discord.js client pointed at `fake`, with the intents and partials a moderation bot uses. */
export function newClient(fake: FakeDiscord, options: Partial<ClientOptions> = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    rest: { api: fake.restApi },
    ...options,
  });
}
