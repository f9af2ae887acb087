/** Characters that change how text is shown rather than what it says (bidi overrides, controls). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;
/**
 * Mass mentions and platform mention syntax. A zero-width space after "@" or "<" keeps the text
 * readable while no platform turns it into a ping: the bot never mass-mentions, whatever a
 * member's display name or a database entry says.
 */
const MENTION = /@(everyone|here|all|channel)\b|<(@[!&]?|#)(\d+)>/gi;

/**
 * Makes untrusted text (member names, database texts) safe to put into a message the bot sends
 * as plain text: no control or direction characters, no mentions, bounded length.
 */
export function plainText(text: string, maxLength = 500): string {
  const cleaned = text
    .replace(CONTROL, '')
    .replace(MENTION, (m) => `${m[0]}\u200B${m.slice(1)}`)
    .trim();
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength - 1)}…` : cleaned;
}
