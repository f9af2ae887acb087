import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { CLIENT_SCRIPT } from '../assets/clientScript.js';
import { STYLES } from '../assets/styles.js';

/** Chart.js's own browser build, from node_modules: served by the dashboard, never from a CDN. */
async function chartJs(): Promise<string> {
  const main = createRequire(import.meta.url).resolve('chart.js');
  return readFile(path.join(path.dirname(main), 'chart.umd.min.js'), 'utf8');
}

/** The stylesheet, the page script and Chart.js. */
export function assetRoutes(app: FastifyInstance): void {
  let chart: Promise<string> | undefined;
  const cached = (reply: { header: (k: string, v: string) => unknown }) => reply.header('cache-control', 'public, max-age=3600');
  app.get('/assets/app.css', async (_req, reply) => {
    cached(reply);
    return reply.type('text/css; charset=utf-8').send(STYLES);
  });
  app.get('/assets/dashboard.js', async (_req, reply) => {
    cached(reply);
    return reply.type('text/javascript; charset=utf-8').send(CLIENT_SCRIPT);
  });
  // Browsers ask for it on every site; there is none, and "none" should not be an error.
  app.get('/favicon.ico', async (_req, reply) => reply.code(204).send());
  app.get('/assets/chart.umd.min.js', async (_req, reply) => {
    cached(reply);
    return reply.type('text/javascript; charset=utf-8').send(await (chart ??= chartJs()));
  });
}
