import { createServer, type Server } from 'node:http';
import { Telegraf } from 'telegraf';
import type { Update, UserFromGetMe } from 'telegraf/types';
import type { AdminDirectory } from '../../src/dashboard/adminDirectory.js';
import type { LoginLinks } from '../../src/dashboard/loginLinks.js';
import type { Engine } from '../../src/engine/engine.js';
import type { Moderator } from '../../src/moderation/moderator.js';
import type { Ledger } from '../../src/ledger/ledger.js';
import type { Logger } from '../../src/lib/logger.js';
import { waitAtMost } from '../../src/lib/waitAtMost.js';
import type { Clock } from '../../src/outbox/clock.js';
import { Outbox } from '../../src/outbox/outbox.js';
import { PLATFORM_LIMITS } from '../../src/outbox/platformLimits.js';
import type { OutboxOptions } from '../../src/outbox/options.js';
import type { DeliveryFate, Priority } from '../../src/outbox/types.js';
import type { KeyValueStore } from '../../src/store/keyValueStore.js';
import { AdminCache } from './adminCache.js';
import { AlertRouter } from './alertRouter.js';
import { registerCommandMenus } from './commandMenus.js';
import { telegramDirectory } from './dashboardLink.js';
import { GROUP_CHECK_INTERVAL_MS, REFUSAL_INTERVAL_MS, type AdapterDeps } from './deps.js';
import { Cooldown } from '../../src/lib/cooldown.js';
import { GroupModeration } from './groupModeration.js';
import { mergeOutgoing, type Outgoing, sendOutgoing } from './outgoing.js';
import { classifyRefusal } from './permissionProblems.js';
import { registerHandlers } from './registerHandlers.js';
import { isGroupChat, toChatMessage } from './toChatMessage.js';
import { type QueuedUpdate, queueUpdatesByChat } from './updateInbox.js';
import type { InboxJournal } from '../../src/inbox/inboxJournal.js';
import type { ChatInbox } from '../../src/inbox/chatInbox.js';
import { telegramReviewPort } from './reviewPort.js';

export interface TelegramAdapterOptions {
  token: string;
  /**
   * The Bot API server: Telegram's, or a self-hosted one (telegram-bot-api).
   * @defaultValue 'https://api.telegram.org'
   */
  apiRoot?: string;
  moderator: Moderator;
  /** The ledger the moderator writes to, for `/rg incidents` and `/rg export`. */
  ledger?: Ledger;
  /** The shared store: alert links, started users, permission notices. */
  store: KeyValueStore;
  log: Logger;
  /** Outgoing limits; Telegram's are the defaults (20 a minute per chat, 30 a second in all). */
  outbox?: Pick<OutboxOptions<Outgoing>, 'perChatPerMinute' | 'globalPerSecond' | 'maxQueued'>;
  /**
   * Updates one chat may have waiting to be handled; past it they are dropped (a rumor among them
   * is still ledgered, its actions withheld). @defaultValue INBOX_DEFAULTS.maxPerKey (5,000)
   */
  inboxPerChat?: number;
  /**
   * Updates taken in are written here before Telegram is answered and marked done once handled;
   * `pending`, those a crashed run left unhandled, are handled at launch (see InboxJournal).
   */
  journal?: { journal: InboxJournal; pending: readonly Update[] };
  /**
   * One owner alert per group and rumor in this window; the rest become a digest.
   * @defaultValue 10 minutes
   */
  alertWindowMs?: number;
  /** Time for the outbox and alert windows; tests pass a fake clock. @defaultValue real time */
  clock?: Clock;
  /** The dashboard's login links, for `/rg dashboard`; absent when the dashboard is off. */
  dashboardLinks?: LoginLinks;
  /** The largest document `/rg export` sends; tests lower it. @defaultValue 50 MB (the Bot API's) */
  uploadLimitBytes?: number;
}

/** How updates arrive: long polling (the default) or a webhook Telegram posts to. */
export type Delivery =
  | { kind: 'polling' }
  | {
      kind: 'webhook';
      /** Public https URL Telegram posts to, e.g. https://bot.example.com/telegram. */
      url: string;
      /** Local port the webhook server listens on (a reverse proxy terminates TLS in front). */
      port: number;
      /** Local interface. @defaultValue all interfaces */
      host?: string;
      /** Sent back by Telegram in a header on every post; other posts are refused. */
      secretToken: string;
    };

/** The updates the bot reads; nothing else is delivered to it. */
const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;

/**
 * The Telegram adapter: telegraf in, the shared engine in the middle, Bot API calls out.
 * Thin: it translates updates into engine messages and decisions into Bot API calls; every
 * outgoing message goes through one rate-limited, bounded outbox.
 */
export class TelegramAdapter {
  readonly bot: Telegraf;
  readonly outbox: Outbox<Outgoing>;
  readonly alerts: AlertRouter;
  /** Updates taken in and waiting for their chat's turn (see updateInbox.ts). */
  readonly inbox: ChatInbox<QueuedUpdate>;
  private readonly deps: AdapterDeps;
  private me: UserFromGetMe | undefined;
  private webhookServer: Server | undefined;
  /** Settles when long polling ends: resolves on stop(), rejects when Telegram refuses it (409, 401). */
  private polling: Promise<void> | undefined;
  private readonly moderation: GroupModeration;

  constructor(private readonly options: TelegramAdapterOptions) {
    const { log } = options;
    // webhookReply off: every call gets its real answer (message ids, errors) from the API.
    this.bot = new Telegraf(options.token, { telegram: { apiRoot: options.apiRoot ?? 'https://api.telegram.org', webhookReply: false } });
    const telegram = this.bot.telegram;
    const now = options.clock ? () => options.clock!.now() : Date.now;
    this.outbox = new Outbox<Outgoing>({
      ...PLATFORM_LIMITS.telegram,
      ...options.outbox,
      send: (item) => sendOutgoing(telegram, item),
      merge: mergeOutgoing,
      onError: (item, err) => {
        log.warn({ err, chat: item.chatId }, 'telegram: message not sent');
        if (classifyRefusal(err) === 'missing_right') {
          void this.moderation.cannotPost(Number(item.chatId), err).catch((e: unknown) => log.warn({ err: e }, 'telegram: notice not sent'));
        }
      },
      onDrop: (item, reason) => log.warn({ chat: item.chatId, reason }, 'telegram: message dropped'),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    const admins = new AdminCache(async (chatId) => telegram.getChatAdministrators(chatId), now);
    const enqueue = (chatId: number, priority: Priority, payload: Outgoing, mergeKey?: string) =>
      new Promise<DeliveryFate>((onFate) => {
        const r = this.outbox.enqueue({ chatId, priority, payload, onFate, ...(mergeKey ? { mergeKey } : {}) });
        if (r.outcome === 'dropped') log.warn({ chat: chatId, reason: r.reason }, 'telegram: message not queued');
      });
    this.alerts = new AlertRouter({
      store: options.store,
      admins,
      send: (chatId, html) => enqueue(chatId, 'high', { kind: 'html', html }),
      onUndeliverable: (a) => log.info({ group: a.groupId, debunk: a.debunkId }, 'telegram: no alert chat linked and no admin started the bot'),
      onError: (err) => log.warn({ err }, 'telegram: alert not delivered'),
      ...(options.alertWindowMs !== undefined ? { windowMs: options.alertWindowMs } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    this.deps = {
      moderator: options.moderator,
      engine: options.moderator.engine,
      ...(options.ledger ? { ledger: options.ledger } : {}),
      store: options.store,
      admins,
      alerts: this.alerts,
      telegram,
      botId: () => this.me?.id,
      log,
      enqueue,
      now,
      courtesy: { refusals: new Cooldown(REFUSAL_INTERVAL_MS, now), checks: new Cooldown(GROUP_CHECK_INTERVAL_MS, now) },
      ...(options.dashboardLinks ? { dashboardLinks: options.dashboardLinks } : {}),
      ...(options.uploadLimitBytes !== undefined ? { uploadLimitBytes: options.uploadLimitBytes } : {}),
    };
    this.moderation = new GroupModeration(this.deps);
    this.inbox = queueUpdatesByChat(this.bot, log, (update) => this.unhandled(update), options.inboxPerChat, options.journal?.journal);
    options.moderator.reviewPorts.set('telegram', telegramReviewPort(this.deps));
    registerHandlers(this.bot, this.deps, this.moderation);
  }

  get engine(): Engine {
    return this.options.moderator.engine;
  }

  /** The dashboard's admin check on Telegram (see dashboardLink.ts). */
  adminDirectory(): AdminDirectory {
    return telegramDirectory(this.deps);
  }

  /**
   * Connects: checks the token (getMe), registers the command menus, then receives updates by
   * long polling or webhook. Resolves once updates are flowing.
   */
  async launch(delivery: Delivery = { kind: 'polling' }): Promise<void> {
    this.me = await this.bot.telegram.getMe();
    this.bot.botInfo = this.me;
    if (!this.me.can_read_all_group_messages) {
      this.options.log.warn(
        'telegram: privacy mode is on, so the bot sees only commands and replies in groups where it is not an admin; make it an admin or run /setprivacy in @BotFather',
      );
    }
    await registerCommandMenus(this.bot.telegram);
    // Updates a crash caught taken in but not handled: Telegram will not send them again.
    const pending = this.options.journal?.pending ?? [];
    if (pending.length > 0) {
      this.options.log.warn({ updates: pending.length }, `telegram: ${pending.length} update(s) taken in before a crash were never handled; handling them now`);
      for (const update of pending) await this.bot.handleUpdate(update);
    }
    if (delivery.kind === 'webhook') {
      await this.listenForWebhook(delivery);
      return;
    }
    // In polling mode launch() resolves only when polling stops: wait for it to begin instead,
    // and keep its promise, whose rejection (another instance polls: 409; the token was revoked:
    // 401) would otherwise be lost and leave the process to end with nothing said.
    await new Promise<void>((resolve, reject) => {
      this.polling = this.bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }, resolve);
      this.polling.catch(reject);
    });
  }

  /**
   * Resolves when updates stop arriving because the bot was stopped; rejects with Telegram's
   * error when they stop because Telegram refused them (polling only: a webhook never ends so).
   */
  receiving(): Promise<void> {
    return this.polling ?? new Promise<void>(() => undefined);
  }

  /**
   * Webhook mode: listens first, then tells Telegram where to post (telegraf's own launch sets the
   * webhook before its server is listening, so the first updates could be refused).
   */
  private async listenForWebhook(delivery: Extract<Delivery, { kind: 'webhook' }>): Promise<void> {
    const url = new URL(delivery.url);
    const callback = this.bot.webhookCallback(url.pathname, { secretToken: delivery.secretToken });
    const server = createServer((req, res) => {
      void callback(req, res, () => {
        res.statusCode = 404;
        res.end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(delivery.port, delivery.host, () => resolve());
    });
    this.webhookServer = server;
    await this.bot.telegram.setWebhook(url.href, { secret_token: delivery.secretToken, allowed_updates: [...ALLOWED_UPDATES] });
  }

  /**
   * Resolves when every alert is queued, every queued message sent (or dropped), and the outcome
   * of every action handed to the ledger.
   */
  async idle(): Promise<void> {
    await this.inbox.settled();
    await this.alerts.settled();
    await this.outbox.drain();
    await this.options.moderator.settled();
  }

  /** Stops receiving, sends pending digests, and gives the outbox `graceMs` to empty. */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.webhookServer) {
      const server = this.webhookServer;
      this.webhookServer = undefined;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
    } else {
      try {
        this.bot.stop('shutdown');
      } catch {
        // not running (never launched, or already stopped)
      }
    }
    // Updates already taken in are handled; nothing new comes in.
    this.inbox.close();
    await waitAtMost(this.inbox.settled(), graceMs);
    this.alerts.flush();
    await this.alerts.settled();
    await waitAtMost(this.outbox.drain(), graceMs);
    // What could not be sent in time is dropped: its actions are recorded as skipped at shutdown.
    this.outbox.close();
    await this.options.moderator.settled();
    await this.options.journal?.journal.close();
  }

  /** A group message the inbox could not take: a rumor in it still reaches the ledger (see Moderator.recordUnhandled). */
  private unhandled(update: Update): void {
    const message = 'message' in update ? update.message : 'edited_message' in update ? update.edited_message : undefined;
    if (!message || !isGroupChat(message.chat)) return;
    const translated = toChatMessage(message, { edited: 'edited_message' in update });
    if (!translated) return;
    this.options.moderator
      .recordUnhandled(translated)
      .catch((err: unknown) => this.options.log.error({ err, chat: message.chat.id }, 'telegram: a dropped rumor could not be recorded'));
  }

  /**
   * Feeds one update through the bot as if Telegram had sent it (the webhook path does this);
   * resolves once it is taken in (queued behind its chat's earlier updates), not handled.
   */
  handleUpdate(update: Update): Promise<void> {
    return this.bot.handleUpdate(update);
  }
}
