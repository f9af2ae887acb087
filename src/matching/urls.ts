/**
 * Links in chat text; bounded so a pathological message cannot make the scan quadratic. A scheme
 * may follow a word without a space ("#DefundTheCBChttps://t.co/…", as tweets are often copied),
 * and Twitter's picture links come without one ("pic.twitter.com/…", even glued to a hashtag).
 */
const URL = /(?:https?:\/\/|\bwww\.|pic\.twitter\.com\/)[^\s<>"'`]{1,2048}/gi;

const WWW = /www\./i;

/** The links in a message, in order. */
export function findUrls(text: string): { url: string; start: number; end: number }[] {
  // Every link holds a slash ("://", "pic.twitter.com/") or "www.": most chat holds neither.
  if (!text.includes('/') && !WWW.test(text)) return [];
  return [...text.matchAll(URL)].map((m) => ({ url: m[0], start: m.index, end: m.index + m[0].length }));
}

/**
 * Replaces links with spaces of the same length: a URL's path is noise to the matcher
 * ("pic.twitter.com/x8Kd…"), and keeping the length keeps every offset valid.
 */
export function blankUrls(text: string, urls: readonly { start: number; end: number }[]): string {
  if (urls.length === 0) return text;
  let out = '';
  let at = 0;
  for (const u of urls) {
    out += text.slice(at, u.start) + ' '.repeat(u.end - u.start);
    at = u.end;
  }
  return out + text.slice(at);
}

/** A link reduced to host + path, lowercase, for comparing with a debunk's sources. */
export function canonicalUrl(url: string): string {
  return url
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/[/.,;:!)]+$/, '');
}
