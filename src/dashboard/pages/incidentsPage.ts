import type { Engine } from '../../engine/engine.js';
import type { ActionView, IncidentView } from '../../ledger/incidentOutcomes.js';
import { STANCES } from '../../matching/types.js';
import { ACTION_TYPES } from '../../rules/actionTypes.js';
import type { GroupRequestContext } from '../context.js';
import { OUTCOMES, type IncidentFilter } from '../data/incidentFilter.js';
import { fillTemplate } from '../../lib/fillTemplate.js';
import { escapeHtml, html, Html, shown } from '../html.js';
import type { TextKey, Translate } from '../texts.js';
import { csrfField, groupPath } from './layout.js';
import { actionWord, outcomeWord, stanceWord, statusWord, whyWord } from './outcomeWords.js';
import { rumorsOf } from '../../ledger/incidentRecord.js';

/** Incidents a page lists at most; the filters narrow the rest down. */
export const MAX_LISTED = 200;
/** Pages of the incident list at most (the newest 10,000): older incidents are in the exports. */
export const MAX_PAGES = 50;

/** The `page` of a query: a whole number from 1 to MAX_PAGES, else 1. */
export function pageOf(query: Record<string, unknown>): number {
  const n = typeof query.page === 'string' && /^\d{1,3}$/.test(query.page) ? Number(query.page) : 1;
  return Math.min(Math.max(1, n), MAX_PAGES);
}

function actionList(actions: readonly ActionView[], t: Translate): Html {
  if (actions.length === 0) return html`<span class="muted">${t('logged')}</span>`;
  return html`<ul class="plain">${actions.map(
    (a) => html`<li><span class="status-${a.status}">${outcomeWord(t, a)}</span>${a.why ? html` <span class="muted">(${whyWord(t, a)})</span>` : ''}${a.settledAt ? html` <span class="muted">${a.settledAt.slice(11, 19)}</span>` : ''}</li>`,
  )}</ul>`;
}

/**
 * A sentence of the dashboard's with outside texts in it (`outside`: a debunk's claim, a
 * message's words), each shown as `shown` shows a member's name: isolated, its invisible and
 * direction characters made visible, so a claim ending in U+202E cannot turn the sentence around.
 */
function sentenceWith(t: Translate, key: TextKey, values: Record<string, string>, outside: Record<string, string>): Html {
  // The placeholders of `outside` are left as written by t() and filled after the escaping.
  return Html.trusted(fillTemplate(escapeHtml(t(key, values)), outside, (text) => shown(text).toString()));
}

/** Why the message matched, recomputed from its kept text with the database in force now. */
function explanation(engine: Engine, v: IncidentView, t: Translate): Html {
  const r = v.entry.record;
  if (r.messageText === undefined) return html`<span class="muted">—</span>`;
  const match = engine.explainText(r.messageText).matches.find((m) => m.debunkId === r.debunkId);
  if (!match) return html`<span class="muted">${t('noExplanation')}</span>`;
  const e = match.explanation;
  return html`${sentenceWith(t, 'explained', { kind: t(e.phrase.kind === 'claim' ? 'claimWord' : 'variantWord') }, { phrase: e.phrase.text, excerpt: e.excerpt })}<div class="muted">${t('matchScores', { score: match.score.toFixed(2), coverage: e.coverage.toFixed(2), similarity: e.similarity.toFixed(2) })}</div>`;
}

/** The table of incidents: message text, match explanation, every action's real outcome. */
export function incidentTable(c: GroupRequestContext, engine: Engine, views: readonly IncidentView[]): Html {
  const { t, group } = c;
  if (views.length === 0) return html`<p>${t('noIncidents')}</p>`;
  return html`<p class="muted">${t('explainedNote')}</p><div class="scroll"><table id="incidents" class="cards"><thead><tr>
<th>${t('when')}</th><th>${t('member')}</th><th>${t('rumor')}</th><th>${t('score')}</th><th>${t('stance')}</th><th>${t('message')}</th><th>${t('whyMatched')}</th><th>${t('actions')}</th>
</tr></thead><tbody>${views.map((v) => {
    const r = v.entry.record;
    return html`<tr data-seq="${v.entry.seq}">
<td class="when" data-label="${t('when')}">${r.messageAt.slice(0, 10)}<br>${r.messageAt.slice(11, 16)} <span class="muted">#${v.entry.seq}</span></td>
<td data-label="${t('member')}"><a href="${groupPath(group.id, `/members/${encodeURIComponent(r.member.id)}`)}">${shown(r.member.name)}</a><div class="muted">${shown(r.member.id)} · ${t('strikes')} ${r.strikes}</div></td>
<td data-label="${t('rumor')}">${rumorsOf(r).map((id, i) => html`${i > 0 ? html`<br>` : ''}<a href="${groupPath(group.id, `/incidents?rumor=${encodeURIComponent(id)}`)}">${id}</a>`)}</td>
<td data-label="${t('score')}">${r.score.toFixed(2)}</td>
<td data-label="${t('stance')}">${stanceWord(t, r.stance)}${r.refuting ? ' ✓' : ''}${v.overturnedBy === undefined ? '' : html`<div class="overturned">${shown(t('overturned', { by: v.overturnedBy }))}</div>`}</td>
<td class="text" data-label="${t('message')}">${r.messageText !== undefined ? shown(r.messageText) : (r.messageHash ? t('textPurged', { hash: r.messageHash.slice(0, 12) }) : '')}</td>
<td data-label="${t('whyMatched')}">${explanation(engine, v, t)}</td>
<td data-label="${t('actions')}">${actionList(v.actions, t)}</td>
</tr>`;
  })}</tbody></table></div>`;
}

const option = (value: string, label: string, selected: string | undefined) => html`<option value="${value}"${selected === value ? html` selected` : ''}>${label}</option>`;

/** The filter form and the list. */
export function incidentsBody(c: GroupRequestContext, engine: Engine, f: IncidentFilter, views: readonly IncidentView[], total: number, rumors: readonly string[], page = 1): Html {
  const { t, group } = c;
  // The same filters on the page before and after this one (older incidents further on).
  const pageLink = (n: number) => {
    const query = new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => typeof e[1] === 'string'));
    if (n > 1) query.set('page', String(n));
    const q = query.toString();
    return groupPath(group.id, `/incidents${q ? `?${q}` : ''}`);
  };
  const first = MAX_LISTED * (page - 1);
  const newer = page > 1 ? html`<a id="newer" href="${pageLink(page - 1)}">${t('newerIncidents')}</a>` : '';
  const older = first + views.length < total && page < MAX_PAGES ? html`<a id="older" href="${pageLink(page + 1)}">${t('olderIncidents')}</a>` : '';
  const filtered = Object.keys(f).length > 0;
  return html`<form class="filters card" method="get" action="${groupPath(group.id, '/incidents')}">
<label>${t('rumor')}<select name="rumor"><option value="">${t('any')}</option>${rumors.map((r) => option(r, r, f.rumor))}</select></label>
<label>${t('member')}<input type="search" name="member" value="${f.member ?? ''}"></label>
<label>${t('stance')}<select name="stance"><option value="">${t('any')}</option>${STANCES.map((s) => option(s, stanceWord(t, s), f.stance))}</select></label>
<label>${t('action')}<select name="action"><option value="">${t('any')}</option>${ACTION_TYPES.filter((a) => a !== 'log').map((a) => option(a, actionWord(t, a), f.action))}</select></label>
<label>${t('outcome')}<select name="outcome"><option value="">${t('any')}</option>${OUTCOMES.map((o) => option(o, statusWord(t, o), f.outcome))}</select></label>
<label>${t('from')}<input type="date" name="from" value="${f.from ?? ''}"></label>
<label>${t('to')}<input type="date" name="to" value="${f.to ?? ''}"></label>
<button type="submit">${t('filter')}</button> <a class="button secondary" href="${groupPath(group.id, '/incidents')}">${t('clear')}</a>
</form>
${f.from && f.to && f.from > f.to ? html`<div class="flash bad" role="alert" id="period-backwards">${t('periodBackwards')}</div>` : ''}
<p class="muted" id="shown">${views.length > 0 && (page > 1 || views.length < total) ? t('shownRange', { from: first + 1, to: first + views.length, total }) : t('shownOf', { shown: views.length, total })}</p>
${views.length === 0 && filtered ? html`<p>${t('noIncidentsMatch')}</p>` : incidentTable(c, engine, views)}
${newer || older ? html`<p class="pages">${newer} ${older}</p>` : ''}`;
}

/** A member's history: their incidents, their strikes in force now, and a pardon. */
export function memberBody(c: GroupRequestContext, engine: Engine, member: { id: string; name: string }, views: readonly IncidentView[], strikes: number): Html {
  const { t, group, session } = c;
  return html`<div class="card">
<p id="strikes-now">${t('strikesNow', { n: strikes })} · ${t('incidentCount', { n: views.length })}</p>
${strikes > 0
    ? html`<form method="post" action="${groupPath(group.id, `/members/${encodeURIComponent(member.id)}/pardon`)}">${csrfField(session)}<button type="submit" class="danger">${t('pardon')}</button></form>`
    : ''}
</div>
${incidentTable(c, engine, views)}`;
}
