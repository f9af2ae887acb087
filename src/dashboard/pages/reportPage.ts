import MarkdownIt from 'markdown-it';
import type { Language } from '../../engine/templates.js';
import type { GroupRequestContext } from '../context.js';
import { Html, html } from '../html.js';
import type { Translate } from '../texts.js';
import { groupPath } from './layout.js';

/**
 * The report's Markdown as HTML. Raw HTML in it is escaped (html: false), and the report escapes
 * every member's or admin's text itself, so the page shows names and messages as text.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
// Each table scrolls sideways inside a box of its own, as the other pages' tables do: on a phone
// the "What was done" table made the whole page 1,035 px wide (QA).
markdown.renderer.rules.table_open = (tokens, idx, options, _env, self) => `<div class="scroll">${self.renderToken(tokens, idx, options)}`;
markdown.renderer.rules.table_close = (tokens, idx, options, _env, self) => `${self.renderToken(tokens, idx, options)}</div>`;
export const reportHtml = (md: string): Html => Html.trusted(markdown.render(md));

/** The period as the query gives it, for links to the downloads. */
export interface Period {
  since?: string;
  until?: string;
}

/** A period value left out: not a day or time the calendar has, or an end not after the start. */
export interface PeriodProblem {
  kind: 'badDate' | 'emptyPeriod';
  field: keyof Period;
  value: string;
}

const query = (p: Period) => {
  const params = new URLSearchParams();
  if (p.since) params.set('since', p.since);
  if (p.until) params.set('until', p.until);
  const q = params.toString();
  return q ? `?${q}` : '';
};

/** The report page: the period form, the downloads, the report on screen. */
/** Under a report cut for the screen: how much there is, and where the rest is. */
function cutNote(t: Translate, totalChars: number | undefined): Html | string {
  if (totalChars === undefined) return '';
  return html`<p class="flash bad" id="report-cut">${t('reportCut', { size: `${Math.max(1, Math.round(totalChars / 1_000_000))} MB` })}</p>`;
}

export function reportBody(c: GroupRequestContext, period: Period, md: string, totalChars?: number, problems: readonly PeriodProblem[] = []): Html {
  const { t, group } = c;
  const link = (ext: string) => groupPath(group.id, `/report.${ext}${query(period)}`);
  return html`<p class="muted">${t('reportIntro')}</p>
${problems.map((p) => html`<div class="flash bad" role="alert">${p.kind === 'badDate' ? t('badDate', { value: p.value }) : t('emptyPeriod')}</div>`)}
<form class="filters card no-print" method="get" action="${groupPath(group.id, '/report')}">
<label>${t('from')}<input type="date" name="since" value="${period.since ?? ''}"></label>
<label>${t('before')}<input type="date" name="until" value="${period.until ?? ''}"></label>
<button type="submit">${t('show')}</button>
</form>
<div class="card no-print" id="downloads"><strong>${t('download')}:</strong>
<a class="button secondary" href="${link('md')}" download>Markdown (.md)</a>
<a class="button secondary" href="${link('csv')}" download>CSV</a>
<a class="button secondary" href="${link('json')}" download>JSON</a>
<a class="button secondary" href="${groupPath(group.id, `/report/print${query(period)}`)}" target="_blank" rel="noopener">${t('printable')}</a>
<p class="muted">${t('exportRecorded')}${c.session.lang === 'en' ? '' : html` ${t('downloadsInEnglish')}`}</p></div>
${cutNote(t, totalChars)}
<article class="card report" id="report">${reportHtml(md)}</article>`;
}

/** The printable page: the report alone, for the browser's Print → Save as PDF. */
export function printablePage(t: Translate, lang: Language, title: string, md: string, totalChars?: number): Html {
  return html`<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">
<title>${title}</title><link rel="stylesheet" href="/assets/app.css"></head>
<body><main>
<p class="no-print"><button type="button" data-print>${t('print')}</button> <span class="muted">${t('printHint')}</span></p>
${cutNote(t, totalChars)}
<article class="report" id="report">${reportHtml(md)}</article>
</main><script src="/assets/dashboard.js"></script></body></html>`;
}
