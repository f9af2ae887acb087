import type { ChatMessages } from './chatMessages.js';
import { isRecord } from './methodParams.js';
import type { ApiParams, BotMessage, Chat, FakeMessage, StoredDocument } from './types.js';

/** A copy a test may mutate; structuredClone alone would turn the document's Buffer into a Uint8Array. */
function cloneBotMessage(record: BotMessage): BotMessage {
  const { document, ...rest } = record;
  const copy: BotMessage = structuredClone(rest);
  if (document) copy.document = { ...document, content: Buffer.from(document.content) };
  return copy;
}

/**
 * What the bot posted with sendMessage or sendDocument, oldest first. The records are the
 * ones its chat's messages point at, so edits and deletions show in them.
 */
export class BotMessageLog {
  private readonly records: BotMessage[] = [];

  constructor(private readonly messages: ChatMessages) {}

  /** Record a message the bot just posted, in the log and among its chat's messages. */
  record(chat: Chat, message: FakeMessage, method: BotMessage['method'], params: ApiParams, emulatorId?: number, document?: StoredDocument): void {
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
    this.records.push(record);
    this.messages.add(chat.id, { message, author: 'bot', deleted: false, bot: record, ...(emulatorId === undefined ? {} : { emulatorId }) });
  }

  /** Copies of the records, in one chat or in all. */
  list(chatId?: number): BotMessage[] {
    return this.records.filter((sent) => chatId === undefined || sent.chat_id === chatId).map(cloneBotMessage);
  }
}
