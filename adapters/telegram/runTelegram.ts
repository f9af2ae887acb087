import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Update } from 'telegraf/types';
import type { Env } from '../../src/config/env.js';
import { InboxJournal } from '../../src/inbox/inboxJournal.js';
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
 * receiving and lets queued messages go out. Rejects, with a sentence naming the cause, when
 * Telegram refuses the bot (at launch or later: 401, or 409 when another instance polls), after
 * stopping it the same way.
 */
export async function runTelegram(
  env: Env,
  core: { moderator: Moderator; ledger: Ledger; store: KeyValueStore; log: Logger; dashboard?: DashboardHooks },
  stop: Promise<unknown>,
): Promise<void> {
  // Beside the spool: updates taken in and not yet handled, so a crash loses none (see InboxJournal).
  const journalFile = path.join(path.dirname(env.SPOOL_FILE), 'telegram-inbox.jsonl');
  const journal = await InboxJournal.open<Update>(journalFile).catch((err: unknown) => {
    core.log.error({ err, file: journalFile }, 'telegram: the update journal cannot be opened; updates waiting at a crash would be lost');
    return undefined;
  });
  const adapter = new TelegramAdapter({
    token: env.TELEGRAM_BOT_TOKEN,
    apiRoot: env.TELEGRAM_API_ROOT,
    moderator: core.moderator,
    ledger: core.ledger,
    store: core.store,
    log: core.log,
    ...(core.dashboard ? { dashboardLinks: core.dashboard.links } : {}),
    ...(journal ? { journal } : {}),
  });
  core.dashboard?.addDirectory(adapter.adminDirectory());
  const delivery = deliveryFromEnv(env);
  try {
    await adapter.launch(delivery);
  } catch (error) {
    await adapter.stop();
    throw new Error(telegramRefusal(error, 'cannot connect'), { cause: error });
  }
  const me = adapter.bot.botInfo;
  core.log.info(
    { bot: me?.username, delivery: delivery.kind, debunks: adapter.engine.debunkCount },
    delivery.kind === 'webhook' ? `telegram: @${me?.username} receiving by webhook on port ${delivery.port}` : `telegram: @${me?.username} receiving by long polling`,
  );
  const refused = await Promise.race([stop.then(() => undefined), adapter.receiving().then(() => undefined, (error: unknown) => error)]);
  await adapter.stop();
  if (refused !== undefined) throw new Error(telegramRefusal(refused, 'stopped receiving'), { cause: refused });
  core.log.info('telegram: stopped');
}

/**
 * Why Telegram stopped sending updates, in a sentence for the operator's log. Telegram's own
 * description is quoted (it never holds the token); an unknown failure is named by its message.
 */
export function telegramRefusal(error: unknown, what: 'cannot connect' | 'stopped receiving'): string {
  const code = (error as { code?: unknown }).code;
  const description = (error as { description?: unknown }).description ?? (error instanceof Error ? error.message : String(error));
  const said = `Telegram answered ${typeof code === 'number' ? `${code} ` : ''}"${String(description)}"`;
  if (code === 409) return `telegram: ${what}: ${said}: another process is receiving this bot's updates (polling or a webhook); run one instance per token`;
  if (code === 401) return `telegram: ${what}: ${said}: TELEGRAM_BOT_TOKEN is wrong or was revoked; get the current one from @BotFather`;
  // Not Telegram's answer (the network, a bad TELEGRAM_API_ROOT): the error's own words.
  if (typeof code !== 'number') return `telegram: ${what}: ${String(description)}`;
  return `telegram: ${what}: ${said}`;
}
