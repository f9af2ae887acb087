import { z } from 'zod';
import { describeIssues } from '../debunks/describeIssues.js';
import { formatFieldPath } from '../debunks/loadProblem.js';
import type { ChatMessage } from '../engine/chatMessage.js';
import { undatedTime, type ChatlogEntry, type TextSource } from './chatlogEntry.js';
import { parseTimestamp } from './parseTimestamp.js';
import { UNKNOWN_MEMBER } from './readTextLog.js';
import { splitLines } from './splitLines.js';

/** The group of a JSONL message that names none. */
export const JSONL_DEFAULT_GROUP = 'scan';

/** Ids may be written as text or as numbers (Telegram and Discord ids are numbers in exports). */
const id = z.union([z.string().trim().min(1, 'must not be empty'), z.number().transform(String)]);

const time = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const ms = parseTimestamp(value);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `not a date: use ISO 8601 or epoch seconds or milliseconds (got ${JSON.stringify(value)})` });
    return z.NEVER;
  }
  return ms;
});

/**
 * One line of a JSONL chat log. Fields other exporters add are ignored; `null` counts as absent,
 * as many exporters write it for a missing value.
 */
export const JsonlMessageSchema = z.looseObject({
  text: z.string().refine((t) => t.trim() !== '', 'the message has no text'),
  group: id.nullish(),
  member: z.string().nullish(),
  from: z.string().nullish(),
  memberId: id.nullish(),
  from_id: id.nullish(),
  date: time.nullish(),
  time: time.nullish(),
  id: id.nullish(),
  channel: id.nullish(),
  admin: z.boolean().nullish(),
});

/**
 * Reads a JSON Lines chat log one line at a time: `{text, group?, member?|from?, memberId?|from_id?,
 * date?|time?, id?, channel?, admin?}`. Blank lines are skipped; a line that is not JSON or lacks
 * text is reported with its number and skipped.
 */
export async function* readJsonlLog(chunks: TextSource): AsyncGenerator<ChatlogEntry> {
  let line = 0;
  for await (const raw of splitLines(chunks)) {
    line += 1;
    const source = raw.trim();
    if (source === '') continue;
    yield jsonlLine(source, line);
  }
}

/** One non-blank line of a JSONL log, as a message or a problem. */
export function jsonlLine(source: string, line: number): ChatlogEntry {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (err) {
    return { line, error: `not JSON: ${(err as Error).message}` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { line, error: 'expected an object such as {"text": "…", "member": "…"}' };
  }
  const parsed = JsonlMessageSchema.safeParse(json);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error.issues, JsonlMessageSchema, json).map(
      (i) => `${formatFieldPath(i.path)}: ${i.message === 'required' ? 'the message has no text' : i.message}`,
    );
    return { line, error: issues.join('; ') };
  }
  const m = parsed.data;
  const name = m.member ?? m.from ?? m.memberId ?? m.from_id ?? UNKNOWN_MEMBER;
  const message: ChatMessage = {
    platform: 'scan',
    groupId: m.group ?? JSONL_DEFAULT_GROUP,
    messageId: m.id ?? String(line),
    member: { id: m.memberId ?? m.from_id ?? name, name, ...(m.admin ? { isAdmin: true } : {}) },
    text: m.text,
    sentAt: m.date ?? m.time ?? undatedTime(line),
    ...(m.channel ? { channelId: m.channel } : {}),
  };
  return { line, message };
}
