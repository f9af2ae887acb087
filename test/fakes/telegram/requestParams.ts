import type { IncomingMessage } from 'node:http';
import { badRequest } from './botApiError.js';
import type { ApiParams, UploadedFile } from './types.js';

/*
 * The Bot API accepts parameters in the query string, as JSON, as a urlencoded form or as
 * multipart/form-data. telegraf sends JSON for ordinary calls (`JSON.stringify` with null
 * and undefined dropped, so nested objects stay objects) and multipart when a parameter is a
 * file (`{ source }`); in a multipart body it JSON-encodes only `reply_markup`, `results`,
 * `mask_position`, `shipping_options` and `errors`, and sends every other value as text.
 * Forms carry only strings, so values are turned back into what JSON would have carried.
 */

/** Form fields that hold integers (ids and Unix times); only these become numbers. */
const INTEGER_FIELDS = new Set([
  'chat_id',
  'user_id',
  'message_id',
  'message_thread_id',
  'reply_to_message_id',
  'from_chat_id',
  'until_date',
  'offset',
  'limit',
  'timeout',
  'max_connections',
  'cache_time',
]);

/** Form fields that hold booleans. */
const BOOLEAN_FIELDS = new Set([
  'disable_notification',
  'protect_content',
  'allow_sending_without_reply',
  'disable_content_type_detection',
  'drop_pending_updates',
  'use_independent_chat_permissions',
  'show_alert',
  'revoke_messages',
  'only_if_banned',
]);

/** One form value as JSON would have carried it. */
function fromFormValue(field: string, value: string): unknown {
  if (value.startsWith('{') || value.startsWith('[')) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  if (INTEGER_FIELDS.has(field) && /^-?\d+$/.test(value)) return Number(value);
  if (BOOLEAN_FIELDS.has(field) && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/** The whole body of a request (or of the emulator's webhook POST). */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Multipart parsing borrows the platform: Node's `Response#formData()` (undici) parses
 * multipart/form-data, so no extra dependency is needed for a test fake.
 */
async function parseMultipart(body: Buffer, contentType: string, into: ApiParams): Promise<void> {
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  for (const [field, value] of form) {
    if (typeof value === 'string') {
      into[field] = fromFormValue(field, value);
    } else {
      const file: UploadedFile = {
        filename: value.name,
        contentType: value.type,
        content: Buffer.from(await value.arrayBuffer()),
      };
      into[field] = file;
    }
  }
}

/**
 * All parameters of one Bot API request: query string first, then the body (JSON,
 * urlencoded or multipart), body winning on a clash as it does at Telegram.
 *
 * @throws BotApiError 400 when the body cannot be parsed.
 */
export async function readParams(req: IncomingMessage, url: URL): Promise<ApiParams> {
  const params: ApiParams = {};
  for (const [field, value] of url.searchParams) params[field] = fromFormValue(field, value);

  const body = await readBody(req);
  if (body.length === 0) return params;
  const contentType = req.headers['content-type'] ?? '';

  if (contentType.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw badRequest("can't parse JSON object");
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw badRequest('JSON object expected');
    return { ...params, ...(parsed as ApiParams) };
  }
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    for (const [field, value] of new URLSearchParams(body.toString('utf8'))) params[field] = fromFormValue(field, value);
    return params;
  }
  if (contentType.startsWith('multipart/form-data')) {
    try {
      await parseMultipart(body, contentType, params);
    } catch {
      throw badRequest("can't parse multipart/form-data body");
    }
    return params;
  }
  throw badRequest(`unsupported content type '${contentType}'`);
}

/** True for a file that arrived in a multipart body. */
export function isUploadedFile(value: unknown): value is UploadedFile {
  return (
    typeof value === 'object' &&
    value !== null &&
    Buffer.isBuffer((value as UploadedFile).content) &&
    typeof (value as UploadedFile).filename === 'string'
  );
}
