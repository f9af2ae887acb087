import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { REPO } from '../engine/harness.js';

/** Debian's Chromium (`.ci/run` installs it when missing). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots of every page a test visits: test output to look at, never committed. */
export const SCREENSHOT_DIR = path.join(REPO, 'test-output', 'dashboard');

/** What the browser tests watch for on every page: script errors, CSP refusals, dialogs. */
export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far (a CSP violation is a console error). */
  problems: string[];
  /** Dialogs that opened (an injected alert() would be one). */
  dialogs: string[];
  /** Saves a full-page screenshot as test-output/dashboard/<name>.png. */
  shot(name: string, page?: Page): Promise<string>;
  close(): Promise<void>;
}

/**
 * Headless Chromium driven by Playwright, launched the way the issue asks: Debian's binary,
 * `--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
 * --disable-component-update --disable-sync`, and a fresh user-data dir of its own.
 */
export async function openBrowser(options: { viewport?: { width: number; height: number }; locale?: string } = {}): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'rg-chromium-'));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: options.locale ?? 'en-US',
    acceptDownloads: true,
  });
  const problems: string[] = [];
  const dialogs: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (m) => {
      // A refusal the test asked for (403, 410, 422) is reported as a failed load: not a problem.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource: the server responded with a status of')) problems.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  };
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  watch(page);
  return {
    context,
    page,
    problems,
    dialogs,
    async shot(name, which = page) {
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await which.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
