import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BotApiError, badRequest } from './botApiError.js';
import { errorMessage } from './errorMessage.js';
import { readParams } from './requestParams.js';
import type { ApiParams, ApiResponse } from './types.js';

/** Where a request to the front server goes. */
export interface FrontRoutes {
  /** The token the bot must use; a request with any other is not the bot's. */
  token: string;
  /** The path of the emulator's webhook, and what handles its POSTs. */
  hookPath: string;
  relayHook(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Answer (and record) one Bot API call; `parseError` when its parameters could not be read. */
  call(method: string, params: ApiParams, parseError?: BotApiError): Promise<ApiResponse>;
  /** A file members sent, by its getFile `file_path`. */
  file(path: string): Buffer | undefined;
}

/** Answer with a JSON body. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

/** The plain node:http server the bot talks to, at `/bot<token>/<method>` as at Telegram. */
export class FrontServer {
  private constructor(
    private readonly server: Server,
    /** Base URL, e.g. `http://127.0.0.1:40123`. */
    readonly apiRoot: string,
  ) {}

  /** Listen on a free port on 127.0.0.1. */
  static async listen(): Promise<FrontServer> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return new FrontServer(server, `http://127.0.0.1:${port}`);
  }

  /** Start answering requests. */
  serve(routes: FrontRoutes): void {
    this.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      this.route(routes, req, res).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${errorMessage(error)}` });
      });
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      // telegraf's HTTP client keeps connections alive; without this close() would wait for them.
      this.server.closeAllConnections();
    });
  }

  private async route(routes: FrontRoutes, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.apiRoot);
    if (url.pathname === routes.hookPath && req.method === 'POST') {
      await routes.relayHook(req, res);
      return;
    }
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download && req.method === 'GET') {
      const data = download[1] === routes.token ? routes.file(decodeURIComponent(download[2]!)) : undefined;
      if (!data) sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      else {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': data.byteLength });
        res.end(data);
      }
      return;
    }
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match) {
      sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    const [, token, method] = match as unknown as [string, string, string];
    if (token !== routes.token) {
      sendJson(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    let params: ApiParams;
    let parseError: BotApiError | undefined;
    try {
      if (req.method !== 'GET' && req.method !== 'POST') throw badRequest(`HTTP method ${req.method} is not supported`);
      params = await readParams(req, url);
    } catch (error) {
      if (!(error instanceof BotApiError)) throw error;
      params = {};
      parseError = error;
    }
    // telegraf repeats the method name as a field of multipart bodies.
    if (params.method === method) delete params.method;
    const response = await routes.call(method, params, parseError);
    sendJson(res, response.ok ? 200 : response.error_code, response);
  }
}
