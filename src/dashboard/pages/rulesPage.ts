import { ellipsize } from '../../lib/cutText.js';
import type { Decision } from '../../engine/decision.js';
import type { GroupRequestContext } from '../context.js';
import { plainProblems } from '../data/plainProblems.js';
import { PREVIEW_LIMIT, decisionSummary, type RulesPreview } from '../data/rulesPreview.js';
import { BASE_FIELD, baseOf, SWITCHABLE, type RuleField, type RulesFormValues } from '../data/rulesForm.js';
import { html, shown, type Html } from '../html.js';
import type { TextKey, Translate } from '../texts.js';
import { csrfField, groupPath } from './layout.js';
import { actionWords, outcomeWord } from './outcomeWords.js';

type Problems = ReadonlyMap<RuleField | '', readonly string[]>;
type TextField = Exclude<RuleField, 'enabledActions'>;

/** The field's id on the page: `thresholds.act` → `f-thresholds-act`. */
const idOf = (field: RuleField) => `f-${field.replace(/\./g, '-')}`;

function errors(field: RuleField, problems: Problems): Html {
  const list = problems.get(field);
  return list ? html`${list.map((p) => html`<p class="error" id="${idOf(field)}-error" data-error-for="${field}">${p}</p>`)}` : html``;
}

const invalid = (field: RuleField, problems: Problems) => (problems.has(field) ? html` aria-invalid="true" aria-describedby="${idOf(field)}-error"` : html``);

function label(field: RuleField, key: TextKey, t: Translate): Html {
  return html`<label class="field" for="${idOf(field)}">${t(key)}</label>`;
}

function select(field: TextField, key: TextKey, options: readonly string[], form: RulesFormValues, problems: Problems, t: Translate): Html {
  return html`${label(field, key, t)}<select id="${idOf(field)}" name="${field}"${invalid(field, problems)}>${options.map(
    (o) => html`<option value="${o}"${form[field] === o ? html` selected` : ''}>${o}</option>`,
  )}</select>${errors(field, problems)}`;
}

function numberInput(field: TextField, key: TextKey, form: RulesFormValues, problems: Problems, t: Translate, attrs: { min: number; max: number; step: string }): Html {
  // Inline errors come from the same validation as the rules file and /rg (the form is sent with
  // novalidate); min, max and step only choose the phone keyboard and the arrows' steps.
  return html`${label(field, key, t)}<input type="number" inputmode="decimal" id="${idOf(field)}" name="${field}" value="${form[field] ?? ''}" min="${attrs.min}" max="${attrs.max}" step="${attrs.step}"${invalid(field, problems)}>${errors(field, problems)}`;
}

function textarea(field: TextField, key: TextKey, form: RulesFormValues, problems: Problems, t: Translate, hint?: string): Html {
  const rows = Math.max(2, Math.min(8, (form[field] ?? '').split('\n').length + 1));
  return html`${label(field, key, t)}${hint ? html`<p class="hint">${hint}</p>` : ''}<textarea id="${idOf(field)}" name="${field}" rows="${rows}"${invalid(field, problems)}>${form[field] ?? ''}</textarea>${errors(field, problems)}`;
}

/**
 * The rules form, with each problem beside its field. `base`: the values the page was first opened
 * with, sent back hidden so that saving changes only the fields the admin changed.
 */
export function rulesForm(c: GroupRequestContext, form: RulesFormValues, problems: Problems, base: RulesFormValues): Html {
  const { t, group, session } = c;
  // In plain words and the page's language (see plainProblem).
  problems = plainProblems(t, problems);
  const box = (field: TextField, key: TextKey) =>
    html`<p class="checks"><label><input type="checkbox" id="${idOf(field)}" name="${field}" value="on"${form[field] !== undefined ? html` checked` : ''}> ${t(key)}</label></p>`;
  const general = problems.get('');
  return html`<form method="post" action="${groupPath(group.id, '/rules')}" novalidate class="card" id="rules-form">
${csrfField(session)}
<input type="hidden" name="${BASE_FIELD}" value="${baseOf(base)}">
<p class="muted">${t('rulesIntro')}</p>
${general ? html`${general.map((p) => html`<p class="error">${p}</p>`)}` : ''}
${select('mode', 'mode', ['observe', 'enforce'], form, problems, t)}<p class="hint">${t('modeHint')}</p>
${select('language', 'language', ['auto', 'en', 'zh'], form, problems, t)}
<div class="grid">
  <div>${numberInput('thresholds.suggest', 'thresholdSuggest', form, problems, t, { min: 0, max: 1, step: '0.01' })}</div>
  <div>${numberInput('thresholds.act', 'thresholdAct', form, problems, t, { min: 0, max: 1, step: '0.01' })}</div>
  <div>${numberInput('thresholds.answer', 'thresholdAnswer', form, problems, t, { min: 0, max: 1, step: '0.01' })}</div>
</div>
<p class="hint">${t('thresholdHint')}</p>
${box('softReply', 'softReply')}
<fieldset><legend>${t('enabledActions')}</legend><p class="checks">${SWITCHABLE.map(
    (a) => html`<label><input type="checkbox" name="enabledActions" value="${a}"${form.enabledActions?.includes(a) ? html` checked` : ''}> ${a}</label>`,
  )}</p>${errors('enabledActions', problems)}</fieldset>
${textarea('ladder.default', 'ladderDefault', form, problems, t, t('ladderHint'))}
${textarea('ladder.low', 'ladderLow', form, problems, t)}
${textarea('ladder.medium', 'ladderMedium', form, problems, t)}
${textarea('ladder.high', 'ladderHigh', form, problems, t)}
<div class="grid">
  <div>${numberInput('strikes.decayDays', 'decayDays', form, problems, t, { min: 1, max: 3650, step: '1' })}</div>
  <div>${numberInput('repeat.windowMinutes', 'repeatWindow', form, problems, t, { min: 0, max: 10080, step: '1' })}</div>
  <div>${select('repeat.later', 'repeatLater', ['pointer', 'silent'], form, problems, t)}</div>
</div>
${box('exemptions.admins', 'exemptAdmins')}
${box('exemptions.showRefutation', 'showRefutation')}
${textarea('exemptions.members', 'exemptMembers', form, problems, t)}
${textarea('exemptions.roles', 'exemptRoles', form, problems, t)}
${textarea('exemptions.channels', 'exemptChannels', form, problems, t)}
${textarea('owners', 'owners', form, problems, t)}
<div class="actions">
<button type="submit" name="intent" value="preview" class="secondary">${t('preview')}</button>
<button type="submit" name="intent" value="save">${t('save')}</button>
</div>
</form>`;
}

function decisionCell(d: Decision, t: Translate): Html {
  const s = decisionSummary(d);
  return html`${s.actions.length > 0 ? actionWords(t, s.actions) : '—'}${s.withheld.length > 0 ? html`<div class="muted">${t('previewWithheld', { actions: actionWords(t, s.withheld) })}</div>` : ''}<div class="muted">${t('previewStrikes', { n: s.strikes })}</div>`;
}

/** The preview: the last incidents decided again, side by side with what was done. */
export function previewSection(c: GroupRequestContext, preview: RulesPreview): Html {
  const { t } = c;
  return html`<section class="card" id="preview">
<h2>${t('previewTitle')}</h2>
<p class="muted">${t('previewIntro', { limit: PREVIEW_LIMIT })}</p>
${preview.rows.length === 0
    ? html`<p>${t('nothingToPreview')}</p>`
    : html`<p id="preview-summary"><strong>${t('previewSummary', { changed: preview.changed, replayed: preview.rows.length, purged: preview.purged })}</strong></p>
<div class="scroll"><table><thead><tr><th>${t('when')}</th><th>${t('member')}</th><th>${t('message')}</th><th>${t('whatWasDone')}</th><th>${t('currentReplayed')}</th><th>${t('newRules')}</th></tr></thead><tbody>
${preview.rows.map((row) => {
  const r = row.view.entry.record;
  const done = row.view.actions.map((a) => outcomeWord(t, a)).join(t('listSeparator')) || t('logged');
  return html`<tr${row.differs ? html` class="differs"` : ''}><td>${r.messageAt.slice(0, 16).replace('T', ' ')}${row.differs ? html`<div><strong>${t('differs')}</strong></div>` : ''}</td><td>${shown(r.member.name)}</td><td class="text">${shown(ellipsize(row.text, 300))}</td><td>${done}</td><td>${decisionCell(row.current, t)}</td><td>${decisionCell(row.proposed, t)}</td></tr>`;
})}</tbody></table></div>`}
</section>`;
}
