import type { BotMessage, FakeMessage } from './types.js';

/** One message the fake knows about, from a member or from the bot. */
export interface StoredMessage {
  /** The message as the Bot API shows it now (edits applied). */
  message: FakeMessage;
  author: 'bot' | 'member';
  deleted: boolean;
  /**
   * The id telegram-test-api gave the bot's message. It differs from `message_id`: the
   * emulator numbers all messages of all chats with one counter, and hands a bot reply sent
   * while a member's message is being delivered the member message's id again.
   */
  emulatorId?: number;
  /** The record `botMessages()` shows, for the bot's messages. */
  bot?: BotMessage;
}

/**
 * Every message of every chat, with Telegram's numbering: message ids count up from 1 per
 * chat, and members and the bot draw from the same sequence, so an id names one message.
 */
export class ChatMessages {
  private readonly chats = new Map<number, { lastId: number; messages: Map<number, StoredMessage> }>();

  /** Reserve the next message id in `chatId`. */
  nextId(chatId: number): number {
    const chat = this.chat(chatId);
    chat.lastId += 1;
    return chat.lastId;
  }

  /** Remember `stored` under its `message.message_id`. */
  add(chatId: number, stored: StoredMessage): void {
    this.chat(chatId).messages.set(stored.message.message_id, stored);
  }

  /** The message, deleted or not, or undefined if the id was never used in that chat. */
  get(chatId: number, messageId: number): StoredMessage | undefined {
    return this.chats.get(chatId)?.messages.get(messageId);
  }

  private chat(chatId: number): { lastId: number; messages: Map<number, StoredMessage> } {
    let chat = this.chats.get(chatId);
    if (!chat) {
      chat = { lastId: 0, messages: new Map() };
      this.chats.set(chatId, chat);
    }
    return chat;
  }
}
