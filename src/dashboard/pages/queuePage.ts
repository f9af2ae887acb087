import { MAX_CLAIM_LENGTH, VERDICTS } from '../../debunks/schema.js';
import type { IncidentRecord } from '../../ledger/ledgerRecord.js';
import type { ReviewItem } from '../../review/reviewItems.js';
import type { GroupRequestContext } from '../context.js';
import { html, shown, type Html } from '../html.js';
import { csrfField, groupPath } from './layout.js';

/** A report's accept form as the admin sent it, refused: shown again filled in, with the reason. */
export interface AcceptRetry {
  itemId: string;
  fields: { claim: string; verdict: string; refutation: string; source: string; here: boolean; fresh: boolean };
  error: string;
}

/**
 * The review queue: each item (a report, or a dispute, with the near-duplicates grouped in it)
 * with the message it is about (its text, author, time and link: from the report itself, or from
 * the ledger's incident), who reported it, and the admin's forms, which run the same
 * `/rg accept|reject` as the chat. A report is accepted as a debunk: the claim comes prefilled
 * from the message.
 */
export function queueBody(c: GroupRequestContext, items: readonly ReviewItem[], incidentOf: (messageId: string) => IncidentRecord | undefined, retry?: AcceptRetry): Html {
  const { t, group, session } = c;
  // A refused accept of an item no longer open (resolved meanwhile): its card is gone, so the
  // reason and what the admin typed are shown above the queue (QA: both were lost).
  const gone =
    retry && !items.some((i) => i.id === retry.itemId)
      ? html`<div class="card"><div class="flash bad" role="alert">${retry.error}</div><p>${t('itemGone')}</p>
<dl class="typed"><dt>${t('claimField')}</dt><dd class="text">${shown(retry.fields.claim)}</dd><dt>${t('verdictField')}</dt><dd>${shown(retry.fields.verdict)}</dd>
<dt>${t('refutationField')}</dt><dd class="text">${shown(retry.fields.refutation)}</dd><dt>${t('sourceField')}</dt><dd>${shown(retry.fields.source)}</dd></dl></div>`
      : '';
  if (items.length === 0) return html`${gone}<div class="card"><p>${t('queueEmpty')}</p></div>`;
  return html`${gone}<p class="muted">${t('acceptHint')}</p>${items.map((item) => {
    const incident = item.messageIds.map(incidentOf).find((i) => i !== undefined);
    const text = item.message?.text ?? incident?.messageText;
    const author = item.message?.author ?? incident?.member;
    const sentAt = item.message?.sentAt ?? (incident ? Date.parse(incident.messageAt) : undefined);
    const link = item.message?.link ?? incident?.link;
    const matched = item.debunkId ?? incident?.debunkId;
    const action = (decision: 'accept' | 'reject') => groupPath(group.id, `/queue/${encodeURIComponent(item.id)}/${decision}`);
    // A refused accept comes back with what the admin typed, and why it was refused.
    const again = retry?.itemId === item.id ? retry : undefined;
    // The claim comes prefilled whole, never cut: one over the limit is refused, as the debunk
    // editor refuses it, and the admin is told so before sending it.
    const claimLength = (text ?? '').replace(/\s+/g, ' ').trim().length;
    const acceptForm =
      item.kind === 'report'
        ? html`<form method="post" action="${action('accept')}" class="debunk-form">${csrfField(session)}
${again ? html`<div class="flash bad" role="alert">${again.error}</div>` : ''}
<label>${t('claimField')} <textarea name="claim" maxlength="${MAX_CLAIM_LENGTH}" required>${again ? again.fields.claim : (text ?? '')}</textarea></label>
${
  !again && claimLength > MAX_CLAIM_LENGTH ? html`<p class="hint" data-claim-too-long>${t('claimOverLimit', { length: claimLength, max: MAX_CLAIM_LENGTH })}</p>` : ''
}
<label>${t('verdictField')} <select name="verdict">${VERDICTS.map((v) => html`<option value="${v}"${again?.fields.verdict === v ? html` selected` : ''}>${v}</option>`)}</select></label>
<label>${t('refutationField')} <textarea name="refutation" maxlength="1000" required>${again?.fields.refutation ?? ''}</textarea></label>
<label>${t('sourceField')} <input type="url" name="source" required placeholder="https://" value="${again?.fields.source ?? ''}"></label>
<label class="check"><input type="checkbox" name="here" value="1"${again?.fields.here ? html` checked` : ''}> ${t('onlyHere')}</label>
${matched ? html`<label class="check"><input type="checkbox" name="new" value="1"${again?.fields.fresh ? html` checked` : ''}> ${t('acceptAsNew')}</label>` : ''}
<button type="submit">${t('acceptAsDebunk')}</button></form>`
        : html`<form method="post" action="${action('accept')}">${csrfField(session)}<button type="submit">${t('accept')}</button></form>`;
    // {names} ends reportCount in every language: the reporters' names follow it, each shown apart.
    return html`<div class="card queue-item" data-item="${item.id}">
<h2>${t(item.kind === 'report' ? 'kindReport' : 'kindDispute')} <span class="muted">${item.id}</span></h2>
<p class="muted">${t('reportCount', { n: item.feedback.length, names: '' })}${item.reporters.map((r, i) => html`${i > 0 ? ', ' : ''}${shown(r.name)}`)} · ${new Date(item.at).toISOString().slice(0, 16).replace('T', ' ')}</p>
${item.notes.length > 0 ? html`<p>${t('note')}: ${item.notes.slice(0, 3).map((n, i) => html`${i > 0 ? ' · ' : ''}${shown(n)}`)}</p>` : ''}
<p>${t('author')}: ${author ? html`<a href="${groupPath(group.id, `/members/${encodeURIComponent(author.id)}`)}">${shown(author.name)}</a> <span class="muted">${shown(author.id)}</span>` : '—'}${sentAt !== undefined && Number.isFinite(sentAt) ? html` <span class="muted">${new Date(sentAt).toISOString().slice(0, 16).replace('T', ' ')}</span>` : ''}${link && /^https?:\/\//.test(link) ? html` <a href="${link}" rel="noopener noreferrer">↗</a>` : ''}</p>
<blockquote class="text">${text !== undefined ? shown(text) : t('textUnknown')}</blockquote>
${item.messageIds.length > 1 ? html`<p class="muted">${t('similarMessages', { n: item.messageIds.length - 1 })}</p>` : ''}
${matched ? html`<p>${t('matchedRumor')}: ${matched}</p>` : ''}
<div class="actions">
${acceptForm}
<form method="post" action="${action('reject')}">${csrfField(session)}<button type="submit" class="secondary">${t('reject')}</button></form>
</div>
</div>`;
  })}`;
}
