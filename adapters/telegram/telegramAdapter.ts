import { createServer, type Server } from 'node:http';
import { Telegraf } from 'telegraf';
import type { Message, Update, UserFromGetMe } from 'telegraf/types';
import type { Engine } from '../../src/engine/engine.js';
import type { Moderator } from '../../src/engine/moderator.js';
import type { Ledger } from '../../src/ledger/ledger.js';
import { Cooldown } from '../../src/lib/cooldown.js';
import type { Logger } from '../../src/lib/logger.js';
import type { Clock } from '../../src/outbox/clock.js';
import { Outbox } from '../../src/outbox/outbox.js';
import type { OutboxOptions } from '../../src/outbox/options.js';
import type { Priority } from '../../src/outbox/types.js';
import type { KeyValueStore } from '../../src/store/keyValueStore.js';
import { AdminCache } from './adminCache.js';
import { groupRg, linkAlertsFromElsewhere } from './adminCommands.js';
import { AlertRouter } from './alertRouter.js';
import { carryOut, QUIET_REPLY_INTERVAL_MS } from './carryOut.js';
import { registerCommandMenus } from './commandMenus.js';
import type { AdapterDeps } from './deps.js';
import { pressButton, reportMessage } from './memberActions.js';
import { mergeOutgoing, type Outgoing, sendOutgoing } from './outgoing.js';
import { classifyRefusal, PermissionNotices, RIGHTS, type Right } from './permissionProblems.js';
import { lookup, startPrivate } from './privateChat.js';
import { languageOf, textHtml } from './texts.js';
import { isGroupChat, toChatMessage } from './toChatMessage.js';

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
   * One owner alert per group and rumor in this window; the rest become a digest.
   * @defaultValue 10 minutes
   */
  alertWindowMs?: number;
  /** Time for the outbox and alert windows; tests pass a fake clock. @defaultValue real time */
  clock?: Clock;
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
  private readonly deps: AdapterDeps;
  private readonly notices: PermissionNotices;
  private me: UserFromGetMe | undefined;
  private readonly quietReplies: Cooldown;
  private webhookServer: Server | undefined;

  constructor(private readonly options: TelegramAdapterOptions) {
    const { log } = options;
    // webhookReply off: every call gets its real answer (message ids, errors) from the API.
    this.bot = new Telegraf(options.token, { telegram: { apiRoot: options.apiRoot ?? 'https://api.telegram.org', webhookReply: false } });
    const telegram = this.bot.telegram;
    const now = options.clock ? () => options.clock!.now() : Date.now;
    this.outbox = new Outbox<Outgoing>({
      ...options.outbox,
      send: (item) => sendOutgoing(telegram, item),
      merge: mergeOutgoing,
      onError: (item, err) => log.warn({ err, chat: item.chatId }, 'telegram: message not sent'),
      onDrop: (item, reason) => log.warn({ chat: item.chatId, reason }, 'telegram: message dropped'),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    const admins = new AdminCache(async (chatId) => telegram.getChatAdministrators(chatId), now);
    const enqueue = (chatId: number, priority: Priority, payload: Outgoing, mergeKey?: string) => {
      const r = this.outbox.enqueue({ chatId, priority, payload, ...(mergeKey ? { mergeKey } : {}) });
      if (r.outcome === 'dropped') log.warn({ chat: chatId, reason: r.reason }, 'telegram: message not queued');
    };
    this.alerts = new AlertRouter({
      store: options.store,
      admins,
      send: (chatId, html) => enqueue(chatId, 'high', { kind: 'html', html }),
      onUndeliverable: (a) => log.info({ group: a.groupId, debunk: a.debunkId }, 'telegram: no alert chat linked and no admin started the bot'),
      onError: (err) => log.warn({ err }, 'telegram: alert not delivered'),
      ...(options.alertWindowMs !== undefined ? { windowMs: options.alertWindowMs } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    this.quietReplies = new Cooldown(QUIET_REPLY_INTERVAL_MS, now);
    this.deps = {
      moderator: options.moderator,
      engine: options.moderator.engine,
      ...(options.ledger ? { ledger: options.ledger } : {}),
      store: options.store,
      admins,
      alerts: this.alerts,
      telegram,
      log,
      enqueue,
      now,
    };
    this.notices = new PermissionNotices(options.store, async (chatId, right, groupTitle) => {
      const group = await options.moderator.engine.settingsFor(String(chatId));
      const lang = group.language === 'zh' ? 'zh' : 'en';
      const r = RIGHTS[right];
      const html = textHtml(lang, 'missingRight', {
        group: groupTitle,
        ...(lang === 'zh' ? { action: r.actionZh, right: r.rightZh } : { action: r.action, right: r.right }),
      });
      // To the admins where alerts go; in the group itself when no admin can be reached there.
      const targets = await this.alerts.targets(chatId).catch(() => []);
      for (const target of targets.length > 0 ? targets : [chatId]) enqueue(target, 'high', { kind: 'html', html });
    });
    this.registerHandlers();
  }

  get engine(): Engine {
    return this.options.moderator.engine;
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
    if (delivery.kind === 'webhook') {
      await this.listenForWebhook(delivery);
      return;
    }
    // In polling mode launch() resolves only when polling stops: wait for it to begin instead.
    await new Promise<void>((resolve, reject) => {
      this.bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }, resolve).catch(reject);
    });
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

  /** Resolves when every alert is queued and every queued message sent (or dropped). */
  async idle(): Promise<void> {
    await this.alerts.settled();
    await this.outbox.drain();
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
    this.alerts.flush();
    await this.alerts.settled();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.outbox.drain(), new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
    this.outbox.close();
  }

  /** Feeds one update through the bot as if Telegram had sent it (the webhook path does this). */
  handleUpdate(update: Update): Promise<void> {
    return this.bot.handleUpdate(update);
  }

  private registerHandlers(): void {
    const { bot, deps } = this;
    // One error boundary: a failed update is logged (tokens scrubbed by the logger), never fatal.
    bot.catch((err, ctx) => {
      deps.log.error({ err, update: ctx.update.update_id, type: ctx.updateType }, 'telegram: update failed');
    });

    bot.on('my_chat_member', async (ctx) => {
      const change = ctx.myChatMember;
      if (!isGroupChat(change.chat) || change.new_chat_member.user.id !== ctx.botInfo.id) return;
      deps.admins.forget(change.chat.id);
      const status = change.new_chat_member.status;
      if (status === 'member' && !ctx.botInfo.can_read_all_group_messages) {
        const settings = await deps.engine.settingsFor(String(change.chat.id));
        const lang = settings.language === 'zh' ? 'zh' : languageOf(change.from.language_code);
        deps.enqueue(change.chat.id, 'high', { kind: 'html', html: textHtml(lang, 'cannotSeeAll') });
      }
    });

    bot.command('start', async (ctx) => {
      if (ctx.chat.type === 'private') await startPrivate(deps, ctx.message);
    });
    bot.command('help', async (ctx) => {
      if (ctx.chat.type === 'private') await startPrivate(deps, ctx.message);
    });
    bot.command('check', (ctx) => lookup(deps, ctx.message, ctx.payload));
    bot.command('rg', async (ctx) => {
      const chat = ctx.chat;
      if (isGroupChat(chat)) await groupRg(deps, ctx.message, chat);
      else await linkAlertsFromElsewhere(deps, ctx.message);
    });
    bot.command('report', async (ctx) => {
      if (isGroupChat(ctx.chat)) await reportMessage(deps, ctx.message, ctx.chat);
    });
    bot.on('callback_query', (ctx) => pressButton(deps, ctx.callbackQuery));
    bot.on('message', async (ctx) => {
      if (ctx.chat.type === 'private') lookup(deps, ctx.message, undefined);
      else await this.moderate(ctx.message, false);
    });
    bot.on('edited_message', (ctx) => this.moderate(ctx.editedMessage, true));
  }

  /** A group message (or edit) through the engine, and its decision carried out. */
  private async moderate(message: Message, edited: boolean): Promise<void> {
    const chat = message.chat;
    if (!isGroupChat(chat)) return;
    const translated = toChatMessage(message, { edited });
    if (!translated) return;
    const { deps } = this;
    let chatMessage = translated;
    if (!translated.member.isAdmin && message.from && !message.sender_chat) {
      const isAdmin = await deps.admins.isAdmin(chat.id, message.from.id).catch((err: unknown) => {
        // Without the admin list the member is treated as a member: refutations are harmless.
        deps.log.warn({ err, chat: chat.id }, 'telegram: admin list unavailable');
        return false;
      });
      chatMessage = { ...translated, member: { ...translated.member, isAdmin } };
    }
    const { decision, recorded } = await deps.moderator.onMessage(chatMessage);
    if (recorded && recorded.waiting > 0) {
      deps.log.warn({ waiting: recorded.waiting, err: recorded.storeError }, 'telegram: ledger store unreachable; records wait in the spool');
    }
    await carryOut(
      decision,
      chatMessage,
      {
        chatId: chat.id,
        groupTitle: chat.title,
        messageId: message.message_id,
        ...(message.from && !message.sender_chat ? { userId: message.from.id } : {}),
      },
      {
        enqueue: deps.enqueue,
        debunk: (id) => deps.engine.debunk(id),
        alerts: deps.alerts,
        now: deps.now,
        quietReplies: this.quietReplies,
        deleteMessage: (chatId, messageId) =>
          this.moderation(chatId, chat.title, 'delete', `delete of message ${messageId}`, () => deps.telegram.deleteMessage(chatId, messageId)),
        mute: (chatId, userId, until) =>
          this.moderation(chatId, chat.title, 'restrict', `mute of member ${userId} until ${new Date(until * 1000).toISOString()}`, () =>
            deps.telegram.restrictChatMember(chatId, userId, {
              permissions: NO_PERMISSIONS,
              until_date: until,
              use_independent_chat_permissions: true,
            }),
          ),
      },
    );
  }

  /**
   * A deletion or mute. A refusal never crashes the bot: a missing right is told to the owners
   * once and recorded in the ledger (the incident says the action was decided; this says it was
   * refused), anything else is logged.
   */
  private async moderation(chatId: number, groupTitle: string, right: Right, what: string, call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
      await this.notices.works(chatId, right);
    } catch (error) {
      const refusal = classifyRefusal(error);
      const description = error instanceof Error ? error.message : String(error);
      this.options.log.warn({ err: error, chat: chatId, refusal }, `telegram: ${what} refused`);
      if (refusal === 'not_applicable') return;
      await this.options.moderator.recordAction('telegram', String(chatId), { kind: 'bot' }, 'action_failed', `${what} refused: ${description}`);
      if (refusal === 'missing_right') await this.notices.missing(chatId, right, groupTitle);
    }
  }
}

/** A mute: nothing may be sent until the restriction ends. */
const NO_PERMISSIONS = {
  can_send_messages: false,
  can_send_audios: false,
  can_send_documents: false,
  can_send_photos: false,
  can_send_videos: false,
  can_send_video_notes: false,
  can_send_voice_notes: false,
  can_send_polls: false,
  can_send_other_messages: false,
  can_add_web_page_previews: false,
  can_change_info: false,
  can_invite_users: false,
  can_pin_messages: false,
  can_manage_topics: false,
} as const;
