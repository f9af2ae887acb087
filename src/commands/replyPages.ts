/**
 * How long an answer may be where it is shown: Telegram refuses a message over 4,096 characters,
 * Discord over 2,000, each counted after the platform's own escaping, which `measure` applies.
 */
export interface ReplyLimit {
  /** @defaultValue 4096 */
  maxLength: number;
  /** The length of `text` as the platform will send it. @defaultValue the text's own length */
  measure(text: string): number;
}

export const DEFAULT_REPLY_LIMIT: ReplyLimit = { maxLength: 4096, measure: (text) => text.length };

/**
 * Page `page` (from 1; past the last gives the last) of `lines` cut into pages that each fit
 * `limit` with their footer; whole lines only (a line that alone does not fit is cut by
 * `shorten`). Linear in the lines.
 */
export function replyPage(
  lines: readonly string[],
  page: number,
  limit: ReplyLimit,
  footer: (page: number, pages: number) => string,
  shorten: (line: string, room: number) => string,
): { text: string; page: number; pages: number } {
  // Room for the longest footer there can be (the page numbers' digits at their widest).
  const room = limit.maxLength - limit.measure(`\n${footer(lines.length, lines.length)}`);
  const pages: string[][] = [];
  let current: string[] = [];
  let used = 0;
  for (const raw of lines) {
    let line = raw;
    let size = limit.measure(line);
    if (size > room) {
      line = shorten(line, Math.floor(room / 2));
      size = limit.measure(line);
    }
    const added = (current.length > 0 ? 1 : 0) + size;
    if (current.length > 0 && used + added > room) {
      pages.push(current);
      current = [];
      used = 0;
    }
    used += (current.length > 0 ? 1 : 0) + size;
    current.push(line);
  }
  if (current.length > 0) pages.push(current);
  const at = Math.min(Math.max(1, Math.floor(page) || 1), Math.max(1, pages.length));
  const body = (pages[at - 1] ?? []).join('\n');
  return { text: pages.length > 1 ? `${body}\n${footer(at, pages.length)}` : body, page: at, pages: pages.length };
}
