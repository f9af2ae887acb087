import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import type { Env } from '../../src/config/env.js';
import type { Moderator } from '../../src/moderation/moderator.js';
import type { Ledger } from '../../src/ledger/ledger.js';
import type { Logger } from '../../src/lib/logger.js';
import type { KeyValueStore } from '../../src/store/keyValueStore.js';
import { parseStoreUrl } from '../../src/store/storeUrl.js';
import type { DashboardHooks } from '../startDashboard.js';
import { DiscordAdapter } from './discordAdapter.js';

/** True inside a shard process started by discord.js's ShardingManager. */
export const isShardProcess = (): boolean => Boolean(process.env.SHARDING_MANAGER);

/** The shard ids this process runs (from the manager), or undefined outside a ShardingManager. */
export function shardIds(): number[] | undefined {
  if (!isShardProcess() || process.env.SHARDS === undefined) return undefined;
  const parsed: unknown = JSON.parse(process.env.SHARDS);
  return Array.isArray(parsed) ? parsed.map(Number) : [Number(parsed)];
}

/**
 * Several shards need one store that every shard process reaches. `memory:` lives inside one
 * process: refused, with the reason. SQLite works for shards on one machine (they all run here).
 */
export function checkShardableStore(storeUrl: string): { ok: true } | { ok: false; reason: string } {
  const parsed = parseStoreUrl(storeUrl);
  if (parsed.ok && parsed.target.backend === 'memory') {
    return {
      ok: false,
      reason:
        'SHARDS runs one process per shard, and STORE_URL=memory: keeps strikes, settings and the ledger inside one process: each shard would see only its own. Set STORE_URL to sqlite://…, redis://… or postgres://….',
    };
  }
  return { ok: true };
}

/**
 * Runs discord.js's ShardingManager: one `rumorguard start` process per shard. Resolves when
 * `stop` resolves, after the shards were told to stop.
 */
export async function runShardManager(env: Env, log: Logger, stop: Promise<unknown>): Promise<void> {
  const entry = fileURLToPath(new URL('../cli.ts', import.meta.url));
  const manager = new ShardingManager(entry, {
    token: env.DISCORD_TOKEN,
    totalShards: env.SHARDS === 'auto' ? 'auto' : Number(env.SHARDS),
    shardArgs: ['start'],
    // The entry is TypeScript: the shard processes run it through tsx, like `npm start`. Resolved
    // here, because a bare "tsx" would be looked up from the working directory.
    execArgv: ['--import', import.meta.resolve('tsx')],
    respawn: true,
  });
  manager.on('shardCreate', (shard) => log.info({ shard: shard.id }, 'discord: shard process started'));
  await manager.spawn({ timeout: 60_000 });
  log.info({ shards: manager.totalShards, entry: path.basename(entry) }, 'discord: all shards ready');
  const reason = await stop;
  log.info({ reason }, 'discord: stopping the shards');
  // Each shard process stops its bot on SIGTERM (sends what is queued, closes the store).
  await Promise.all(
    [...manager.shards.values()].map(
      (shard) =>
        new Promise<void>((resolve) => {
          const child = shard.process;
          if (!child || child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          shard.kill(); // SIGTERM, without the respawn a plain kill would trigger
        }),
    ),
  );
}

/** Runs the Discord bot in this process (alone, or as one shard) until `stop` resolves. */
export async function runDiscord(
  env: Env,
  core: { moderator: Moderator; ledger: Ledger; store: KeyValueStore; log: Logger; dashboard?: DashboardHooks },
  stop: Promise<unknown>,
): Promise<void> {
  const adapter = new DiscordAdapter({
    token: env.DISCORD_TOKEN,
    apiUrl: env.DISCORD_API_URL,
    moderator: core.moderator,
    ledger: core.ledger,
    store: core.store,
    log: core.log,
    ...(core.dashboard ? { dashboardLinks: core.dashboard.links } : {}),
  });
  core.dashboard?.addDirectory(adapter.adminDirectory());
  await adapter.start();
  core.log.info(
    { bot: adapter.client.user?.tag, guilds: adapter.client.guilds.cache.size, shards: shardIds() ?? [0] },
    `discord: ${adapter.client.user?.tag ?? 'bot'} connected`,
  );
  await stop;
  await adapter.stop();
  core.log.info('discord: stopped');
}
