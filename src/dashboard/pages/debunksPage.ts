import type { Debunk } from '../../debunks/schema.js';
import { SEVERITIES, VERDICTS } from '../../debunks/schema.js';
import { IMPORT_FORMAT_NAMES } from '../../debunks/import/importFormats.js';
import type { GroupRequestContext } from '../context.js';
import type { DebunkForm } from '../data/debunkEditor.js';
import { html, shown, shownPlain, type Html } from '../html.js';
import type { TextKey } from '../texts.js';
import { csrfField, groupPath } from './layout.js';

/** The search box, the entries with how often each matched in this group, and the import form. */
export function debunksBody(
  c: GroupRequestContext,
  o: {
    query: string;
    listed: readonly Debunk[];
    /** Ids retired in this group (`/rg retire`): still listed, marked so. */
    retired: ReadonlySet<string>;
    total: number;
    /** How many entries match the query, when there is one (more than are listed, past the page's limit). */
    matching?: number;
    counts: ReadonlyMap<string, number>;
    editable: boolean;
    importProblems?: readonly string[];
    importForm?: { format?: string; lang?: string };
  },
): Html {
  const { t, group, session } = c;
  return html`<p class="muted">${t('debunksIntro')}</p>
${o.editable ? '' : html`<p class="muted">${t('readOnly')}</p>`}
<form class="filters card" method="get" action="${groupPath(group.id, '/debunks')}">
<label>${t('search')}<input type="search" name="q" value="${o.query}"></label>
<button type="submit">${t('search')}</button>
${o.editable ? html`<a class="button secondary" href="${groupPath(group.id, '/debunks/new')}">${t('addEntry')}</a>` : ''}
</form>
<p class="muted" id="debunk-count">${
    o.matching === undefined ? t('entries', { n: o.total }) : t(o.matching === 0 ? 'noDebunkMatches' : 'entriesMatching', { n: o.matching, total: o.total, query: o.query })
  }</p>
<div class="scroll"><table id="debunks"><thead><tr><th>${t('id')}</th><th>${t('claim')}</th><th>${t('verdict')}</th><th>${t('severity')}</th><th>${t('matchedHere')}</th></tr></thead><tbody>
${o.listed.map(
  (d) => html`<tr data-id="${d.id}"><td><a href="${groupPath(group.id, `/debunks/${encodeURIComponent(d.id)}`)}">${d.id}</a>${
    o.retired.has(d.id) ? html` <span class="tag" data-retired title="${t('retiredHereHint', { id: d.id })}">${t('retiredHere')}</span>` : ''
  }</td><td class="text">${shown(d.claim)}</td><td>${d.verdict}</td><td>${d.severity}</td><td>${
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

/**
 * One entry as a form (editable) or as its fields (read-only). `version` is the entry's version
 * as stored (see debunkVersion), sent back with the form so a save overtaken by someone else's is
 * refused; `conflict` says it was, and `current` is the entry as stored now, shown under each
 * field where it differs from the form's values.
 */
export function debunkFormBody(
  c: GroupRequestContext,
  o: {
    form: DebunkForm;
    replacing?: string;
    version?: string;
    editable: boolean;
    problems?: readonly string[];
    byField?: ReadonlyMap<string, readonly string[]>;
    conflict?: string;
    current?: DebunkForm;
    /** Why the entry is shown read-only, in place of the general read-only note. */
    note?: string;
  },
): Html {
  const { t, group, session } = c;
  // The stored value where it differs from the form's (after someone else's save), and the
  // invisible and direction characters of a value (form fields show text as it is, obeying them).
  const below = (name: keyof DebunkForm) => {
    const now = o.current?.[name];
    const value = o.form[name];
    return html`${now !== undefined && now.trim() !== value.trim() ? html`<p class="error" data-stored-now="${name}">${t('storedNow')} ${now.trim() ? shown(now) : '—'}</p>` : ''}${
      shownPlain(value) !== value ? html`<p class="hint" data-invisible-for="${name}">${t('invisibleChars')} ${shown(value)}</p>` : ''
    }`;
  };
  /** `errorFields`: the problems' fields said under this one (the first names them in the page). */
  const field = (name: keyof DebunkForm, key: TextKey, kind: 'text' | 'area' | 'date', errorFields: readonly string[] = [name]) => {
    const errorField = errorFields[0]!;
    const found = errorFields.flatMap((f) => o.byField?.get(f) ?? []);
    const errs = found.length > 0 ? found : undefined;
    const attrs = html`id="d-${name}" name="${name}"${o.editable ? '' : html` readonly`}${errs ? html` aria-invalid="true"` : ''}`;
    const control =
      kind === 'area' ? html`<textarea ${attrs} rows="3">${o.form[name]}</textarea>` : html`<input type="${kind === 'date' ? 'text' : 'text'}" class="wide" ${attrs} value="${o.form[name]}">`;
    return html`<label class="field" for="d-${name}">${t(key)}</label>${control}${errs ? html`${errs.map((e) => html`<p class="error" data-error-for="${errorField}">${e}</p>`)}` : ''}${below(name)}`;
  };
  const choice = (name: 'verdict' | 'severity', key: TextKey, options: readonly string[]) =>
    html`<label class="field" for="d-${name}">${t(key)}</label><select id="d-${name}" name="${name}"${o.editable ? '' : html` disabled`}>${options.map(
      (v) => html`<option value="${v}"${o.form[name] === v ? html` selected` : ''}>${v}</option>`,
    )}</select>${o.byField?.get(name) ? html`${o.byField.get(name)!.map((e) => html`<p class="error" data-error-for="${name}">${e}</p>`)}` : ''}${below(name)}`;
  return html`${o.conflict ? html`<div class="flash bad" id="debunk-conflict" role="alert"><p>${o.conflict}</p></div>` : ''}${
    o.problems ? html`<div class="flash bad"><p>${t('debunkRefused')}</p><ul>${o.problems.map((p) => html`<li>${p}</li>`)}</ul></div>` : ''
  }
<form class="card" method="post" action="${groupPath(group.id, '/debunks')}" novalidate id="debunk-form">
${csrfField(session)}
${o.replacing ? html`<input type="hidden" name="replacing" value="${o.replacing}">` : ''}
${o.replacing && o.version ? html`<input type="hidden" name="version" value="${o.version}">` : ''}
${field('id', 'id', 'text')}
${field('claim', 'claim', 'area')}
${field('variants', 'variants', 'area')}
${choice('verdict', 'verdict', VERDICTS)}
${field('refutationEn', 'refutationEn', 'area', ['refutation', 'refutation.en'])}
${field('refutationZh', 'refutationZh', 'area', ['refutation.zh'])}
${field('sources', 'sources', 'area')}
${field('tags', 'tags', 'text')}
${choice('severity', 'severity', SEVERITIES)}
${field('lang', 'lang', 'text')}
${field('published', 'published', 'date')}
${field('expires', 'expires', 'date')}
${o.editable ? html`<div class="actions"><button type="submit">${t('save')}</button></div>` : html`<p class="muted">${o.note ?? t('readOnly')}</p>`}
</form>`;
}
