import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DashboardContext } from '../context.js';
import { SESSION_TTL_MS, type Session } from '../sessions.js';

export const SESSION_COOKIE = 'rg_session';

/** The cookie's attributes: HttpOnly, SameSite=Strict, and Secure when the dashboard is reached over https. */
export function setSessionCookie(ctx: DashboardContext, reply: FastifyReply, id: string): void {
  reply.setCookie(SESSION_COOKIE, id, { path: '/', httpOnly: true, sameSite: 'strict', secure: ctx.secureCookies, maxAge: SESSION_TTL_MS / 1000 });
}

export function clearSessionCookie(ctx: DashboardContext, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: ctx.secureCookies });
}

/** The session of the request's cookie, if it is a live one. */
export async function sessionOf(ctx: DashboardContext, req: FastifyRequest): Promise<{ id: string; session: Session } | undefined> {
  const id = req.cookies[SESSION_COOKIE];
  const session = await ctx.sessions.get(id);
  return session && id ? { id, session } : undefined;
}

/**
 * Asks the platform again which of the session's groups the admin still administers (and which
 * others the bot knows of). A platform that cannot be asked is an error: the session is not
 * trusted on old answers.
 */
export async function recheckGroups(ctx: DashboardContext, session: Session): Promise<{ ok: true; session: Session } | { ok: false; error: string }> {
  const directory = ctx.directories.get(session.platform);
  if (!directory) return { ok: false, error: `${session.platform} is not connected` };
  try {
    const listed = await directory.groupsOf(session.user.id);
    const others = session.groups.filter((g) => !listed.some((l) => l.id === g.id));
    const still = await Promise.all(others.map(async (g) => ((await directory.isAdmin(session.user.id, g.id)) ? [g] : [])));
    return { ok: true, session: { ...session, groups: [...listed, ...still.flat()], checkedAt: ctx.now() } };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
