import type { ReceivedFile } from './types.js';

/*
 * A tiny route table for the REST server: patterns like `/channels/:channel/messages/:message`
 * with named parameters, tried in the order they were added (so `/users/@me` is added before
 * `/users/:user`).
 */

/** What a route handler gets. */
export interface RouteRequest {
  /** Path parameters, URL-decoded (reaction emoji arrive percent-encoded). */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The JSON body (or `payload_json`), undefined without one. */
  body: unknown;
  files: ReceivedFile[];
}

/** What a route handler answers; no `body` means 204 No Content. */
export interface RouteAnswer {
  status: number;
  body?: unknown;
}

/** A route handler; it may throw a DiscordApiError to refuse. */
export type RouteHandler = (request: RouteRequest) => RouteAnswer | Promise<RouteAnswer>;

interface CompiledRoute {
  method: string;
  pattern: string;
  regex: RegExp;
  names: string[];
  auth: boolean;
  handle: RouteHandler;
}

/** A route that matched a request. */
export interface RouteMatch {
  /** The pattern, e.g. `/channels/:channel/messages`. */
  pattern: string;
  params: Record<string, string>;
  /** False for routes Discord serves without the bot token (interaction and webhook-token routes). */
  auth: boolean;
  handle: RouteHandler;
}

/** `{ status: 200, body }`. */
export const ok = (body: unknown): RouteAnswer => ({ status: 200, body });

/** `{ status: 204 }`. */
export const noContent = (): RouteAnswer => ({ status: 204 });

/** The route table. */
export class Router {
  private readonly routes: CompiledRoute[] = [];

  /**
   * Add a route.
   *
   * @param auth Whether the bot token is required; Discord serves interaction callbacks and
   *   `/webhooks/:id/:token` routes without it, and discord.js sends none there.
   */
  add(method: string, pattern: string, handle: RouteHandler, auth = true): this {
    const names: string[] = [];
    const source = pattern
      .split('/')
      .map((segment) => {
        if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(segment.slice(1));
        return '([^/]+)';
      })
      .join('/');
    this.routes.push({ method, pattern, regex: new RegExp(`^${source}$`), names, auth, handle });
    return this;
  }

  /** The first route matching `method` and `path`, or undefined. */
  match(method: string, path: string): RouteMatch | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const found = route.regex.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => {
        params[name] = decodeURIComponent(found[index + 1] ?? '');
      });
      return { pattern: route.pattern, params, auth: route.auth, handle: route.handle };
    }
    return undefined;
  }
}

/** A template for a path no route knows: snowflake segments become `:id`. */
export function guessTemplate(path: string): string {
  return path.replace(/\/\d{5,}(?=\/|$)/g, '/:id');
}
