import type { CallbackQuery, Message } from 'telegraf/types';
import { resolveDebunkRef } from '../../src/debunks/debunkRef.js';
import { inScript } from '../../src/engine/script.js';
import { parseButton } from './buttons.js';
import { answer, type AdapterDeps } from './deps.js';
import { sourcesPopup } from './replies.js';
import { languageOf, text, textHtml, traditionalOf } from './texts.js';
import { displayName, type GroupChat, isGroupChat, messageLink, senderOf, textOf, topicOf } from './toChatMessage.js';

/**
 * Where the message a report or dispute is about is: its forum topic too, where a refutation
 * or notice after review goes (see toChatMessage: the topic is the message's channel).
 */
const aboutMessage = (chat: GroupChat, messageId: number, topic: number | undefined) => ({
  platform: 'telegram',
  groupId: String(chat.id),
  messageId: String(messageId),
  ...(topic !== undefined ? { channelId: String(topic) } : {}),
});

/** `/report` as a reply: queues the replied-to message for the admins' review. */
export async function reportMessage(deps: AdapterDeps, message: Message.TextMessage, chat: GroupChat): Promise<void> {
  const lang = languageOf(message.from?.language_code);
  const traditional = traditionalOf(message.from?.language_code);
  const reporter = senderOf(message, chat);
  const target = message.reply_to_message;
  if (!reporter) return;
  if (!target) {
    answer(deps, message, inScript(textHtml(lang, 'reportHowTo'), traditional), 'low', `howto:${reporter.id}`);
    return;
  }
  // The bot's own answer: Telegram does not say which message it answered, so the report could
  // name no rumor and could never be resolved (real-client QA). The member is told what to report.
  if (target.from?.id !== undefined && target.from.id === deps.botId()) {
    answer(deps, message, inScript(textHtml(lang, 'botReplyNotReported'), traditional), 'low', `howto:${reporter.id}`);
    return;
  }
  const note = message.text.split(/\s+/).slice(1).join(' ');
  // The reported message's text and author go with the report: the admins review what was said.
  const text = textOf(target);
  const author = senderOf(target, chat);
  const link = messageLink(chat, target.message_id);
  const about = {
    ...aboutMessage(chat, target.message_id, topicOf(target)),
    ...(text !== undefined && author ? { text, member: { id: author.id, name: author.name }, sentAt: target.date * 1000, ...(link ? { link } : {}) } : {}),
  };
  const r = await deps.moderator.onFeedback('report', about, reporter, note);
  const reply = r.ok ? 'reported' : r.error === 'duplicate' ? 'alreadyReported' : r.error === 'member_limit' ? 'tooManyOpen' : 'queueFull';
  answer(deps, message, inScript(textHtml(lang, reply), traditional), 'low', `report:${reporter.id}`);
}

/**
 * A press on a refutation's button. "Sources" answers privately with a pop-up; "Not a rumor?"
 * queues the member's objection (one per member and message) and tells them the count so far.
 */
export async function pressButton(deps: AdapterDeps, query: CallbackQuery): Promise<void> {
  const data = 'data' in query ? query.data : undefined;
  const press = data ? parseButton(data) : undefined;
  const lang = languageOf(query.from.language_code);
  const traditional = traditionalOf(query.from.language_code);
  const reply = (textToShow: string, alert = false) => deps.telegram.answerCbQuery(query.id, textToShow, { show_alert: alert });
  const chat = query.message?.chat;
  if (!press || !chat || !isGroupChat(chat)) {
    await reply('');
    return;
  }
  const debunk = resolveDebunkRef(press.debunkRef, (id) => deps.engine.debunk(id), () => deps.engine.debunks());
  if (press.kind === 'sources') {
    await reply(debunk ? sourcesPopup(debunk) : inScript(text(lang, 'noMatch'), traditional), true);
    return;
  }
  // The refutation replies to the message disputed: its text goes with the dispute, so the
  // false positive covers near copies of it too.
  const disputed = query.message && 'reply_to_message' in query.message ? query.message.reply_to_message : undefined;
  const disputedText = disputed && disputed.message_id === press.messageId ? textOf(disputed) : undefined;
  const disputedAuthor = disputed ? senderOf(disputed, chat) : undefined;
  const about = {
    // The refutation pressed is in the disputed message's topic.
    ...aboutMessage(chat, press.messageId, query.message ? topicOf(query.message) : undefined),
    ...(disputed && disputedText !== undefined && disputedAuthor ? { text: disputedText, member: { id: disputedAuthor.id, name: disputedAuthor.name }, sentAt: disputed.date * 1000 } : {}),
  };
  const by = { id: String(query.from.id), name: displayName(query.from) };
  const r = await deps.moderator.onFeedback('not_a_rumor', about, by, '', debunk?.id);
  if (!r.ok) {
    await reply(inScript(text(lang, r.error === 'duplicate' ? 'alreadyVoted' : r.error === 'member_limit' ? 'tooManyOpen' : 'queueFull'), traditional));
    return;
  }
  const open = (await deps.moderator.feedback?.open(String(chat.id))) ?? [];
  const count = open.filter((i) => i.kind === 'not_a_rumor' && i.messageId === String(press.messageId)).length;
  await reply(inScript(text(lang, 'disputed', { n: count }), traditional));
}
