import type { ChatlogEntry } from '../../src/chatlog/chatlogEntry.js';

/** Every entry a reader yields. */
export async function collect(entries: AsyncIterable<ChatlogEntry>): Promise<ChatlogEntry[]> {
  const out: ChatlogEntry[] = [];
  for await (const entry of entries) out.push(entry);
  return out;
}

/** Splits text into chunks of `size` characters, as a stream might deliver it. */
export function chunked(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}
