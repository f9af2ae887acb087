import { isRecord } from './methodParams.js';
import type { ApiParams, Update } from './types.js';
import { postUpdate, type WebhookTarget } from './webhook.js';

/** Carries out a Bot API call the bot made in its webhook answer; what it answers is dropped. */
export type WebhookReplyRunner = (method: string, params: ApiParams) => Promise<unknown>;

/** Updates on their way to the bot's webhook, and the webhook the bot set. */
export class BotDelivery {
  /** Every update the bot accepted (2xx), in delivery order, exactly as POSTed. */
  readonly updates: Update[] = [];
  /** Where the bot asked for updates with setWebhook; undefined while none is set. */
  webhook: WebhookTarget | undefined;
  private nextId = 1;

  constructor(private readonly runWebhookReply: WebhookReplyRunner) {}

  /** The next `update_id`: one sequence for all updates, whichever way they reach the bot. */
  nextUpdateId(): number {
    return this.nextId++;
  }

  requireWebhook(): WebhookTarget {
    if (!this.webhook) throw new Error('no webhook is set: launch the bot with a webhook before members act');
    return this.webhook;
  }

  /** POST an update to the bot and carry out a method it answered with (webhook reply). */
  async deliver(update: Update): Promise<void> {
    const answer = await postUpdate(this.requireWebhook(), update);
    this.updates.push(update);
    // Like Telegram, run a Bot API call the bot put in its webhook answer (telegraf's
    // webhookReply, used for answerCallbackQuery, deleteMessage, sendChatAction, …).
    if (answer.contentType.startsWith('application/json') && answer.text !== '') {
      const reply = JSON.parse(answer.text) as unknown;
      if (isRecord(reply) && typeof reply.method === 'string') {
        const { method, ...params } = reply;
        await this.runWebhookReply(method as string, params);
      }
    }
  }
}
