import type { FeedbackItem } from '../../feedback/feedbackQueue.js';
import type { IncidentRecord } from '../../ledger/ledgerRecord.js';
import type { GroupRequestContext } from '../context.js';
import { html, type Html } from '../html.js';
import { csrfField, groupPath } from './layout.js';

/**
 * The review queue: each member report or "not a rumor" dispute with the message it is about
 * (its text and author: from the report itself, or from the ledger's incident) and the admin's
 * buttons, which run the same `/rg accept|reject` as the chat.
 */
export function queueBody(c: GroupRequestContext, items: readonly FeedbackItem[], incidentOf: (messageId: string) => IncidentRecord | undefined): Html {
  const { t, group, session } = c;
  if (items.length === 0) return html`<div class="card"><p>${t('queueEmpty')}</p></div>`;
  return html`<p class="muted">${t('acceptHint')}</p>${items.map((item) => {
    const incident = incidentOf(item.messageId);
    const text = item.message?.text ?? incident?.messageText;
    const author = item.message?.author ?? incident?.member;
    const action = (decision: 'accept' | 'reject') => groupPath(group.id, `/queue/${encodeURIComponent(item.id)}/${decision}`);
    return html`<div class="card queue-item" data-item="${item.id}">
<h2>${t(item.kind === 'report' ? 'kindReport' : 'kindDispute')} <span class="muted">${item.id}</span></h2>
<p class="muted">${t('reportedBy', { name: item.by.name })} (${item.by.id}) · ${new Date(item.at).toISOString().slice(0, 16).replace('T', ' ')}</p>
${item.note ? html`<p>${t('note')}: ${item.note}</p>` : ''}
<p>${t('author')}: ${author ? html`<a href="${groupPath(group.id, `/members/${encodeURIComponent(author.id)}`)}">${author.name}</a> <span class="muted">${author.id}</span>` : '—'}</p>
<blockquote class="text">${text ?? t('textUnknown')}</blockquote>
${item.debunkId || incident ? html`<p>${t('matchedRumor')}: ${item.debunkId ?? incident?.debunkId}</p>` : ''}
<div class="actions">
<form method="post" action="${action('accept')}">${csrfField(session)}<button type="submit">${t('accept')}</button></form>
<form method="post" action="${action('reject')}">${csrfField(session)}<button type="submit" class="secondary">${t('reject')}</button></form>
</div>
</div>`;
  })}`;
}
