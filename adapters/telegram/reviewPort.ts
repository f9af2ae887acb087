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
        { chatId: Number(message.groupId), groupTitle: message.groupId, messageId: Number(message.messageId), ...topicOfChannel(message.channelId) },
        {
          enqueue: deps.enqueue,
          alerts: deps.alerts,
          now: deps.now,
          // Review only answers: deleting or muting after the fact is the admins' own call.
          deleteMessage: () => Promise.reject(new Error('not done after review')),
          mute: () => Promise.reject(new Error('not done after review')),
        },
      ),
    notify: async (groupId, messageId, text, channelId) =>
      deliveryAttempt(await deps.enqueue(Number(groupId), 'normal', { kind: 'html', html: htmlText(text, 1000), replyTo: Number(messageId), ...topicOfChannel(channelId) })),
    tellOwners: async (groupId, text) => {
      const settings = await deps.engine.settingsFor(groupId);
      const targets = await deps.alerts.targets(Number(groupId), settings.owners);
      if (targets.length === 0) return { status: 'skipped', reason: 'no_target', detail: 'no alert chat linked and no admin started the bot' };
      const attempts = await Promise.all(targets.map(async (chatId) => deliveryAttempt(await deps.enqueue(chatId, 'normal', { kind: 'html', html: htmlLines(text) }))));
      return attempts.find((a) => a.status === 'done') ?? attempts[0]!;
    },
    tellPrivately: async (userId, text) => {
      if (!/^\d+$/.test(userId)) return { status: 'skipped', reason: 'no_target', detail: 'not a user' };
      return deliveryAttempt(await deps.enqueue(Number(userId), 'normal', { kind: 'html', html: htmlLines(text) }));
    },
  };
}

/** The forum topic of a Telegram message as the core keeps it (its channel, see toChatMessage), as Outgoing's `topic`. */
function topicOfChannel(channelId: string | undefined): { topic?: number } {
  return channelId !== undefined && /^\d{1,15}$/.test(channelId) ? { topic: Number(channelId) } : {};
}

/** A text of several lines (a digest, an operator alert), each line escaped and made safe, within Telegram's 4096. */
function htmlLines(text: string): string {
  const lines: string[] = [];
  let length = 0;
  for (const line of text.split('\n')) {
    const html = htmlText(line, 600);
    // Whole lines only: cutting inside an entity (&amp;) would make Telegram refuse the message.
    if (length + html.length + 1 > 4000) break;
    lines.push(html);
    length += html.length + 1;
  }
  return lines.join('\n');
}
