import type { IntentOf } from '../../src/engine/decision.js';
import { intentText } from '../../src/engine/intentText.js';
import type { ChatMessage } from '../../src/engine/chatMessage.js';
import { deliveryAttempt } from '../../src/moderation/deliveryAttempt.js';
import type { Attempt, ModerationPort } from '../../src/moderation/moderationPort.js';
import type { DeliveryFate, Priority } from '../../src/outbox/types.js';
import type { AlertRouter } from './alertRouter.js';
import { refutationButtons } from './buttons.js';
import { htmlText } from './html.js';
import { digestNotice, type Outgoing } from './outgoing.js';
import { alertHtml, refutationHtml } from './replies.js';

/** Telegram reads a restriction under 30 s or over 366 days as "forever": keep mutes inside. */
export const MUTE_LIMITS_MS = { min: 30_000, max: 366 * 86_400_000 - 60_000 } as const;

/** Where the decision is carried out. */
export interface TelegramTarget {
  chatId: number;
  groupTitle: string;
  messageId: number;
  /**
   * The forum topic the message is in: everything said about it is posted there, whether or not
   * the message is still there to reply to (see Outgoing's `topic`).
   */
  topic?: number;
  /** The member's Telegram user id; absent for posts made as a chat (they cannot be muted). */
  userId?: number;
}

/** What the port needs from the rest of the adapter. */
export interface TelegramPortDeps {
  /** Queues a message under the rate limits; resolves with what became of it. */
  enqueue: (chatId: number, priority: Priority, payload: Outgoing, mergeKey?: string) => Promise<DeliveryFate>;
  alerts: AlertRouter;
  /** A deletion; a refusal rejects (and is told to the admins once by the caller's wrapper). */
  deleteMessage: (chatId: number, messageId: number) => Promise<unknown>;
  /** Restricts a member from sending until `untilSeconds` (Unix time). */
  mute: (chatId: number, userId: number, untilSeconds: number) => Promise<unknown>;
  now: () => number;
}

/**
 * Telegram's side of a decision: replies, pointers and notices through the outbox (rate limits,
 * digests under a flood), deletions and mutes at once, owner alerts through the alert router.
 * Every method resolves with what really happened.
 */
export function telegramPort(message: ChatMessage, target: TelegramTarget, deps: TelegramPortDeps): ModerationPort {
  const { chatId, messageId, topic } = target;
  const inTopic = topic !== undefined ? { topic } : {};
  // Messages waiting in the outbox merge within their topic only: merged, they go where the later one goes.
  const send = async (priority: Priority, payload: Outgoing, mergeKey?: string): Promise<Attempt> =>
    deliveryAttempt(await deps.enqueue(chatId, priority, payload, mergeKey !== undefined && topic !== undefined ? `${mergeKey}:topic:${topic}` : mergeKey));
  const plainHtml = (intent: Parameters<typeof intentText>[0], max: number) => htmlText(intentText(intent) ?? '', max);
  // Warnings and mute notices waiting in the outbox fold into one digest message per chat (and topic).
  const notice = (priority: Priority, html: string) => send(priority, digestNotice(html, messageId, topic), `notices:${priority}`);
  /** A moderation call, then its notice in the chat; the call's outcome is the action's. */
  const moderate = async (call: () => Promise<unknown>, noticeHtml: string, priority: Priority): Promise<Attempt> => {
    await call();
    void notice(priority, noticeHtml);
    return { status: 'done' };
  };
  // A warning for a message that got a pointer waits behind it, at its priority: the pointer says
  // why (real-client QA: the warning went out first, after the next message's mute).
  let pointed = false;
  return {
    // Refutations of one rumor still waiting fold into one: during a store outage the repeat
    // window is unknown, and every post of a flood would otherwise get its own. A refutation goes
    // ahead of the pointers, warnings and digests a flood queued in the chat (the engine asks for
    // one only for a rumor not answered there lately; repeats get pointers).
    reply_refutation: (i) =>
      send(
        'high',
        { kind: 'html', html: refutationsHtml(i), replyTo: messageId, ...inTopic, buttons: refutationButtons(i.language, i.debunkId, messageId, i.traditional) },
        `refutation:${i.debunkId}`,
      ),
    suggest_check: (i) =>
      send('low', { kind: 'html', html: plainHtml(i, 1500), replyTo: messageId, ...inTopic, buttons: refutationButtons(i.language, i.debunkId, messageId, i.traditional) }, `suggest:${i.debunkId}`),
    pointer: (i) => {
      pointed = true;
      return send('low', { kind: 'html', html: plainHtml(i, 1500), replyTo: messageId, ...inTopic }, `pointer:${i.debunkId}`);
    },
    warn: (i) => notice(pointed ? 'low' : 'normal', plainHtml(i, 600)),
    delete: (i) => moderate(() => deps.deleteMessage(chatId, messageId), plainHtml(i, 600), 'low'),
    mute: (i) => mute(i),
    alert_owners: (i) =>
      deps.alerts.alert({
        groupId: chatId,
        groupTitle: target.groupTitle,
        debunkId: i.debunkId,
        claim: i.claim,
        memberName: message.member.name,
        strikes: i.strikes,
        lang: i.language,
        owners: i.owners,
        html: alertHtml(target.groupTitle, intentText(i) ?? '', i.link, i.language),
      }),
  };

  function mute(i: IntentOf<'mute'>): Promise<Attempt> {
    if (target.userId === undefined) return Promise.resolve({ status: 'skipped', reason: 'no_target', detail: 'posted as a chat' });
    const userId = target.userId;
    const ms = Math.min(MUTE_LIMITS_MS.max, Math.max(MUTE_LIMITS_MS.min, i.durationMs));
    const until = Math.ceil((deps.now() + ms) / 1000);
    return moderate(() => deps.mute(chatId, userId, until), plainHtml(i, 600), 'normal').then((a) =>
      a.status === 'done' ? { ...a, detail: `until ${new Date(until * 1000).toISOString()}` } : a,
    );
  }
}

/** Telegram's limit on a message's text, in characters. */
const MESSAGE_CHARS = 4096;

/**
 * The refutation, and those of further rumors the message carried one after another, as many
 * whole ones as fit in one message (the HTML is never shorter than the text Telegram counts).
 */
function refutationsHtml(i: IntentOf<'reply_refutation'>): string {
  let html = refutationHtml(i.refutation);
  for (const more of i.also ?? []) {
    const next = `${html}\n\n${refutationHtml(more)}`;
    if (next.length > MESSAGE_CHARS) break;
    html = next;
  }
  return html;
}
