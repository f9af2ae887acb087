import type { GuildMember, Message } from 'discord.js';
import type { ChatMessage } from '../../src/engine/chatMessage.js';
import type { ActionIntent } from '../../src/engine/decision.js';
import { intentText } from '../../src/engine/intentText.js';
import { deliveryAttempt } from '../../src/moderation/deliveryAttempt.js';
import type { Attempt, ModerationPort } from '../../src/moderation/moderationPort.js';
import type { Priority } from '../../src/outbox/types.js';
import { refutationButtons } from './buttons.js';
import type { DiscordDeps } from './deps.js';
import { safeText } from './markdown.js';
import { digestNotice, type DiscordOutgoing } from './outgoing.js';
import { alertEmbed, refutationEmbed } from './replies.js';
import { fitEmbeds } from './embedLimits.js';

/** Discord takes timeouts of at most 28 days; a minute is the shortest worth asking for. */
export const TIMEOUT_LIMITS_MS = { min: 60_000, max: 28 * 86_400_000 } as const;

/** What the port needs to moderate: a deletion or timeout guarded by the permission notices. */
export interface DiscordPortDeps extends Pick<DiscordDeps, 'enqueue' | 'alerts' | 'now'> {
  /** Runs a deletion or timeout; a refusal rejects with Discord's error (and is told to the owners once). */
  guarded: (right: 'delete' | 'timeout', what: string, call: () => Promise<unknown>) => Promise<void>;
}

/**
 * Discord's side of a decision about a guild message: embed replies with buttons, pointers and
 * notices through the outbox, deletions and timeouts at once, owner alerts by the alert route.
 * Every method resolves with what really happened.
 */
export function discordPort(message: Message<true>, chatMessage: ChatMessage, deps: DiscordPortDeps): ModerationPort {
  const channel = message.channelId;
  const send = async (priority: Priority, payload: DiscordOutgoing, mergeKey?: string): Promise<Attempt> =>
    deliveryAttempt(await deps.enqueue(priority, payload, mergeKey));
  const plain = (intent: ActionIntent) => safeText(intentText(intent) ?? '', 1500);
  const notice = (priority: Priority, intent: ActionIntent, ping: boolean) =>
    send(priority, digestNotice(channel, plain(intent), message.id, ping), `notices:${priority}`);
  const moderate = async (right: 'delete' | 'timeout', what: string, call: () => Promise<unknown>, intent: ActionIntent, detail?: string): Promise<Attempt> => {
    await deps.guarded(right, what, call);
    void notice('low', intent, false);
    return detail ? { status: 'done', detail } : { status: 'done' };
  };
  // A warning for a message that got a pointer waits behind it (see the Telegram port).
  let pointed = false;
  return {
    // Waiting refutations of one rumor fold into one, and go ahead of a flood's pointers,
    // warnings and digests (see the Telegram port).
    reply_refutation: (i) =>
      send(
        'high',
        { to: { channel }, embeds: fitEmbeds([i.refutation, ...(i.also ?? [])].map(refutationEmbed)), components: refutationButtons(i.language, i.debunkId, message.id, i.traditional), replyTo: message.id },
        `refutation:${i.debunkId}`,
      ),
    suggest_check: (i) =>
      send('low', { to: { channel }, content: plain(i), components: refutationButtons(i.language, i.debunkId, message.id, i.traditional), replyTo: message.id }, `suggest:${i.debunkId}`),
    pointer: (i) => {
      pointed = true;
      return send('low', { to: { channel }, content: plain(i), replyTo: message.id }, `pointer:${i.debunkId}`);
    },
    warn: (i) => notice(pointed ? 'low' : 'normal', i, true),
    delete: (i) => moderate('delete', `delete of message ${message.id}`, () => message.delete(), i),
    mute: (i) => {
      const member: GuildMember | null = message.member;
      if (!member) return Promise.resolve({ status: 'skipped', reason: 'no_target', detail: 'the author is no longer a member' });
      const ms = Math.min(TIMEOUT_LIMITS_MS.max, Math.max(TIMEOUT_LIMITS_MS.min, i.durationMs));
      const until = new Date(deps.now() + ms).toISOString();
      return moderate('timeout', `timeout of member ${member.id} for ${ms / 60_000} min`, () => member.timeout(ms, 'RumorGuard: repeated refuted rumors'), i, `until ${until}`);
    },
    alert_owners: (i) =>
      deps.alerts.alert({
        guildId: message.guildId,
        guildName: message.guild.name,
        ownerId: message.guild.ownerId,
        debunkId: i.debunkId,
        claim: i.claim,
        memberName: chatMessage.member.name,
        strikes: i.strikes,
        lang: i.language,
        owners: i.owners,
        embed: alertEmbed(message.guild.name, intentText(i) ?? '', message.url, i.language),
      }),
  };
}
