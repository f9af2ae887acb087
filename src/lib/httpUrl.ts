/**
 * The URL if it is plain http(s), else undefined: database entries and names cannot smuggle a
 * `javascript:`, `tg://` or `discord://` link into what the bot sends.
 */
export function httpUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}
