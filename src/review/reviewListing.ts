import { VERDICTS } from '../debunks/schema.js';
import type { Language } from '../engine/templates.js';
import { DEFAULT_REPLY_LIMIT, replyPage, type ReplyLimit } from '../commands/replyPages.js';
import { plainName, plainText } from '../engine/plainText.js';
import { ellipsize } from '../lib/cutText.js';
import { fillTemplate } from '../lib/fillTemplate.js';
import type { ReviewItem } from './reviewItems.js';
import { REVIEW_TEXTS, type ReviewTextName } from './reviewTexts.js';

/** Characters of a reported message shown in the chat listing; the dashboard shows it whole. */
const SHOWN_CHARS = 200;
/** Reporters named in the listing; the rest are counted. */
const SHOWN_REPORTERS = 3;

/**
 * The review queue as chat text, page `page` of it within the platform's `limit`: each item with
 * the reported message (time, author, text, link), who reported it, how many similar messages it
 * gathers, and the command that decides it. What members wrote (names, the message, notes) is
 * neutralized like every text of theirs the bot repeats: no mentions, controls, direction
 * overrides or line breaks. Plain text: the adapter escapes it for its platform.
 */
export function reviewListing(items: readonly ReviewItem[], lang: Language, page = 1, limit: ReplyLimit = DEFAULT_REPLY_LIMIT): string {
  const t = (name: ReviewTextName, values: Record<string, string | number> = {}) => fillTemplate(REVIEW_TEXTS[lang][name], values);
  if (items.length === 0) return t('queueEmpty');
  const blocks = items.map((item, i) => {
    const names = item.reporters.slice(0, SHOWN_REPORTERS).map((r) => plainName(r.name, 64));
    if (item.reporters.length > SHOWN_REPORTERS) names.push(`+${item.reporters.length - SHOWN_REPORTERS}`);
    // Items are set apart by an empty line.
    const lines = [`${i > 0 ? '\n' : ''}${t('itemHead', { id: item.id, kind: t(item.kind === 'report' ? 'report' : 'dispute'), n: item.feedback.length, reporters: names.join(', ') })}`];
    if (item.debunkId) lines.push(`  ${t('matched', { debunk: item.debunkId })}`);
    const m = item.message;
    if (m) {
      const time = m.sentAt === undefined ? '' : new Date(m.sentAt).toISOString().slice(0, 16).replace('T', ' ');
      lines.push(`  ${t('message', { time, author: plainName(m.author.name, 64), text: plainText(m.text, SHOWN_CHARS) }).trim()}`);
      if (m.link) lines.push(`  ${plainText(m.link, 300)}`);
    } else lines.push(`  ${t('noText')}`);
    if (item.messageIds.length > 1) lines.push(`  ${t('similar', { n: item.messageIds.length - 1 })}`);
    for (const note of item.notes.slice(0, 2)) lines.push(`  · ${plainText(note, 120)}`);
    lines.push(`  ${t(item.kind === 'report' ? 'hintReport' : 'hintDispute', { id: item.id, verdicts: VERDICTS.join(', ') })}`);
    return lines.join('\n');
  });
  // Whole items, oldest first, cut into pages that fit one chat message each.
  const footer = (at: number, pages: number) => t('queuePage', { page: at, pages });
  const listed = replyPage(blocks, page, limit, footer, ellipsize);
  if (Math.floor(page) <= listed.pages) return listed.text;
  // A page past the last: the last, said to be so ("/rg queue 99" showed page 1 as if it were 99).
  const note = t('noSuchPage', { asked: Math.floor(page), pages: listed.pages });
  const room = { ...limit, maxLength: limit.maxLength - limit.measure(`${note}\n`) };
  return `${note}\n${replyPage(blocks, page, room, footer, ellipsize).text}`;
}
