import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CdnFiles } from './cdnFiles.js';
import { CallLog } from './callLog.js';
import { DiscordApiError, routeNotFound, unauthorized } from './discordError.js';
import { FailureQueue } from './failures.js';
import { readRequestBody } from './requestBody.js';
import { guessTemplate, type RouteAnswer, type Router } from './router.js';
import type { FailureResponse, RecordedCall } from './types.js';

/*
 * The HTTP side of the fake. @discordjs/rest builds URLs as `${api}/v${version}${route}`, so
 * with `rest: { api: 'http://127.0.0.1:PORT/api' }` requests arrive as `/api/v10/...`. Every
 * answer carries generous rate-limit headers (discord.js reads them to schedule requests and
 * would otherwise queue or wait), and every request is recorded with its answer.
 */

/** The version prefix discord.js 14 uses. */
const API_PREFIX = /^\/api\/v\d+(?=\/)/;

/** Rate-limit headers saying "plenty left": discord.js then never waits. */
function generousRateLimitHeaders(template: string): Record<string, string> {
  return {
    'x-ratelimit-limit': '1000',
    'x-ratelimit-remaining': '999',
    'x-ratelimit-reset': (Date.now() / 1000 + 1).toFixed(3),
    'x-ratelimit-reset-after': '1.000',
    'x-ratelimit-bucket': createHash('sha1').update(template).digest('hex').slice(0, 32),
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const payload = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) });
  res.end(payload);
}

function decodeReason(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}

/** The fake's REST API on 127.0.0.1. */
export class RestServer {
  /** Base for discord.js's `rest.api` option, e.g. `http://127.0.0.1:40123/api`. */
  readonly api: string;
  /** Every request, recorded once answered. */
  readonly log = new CallLog();
  /** Failures queued with `failNext`. */
  readonly failures = new FailureQueue();

  private constructor(
    private readonly server: Server,
    private readonly router: Router,
    private readonly authorization: string,
    private readonly cdn?: CdnFiles,
  ) {
    const { port } = server.address() as AddressInfo;
    this.api = `http://127.0.0.1:${port}/api`;
    if (cdn) cdn.base = `http://127.0.0.1:${port}/cdn`;
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void this.answer(req, res));
  }

  /**
   * Listen on a free port of 127.0.0.1.
   *
   * @param router The routes to serve.
   * @param token The token discord.js sends (`Authorization: Bot <token>`).
   */
  static async start(router: Router, token: string, cdn?: CdnFiles): Promise<RestServer> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return new RestServer(server, router, `Bot ${token}`, cdn);
  }

  /** Stop listening; open keep-alive connections (undici keeps them) are cut. */
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.cdn && req.method === 'GET' && req.url?.startsWith('/cdn/')) {
      // Not an API call (the CDN): served as is, not recorded.
      const file = this.cdn.get(decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname.slice('/cdn/'.length)));
      if (!file) send(res, 404, { message: 'Not Found' }, {});
      else {
        res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.data.byteLength) });
        res.end(file.data);
      }
      return;
    }
    const at = Date.now();
    const slot = this.log.reserve();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const prefix = API_PREFIX.exec(url.pathname);
    const path = prefix ? url.pathname.slice(prefix[0].length) : url.pathname;
    const route = prefix ? this.router.match(method, path) : undefined;
    const template = `${method} ${route?.pattern ?? guessTemplate(path)}`;
    const call: RecordedCall = {
      method,
      route: `${method} ${path}`,
      template,
      path,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      files: [],
      at,
      status: 0,
      response: undefined,
    };
    const reason = decodeReason(req.headers['x-audit-log-reason']);
    if (reason !== undefined) call.reason = reason;

    let answer: RouteAnswer;
    let headers = generousRateLimitHeaders(template);
    try {
      const body = await readRequestBody(req);
      call.body = body.json;
      call.files = body.files;
      if (route?.auth !== false && req.headers.authorization !== this.authorization) throw unauthorized();
      const failure = this.failures.take(method, path, route?.pattern);
      if (failure) {
        ({ answer, headers } = this.failureAnswer(failure, headers));
      } else if (!route) {
        throw routeNotFound();
      } else {
        answer = await route.handle({ params: route.params, query: url.searchParams, body: body.json, files: body.files });
      }
    } catch (error) {
      answer =
        error instanceof DiscordApiError
          ? { status: error.status, body: error.body }
          : { status: 500, body: { message: `500: fake Discord failed: ${error instanceof Error ? error.message : String(error)}`, code: 0 } };
    }
    call.status = answer.status;
    call.response = answer.body === undefined ? undefined : structuredClone(answer.body);
    this.log.fill(slot, call);
    send(res, answer.status, answer.body, headers);
  }

  /**
   * The answer for a queued failure. A 429 gets what @discordjs/rest reads to wait it out:
   * `retry_after` in the body, `Retry-After` (the exact float: Discord rounds it up to whole
   * seconds, which would make every test wait a second), an exhausted bucket, and
   * `X-RateLimit-Global` for a global limit.
   */
  private failureAnswer(failure: FailureResponse, headers: Record<string, string>): { answer: RouteAnswer; headers: Record<string, string> } {
    if (failure.status !== 429) return { answer: { status: failure.status, body: failure.body }, headers: { ...headers, ...failure.headers } };
    const retryAfter = typeof failure.body.retry_after === 'number' ? failure.body.retry_after : 0.05;
    const global = failure.body.global === true;
    const body = { message: 'You are being rate limited.', global, ...failure.body, retry_after: retryAfter };
    const limited: Record<string, string> = {
      ...headers,
      'retry-after': String(retryAfter),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': (Date.now() / 1000 + retryAfter).toFixed(3),
      'x-ratelimit-reset-after': String(retryAfter),
      'x-ratelimit-scope': global ? 'global' : 'user',
      ...(global ? { 'x-ratelimit-global': 'true' } : {}),
      ...failure.headers,
    };
    return { answer: { status: 429, body }, headers: limited };
  }
}
