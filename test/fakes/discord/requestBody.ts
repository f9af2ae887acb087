import type { IncomingMessage } from 'node:http';
import { DiscordApiError } from './discordError.js';
import type { ReceivedFile } from './types.js';

/*
 * Request bodies as @discordjs/rest sends them: JSON (`Content-Type: application/json`) for
 * ordinary calls, and multipart/form-data when files are attached, with the JSON body in a
 * `payload_json` field and each file in a `files[n]` part. Multipart is parsed by Node's own
 * `Response#formData()` (undici), so the fake needs no extra package.
 */

/** A request body, parsed. */
export interface ParsedBody {
  /** The JSON body, or `payload_json` parsed; undefined when there was no body. */
  json: unknown;
  files: ReceivedFile[];
}

const badBody = (why: string): DiscordApiError => new DiscordApiError(400, { message: `400: Bad Request (${why})`, code: 0 });

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DiscordApiError(400, { message: 'The request body contains invalid JSON.', code: 50109 });
  }
}

/**
 * Read and parse the body of `req`.
 *
 * @throws DiscordApiError 400 for malformed JSON or multipart, or an unsupported content type.
 */
export async function readRequestBody(req: IncomingMessage): Promise<ParsedBody> {
  const raw = await readAll(req);
  if (raw.length === 0) return { json: undefined, files: [] };
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.startsWith('application/json')) return { json: parseJson(raw.toString('utf8')), files: [] };
  if (!contentType.startsWith('multipart/form-data')) throw badBody(`unsupported content type '${contentType}'`);

  let form: FormData;
  try {
    form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw badBody('malformed multipart body');
  }
  let json: unknown;
  const files: ReceivedFile[] = [];
  for (const [field, value] of form) {
    if (typeof value === 'string') {
      if (field === 'payload_json') json = parseJson(value);
      continue;
    }
    files.push({ field, name: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
  }
  return { json, files };
}
