import type { AddressInfo } from 'node:net';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Ledger } from '../ledger/ledger.js';
import type { Logger } from '../lib/logger.js';
import type { Moderator } from '../moderation/moderator.js';
import type { KeyValueStore } from '../store/keyValueStore.js';
import type { AdminDirectory } from './adminDirectory.js';
import type { DashboardContext } from './context.js';
import { DebunkEditor } from './data/debunkEditor.js';
import { LoginLinks } from './loginLinks.js';
import { assetRoutes } from './routes/assetRoutes.js';
import { authRoutes } from './routes/authRoutes.js';
import { debunkRoutes } from './routes/debunkRoutes.js';
import { groupGuard } from './routes/groupGuard.js';
import { groupPages } from './routes/groupPages.js';
import { refuse } from './routes/respond.js';
import { reportRoutes } from './routes/reportRoutes.js';
import { rulesRoutes } from './routes/rulesRoutes.js';
import { Sessions, type Session } from './sessions.js';
import { translator } from './texts.js';

export interface DashboardOptions {
  moderator: Moderator;
  ledger: Ledger;
  store: KeyValueStore;
  log: Logger;
  /** DASHBOARD_HOST @defaultValue 127.0.0.1 */
  host?: string;
  /** DASHBOARD_PORT; 0 picks a free one (tests). */
  port: number;
  /**
   * DASHBOARD_PUBLIC_URL: the address people open, when a reverse proxy serves the dashboard.
   * Links point there, and cookies are `Secure` when it is https. @defaultValue http://host:port
   */
  publicUrl?: string;
  /** The debunk database folder (DEBUNKS_DIR), for adding, editing and importing entries. */
  debunksDir?: string;
  /**
   * Who may change the shared debunk database from the dashboard (DASHBOARD_DEBUNK_EDITORS), as
   * `platform:userId`; `*` is every admin. @defaultValue nobody
   */
  debunkEditors?: readonly string[];
  /** @defaultValue Date.now */
  now?: () => number;
}

/** The longest path parameter (a member id, a group id, encoded) the dashboard routes. */
export const MAX_PARAM_CHARS = 2048;

/** The dashboard, built and (after `listen`) serving. */
export interface Dashboard {
  /** What `/rg dashboard` calls to make a login link. */
  readonly links: LoginLinks;
  readonly app: FastifyInstance;
  /** Adds the admin check of a platform once its adapter runs. */
  addDirectory(directory: AdminDirectory): void;
  /** Starts serving; resolves with the address links point to. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** Every page's security headers: its own scripts and styles only, no framing, no referrer (login links are secrets). */
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
} as const;

/**
 * The owners' dashboard: a web server the bot process runs (Fastify, server-rendered pages whose
 * every interpolation is escaped, Chart.js served from node_modules). Admins log in with a
 * single-use link from `/rg dashboard`; every change goes through the core's own commands.
 */
export function createDashboard(options: DashboardOptions): Dashboard {
  const now = options.now ?? Date.now;
  const host = options.host ?? '127.0.0.1';
  let publicUrl = options.publicUrl?.replace(/\/+$/, '');
  const links = new LoginLinks(options.store, publicUrl ?? `http://${host.includes(':') ? `[${host}]` : host}:${options.port}`, now);
  const editors = new Set(options.debunkEditors ?? []);
  const ctx: DashboardContext = {
    moderator: options.moderator,
    ledger: options.ledger,
    store: options.store,
    links,
    sessions: new Sessions(options.store, now),
    directories: new Map(),
    ...(options.debunksDir ? { editor: new DebunkEditor(options.debunksDir) } : {}),
    mayEditDebunks: (s: Session) => editors.has('*') || editors.has(`${s.platform}:${s.user.id}`),
    secureCookies: publicUrl?.startsWith('https:') ?? false,
    now,
    log: options.log,
  };

  // Request logging stays off: URLs carry login tokens.
  // Path parameters as long as a member id can be (the playground's are names): Fastify's default
  // of 100 characters answered a longer one's page with a bare 414.
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024, trustProxy: false, routerOptions: { maxParamLength: MAX_PARAM_CHARS } });
  void app.register(fastifyCookie);
  void app.register(fastifyFormbody);
  void app.register(fastifyMultipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 10 } });
  app.decorateRequest('dash', null as never);
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
  app.setNotFoundHandler((_req, reply) => refuse(reply, 404, 'en', 'RumorGuard', translator('en')('notFound')));
  app.setErrorHandler((error: Error & { statusCode?: number }, req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) options.log.error({ err: error, method: req.method }, 'dashboard: request failed');
    // A form over the body limit is refused before its session is read: said in both languages,
    // with the way back to what was typed (browser QA: "Request body is too large", and nothing else).
    if (status === 413) return refuse(reply, 413, 'en', 'RumorGuard', `${translator('en')('bodyTooLarge')}\n${translator('zh')('bodyTooLarge')}`);
    return refuse(reply, status, 'en', 'RumorGuard', status === 500 ? 'Something went wrong; the bot log has the details.' : error.message);
  });

  assetRoutes(app);
  authRoutes(app, ctx);
  void app.register(
    async (scope) => {
      scope.addHook('preHandler', groupGuard(ctx));
      groupPages(scope, ctx);
      rulesRoutes(scope, ctx);
      debunkRoutes(scope, ctx);
      reportRoutes(scope, ctx);
    },
    { prefix: '/g/:group' },
  );

  return {
    links,
    app,
    addDirectory: (directory) => ctx.directories.set(directory.platform, directory),
    async listen() {
      await app.listen({ host, port: options.port });
      if (!publicUrl) {
        const address = app.server.address() as AddressInfo;
        publicUrl = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
        links.baseUrl = publicUrl;
      }
      return publicUrl;
    },
    close: () => app.close(),
  };
}
