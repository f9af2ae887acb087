import { VERDICTS } from '../debunks/schema.js';
import type { Language } from '../engine/templates.js';
import { fillTemplate } from '../lib/fillTemplate.js';
import type { ReviewItem } from './reviewItems.js';
import { REVIEW_TEXTS, type ReviewTextName } from './reviewTexts.js';

/** Characters of a reported message shown in the chat listing; the dashboard shows it whole. */
const SHOWN_CHARS = 200;
/** Characters of one listing: Telegram's 4,096 after escaping, with room to spare. */
const MAX_LISTING = 3000;
/** Reporters named in the listing; the rest are counted. */
const SHOWN_REPORTERS = 3;

/**
 * The review queue as chat text: each item with the reported message (time, author, text, link),
 * who reported it, how many similar messages it gathers, and the command that decides it. Plain
 * text: the adapter escapes it for its platform.
 */
export function reviewListing(items: readonly ReviewItem[], lang: Language, maxChars = MAX_LISTING): string {
  const t = (name: ReviewTextName, values: Record<string, string | number> = {}) => fillTemplate(REVIEW_TEXTS[lang][name], values);
  if (items.length === 0) return t('queueEmpty');
  const blocks = items.map((item) => {
    const names = item.reporters.slice(0, SHOWN_REPORTERS).map((r) => r.name);
    if (item.reporters.length > SHOWN_REPORTERS) names.push(`+${item.reporters.length - SHOWN_REPORTERS}`);
    const lines = [t('itemHead', { id: item.id, kind: t(item.kind === 'report' ? 'report' : 'dispute'), n: item.feedback.length, reporters: names.join(', ') })];
    if (item.debunkId) lines.push(`  ${t('matched', { debunk: item.debunkId })}`);
    const m = item.message;
    if (m) {
      const time = m.sentAt === undefined ? '' : new Date(m.sentAt).toISOString().slice(0, 16).replace('T', ' ');
      const text = m.text.length > SHOWN_CHARS ? `${m.text.slice(0, SHOWN_CHARS - 1)}…` : m.text;
      lines.push(`  ${t('message', { time, author: m.author.name, text: text.replace(/\s+/g, ' ') }).trim()}`);
      if (m.link) lines.push(`  ${m.link}`);
    } else lines.push(`  ${t('noText')}`);
    if (item.messageIds.length > 1) lines.push(`  ${t('similar', { n: item.messageIds.length - 1 })}`);
    for (const note of item.notes.slice(0, 2)) lines.push(`  · ${note.slice(0, 120)}`);
    lines.push(`  ${t(item.kind === 'report' ? 'hintReport' : 'hintDispute', { id: item.id, verdicts: VERDICTS.join(', ') })}`);
    return lines.join('\n');
  });
  // One chat message: whole items, oldest first, then how many more wait (Telegram takes 4,096).
  const shown: string[] = [];
  let length = 0;
  for (const block of blocks) {
    if (shown.length > 0 && length + block.length + 2 > maxChars) break;
    shown.push(block);
    length += block.length + 2;
  }
  if (shown.length < blocks.length) shown.push(t('more', { n: blocks.length - shown.length }));
  return shown.join('\n\n');
}
