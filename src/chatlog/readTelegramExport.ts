import { z } from 'zod';
import { describeIssues } from '../debunks/describeIssues.js';
import { formatFieldPath } from '../debunks/loadProblem.js';
import type { ChatMessage } from '../engine/chatMessage.js';
import type { ChatlogEntry, TextSource } from './chatlogEntry.js';
import { JsonPicker, type JsonPathSegment, type PickedValue } from './jsonPicker.js';
import { parseTimestamp } from './parseTimestamp.js';

/** The chat fields read besides the messages; Telegram Desktop writes them before `messages`. */
const CHAT_FIELDS = new Set(['id', 'name', 'type']);
/** A full export ("Export Telegram data") lists chats under these keys. */
const CHAT_LISTS = new Set(['chats', 'left_chats']);

/**
 * Where a chat object sits: the root of a single-chat export (`[]`), or `chats.list[n]` /
 * `left_chats.list[n]` of a full export.
 */
function isChatPath(path: readonly JsonPathSegment[]): boolean {
  if (path.length === 0) return true;
  return path.length === 3 && CHAT_LISTS.has(path[0] as string) && path[1] === 'list' && typeof path[2] === 'number';
}

/** The values the reader takes whole: each message, and the chat's id, name and type. */
function wanted(path: readonly JsonPathSegment[]): boolean {
  const last = path[path.length - 1];
  if (typeof last === 'number') return path[path.length - 2] === 'messages' && isChatPath(path.slice(0, -2));
  return last !== undefined && CHAT_FIELDS.has(last) && isChatPath(path.slice(0, -1));
}

const NOT_AN_EXPORT = 'not a Telegram Desktop export (expected {"name", "type", "id", "messages": […]} or {"chats": {"list": […]}})';

/** A part of a formatted text: plain text, or an entity such as `{"type": "bold", "text": "…"}`. */
const TextPart = z.union([z.string(), z.looseObject({ type: z.string(), text: z.string() })]);
const id = z.union([z.string(), z.number().transform(String)]);

/** A Telegram Desktop message, of the fields RumorGuard reads; the export has many more. */
const TelegramMessageSchema = z.looseObject({
  id,
  type: z.string(),
  date: z.string().optional(),
  date_unixtime: id.optional(),
  edited: z.string().optional(),
  edited_unixtime: id.optional(),
  from: z.string().nullish(),
  from_id: id.nullish(),
  forwarded_from: z.string().nullish(),
  text: z.union([z.string(), z.array(TextPart)]).optional(),
  /** A photo: its path in the export folder (`photos/photo_1@…jpg`), or a note that it was not exported. */
  photo: z.string().optional(),
  /** A file sent as a document; a picture when `mime_type` says so. */
  file: z.string().optional(),
  mime_type: z.string().optional(),
});
type TelegramMessage = z.output<typeof TelegramMessageSchema>;

interface ChatHeader {
  id?: string;
  name?: string;
}

/**
 * Reads the `result.json` Telegram Desktop writes ("Export chat history" → JSON): one chat
 * (`{name, type, id, messages}`) or a full export (`{chats: {list: [...]}}`). The file is read as
 * a stream, one message at a time, so exports of any size work. Service messages (joins, pins)
 * and messages with neither text nor a picture are skipped silently; a message with a picture
 * names it (`picture`, relative to the export's folder) for `scan` to read; a message that is
 * broken is reported with the line it starts on. Each chat is a group, its id the chat id.
 */
export async function* readTelegramExport(chunks: TextSource): AsyncGenerator<ChatlogEntry> {
  const picker = new JsonPicker({ wanted });
  const chats = new Map<string, ChatHeader>();
  let first = true;
  let sawChat = false;
  for await (let chunk of chunks) {
    if (first && chunk.length > 0) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    for (const item of picker.feed(chunk)) {
      if ('error' in item) {
        yield { line: item.line, error: sawChat ? item.error : `${item.error}; ${NOT_AN_EXPORT}`, fatal: true };
        return;
      }
      sawChat = true;
      const entry = take(item, chats);
      if (entry) yield entry;
    }
  }
  const end = picker.end();
  if (end) {
    yield { line: end.line, error: end.error, fatal: true };
  } else if (!sawChat) {
    yield { line: 1, error: NOT_AN_EXPORT, fatal: true };
  }
}

/** A picked value: a chat field is remembered, a message becomes an entry (or nothing). */
function take(item: PickedValue, chats: Map<string, ChatHeader>): ChatlogEntry | undefined {
  const field = item.path[item.path.length - 1];
  const chatKey = JSON.stringify(typeof field === 'number' ? item.path.slice(0, -2) : item.path.slice(0, -1));
  const chat = chats.get(chatKey) ?? {};
  chats.set(chatKey, chat);
  if (item.json === undefined) return { line: item.line, error: 'value too large: skipped' };
  let value: unknown;
  try {
    value = JSON.parse(item.json);
  } catch (err) {
    return typeof field === 'number' ? { line: item.line, error: `not valid JSON: ${(err as Error).message}` } : undefined;
  }
  if (typeof field === 'string') {
    if (field === 'id' && (typeof value === 'number' || typeof value === 'string')) chat.id = String(value);
    if (field === 'name' && typeof value === 'string') chat.name = value;
    return undefined;
  }
  return telegramMessage(value, item.line, chat);
}

/**
 * One element of a chat's `messages`, as an entry; undefined for what is skipped silently
 * (service messages, messages without text).
 */
export function telegramMessage(value: unknown, line: number, chat: ChatHeader): ChatlogEntry | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { line, error: 'a message must be an object' };
  const kind = (value as { type?: unknown }).type;
  if (kind !== undefined && kind !== 'message') return undefined;
  const parsed = TelegramMessageSchema.safeParse(value);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error.issues, TelegramMessageSchema, value);
    return { line, error: issues.map((i) => `${formatFieldPath(i.path)}: ${i.message}`).join('; ') };
  }
  const m = parsed.data;
  const text = plainTextOf(m.text);
  const picture = pictureOf(m);
  if (text.trim() === '' && picture === undefined) return undefined;
  const sentAt = sentAtOf(m);
  if (sentAt === undefined) return { line, error: `message ${m.id}: no valid date or date_unixtime` };
  const memberId = m.from_id ? m.from_id.replace(/^user(?=\d+$)/, '') : (m.from ?? 'unknown');
  const message: ChatMessage = {
    platform: 'telegram',
    groupId: chat.id ?? chat.name ?? 'telegram',
    messageId: m.id,
    // Deleted accounts have `from: null`.
    member: { id: memberId, name: m.from ?? 'Deleted Account' },
    text,
    sentAt,
    ...(m.edited !== undefined || m.edited_unixtime !== undefined ? { edited: true } : {}),
    ...(m.forwarded_from !== undefined ? { forwarded: true } : {}),
  };
  return { line, message, ...(picture !== undefined ? { picture } : {}) };
}

/**
 * The picture's path in the export, when the export has it: Telegram Desktop writes a note in
 * its place ("(File not included. …)") when photos were not exported.
 */
function pictureOf(m: TelegramMessage): string | undefined {
  const path = m.photo ?? (m.mime_type?.startsWith('image/') ? m.file : undefined);
  if (path === undefined || path.startsWith('(') || path.includes('..') || path.startsWith('/')) return undefined;
  return path;
}

/** The text of a message: a string, or plain strings and entities (bold, links, …) joined. */
export function plainTextOf(text: TelegramMessage['text']): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text.map((part) => (typeof part === 'string' ? part : part.text)).join('');
}

/**
 * When the message was first sent. `date_unixtime` is exact; `date` is the exporting computer's
 * local time without a zone, read as local time. An edit keeps the message's place in history.
 */
function sentAtOf(m: TelegramMessage): number | undefined {
  if (m.date_unixtime !== undefined) {
    const ms = parseTimestamp(m.date_unixtime);
    if (ms !== undefined) return ms;
  }
  return m.date !== undefined ? parseTimestamp(m.date) : undefined;
}
