import { whyCannotPost } from './chatMembers.js';
import type { FakeState } from './fakeState.js';
import { asReplyTarget } from './replies.js';
import type { Delivered, FakeMessage, MemberCommandInput, MemberMessageInput, Update, UpdateWithoutId } from './types.js';
import { nowSeconds } from './unixTime.js';

/*
 * What tests do as chat members. New messages and button presses travel through the emulator
 * (see emulatorRelay.ts); updates the emulator cannot make (edited_message, my_chat_member,
 * …) go to the bot directly. The TSDoc of each action is on FakeTelegram, which tests call.
 */

type MemberState = Pick<FakeState, 'emulator' | 'directory' | 'messages' | 'delivery' | 'relay'>;

/** The member side of the fake: members post, edit and press buttons, and the bot is told. */
export class MemberActions {
  constructor(private readonly state: MemberState) {}

  async sendMessage(chatId: number, fromUserId: number, content: string | MemberMessageInput): Promise<Delivered<Update.MessageUpdate>> {
    const input: MemberMessageInput = typeof content === 'string' ? { text: content } : content;
    return await this.postMemberMessage(chatId, fromUserId, input, 'message');
  }

  async sendCommand(chatId: number, fromUserId: number, text: string, extra: MemberCommandInput): Promise<Delivered<Update.MessageUpdate>> {
    if (!text.startsWith('/')) throw new Error(`sendCommand: '${text}' does not start with '/'`);
    const command = text.split(/\s/, 1)[0] ?? text;
    const entities = [{ type: 'bot_command' as const, offset: 0, length: command.length }];
    return await this.postMemberMessage(chatId, fromUserId, { ...extra, text, entities }, 'command');
  }

  async editMessage(chatId: number, fromUserId: number, messageId: number, newText: string): Promise<Delivered<Update.EditedMessageUpdate>> {
    const { messages, delivery } = this.state;
    const stored = messages.get(chatId, messageId);
    if (!stored || stored.deleted) throw new Error(`editMessage: no message ${messageId} in chat ${chatId}`);
    if (stored.author !== 'member' || stored.message.from?.id !== fromUserId) {
      throw new Error(`editMessage: message ${messageId} in chat ${chatId} was not sent by user ${fromUserId}`);
    }
    delivery.requireWebhook();
    const message = stored.message;
    if (message.text === undefined && message.caption !== undefined) message.caption = newText;
    else message.text = newText;
    message.edit_date = nowSeconds();
    const update = { update_id: delivery.nextUpdateId(), edited_message: structuredClone(message) } as Update.EditedMessageUpdate;
    await delivery.deliver(update);
    return { update, message: structuredClone(message) };
  }

  async pressButton(chatId: number, fromUserId: number, botMessageId: number, data: string): Promise<Delivered<Update.CallbackQueryUpdate>> {
    const { messages, directory, emulator, relay } = this.state;
    const stored = messages.get(chatId, botMessageId);
    if (!stored || stored.deleted || stored.author !== 'bot') throw new Error(`pressButton: no bot message ${botMessageId} in chat ${chatId}`);
    const buttons = (stored.message.reply_markup?.inline_keyboard ?? []).flat();
    if (!buttons.some((button) => 'callback_data' in button && button.callback_data === data)) {
      const offered = buttons.flatMap((button) => ('callback_data' in button ? [button.callback_data] : []));
      throw new Error(`pressButton: message ${botMessageId} has no button with callback_data '${data}' (has: ${JSON.stringify(offered)})`);
    }
    const from = directory.requireUser(fromUserId);
    const update = await relay.send(botMessageId, (mark) =>
      emulator.server.addUserCallback({
        botToken: emulator.token,
        date: nowSeconds(),
        from,
        message: { ...structuredClone(stored.message), ...mark },
        data,
      }),
    );
    return { update: update as Update.CallbackQueryUpdate, message: structuredClone(stored.message) };
  }

  async sendUpdate(update: UpdateWithoutId): Promise<Update> {
    const { delivery } = this.state;
    const full = { update_id: delivery.nextUpdateId(), ...structuredClone(update) } as Update;
    await delivery.deliver(full);
    return full;
  }

  private async postMemberMessage(
    chatId: number,
    fromUserId: number,
    input: MemberMessageInput,
    kind: 'message' | 'command',
  ): Promise<Delivered<Update.MessageUpdate>> {
    const { directory, messages, delivery, emulator, relay } = this.state;
    const chat = directory.requireChat(chatId);
    const from = directory.requireUser(fromUserId);
    const refusal = whyCannotPost(directory.memberOf(chatId, fromUserId), nowSeconds());
    if (refusal) throw new Error(`chat ${chatId}: ${refusal}`);
    delivery.requireWebhook();

    const { reply_to_message: replyTo, ...fields } = structuredClone(input);
    const message: FakeMessage = {
      message_id: messages.nextId(chatId),
      from,
      chat: structuredClone(chat),
      date: nowSeconds(),
      ...fields,
      ...(replyTo === undefined ? {} : { reply_to_message: asReplyTarget(replyTo) }),
    } as FakeMessage;
    messages.add(chatId, { message, author: 'member', deleted: false });

    const update = await relay.send(message.message_id, (mark) => {
      const marked = { ...structuredClone(message), botToken: emulator.token, ...mark };
      return kind === 'command' ? emulator.server.addUserCommand(marked as never) : emulator.server.addUserMessage(marked as never);
    });
    return { update: update as Update.MessageUpdate, message: structuredClone(message) };
  }
}
