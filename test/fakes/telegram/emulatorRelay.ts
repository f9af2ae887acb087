import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BotDelivery } from './botDelivery.js';
import { errorMessage } from './errorMessage.js';
import { sendJson } from './frontServer.js';
import { isRecord } from './methodParams.js';
import { readBody } from './requestParams.js';
import type { Chat, Update } from './types.js';

/*
 * Member messages, commands and button presses go in through the emulator
 * (addUserMessage/addUserCommand/addUserCallback). Its webhook points at HOOK_PATH on the
 * front server, which fixes the update up (real ids, no `botToken`) and hands it to the bot.
 * The emulator keeps no copy of member messages while a webhook is set; it only stores them
 * for getUpdates, which the fake does not use.
 */

/** Where the emulator's webhook points; never a Bot API path, which all start with /bot. */
export const HOOK_PATH = '/_hook';

/**
 * Marks a member update on its way through the emulator, so the hook can tell which pending
 * delivery it belongs to. The emulator copies unknown message fields into the update, and
 * the hook strips this one again before the bot sees it.
 */
const DELIVERY_MARK = '__fakeTelegramDelivery';

/** The field to spread into the message handed to the emulator. */
export type DeliveryMark = Record<typeof DELIVERY_MARK, string>;

interface PendingDelivery {
  messageId: number;
  update?: Update;
  failure?: Error;
}

/** Telegram's `chat_instance`: an opaque string, stable per chat. */
function chatInstance(chatId: number): string {
  return String(BigInt.asIntN(64, BigInt(chatId) * 2654435761n));
}

/** Member updates travelling through the emulator to the bot. */
export class EmulatorRelay {
  private readonly pending = new Map<string, PendingDelivery>();
  private nextDeliveryId = 1;

  constructor(
    private readonly delivery: BotDelivery,
    /** Callback queries delivered to the bot and not yet answered. */
    private readonly openCallbackQueries: Set<string>,
  ) {}

  /**
   * Have the emulator make an update about message `messageId` and wait until the bot has
   * answered it. `emit` makes the emulator call, with `mark` spread into the message it passes.
   *
   * @returns The update as the bot got it.
   * @throws Error with the bot's answer when the bot refused the update.
   */
  async send(messageId: number, emit: (mark: DeliveryMark) => Promise<void>): Promise<Update> {
    const deliveryId = String(this.nextDeliveryId++);
    const pending: PendingDelivery = { messageId };
    this.pending.set(deliveryId, pending);
    try {
      this.delivery.requireWebhook();
      try {
        await emit({ [DELIVERY_MARK]: deliveryId });
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
  async relay(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = JSON.parse((await readBody(req)).toString('utf8')) as Record<string, unknown>;

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
      update = { update_id: this.delivery.nextUpdateId(), callback_query: query } as unknown as Update;
    } else {
      // The emulator overwrote message_id with its global counter; restore the chat's own id.
      if (pending) message.message_id = pending.messageId;
      update = { update_id: this.delivery.nextUpdateId(), message } as unknown as Update;
    }

    try {
      await this.delivery.deliver(update);
      if (pending) pending.update = update;
      sendJson(res, 200, { ok: true });
    } catch (error) {
      if (pending) pending.failure = error as Error;
      sendJson(res, 502, { ok: false, description: errorMessage(error) });
    }
  }
}
