import { ellipsize } from '../lib/cutText.js';
import { DIRECTION_CHARS } from '../lib/directionChars.js';

/** Characters that change how text is shown rather than what it says (bidi overrides, controls). */
const CONTROL = new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F${DIRECTION_CHARS}]`, 'g');
/** Line breaks: a name or database text must not forge a line of its own in the bot's message. */
const LINE_BREAKS = /\s*[\r\n\u0085\u2028\u2029]+\s*/g;
/**
 * Mentions: "@everyone", "@here", "@username" (Telegram notifies the user) and Discord's
 * "<@123>" / "<@&123>" / "<#123>". A zero-width space after "@" or "<" keeps the text readable
 * while no platform turns it into a ping: the bot never mentions anyone because of what a
 * member's display name or a database entry says.
 */
const MENTION = /@(?=\w)|<(?=[@#])/g;

/**
 * Makes untrusted text (member names, database texts) safe to put into a message the bot sends
 * as plain text: no control or direction characters, no mentions, bounded length.
 */
export function plainText(text: string, maxLength = 500): string {
  const cleaned = text
    .replace(CONTROL, '')
    .replace(LINE_BREAKS, ' ')
    .replace(MENTION, (m) => `${m}\u200B`)
    .trim();
  return ellipsize(cleaned, maxLength);
}

/** A name's length at most in what the bot sends: Telegram's longest (a first and a last name of 64 each). */
export const MAX_NAME_CHARS = 128;

/**
 * The link-shaped parts of a name: a scheme's "://", and a dot between letters or digits (a
 * domain: Telegram links "discord-gift.example" without a scheme).
 */
const LINKISH = /:\/\/|(?<=[\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu;

/**
 * A member's name for a message the bot sends: plainText, and no link either. A zero-width space
 * in "://" and before a domain's dots keeps it readable while no platform makes it a link: a
 * display name "https://discord-gift.example/nitro" was a live link in the bot's own warning,
 * mute notice and owner alert.
 */
export function plainName(name: string, maxLength = MAX_NAME_CHARS): string {
  return plainText(name, maxLength).replace(LINKISH, (m) => (m === '://' ? ':\u200B//' : '\u200B.'));
}
