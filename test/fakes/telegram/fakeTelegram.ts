import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import type { BotCommand, ChatMember, Message, Update, User } from 'telegraf/types';
import { BotApiError, badRequest } from './botApiError.js';
import { buildChatMember, hasRight, isAdmin, SEND_PERMISSIONS, whyCannotPost } from './chatMembers.js';
import { ChatMessages, type StoredMessage } from './chatMessages.js';
import { freePort } from './freePort.js';
import { mimeTypeFor } from './mimeType.js';
import { postJson } from './postJson.js';
import { isUploadedFile, readParams } from './requestParams.js';
import type {
  ApiErrorBody,
  ApiParams,
  ApiResponse,
  BotMessage,
  Chat,
  Delivered,
  FakeChatInput,
  FakeMessage,
  FakeTelegramOptions,
  FakeUserInput,
  MemberCommandInput,
  MemberExtra,
  MemberMessageInput,
  MemberStatus,
  RecordedCall,
  StoredDocument,
  UpdateWithoutId,
} from './types.js';
import { postUpdate, webhookFromParams, type WebhookTarget } from './webhook.js';

/*
 * Layout: the bot talks to a plain node:http server (this class). Methods telegram-test-api
 * implements are forwarded to it so its storage sees the bot's messages, but the answers are
 * rebuilt here, because the emulator's are not Bot-API-shaped (its sendMessage answers with a
 * private-chat stub, `date` in milliseconds, and ids from one global counter that a reply sent
 * while a member's message is being delivered reuses). Everything else is answered here.
 *
 * Member messages, commands and button presses go in through the emulator
 * (addUserMessage/addUserCommand/addUserCallback). Its webhook points at HOOK_PATH on this
 * server, which fixes the update up (real ids, no `botToken`) and hands it to the bot with
 * the secret token header. Updates the emulator cannot make (edited_message, my_chat_member,
 * …) go to the bot directly. Note that the emulator keeps no copy of member messages while a
 * webhook is set; it only stores them for getUpdates, which the fake does not use.
 */

/** Where the emulator's webhook points; never a Bot API path, which all start with /bot. */
const HOOK_PATH = '/_hook';

/**
 * Marks a member update on its way through the emulator, so the hook can tell which pending
 * delivery it belongs to. The emulator copies unknown message fields into the update, and
 * the hook strips this one again before the bot sees it.
 */
const DELIVERY_MARK = '__fakeTelegramDelivery';

/** The emulator forgets stored messages after this many seconds; an hour outlasts any test. */
const EMULATOR_STORE_SECONDS = 3600;

const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;

interface PendingDelivery {
  messageId: number;
  update?: Update;
  failure?: Error;
}

type Handler = (params: ApiParams) => unknown;

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

/** A message as it appears inside `reply_to_message`: Telegram drops the nested reply there. */
function asReplyTarget(message: FakeMessage | Message): FakeMessage {
  const { reply_to_message: _nested, ...rest } = message as FakeMessage;
  return structuredClone(rest) as FakeMessage;
}

/** Telegram's `chat_instance`: an opaque string, stable per chat. */
function chatInstance(chatId: number): string {
  return String(BigInt.asIntN(64, BigInt(chatId) * 2654435761n));
}

/** A copy a test may mutate; structuredClone alone would turn the document's Buffer into a Uint8Array. */
function cloneBotMessage(record: BotMessage): BotMessage {
  const { document, ...rest } = record;
  const copy: BotMessage = structuredClone(rest);
  if (document) copy.document = { ...document, content: Buffer.from(document.content) };
  return copy;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A fake Telegram Bot API for end-to-end tests of a telegraf bot, in front of the
 * telegram-test-api emulator. The bot is pointed at {@link FakeTelegram.apiRoot} and launched
 * with a webhook; tests then act as chat members and assert on what the bot called.
 *
 * Not emulated: privacy mode (every message is delivered whatever `canReadAllGroupMessages`
 * says), `parse_mode` rendering (texts are stored as sent), inline messages, getUpdates.
 */
export class FakeTelegram {
  /** Base URL for telegraf's `telegram: { apiRoot }`, e.g. `http://127.0.0.1:40123`. */
  readonly apiRoot: string;
  /** The telegram-test-api server behind the fake, on its own port on 127.0.0.1. */
  readonly emulator: TelegramServer;
  /** The bot as a Telegram `User` (`is_bot: true`). */
  readonly botUser: User;
  /** Every update the bot accepted (2xx), in delivery order, exactly as POSTed. */
  readonly updates: Update[] = [];

  private readonly token: string;
  private readonly options: FakeTelegramOptions;
  private readonly server: Server;
  private readonly callSlots: (RecordedCall | undefined)[] = [];
  private readonly chats = new Map<number, Chat>();
  private readonly users = new Map<number, User>();
  private readonly members = new Map<number, Map<number, ChatMember>>();
  private readonly messages = new ChatMessages();
  private readonly botMessageLog: BotMessage[] = [];
  private readonly documents = new Map<string, StoredDocument>();
  private readonly failures = new Map<string, { error: ApiErrorBody; remaining: number }[]>();
  private readonly commands = new Map<string, BotCommand[]>();
  private readonly openCallbackQueries = new Set<string>();
  private readonly pending = new Map<string, PendingDelivery>();
  private readonly handlers: Record<string, Handler>;
  private webhook: WebhookTarget | undefined;
  private nextUpdateId = 1;
  private nextDeliveryId = 1;
  private nextFileId = 1;
  private stopped = false;

  private constructor(options: FakeTelegramOptions, server: Server, apiRoot: string, emulator: TelegramServer) {
    this.options = options;
    this.token = options.token;
    this.server = server;
    this.apiRoot = apiRoot;
    this.emulator = emulator;
    this.botUser = { id: options.bot.id, is_bot: true, first_name: options.bot.first_name, username: options.bot.username };
    this.users.set(this.botUser.id, this.botUser);
    // Telegram's method names are case-insensitive, so handlers are looked up in lower case.
    const byName: Record<string, Handler> = {
      getMe: () => this.getMe(),
      getChat: (p) => this.getChat(p),
      getChatMember: (p) => this.getChatMember(p),
      getChatAdministrators: (p) => this.getChatAdministrators(p),
      restrictChatMember: (p) => this.restrictChatMember(p),
      setMyCommands: (p) => this.setMyCommands(p),
      getMyCommands: (p) => this.getMyCommands(p),
      deleteMyCommands: (p) => this.deleteMyCommands(p),
      sendMessage: (p) => this.sendBotMessage(p),
      sendDocument: (p) => this.sendDocument(p),
      editMessageText: (p) => this.editMessageText(p),
      editMessageReplyMarkup: (p) => this.editMessageReplyMarkup(p),
      deleteMessage: (p) => this.deleteMessage(p),
      answerCallbackQuery: (p) => this.answerCallbackQuery(p),
      sendChatAction: (p) => this.sendChatAction(p),
      setWebhook: (p) => this.setWebhook(p),
      deleteWebhook: () => this.deleteWebhook(),
      getWebhookInfo: () => this.getWebhookInfo(),
      getUpdates: () => this.getUpdates(),
    };
    this.handlers = Object.fromEntries(Object.entries(byName).map(([name, handler]) => [name.toLowerCase(), handler]));
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      this.route(req, res).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${errorMessage(error)}` });
      });
    });
  }

  /**
   * Start the emulator and the fake, each on a free port on 127.0.0.1.
   *
   * @param options The token the bot must use and the bot's identity.
   */
  static async start(options: FakeTelegramOptions): Promise<FakeTelegram> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    let emulator: TelegramServer;
    try {
      emulator = await FakeTelegram.startEmulator();
    } catch (error) {
      server.close();
      throw error;
    }
    return new FakeTelegram(options, server, `http://127.0.0.1:${port}`, emulator);
  }

  /**
   * The emulator must be told its port (it turns port 0 into 9000), so pick a free one, and
   * pick again if someone took it in between.
   */
  private static async startEmulator(): Promise<TelegramServer> {
    for (let attempt = 1; ; attempt++) {
      const emulator = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: EMULATOR_STORE_SECONDS });
      try {
        await emulator.start();
        return emulator;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 5) throw error;
      }
    }
  }

  /** Stop both servers and the emulator's clean-up timer. Safe to call twice. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.emulator.stop();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      // telegraf's HTTP client keeps connections alive; without this close() would wait for them.
      this.server.closeAllConnections();
    });
  }

  // ---------------------------------------------------------------- test set-up and inspection

  /**
   * Every Bot API call the bot made, in arrival order, each with the answer it got.
   * A call still being answered is left out until it is answered; requests with a wrong
   * token (answered 401) are not the bot's and are not recorded.
   */
  get calls(): RecordedCall[] {
    return this.callSlots.filter((call): call is RecordedCall => call !== undefined);
  }

  /** The calls of one method (case-insensitive), in arrival order. */
  callsOf(method: string): RecordedCall[] {
    const wanted = method.toLowerCase();
    return this.calls.filter((call) => call.method.toLowerCase() === wanted);
  }

  /** The URL the bot set with setWebhook, or undefined while none is set. */
  get webhookUrl(): string | undefined {
    return this.webhook?.url;
  }

  /**
   * Make a chat exist. In groups, supergroups and channels the bot is an administrator that
   * can delete messages and restrict members; change that with `setMember(chatId, fake.botUser, …)`.
   */
  addChat(chat: FakeChatInput): Chat {
    const stored = { ...chat } as Chat;
    this.chats.set(chat.id, stored);
    const members = new Map<number, ChatMember>();
    this.members.set(chat.id, members);
    const botMember =
      chat.type === 'private'
        ? buildChatMember(this.botUser, 'member')
        : buildChatMember(this.botUser, 'administrator', { can_delete_messages: true, can_restrict_members: true });
    members.set(this.botUser.id, botMember);
    return structuredClone(stored);
  }

  /**
   * Set a user's membership in a chat (also how users become known to the fake). The
   * ChatMember gets every field its status requires; `extra` overrides them, e.g.
   * `{ is_anonymous: true }`, `{ can_restrict_members: true }`, `{ until_date: 0, can_send_messages: false }`.
   *
   * @returns The ChatMember getChatMember will now answer with.
   */
  setMember(chatId: number, user: FakeUserInput | User, status: MemberStatus, extra: MemberExtra = {}): ChatMember {
    const members = this.members.get(chatId);
    if (!members) throw new Error(`setMember: chat ${chatId} was not added with addChat`);
    const asUser: User =
      user.id === this.botUser.id
        ? this.botUser
        : {
            id: user.id,
            is_bot: user.is_bot ?? false,
            first_name: user.first_name,
            ...(user.last_name === undefined ? {} : { last_name: user.last_name }),
            ...(user.username === undefined ? {} : { username: user.username }),
          };
    this.users.set(asUser.id, asUser);
    const member = buildChatMember(asUser, status, extra);
    members.set(asUser.id, member);
    return structuredClone(member);
  }

  /** A chat added with addChat. */
  chat(chatId: number): Chat {
    return structuredClone(this.requireChat(chatId));
  }

  /** A user made known with setMember (or the bot). */
  user(userId: number): User {
    return structuredClone(this.requireUser(userId));
  }

  /** What getChatMember answers for `userId` in `chatId` ('left' for strangers). */
  member(chatId: number, userId: number): ChatMember {
    this.requireChat(chatId);
    return structuredClone(this.memberOf(chatId, userId));
  }

  /**
   * Make the next `times` calls of `method` fail with `error`; the HTTP status equals
   * `error.error_code` (so a 429 is an HTTP 429), as at Telegram.
   *
   * @example fake.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } })
   */
  failNext(method: string, error: ApiErrorBody, times = 1): void {
    const key = method.toLowerCase();
    const queue = this.failures.get(key) ?? [];
    queue.push({ error: structuredClone(error), remaining: times });
    this.failures.set(key, queue);
  }

  /**
   * What the bot posted with sendMessage or sendDocument, oldest first, in one chat or in all.
   * Deleted messages stay in the list with `deleted: true`; edits show their latest state.
   */
  botMessages(chatId?: number): BotMessage[] {
    return this.botMessageLog.filter((sent) => chatId === undefined || sent.chat_id === chatId).map(cloneBotMessage);
  }

  /** The commands set with setMyCommands for a scope (default scope) and language ('' = all). */
  myCommands(scope: Record<string, unknown> = { type: 'default' }, languageCode = ''): BotCommand[] {
    return structuredClone(this.commands.get(FakeTelegram.commandsKey(scope, languageCode)) ?? []);
  }

  // ---------------------------------------------------------------- members acting

  /**
   * A member posts a message. `content` is the text, or message fields such as `caption`
   * and `photo`, `forward_origin`, `reply_to_message` (a message got back earlier),
   * `message_thread_id`, `sender_chat`, `entities`.
   *
   * @returns Once the bot has answered the webhook: the update and the message it carried.
   * @throws Error if the sender may not post (not a member, muted), no webhook is set, or the
   *   bot's webhook answered with a non-2xx status.
   */
  async sendMessage(chatId: number, fromUserId: number, content: string | MemberMessageInput): Promise<Delivered<Update.MessageUpdate>> {
    const input: MemberMessageInput = typeof content === 'string' ? { text: content } : content;
    return await this.postMemberMessage(chatId, fromUserId, input, 'message');
  }

  /**
   * A member sends a command such as `/rg status` (or `/rg@bot_name status`): a text message
   * whose first word carries a `bot_command` entity.
   */
  async sendCommand(
    chatId: number,
    fromUserId: number,
    text: string,
    extra: MemberCommandInput = {},
  ): Promise<Delivered<Update.MessageUpdate>> {
    if (!text.startsWith('/')) throw new Error(`sendCommand: '${text}' does not start with '/'`);
    const command = text.split(/\s/, 1)[0] ?? text;
    const entities = [{ type: 'bot_command' as const, offset: 0, length: command.length }];
    return await this.postMemberMessage(chatId, fromUserId, { ...extra, text, entities }, 'command');
  }

  /**
   * A member edits their own earlier message; the bot gets an `edited_message` update with
   * `edit_date` set. A captioned message gets its caption replaced instead of its text.
   */
  async editMessage(chatId: number, fromUserId: number, messageId: number, newText: string): Promise<Delivered<Update.EditedMessageUpdate>> {
    const stored = this.messages.get(chatId, messageId);
    if (!stored || stored.deleted) throw new Error(`editMessage: no message ${messageId} in chat ${chatId}`);
    if (stored.author !== 'member' || stored.message.from?.id !== fromUserId) {
      throw new Error(`editMessage: message ${messageId} in chat ${chatId} was not sent by user ${fromUserId}`);
    }
    this.requireWebhook();
    const message = stored.message;
    if (message.text === undefined && message.caption !== undefined) message.caption = newText;
    else message.text = newText;
    message.edit_date = nowSeconds();
    const update = { update_id: this.nextUpdateId++, edited_message: structuredClone(message) } as Update.EditedMessageUpdate;
    await this.deliver(update);
    return { update, message: structuredClone(message) };
  }

  /**
   * A member presses an inline button on one of the bot's messages. The callback query's
   * `message` is that message as the bot sees it now (with `reply_to_message` if it was a reply).
   *
   * @throws Error if the message has no button with that `callback_data`.
   */
  async pressButton(chatId: number, fromUserId: number, botMessageId: number, data: string): Promise<Delivered<Update.CallbackQueryUpdate>> {
    const stored = this.messages.get(chatId, botMessageId);
    if (!stored || stored.deleted || stored.author !== 'bot') throw new Error(`pressButton: no bot message ${botMessageId} in chat ${chatId}`);
    const buttons = (stored.message.reply_markup?.inline_keyboard ?? []).flat();
    if (!buttons.some((button) => 'callback_data' in button && button.callback_data === data)) {
      const offered = buttons.flatMap((button) => ('callback_data' in button ? [button.callback_data] : []));
      throw new Error(`pressButton: message ${botMessageId} has no button with callback_data '${data}' (has: ${JSON.stringify(offered)})`);
    }
    const from = this.requireUser(fromUserId);
    const deliveryId = this.openDelivery(botMessageId);
    const update = await this.throughEmulator(deliveryId, () =>
      this.emulator.addUserCallback({
        botToken: this.token,
        date: nowSeconds(),
        from,
        message: { ...structuredClone(stored.message), [DELIVERY_MARK]: deliveryId },
        data,
      }),
    );
    return { update: update as Update.CallbackQueryUpdate, message: structuredClone(stored.message) };
  }

  /**
   * Deliver any other update (my_chat_member, chat_member, …) straight to the bot; the fake
   * assigns `update_id`. Use {@link FakeTelegram.chat} and {@link FakeTelegram.user} to build it.
   *
   * @returns The update as POSTed, once the bot has answered.
   */
  async sendUpdate(update: UpdateWithoutId): Promise<Update> {
    const full = { update_id: this.nextUpdateId++, ...structuredClone(update) } as Update;
    await this.deliver(full);
    return full;
  }

  private async postMemberMessage(
    chatId: number,
    fromUserId: number,
    input: MemberMessageInput,
    kind: 'message' | 'command',
  ): Promise<Delivered<Update.MessageUpdate>> {
    const chat = this.requireChat(chatId);
    const from = this.requireUser(fromUserId);
    const refusal = whyCannotPost(this.memberOf(chatId, fromUserId), nowSeconds());
    if (refusal) throw new Error(`chat ${chatId}: ${refusal}`);
    this.requireWebhook();

    const { reply_to_message: replyTo, ...fields } = structuredClone(input);
    const message: FakeMessage = {
      message_id: this.messages.nextId(chatId),
      from,
      chat: structuredClone(chat),
      date: nowSeconds(),
      ...fields,
      ...(replyTo === undefined ? {} : { reply_to_message: asReplyTarget(replyTo) }),
    } as FakeMessage;
    this.messages.add(chatId, { message, author: 'member', deleted: false });

    const deliveryId = this.openDelivery(message.message_id);
    const marked = { ...structuredClone(message), botToken: this.token, [DELIVERY_MARK]: deliveryId };
    const update = await this.throughEmulator(deliveryId, () =>
      kind === 'command' ? this.emulator.addUserCommand(marked as never) : this.emulator.addUserMessage(marked as never),
    );
    return { update: update as Update.MessageUpdate, message: structuredClone(message) };
  }

  // ---------------------------------------------------------------- delivery

  private openDelivery(messageId: number): string {
    const deliveryId = String(this.nextDeliveryId++);
    this.pending.set(deliveryId, { messageId });
    return deliveryId;
  }

  /** Run one emulator call and wait for the update it sends through HOOK_PATH to be answered. */
  private async throughEmulator(deliveryId: string, send: () => Promise<void>): Promise<Update> {
    const pending = this.pending.get(deliveryId) as PendingDelivery;
    try {
      this.requireWebhook();
      try {
        await send();
      } catch (error) {
        // The hook answers the emulator with 502 when the bot refused; report the bot's answer.
        throw pending.failure ?? new Error(`telegram-test-api could not deliver the update: ${errorMessage(error)}`, { cause: error });
      }
      if (pending.failure) throw pending.failure;
      if (!pending.update) throw new Error('telegram-test-api did not pass the update to the fake (is its webhook still set?)');
      return pending.update;
    } finally {
      this.pending.delete(deliveryId);
    }
  }

  /** The emulator's webhook: make its update Bot-API-shaped and hand it to the bot. */
  private async relayFromEmulator(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;

    const callback = isRecord(raw.callback_query) ? { ...raw.callback_query } : undefined;
    const message = { ...((callback ? callback.message : raw.message) as Record<string, unknown>) };
    const deliveryId = String(message[DELIVERY_MARK]);
    const pending = this.pending.get(deliveryId);
    delete message[DELIVERY_MARK];
    delete message.botToken;

    let update: Update;
    if (callback) {
      const chatId = (message.chat as Chat).id;
      const query = { ...callback, message, chat_instance: chatInstance(chatId) };
      this.openCallbackQueries.add(String(callback.id));
      update = { update_id: this.nextUpdateId++, callback_query: query } as unknown as Update;
    } else {
      // The emulator overwrote message_id with its global counter; restore the chat's own id.
      if (pending) message.message_id = pending.messageId;
      update = { update_id: this.nextUpdateId++, message } as unknown as Update;
    }

    try {
      await this.deliver(update);
      if (pending) pending.update = update;
      sendJson(res, 200, { ok: true });
    } catch (error) {
      if (pending) pending.failure = error as Error;
      sendJson(res, 502, { ok: false, description: errorMessage(error) });
    }
  }

  /** POST an update to the bot and carry out a method it answered with (webhook reply). */
  private async deliver(update: Update): Promise<void> {
    const answer = await postUpdate(this.requireWebhook(), update);
    this.updates.push(update);
    // Like Telegram, run a Bot API call the bot put in its webhook answer (telegraf's
    // webhookReply, used for answerCallbackQuery, deleteMessage, sendChatAction, …).
    if (answer.contentType.startsWith('application/json') && answer.text !== '') {
      const reply = JSON.parse(answer.text) as unknown;
      if (isRecord(reply) && typeof reply.method === 'string') {
        const { method, ...params } = reply;
        await this.call(method as string, params, true);
      }
    }
  }

  private requireWebhook(): WebhookTarget {
    if (!this.webhook) throw new Error('no webhook is set: launch the bot with a webhook before members act');
    return this.webhook;
  }

  // ---------------------------------------------------------------- Bot API routing

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.apiRoot);
    if (url.pathname === HOOK_PATH && req.method === 'POST') {
      await this.relayFromEmulator(req, res);
      return;
    }
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match) {
      sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    const [, token, method] = match as unknown as [string, string, string];
    if (token !== this.token) {
      sendJson(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    let params: ApiParams;
    let parseError: BotApiError | undefined;
    try {
      if (req.method !== 'GET' && req.method !== 'POST') throw badRequest(`HTTP method ${req.method} is not supported`);
      params = await readParams(req, url);
    } catch (error) {
      if (!(error instanceof BotApiError)) throw error;
      params = {};
      parseError = error;
    }
    // telegraf repeats the method name as a field of multipart bodies.
    if (params.method === method) delete params.method;
    const response = await this.call(method, params, false, parseError);
    sendJson(res, response.ok ? 200 : response.error_code, response);
  }

  /** Answer one Bot API call and record it. */
  private async call(method: string, params: ApiParams, viaWebhookReply: boolean, parseError?: BotApiError): Promise<ApiResponse> {
    const at = Date.now();
    const slot = this.callSlots.push(undefined) - 1;
    let response: ApiResponse;
    const injected = parseError ? undefined : this.takeFailure(method);
    if (parseError) {
      response = { ok: false, ...parseError.body };
    } else if (injected) {
      response = { ok: false, ...injected };
    } else {
      try {
        const handler = this.handlers[method.toLowerCase()];
        if (!handler) throw badRequest('method not found');
        response = { ok: true, result: await handler(params) };
      } catch (error) {
        response =
          error instanceof BotApiError
            ? { ok: false, ...error.body }
            : { ok: false, error_code: 500, description: `Internal Server Error: the fake failed: ${errorMessage(error)}` };
      }
    }
    this.callSlots[slot] = { method, body: params, at, response, ...(viaWebhookReply ? { viaWebhookReply: true as const } : {}) };
    return response;
  }

  private takeFailure(method: string): ApiErrorBody | undefined {
    const queue = this.failures.get(method.toLowerCase());
    const next = queue?.[0];
    if (!queue || !next) return undefined;
    next.remaining -= 1;
    if (next.remaining <= 0) queue.shift();
    return structuredClone(next.error);
  }

  /** Call a method on telegram-test-api and return its (not Bot-API-shaped) answer. */
  private async forwardToEmulator(method: string, params: ApiParams): Promise<Record<string, unknown>> {
    const answer = await postJson(`${this.emulator.config.apiURL}/bot${this.token}/${method}`, params);
    const body = JSON.parse(answer.text) as Record<string, unknown>;
    if (answer.status !== 200 || body.ok !== true) throw new Error(`telegram-test-api refused ${method}: HTTP ${answer.status} ${answer.text}`);
    return body;
  }

  // ---------------------------------------------------------------- lookups and checks

  private requireChat(chatId: number): Chat {
    const chat = this.chats.get(chatId);
    if (!chat) throw new Error(`chat ${chatId} was not added with addChat`);
    return chat;
  }

  private requireUser(userId: number): User {
    const user = this.users.get(userId);
    if (!user) throw new Error(`user ${userId} is unknown: add them to a chat with setMember first`);
    return user;
  }

  private memberOf(chatId: number, userId: number): ChatMember {
    const member = this.members.get(chatId)?.get(userId);
    if (member) return member;
    const user = this.users.get(userId) ?? { id: userId, is_bot: false, first_name: `User ${userId}` };
    return buildChatMember(user, 'left');
  }

  /** The chat a `chat_id` parameter names (a number or `@username`). */
  private chatParam(params: ApiParams): Chat {
    const chatId = params.chat_id;
    if (chatId === undefined || chatId === '') throw badRequest('chat_id is empty');
    let chat: Chat | undefined;
    if (typeof chatId === 'number') chat = this.chats.get(chatId);
    else if (typeof chatId === 'string' && /^-?\d+$/.test(chatId)) chat = this.chats.get(Number(chatId));
    else if (typeof chatId === 'string' && chatId.startsWith('@')) {
      const username = chatId.slice(1).toLowerCase();
      chat = [...this.chats.values()].find((candidate) => 'username' in candidate && candidate.username?.toLowerCase() === username);
    }
    if (!chat) throw badRequest('chat not found');
    return chat;
  }

  private static intParam(params: ApiParams, name: string): number {
    const value = params[name];
    if (value === undefined) throw badRequest(`parameter "${name}" is required`);
    if (typeof value !== 'number' || !Number.isInteger(value)) throw badRequest(`invalid ${name} specified`);
    return value;
  }

  /** Telegram's 403s and 400s for a bot that is not (or no longer) allowed to post in a chat. */
  private assertBotCanPost(chat: Chat): void {
    const bot = this.memberOf(chat.id, this.botUser.id);
    if (bot.status === 'kicked') throw new BotApiError(403, `Forbidden: bot was kicked from the ${chat.type} chat`);
    if (bot.status === 'left') throw new BotApiError(403, `Forbidden: bot is not a member of the ${chat.type} chat`);
    if (bot.status === 'restricted' && !bot.can_send_messages) throw badRequest('not enough rights to send text messages to the chat');
  }

  /** The message a reply points at, enforcing `allow_sending_without_reply`. */
  private replyTarget(chat: Chat, params: ApiParams): FakeMessage | undefined {
    const replyParameters = isRecord(params.reply_parameters) ? params.reply_parameters : undefined;
    const messageId = replyParameters?.message_id ?? params.reply_to_message_id;
    if (messageId === undefined) return undefined;
    const stored = typeof messageId === 'number' ? this.messages.get(chat.id, messageId) : undefined;
    if (stored && !stored.deleted) return asReplyTarget(stored.message);
    const allowWithout = replyParameters?.allow_sending_without_reply ?? params.allow_sending_without_reply;
    if (allowWithout === true) return undefined;
    throw badRequest('message to be replied not found');
  }

  /** An editable message of the bot's, or the 400 Telegram answers with. */
  private editableBotMessage(params: ApiParams): { chat: Chat; stored: StoredMessage } {
    if (params.inline_message_id !== undefined) throw badRequest('inline messages are not supported by the fake');
    const chat = this.chatParam(params);
    const stored = this.messages.get(chat.id, FakeTelegram.intParam(params, 'message_id'));
    if (!stored || stored.deleted) throw badRequest('message to edit not found');
    if (stored.author !== 'bot') throw badRequest("message can't be edited");
    return { chat, stored };
  }

  private static inlineMarkup(value: unknown): FakeMessage['reply_markup'] {
    return isRecord(value) && Array.isArray(value.inline_keyboard) ? (structuredClone(value) as unknown as FakeMessage['reply_markup']) : undefined;
  }

  private static commandsKey(scope: unknown, languageCode: unknown): string {
    const normalized = isRecord(scope) ? Object.fromEntries(Object.entries(scope).sort(([a], [b]) => a.localeCompare(b))) : { type: 'default' };
    return `${JSON.stringify(normalized)}|${typeof languageCode === 'string' ? languageCode : ''}`;
  }

  // ---------------------------------------------------------------- Bot API methods

  private getMe(): User {
    return {
      ...this.botUser,
      can_join_groups: this.options.canJoinGroups ?? true,
      can_read_all_group_messages: this.options.canReadAllGroupMessages ?? true,
      supports_inline_queries: false,
    } as User;
  }

  private getChat(params: ApiParams): Chat {
    return structuredClone(this.chatParam(params));
  }

  private getChatMember(params: ApiParams): ChatMember {
    const chat = this.chatParam(params);
    return structuredClone(this.memberOf(chat.id, FakeTelegram.intParam(params, 'user_id')));
  }

  private getChatAdministrators(params: ApiParams): ChatMember[] {
    const chat = this.chatParam(params);
    if (chat.type === 'private') throw badRequest('there are no administrators in the private chat');
    const admins = [...(this.members.get(chat.id)?.values() ?? [])].filter(isAdmin);
    // The owner first, as Telegram lists them.
    admins.sort((a, b) => Number(b.status === 'creator') - Number(a.status === 'creator'));
    return structuredClone(admins);
  }

  private restrictChatMember(params: ApiParams): true {
    const chat = this.chatParam(params);
    if (chat.type !== 'supergroup') throw badRequest('method is available only for supergroups');
    const userId = FakeTelegram.intParam(params, 'user_id');
    const permissions = params.permissions;
    if (!isRecord(permissions)) throw badRequest('parameter "permissions" is required and must be a ChatPermissions object');
    let untilDate = 0;
    if (params.until_date !== undefined) untilDate = FakeTelegram.intParam(params, 'until_date');

    if (!hasRight(this.memberOf(chat.id, this.botUser.id), 'can_restrict_members')) {
      throw badRequest('not enough rights to restrict/unrestrict chat member');
    }
    if (userId === this.botUser.id) throw badRequest("can't restrict self");
    const target = this.memberOf(chat.id, userId);
    if (target.status === 'creator') throw badRequest("can't remove chat owner");
    if (target.status === 'administrator') throw badRequest('user is an administrator of the chat');

    // Telegram treats restrictions shorter than 30 seconds or longer than 366 days as forever.
    const seconds = untilDate - nowSeconds();
    if (untilDate !== 0 && (seconds < 30 || seconds > 366 * 86_400)) untilDate = 0;
    const granted = Object.fromEntries(SEND_PERMISSIONS.map((name) => [name, permissions[name] === true]));
    const inChat = target.status !== 'left' && target.status !== 'kicked';
    const members = this.members.get(chat.id) as Map<number, ChatMember>;
    // Granting everything back makes a restricted user a plain member again.
    members.set(
      userId,
      Object.values(granted).every(Boolean) && inChat
        ? buildChatMember(target.user, 'member')
        : buildChatMember(target.user, 'restricted', { ...granted, is_member: inChat, until_date: untilDate }),
    );
    return true;
  }

  private setMyCommands(params: ApiParams): true {
    const commands = params.commands;
    if (!Array.isArray(commands)) throw badRequest('parameter "commands" must be an array');
    for (const command of commands) {
      if (!isRecord(command) || typeof command.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(command.command)) {
        throw badRequest('BOT_COMMAND_INVALID');
      }
      if (typeof command.description !== 'string' || command.description.length < 1 || command.description.length > 256) {
        throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
      }
    }
    const list = commands.map((command: { command: string; description: string }) => ({ command: command.command, description: command.description }));
    this.commands.set(FakeTelegram.commandsKey(params.scope, params.language_code), list);
    return true;
  }

  private getMyCommands(params: ApiParams): BotCommand[] {
    return structuredClone(this.commands.get(FakeTelegram.commandsKey(params.scope, params.language_code)) ?? []);
  }

  private deleteMyCommands(params: ApiParams): true {
    this.commands.delete(FakeTelegram.commandsKey(params.scope, params.language_code));
    return true;
  }

  private async sendBotMessage(params: ApiParams): Promise<FakeMessage> {
    const chat = this.chatParam(params);
    this.assertBotCanPost(chat);
    const text = params.text;
    if (typeof text !== 'string' || text.trim() === '') throw badRequest('message text is empty');
    if (text.length > TEXT_LIMIT) throw badRequest('message is too long');
    const replyTo = this.replyTarget(chat, params);

    const emulated = await this.forwardToEmulator('sendMessage', { ...params, chat_id: chat.id });
    const emulatorId = (emulated.result as { message_id: number }).message_id;

    const markup = FakeTelegram.inlineMarkup(params.reply_markup);
    const message = {
      message_id: this.messages.nextId(chat.id),
      from: this.botUser,
      chat: structuredClone(chat),
      date: nowSeconds(),
      ...(typeof params.message_thread_id === 'number' ? { message_thread_id: params.message_thread_id } : {}),
      ...(replyTo ? { reply_to_message: replyTo } : {}),
      text,
      ...(Array.isArray(params.entities) ? { entities: params.entities } : {}),
      ...(markup ? { reply_markup: markup } : {}),
    } as FakeMessage;
    this.recordBotMessage(chat, message, 'sendMessage', params, emulatorId);
    return structuredClone(message);
  }

  private sendDocument(params: ApiParams): FakeMessage {
    const chat = this.chatParam(params);
    this.assertBotCanPost(chat);
    const document = this.documentParam(params.document);
    const caption = params.caption;
    if (caption !== undefined && (typeof caption !== 'string' || caption.length > CAPTION_LIMIT)) throw badRequest('message caption is too long');
    const replyTo = this.replyTarget(chat, params);
    const markup = FakeTelegram.inlineMarkup(params.reply_markup);
    const { content: _bytes, ...documentInfo } = document;
    const message = {
      message_id: this.messages.nextId(chat.id),
      from: this.botUser,
      chat: structuredClone(chat),
      date: nowSeconds(),
      ...(typeof params.message_thread_id === 'number' ? { message_thread_id: params.message_thread_id } : {}),
      ...(replyTo ? { reply_to_message: replyTo } : {}),
      document: documentInfo,
      ...(typeof caption === 'string' ? { caption } : {}),
      ...(markup ? { reply_markup: markup } : {}),
    } as FakeMessage;
    this.recordBotMessage(chat, message, 'sendDocument', params, undefined, document);
    return structuredClone(message);
  }

  /** A `document` parameter: a fresh upload, or the file_id of an earlier one. */
  private documentParam(value: unknown): StoredDocument {
    if (isUploadedFile(value)) {
      if (value.content.length === 0) throw badRequest('file must be non-empty');
      const serial = this.nextFileId++;
      const document: StoredDocument = {
        file_id: `BQACAgIAAxkDAAI${serial}`,
        file_unique_id: `AgAD${serial}`,
        file_name: value.filename,
        mime_type: mimeTypeFor(value.filename),
        file_size: value.content.length,
        content: value.content,
      };
      this.documents.set(document.file_id, document);
      return document;
    }
    const earlier = typeof value === 'string' ? this.documents.get(value) : undefined;
    if (!earlier) throw badRequest('wrong file identifier/HTTP URL specified');
    return earlier;
  }

  private recordBotMessage(
    chat: Chat,
    message: FakeMessage,
    method: BotMessage['method'],
    params: ApiParams,
    emulatorId?: number,
    document?: StoredDocument,
  ): void {
    const record: BotMessage = {
      message_id: message.message_id,
      chat_id: chat.id,
      method,
      ...(message.text === undefined ? {} : { text: message.text }),
      ...(message.caption === undefined ? {} : { caption: message.caption }),
      ...(typeof params.parse_mode === 'string' ? { parse_mode: params.parse_mode } : {}),
      ...(isRecord(params.reply_parameters) ? { reply_parameters: params.reply_parameters as BotMessage['reply_parameters'] } : {}),
      ...(isRecord(params.reply_markup) ? { reply_markup: params.reply_markup } : {}),
      ...(document ? { document } : {}),
      deleted: false,
      message,
    };
    this.botMessageLog.push(record);
    this.messages.add(chat.id, { message, author: 'bot', deleted: false, bot: record, ...(emulatorId === undefined ? {} : { emulatorId }) });
  }

  private async editMessageText(params: ApiParams): Promise<FakeMessage> {
    const { chat, stored } = this.editableBotMessage(params);
    const text = params.text;
    if (typeof text !== 'string' || text.trim() === '') throw badRequest('message text is empty');
    if (text.length > TEXT_LIMIT) throw badRequest('MESSAGE_TOO_LONG');
    if (stored.message.text === undefined) throw badRequest('there is no text in the message to edit');
    // Like Telegram, an edit without reply_markup removes the inline keyboard.
    const markup = FakeTelegram.inlineMarkup(params.reply_markup);
    if (text === stored.message.text && JSON.stringify(markup) === JSON.stringify(stored.message.reply_markup)) {
      throw badRequest(
        'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    }
    if (stored.emulatorId !== undefined) await this.forwardToEmulator('editMessageText', { ...params, chat_id: chat.id, message_id: stored.emulatorId });

    const message = stored.message;
    message.text = text;
    message.edit_date = nowSeconds();
    if (Array.isArray(params.entities)) message.entities = params.entities;
    else delete message.entities;
    if (markup) message.reply_markup = markup;
    else delete message.reply_markup;
    const record = stored.bot as BotMessage;
    record.text = text;
    if (typeof params.parse_mode === 'string') record.parse_mode = params.parse_mode;
    else delete record.parse_mode;
    if (isRecord(params.reply_markup)) record.reply_markup = params.reply_markup;
    else delete record.reply_markup;
    return structuredClone(message);
  }

  private async editMessageReplyMarkup(params: ApiParams): Promise<FakeMessage> {
    const { chat, stored } = this.editableBotMessage(params);
    const markup = FakeTelegram.inlineMarkup(params.reply_markup);
    if (JSON.stringify(markup) === JSON.stringify(stored.message.reply_markup)) {
      throw badRequest(
        'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    }
    if (stored.emulatorId !== undefined && markup) {
      await this.forwardToEmulator('editMessageReplyMarkup', { ...params, chat_id: chat.id, message_id: stored.emulatorId });
    }
    const message = stored.message;
    message.edit_date = nowSeconds();
    if (markup) message.reply_markup = markup;
    else delete message.reply_markup;
    const record = stored.bot as BotMessage;
    if (isRecord(params.reply_markup)) record.reply_markup = params.reply_markup;
    else delete record.reply_markup;
    return structuredClone(message);
  }

  private async deleteMessage(params: ApiParams): Promise<true> {
    const chat = this.chatParam(params);
    const stored = this.messages.get(chat.id, FakeTelegram.intParam(params, 'message_id'));
    if (!stored || stored.deleted) throw badRequest('message to delete not found');
    if (stored.author === 'member' && chat.type !== 'private' && !hasRight(this.memberOf(chat.id, this.botUser.id), 'can_delete_messages')) {
      throw badRequest("message can't be deleted");
    }
    if (stored.emulatorId !== undefined) {
      // The emulator's own answer does not matter: it may already have forgotten the message.
      await this.forwardToEmulator('deleteMessage', { chat_id: chat.id, message_id: stored.emulatorId }).catch(() => undefined);
    }
    stored.deleted = true;
    if (stored.bot) stored.bot.deleted = true;
    return true;
  }

  private async answerCallbackQuery(params: ApiParams): Promise<true> {
    const id = params.callback_query_id;
    if (typeof id !== 'string' || !this.openCallbackQueries.has(id)) {
      throw badRequest('query is too old and response timeout expired or query ID is invalid');
    }
    await this.forwardToEmulator('answerCallbackQuery', params);
    this.openCallbackQueries.delete(id);
    return true;
  }

  private sendChatAction(params: ApiParams): true {
    const chat = this.chatParam(params);
    this.assertBotCanPost(chat);
    if (typeof params.action !== 'string' || params.action === '') throw badRequest('wrong parameter action in request');
    return true;
  }

  private setWebhook(params: ApiParams): true {
    this.webhook = webhookFromParams(params);
    // Member messages reach the bot through the emulator, which POSTs them to the hook.
    this.emulator.setWebhook({ url: `${this.apiRoot}${HOOK_PATH}` }, this.token);
    return true;
  }

  private deleteWebhook(): true {
    this.webhook = undefined;
    this.emulator.deleteWebhook(this.token);
    return true;
  }

  private getWebhookInfo(): Record<string, unknown> {
    return { url: this.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: 0 };
  }

  private getUpdates(): never {
    if (this.webhook) {
      throw new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    throw badRequest('method not found (the fake delivers updates by webhook only)');
  }
}
