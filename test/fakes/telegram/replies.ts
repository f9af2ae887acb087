import type { Message } from 'telegraf/types';
import { badRequest } from './botApiError.js';
import type { ChatMessages } from './chatMessages.js';
import { isRecord } from './methodParams.js';
import type { ApiParams, Chat, FakeMessage } from './types.js';

/** A message as it appears inside `reply_to_message`: Telegram drops the nested reply there. */
export function asReplyTarget(message: FakeMessage | Message): FakeMessage {
  const { reply_to_message: _nested, ...rest } = message as FakeMessage;
  return structuredClone(rest) as FakeMessage;
}

/**
 * The message a bot's reply points at (`reply_parameters`, or the older `reply_to_message_id`),
 * enforcing `allow_sending_without_reply`.
 */
export function replyTargetOf(messages: ChatMessages, chat: Chat, params: ApiParams): FakeMessage | undefined {
  const replyParameters = isRecord(params.reply_parameters) ? params.reply_parameters : undefined;
  const messageId = replyParameters?.message_id ?? params.reply_to_message_id;
  if (messageId === undefined) return undefined;
  const stored = typeof messageId === 'number' ? messages.get(chat.id, messageId) : undefined;
  if (stored && !stored.deleted) return asReplyTarget(stored.message);
  const allowWithout = replyParameters?.allow_sending_without_reply ?? params.allow_sending_without_reply;
  if (allowWithout === true) return undefined;
  throw badRequest('message to be replied not found');
}
