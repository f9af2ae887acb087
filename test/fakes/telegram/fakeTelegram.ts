import type { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import type { BotCommand, ChatMember, Document, PhotoSize, Update, User } from 'telegraf/types';
import { BotApiCalls } from './botApiCalls.js';
import { BotCommands } from './botCommands.js';
import { BotDelivery } from './botDelivery.js';
import { BotMessageLog } from './botMessageLog.js';
import { botMethods } from './botMethods.js';
import { ChatDirectory } from './chatDirectory.js';
import { ChatMessages } from './chatMessages.js';
import { EmulatorLink } from './emulator.js';
import { EmulatorRelay, HOOK_PATH } from './emulatorRelay.js';
import type { FakeState } from './fakeState.js';
import { FrontServer } from './frontServer.js';
import { InjectedFailures } from './injectedFailures.js';
import { MemberActions } from './memberActions.js';
import { memberMethods } from './memberMethods.js';
import { messageMethods } from './messageMethods.js';
import type {
  ApiErrorBody,
  BotMessage,
  Chat,
  Delivered,
  FakeChatInput,
  FakeTelegramOptions,
  FakeUserInput,
  MemberCommandInput,
  MemberExtra,
  MemberMessageInput,
  MemberStatus,
  RecordedCall,
  UpdateWithoutId,
} from './types.js';
import { MemberFiles } from './memberFiles.js';
import { UploadedDocuments } from './uploadedDocuments.js';
import { webhookMethods } from './webhookMethods.js';

/*
 * Layout: the bot talks to a plain node:http server (frontServer.ts), which hands each Bot API
 * call to BotApiCalls: injected failures first (injectedFailures.ts), then the handlers, one
 * file per area (messageMethods, memberMethods, botMethods, webhookMethods). Methods
 * telegram-test-api implements are forwarded to it so its storage sees the bot's messages,
 * but every answer is built by the fake.
 *
 * Tests act as members through MemberActions. Member messages, commands and button presses
 * go in through the emulator, whose webhook points back at the front server
 * (emulatorRelay.ts); other updates go to the bot directly (botDelivery.ts).
 */

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
  readonly updates: Update[];

  private readonly front: FrontServer;
  private readonly link: EmulatorLink;
  private readonly state: FakeState;
  private readonly failures = new InjectedFailures();
  private readonly api: BotApiCalls;
  private readonly members: MemberActions;
  private stopped = false;

  private constructor(options: FakeTelegramOptions, front: FrontServer, link: EmulatorLink) {
    this.front = front;
    this.link = link;
    this.apiRoot = front.apiRoot;
    this.emulator = link.server;
    this.botUser = { id: options.bot.id, is_bot: true, first_name: options.bot.first_name, username: options.bot.username };

    const messages = new ChatMessages();
    const openCallbackQueries = new Set<string>();
    // A call the bot makes in its webhook answer is one of its calls like any other.
    const delivery = new BotDelivery((method, params) => this.api.call(method, params, true));
    this.updates = delivery.updates;
    this.state = {
      apiRoot: this.apiRoot,
      options,
      emulator: link,
      directory: new ChatDirectory(this.botUser),
      messages,
      botMessageLog: new BotMessageLog(messages),
      documents: new UploadedDocuments(),
      files: new MemberFiles(),
      commands: new BotCommands(),
      openCallbackQueries,
      delivery,
      relay: new EmulatorRelay(delivery, openCallbackQueries),
    };
    const tables = [botMethods(this.state), memberMethods(this.state), messageMethods(this.state), webhookMethods(this.state)];
    this.api = new BotApiCalls(tables, this.failures);
    this.members = new MemberActions(this.state);
    front.serve({
      token: options.token,
      hookPath: HOOK_PATH,
      relayHook: (req, res) => this.state.relay.relay(req, res),
      call: (method, params, parseError) => this.api.call(method, params, false, parseError),
      file: (path) => this.state.files.at(path)?.data,
    });
  }

  /**
   * Start the emulator and the fake, each on a free port on 127.0.0.1.
   *
   * @param options The token the bot must use and the bot's identity.
   */
  static async start(options: FakeTelegramOptions): Promise<FakeTelegram> {
    const front = await FrontServer.listen();
    let link: EmulatorLink;
    try {
      link = await EmulatorLink.start(options.token);
    } catch (error) {
      await front.close();
      throw error;
    }
    return new FakeTelegram(options, front, link);
  }

  /** Stop both servers and the emulator's clean-up timer. Safe to call twice. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.link.server.stop();
    await this.front.close();
  }

  // ---------------------------------------------------------------- test set-up and inspection

  /**
   * Every Bot API call the bot made, in arrival order, each with the answer it got.
   * A call still being answered is left out until it is answered; requests with a wrong
   * token (answered 401) are not the bot's and are not recorded.
   */
  get calls(): RecordedCall[] {
    return this.api.recorded;
  }

  /** The calls of one method (case-insensitive), in arrival order. */
  callsOf(method: string): RecordedCall[] {
    const wanted = method.toLowerCase();
    return this.calls.filter((call) => call.method.toLowerCase() === wanted);
  }

  /** The URL the bot set with setWebhook, or undefined while none is set. */
  get webhookUrl(): string | undefined {
    return this.state.delivery.webhook?.url;
  }

  /**
   * Make a chat exist. In groups, supergroups and channels the bot is an administrator that
   * can delete messages and restrict members; change that with `setMember(chatId, fake.botUser, …)`.
   */
  addChat(chat: FakeChatInput): Chat {
    return structuredClone(this.state.directory.addChat(chat));
  }

  /**
   * Set a user's membership in a chat (also how users become known to the fake). The
   * ChatMember gets every field its status requires; `extra` overrides them, e.g.
   * `{ is_anonymous: true }`, `{ can_restrict_members: true }`, `{ until_date: 0, can_send_messages: false }`.
   *
   * @returns The ChatMember getChatMember will now answer with.
   */
  setMember(chatId: number, user: FakeUserInput | User, status: MemberStatus, extra: MemberExtra = {}): ChatMember {
    return structuredClone(this.state.directory.setMember(chatId, user, status, extra));
  }

  /** A chat added with addChat. */
  chat(chatId: number): Chat {
    return structuredClone(this.state.directory.requireChat(chatId));
  }

  /** A user made known with setMember (or the bot). */
  user(userId: number): User {
    return structuredClone(this.state.directory.requireUser(userId));
  }

  /** What getChatMember answers for `userId` in `chatId` ('left' for strangers). */
  member(chatId: number, userId: number): ChatMember {
    const { directory } = this.state;
    directory.requireChat(chatId);
    return structuredClone(directory.memberOf(chatId, userId));
  }

  /**
   * Make the next `times` calls of `method` fail with `error`; the HTTP status equals
   * `error.error_code` (so a 429 is an HTTP 429), as at Telegram.
   *
   * @example fake.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } })
   */
  failNext(method: string, error: ApiErrorBody, times = 1): void {
    this.failures.add(method, error, times);
  }

  /**
   * What the bot posted with sendMessage or sendDocument, oldest first, in one chat or in all.
   * Deleted messages stay in the list with `deleted: true`; edits show their latest state.
   */
  botMessages(chatId?: number): BotMessage[] {
    return this.state.botMessageLog.list(chatId);
  }

  /** The commands set with setMyCommands for a scope (default scope) and language ('' = all). */
  myCommands(scope: Record<string, unknown> = { type: 'default' }, languageCode = ''): BotCommand[] {
    return this.state.commands.get(scope, languageCode);
  }

  /**
   * A picture a member is about to send, as the `photo` field of their message: a small
   * thumbnail and the full size (the same bytes; width and height as given), each a file getFile
   * knows and the fake serves.
   */
  photo(data: Buffer, width: number, height: number): PhotoSize[] {
    const sizes = [Math.max(1, Math.round(width / 10)), width].map((w) => {
      const file = this.state.files.add(data, 'photos', 'jpg');
      const h = Math.max(1, Math.round((height * w) / width));
      return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, width: w, height: h };
    });
    return sizes;
  }

  /** A file a member is about to send as a document (e.g. an uncompressed picture). */
  document(data: Buffer, fileName: string, mimeType: string): Document {
    const file = this.state.files.add(data, 'documents', fileName.split('.').pop() ?? 'bin');
    return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, file_name: fileName, mime_type: mimeType };
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
    return await this.members.sendMessage(chatId, fromUserId, content);
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
    return await this.members.sendCommand(chatId, fromUserId, text, extra);
  }

  /**
   * A member edits their own earlier message; the bot gets an `edited_message` update with
   * `edit_date` set. A captioned message gets its caption replaced instead of its text.
   */
  async editMessage(chatId: number, fromUserId: number, messageId: number, newText: string): Promise<Delivered<Update.EditedMessageUpdate>> {
    return await this.members.editMessage(chatId, fromUserId, messageId, newText);
  }

  /**
   * A member presses an inline button on one of the bot's messages. The callback query's
   * `message` is that message as the bot sees it now (with `reply_to_message` if it was a reply).
   *
   * @throws Error if the message has no button with that `callback_data`.
   */
  async pressButton(chatId: number, fromUserId: number, botMessageId: number, data: string): Promise<Delivered<Update.CallbackQueryUpdate>> {
    return await this.members.pressButton(chatId, fromUserId, botMessageId, data);
  }

  /**
   * Deliver any other update (my_chat_member, chat_member, …) straight to the bot; the fake
   * assigns `update_id`. Use {@link FakeTelegram.chat} and {@link FakeTelegram.user} to build it.
   *
   * @returns The update as POSTed, once the bot has answered.
   */
  async sendUpdate(update: UpdateWithoutId): Promise<Update> {
    return await this.members.sendUpdate(update);
  }
}
