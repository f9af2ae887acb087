import type { FastifyReply } from 'fastify';
import type { Language } from '../../engine/templates.js';
import type { Html } from '../html.js';
import { messagePage } from '../pages/layout.js';
import type { Session } from '../sessions.js';
import { translator } from '../texts.js';

/** Sends a page. */
export function sendPage(reply: FastifyReply, page: Html, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(page.toString());
}

/** Sends a page that only says why not (a refusal), in the admin's language. */
export function refuse(reply: FastifyReply, status: number, lang: Language, title: string, text: string, session?: Session): FastifyReply {
  return sendPage(reply, messagePage(translator(lang), lang, title, text, session), status);
}

/** A redirect after a POST, so a reload does not post again. */
export function seeOther(reply: FastifyReply, location: string): FastifyReply {
  return reply.code(303).header('location', location).send();
}
