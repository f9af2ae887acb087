import type { Telegraf } from 'telegraf';
import { groupRg, linkAlertsFromElsewhere } from './adminCommands.js';
import type { AdapterDeps } from './deps.js';
import { migrateGroup } from './groupMigration.js';
import type { GroupModeration } from './groupModeration.js';
import { pressButton, reportMessage } from './memberActions.js';
import { lookup, startPrivate } from './privateChat.js';
import { languageOf, textHtml } from './texts.js';
import { isGroupChat } from './toChatMessage.js';

/**
 * The bot's one middleware boundary: which update goes to which handler. Commands are matched
 * first, so `/report` or `/check <rumor>` is never moderated as a rumor itself.
 */
export function registerHandlers(bot: Telegraf, deps: AdapterDeps, moderation: GroupModeration): void {
  // One error boundary: a failed update is logged (tokens scrubbed by the logger), never fatal.
  bot.catch((err, ctx) => {
    deps.log.error({ err, update: ctx.update.update_id, type: ctx.updateType }, 'telegram: update failed');
  });

  bot.on('my_chat_member', async (ctx) => {
    const change = ctx.myChatMember;
    if (!isGroupChat(change.chat) || change.new_chat_member.user.id !== ctx.botInfo.id) return;
    deps.admins.forget(change.chat.id);
    const status = change.new_chat_member.status;
    const joined = (status === 'member' || status === 'administrator') && (change.old_chat_member.status === 'left' || change.old_chat_member.status === 'kicked');
    const blind = status === 'member' && !ctx.botInfo.can_read_all_group_messages;
    if (!joined && !blind) return;
    const settings = await deps.engine.settingsFor(String(change.chat.id));
    const lang = settings.language === 'zh' ? 'zh' : languageOf(change.from.language_code);
    // Added to a group: what it does and how to set it up, once; unless it cannot see the group's
    // messages, which is what the group must hear first.
    void deps.enqueue(change.chat.id, 'high', { kind: 'html', html: textHtml(lang, blind ? 'cannotSeeAll' : 'welcome') });
  });

  // In a group these mean nothing to the bot, but a rumor written after them is still a rumor.
  bot.command(['start', 'help'], async (ctx) => {
    if (ctx.chat.type === 'private') await startPrivate(deps, ctx.message);
    else await moderation.moderate(ctx.message, false);
  });
  bot.command('check', (ctx) => lookup(deps, ctx.message, ctx.payload));
  bot.command('rg', async (ctx) => {
    const chat = ctx.chat;
    if (isGroupChat(chat)) await groupRg(deps, ctx.message, chat);
    else await linkAlertsFromElsewhere(deps, ctx.message);
  });
  bot.command('report', async (ctx) => {
    if (!isGroupChat(ctx.chat)) return;
    await reportMessage(deps, ctx.message, ctx.chat);
    if (!ctx.message.reply_to_message) await moderation.moderate(ctx.message, false);
  });
  bot.on('callback_query', (ctx) => pressButton(deps, ctx.callbackQuery));
  bot.on('message', async (ctx) => {
    const message = ctx.message;
    if ('migrate_to_chat_id' in message) return migrateGroup(deps, message.chat.id, message.migrate_to_chat_id);
    if (ctx.chat.type === 'private') lookup(deps, ctx.message, undefined);
    else await moderation.moderate(ctx.message, false);
  });
  bot.on('edited_message', (ctx) => moderation.moderate(ctx.editedMessage, true));
}
