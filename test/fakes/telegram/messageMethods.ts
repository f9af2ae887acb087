import { BotApiError, badRequest } from './botApiError.js';
import type { MethodTable } from './botApiCalls.js';
import { hasRight } from './chatMembers.js';
import type { StoredMessage } from './chatMessages.js';
import type { FakeState } from './fakeState.js';
import { inlineMarkup, intParam, isRecord } from './methodParams.js';
import { replyTargetOf } from './replies.js';
import type { ApiParams, BotMessage, Chat, FakeMessage, StoredDocument } from './types.js';
import { nowSeconds } from './unixTime.js';

/*
 * Methods telegram-test-api implements are forwarded to it so its storage sees the bot's
 * messages, but the answers are built here, because the emulator's are not Bot-API-shaped
 * (its sendMessage answers with a private-chat stub, `date` in milliseconds, and ids from one
 * global counter that a reply sent while a member's message is being delivered reuses).
 */

type MessageState = Pick<FakeState, 'emulator' | 'directory' | 'messages' | 'botMessageLog' | 'documents' | 'openCallbackQueries'>;

const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;

const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

/** The Bot API methods that post, edit and delete messages, and answer button presses. */
export function messageMethods(state: MessageState): MethodTable {
  return {
    sendMessage: (params) => sendMessage(state, params),
    sendDocument: (params) => sendDocument(state, params),
    editMessageText: (params) => editMessageText(state, params),
    editMessageReplyMarkup: (params) => editMessageReplyMarkup(state, params),
    deleteMessage: (params) => deleteMessage(state, params),
    answerCallbackQuery: (params) => answerCallbackQuery(state, params),
    sendChatAction: (params) => sendChatAction(state, params),
  };
}

/** What makes one post of the bot's a text or a document message. */
interface Post {
  method: BotMessage['method'];
  replyTo: FakeMessage | undefined;
  /** The fields particular to the kind of message, in the order the Bot API lists them. */
  content: Record<string, unknown>;
  emulatorId?: number;
  document?: StoredDocument;
}

/**
 * The forum topic a post of the bot's lands in: the one it names (`message_thread_id`), else, as
 * on Telegram, that of the message it replies to. A reply to a message gone (sent anyway with
 * `allow_sending_without_reply`) that names no topic lands in General: none.
 */
function topicOfPost(params: ApiParams, replyTo: FakeMessage | undefined): number | undefined {
  if (typeof params.message_thread_id === 'number') return params.message_thread_id;
  return replyTo?.is_topic_message ? replyTo.message_thread_id : undefined;
}

/** Build the Message for a post of the bot's, record it, and return the answer's copy. */
function post(state: MessageState, chat: Chat, params: ApiParams, { method, replyTo, content, emulatorId, document }: Post): FakeMessage {
  const markup = inlineMarkup(params.reply_markup);
  const topic = topicOfPost(params, replyTo);
  const message = {
    message_id: state.messages.nextId(chat.id),
    from: state.directory.botUser,
    chat: structuredClone(chat),
    date: nowSeconds(),
    ...(topic !== undefined ? { message_thread_id: topic, is_topic_message: true } : {}),
    ...(replyTo ? { reply_to_message: replyTo } : {}),
    ...content,
    ...(markup ? { reply_markup: markup } : {}),
  } as FakeMessage;
  state.botMessageLog.record(chat, message, method, params, emulatorId, document);
  return structuredClone(message);
}

/** Telegram's 403s and 400s for a bot that is not (or no longer) allowed to post in a chat. */
function assertBotCanPost(state: MessageState, chat: Chat): void {
  const bot = state.directory.botMember(chat.id);
  if (bot.status === 'kicked') throw new BotApiError(403, `Forbidden: bot was kicked from the ${chat.type} chat`);
  if (bot.status === 'left') throw new BotApiError(403, `Forbidden: bot is not a member of the ${chat.type} chat`);
  if (bot.status === 'restricted' && !bot.can_send_messages) throw badRequest('not enough rights to send text messages to the chat');
}

async function sendMessage(state: MessageState, params: ApiParams): Promise<FakeMessage> {
  const chat = state.directory.chatFromParams(params);
  assertBotCanPost(state, chat);
  const text = params.text;
  if (typeof text !== 'string' || text.trim() === '') throw badRequest('message text is empty');
  if (text.length > TEXT_LIMIT) throw badRequest('message is too long');
  const replyTo = replyTargetOf(state.messages, chat, params);

  const emulated = await state.emulator.forward('sendMessage', { ...params, chat_id: chat.id });
  const emulatorId = (emulated.result as { message_id: number }).message_id;

  const content = { text, ...(Array.isArray(params.entities) ? { entities: params.entities } : {}) };
  return post(state, chat, params, { method: 'sendMessage', replyTo, content, emulatorId });
}

function sendDocument(state: MessageState, params: ApiParams): FakeMessage {
  const chat = state.directory.chatFromParams(params);
  assertBotCanPost(state, chat);
  const document = state.documents.resolve(params.document);
  const caption = params.caption;
  if (caption !== undefined && (typeof caption !== 'string' || caption.length > CAPTION_LIMIT)) throw badRequest('message caption is too long');
  const replyTo = replyTargetOf(state.messages, chat, params);
  const { content: _bytes, ...documentInfo } = document;
  const content = { document: documentInfo, ...(typeof caption === 'string' ? { caption } : {}) };
  return post(state, chat, params, { method: 'sendDocument', replyTo, content, document });
}

/** An editable message of the bot's, or the 400 Telegram answers with. */
function editableBotMessage(state: MessageState, params: ApiParams): { chat: Chat; stored: StoredMessage } {
  if (params.inline_message_id !== undefined) throw badRequest('inline messages are not supported by the fake');
  const chat = state.directory.chatFromParams(params);
  const stored = state.messages.get(chat.id, intParam(params, 'message_id'));
  if (!stored || stored.deleted) throw badRequest('message to edit not found');
  if (stored.author !== 'bot') throw badRequest("message can't be edited");
  return { chat, stored };
}

function sameMarkup(a: FakeMessage['reply_markup'], b: FakeMessage['reply_markup']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Like Telegram, an edit without reply_markup removes the inline keyboard. */
function replaceMarkup(stored: StoredMessage, markup: FakeMessage['reply_markup'], params: ApiParams): void {
  if (markup) stored.message.reply_markup = markup;
  else delete stored.message.reply_markup;
  const record = stored.bot as BotMessage;
  if (isRecord(params.reply_markup)) record.reply_markup = params.reply_markup;
  else delete record.reply_markup;
}

async function editMessageText(state: MessageState, params: ApiParams): Promise<FakeMessage> {
  const { chat, stored } = editableBotMessage(state, params);
  const text = params.text;
  if (typeof text !== 'string' || text.trim() === '') throw badRequest('message text is empty');
  if (text.length > TEXT_LIMIT) throw badRequest('MESSAGE_TOO_LONG');
  if (stored.message.text === undefined) throw badRequest('there is no text in the message to edit');
  const markup = inlineMarkup(params.reply_markup);
  if (text === stored.message.text && sameMarkup(markup, stored.message.reply_markup)) throw badRequest(NOT_MODIFIED);
  if (stored.emulatorId !== undefined) await state.emulator.forward('editMessageText', { ...params, chat_id: chat.id, message_id: stored.emulatorId });

  const message = stored.message;
  message.text = text;
  message.edit_date = nowSeconds();
  if (Array.isArray(params.entities)) message.entities = params.entities;
  else delete message.entities;
  const record = stored.bot as BotMessage;
  record.text = text;
  if (typeof params.parse_mode === 'string') record.parse_mode = params.parse_mode;
  else delete record.parse_mode;
  replaceMarkup(stored, markup, params);
  return structuredClone(message);
}

async function editMessageReplyMarkup(state: MessageState, params: ApiParams): Promise<FakeMessage> {
  const { chat, stored } = editableBotMessage(state, params);
  const markup = inlineMarkup(params.reply_markup);
  if (sameMarkup(markup, stored.message.reply_markup)) throw badRequest(NOT_MODIFIED);
  if (stored.emulatorId !== undefined && markup) {
    await state.emulator.forward('editMessageReplyMarkup', { ...params, chat_id: chat.id, message_id: stored.emulatorId });
  }
  stored.message.edit_date = nowSeconds();
  replaceMarkup(stored, markup, params);
  return structuredClone(stored.message);
}

async function deleteMessage(state: MessageState, params: ApiParams): Promise<true> {
  const chat = state.directory.chatFromParams(params);
  const stored = state.messages.get(chat.id, intParam(params, 'message_id'));
  if (!stored || stored.deleted) throw badRequest('message to delete not found');
  if (stored.author === 'member' && chat.type !== 'private' && !hasRight(state.directory.botMember(chat.id), 'can_delete_messages')) {
    throw badRequest("message can't be deleted");
  }
  if (stored.emulatorId !== undefined) {
    // The emulator's own answer does not matter: it may already have forgotten the message.
    await state.emulator.forward('deleteMessage', { chat_id: chat.id, message_id: stored.emulatorId }).catch(() => undefined);
  }
  stored.deleted = true;
  if (stored.bot) stored.bot.deleted = true;
  return true;
}

async function answerCallbackQuery(state: MessageState, params: ApiParams): Promise<true> {
  const id = params.callback_query_id;
  if (typeof id !== 'string' || !state.openCallbackQueries.has(id)) {
    throw badRequest('query is too old and response timeout expired or query ID is invalid');
  }
  await state.emulator.forward('answerCallbackQuery', params);
  state.openCallbackQueries.delete(id);
  return true;
}

function sendChatAction(state: MessageState, params: ApiParams): true {
  const chat = state.directory.chatFromParams(params);
  assertBotCanPost(state, chat);
  if (typeof params.action !== 'string' || params.action === '') throw badRequest('wrong parameter action in request');
  return true;
}
