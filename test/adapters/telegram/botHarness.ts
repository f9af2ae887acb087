import { TelegramAdapter, type TelegramAdapterOptions } from '../../../adapters/telegram/telegramAdapter.js';
import type { Debunk } from '../../../src/debunks/schema.js';
import type { Clock } from '../../../src/outbox/clock.js';
import { FakeTelegram } from '../../fakes/telegram/fakeTelegram.js';
import { freePort } from '../../fakes/telegram/freePort.js';
import { createDashboard } from '../../../src/dashboard/dashboardServer.js';
import { startCore } from '../coreHarness.js';

export const TOKEN = '123456789:TEST-token-for-the-fake-telegram';
export const BOT = { id: 777000111, username: 'rumorguard_test_bot', first_name: 'RumorGuard' };
export const GROUP = { id: -1001000000001, type: 'supergroup', title: 'Town news' } as const;
export const ADMINS_GROUP = { id: -1001000000002, type: 'supergroup', title: 'Town news admins' } as const;
export const OWNER = { id: 101, first_name: 'Olivia', last_name: 'Owner' };
export const ALICE = { id: 202, first_name: 'Alice' };
export const BOB = { id: 303, first_name: 'Bob' };
export const GROUP_ID = String(GROUP.id);

export interface BotHarnessOptions {
  debunks?: readonly Debunk[];
  /** Enable every action (warn, delete, mute, alerts) in the group, not just refutations. */
  enforceAll?: boolean;
  canReadAllGroupMessages?: boolean;
  clock?: Clock;
  /** Log lines go here (JSON); silent otherwise. */
  logTo?: NodeJS.WritableStream;
  /** Serve the dashboard (on a free port) beside the bot, as `npm start` does. */
  dashboard?: boolean;
  /** Updates a chat may have waiting (TelegramAdapterOptions.inboxPerChat). */
  inboxPerChat?: number;
  /** OPERATOR_IDS. */
  operatorIds?: readonly string[];
  /** The largest document `/rg export` sends (TelegramAdapterOptions.uploadLimitBytes). */
  uploadLimitBytes?: number;
  /** The update journal (TelegramAdapterOptions.journal). */
  journal?: TelegramAdapterOptions['journal'];
}

/**
 * The real TelegramAdapter (telegraf inside) on a real SQLite store and ledger, talking over
 * HTTP on 127.0.0.1 to the fake Bot API in front of telegram-test-api, receiving by webhook.
 */
export async function startBot(options: BotHarnessOptions = {}) {
  const fake = await FakeTelegram.start({
    token: TOKEN,
    bot: BOT,
    ...(options.canReadAllGroupMessages !== undefined ? { canReadAllGroupMessages: options.canReadAllGroupMessages } : {}),
  });
  fake.addChat(GROUP);
  fake.addChat(ADMINS_GROUP);
  fake.setMember(GROUP.id, OWNER, 'creator');
  fake.setMember(GROUP.id, ALICE, 'member');
  fake.setMember(GROUP.id, BOB, 'member');
  fake.setMember(ADMINS_GROUP.id, OWNER, 'creator');
  for (const user of [OWNER, ALICE, BOB]) {
    fake.addChat({ id: user.id, type: 'private', first_name: user.first_name });
    fake.setMember(user.id, user, 'member');
  }

  const core = await startCore({ groupId: GROUP_ID, secrets: [TOKEN], ...options });
  const { engine, ledger, moderator } = core;
  const dashboard = options.dashboard ? createDashboard({ moderator, ledger, store: core.store, log: core.log, port: 0 }) : undefined;
  const dashboardUrl = await dashboard?.listen();
  const adapter = new TelegramAdapter({
    token: TOKEN,
    apiRoot: fake.apiRoot,
    moderator,
    ledger,
    store: core.store,
    log: core.log,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(dashboard ? { dashboardLinks: dashboard.links } : {}),
    ...(options.inboxPerChat !== undefined ? { inboxPerChat: options.inboxPerChat } : {}),
    ...(options.uploadLimitBytes !== undefined ? { uploadLimitBytes: options.uploadLimitBytes } : {}),
    ...(options.journal ? { journal: options.journal } : {}),
  });
  dashboard?.addDirectory(adapter.adminDirectory());
  // Members' actions, as Telegram delivers them: each resolves once the bot answered the webhook,
  // that is once the update is queued in its chat's inbox, before it is handled.
  const deliver = {
    sendMessage: fake.sendMessage.bind(fake),
    sendCommand: fake.sendCommand.bind(fake),
    editMessage: fake.editMessage.bind(fake),
    pressButton: fake.pressButton.bind(fake),
    sendUpdate: fake.sendUpdate.bind(fake),
  };
  // The tests act, then look: there, an action resolves once the bot has handled the update too.
  const handled =
    <A extends unknown[], R>(act: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await act(...args);
      await adapter.inbox.settled();
      return result;
    };
  fake.sendMessage = handled(deliver.sendMessage);
  fake.sendCommand = handled(deliver.sendCommand);
  fake.editMessage = handled(deliver.editMessage);
  fake.pressButton = handled(deliver.pressButton);
  fake.sendUpdate = handled(deliver.sendUpdate);
  const port = await freePort();
  await adapter.launch({ kind: 'webhook', url: `https://127.0.0.1:${port}/telegram`, port, host: '127.0.0.1', secretToken: 'test-secret_0' });

  return {
    fake,
    /** Members' actions that resolve once the update is taken in, not handled (for floods). */
    deliver,
    adapter,
    engine,
    ledger,
    moderator,
    store: core.store,
    library: core.library,
    operators: core.operators,
    records: core.records,
    incidents: core.incidents,
    /** What the bot sent to a chat since the last call (or since the start). */
    sentTo: (() => {
      const seen = new Map<number, number>();
      return (chatId: number) => {
        const all = fake.botMessages(chatId);
        const from = seen.get(chatId) ?? 0;
        seen.set(chatId, all.length);
        return all.slice(from);
      };
    })(),
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

export type BotHarness = Awaited<ReturnType<typeof startBot>>;
