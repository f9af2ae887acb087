import type {} from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DashboardContext, GroupRequestContext } from '../context.js';
import { csrfMatches } from '../sessions.js';
import { translator } from '../texts.js';
import { refuse } from './respond.js';
import { recheckGroups, sessionOf } from './sessionCookie.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the group guard on every /g/:group request it lets through. */
    dash: GroupRequestContext;
  }
  interface FastifyContextConfig {
    /**
     * The route reads multipart forms (uploads) and checks their CSRF token itself, once their
     * fields are read. A multipart post to any other route is refused by the group guard.
     */
    multipartChecksCsrf?: boolean;
  }
}

/**
 * The gate of every group page: a live session (else 401), the platform asked again when the
 * session's answer is over an hour old, the group among those it confirmed (else 403), and on a
 * form post the session's CSRF token (else 403, nothing done). A multipart post is let through
 * only to a route that checks the token itself once its fields are read (the upload: config
 * `multipartChecksCsrf`); to any other it is refused like a post without a token, since those
 * handlers read no multipart fields and would act with none checked.
 */
export function groupGuard(ctx: DashboardContext) {
  return async (req: FastifyRequest<{ Params: { group: string } }>, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const found = await sessionOf(ctx, req);
    if (!found) {
      const t = translator('en');
      return refuse(reply, 401, 'en', t('loginTitle'), `${t('loginNeeded')} ${translator('zh')('loginNeeded')}`);
    }
    let { session } = found;
    const t = translator(session.lang);
    if (ctx.sessions.needsRecheck(session)) {
      const checked = await recheckGroups(ctx, session);
      if (!checked.ok) return refuse(reply, 503, session.lang, t('loginTitle'), t('platformDown', { platform: session.platform, error: checked.error }), session);
      session = checked.session;
      await ctx.sessions.save(found.id, session);
    }
    const group = session.groups.find((g) => g.id === req.params.group);
    if (!group) return refuse(reply, 403, session.lang, t('appName'), t('notYourGroup'), session);
    if (req.method === 'POST') {
      const checked = req.isMultipart()
        ? req.routeOptions.config.multipartChecksCsrf === true
        : csrfMatches(session, (req.body as Record<string, unknown> | undefined)?._csrf);
      if (!checked) return refuse(reply, 403, session.lang, t('appName'), t('csrfFailed'), session);
    }
    req.dash = { sessionId: found.id, session, group, t, admin: { id: session.user.id, name: session.user.name, isAdmin: true } };
    return undefined;
  };
}
