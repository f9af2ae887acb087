import { request } from 'node:http';

/** What came back from {@link postJson}. */
export interface PostJsonAnswer {
  status: number;
  /** The `content-type` header, or '' without one. */
  contentType: string;
  /** The body as text ('' when empty). */
  text: string;
}

/**
 * POST `body` as JSON over plain http and read the whole answer.
 *
 * Uses `node:http` with `agent: false` (a fresh `Connection: close` socket per request)
 * instead of global fetch: fetch keeps idle keep-alive sockets in a pool, and those would
 * hold the bot's webhook server open after `bot.stop()` and leave handles behind in tests.
 */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<PostJsonAnswer> {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  return await new Promise<PostJsonAnswer>((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(payload.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: res.headers['content-type'] ?? '',
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
