import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEXT } from '../engine/harness.js';
import { MAX_IMPORT_BYTES } from '../../src/dashboard/routes/debunkRoutes.js';
import { openBrowser, type BrowserSession } from './browser.js';
import { startDashboardWorld, type DashboardWorld } from './dashboardWorld.js';

/*
 * The dashboard of a group set to Chinese, in headless Chromium (QA items 8, 10, 12 and 13): the
 * login link `/rg dashboard` prints after `/rg lang zh`, and every page it leads to in Chinese,
 * the report on screen, on paper and on a phone; an import over the size limit on the page itself.
 */

vi.setConfig({ testTimeout: 120_000 });

const LINK = /http:\/\/127\.0\.0\.1:\d+\/login\/[A-Za-z0-9_-]{43}/;

let world: DashboardWorld;
let browser: BrowserSession;

beforeAll(async () => {
  world = await startDashboardWorld();
  browser = await openBrowser();
  // alice repeats the 5G rumor, bob repeats it moments later (answered with a pointer, or not at all).
  await world.say(TEXT.fiveG, /\[ledger\]/);
  await world.say('/as bob', /you are now bob/);
  await world.say(TEXT.fiveG, /\[ledger\]|nothing to do/);
  await world.say('/as owner', /you are now owner/);
  await world.say('/rg lang zh', /\n/);
  expect((await world.core.engine.settingsFor('console')).language).toBe('zh');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await world?.close();
});

describe('a group set to Chinese', () => {
  it('GIVEN /rg lang zh in the playground THEN the login link /rg dashboard prints opens the dashboard in Chinese', async () => {
    const { page } = browser;
    const link = LINK.exec(await world.say('/rg dashboard', LINK))![0];
    await page.goto(link);
    expect(await page.textContent('#login')).toBe('打开管理后台');
    await page.click('#login');
    await page.waitForURL(/\/g\/console$/);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('h1')).toBe('概览');
  });

  it('GIVEN the incidents THEN stances, actions, outcomes and why are Chinese words, and the filters offer them so', async () => {
    const { page } = browser;
    await page.goto(`${world.url}/g/console/incidents`);
    await browser.shot('zh-01-incidents');
    const stances = await page.locator('#incidents td[data-label="立场"]').allTextContents();
    const actions = (await page.locator('#incidents td[data-label="处理"]').allTextContents()).join('\n');
    expect(stances).toEqual(['传播', '传播']);
    expect(actions).toContain('辟谣回复：已完成');
    expect(actions).toContain('指向辟谣：已完成');
    expect(actions).not.toMatch(/[a-z]/);
    expect(await page.textContent('#incidents td[data-label="匹配原因"]')).toMatch(/分数 \d\.\d\d · 覆盖率 \d\.\d\d · 相似度/);
    expect(await page.textContent('select[name="stance"] option[value="question"]')).toBe('询问');
    expect(await page.textContent('select[name="action"] option[value="pointer"]')).toBe('指向辟谣');
    expect(await page.textContent('select[name="outcome"] option[value="skipped"]')).toBe('已跳过');
    // The values stay the identifiers the filter reads.
    await page.selectOption('select[name="stance"]', 'spread');
    await page.click('form.filters button[type="submit"]');
    await page.waitForURL(/stance=spread/);
    expect(await page.locator('#incidents tbody tr').count()).toBeGreaterThan(0);
  });

  it('GIVEN the report THEN it is Chinese on screen and on its printable page, while the downloaded file stays English', async () => {
    const { page } = browser;
    await page.goto(`${world.url}/g/console/report`);
    await browser.shot('zh-02-report');
    const report = (await page.textContent('#report'))!;
    expect(await page.textContent('#report h1')).toMatch(/^RumorGuard 管理报告：/);
    for (const heading of ['总计', '实际处理', '按谣言统计的事件', '从消息到辟谣的时间', '管理员操作', '事件']) expect(await page.locator('#report h2', { hasText: heading }).count(), heading).toBeGreaterThan(0);
    expect(report).toContain('辟谣回复：已完成');
    for (const english of ['Totals', 'What was done', 'Period:', 'Ledger chain', 'refutation: done', 'Messages repeating']) expect(report).not.toContain(english);
    expect(await page.textContent('#downloads')).toContain('下载的文件为英文');

    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#downloads a:has-text("Markdown")')]);
    const md = readFileSync((await file.path())!, 'utf8');
    expect(md).toContain('## Totals');
    expect(md).not.toContain('总计');

    const print = await browser.context.newPage();
    await print.goto(`${world.url}/g/console/report/print`);
    await browser.shot('zh-03-report-printable', print);
    expect(await print.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await print.textContent('#report')).toContain('总计');
    expect(await print.textContent('#report')).not.toContain('What was done');
    await print.close();
  });

  it('GIVEN rules the engine refuses THEN each problem is said in Chinese beside its field, with no field path', async () => {
    const { page } = browser;
    const before = await world.core.engine.settingsFor('console');
    await page.goto(`${world.url}/g/console/rules`);
    await page.fill('#f-thresholds-suggest', '0.9');
    await page.fill('#f-thresholds-act', '0.5');
    await page.fill('#f-ladder-default', 'bogus');
    await page.click('button[value="save"]');
    await page.waitForSelector('[data-error-for="thresholds.suggest"]');
    await browser.shot('zh-04-rules-refused');
    expect(await page.textContent('[data-error-for="thresholds.suggest"]')).toBe('不能高于处理阈值');
    expect(await page.textContent('[data-error-for="ladder.default"]')).toMatch(/^第 1 行：须为以下之一：reply_refutation, .*，或“mute <时长>”（收到“bogus”）$/);
    await page.fill('#f-thresholds-suggest', '0.4');
    await page.fill('#f-thresholds-act', '1.5');
    await page.fill('#f-ladder-default', 'reply_refutation');
    await page.click('button[value="save"]');
    await page.waitForSelector('[data-error-for="thresholds.act"]');
    expect(await page.textContent('[data-error-for="thresholds.act"]')).toBe('须在 0 到 1 之间');
    expect(await page.textContent('main')).not.toMatch(/thresholds\.act|must be/);
    expect(await world.core.engine.settingsFor('console')).toEqual(before);
  });

  it('GIVEN a debunk the database would refuse THEN the form says why in Chinese, by its fields, with no file or line', async () => {
    const { page } = browser;
    await page.goto(`${world.url}/g/console/debunks/new`);
    await page.fill('#d-id', 'moon-landing-staged');
    await page.fill('#d-claim', 'The moon landing was filmed in a studio');
    await page.fill('#d-refutationEn', 'Lunar samples and independent tracking confirm the landings.');
    await page.fill('#d-sources', 'NASA history | not-a-url');
    await page.click('#debunk-form button[type="submit"]');
    await page.waitForSelector('[data-error-for="sources"]');
    await browser.shot('zh-05-debunk-refused');
    expect(await page.textContent('[data-error-for="sources"]')).toBe('第 1 行的网址：不是以 http:// 或 https:// 开头的网址');
    const listed = (await page.textContent('main .flash.bad'))!;
    expect(listed).toContain('来源：第 1 行的网址');
    expect(listed).not.toMatch(/dashboard\.yaml|entry|sources\[0\]|http:\/\/ or https:\/\/ address/);
    expect(world.core.engine.debunk('moon-landing-staged')).toBeUndefined();
  });

  it('GIVEN an import over the size limit THEN the Debunks page itself says the limit and the file\'s size, in Chinese, with the form as sent', async () => {
    const { page } = browser;
    await page.goto(`${world.url}/g/console/debunks`);
    await page.selectOption('#import-format', 'csv');
    await page.fill('#import-lang', 'zh');
    // 7.4 MB, as QA's was.
    const big = Buffer.from('id,claim,verdict\n'.padEnd(7_400_000, 'x'));
    await page.setInputFiles('#import-file', { name: 'big.csv', mimeType: 'text/csv', buffer: big });
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/debunks/import')), page.click('#import-form button[type="submit"]')]);
    expect(response.status()).toBe(413);
    await page.waitForSelector('#import-form .flash.bad');
    await browser.shot('zh-06-import-too-large');
    expect(await page.textContent('#import-form .flash.bad')).toContain(`文件 big.csv 约为 7.4 MB，超过了导入的上限 ${(MAX_IMPORT_BYTES / 1e6).toFixed(1)} MB。`);
    expect(await page.locator('nav.tabs a[aria-current="page"]').textContent()).toBe('辟谣库');
    expect(await page.inputValue('#import-format')).toBe('csv');
    expect(await page.inputValue('#import-lang')).toBe('zh');
    expect(await page.textContent('body')).not.toContain('request file too large');
  });
});

describe('an import with an empty file', () => {
  // Browser QA: "格式：csv, json, claimreview；文件：—" did not say the file was empty.
  it('GIVEN an empty file THEN the page says the file is empty, in Chinese', async () => {
    const { page } = browser;
    await page.goto(`${world.url}/g/console/debunks`);
    await page.selectOption('#import-format', 'csv');
    await page.setInputFiles('#import-file', { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/debunks/import')), page.click('#import-form button[type="submit"]')]);
    expect(response.status()).toBe(422);
    await page.waitForSelector('#import-form .flash.bad');
    expect(await page.textContent('#import-form .flash.bad')).toContain('文件 empty.csv 是空的。');
  });
});

describe('the report on a phone', () => {
  it('GIVEN a 375 px wide screen THEN the report and its printable page fit it, in either language: wide tables scroll in their own box', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 375, height: 812 });
    try {
      for (const lang of ['zh', 'en'] as const) {
        await page.goto(`${world.url}/g/console/report`);
        await page.click(`button[name="lang"][value="${lang}"]`);
        await page.waitForSelector(`html[lang="${lang === 'zh' ? 'zh-CN' : 'en'}"]`);
        await browser.shot(`zh-07-phone-report-${lang}`);
        expect(await page.evaluate('document.documentElement.scrollWidth'), lang).toBeLessThanOrEqual(375);
        expect(await page.locator('#report .scroll table').count()).toBeGreaterThan(3);
        await page.goto(`${world.url}/g/console/report/print`);
        expect(await page.evaluate('document.documentElement.scrollWidth'), `${lang} printable`).toBeLessThanOrEqual(375);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('GIVEN the English page and an import over the limit THEN it says so in English, with the file\'s size and the limit', async () => {
    const { page } = browser;
    await page.goto(`${world.url}/g/console/debunks`);
    await page.click('button[name="lang"][value="en"]');
    await page.waitForSelector('html[lang="en"]');
    await page.selectOption('#import-format', 'csv');
    await page.setInputFiles('#import-file', { name: 'feed.csv', mimeType: 'text/csv', buffer: Buffer.alloc(6_100_000, 'a') });
    await page.click('#import-form button[type="submit"]');
    await page.waitForSelector('#import-form .flash.bad');
    expect(await page.textContent('#import-form .flash.bad')).toContain('The file feed.csv is about 6.1 MB: more than the 5.2 MB an import takes.');
  });

  it('GIVEN every page visited THEN no script error or CSP refusal was reported', () => {
    expect(browser.problems).toEqual([]);
    expect(browser.dialogs).toEqual([]);
  });
});
