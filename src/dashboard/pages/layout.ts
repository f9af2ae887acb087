import type { Language } from '../../engine/templates.js';
import type { GroupRef } from '../adminDirectory.js';
import { html, shown, shownPlain, type Html } from '../html.js';
import type { Session } from '../sessions.js';
import type { Translate } from '../texts.js';

/** The tabs of a group's pages, in order, with the path under /g/<group>. */
export const TABS = [
  ['overview', ''],
  ['incidents', '/incidents'],
  ['queue', '/queue'],
  ['rules', '/rules'],
  ['debunks', '/debunks'],
  ['report', '/report'],
] as const;
export type Tab = (typeof TABS)[number][0];

/** The path of a group's page. */
export const groupPath = (groupId: string, rest = '') => `/g/${encodeURIComponent(groupId)}${rest}`;

export interface PageOptions {
  t: Translate;
  lang: Language;
  title: string;
  body: Html;
  session?: Session;
  group?: GroupRef;
  tab?: Tab;
  /** Where the language switch comes back to. */
  path?: string;
  flash?: { kind: 'ok' | 'bad'; text: string };
  /** Pages with a chart load Chart.js. */
  chart?: boolean;
}

/** A whole page: header (who, language, log out), the group's tabs, the content. */
export function page(o: PageOptions): Html {
  const { t, session, group } = o;
  return html`<!doctype html>
<html lang="${o.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${shownPlain(o.title)} · ${t('appName')}</title>
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
<a class="skip" href="#content">${t('skipToContent')}</a>
<header class="top">
  <a class="brand" href="/">${t('appName')}</a>
  ${group ? html`<span>${shown(group.title)}</span>` : ''}
  ${session ? html`<span class="who">${t('loggedInAs', { name: session.user.name, platform: session.platform })}</span>` : ''}
  ${session ? languageSwitch(session, o.path ?? '/', t) : ''}
  ${session ? html`<form method="post" action="/logout"><input type="hidden" name="_csrf" value="${session.csrf}"><button type="submit">${t('logout')}</button></form>` : ''}
</header>
${session && group && session.groups.length > 1 ? groupSwitch(session.groups, group, t) : ''}
${group ? tabs(group, o.tab, t) : ''}
<main id="content" tabindex="-1">
<h1>${shown(o.title)}</h1>
${o.flash ? html`<div class="flash ${o.flash.kind}" role="status">${o.flash.text}</div>` : ''}
${o.body}
</main>
${o.chart ? html`<script src="/assets/chart.umd.min.js"></script>` : ''}
<script src="/assets/dashboard.js"></script>
</body>
</html>`;
}

function languageSwitch(session: Session, back: string, t: Translate): Html {
  const button = (lang: Language, label: string) =>
    html`<button type="submit" name="lang" value="${lang}" aria-pressed="${session.lang === lang ? 'true' : 'false'}">${label}</button>`;
  return html`<form method="post" action="/lang" aria-label="${t('switchLanguage')}"><input type="hidden" name="_csrf" value="${session.csrf}"><input type="hidden" name="back" value="${back}">${button('en', 'English')} ${button('zh', '中文')}</form>`;
}

function groupSwitch(groups: readonly GroupRef[], current: GroupRef, t: Translate): Html {
  return html`<nav class="groups" aria-label="${t('yourGroups')}">${t('yourGroups')}: ${groups.map(
    (g, i) => html`${i > 0 ? ' · ' : ''}${g.id === current.id ? html`<strong>${shown(g.title)}</strong>` : html`<a href="${groupPath(g.id)}">${shown(g.title)}</a>`}`,
  )}</nav>`;
}

function tabs(group: GroupRef, active: Tab | undefined, t: Translate): Html {
  return html`<nav class="tabs">${TABS.map(
    ([tab, rest]) => html`<a href="${groupPath(group.id, rest)}"${tab === active ? html` aria-current="page"` : ''}>${t(tab)}</a>`,
  )}</nav>`;
}

/** A hidden CSRF field for a form. */
export const csrfField = (session: Session) => html`<input type="hidden" name="_csrf" value="${session.csrf}">`;

/** A page that only says something (a refusal, a login hint). */
export function messagePage(t: Translate, lang: Language, title: string, text: string, session?: Session): Html {
  return page({ t, lang, title, body: html`<div class="card"><p>${text}</p></div>`, ...(session ? { session } : {}) });
}
