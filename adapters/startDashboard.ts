import type { Env } from '../src/config/env.js';
import type { AdminDirectory } from '../src/dashboard/adminDirectory.js';
import { createDashboard } from '../src/dashboard/dashboardServer.js';
import { LoginLinks } from '../src/dashboard/loginLinks.js';
import type { Ledger } from '../src/ledger/ledger.js';
import { loggedError, type Logger } from '../src/lib/logger.js';
import type { Moderator } from '../src/moderation/moderator.js';
import type { KeyValueStore } from '../src/store/keyValueStore.js';
import { consoleDirectory, consoleDirectoryWith, PLAYGROUND_OWNER } from './console/consoleDirectory.js';
import type { ConsoleMutes } from './console/consoleMutes.js';

/** What the adapters get of a running dashboard: links for `/rg dashboard`, and their admin check to add. */
export interface DashboardHooks {
  links: LoginLinks;
  addDirectory(directory: AdminDirectory): void;
}

export interface RunningDashboard extends DashboardHooks {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the owners' dashboard beside the bot (DASHBOARD_PORT, DASHBOARD_HOST,
 * DASHBOARD_PUBLIC_URL), or nothing when it is off. A port that cannot be had is logged and the
 * bot runs on without it: moderating the groups matters more than the page about it.
 */
export async function startDashboard(
  env: Env,
  core: { moderator: Moderator; ledger: Ledger; store: KeyValueStore; log: Logger },
  playground: boolean,
  /** The playground's mutes, for a pardon on the dashboard to lift. */
  playgroundMutes?: ConsoleMutes,
): Promise<RunningDashboard | undefined> {
  if (env.DASHBOARD_PORT === 'off') return undefined;
  const dashboard = createDashboard({
    ...core,
    host: env.DASHBOARD_HOST,
    port: env.DASHBOARD_PORT,
    ...(env.DASHBOARD_PUBLIC_URL ? { publicUrl: env.DASHBOARD_PUBLIC_URL } : {}),
    debunksDir: env.DEBUNKS_DIR,
    // The playground's owner is whoever runs it: the operator of their own bot.
    debunkEditors: playground ? [...env.DASHBOARD_DEBUNK_EDITORS, `console:${PLAYGROUND_OWNER}`] : env.DASHBOARD_DEBUNK_EDITORS,
  });
  if (playground) dashboard.addDirectory(playgroundMutes ? consoleDirectoryWith(playgroundMutes) : consoleDirectory);
  try {
    const url = await dashboard.listen();
    const address = dashboard.app.server.address();
    const port = address && typeof address === 'object' ? address.port : env.DASHBOARD_PORT;
    core.log.info({ url }, `dashboard: serving on ${env.DASHBOARD_HOST}:${port}; admins log in with ${loginCommand(env)}`);
    return { url, links: dashboard.links, addDirectory: (d) => dashboard.addDirectory(d), close: () => dashboard.close() };
  } catch (error) {
    core.log.error({ err: loggedError(error) }, `dashboard: cannot listen on ${env.DASHBOARD_HOST}:${env.DASHBOARD_PORT} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the bot runs without it (set DASHBOARD_PORT, or DASHBOARD_PORT=off)`);
    await dashboard.close().catch(() => undefined);
    return undefined;
  }
}

/**
 * Login links without a server, for the shard processes that do not serve the dashboard: the
 * links live in the shared store, and the dashboard of shard 0 redeems them.
 */
export function linksOnly(env: Env, store: KeyValueStore): DashboardHooks {
  const host = env.DASHBOARD_HOST.includes(':') ? `[${env.DASHBOARD_HOST}]` : env.DASHBOARD_HOST;
  const base = env.DASHBOARD_PUBLIC_URL?.replace(/\/+$/, '') ?? `http://${host}:${env.DASHBOARD_PORT}`;
  return { links: new LoginLinks(store, base), addDirectory: () => undefined };
}

/** The command admins ask for a login link with, in each platform's own words (Discord has no "/rg"; real-client QA). */
export function loginCommand(env: { DISCORD_TOKEN?: string | undefined; TELEGRAM_BOT_TOKEN?: string | undefined }): string {
  if (env.DISCORD_TOKEN && env.TELEGRAM_BOT_TOKEN) return '/rg dashboard (Telegram) or /rumorguard dashboard (Discord)';
  return env.DISCORD_TOKEN ? '/rumorguard dashboard' : '/rg dashboard';
}
