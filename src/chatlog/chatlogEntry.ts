import type { ChatMessage } from '../engine/chatMessage.js';

/**
 * One item read from a chat history: a message, or why the line (or Telegram message) at `line`
 * was skipped. A reader never throws for bad input; it reports the line and reads on.
 */
export type ChatlogEntry =
  | {
      line: number;
      message: ChatMessage;
      /** A picture of the message, as a path relative to the export's folder (Telegram Desktop's `photos/…`). */
      picture?: string;
    }
  | {
      line: number;
      error: string;
      /** The reader had to stop here: nothing after this point of the file was read. */
      fatal?: boolean;
    };

/** The chat history formats `scan` reads. */
export const CHATLOG_FORMATS = ['text', 'jsonl', 'telegram'] as const;
export type ChatlogFormat = (typeof CHATLOG_FORMATS)[number];

/** Where a source of lines or text chunks may come from: a file stream, or a list in tests. */
export type TextSource = AsyncIterable<string> | Iterable<string>;

/**
 * Messages without their own time are placed on a made-up clock: this start, one minute per
 * line. A fixed start keeps scans reproducible (strike decay and repeat windows depend on it).
 */
export const UNDATED_START_MS = Date.UTC(2025, 0, 1);

/** The made-up time of an undated message on line `line` (1-based). */
export function undatedTime(line: number): number {
  return UNDATED_START_MS + (line - 1) * 60_000;
}
