import type { Context, Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { ChatInbox } from '../../src/inbox/chatInbox.js';
import type { InboxJournal } from '../../src/inbox/inboxJournal.js';
import type { Logger } from '../../src/lib/logger.js';

/** An update taken in and waiting for its chat's turn: the rest of telegraf's middleware chain. */
export interface QueuedUpdate {
  ctx: Context;
  next: () => Promise<void>;
}

/** The chat an update belongs to, whose order is kept; none for updates the bot does not read. */
export function chatOfUpdate(update: Update): number | undefined {
  if ('message' in update) return update.message.chat.id;
  if ('edited_message' in update) return update.edited_message.chat.id;
  if ('callback_query' in update) return update.callback_query.message?.chat.id ?? update.callback_query.from.id;
  if ('my_chat_member' in update) return update.my_chat_member.chat.id;
  return undefined;
}

/** The message an update carries, for the log line of one that was dropped. */
const messageIdOf = (update: Update) => ('message' in update ? update.message.message_id : 'edited_message' in update ? update.edited_message.message_id : undefined);

/**
 * Puts a per-chat inbox at the head of telegraf's middleware: an update is queued behind its
 * chat's earlier ones and the middleware returns at once, so the webhook is answered (or the next
 * getUpdates made) without waiting for the handling, and one group's flood never delays another
 * group; within a chat, updates are handled one by one, in order. A chat flooding past the
 * inbox's bound loses the updates beyond it, each named in the log and told to `onDropped` (which
 * writes a rumor among them to the ledger, its actions withheld). With a `journal`, each update is
 * on disk before the middleware returns and marked done once handled (or dropped), so one that a
 * crash caught waiting is handled at the next start (see TelegramAdapter.launch).
 */
export function queueUpdatesByChat(
  bot: Telegraf,
  log: Logger,
  onDropped: (update: Update) => void,
  maxPerChat?: number,
  journal?: InboxJournal,
): ChatInbox<QueuedUpdate> {
  const settle = (ctx: Context) => journal?.done(String(ctx.update.update_id));
  const inbox = new ChatInbox<QueuedUpdate>({
    ...(maxPerChat === undefined ? {} : { maxPerKey: maxPerChat }),
    handle: async ({ ctx, next }) => {
      try {
        await next();
      } finally {
        settle(ctx);
      }
    },
    // What bot.catch does for updates handled in place.
    onError: (err, { ctx }) => log.error({ err, update: ctx.update.update_id, type: ctx.updateType }, 'telegram: update failed'),
    onDrop: ({ ctx }, chat, reason) => {
      log.warn(
        { chat, update: ctx.update.update_id, message: messageIdOf(ctx.update), reason },
        reason === 'full' ? 'telegram: this chat sends faster than it can be read; update dropped unread' : 'telegram: stopping; update dropped unread',
      );
      onDropped(ctx.update);
      settle(ctx);
    },
  });
  bot.use(async (ctx, next) => {
    const chat = chatOfUpdate(ctx.update);
    if (chat === undefined) return next();
    // On disk before Telegram is answered (see InboxJournal): a crash before it is handled loses nothing.
    if (journal) {
      await journal.record(String(ctx.update.update_id), ctx.update).catch((err: unknown) => {
        log.error({ err, file: journal.path }, 'telegram: the update journal cannot be written; a crash now would lose the updates waiting');
      });
    }
    inbox.push(String(chat), { ctx, next });
    return undefined;
  });
  return inbox;
}
