/**
 * Shapes the fake Telegram speaks in. Bot API objects come from `telegraf/types` (the same
 * typings the bot is compiled against), so a test that hands a fake message to bot code
 * type-checks against what telegraf would really deliver.
 */
import type { Chat, ChatMember, Document, Message, MessageEntity, PhotoSize, Sticker, Update, User, Video } from 'telegraf/types';

/** A member of a chat, as tests describe one; `is_bot` defaults to false. */
export interface FakeUserInput {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  is_bot?: boolean;
  /** The language of the user's client (`en`, `zh-hans`): Telegram sends it with their messages. */
  language_code?: string;
}

/** A chat as tests describe one to {@link FakeTelegram.addChat}. */
export type FakeChatInput =
  | { id: number; type: 'group'; title: string }
  | { id: number; type: 'supergroup'; title: string; username?: string; is_forum?: true }
  | { id: number; type: 'channel'; title: string; username?: string }
  | { id: number; type: 'private'; first_name: string; last_name?: string; username?: string };

/** Every status a Bot API `ChatMember` can have. */
export type MemberStatus = ChatMember['status'];

/**
 * Extra ChatMember fields for {@link FakeTelegram.setMember}, e.g. `{ is_anonymous: true }`,
 * `{ can_restrict_members: true }` or `{ until_date: 0, can_send_messages: false }`.
 */
export type MemberExtra = Record<string, unknown>;

/** The bot's own identity; `getMe` answers with it. */
export interface FakeBotIdentity {
  id: number;
  username: string;
  first_name: string;
}

/** Options for {@link FakeTelegram.start}. */
export interface FakeTelegramOptions {
  /** The token the bot must use; any other token is answered with 401. */
  token: string;
  /** Who the bot is. */
  bot: FakeBotIdentity;
  /** What `getMe` says about privacy mode; defaults to true (privacy mode off). */
  canReadAllGroupMessages?: boolean;
  /** What `getMe` says about joining groups; defaults to true. */
  canJoinGroups?: boolean;
}

/** A successful Bot API answer. */
export interface ApiSuccess {
  ok: true;
  result: unknown;
}

/** A Bot API error, as `failNext` takes it and as the fake answers it. */
export interface ApiErrorBody {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** A failed Bot API answer. */
export interface ApiFailure extends ApiErrorBody {
  ok: false;
}

/** The JSON body of any Bot API answer. */
export type ApiResponse = ApiSuccess | ApiFailure;

/** A file that arrived in a multipart upload (e.g. `sendDocument` with `{ source: Buffer }`). */
export interface UploadedFile {
  filename: string;
  /** The part's own content type; telegraf sends none, so this is usually a default. */
  contentType: string;
  content: Buffer;
}

/** A Bot API parameter object after parsing JSON, form or multipart bodies. */
export type ApiParams = Record<string, unknown>;

/** One Bot API call the bot made, in the order it arrived. */
export interface RecordedCall {
  /** The method name as the bot spelled it in the URL. */
  method: string;
  /**
   * The parameters, parsed: nested objects (`reply_markup`, `permissions`, `scope`, …) are
   * objects even when they arrived as JSON strings inside a form; uploaded files are
   * {@link UploadedFile}s.
   */
  body: ApiParams;
  /** `Date.now()` when the call arrived. */
  at: number;
  /** What the fake answered. */
  response: ApiResponse;
  /** True when the call came back as the body of a webhook answer (telegraf's `webhookReply`). */
  viaWebhookReply?: true;
}

/** A document the bot uploaded, with its bytes. */
export interface StoredDocument {
  file_id: string;
  file_unique_id: string;
  file_name: string;
  mime_type: string;
  file_size: number;
  content: Buffer;
}

/** Something the bot posted with `sendMessage` or `sendDocument`. */
export interface BotMessage {
  /** The id Telegram gave the message (unique within its chat). */
  message_id: number;
  chat_id: number;
  /** Which method sent it. */
  method: 'sendMessage' | 'sendDocument';
  /** Current text (after any `editMessageText`), for `sendMessage`. */
  text?: string;
  /** Caption, for `sendDocument`. */
  caption?: string;
  parse_mode?: string;
  reply_parameters?: { message_id: number; chat_id?: number | string; allow_sending_without_reply?: boolean };
  /** Current markup (after any edit), as the bot sent it. */
  reply_markup?: Record<string, unknown>;
  document?: StoredDocument;
  /** Set once the bot (or a test) deleted it. */
  deleted: boolean;
  /** The Message object as the Bot API returns it now (including edits). */
  message: FakeMessage;
}

/** The message fields the fake and tests commonly read and set, typed. */
export type KnownMessageFields = Message.CommonMessage & {
  text?: string;
  entities?: MessageEntity[];
  caption?: string;
  caption_entities?: MessageEntity[];
  photo?: PhotoSize[];
  document?: Document;
  video?: Video;
  sticker?: Sticker;
};

/**
 * A Message as the fake builds it: a Bot API message whose common optional fields can be
 * read without narrowing the `Message` union first; any other Message field may be present.
 */
export type FakeMessage = KnownMessageFields & { [field: string]: unknown };

type SettableMessageFields = Partial<Omit<KnownMessageFields, 'message_id' | 'date' | 'chat' | 'from' | 'reply_to_message'>>;

interface ReplyAndOtherFields {
  /** A message the test got back earlier; nested replies are dropped, as Telegram does. */
  reply_to_message?: FakeMessage | Message;
  /** Any other Message field (e.g. `sender_chat`, `forward_origin`, `poll`) passes through. */
  [field: string]: unknown;
}

/**
 * Fields a test may set on a member's message; the fake fills in `message_id`, `date`,
 * `chat` and `from`.
 */
export type MemberMessageInput = SettableMessageFields & ReplyAndOtherFields;

/** Extra fields for a member's command; the fake sets `text` and the `bot_command` entity. */
export type MemberCommandInput = Omit<SettableMessageFields, 'text' | 'entities'> & ReplyAndOtherFields;

/** What a member action returns once the bot has answered the webhook. */
export interface Delivered<U extends Update = Update> {
  /** The update exactly as it was POSTed to the bot. */
  update: U;
  /** The message the update carried (the new or edited message, or the button's message). */
  message: FakeMessage;
}

/** An update with `update_id` left for the fake to assign. */
export type UpdateWithoutId = DistributiveOmit<Update, 'update_id'>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type { Chat, ChatMember, Update, User };
