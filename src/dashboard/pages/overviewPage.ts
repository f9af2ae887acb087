import type { SignedCheckpoint } from '../../ledger/checkpoints/signedCheckpoint.js';
import { REPORT_WORDS } from '../../ledger/export/reportWords.js';
import type { ChainCheck } from '../../ledger/verifyChain.js';
import type { GroupRequestContext } from '../context.js';
import { formatDelay, type OverviewStats } from '../data/overviewStats.js';
import { html, shown, type Html } from '../html.js';
import { groupPath } from './layout.js';

/** The overview: incidents per day, top rumors, time to refutation, strikes, the ledger's state. */
export function overviewBody(c: GroupRequestContext, s: OverviewStats, totals: { incidents: number; open: number }, check: ChainCheck, checkpoint: SignedCheckpoint | undefined): Html {
  const { t, group } = c;
  return html`
<div class="grid">
  <div class="card"><div class="muted">${t('incidentsTotal')}</div><div class="figure" data-figure="incidents">${totals.incidents}</div></div>
  <div class="card"><div class="muted">${t('openItems')}</div><div class="figure"><a href="${groupPath(group.id, '/queue')}">${totals.open}</a></div></div>
  <div class="card"><div class="muted">${t('medianTime')}</div>
    ${s.refutations.medianMs === undefined
      ? html`<p>${t('noRefutations')}</p>`
      : html`<div class="figure" data-figure="median">${formatDelay(s.refutations.medianMs)}</div><div class="muted">${t('refutationsCounted', { n: s.refutations.count, slowest: formatDelay(s.refutations.slowestMs!) })}</div>`}
  </div>
</div>
<div class="card">
  <h2>${t('incidentsPerDay')}</h2>
  <div class="chart"><canvas id="per-day" data-chart="bar" data-label="${t('incidents')}" data-labels="${JSON.stringify(s.perDay.map((d) => d.day.slice(5)))}" data-values="${JSON.stringify(s.perDay.map((d) => d.count))}" role="img" aria-label="${t('incidentsPerDay')}"></canvas></div>
</div>
<div class="grid">
  <div class="card">
    <h2>${t('topRumors')}</h2>
    ${s.topRumors.length === 0
      ? html`<p>${t('noIncidents')}</p>`
      : html`<div class="scroll"><table id="top-rumors"><thead><tr><th>${t('rumor')}</th><th>${t('messages')}</th><th>${t('members')}</th></tr></thead><tbody>
        ${s.topRumors.map(
          (r) => html`<tr><td><a href="${groupPath(group.id, `/incidents?rumor=${encodeURIComponent(r.debunkId)}`)}">${r.debunkId}</a>${r.claim ? html`<div class="muted">${shown(r.claim)}</div>` : ''}</td><td>${r.messages}</td><td>${r.members}</td></tr>`,
        )}</tbody></table></div>`}
  </div>
  <div class="card">
    <h2>${t('activeStrikes')}</h2>
    ${s.struck.length === 0
      ? html`<p>${t('nobodyStruck')}</p>`
      : html`<div class="scroll"><table id="struck"><thead><tr><th>${t('member')}</th><th>${t('strikes')}</th></tr></thead><tbody>
        ${s.struck.map((m) => html`<tr><td><a href="${groupPath(group.id, `/members/${encodeURIComponent(m.id)}`)}">${shown(m.name)}</a> <span class="muted">${shown(m.id)}</span></td><td>${m.strikes}</td></tr>`)}</tbody></table></div>`}
  </div>
</div>
<div class="card" id="ledger-status">
  <h2>${t('ledger')}</h2>
  ${check.ok
    ? html`<p class="ok">✔ ${t('verified', { n: check.entries })}</p>`
    : html`<p class="bad">✘ ${t('verifyFailed', { seq: check.seq, fault: `${REPORT_WORDS[c.session.lang].faults[check.fault]}${check.detail ? ` (${check.detail})` : ''}` })}</p>`}
  ${checkpoint
    ? html`<p>${t('checkpoint', { seq: checkpoint.seq, hash: checkpoint.hash.slice(0, 16), at: checkpoint.at, key: checkpoint.keyId })}</p>`
    : html`<p class="muted">${t('noCheckpoint')}</p>`}
</div>`;
}
