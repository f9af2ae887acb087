import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncidentView } from '../../ledger/incidentOutcomes.js';
import type { IncidentRecord } from '../../ledger/ledgerRecord.js';
import { newestIncidents, scanIncidents } from '../../ledger/scanIncidents.js';
import type { DashboardContext, GroupRequestContext } from '../context.js';
import { incidentFilterOf, parseIncidentFilter } from '../data/incidentFilter.js';
import { OverviewTally } from '../data/overviewStats.js';
import { MAX_LISTED, incidentsBody, memberBody, pageOf } from '../pages/incidentsPage.js';
import { groupPath, page, type PageOptions, type Tab } from '../pages/layout.js';
import { overviewBody } from '../pages/overviewPage.js';
import { queueBody, type AcceptRetry } from '../pages/queuePage.js';
import { reviewItems } from '../../review/reviewItems.js';
import { seeOther, sendPage } from './respond.js';
import { rumorsOf } from '../../ledger/incidentRecord.js';

type GroupRequest = FastifyRequest<{ Params: { group: string; member?: string; item?: string; decision?: string }; Querystring: Record<string, string> }>;

/** A flash message a POST left for the page it redirects to, taken once. */
export async function takeFlash(ctx: DashboardContext, c: GroupRequestContext): Promise<PageOptions['flash']> {
  const flash = c.session.flash;
  if (!flash) return undefined;
  const { flash: _taken, ...rest } = c.session;
  await ctx.sessions.save(c.sessionId, rest);
  return flash;
}

/** Leaves a flash message for the next page of this session. */
export async function leaveFlash(ctx: DashboardContext, c: GroupRequestContext, flash: NonNullable<PageOptions['flash']>): Promise<void> {
  await ctx.sessions.save(c.sessionId, { ...c.session, flash });
}

/** The page chrome for a group page. */
export function groupPage(c: GroupRequestContext, req: FastifyRequest, tab: Tab | undefined, title: string, body: PageOptions['body'], extra: Partial<PageOptions> = {}) {
  return page({ t: c.t, lang: c.session.lang, session: c.session, group: c.group, ...(tab ? { tab } : {}), title, body, path: req.url, ...extra });
}

/** Overview, incidents, a member's history, the review queue. */
export function groupPages(app: FastifyInstance, ctx: DashboardContext): void {
  const engine = ctx.moderator.engine;
  // Each page reads the group's incidents in one pass, a page of the chain at a time, and keeps
  // only what it shows (see scanIncidents): a group of a million incidents never sits in memory.
  const newest = (groupId: string, keep?: (v: IncidentView) => boolean, alongside?: (v: IncidentView) => void) =>
    newestIncidents(ctx.ledger, groupId, MAX_LISTED, keep, alongside);
  /** The review queue's open items, near-duplicates grouped (the feedback queue's own when review is off). */
  const openItems = async (groupId: string) => ctx.moderator.review?.items(groupId) ?? reviewItems((await ctx.moderator.feedback?.open(groupId)) ?? []);

  app.get('/', async (req: GroupRequest, reply) => {
    const c = req.dash;
    const now = ctx.now();
    // Open items as the queue lists them (near-duplicate reports of one message are one item).
    const [scan, open] = await Promise.all([scanIncidents(ctx.ledger, c.group.id, () => new OverviewTally(now), true), openItems(c.group.id)]);
    const stats = await scan.result.stats(engine, c.group.id);
    const body = overviewBody(c, stats, { incidents: scan.result.count, open: open.length }, scan.check!, ctx.ledger.checkpoint(c.group.id));
    return sendPage(reply, groupPage(c, req, 'overview', c.t('overview'), body, { chart: true, flash: await takeFlash(ctx, c) }));
  });

  app.get('/incidents', async (req: GroupRequest, reply) => {
    const c = req.dash;
    const filter = parseIncidentFilter(req.query);
    // Page n holds the n-th MAX_LISTED newest: the scan keeps the newest n pages and shows the last.
    const page = pageOf(req.query);
    const seen = new Set<string>();
    const kept = await newestIncidents(ctx.ledger, c.group.id, MAX_LISTED * page, incidentFilterOf(filter), (v) => rumorsOf(v.entry.record).forEach((id) => seen.add(id)));
    const views = kept.views.slice(MAX_LISTED * (page - 1));
    const rumors = [...seen].sort();
    return sendPage(reply, groupPage(c, req, 'incidents', c.t('incidents'), incidentsBody(c, engine, filter, views, kept.count, rumors, page)));
  });

  app.get('/members/:member', async (req: GroupRequest, reply) => {
    const c = req.dash;
    const memberId = req.params.member ?? '';
    const { views } = await newest(c.group.id, (v) => v.entry.record.member.id === memberId);
    const name = views[0]?.entry.record.member.name ?? memberId;
    const strikes = (await engine.strikesOf(c.group.id, memberId)).length;
    const body = memberBody(c, engine, { id: memberId, name }, views, strikes);
    return sendPage(reply, groupPage(c, req, 'incidents', c.t('history', { name }), body, { flash: await takeFlash(ctx, c) }));
  });

  // The same core command as `/rg pardon <member>` in the chat, ledgered under the admin's name.
  app.post('/members/:member/pardon', async (req: GroupRequest, reply) => {
    const c = req.dash;
    const memberId = req.params.member ?? '';
    const back = groupPath(c.group.id, `/members/${encodeURIComponent(memberId)}`);
    // The chat command reads whitespace-separated words: an id with a space could name someone else.
    if (!/^\S+$/.test(memberId)) {
      await leaveFlash(ctx, c, { kind: 'bad', text: c.t('refused', { reply: c.t('pardonNoSpaces') }) });
      return seeOther(reply, back);
    }
    // The mute the strikes brought is lifted too, on the platform, as the chat command lifts it.
    const directory = ctx.directories.get(c.session.platform);
    const unmute = directory?.unmute ? (member: string) => directory.unmute!(c.group.id, member) : undefined;
    const result = await ctx.moderator.onAdminCommand(c.session.platform, c.group.id, c.admin, `/rg pardon ${memberId}`, c.session.lang, undefined, [], unmute);
    await leaveFlash(ctx, c, { kind: result.ok ? 'ok' : 'bad', text: c.t(result.ok ? 'done' : 'refused', { reply: result.reply }) });
    return seeOther(reply, back);
  });

  /** The queue page, with a refused accept form shown again (422) when there is one. */
  const queuePage = async (req: GroupRequest, c: GroupRequestContext, retry?: AcceptRetry) => {
    const items = await openItems(c.group.id);
    // The latest incident of each message the queue names, and only those.
    const wanted = new Set(items.flatMap((item) => item.messageIds));
    const found = new Map<string, IncidentView>();
    if (wanted.size > 0) {
      await scanIncidents(ctx.ledger, c.group.id, () => ({
        add: (v: IncidentView) => void (wanted.has(v.entry.record.messageId) && found.set(v.entry.record.messageId, v)),
        result: () => undefined,
      }));
    }
    const entries = await ctx.ledger.withTexts(c.group.id, [...found.values()].map((v) => v.entry));
    const incidents = new Map<string, IncidentRecord>(entries.map((e) => [e.record.messageId, e.record]));
    const body = queueBody(c, items, (messageId) => incidents.get(messageId), retry);
    return groupPage(c, req, 'queue', c.t('queue'), body, { flash: await takeFlash(ctx, c) });
  };

  app.get('/queue', async (req: GroupRequest, reply) => sendPage(reply, await queuePage(req, req.dash)));

  // `/rg accept|reject <item>`: the chat's own command, so the strike of an accepted dispute is withdrawn the same way.
  app.post('/queue/:item/:decision', async (req: GroupRequest, reply) => {
    const c = req.dash;
    const item = req.params.item ?? '';
    const decision = req.params.decision;
    if ((decision !== 'accept' && decision !== 'reject') || !/^[\w-]{1,40}$/.test(item)) return seeOther(reply, groupPath(c.group.id, '/queue'));
    // A report accepted as a debunk: the form's fields become the command's parts (a `|` in them would split a part).
    const form = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '').replace(/\|/g, '/').replace(/\s+/g, ' ').trim();
    const debunk = decision === 'accept' && field('verdict') ? ` | ${field('verdict')} | ${field('refutation')} | ${field('source')}${field('claim') ? ` | ${field('claim')}` : ''}` : '';
    const here = decision === 'accept' && form.here === '1' ? ' here' : '';
    const fresh = decision === 'accept' && form.new === '1' ? ' new' : '';
    const result = await ctx.moderator.onAdminCommand(c.session.platform, c.group.id, c.admin, `/rg ${decision} ${item}${here}${fresh}${debunk}`, c.session.lang);
    if (!result.ok && debunk !== '') {
      const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
      const fields = { claim: text('claim'), verdict: text('verdict'), refutation: text('refutation'), source: text('source'), here: here !== '', fresh: fresh !== '' };
      return sendPage(reply, await queuePage(req, c, { itemId: item, fields, error: c.t('refused', { reply: withFieldLabels(result.reply, c.t) }) }), 422);
    }
    await leaveFlash(ctx, c, { kind: result.ok ? 'ok' : 'bad', text: c.t(result.ok ? 'done' : 'refused', { reply: result.reply }) });
    return seeOther(reply, groupPath(c.group.id, '/queue'));
  });
}

/**
 * A refusal of the chat's accept command as the queue's form shows it: the debunk's field paths
 * named by the form's labels ("Source URL: must be an http:// or https:// address", not
 * "sources[0].url: …"), and the source's title, which the form has no field for (it is the URL's
 * host), left out (browser QA).
 */
export function withFieldLabels(reply: string, t: GroupRequestContext['t']): string {
  const labels: [RegExp, string][] = [
    [/sources\[0\]\.url(?=:)/g, t('sourceField')],
    [/(?<![\w.])refutation(?:\.\w+)?(?=:)/g, t('refutationField')],
    [/(?<![\w.])claim(?=:)/g, t('claimField')],
    [/(?<![\w.])verdict(?=:)/g, t('verdictField')],
  ];
  const withoutTitle = reply.replace(/sources\[0\]\.title: [^;]*(?:; |$)/g, '');
  return labels.reduce((text, [path, label]) => text.replace(path, label), withoutTitle);
}
