import { randomBytes } from 'node:crypto';
import type { Env } from '../../src/config/env.js';
import type { Moderator } from '../../src/moderation/moderator.js';
import type { Ledger } from '../../src/ledger/ledger.js';
import type { Logger } from '../../src/lib/logger.js';
import type { KeyValueStore } from '../../src/store/keyValueStore.js';
import type { DashboardHooks } from '../startDashboard.js';
import { type Delivery, TelegramAdapter } from './telegramAdapter.js';

/** Long polling, or the webhook when TELEGRAM_WEBHOOK_URL is set. */
export function deliveryFromEnv(env: Env): Delivery {
  if (!env.TELEGRAM_WEBHOOK_URL) return { kind: 'polling' };
  return {
    kind: 'webhook',
    url: env.TELEGRAM_WEBHOOK_URL,
    port: env.TELEGRAM_WEBHOOK_PORT,
    // A random secret per start is enough: setWebhook tells Telegram the new one every time.
    secretToken: env.TELEGRAM_WEBHOOK_SECRET ?? randomBytes(32).toString('hex'),
  };
}

/**
 * Runs the Telegram bot until `stop` resolves (SIGINT/SIGTERM in `npm start`), then stops
 * receiving and lets queued messages go out.
 */
export async function runTelegram(
  env: Env,
  core: { moderator: Moderator; ledger: Ledger; store: KeyValueStore; log: Logger; dashboard?: DashboardHooks },
  stop: Promise<unknown>,
): Promise<void> {
  const adapter = new TelegramAdapter({
    token: env.TELEGRAM_BOT_TOKEN,
    apiRoot: env.TELEGRAM_API_ROOT,
    moderator: core.moderator,
    ledger: core.ledger,
    store: core.store,
    log: core.log,
    ...(core.dashboard ? { dashboardLinks: core.dashboard.links } : {}),
  });
  core.dashboard?.addDirectory(adapter.adminDirectory());
  const delivery = deliveryFromEnv(env);
  await adapter.launch(delivery);
  const me = adapter.bot.botInfo;
  core.log.info(
    { bot: me?.username, delivery: delivery.kind, debunks: adapter.engine.debunkCount },
    delivery.kind === 'webhook' ? `telegram: @${me?.username} receiving by webhook on port ${delivery.port}` : `telegram: @${me?.username} receiving by long polling`,
  );
  await stop;
  await adapter.stop();
  core.log.info('telegram: stopped');
}
