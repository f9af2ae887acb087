import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FeedPoller } from '../../../src/debunks/feeds/feedPoller.js';
import { watchDebunks, type DebunkWatch } from '../../../src/debunks/watchDebunks.js';
import { ALICE, type BotHarness, GROUP, OWNER, startBot } from './botHarness.js';

const WATER = 'The east district water supply was poisoned last night by the council';
const BRIDGE = 'The old river bridge collapsed this morning and the army has closed the road';
const entry = (id: string, claim: string, refutation: string) =>
  `- id: ${id}\n  claim: ${claim}\n  verdict: false\n  refutation: "${refutation}"\n  sources: [{ title: Check, url: "https://example.org/${id}" }]\n  lang: en\n  published: 2026-01-01\n`;

let h: BotHarness | undefined;
let watch: DebunkWatch | undefined;
let server: Server | undefined;
let dir: string | undefined;
afterEach(async () => {
  watch?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  await h?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  h = watch = server = dir = undefined;
});

/** Alice posts; the bot's replies to her message. */
async function post(bot: BotHarness, text: string) {
  const { message } = await bot.fake.sendMessage(GROUP.id, ALICE.id, text);
  await bot.adapter.idle();
  return bot.fake.botMessages(GROUP.id).filter((m) => m.reply_parameters?.message_id === message.message_id).map((m) => m.text ?? '');
}

describe('Telegram: a database that changes while the bot runs', () => {
  it('GIVEN the debunk folder watched WHEN a file changes THEN the bot refutes the new rumor; WHEN a file breaks THEN it keeps the last good database and the operator is told privately', { timeout: 30_000 }, async () => {
    h = await startBot({ operatorIds: [`telegram:${OWNER.id}`] });
    await h.fake.sendCommand(OWNER.id, OWNER.id, '/start');
    dir = mkdtempSync(path.join(tmpdir(), 'rg-live-'));
    writeFileSync(path.join(dir, 'a.yaml'), entry('bridge', BRIDGE, 'The bridge was inspected today and stands.'));
    let loaded: () => void = () => undefined;
    const next = () => new Promise<void>((r) => (loaded = r));
    const bot = h;
    watch = watchDebunks(dir, {
      debounceMs: 200,
      onLoaded: async (d) => (await bot.library.setFiles(d), loaded()),
      onBroken: async (_p, text) => (await bot.operators.alert('debunks', `The debunk files are not valid; the bot keeps the last good database.\n${text}`), loaded()),
    });
    expect(await post(h, WATER)).toEqual([]);

    let change = next();
    writeFileSync(path.join(dir, 'b.yaml'), entry('water', WATER, 'The utility tested the water: it is safe.'));
    await change;
    await watch.settled();
    expect((await post(h, WATER)).join()).toContain('The utility tested the water: it is safe.');

    change = next();
    writeFileSync(path.join(dir, 'b.yaml'), `${entry('water', WATER, 'x')}  verdict: [not, valid\n`);
    await change;
    await watch.settled();
    await h.adapter.idle();
    // The last good database stays: the same rumor, posted again later, is still refuted.
    await h.engine.configure(String(GROUP.id), { repeat: { windowMinutes: 0 } });
    expect((await post(h, `${WATER}!`)).join()).toContain('The utility tested the water: it is safe.');
    const told = h.fake.botMessages(OWNER.id).map((m) => m.text ?? '').filter((t) => !t.startsWith('Hi!'));
    expect(told.length).toBeGreaterThanOrEqual(1);
    expect(told[0]).toMatch(/^The debunk files are not valid; the bot keeps the last good database\.\n.*b\.yaml:\d+/);
  });

  it('GIVEN a ClaimReview DataFeed served locally with one bad record THEN the bot refutes the rumors of the good ones', { timeout: 30_000 }, async () => {
    h = await startBot();
    const review = (claim: string, rating: string) => ({ '@type': 'ClaimReview', claimReviewed: claim, url: 'https://factcheck.example/x', author: { name: 'Town Fact Check' }, datePublished: '2026-02-01', reviewRating: { alternateName: rating }, description: 'Officials confirm it did not happen.' });
    const feed = JSON.stringify({ '@type': 'DataFeed', dataFeedElement: [review(WATER, 'Mostly False'), review('unrated thing here', 'Mostly True'), review(BRIDGE, 'False')] });
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/ld+json', etag: '"1"' }).end(feed));
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const bot = h;
    const reported: string[] = [];
    const poller = new FeedPoller({
      feeds: [{ name: 'townfc', source: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed` }],
      intervalMs: 3_600_000,
      apply: (name, d) => bot.library.setFeed(name, d),
      report: (_n, text) => reported.push(text),
    });
    expect(await poller.pollAll()).toMatchObject([{ status: 'updated', imported: 2 }]);
    expect(reported).toEqual([expect.stringContaining('1 record(s) skipped')]);
    expect((await post(h, WATER)).join()).toContain('Officials confirm it did not happen.');
    expect((await post(h, BRIDGE)).join()).toContain('Officials confirm it did not happen.');
    poller.close();
  });
});
