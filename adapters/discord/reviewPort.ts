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
export function discordReviewPort(deps: Pick<DiscordDeps, 'enqueue' | 'alerts' | 'client'>): ReviewPort {
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
                  components: refutationButtons(i.language, i.debunkId, message.messageId, i.traditional),
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
    tellOwners: async (guildId, text) => {
      const guild = deps.client.guilds.cache.get(guildId);
      if (!guild) return { status: 'skipped', reason: 'no_target', detail: 'server not in this process' };
      return deliveryAttempt(await deps.enqueue('normal', { to: await deps.alerts.target(guildId, guild.ownerId), content: safeLines(text) }));
    },
    tellPrivately: async (userId, text) => deliveryAttempt(await deps.enqueue('normal', { to: { user: userId }, content: safeLines(text) })),
  };
}

/** A text of several lines (a digest, an operator alert), each made safe, within Discord's 2000. */
function safeLines(text: string): string {
  return text
    .split('\n')
    .map((line) => safeText(line, 500))
    .join('\n')
    .slice(0, 1990);
}
