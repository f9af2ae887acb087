import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDashboard, type Dashboard } from '../../src/dashboard/dashboardServer.js';
import { loadDebunks } from '../../src/debunks/loadDebunks.js';
import type { ChatMember } from '../../src/engine/chatMessage.js';
import type { Language } from '../../src/engine/templates.js';
import { startCore } from '../adapters/coreHarness.js';
import { REPO } from '../engine/harness.js';

/*
 * The Debunks pages over HTTP (Fastify's inject): the core as createCore wires it, the dashboard
 * on a copy of the shipped debunk folder, an owner who may edit the database, logged in with a
 * link as the bot hands one out.
 */

const GROUP = 'g-a';
const OWNER: ChatMember = { id: 'owner', name: 'Olivia', isAdmin: true };
const FIVE_G = '5g-spreads-coronavirus';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-debunk-pages-'));
  const debunksDir = path.join(dir, 'debunks');
  mkdirSync(debunksDir);
  copyFileSync(path.join(REPO, 'rules/debunks/examples.yaml'), path.join(debunksDir, 'examples.yaml'));
  const loaded = await loadDebunks(debunksDir);
  if (!loaded.ok) throw new Error('the copied debunk folder does not load');
  const core = await startCore({ groupId: GROUP, debunks: loaded.debunks, secrets: [] });
  const dashboard: Dashboard = createDashboard({ moderator: core.moderator, ledger: core.ledger, store: core.store, log: core.log, port: 0, debunksDir, debunkEditors: ['test:owner'] });
  dashboard.addDirectory({ platform: 'test', isAdmin: async () => true, groupsOf: async () => [{ id: GROUP, title: 'Group A', platform: 'test' }] });
  cleanup = async () => {
    await dashboard.close();
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  };

  /** A browser tab of its own: a session from a login link, in the admin's language. */
  const tab = async (lang: Language = 'en') => {
    const { url } = await dashboard.links.issue({ platform: 'test', user: { id: OWNER.id, name: OWNER.name }, groupId: GROUP, lang });
    const login = await dashboard.app.inject({ method: 'POST', url: '/login', payload: { token: url.split('/').at(-1)! } });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const get = async (pagePath: string) => {
      const r = await dashboard.app.inject({ method: 'GET', url: `/g/${GROUP}${pagePath}`, headers: { cookie } });
      return { status: r.statusCode, body: r.body, location: r.headers.location };
    };
    /** Posts a page's debunk form back with `changes` made to its fields, as the browser would. */
    const submit = async (page: string, changes: Record<string, string> = {}) => {
      const fields = formFields(page);
      const r = await dashboard.app.inject({ method: 'POST', url: `/g/${GROUP}/debunks`, headers: { cookie }, payload: { ...fields, ...changes } });
      return { status: r.statusCode, body: r.body, location: r.headers.location };
    };
    return { get, submit, cookie };
  };
  return { core, dashboard, debunksDir, tab };
}

/** The named fields of the page's debunk form, as a browser would send them. */
function formFields(page: string): Record<string, string> {
  const form = /<form[^>]*id="debunk-form"[^>]*>([\s\S]*?)<\/form>/.exec(page)?.[1] ?? '';
  const fields: Record<string, string> = {};
  for (const [, name, value] of form.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) fields[name!] = unescape(value!);
  for (const [, name, value] of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) fields[name!] = unescape(value!);
  for (const [, name, options] of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) fields[name!] = /<option value="([^"]*)" selected>/.exec(options!)?.[1] ?? '';
  return fields;
}

function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#96);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#96': '`' })[e]!);
}

/** The ids the Debunks list shows, in order. */
const listedIds = (page: string) => [...page.matchAll(/<tr data-id="([^"]+)">/g)].map((m) => m[1]);

describe('debunk editor: two admins on one entry', () => {
  it('GIVEN two tabs on one entry THEN the second save is refused (409) with what changed, keeps its typed values, and saved again it goes through', async () => {
    const { core, debunksDir, tab } = await setup();
    const [a, b] = [await tab(), await tab()];
    const pageA = (await a.get(`/debunks/${FIVE_G}`)).body;
    const pageB = (await b.get(`/debunks/${FIVE_G}`)).body;
    expect(formFields(pageA).version).toMatch(/^[0-9a-f]{16}$/);

    const savedA = await a.submit(pageA, { refutationEn: 'Radio waves cannot carry a virus: tab A wrote this.' });
    expect(savedA.status).toBe(303);
    const refusedB = await b.submit(pageB, { tags: 'health, 5g, tab-b' });
    expect(refusedB.status).toBe(409);
    expect(refusedB.body).toContain('someone else changed 5g-spreads-coronavirus after you opened it');
    // Tab B's typed values are still in the form, and tab A's change is shown where it differs.
    expect(formFields(refusedB.body).tags).toBe('health, 5g, tab-b');
    expect(refusedB.body).toMatch(/data-stored-now="refutationEn">Stored now: <bdi>Radio waves cannot carry a virus: tab A wrote this\.<\/bdi>/);
    // Nothing of tab B's was written: tab A's refutation stands.
    expect(core.engine.debunk(FIVE_G)?.refutation).toMatchObject({ en: 'Radio waves cannot carry a virus: tab A wrote this.' });
    expect(readFileSync(path.join(debunksDir, 'examples.yaml'), 'utf8')).toContain('tab A wrote this');
    expect(core.engine.debunk(FIVE_G)?.tags).not.toContain('tab-b');

    // Having seen it, B saves again from the refused page: now on top of A's version.
    const again = await b.submit(refusedB.body, { refutationEn: 'Radio waves cannot carry a virus: tab A wrote this. B agrees.' });
    expect(again.status).toBe(303);
    expect(core.engine.debunk(FIVE_G)).toMatchObject({ tags: ['health', '5g', 'tab-b'], refutation: { en: 'Radio waves cannot carry a virus: tab A wrote this. B agrees.' } });
  });

  it('GIVEN a Chinese session THEN the refusal is in Chinese', async () => {
    const { tab } = await setup();
    const [a, b] = [await tab(), await tab('zh')];
    const pageA = (await a.get(`/debunks/${FIVE_G}`)).body;
    const pageB = (await b.get(`/debunks/${FIVE_G}`)).body;
    await a.submit(pageA, { tags: 'a' });
    const refused = await b.submit(pageB, { tags: 'b' });
    expect(refused.status).toBe(409);
    expect(refused.body).toContain('有人修改了 5g-spreads-coronavirus');
    expect(refused.body).toContain('现在保存的内容：');
  });

  it('GIVEN the entry was renamed meanwhile THEN the save is refused as gone, and the values are kept for a new entry', async () => {
    const { core, tab } = await setup();
    const [a, b] = [await tab(), await tab()];
    const pageA = (await a.get(`/debunks/${FIVE_G}`)).body;
    const pageB = (await b.get(`/debunks/${FIVE_G}`)).body;
    expect((await a.submit(pageA, { id: '5g-towers-spread-covid' })).status).toBe(303);
    const refused = await b.submit(pageB, { claim: 'Changed by B' });
    expect(refused.status).toBe(409);
    expect(refused.body).toContain('5g-spreads-coronavirus is no longer in the database');
    const fields = formFields(refused.body);
    expect(fields).toMatchObject({ claim: 'Changed by B', id: FIVE_G });
    expect(fields.replacing).toBeUndefined();
    expect(core.engine.debunk('5g-towers-spread-covid')?.claim).not.toBe('Changed by B');
  });
});

describe('debunk search', () => {
  it.each(['zzzz', '<scripts>', '"', 'xylophone'])('GIVEN q=%s THEN no entry is listed and the page says none matches', async (q) => {
    const { tab } = await setup();
    const page = (await (await tab()).get(`/debunks?q=${encodeURIComponent(q)}`)).body;
    expect(listedIds(page)).toEqual([]);
    expect(page).toMatch(/<p class="muted" id="debunk-count">No entry matches &quot;.*&quot; \(the database has \d+\)\.<\/p>/);
  });

  it('GIVEN q=<script> THEN only the entry with "script" in its texts ("subscription") is listed, and the query shows as text', async () => {
    const { core, tab } = await setup();
    const page = (await (await tab()).get(`/debunks?q=${encodeURIComponent('<script>')}`)).body;
    const ids = listedIds(page);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThan(core.engine.debunkCount);
    for (const id of ids) expect(JSON.stringify(core.engine.debunk(id!)).toLowerCase()).toContain('script');
    expect(page).toContain('match &quot;&lt;script&gt;&quot;.');
  });

  it('GIVEN words of some entries THEN only those are listed, with how many match', async () => {
    const { core, tab } = await setup();
    const t = await tab();
    const page = (await t.get('/debunks?q=5G')).body;
    const ids = listedIds(page);
    expect(ids[0]).toBe(FIVE_G);
    expect(ids.length).toBeLessThan(core.engine.debunkCount);
    expect(page).toContain(`${ids.length} of ${core.engine.debunkCount} entries match &quot;5G&quot;.`);
    // Chinese too, and the page's count line in Chinese for a Chinese session.
    const zh = (await (await tab('zh')).get(`/debunks?q=${encodeURIComponent('滩')}`)).body;
    expect(listedIds(zh).length).toBeGreaterThan(0);
    expect(listedIds(zh).every((id) => core.engine.debunk(id!)!.claim.includes('滩') || JSON.stringify(core.engine.debunk(id!)).includes('灘'))).toBe(true);
    expect(zh).toMatch(/其中 \d+ 个与“滩”匹配/);
  });

  it('GIVEN a save THEN the page it goes to lists the saved entry first', async () => {
    const { tab } = await setup();
    const t = await tab();
    const saved = await t.submit((await t.get(`/debunks/${FIVE_G}`)).body, { claim: '5G masts spread the coronavirus' });
    expect(saved.location).toBe(`/g/${GROUP}/debunks?q=${FIVE_G}`);
    expect(listedIds((await t.get(saved.location!.replace(`/g/${GROUP}`, ''))).body)[0]).toBe(FIVE_G);
  });
});

describe('debunk editor: entries accepted in review', () => {
  async function accepted(here: boolean) {
    const world = await setup();
    const { core } = world;
    const text = 'The 5th Street mall will close for good next Monday because the owners went bankrupt';
    await core.moderator.onFeedback('report', { platform: 'test', groupId: GROUP, messageId: '1', member: { id: 'dave', name: 'Dave' }, text, sentAt: Date.now() }, { id: 'r1', name: 'Rita' }, '');
    const [item] = await core.moderator.review!.items(GROUP);
    const r = await core.moderator.onAdminCommand('test', GROUP, OWNER, `/rg accept ${item!.id}${here ? ' here' : ''} | false | The mall's owners say it stays open. | https://mall.example/notice`);
    expect(r.ok).toBe(true);
    const id = [...core.engine.debunks()].find((d) => d.claim === text)!.id;
    return { ...world, id };
  }

  it('GIVEN a debunk accepted from the queue THEN its edit page saves, where review keeps it, serving the same groups, and ledgered', async () => {
    const { core, debunksDir, tab, id } = await accepted(true);
    expect(core.library.sourceOf(id)).toBe('review');
    const t = await tab();
    const saved = await t.submit((await t.get(`/debunks/${encodeURIComponent(id)}`)).body, { claim: 'The 5th Street mall will close for good next Monday because its owners went bankrupt' });
    expect(saved.status).toBe(303);
    expect(core.engine.debunk(id)?.claim).toBe('The 5th Street mall will close for good next Monday because its owners went bankrupt');
    // Still review's, still this group's only; no file took it over.
    expect(core.library.sourceOf(id)).toBe('review');
    expect(core.engine.scopeOf(id)).toBe(GROUP);
    expect(() => readFileSync(path.join(debunksDir, 'dashboard.yaml'))).toThrow();
    const records = await core.records();
    expect(records.filter((x) => x.type === 'admin' && x.action === 'debunks')).toMatchObject([{ detail: `changed debunk ${id} in accepted reports (store)` }]);
    expect((await t.get(saved.location!.replace(`/g/${GROUP}`, ''))).body).toContain('Saved');
  });

  it('GIVEN an invalid edit or a stale form of such an entry THEN it is refused as any entry is, and nothing changes', async () => {
    const { core, tab, id } = await accepted(false);
    const [a, b] = [await tab(), await tab()];
    const pageA = (await a.get(`/debunks/${encodeURIComponent(id)}`)).body;
    const pageB = (await b.get(`/debunks/${encodeURIComponent(id)}`)).body;
    const invalid = await a.submit(pageA, { sources: 'Mall | not-a-url' });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toContain('data-error-for="sources"');
    expect((await a.submit(pageA, { tags: 'review, mall' })).status).toBe(303);
    const stale = await b.submit(pageB, { tags: 'review, b' });
    expect(stale.status).toBe(409);
    expect(core.engine.debunk(id)?.tags).toEqual(['review', 'mall']);
    expect(core.engine.scopeOf(id)).toBeUndefined();
  });
});

describe('review queue: a claim over the length limit', () => {
  it('GIVEN a reported message longer than a claim may be THEN the accept form holds it whole with the limit stated, and accepting it as is is refused, nothing cut or stored', async () => {
    const { core, dashboard, tab } = await setup();
    const long = `The east district water supply was poisoned last night. ${'Forward this to everyone you know before the officials delete it. '.repeat(8)}`.trim();
    await core.moderator.onFeedback('report', { platform: 'test', groupId: GROUP, messageId: '1', member: { id: 'dave', name: 'Dave' }, text: long, sentAt: Date.now() }, { id: 'r1', name: 'Rita' }, '');
    const [item] = await core.moderator.review!.items(GROUP);
    const t = await tab();
    const queue = (await t.get('/queue')).body;
    expect(queue).toContain(`>${long}</textarea>`);
    expect(queue).toContain(`The message is ${long.length} characters long; a claim may have at most 500.`);

    const before = core.engine.debunkCount;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(queue)![1]!;
    const r = await dashboard.app.inject({
      method: 'POST',
      url: `/g/${GROUP}/queue/${item!.id}/accept`,
      headers: { cookie: t.cookie },
      payload: { _csrf: csrf, claim: long, verdict: 'false', refutation: 'It is safe.', source: 'https://water.example.org/notice' },
    });
    expect(r.statusCode).toBe(422);
    expect(r.body).toContain(`the claim is ${long.length} characters long, and a claim may have at most 500`);
    expect(core.engine.debunkCount).toBe(before);
    expect((await core.moderator.review!.items(GROUP)).length).toBe(1);
  });
});

describe('direction and invisible characters in debunk texts', () => {
  const CLAIM = 'The city hall will close on Monday because of a gas leak, stay away now \u202E evil';

  it('GIVEN a claim with a right-to-left override THEN the list, the edit page and the incidents\' "why it matched" show it as U+202E, never obey it', async () => {
    const { core, tab } = await setup();
    const t = await tab();
    const added = await t.submit((await t.get('/debunks/new')).body, {
      id: 'city-hall-gas-leak',
      claim: CLAIM,
      refutationEn: 'The gas company found no leak \u202E at all.',
      sources: 'City notice \u202E | https://city.example/notice',
    });
    expect(added.status).toBe(303);

    const list = (await t.get('/debunks?q=city')).body;
    const row = /<tr data-id="city-hall-gas-leak">[\s\S]*?<\/tr>/.exec(list)![0];
    expect(row).not.toContain('\u202E');
    expect(row).toContain('<bdi>The city hall will close on Monday because of a gas leak, stay away now <span class="invisible">U+202E</span> evil</bdi>');

    const edit = (await t.get('/debunks/city-hall-gas-leak')).body;
    for (const field of ['claim', 'refutationEn', 'sources']) expect(edit).toMatch(new RegExp(`data-invisible-for="${field}">[^<]*<bdi>[^]*?<span class="invisible">U\\+202E</span>`));
    // The form's own fields keep the text as written, so a save does not change it.
    expect(formFields(edit).claim).toBe(CLAIM);

    const handled = await core.moderator.onMessage({ platform: 'test', groupId: GROUP, messageId: 'm1', member: { id: 'erin', name: 'Erin' }, text: 'The city hall will close on Monday because of a gas leak, stay away now \u202E evil', sentAt: Date.now() });
    expect(handled.decision.matches[0]?.debunkId).toBe('city-hall-gas-leak');
    await handled.outcomes;
    await core.moderator.settled();
    const incidents = (await t.get('/incidents')).body;
    const why = /<td data-label="Why it matched">([\s\S]*?)<\/td>/.exec(incidents)![1]!;
    expect(why).toContain('matched the claim');
    expect(why).not.toContain('\u202E');
    expect(why).toContain('<span class="invisible">U+202E</span>');
  });
});

// Browser QA: a form over the 1 MB body limit got a bare "Request body is too large" page.
describe('a form larger than the dashboard takes', () => {
  it('GIVEN a debunk form of 1.2 MB THEN the page says so in both languages and how to get back to what was typed, and nothing is saved', async () => {
    const { dashboard, tab, core } = await setup();
    const { cookie } = await tab();
    const before = [...core.engine.debunks()].length;
    const r = await dashboard.app.inject({ method: 'POST', url: `/g/${GROUP}/debunks`, headers: { cookie }, payload: { id: 'too-big', refutationEn: 'x'.repeat(1_200_000) } });
    expect(r.statusCode).toBe(413);
    expect(r.body).toContain('The form is larger than the dashboard takes (1 MB): nothing was changed. Go back');
    expect(r.body).toContain('表单超过了管理后台接受的大小');
    expect([...core.engine.debunks()].length).toBe(before);
  });
});
