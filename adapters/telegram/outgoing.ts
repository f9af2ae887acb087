import type { InlineKeyboardButton } from 'telegraf/types';
import type { Telegram } from 'telegraf';
import { type Digest, digestOf, digestText, foldDigests } from '../../src/outbox/digest.js';
import { RetryAfterError } from '../../src/outbox/retryAfterError.js';
import type { Merged, OutboxItem } from '../../src/outbox/types.js';

/** One message the bot sends, as the outbox holds it until the rate limits allow. */
export type Outgoing =
  | {
      kind: 'html';
      /** HTML for parse mode HTML; every untrusted piece in it is already escaped. */
      html: string;
      /** The message this answers (sent as a reply even if it was deleted meanwhile). */
      replyTo?: number;
      /**
       * The forum topic to post in (`message_thread_id`). A reply to a message still there lands
       * beside it, but one to a message deleted meanwhile is sent as a plain message, and without
       * the topic that lands in General.
       */
      topic?: number;
      buttons?: InlineKeyboardButton[][];
      /**
       * For notices that fold into a digest under a flood (warnings, mute notices): the lines
       * shown, and how many more were folded in beyond them.
       */
      digest?: Digest;
    }
  | { kind: 'document'; filename: string; content: Buffer; captionHtml: string };

/** Telegram's error answer as telegraf throws it (TelegramError). */
interface BotApiError {
  code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

/** True for telegraf's TelegramError: an answer from the Bot API rather than a network failure. */
export const isBotApiError = (error: unknown): error is Error & BotApiError =>
  error instanceof Error && typeof (error as BotApiError).code === 'number' && typeof (error as BotApiError).description === 'string';

/**
 * A Bot API 429 as the outbox understands it: wait `retry_after` seconds. Other errors pass
 * through unchanged.
 */
export function asRetryAfter(error: unknown): unknown {
  if (isBotApiError(error) && error.code === 429) {
    return new RetryAfterError((error.parameters?.retry_after ?? 1) * 1000, { cause: error });
  }
  return error;
}

/** Sends one outbox item through telegraf. Link previews are off: a reply is not an advert. */
export async function sendOutgoing(telegram: Telegram, item: OutboxItem<Outgoing>): Promise<void> {
  const p = item.payload;
  try {
    if (p.kind === 'html') {
      await telegram.sendMessage(item.chatId, p.html, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(p.topic !== undefined ? { message_thread_id: p.topic } : {}),
        ...(p.replyTo !== undefined ? { reply_parameters: { message_id: p.replyTo, allow_sending_without_reply: true } } : {}),
        ...(p.buttons ? { reply_markup: { inline_keyboard: p.buttons } } : {}),
      });
    } else {
      await telegram.sendDocument(item.chatId, { source: p.content, filename: p.filename }, { caption: p.captionHtml, parse_mode: 'HTML' });
    }
  } catch (error) {
    throw asRetryAfter(error);
  }
}

/** A notice that can fold into a digest with others of its chat (and topic). */
export function digestNotice(html: string, replyTo: number, topic?: number): Outgoing {
  return { kind: 'html', html, replyTo, ...(topic !== undefined ? { topic } : {}), digest: digestOf(html) };
}

/**
 * Two waiting messages with the same merge key become one. Digest notices keep their lines (up
 * to DIGEST_LINES, then a count); others keep the later message, which answers the newest post
 * (a pointer to the same refutation). Either way it replies to the newest. Documents never merge.
 */
export function mergeOutgoing(earlier: Outgoing, later: Outgoing): Merged<Outgoing> {
  if (earlier.kind !== 'html' || later.kind !== 'html') throw new Error('documents are not merged');
  if (!earlier.digest || !later.digest) return { payload: later, combined: false };
  const digest = foldDigests(earlier.digest, later.digest);
  return { payload: { ...later, html: digestText(digest), digest }, combined: true };
}
