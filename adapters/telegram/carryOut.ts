import type { ChatMessage } from '../../src/engine/chatMessage.js';
import type { ActionIntent, Decision } from '../../src/engine/decision.js';
import type { Debunk } from '../../src/debunks/schema.js';
import type { Cooldown } from '../../src/lib/cooldown.js';
import type { Priority } from '../../src/outbox/types.js';
import type { AlertRouter } from './alertRouter.js';
import { refutationButtons } from './buttons.js';
import { htmlText } from './html.js';
import { digestNotice, type Outgoing } from './outgoing.js';
import { alertHtml, refutationHtml } from './replies.js';

/** What carrying out a decision needs from the rest of the adapter. */
export interface CarryOutDeps {
  enqueue: (chatId: number, priority: Priority, payload: Outgoing, mergeKey?: string) => void;
  debunk: (id: string) => Debunk | undefined;
  alerts: AlertRouter;
  deleteMessage: (chatId: number, messageId: number) => Promise<void>;
  /** Restricts a member from sending until `untilSeconds` (Unix time). */
  mute: (chatId: number, userId: number, untilSeconds: number) => Promise<void>;
  now: () => number;
  /** Pointers and soft replies: at most one per chat and rumor a minute (a flood gets one, not one each). */
  quietReplies: Cooldown;
}


/** Where the decision is carried out. */
export interface TelegramTarget {
  chatId: number;
  groupTitle: string;
  messageId: number;
  /** The member's Telegram user id; absent for posts made as a chat (they cannot be muted). */
  userId?: number;
}

/**
 * Carries out the engine's decision in the group. Replies go through the outbox (rate limits,
 * merging under floods); deletions and mutes are made at once, and their refusals are reported
 * by `deleteMessage`/`mute` themselves. Telegram wants at least 30 s for a mute, else it is
 * forever: durations are raised to that.
 */
export async function carryOut(decision: Decision, message: ChatMessage, target: TelegramTarget, deps: CarryOutDeps): Promise<void> {
  const { chatId, messageId } = target;
  const lang = decision.language;
  const reply = (priority: Priority, intent: ActionIntent, mergeKey?: string, withButtons = false) => {
    const html = htmlText(intent.text ?? '', 1500);
    const buttons = withButtons && intent.debunkId ? refutationButtons(lang, intent.debunkId, messageId) : undefined;
    deps.enqueue(chatId, priority, { kind: 'html', html, replyTo: messageId, ...(buttons ? { buttons } : {}) }, mergeKey);
  };
  // Warnings and mute notices waiting in the outbox fold into one digest message per chat.
  const notice = (priority: Priority, intent: ActionIntent) =>
    deps.enqueue(chatId, priority, digestNotice(htmlText(intent.text ?? '', 600), messageId), `notices:${priority}`);
  const moderation: Promise<void>[] = [];
  for (const intent of decision.actions) {
    switch (intent.type) {
      case 'reply_refutation': {
        const debunk = intent.debunkId ? deps.debunk(intent.debunkId) : undefined;
        if (!debunk) {
          reply('normal', intent);
          break;
        }
        // Refutations of one rumor still waiting fold into one (when the repeat window is not
        // known, during a store outage, every post of a flood would get its own).
        deps.enqueue(
          chatId,
          'normal',
          { kind: 'html', html: refutationHtml(debunk, lang), replyTo: messageId, buttons: refutationButtons(lang, debunk.id, messageId) },
          `refutation:${debunk.id}`,
        );
        break;
      }
      case 'suggest_check':
        if (deps.quietReplies.take(`${chatId}:suggest:${intent.debunkId}`)) reply('low', intent, `suggest:${intent.debunkId}`, true);
        break;
      case 'pointer':
        // The refutation is right above: one pointer a minute is a reminder, one per post is spam.
        if (deps.quietReplies.take(`${chatId}:pointer:${intent.debunkId}`)) reply('low', intent, `pointer:${intent.debunkId}`);
        break;
      case 'warn':
        notice('normal', intent);
        break;
      case 'delete':
        moderation.push(deps.deleteMessage(chatId, messageId));
        notice('low', intent);
        break;
      case 'mute': {
        if (target.userId === undefined) break;
        const seconds = Math.max(30_000, intent.durationMs ?? 0) / 1000;
        moderation.push(deps.mute(chatId, target.userId, Math.ceil(deps.now() / 1000 + seconds)));
        notice('normal', intent);
        break;
      }
      case 'alert_owners':
        deps.alerts.alert({
          groupId: chatId,
          groupTitle: target.groupTitle,
          debunkId: intent.debunkId ?? '',
          memberName: message.member.name,
          strikes: decision.strikes.after,
          lang,
          html: alertHtml(target.groupTitle, intent.text ?? '', message.link, lang),
        });
        break;
      case 'log':
        break; // written to the ledger by the moderator before anything is carried out
    }
  }
  await Promise.all(moderation);
}
