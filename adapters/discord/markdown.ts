import { escapeMarkdown } from 'discord.js';
import { plainText } from '../../src/engine/plainText.js';
import { httpUrl } from '../../src/lib/httpUrl.js';

/**
 * Untrusted text (member names, database entries) for a Discord message or embed: mentions,
 * controls and line breaks neutralized (plainText), then Discord markdown escaped, so nothing a
 * member or a database entry wrote becomes a ping, a link, a heading or a spoiler.
 */
export const safeText = (text: string, maxLength = 500): string =>
  // Masked links, headings and lists are not escaped by default; a rumor text must not make any.
  escapeMarkdown(plainText(text, maxLength), { maskedLink: true, heading: true, bulletedList: true, numberedList: true });

/**
 * A markdown link to a source, or undefined when the URL is not plain http(s). The URL is put in
 * angle brackets (no embed preview) with the characters that would end it percent-encoded.
 */
export function markdownLink(url: string, label: string): string | undefined {
  const parsed = httpUrl(url);
  if (!parsed) return undefined;
  const href = parsed.href.replace(/[()<>[\]\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${safeText(label, 200).replace(/[[\]]/g, '')}](<${href}>)`;
}
