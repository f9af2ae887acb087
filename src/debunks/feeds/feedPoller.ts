import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Debunk } from '../schema.js';
import { parseFeed } from './parseFeed.js';

/** One subscribed feed: a name (the id prefix of its entries) and an http(s) URL or a file. */
export interface FeedConfig {
  name: string;
  source: string;
}

/** What one poll of a feed came to. */
export type PollOutcome =
  | { status: 'updated'; imported: number; skipped: string[] }
  | { status: 'unchanged' }
  | { status: 'failed'; error: string };

export interface FeedPollerOptions {
  feeds: readonly FeedConfig[];
  /** Time between two polls of each feed. */
  intervalMs: number;
  /** Swaps a feed's entries into the database (DebunkLibrary.setFeed). */
  apply: (name: string, debunks: readonly Debunk[]) => Promise<void>;
  /** A feed failed, or records were skipped: told once per distinct text (log and operators). */
  report: (name: string, text: string) => void;
  /** Relative file paths are read from here. @defaultValue process.cwd() */
  cwd?: string;
  /** @defaultValue globalThis.fetch */
  fetch?: typeof fetch;
  /** Longest wait for a feed's server. @defaultValue 30 s */
  timeoutMs?: number;
  /** Largest feed read. @defaultValue 20 MB */
  maxBytes?: number;
}

/**
 * Polls the operator's debunk feeds: HTTP with ETag / If-Modified-Since (an unchanged feed is a
 * 304 and costs nothing), files by their modification time. A changed feed is parsed and
 * validated record by record; its good entries replace what it gave before, its bad ones are
 * reported and skipped. A feed that fails to load (network, status, not a feed at all) keeps the
 * entries it gave last: it never breaks the running database.
 */
export class FeedPoller {
  private readonly seen = new Map<string, { etag?: string; modified?: string; mtimeMs?: number }>();
  private readonly reported = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: FeedPollerOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /** Polls every feed now, then every `intervalMs`. */
  start(): Promise<PollOutcome[]> {
    this.timer = setInterval(() => void this.pollAll(), this.options.intervalMs);
    this.timer.unref();
    return this.pollAll();
  }

  close(): void {
    clearInterval(this.timer);
  }

  pollAll(): Promise<PollOutcome[]> {
    return Promise.all(this.options.feeds.map((feed) => this.poll(feed)));
  }

  /** Polls one feed; never rejects. */
  async poll(feed: FeedConfig): Promise<PollOutcome> {
    let outcome: PollOutcome;
    try {
      const body = /^https?:\/\//i.test(feed.source) ? await this.fetchUrl(feed) : await this.readFile(feed);
      if (body === undefined) return { status: 'unchanged' };
      const parsed = parseFeed(feed.name, body, feed.source);
      if (parsed.unreadable) outcome = { status: 'failed', error: parsed.problems.join('\n') || 'no entries' };
      else {
        await this.options.apply(feed.name, parsed.debunks);
        outcome = { status: 'updated', imported: parsed.debunks.length, skipped: parsed.problems };
      }
    } catch (error) {
      outcome = { status: 'failed', error: (error as Error).message };
    }
    this.tell(feed, outcome);
    return outcome;
  }

  private tell(feed: FeedConfig, outcome: PollOutcome): void {
    const text =
      outcome.status === 'failed'
        ? `feed ${feed.name} (${feed.source}) could not be loaded; its last entries stay: ${outcome.error}`
        : outcome.status === 'updated' && outcome.skipped.length > 0
          ? `feed ${feed.name}: ${outcome.imported} entries imported, ${outcome.skipped.length} record(s) skipped:\n${outcome.skipped.slice(0, 20).join('\n')}`
          : '';
    if (outcome.status === 'unchanged') return;
    const before = this.reported.get(feed.name);
    this.reported.set(feed.name, text);
    if (text !== '' && text !== before) this.options.report(feed.name, text);
  }

  private async fetchUrl(feed: FeedConfig): Promise<string | undefined> {
    const seen = this.seen.get(feed.name) ?? {};
    const headers: Record<string, string> = { accept: 'application/ld+json, application/json, application/yaml, text/yaml;q=0.9, */*;q=0.1' };
    if (seen.etag) headers['if-none-match'] = seen.etag;
    if (seen.modified) headers['if-modified-since'] = seen.modified;
    const response = await this.fetch(feed.source, { headers, signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000) });
    if (response.status === 304) return undefined;
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const max = this.options.maxBytes ?? 20_000_000;
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > max) throw new Error(`larger than ${max} bytes`);
    const text = await response.text();
    if (text.length > max) throw new Error(`larger than ${max} bytes`);
    const etag = response.headers.get('etag');
    const modified = response.headers.get('last-modified');
    this.seen.set(feed.name, { ...(etag ? { etag } : {}), ...(modified ? { modified } : {}) });
    return text;
  }

  private async readFile(feed: FeedConfig): Promise<string | undefined> {
    const file = path.resolve(this.options.cwd ?? process.cwd(), feed.source);
    const { mtimeMs, size } = await stat(file);
    if (this.seen.get(feed.name)?.mtimeMs === mtimeMs) return undefined;
    if (size > (this.options.maxBytes ?? 20_000_000)) throw new Error('file too large');
    const text = await readFile(file, 'utf8');
    this.seen.set(feed.name, { mtimeMs });
    return text;
  }
}
