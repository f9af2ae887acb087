import { plainText } from '../../src/engine/plainText.js';
import { httpUrl } from '../../src/lib/httpUrl.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Escapes text for Telegram's HTML parse mode. Telegram reads only these four entities, so after
 * this nothing a member or a database entry wrote can open a tag, link or mention.
 */
export const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/** Untrusted text for a message: neutralized (no mentions, controls, line breaks), then escaped. */
export const htmlText = (text: string, maxLength = 500): string => escapeHtml(plainText(text, maxLength));

/**
 * A source link, or undefined when the URL is not plain http(s): a database entry cannot smuggle
 * a `tg://` or `javascript:` link into a reply.
 */
export function htmlLink(url: string, label: string): string | undefined {
  const parsed = httpUrl(url);
  if (!parsed) return undefined;
  return `<a href="${escapeHtml(parsed.href)}">${htmlText(label, 200)}</a>`;
}
