import type { Message } from 'telegraf/types';
import { answer, type AdapterDeps } from './deps.js';
import { lookupHtml } from './replies.js';
import { languageOf, textHtml } from './texts.js';
import { textOf } from './toChatMessage.js';

/**
 * Longest text looked up: a Telegram message's whole text (4,096), so a forwarded post is read to
 * its end, as the same post in a group is (a rumor at the end of a long forward was missed).
 */
const MAX_LOOKUP = 4096;

/** `/start` in private: the bot may now send this user owner alerts; it says what it does. */
export async function startPrivate(deps: AdapterDeps, message: Message.TextMessage): Promise<void> {
  if (message.from) await deps.alerts.markStarted(message.from.id);
  answer(deps, message, textHtml(languageOf(message.from?.language_code), 'start'));
}

/**
 * The fact-check tipline: `/check <text>`, or any message forwarded or written to the bot in
 * private, is answered with the best matches and their refutations.
 */
export function lookup(deps: AdapterDeps, message: Message, query: string | undefined): void {
  // In a group, a member is answered once in a while (see AdapterDeps.courtesy); in private, always.
  if (message.chat.type !== 'private' && !deps.courtesy.checks.take(JSON.stringify([message.chat.id, message.from?.id ?? message.sender_chat?.id]))) return;
  const lang = languageOf(message.from?.language_code);
  const asked = (query ?? textOf(message) ?? '').slice(0, MAX_LOOKUP);
  const html = asked.trim() === '' ? textHtml(lang, 'checkHowTo') : lookupHtml(deps.engine.lookup(asked, 3), lang);
  answer(deps, message, html, 'low', `lookup:${message.from?.id}`);
}
