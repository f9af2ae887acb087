import type { ModerationPort } from '../../src/moderation/moderationPort.js';
import { deliveryAttempt } from '../../src/moderation/deliveryAttempt.js';
import type { ReviewPort } from '../../src/review/reviewPort.js';
import { refutationButtons } from './buttons.js';
import type { DiscordDeps } from './deps.js';
import { safeText } from './markdown.js';
import { refutationEmbed } from './replies.js';

/**
 * Discord's side of review: an earlier message answered with the refutation embed as a reply in
 * its channel, notices as replies, private messages by DM. Only answers: deleting or timing out
 * after the fact is the moderators' own call.
 */
export function discordReviewPort(deps: Pick<DiscordDeps, 'enqueue'>): ReviewPort {
  const unsupported = () => Promise.resolve({ status: 'skipped' as const, reason: 'unsupported' as const, detail: 'not done after review' });
  return {
    portFor: (message): ModerationPort => {
      const channel = message.channelId;
      return {
        reply_refutation: async (i) =>
          channel === undefined
            ? { status: 'skipped', reason: 'no_target', detail: 'the channel of the message is not known' }
            : deliveryAttempt(
                await deps.enqueue('normal', {
                  to: { channel },
                  embeds: [refutationEmbed(i.refutation)],
                  components: refutationButtons(i.language, i.debunkId, message.messageId),
                  replyTo: message.messageId,
                }),
              ),
        suggest_check: unsupported,
        pointer: unsupported,
        warn: unsupported,
        delete: unsupported,
        mute: unsupported,
        alert_owners: unsupported,
      };
    },
    notify: async (_groupId, messageId, text, channelId) =>
      channelId === undefined
        ? { status: 'skipped', reason: 'no_target', detail: 'the channel of the message is not known' }
        : deliveryAttempt(await deps.enqueue('normal', { to: { channel: channelId }, content: safeText(text, 1500), replyTo: messageId })),
    tellPrivately: async (userId, text) => deliveryAttempt(await deps.enqueue('normal', { to: { user: userId }, content: safeText(text, 1900) })),
  };
}
