import type { ChatMessage } from '../engine/chatMessage.js';
import { undatedTime, type ChatlogEntry, type TextSource } from './chatlogEntry.js';
import { splitLines } from './splitLines.js';

/** The group every message of a plain text log belongs to. */
export const TEXT_LOG_GROUP = 'scan';
/** The member of a line without a `name:` prefix. */
export const UNKNOWN_MEMBER = 'unknown';

/**
 * `name: text` (or the full-width `name：text` of Chinese keyboards). The colon must be followed
 * by a space or be full-width, so a URL or a clock time ("10:15") is not taken for a name, and
 * names are kept short so a sentence with a colon in it stays text.
 */
const SPEAKER = /^([^:：\s][^:：]{0,31}?)\s*(?::\s+|：\s*)(\S.*)$/;

/**
 * Reads a plain text chat log: one message per line, optionally `name: text`. Blank lines are
 * skipped; every message is in group "scan", timed one minute after the line before.
 */
export async function* readTextLog(chunks: TextSource): AsyncGenerator<ChatlogEntry> {
  let line = 0;
  for await (const raw of splitLines(chunks)) {
    line += 1;
    const text = raw.trim();
    if (text === '') continue;
    yield { line, message: textLine(text, line) };
  }
}

/** One non-blank line of a text log as a message. */
export function textLine(text: string, line: number): ChatMessage {
  const speaker = SPEAKER.exec(text);
  const name = speaker ? speaker[1]!.trim() : UNKNOWN_MEMBER;
  return {
    platform: 'scan',
    groupId: TEXT_LOG_GROUP,
    messageId: String(line),
    member: { id: name, name },
    text: speaker ? speaker[2]!.trim() : text,
    sentAt: undatedTime(line),
  };
}
