import type { Debunk } from '../../debunks/schema.js';
import { SEVERITIES, VERDICTS } from '../../debunks/schema.js';
import { IMPORT_FORMAT_NAMES } from '../../debunks/import/importFormats.js';
import type { GroupRequestContext } from '../context.js';
import type { DebunkForm } from '../data/debunkEditor.js';
import { html, type Html } from '../html.js';
import type { TextKey } from '../texts.js';
import { csrfField, groupPath } from './layout.js';

/** The search box, the entries with how often each matched in this group, and the import form. */
export function debunksBody(
  c: GroupRequestContext,
  o: { query: string; listed: readonly Debunk[]; total: number; counts: ReadonlyMap<string, number>; editable: boolean; importProblems?: readonly string[]; importForm?: { format?: string; lang?: string } },
): Html {
  const { t, group, session } = c;
  return html`<p class="muted">${t('debunksIntro')}</p>
${o.editable ? '' : html`<p class="muted">${t('readOnly')}</p>`}
<form class="filters card" method="get" action="${groupPath(group.id, '/debunks')}">
<label>${t('search')}<input type="search" name="q" value="${o.query}"></label>
<button type="submit">${t('search')}</button>
${o.editable ? html`<a class="button secondary" href="${groupPath(group.id, '/debunks/new')}">${t('addEntry')}</a>` : ''}
</form>
<p class="muted">${t('entries', { n: o.total })}</p>
<div class="scroll"><table id="debunks"><thead><tr><th>${t('id')}</th><th>${t('claim')}</th><th>${t('verdict')}</th><th>${t('severity')}</th><th>${t('matchedHere')}</th></tr></thead><tbody>
${o.listed.map(
  (d) => html`<tr data-id="${d.id}"><td><a href="${groupPath(group.id, `/debunks/${encodeURIComponent(d.id)}`)}">${d.id}</a></td><td class="text">${d.claim}</td><td>${d.verdict}</td><td>${d.severity}</td><td>${
    (o.counts.get(d.id) ?? 0) > 0 ? html`<a href="${groupPath(group.id, `/incidents?rumor=${encodeURIComponent(d.id)}`)}">${o.counts.get(d.id)}</a>` : '0'
  }</td></tr>`,
)}</tbody></table></div>
${o.editable
    ? html`<form class="card" method="post" action="${groupPath(group.id, '/debunks/import')}" enctype="multipart/form-data" id="import-form">
${csrfField(session)}
<h2>${t('importTitle')}</h2>
<p class="hint">${t('importHint')}</p>
${o.importProblems ? html`<div class="flash bad"><p>${t('importRefused')}</p><ul>${o.importProblems.map((p) => html`<li>${p}</li>`)}</ul></div>` : ''}
<label class="field" for="import-format">${t('format')}</label>
<select id="import-format" name="format">${IMPORT_FORMAT_NAMES.map((f) => html`<option value="${f}"${o.importForm?.format === f ? html` selected` : ''}>${f}</option>`)}</select>
<label class="field" for="import-lang">${t('importLang')}</label>
<input type="text" id="import-lang" name="lang" value="${o.importForm?.lang ?? ''}" placeholder="en, zh, …" size="8">
<label class="field" for="import-file">${t('file')}</label>
<input type="file" id="import-file" name="file" accept=".csv,.json,.jsonld,text/csv,application/json">
<div class="actions"><button type="submit">${t('importButton')}</button></div>
</form>`
    : ''}`;
}

/** One entry as a form (editable) or as its fields (read-only). */
export function debunkFormBody(c: GroupRequestContext, o: { form: DebunkForm; replacing?: string; editable: boolean; problems?: readonly string[]; byField?: ReadonlyMap<string, readonly string[]> }): Html {
  const { t, group, session } = c;
  const field = (name: keyof DebunkForm, key: TextKey, kind: 'text' | 'area' | 'date', errorField: string = name) => {
    const errs = o.byField?.get(errorField);
    const attrs = html`id="d-${name}" name="${name}"${o.editable ? '' : html` readonly`}${errs ? html` aria-invalid="true"` : ''}`;
    const control =
      kind === 'area' ? html`<textarea ${attrs} rows="3">${o.form[name]}</textarea>` : html`<input type="${kind === 'date' ? 'text' : 'text'}" class="wide" ${attrs} value="${o.form[name]}">`;
    return html`<label class="field" for="d-${name}">${t(key)}</label>${control}${errs ? html`${errs.map((e) => html`<p class="error" data-error-for="${errorField}">${e}</p>`)}` : ''}`;
  };
  const choice = (name: 'verdict' | 'severity', key: TextKey, options: readonly string[]) =>
    html`<label class="field" for="d-${name}">${t(key)}</label><select id="d-${name}" name="${name}"${o.editable ? '' : html` disabled`}>${options.map(
      (v) => html`<option value="${v}"${o.form[name] === v ? html` selected` : ''}>${v}</option>`,
    )}</select>${o.byField?.get(name) ? html`${o.byField.get(name)!.map((e) => html`<p class="error" data-error-for="${name}">${e}</p>`)}` : ''}`;
  return html`${o.problems ? html`<div class="flash bad"><p>${t('debunkRefused')}</p><ul>${o.problems.map((p) => html`<li>${p}</li>`)}</ul></div>` : ''}
<form class="card" method="post" action="${groupPath(group.id, '/debunks')}" novalidate id="debunk-form">
${csrfField(session)}
${o.replacing ? html`<input type="hidden" name="replacing" value="${o.replacing}">` : ''}
${field('id', 'id', 'text')}
${field('claim', 'claim', 'area')}
${field('variants', 'variants', 'area')}
${choice('verdict', 'verdict', VERDICTS)}
${field('refutationEn', 'refutationEn', 'area', 'refutation')}
${field('refutationZh', 'refutationZh', 'area', 'refutation')}
${field('sources', 'sources', 'area')}
${field('tags', 'tags', 'text')}
${choice('severity', 'severity', SEVERITIES)}
${field('lang', 'lang', 'text')}
${field('published', 'published', 'date')}
${field('expires', 'expires', 'date')}
${o.editable ? html`<div class="actions"><button type="submit">${t('save')}</button></div>` : html`<p class="muted">${t('readOnly')}</p>`}
</form>`;
}
