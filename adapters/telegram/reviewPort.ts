import { deliveryAttempt } from '../../src/moderation/deliveryAttempt.js';
import type { ReviewPort } from '../../src/review/reviewPort.js';
import type { AdapterDeps } from './deps.js';
import { htmlText } from './html.js';
import { telegramPort } from './telegramPort.js';

/**
 * Telegram's side of review: an earlier message answered as a reply to it, notices in the group,
 * private messages (Telegram lets a bot write only to users who pressed Start). Everything goes
 * through the outbox and its rate limits; texts are escaped.
 */
export function telegramReviewPort(deps: AdapterDeps): ReviewPort {
  return {
    portFor: (message) =>
      telegramPort(
        message,
        { chatId: Number(message.groupId), groupTitle: message.groupId, messageId: Number(message.messageId) },
        {
          enqueue: deps.enqueue,
          alerts: deps.alerts,
          now: deps.now,
          // Review only answers: deleting or muting after the fact is the admins' own call.
          deleteMessage: () => Promise.reject(new Error('not done after review')),
          mute: () => Promise.reject(new Error('not done after review')),
        },
      ),
    notify: async (groupId, messageId, text) =>
      deliveryAttempt(await deps.enqueue(Number(groupId), 'normal', { kind: 'html', html: htmlText(text, 1000), replyTo: Number(messageId) })),
    tellPrivately: async (userId, text) => {
      if (!/^\d+$/.test(userId)) return { status: 'skipped', reason: 'no_target', detail: 'not a user' };
      return deliveryAttempt(await deps.enqueue(Number(userId), 'normal', { kind: 'html', html: htmlText(text, 3500) }));
    },
  };
}
