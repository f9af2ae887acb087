import { escapeMarkdown } from 'discord.js';
import { plainText } from '../../src/engine/plainText.js';
import { httpUrl } from '../../src/lib/httpUrl.js';

/**
 * Discord markup that discord.js's `escapeMarkdown` leaves live: its masked-link option escapes
 * only the first `[` of a text (so `[a](b)[Appeal](https://ev.il)` keeps a link), and it knows
 * no block quotes (`>`, `>>>`), subtext (`-#`), timestamps (`<t:…>`) or command mentions (`</cmd:id>`).
 */
const BRACKETS = /[[\]]/g;
const LINE_START_MARKUP = /^(\s*)(>|-#)/gm;
const TAG_MARKUP = /<(?=\/|t:|a?:\w|id:)/g;

/**
 * Text that Discord shows as written: timestamps, command mentions, custom emoji and navigation
 * links (`<t:…>`, `</cmd:id>`, `<:x:1>`, `<id:customize>`) broken by a zero-width space after
 * their `<` first (escapeMarkdown leaves `_` and `__` live after anything shaped like a custom
 * emoji: "<:x:1> _it_ __ul__" came out in italics and underlined), then every markdown character
 * escaped by discord.js's own `escapeMarkdown` (headings and lists included), then every
 * bracket, line-start quote or subtext marker. Line breaks are kept.
 */
export const escapeDiscordMarkdown = (text: string): string =>
  escapeMarkdown(text.replace(TAG_MARKUP, '<\u200B'), { heading: true, bulletedList: true, numberedList: true, maskedLink: false })
    .replace(BRACKETS, (c) => `\\${c}`)
    .replace(LINE_START_MARKUP, (_, space: string, mark: string) => `${space}\\${mark}`);

/**
 * Untrusted text (member names, database entries) for a Discord message or embed: mentions,
 * controls and line breaks neutralized (plainText), then Discord markdown escaped, so nothing a
 * member or a database entry wrote becomes a ping, a link, a heading, a quote or a spoiler.
 */
export const safeText = (text: string, maxLength = 500): string => escapeDiscordMarkdown(plainText(text, maxLength));

/**
 * A markdown link to a source, or undefined when the URL is not plain http(s). The URL is put in
 * angle brackets (no embed preview) with the characters that would end it percent-encoded.
 */
export function markdownLink(url: string, label: string): string | undefined {
  const parsed = httpUrl(url);
  if (!parsed) return undefined;
  const href = parsed.href.replace(/[()<>[\]\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${safeText(label.replace(BRACKETS, ''), 200)}](<${href}>)`;
}
