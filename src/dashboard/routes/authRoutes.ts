import type { FastifyInstance } from 'fastify';
import type { GroupRef } from '../adminDirectory.js';
import type { DashboardContext } from '../context.js';
import { html, shown } from '../html.js';
import { groupPath, messagePage, page } from '../pages/layout.js';
import { csrfMatches } from '../sessions.js';
import { translator } from '../texts.js';
import { refuse, seeOther, sendPage } from './respond.js';
import { clearSessionCookie, sessionOf, setSessionCookie } from './sessionCookie.js';

const body = (raw: unknown): Record<string, unknown> => (raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {});

/**
 * Logging in and out. Opening a link only shows a button: the link is used up by the POST it
 * sends, so a chat app fetching the link for a preview cannot spend it. The POST checks the
 * admin with the platform before any session exists.
 */
export function authRoutes(app: FastifyInstance, ctx: DashboardContext): void {
  app.get('/', async (req, reply) => {
    const found = await sessionOf(ctx, req);
    if (!found) {
      const t = translator('en');
      const zh = translator('zh');
      return sendPage(reply, page({ t, lang: 'en', title: t('loginTitle'), body: html`<div class="card"><p>${t('loginNeeded')}</p><p lang="zh">${zh('loginNeeded')}</p></div>` }), 401);
    }
    const { session } = found;
    if (session.groups.length === 1) return seeOther(reply, groupPath(session.groups[0]!.id));
    const t = translator(session.lang);
    return sendPage(
      reply,
      page({ t, lang: session.lang, session, path: '/', title: t('yourGroups'), body: html`<ul class="card">${session.groups.map((g) => html`<li><a href="${groupPath(g.id)}">${shown(g.title)}</a> <span class="muted">${g.platform} ${g.id}</span></li>`)}</ul>` }),
    );
  });

  app.get<{ Params: { token: string } }>('/login/:token', async (req, reply) => {
    const peeked = await ctx.links.peek(req.params.token);
    if (!peeked.ok) {
      const t = translator('en');
      return refuse(reply, 410, 'en', t('loginTitle'), `${t(peeked.error === 'expired' ? 'linkExpired' : 'linkUnknown')} ${translator('zh')(peeked.error === 'expired' ? 'linkExpired' : 'linkUnknown')}`);
    }
    const { link } = peeked;
    const t = translator(link.lang);
    return sendPage(
      reply,
      page({
        t,
        lang: link.lang,
        title: t('loginTitle'),
        body: html`<form class="card" method="post" action="/login"><p>${t('loginIntro', { name: link.user.name })}</p><input type="hidden" name="token" value="${req.params.token}"><button type="submit" id="login">${t('loginButton')}</button></form>`,
      }),
    );
  });

  app.post('/login', async (req, reply) => {
    const token = body(req.body).token;
    const redeemed = await ctx.links.redeem(typeof token === 'string' ? token : '');
    if (!redeemed.ok) {
      const t = translator('en');
      return refuse(reply, 410, 'en', t('loginTitle'), `${t(redeemed.error === 'expired' ? 'linkExpired' : 'linkUnknown')} ${translator('zh')(redeemed.error === 'expired' ? 'linkExpired' : 'linkUnknown')}`);
    }
    const { link } = redeemed;
    const t = translator(link.lang);
    const directory = ctx.directories.get(link.platform);
    if (!directory) return refuse(reply, 503, link.lang, t('loginTitle'), t('platformDown', { platform: link.platform, error: 'not connected' }));
    let groups: GroupRef[];
    try {
      if (!(await directory.isAdmin(link.user.id, link.groupId))) return refuse(reply, 403, link.lang, t('loginTitle'), t('notAdmin', { platform: link.platform }));
      groups = await directory.groupsOf(link.user.id);
    } catch (error) {
      ctx.log.warn({ err: error, platform: link.platform }, 'dashboard: admin check failed');
      return refuse(reply, 503, link.lang, t('loginTitle'), t('platformDown', { platform: link.platform, error: (error as Error).message }));
    }
    if (!groups.some((g) => g.id === link.groupId)) groups = [{ id: link.groupId, title: link.groupTitle ?? link.groupId, platform: link.platform }, ...groups];
    const { id } = await ctx.sessions.create({ platform: link.platform, user: link.user, lang: link.lang, groups });
    setSessionCookie(ctx, reply, id);
    await ctx.moderator.recordAction(link.platform, link.groupId, { kind: 'admin', ...link.user }, 'dashboard', 'logged in to the dashboard');
    return seeOther(reply, groupPath(link.groupId));
  });

  app.post('/logout', async (req, reply) => {
    const found = await sessionOf(ctx, req);
    if (found) {
      if (!csrfMatches(found.session, body(req.body)._csrf)) return refuse(reply, 403, found.session.lang, translator(found.session.lang)('logout'), translator(found.session.lang)('csrfFailed'));
      await ctx.sessions.destroy(found.id);
    }
    clearSessionCookie(ctx, reply);
    return seeOther(reply, '/');
  });

  app.post('/lang', async (req, reply) => {
    const found = await sessionOf(ctx, req);
    const form = body(req.body);
    if (!found) return seeOther(reply, '/');
    const t = translator(found.session.lang);
    if (!csrfMatches(found.session, form._csrf)) return sendPage(reply, messagePage(t, found.session.lang, t('switchLanguage'), t('csrfFailed'), found.session), 403);
    const lang = form.lang === 'zh' ? 'zh' : 'en';
    await ctx.sessions.save(found.id, { ...found.session, lang });
    // Only a path of this dashboard: never an address elsewhere. Browsers drop tabs and line breaks
    // from a Location ("/\t/evil.example" becomes "//evil.example"), so no control character passes.
    const back = typeof form.back === 'string' && /^\/(?![/\\])[^\\\u0000-\u001f\u007f]*$/.test(form.back) ? form.back : '/';
    return seeOther(reply, back);
  });
}
