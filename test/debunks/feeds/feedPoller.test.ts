import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FeedPoller } from '../../../src/debunks/feeds/feedPoller.js';
import { startCore } from '../../adapters/coreHarness.js';

const review = (claim: string, rating: string, url: string) => ({
  '@type': 'ClaimReview',
  claimReviewed: claim,
  url,
  author: { '@type': 'Organization', name: 'Town Fact Check' },
  datePublished: '2026-02-01',
  reviewRating: { '@type': 'Rating', alternateName: rating },
  headline: `Fact check: ${claim}`,
  description: 'The utility and the council both confirm this did not happen.',
});
const WATER = 'The east district water supply was poisoned last night by the council';
const BRIDGE = 'The old river bridge collapsed this morning and the army has closed the road';
const FEED = {
  '@context': 'https://schema.org',
  '@type': 'DataFeed',
  dataFeedElement: [
    { '@type': 'DataFeedItem', item: review(WATER, 'False', 'https://factcheck.example/water') },
    { '@type': 'DataFeedItem', item: review('Something nobody can rate', 'Mostly True', 'https://factcheck.example/x') },
    { '@type': 'DataFeedItem', item: review(BRIDGE, 'Mostly False', 'https://factcheck.example/bridge') },
  ],
};

let server: Server | undefined;
let core: Awaited<ReturnType<typeof startCore>> | undefined;
afterEach(async () => {
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
  await core?.close();
  core = undefined;
});

/** A local HTTP server for the feed, honouring If-None-Match like a real one; it records each request's headers. */
async function serve(body: () => string) {
  const requests: IncomingHttpHeaders[] = [];
  server = createServer((req, res) => {
    requests.push(req.headers);
    const text = body();
    const etag = `"${text.length}-${text.charCodeAt(text.length - 2)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/ld+json', etag, 'last-modified': 'Sun, 01 Feb 2026 10:00:00 GMT' }).end(text);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/feed.json`, requests };
}

describe('FeedPoller', () => {
  it('GIVEN a DataFeed served locally with one bad record THEN the rest is imported (Mostly False as false), the bad one reported once, AND the bot refutes the feed\'s rumors', async () => {
    const { url, requests } = await serve(() => JSON.stringify(FEED));
    core = await startCore({ groupId: 'g', secrets: [] });
    const reported: string[] = [];
    const poller = new FeedPoller({ feeds: [{ name: 'townfc', source: url }], intervalMs: 3_600_000, apply: (n, d) => core!.library.setFeed(n, d), report: (_n, t) => reported.push(t) });
    const [first] = await poller.pollAll();
    expect(first).toMatchObject({ status: 'updated', imported: 2, skipped: [expect.stringMatching(/feed\.json:\d+ record "something-nobody-can-rate": verdict: unknown rating "Mostly True"/)] });
    expect(reported).toEqual([expect.stringMatching(/^feed townfc: 2 entries imported, 1 record\(s\) skipped:\n/)]);
    const bridge = [...core.engine.debunks()].find((d) => d.claim === BRIDGE);
    expect(bridge).toMatchObject({ verdict: 'false', id: expect.stringMatching(/^townfc\./), sources: [{ url: 'https://factcheck.example/bridge', publisher: 'Town Fact Check' }] });

    const handled = await core.moderator.onMessage({ platform: 'test', groupId: 'g', messageId: '1', member: { id: 'm', name: 'M' }, text: WATER, sentAt: Date.now() });
    expect(handled.decision.actions.map((a) => a.type)).toContain('reply_refutation');
    expect(handled.decision.matches[0]?.debunkId).toMatch(/^townfc\./);

    // Unchanged: the server answers 304 to the validators the bot sends back, and nothing is reported again.
    expect(await poller.pollAll()).toEqual([{ status: 'unchanged' }]);
    expect(requests[1]).toMatchObject({ 'if-none-match': expect.any(String), 'if-modified-since': 'Sun, 01 Feb 2026 10:00:00 GMT' });
    expect(reported).toHaveLength(1);
    poller.close();
  });

  it('GIVEN a feed that turns into garbage or a server error THEN the entries it gave last stay and the operator is told', async () => {
    let body = JSON.stringify(FEED);
    const { url } = await serve(() => body);
    core = await startCore({ groupId: 'g', secrets: [] });
    const reported: string[] = [];
    const poller = new FeedPoller({ feeds: [{ name: 'townfc', source: url }], intervalMs: 3_600_000, apply: (n, d) => core!.library.setFeed(n, d), report: (_n, t) => reported.push(t) });
    await poller.pollAll();
    body = '<html>maintenance</html>';
    expect((await poller.pollAll())[0]).toMatchObject({ status: 'failed' });
    expect(reported.at(-1)).toMatch(/^feed townfc \(http:.*\) could not be loaded; its last entries stay/);
    expect([...core.engine.debunks()].some((d) => d.claim === BRIDGE)).toBe(true);
  });

  it('GIVEN a RumorGuard YAML file feed THEN its entries are imported under the feed name, and an unchanged file is not read again', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rg-feed-'));
    try {
      writeFileSync(
        path.join(dir, 'ours.yaml'),
        `debunks:\n  - id: water\n    claim: ${WATER}\n    verdict: false\n    refutation: Safe.\n    sources: [{ title: Utility, url: "https://water.example/x" }]\n    lang: en\n    published: 2026-01-01\n  - id: broken\n    claim: x\n`,
      );
      core = await startCore({ groupId: 'g', secrets: [] });
      const poller = new FeedPoller({ feeds: [{ name: 'ours', source: 'ours.yaml' }], cwd: dir, intervalMs: 3_600_000, apply: (n, d) => core!.library.setFeed(n, d), report: () => undefined });
      expect(await poller.pollAll()).toMatchObject([{ status: 'updated', imported: 1, skipped: expect.arrayContaining([expect.stringContaining('record "ours.broken": verdict: required')]) }]);
      expect(core.engine.debunk('ours.water')?.claim).toBe(WATER);
      expect(await poller.pollAll()).toEqual([{ status: 'unchanged' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
