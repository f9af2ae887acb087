import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../cli/runCli.js';
import { REPO, TEXT } from '../engine/harness.js';
import { SCREEN_CHARS } from '../../src/dashboard/routes/reportRoutes.js';
import { syntheticRecords } from '../probes/syntheticLedger.js';
import { openBrowser, SCREENSHOT_DIR, type BrowserSession } from './browser.js';
import { startDashboardWorld, type DashboardWorld } from './dashboardWorld.js';

/*
 * The owners' dashboard in a real browser: headless Chromium (Debian's) driven by Playwright,
 * against the bot as the playground runs it. Messages go through the engine; the admin logs in
 * with the link `/rg dashboard` prints; every page visited is kept as a screenshot in
 * test-output/dashboard/.
 */

// A browser on a busy 2-core machine: page loads and full-page screenshots take their time.
vi.setConfig({ testTimeout: 120_000 });

const XSS_NAME = '<img src=x onerror=alert(1)>';
const XSS_TEXT = `<script>window.__pwned = 1; alert(2)</script> ${TEXT.fiveG}`;
const LINK = /http:\/\/127\.0\.0\.1:\d+\/login\/[A-Za-z0-9_-]{43}/;

let world: DashboardWorld;
let browser: BrowserSession;

/** The admin actions in the group's ledger, as `action: detail` by whom. */
async function adminRecords(w: DashboardWorld) {
  return (await w.entries()).flatMap((e) => (e.record.type === 'admin' ? [{ action: e.record.action, detail: e.record.detail, by: e.record.by }] : []));
}

/** A login link from the playground, as its owner asks for one. */
async function linkFromBot(w: DashboardWorld): Promise<string> {
  await w.say('/as owner', /you are now owner/);
  return LINK.exec(await w.say('/rg dashboard', LINK))![0];
}

beforeAll(async () => {
  world = await startDashboardWorld();
  browser = await openBrowser();
  // Messages through the engine: two members repeat the 5G rumor, one asks about garlic.
  await world.say(TEXT.fiveG, /\[ledger\]/);
  await world.say('/as bob', /you are now bob/);
  await world.say(TEXT.garlic, /\[ledger\]/);
  await world.say(TEXT.fiveG, /\[ledger\]/);
  // A member whose name is markup, posting a message that carries a script.
  await world.post('console', { id: 'mallory', name: XSS_NAME }, XSS_TEXT, 'xss-1');
  // Another group, which the playground's owner does not administer.
  await world.post('other', { id: 'zed', name: 'Zed' }, TEXT.fiveG, 'other-1');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await world?.close();
});

describe('logging in', () => {
  it('GIVEN /rg dashboard from the owner THEN the link opens the overview, with the incidents the engine recorded', async () => {
    const { page } = browser;
    const link = await linkFromBot(world);
    await page.goto(link);
    await browser.shot('01-login');
    await page.click('#login');
    await page.waitForURL(/\/g\/console$/);
    await page.waitForSelector('canvas[data-drawn="true"]');
    await browser.shot('02-overview');

    const incidents = (await world.entries()).filter((e) => e.record.type === 'incident');
    expect(incidents.length).toBe(4);
    expect(await page.textContent('[data-figure="incidents"]')).toBe('4');
    expect(await page.textContent('#top-rumors')).toContain('5g-spreads-coronavirus');
    expect(await page.textContent('#struck')).toContain('bob');
    expect(await page.textContent('#ledger-status')).toMatch(/Chain verified: \d+ entries/);
    // The login itself is on the record, under the owner's name.
    expect(await adminRecords(world)).toContainEqual({ action: 'dashboard', detail: 'logged in to the dashboard', by: { kind: 'admin', id: 'owner', name: 'owner' } });
    const cookie = (await browser.context.cookies()).find((c) => c.name === 'rg_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  });

  it('GIVEN the same link a second time THEN it is refused', async () => {
    const link = LINK.exec(world.printed().split('/rg dashboard').at(-1)!)?.[0] ?? LINK.exec(world.printed())![0];
    const page = await browser.context.newPage();
    const response = await page.goto(link);
    expect(response?.status()).toBe(410);
    expect(await page.textContent('main')).toContain('not valid, or it was used already');
    await browser.shot('03-used-link', page);
    await page.close();
  });

  it('GIVEN a link older than ten minutes THEN it is refused as expired', async () => {
    const { url } = await world.dashboard.links.issue({ platform: 'console', user: { id: 'owner', name: 'owner' }, groupId: 'console', lang: 'en' });
    world.skew(11 * 60_000);
    const page = await browser.context.newPage();
    try {
      const response = await page.goto(url);
      expect(response?.status()).toBe(410);
      expect(await page.textContent('main')).toContain('expired');
      await browser.shot('04-expired-link', page);
    } finally {
      world.skew(0);
      await page.close();
    }
  });

  it('GIVEN a member who is not an admin THEN the bot gives no link, and a link issued to them logs nobody in', async () => {
    await world.say('/as alice', /you are now alice/);
    expect(await world.say('/rg dashboard', /Only group admins/)).not.toMatch(LINK);
    // A link the platform issued before a demotion: the platform is asked again at login.
    const { url } = await world.dashboard.links.issue({ platform: 'console', user: { id: 'alice', name: 'alice' }, groupId: 'console', lang: 'en' });
    const page = await browser.context.newPage();
    await page.goto(url);
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/login')), page.click('#login')]);
    expect(response.status()).toBe(403);
    expect(await page.textContent('main')).toContain('says you do not administer this group');
    await browser.shot('05-not-admin', page);
    await page.close();
  });

  it('GIVEN a group the admin does not administer THEN its pages are refused', async () => {
    const page = await browser.context.newPage();
    for (const other of ['/g/other', '/g/other/incidents', '/g/other/report.md']) {
      const response = await page.goto(`${world.url}${other}`);
      expect(response?.status(), other).toBe(403);
    }
    expect(await page.textContent('main')).toContain('You do not administer this group');
    await browser.shot('06-other-group', page);
    await page.close();
  });
});

describe('pages show outside text as text', () => {
  it('GIVEN a member named with markup and a message carrying a script THEN both render as text and nothing runs', async () => {
    const { page } = browser;
    await page.goto(`${world.url}/g/console/incidents`);
    await browser.shot('07-incidents');
    expect(await page.locator('#incidents').getByText(XSS_NAME, { exact: true }).count()).toBe(1);
    expect(await page.locator('#incidents').getByText(XSS_TEXT).count()).toBe(1);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    // The match explanation and each action's outcome are on the row.
    const row = page.locator('#incidents tbody tr').filter({ hasText: 'alice' }).first();
    expect(await row.textContent()).toMatch(/matched the claim "5G towers spread the coronavirus"/);
    expect(await row.textContent()).toContain('refutation: done');
    // In the report's words, not the identifiers (real-client QA).
    expect(await row.textContent()).not.toContain('reply_refutation');

    await page.goto(`${world.url}/g/console/members/mallory`);
    await browser.shot('08-member-markup-name');
    expect(await page.textContent('h1')).toBe(`History of ${XSS_NAME}`);
    expect(await page.locator('img').count()).toBe(0);
    expect(browser.dialogs).toEqual([]);
  });

  it('GIVEN the incidents filter THEN only the chosen rumor and member are listed', async () => {
    const { page } = browser;
    await page.goto(`${world.url}/g/console/incidents`);
    await page.selectOption('select[name="rumor"]', '5g-spreads-coronavirus');
    await page.fill('input[name="member"]', 'bob');
    await page.click('form.filters button[type="submit"]');
    await page.waitForURL(/rumor=5g/);
    await browser.shot('09-incidents-filtered');
    expect(await page.textContent('#shown')).toBe('Showing 1 of 1 incidents.');
  });
});

describe('rules', () => {
  it('GIVEN a suggest threshold above the act threshold THEN the form shows the error beside it and nothing is saved', async () => {
    const { page } = browser;
    const before = await world.core.engine.settingsFor('console');
    const recordsBefore = (await world.entries()).length;
    await page.goto(`${world.url}/g/console/rules`);
    await browser.shot('10-rules');
    await page.fill('#f-thresholds-suggest', '0.9');
    await page.fill('#f-thresholds-act', '0.5');
    await page.click('button[value="save"]');
    await page.waitForSelector('[data-error-for="thresholds.suggest"]');
    await browser.shot('11-rules-bad-threshold');
    // In plain words, not the settings' field path (QA).
    expect(await page.textContent('[data-error-for="thresholds.suggest"]')).toBe('must not be above the act threshold');
    expect(await page.getAttribute('#f-thresholds-suggest', 'aria-invalid')).toBe('true');
    // The form keeps what was typed, so it can be corrected.
    expect(await page.inputValue('#f-thresholds-suggest')).toBe('0.9');

    await page.fill('#f-thresholds-suggest', '0.4');
    await page.fill('#f-thresholds-act', '1.5');
    await page.click('button[value="save"]');
    await page.waitForSelector('[data-error-for="thresholds.act"]');
    expect(await page.textContent('[data-error-for="thresholds.act"]')).toBe('must be between 0 and 1');

    expect(await world.core.engine.settingsFor('console')).toEqual(before);
    expect((await world.entries()).length).toBe(recordsBefore);
  });

  it('GIVEN a good change THEN the preview replays the incidents, saving stores it, the next message follows it, and it is ledgered', async () => {
    const { page } = browser;
    await page.goto(`${world.url}/g/console/rules`);
    // Warn from the first strike: enable warnings and put them on the ladder's first step.
    await page.check('input[name="enabledActions"][value="warn"]');
    await page.fill('#f-ladder-default', 'reply_refutation, warn\nreply_refutation, warn\nreply_refutation, alert_owners, mute 1h');
    await page.click('button[value="preview"]');
    await page.waitForSelector('#preview-summary');
    await browser.shot('12-rules-preview');
    expect(await page.textContent('#preview-summary')).toMatch(/^\d+ of 4 incidents would be handled differently/);
    expect(Number(/^(\d+)/.exec((await page.textContent('#preview-summary'))!)![1])).toBeGreaterThan(0);
    // A preview stores nothing.
    expect((await world.core.engine.settingsFor('console')).enabledActions).not.toContain('warn');

    await page.click('button[value="save"]');
    await page.waitForSelector('.flash.ok');
    await browser.shot('13-rules-saved');
    expect(await page.textContent('.flash.ok')).toMatch(/^Saved and recorded in the ledger: .*enabledActions/);
    const settings = await world.core.engine.settingsFor('console');
    expect(settings.enabledActions).toContain('warn');

    await world.say('/as carol', /you are now carol/);
    expect(await world.say(TEXT.mosquito, /\[ledger\]/)).toContain('RumorGuard warns carol');

    const rules = (await adminRecords(world)).filter((r) => r.action === 'rules');
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ by: { kind: 'admin', id: 'owner', name: 'owner' } });
    expect(rules[0]!.detail).toContain('enabledActions log, reply_refutation → log, reply_refutation, warn');
    expect(rules[0]!.detail).toContain('ladder.default [reply_refutation] [reply_refutation + warn] [reply_refutation + alert_owners + mute 1h] [reply_refutation + alert_owners + mute 1d] → [reply_refutation + warn] [reply_refutation + warn] [reply_refutation + alert_owners + mute 1h]');
  });

  // Regression test (QA: saving a form opened before a chat command undid the command's change).
  it('GIVEN a setting changed in chat after the form was opened THEN saving the form changes only what the admin changed on it', async () => {
    const { page } = browser;
    await page.goto(`${world.url}/g/console/rules`);
    const softBefore = (await world.core.engine.settingsFor('console')).softReply;
    await world.say('/as owner', /you are now owner/);
    await world.say('/rg mode observe', /observe/);
    expect((await world.core.engine.settingsFor('console')).mode).toBe('observe');
    // The page still shows enforce; the admin only toggles soft replies.
    expect(await page.inputValue('#f-mode')).toBe('enforce');
    if (softBefore) await page.uncheck('#f-softReply');
    else await page.check('#f-softReply');
    await page.click('button[value="save"]');
    await page.waitForSelector('.flash.ok');
    const after = await world.core.engine.settingsFor('console');
    expect(after.mode).toBe('observe');
    expect(after.softReply).toBe(!softBefore);
    expect(await page.textContent('.flash.ok')).not.toMatch(/mode/);
    await world.say('/rg mode enforce', /enforce/);
  });

  // QA: the answer threshold was missing from the form.
  it('GIVEN an answer threshold typed in the form THEN it is saved and /rg status says questions are answered from it', async () => {
    const { page } = browser;
    await page.goto(`${world.url}/g/console/rules`);
    const before = await page.inputValue('#f-thresholds-answer');
    await page.fill('#f-thresholds-answer', '0.55');
    await page.click('button[value="save"]');
    await page.waitForSelector('.flash.ok');
    expect(await page.textContent('.flash.ok')).toMatch(/thresholds\.answer/);
    expect((await world.core.engine.settingsFor('console')).thresholds.answer).toBe(0.55);
    await world.say('/as owner', /you are now owner/);
    expect(await world.say('/rg status', /answered from/)).toMatch(/answered from 0\.55/);
    await page.goto(`${world.url}/g/console/rules`);
    await page.fill('#f-thresholds-answer', before);
    await page.click('button[value="save"]');
    await page.waitForSelector('.flash.ok');
  });

  // Regression test (QA: the browser sends a textarea's line breaks as CRLF, the page's base held LF,
  // so every list of two or more lines counted as changed and saving undid a chat command).
  it('GIVEN an exemption lifted in chat after the form was opened THEN saving another field keeps it lifted', async () => {
    const { page } = browser;
    await world.say('/as owner', /you are now owner/);
    await world.say('/rg exempt zara', /zara/);
    await world.say('/rg exempt yuri', /yuri/);
    await page.goto(`${world.url}/g/console/rules`);
    expect((await page.inputValue('#f-exemptions-members')).split('\n')).toEqual(expect.arrayContaining(['zara', 'yuri']));
    await world.say('/rg unexempt yuri', /yuri/);
    const softBefore = (await world.core.engine.settingsFor('console')).softReply;
    if (softBefore) await page.uncheck('#f-softReply');
    else await page.check('#f-softReply');
    await page.click('button[value="save"]');
    await page.waitForSelector('.flash.ok');
    expect(await page.textContent('.flash.ok')).not.toMatch(/exemptions/);
    const after = await world.core.engine.settingsFor('console');
    expect(after.exemptions.members).toContain('zara');
    expect(after.exemptions.members).not.toContain('yuri');
    expect(after.softReply).toBe(!softBefore);
    await world.say('/rg unexempt zara', /zara/);
  });
});

describe('review queue', () => {
  it('GIVEN a member report THEN the queue shows the message and its author, and accepting it closes it under the admin\'s name', async () => {
    const { page } = browser;
    await world.say('/as dave', /you are now dave/);
    await world.say('The mayor keeps aliens in the town hall basement', /\n/);
    await world.say('/as erin', /you are now erin/);
    await world.say('/report made up', /the admins will look at it/);

    await page.goto(`${world.url}/g/console/queue`);
    await browser.shot('14-queue');
    const item = page.locator('.queue-item');
    expect(await item.count()).toBe(1);
    expect(await item.textContent()).toContain('The mayor keeps aliens in the town hall basement');
    expect(await item.textContent()).toMatch(/Author: dave/);
    expect(await item.textContent()).toContain('1 report(s) from erin');
    // The claim comes prefilled from the message; the admin adds the verdict, refutation and source.
    expect(await item.locator('textarea[name=claim]').inputValue()).toBe('The mayor keeps aliens in the town hall basement');
    // A source the debunk schema refuses: the form comes back with what was typed, and why.
    await item.locator('select[name=verdict]').selectOption('misleading');
    await item.locator('textarea[name=refutation]').fill('Typed with care, not to be typed again.');
    await item.locator('input[name=source]').fill('javascript:alert(1)');
    await item.locator('button', { hasText: 'Accept as a debunk' }).click();
    await page.waitForSelector('.queue-item .flash.bad');
    await browser.shot('14b-queue-refused');
    expect(await item.locator('.flash.bad').textContent()).toMatch(/^Not done: .*Source URL: must be an http/);
    expect(await item.locator('textarea[name=refutation]').inputValue()).toBe('Typed with care, not to be typed again.');
    expect(await item.locator('input[name=source]').inputValue()).toBe('javascript:alert(1)');
    expect(await item.locator('select[name=verdict]').inputValue()).toBe('misleading');
    expect(browser.dialogs).toEqual([]);
    await item.locator('select[name=verdict]').selectOption('false');
    await item.locator('textarea[name=refutation]').fill('The town hall has no basement; the building plans are public.');
    await item.locator('input[name=source]').fill('https://town.example/plans');
    await item.locator('button', { hasText: 'Accept as a debunk' }).click();
    await page.waitForSelector('.flash.ok');
    await browser.shot('15-queue-accepted');
    expect(await page.textContent('.flash.ok')).toMatch(/^Done: OK: accepted report \w+ \(1 report\(s\); 1 message\(s\)\) as new debunk \S+ \(false\) for all groups; answering 1 message/);
    expect(await page.locator('.queue-item').count()).toBe(0);
    expect((await adminRecords(world)).filter((r) => r.action === 'accept')).toEqual([
      { action: 'accept', detail: expect.stringMatching(/^accepted report \w+ \(1 report\(s\) by erin; 1 message\(s\)\) as new debunk/), by: { kind: 'admin', id: 'owner', name: 'owner' } },
    ]);
  });
});

describe('a dispute accepted', () => {
  it('GIVEN a member\'s "not a rumor" the owner accepts in the queue THEN the incidents page marks that incident overturned, under the owner\'s name', async () => {
    // Regression: the incident stayed an ordinary spread with its strike on every page and export.
    const { page } = browser;
    await world.say('/as frank', /you are now frank/);
    await world.say(`my cousin swears ${TEXT.garlic}`, /\[ledger\]/);
    await world.say('/notrumor just quoting my cousin', /the admins will look at it/);
    await page.goto(`${world.url}/g/console/queue`);
    const item = page.locator('.queue-item', { hasText: 'my cousin swears' });
    await item.locator('button', { hasText: 'Accept' }).click();
    await page.waitForSelector('.flash.ok');
    await page.goto(`${world.url}/g/console/incidents?member=frank`);
    const row = page.locator('tbody tr').first();
    expect(await row.locator('.overturned').textContent()).toMatch(/^overturned as not a rumor by owner, \d{4}-\d\d-\d\d \d\d:\d\d$/);
    const others = await page.locator('.overturned').count();
    expect(others).toBe(1);
  });
});

describe('CSRF', () => {
  it('GIVEN a form post without the CSRF token, or with a wrong one THEN it is refused and nothing changes', async () => {
    const before = await world.core.engine.settingsFor('console');
    const recordsBefore = (await world.entries()).length;
    for (const form of [{ mode: 'observe', intent: 'save' }, { mode: 'observe', intent: 'save', _csrf: 'x'.repeat(43) }] as Record<string, string>[]) {
      const response = await browser.page.request.post(`${world.url}/g/console/rules`, { form });
      expect(response.status()).toBe(403);
      expect(await response.text()).toContain('did not come from your dashboard page');
      // Browser QA: "Reload the page" threw away what the admin had typed; going back keeps it.
      expect(await response.text()).toContain('Go back (your browser keeps what you typed)');
    }
    const pardon = await browser.page.request.post(`${world.url}/g/console/members/bob/pardon`, { form: {} });
    expect(pardon.status()).toBe(403);
    expect(await world.core.engine.settingsFor('console')).toEqual(before);
    expect((await world.core.engine.strikesOf('console', 'bob')).length).toBeGreaterThan(0);
    expect((await world.entries()).length).toBe(recordsBefore);
  });

  it('GIVEN the same posts sent as multipart forms (as a page on another port of the host can) THEN they are refused too and nothing changes', async () => {
    const before = await world.core.engine.settingsFor('console');
    const recordsBefore = (await world.entries()).length;
    const queueBefore = await world.core.moderator.review?.items('console');
    for (const [path, multipart] of [
      ['/members/bob/pardon', {}],
      ['/rules', { mode: 'observe', intent: 'save' }],
      ['/queue/anything/reject', { note: 'x' }],
      ['/debunks', { id: 'x', claim: 'y' }],
    ] as const) {
      const response = await browser.page.request.post(`${world.url}/g/console${path}`, { multipart });
      expect(response.status(), path).toBe(403);
      expect(await response.text()).toContain('did not come from your dashboard page');
    }
    expect(await world.core.engine.settingsFor('console')).toEqual(before);
    expect((await world.core.engine.strikesOf('console', 'bob')).length).toBeGreaterThan(0);
    expect(await world.core.moderator.review?.items('console')).toEqual(queueBefore);
    expect((await world.entries()).length).toBe(recordsBefore);
  });
});

describe('report', () => {
  it('GIVEN the report THEN it is on screen with the signed head, and the downloads match `ledger export`', async () => {
    const { page } = browser;
    // The period ends now: what the download itself adds to the ledger falls after it.
    await world.core.checkpointer?.settled();
    const until = new Date(Date.now() + 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await page.goto(`${world.url}/g/console/report?until=${until}`);
    await browser.shot('16-report');
    expect(await page.textContent('#report')).toContain('Signed chain head');
    expect(await page.textContent('#report')).toContain(XSS_NAME);
    expect(await page.locator('#report img').count()).toBe(0);

    const download = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(`#downloads a:has-text("${name}")`)]);
      return readFileSync((await file.path())!, 'utf8');
    };
    const md = await download('Markdown');
    const json = await download('JSON');
    const csv = await download('CSV');

    await world.core.checkpointer?.settled();
    const cli = (format: string) => {
      const run = runCli(['ledger', 'export', '--group', 'console', '--format', format, '--until', until], {
        env: { STORE_URL: world.storeUrl, LEDGER_CHECKPOINT_FILE: world.checkpointFile },
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      return run.stdout;
    };
    // The figures (everything from the totals on) are the same; the verification line counts the
    // whole chain, which the downloads themselves have grown since.
    const figures = (report: string) => report.slice(report.indexOf('## Totals'));
    expect(figures(md)).toBe(figures(cli('md')));
    // The posts the bot acted on, the reported one (answered when its report was accepted as a
    // debunk) among them; one more repeated the rumor answered moments before, and was only logged.
    expect(figures(md)).toContain('| Messages repeating a known rumor (acted on) | 5 |');
    expect(figures(md)).toContain('| Matches on which nothing was done (below the threshold that applied, or answered moments before): logged only | 1 |');
    expect(JSON.parse(json).entries).toEqual(JSON.parse(cli('json')).entries);
    const rows = (text: string) => text.split('\n').filter((l) => !l.startsWith('checkpoint') && !/^[^,]*,[^,]*,checkpoint,/.test(l));
    expect(rows(csv)).toEqual(rows(cli('csv')));
    expect(JSON.parse(json).checkpoint).toMatchObject({ groupId: 'console' });

    const downloads = (await adminRecords(world)).filter((r) => r.action === 'export');
    expect(downloads.map((d) => d.detail)).toEqual([
      `ledger report downloaded from the dashboard (md, … to ${until})`,
      `ledger report downloaded from the dashboard (json, … to ${until})`,
      `ledger report downloaded from the dashboard (csv, … to ${until})`,
    ]);
  });

  it('GIVEN a period with a day the calendar does not have, or one that ends before it starts THEN the page says so instead of quietly showing another period', async () => {
    const { page } = browser;
    await page.goto(`${world.url}/g/console/report?since=2026-02-30`);
    expect(await page.textContent('main .flash.bad')).toBe('"2026-02-30" is not a day (YYYY-MM-DD) the calendar has; it was left out of the period.');
    expect(await page.inputValue('input[name="since"]')).toBe('');
    await page.goto(`${world.url}/g/console/report?since=2030-01-01&until=2020-01-01`);
    expect(await page.textContent('main .flash.bad')).toBe('The period ends before it starts; the whole ledger is shown instead.');
    await page.goto(`${world.url}/g/console/report?since=2020-01-01`);
    expect(await page.locator('main .flash.bad').count()).toBe(0);
  });

  it('GIVEN the printable page THEN it prints to a PDF', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${world.url}/g/console/report/print`);
    await browser.shot('17-report-printable', page);
    const pdf = await page.pdf({ path: `${(await import('./browser.js')).SCREENSHOT_DIR}/report.pdf`, format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });
});

describe('debunks', () => {
  // QA: a debunk retired in the group was listed like any other, and could not be brought back.
  it('GIVEN a debunk retired in chat THEN the list marks it retired here; used again (/rg unretire), the mark is gone', async () => {
    const { page } = browser;
    await world.say('/as owner', /you are now owner/);
    await world.say('/rg retire garlic-prevents-infection', /retired/);
    await page.goto(`${world.url}/g/console/debunks?q=garlic`);
    await browser.shot('17-debunks-retired');
    expect(await page.locator('#debunks tr[data-id="garlic-prevents-infection"] [data-retired]').textContent()).toBe('retired here');
    await world.say('/rg unretire garlic-prevents-infection', /used again/);
    await page.reload();
    expect(await page.locator('#debunks tr[data-id="garlic-prevents-infection"]').count()).toBe(1);
    expect(await page.locator('#debunks [data-retired]').count()).toBe(0);
  });

  it('GIVEN a new entry with a bad source URL THEN the form names the problem; fixed, it is saved, matches and is ledgered', async () => {
    const { page } = browser;
    await page.goto(`${world.url}/g/console/debunks?q=5G`);
    await browser.shot('18-debunks-search');
    expect(await page.locator('#debunks tr[data-id="5g-spreads-coronavirus"] td').last().textContent()).toBe('3');

    await page.goto(`${world.url}/g/console/debunks/new`);
    await page.fill('#d-id', 'moon-landing-staged');
    await page.fill('#d-claim', 'The moon landing was filmed in a studio');
    await page.fill('#d-refutationEn', 'Hundreds of kilograms of lunar samples and independent tracking confirm the landings.');
    await page.fill('#d-sources', 'NASA history | not-a-url');
    await page.click('#debunk-form button[type="submit"]');
    await page.waitForSelector('[data-error-for="sources"]');
    await browser.shot('19-debunk-invalid');
    // The source by its line in the field, not by its path in the file (QA).
    expect(await page.textContent('[data-error-for="sources"]')).toBe('line 1, web address: not a web address starting with http:// or https://');
    expect(world.core.engine.debunk('moon-landing-staged')).toBeUndefined();

    await page.fill('#d-sources', 'NASA history | https://history.nasa.gov/');
    await page.click('#debunk-form button[type="submit"]');
    await page.waitForSelector('.flash.ok');
    await browser.shot('20-debunk-saved');
    expect(world.core.engine.debunk('moon-landing-staged')?.claim).toBe('The moon landing was filmed in a studio');
    expect(readFileSync(`${world.debunksDir}/dashboard.yaml`, 'utf8')).toContain('id: moon-landing-staged');
    await world.say('/as frank', /you are now frank/);
    expect(await world.say('The moon landing was filmed in a studio', /\[ledger\]|nothing to do/)).toContain('moon-landing-staged');
    expect((await adminRecords(world)).filter((r) => r.action === 'debunks').map((r) => r.detail)).toEqual([expect.stringMatching(/^added debunk moon-landing-staged to .*dashboard\.yaml$/)]);
  });

  it('GIVEN CSV and ClaimReview files to import THEN a bad one imports nothing and names the rows, good ones are imported, loaded and ledgered', async () => {
    const { page } = browser;
    const inputs = path.join(REPO, 'test/fixtures/import/inputs');
    await page.goto(`${world.url}/g/console/debunks`);
    await page.selectOption('#import-format', 'csv');
    await page.fill('#import-lang', 'zh');
    await page.setInputFiles('#import-file', path.join(inputs, 'bad-rows.csv'));
    await page.click('#import-form button[type="submit"]');
    await page.waitForSelector('#import-form .flash.bad');
    await browser.shot('21-debunks-import-refused');
    expect(await page.textContent('#import-form .flash.bad')).toMatch(/bad-rows\.csv:2 .*verdict/);
    expect(world.core.engine.debunk('abc')).toBeUndefined();
    // The form comes back as it was sent (the file is chosen again).
    expect(await page.inputValue('#import-format')).toBe('csv');
    expect(await page.inputValue('#import-lang')).toBe('zh');

    for (const [format, file] of [['csv', 'feed.csv'], ['claimreview', 'reviews.json']] as const) {
      await page.selectOption('#import-format', format);
      await page.fill('#import-lang', 'en');
      await page.setInputFiles('#import-file', path.join(inputs, file));
      await page.click('#import-form button[type="submit"]');
      await page.waitForSelector('.flash');
      expect(await page.textContent('.flash.ok')).toMatch(new RegExp(`^Imported \\d+ entries into .*imported-${file.replace(/\..*$/, '')}-\\d{8}T\\d{6}\\.yaml`));
    }
    await browser.shot('22-debunks-imported');
    expect(world.core.engine.debunk('garlic-cure')?.claim).toBe('Eating garlic prevents infection');
    const imports = (await adminRecords(world)).filter((r) => r.action === 'debunks' && r.detail.startsWith('imported'));
    expect(imports.map((r) => r.detail)).toEqual([expect.stringMatching(/^imported 3 debunks \(csv\) from feed\.csv into /), expect.stringMatching(/^imported \d+ debunks \(claimreview\) from reviews\.json into /)]);
  });
});

describe('keyboard', () => {
  // QA: ten Tab presses to reach a page's content.
  it('GIVEN a page THEN the first Tab reaches "Skip to content", and Enter puts the focus on the content', async () => {
    const { page } = browser;
    await page.goto(`${world.url}/g/console/incidents`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement?.id')).toBe('content');
  });
});

describe('language and phones', () => {
  it('GIVEN the language switch THEN the pages are in Chinese', async () => {
    const { page } = browser;
    await page.goto(`${world.url}/g/console`);
    await page.click('button[name="lang"][value="zh"]');
    await page.waitForSelector('nav.tabs a[aria-current="page"]:has-text("概览")');
    await browser.shot('23-overview-zh');
    expect(await page.textContent('h1')).toBe('概览');
    await page.goto(`${world.url}/g/console/rules`);
    await browser.shot('24-rules-zh');
    await page.click('button[name="lang"][value="en"]');
    await page.waitForSelector('nav.tabs a[aria-current="page"]:has-text("Rules")');
  });

  it('GIVEN the language switch asked to go back to an address with a tab or a line break in it THEN it goes to the overview, never elsewhere', async () => {
    const { page } = browser;
    await page.goto(`${world.url}/g/console`);
    const csrf = await page.inputValue('header input[name="_csrf"]');
    for (const back of ['/\t/evil.example', '/\n/evil.example', '/\\evil.example']) {
      const response = await page.request.post(`${world.url}/lang`, { form: { lang: 'en', back, _csrf: csrf }, maxRedirects: 0 });
      expect(response.status(), JSON.stringify(back)).toBe(303);
      expect(response.headers().location).toBe('/');
    }
    const ok = await page.request.post(`${world.url}/lang`, { form: { lang: 'en', back: '/g/console/rules', _csrf: csrf }, maxRedirects: 0 });
    expect(ok.headers().location).toBe('/g/console/rules');
  });

  it('GIVEN a phone-sized window THEN the pages fit its width', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [name, rest] of [['25-phone-overview', ''], ['26-phone-incidents', '/incidents'], ['27-phone-rules', '/rules']] as const) {
      await page.goto(`${world.url}/g/console${rest}`);
      await browser.shot(name);
      // Wide tables scroll inside their box; the page itself never scrolls sideways.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('a long ledger', () => {
  it('GIVEN a report longer than a page holds THEN the page shows its beginning and says how large it is and to download it', async () => {
    const { page } = browser;
    // 4,000 incidents with their outcomes: a report of several megabytes.
    for (let i = 0; i < 4_000; i += 500) await world.core.ledger.appendMany('console', syntheticRecords(i, i + 500).map((r) => ({ ...r, groupId: 'console' })));
    await page.goto(`${world.url}/g/console/report`);
    // The page's top: a full-page picture of a thousand table rows is no use to anyone.
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '29-report-cut.png') });
    expect(await page.textContent('#report')).toContain('Signed chain head');
    expect(await page.textContent('#report-cut')).toMatch(/^The report goes on: it is about \d+ MB in all, too long for one page\./);
    expect((await page.content()).length).toBeLessThan(SCREEN_CHARS * 2);
  }, 60_000);

  it('GIVEN more incidents than a page lists THEN "Older incidents" goes on to the next 200, keeping the filter, and back', async () => {
    // Regression (QA): the list stopped at "Showing 200 of 214" with no way to the older ones.
    const { page } = browser;
    await page.goto(`${world.url}/g/console/incidents`);
    expect(await page.textContent('#shown')).toMatch(/^Showing 1–200 of \d{4} incidents, newest first\./);
    const firstSeq = await page.locator('#incidents tbody tr').first().getAttribute('data-seq');
    await page.click('#older');
    expect(page.url()).toMatch(/\/incidents\?page=2$/);
    expect(await page.textContent('#shown')).toMatch(/^Showing 201–400 of \d{4} incidents/);
    expect(await page.locator('#incidents tbody tr').count()).toBe(200);
    expect(Number(await page.locator('#incidents tbody tr').first().getAttribute('data-seq'))).toBeLessThan(Number(firstSeq));
    await page.click('#newer');
    expect(await page.locator('#incidents tbody tr').first().getAttribute('data-seq')).toBe(firstSeq);
    // A filter that matches nothing says so, not "no incidents yet".
    await page.goto(`${world.url}/g/console/incidents?member=nobody-at-all`);
    expect(await page.textContent('main')).toContain('No incidents match these filters.');
    // Browser QA: a From after the To showed "0 of 0" with no word why; the report page explains it.
    await page.goto(`${world.url}/g/console/incidents?from=2026-03-05&to=2026-03-01`);
    expect(await page.textContent('#period-backwards')).toContain('From is after To');
  }, 60_000);
});

// Last of the tests that count incidents: these post more.
describe('names that would hide or turn text around', () => {
  it('GIVEN a name with a right-to-left override and one of zero-width spaces THEN neither turns the text around it nor hides: each invisible character is shown', async () => {
    const { page } = browser;
    // "\u202Eecila" shows as "alice" when its override is obeyed; the strike count after it would read backwards.
    await world.post('console', { id: 'rlo', name: '\u202Eecila' }, TEXT.fiveG, 'rlo-1');
    await world.post('console', { id: 'zw', name: '\u200B\u200B' }, TEXT.fiveG, 'zw-1');
    await page.goto(`${world.url}/g/console/incidents`);
    await browser.shot('09b-incidents-invisible-names');
    const rlo = page.locator('#incidents tbody tr').filter({ hasText: 'ecila' }).first();
    expect(await rlo.locator('td').nth(1).textContent()).toBe('U+202Eecilarlo · Strikes 1');
    expect(await rlo.locator('td bdi').first().innerHTML()).toBe('<span class="invisible">U+202E</span>ecila');
    const zw = page.locator('#incidents tbody tr').filter({ hasText: 'U+200BU+200B' });
    expect(await zw.count()).toBe(1);
    // The member's link is visible: it has a width.
    expect((await zw.locator('td a').first().boundingBox())?.width).toBeGreaterThan(20);
    // A name of a thousand letters without a space wraps instead of stretching the table.
    await world.post('console', { id: 'long', name: 'w'.repeat(1000) }, TEXT.fiveG, 'long-1');
    await page.goto(`${world.url}/g/console/incidents`);
    expect(await page.locator('#incidents').evaluate((table) => table.scrollWidth)).toBeLessThan(1300);
    // A member id longer than Fastify's default 100 characters still has a page.
    const longId = 'i'.repeat(150);
    await world.post('console', { id: longId, name: 'Ivy' }, TEXT.fiveG, 'long-id-1');
    const memberPage = await page.goto(`${world.url}/g/console/members/${longId}`);
    expect(memberPage?.status()).toBe(200);
    expect(await page.textContent('h1')).toBe('History of Ivy');
  });
});

describe('sessions', () => {
  it('GIVEN a session older than an hour and an admin the platform no longer confirms THEN the group is refused', async () => {
    const { page } = browser;
    world.demote(true);
    world.skew(61 * 60_000);
    try {
      const response = await page.goto(`${world.url}/g/console`);
      expect(response?.status()).toBe(403);
      await browser.shot('28-demoted');
    } finally {
      world.demote(false);
      world.skew(0);
    }
  });

  it('GIVEN every page visited THEN no script error or CSP refusal was reported', () => {
    expect(browser.problems).toEqual([]);
    expect(browser.dialogs).toEqual([]);
  });
});

// Last: its incidents would change the counts the tests above expect.
describe('member pardon', () => {
  // Regression test (QA: the dashboard's pardon removed the strikes and left the member muted).
  it('GIVEN a member muted for their strikes THEN a pardon on their page lifts the mute, as /rg pardon does', async () => {
    const { page } = browser;
    await world.say('/as owner', /you are now owner/);
    await world.say('/rg enable mute', /mute/);
    await world.say('/as mallory', /you are now mallory/);
    const from = world.printed().length;
    for (const text of [TEXT.fiveG, TEXT.garlic, TEXT.mosquito, TEXT.whatsapp, TEXT.gates, TEXT.beachGirl]) {
      await world.say(text, /\[ledger\]/);
      if (world.printed().slice(from).includes('[mute]')) break;
    }
    expect(world.printed().slice(from)).toContain('[mute]');
    // A fresh login: the session test above ends the one the other tests used.
    await page.goto(await linkFromBot(world));
    await page.click('#login');
    await page.waitForURL(/\/g\/console$/);
    await page.goto(`${world.url}/g/console/members/mallory`);
    await page.click('form[action$="/members/mallory/pardon"] button');
    await page.waitForSelector('.flash');
    expect(await page.textContent('.flash')).toContain('Their mute is lifted.');
    // Browser QA: the reply's lines ran together ("… of mallory Their mute is lifted.").
    expect(await page.innerText('.flash')).toMatch(/mallory\n+Their mute is lifted\./);
    expect(await world.core.engine.strikesOf('console', 'mallory')).toEqual([]);
    const pardons = (await adminRecords(world)).filter((r) => r.action === 'pardon' && r.detail.includes('mallory'));
    expect(pardons.at(-1)!.detail).toContain('mute lifted');
  });
});

describe('review queue: a report of a known rumor, and an item resolved meanwhile', () => {
  // Browser QA: accepting a report of a message the bot had answered made a second debunk of that
  // rumor; and a report resolved in the chat while the form was open lost what was typed, silently.
  it('GIVEN a report of a known rumor THEN accepting it is refused with the rumor named and the fields kept, AND "another rumor" makes the debunk', async () => {
    const { page } = browser;
    await world.say('/as gina', /you are now gina/);
    await world.say('5G towers spread the coronavirus, my neighbour swears by it', /\n/);
    await world.say('/as hank', /you are now hank/);
    await world.say('/report', /the admins will look at it/);
    await page.goto(`${world.url}/g/console/queue`);
    const item = page.locator('.queue-item', { hasText: 'my neighbour swears' });
    await item.locator('textarea[name=refutation]').fill('Typed once: radio waves carry no virus.');
    await item.locator('input[name=source]').fill('https://example.org/5g');
    await item.locator('button', { hasText: 'Accept as a debunk' }).click();
    await page.waitForSelector('.queue-item .flash.bad');
    expect(await item.locator('.flash.bad').textContent()).toMatch(/already matches the known rumor 5g-spreads-coronavirus/);
    expect(await item.locator('textarea[name=refutation]').inputValue()).toBe('Typed once: radio waves carry no virus.');
    await item.locator('input[name=new]').check();
    await item.locator('button', { hasText: 'Accept as a debunk' }).click();
    await page.waitForSelector('.flash.ok');
    expect(await page.textContent('.flash.ok')).toMatch(/as new debunk/);
  });

  it('GIVEN an item rejected in the chat while its accept form was open THEN sending the form says so and shows what was typed', async () => {
    const { page } = browser;
    await world.say('/as ivan', /you are now ivan/);
    await world.say('The lake in the park will be drained for a casino next month', /\n/);
    await world.say('/as jill', /you are now jill/);
    await world.say('/report', /the admins will look at it/);
    await page.goto(`${world.url}/g/console/queue`);
    const item = page.locator('.queue-item', { hasText: 'drained for a casino' });
    const id = await item.getAttribute('data-item');
    await item.locator('textarea[name=refutation]').fill('The council has no such plan; the minutes are public.');
    await item.locator('input[name=source]').fill('https://council.example/minutes');
    await world.say('/as owner', /you are now owner/);
    await world.say(`/rg reject ${id}`, /rejected/);
    await item.locator('button', { hasText: 'Accept as a debunk' }).click();
    await page.waitForSelector('.flash.bad');
    expect(await page.textContent('.flash.bad')).toContain(`No open item ${id}`);
    expect(await page.textContent('main')).toContain('no longer open');
    expect(await page.textContent('dl.typed')).toContain('The council has no such plan; the minutes are public.');
    expect(await page.textContent('dl.typed')).toContain('https://council.example/minutes');
  });
});
