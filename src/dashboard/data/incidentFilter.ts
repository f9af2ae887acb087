import type { ActionStatus, IncidentView } from '../../ledger/incidentOutcomes.js';

/** The incidents page's filters, as the query string gives them (every one optional). */
export interface IncidentFilter {
  /** Debunk id. */
  rumor?: string;
  /** Member id (exact), or part of a member's name. */
  member?: string;
  stance?: string;
  /** An action type the incident planned or withheld. */
  action?: string;
  /** With `action`: that action's outcome; alone: any action's. */
  outcome?: ActionStatus;
  /** YYYY-MM-DD, inclusive, by the time the message was sent (UTC). */
  from?: string;
  to?: string;
}

export const OUTCOMES = ['done', 'skipped', 'failed', 'withheld', 'pending'] as const satisfies readonly ActionStatus[];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the filters from a query, dropping what is empty or malformed. */
export function parseIncidentFilter(query: Record<string, unknown>): IncidentFilter {
  const text = (key: string) => {
    const v = query[key];
    return typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 200) : undefined;
  };
  const outcome = text('outcome');
  const from = text('from');
  const to = text('to');
  return {
    ...(text('rumor') ? { rumor: text('rumor')! } : {}),
    ...(text('member') ? { member: text('member')! } : {}),
    ...(text('stance') ? { stance: text('stance')! } : {}),
    ...(text('action') ? { action: text('action')! } : {}),
    ...(outcome && (OUTCOMES as readonly string[]).includes(outcome) ? { outcome: outcome as ActionStatus } : {}),
    ...(from && DAY.test(from) ? { from } : {}),
    ...(to && DAY.test(to) ? { to } : {}),
  };
}

/** Whether an incident passes every filter of `f`. */
export function incidentFilterOf(f: IncidentFilter): (v: IncidentView) => boolean {
  const member = f.member?.toLowerCase();
  return (v) => {
    const r = v.entry.record;
    if (f.rumor && r.debunkId !== f.rumor && !r.also?.some((o) => o.debunkId === f.rumor)) return false;
    if (member && r.member.id !== f.member && !r.member.name.toLowerCase().includes(member)) return false;
    if (f.stance && (r.stance ?? 'spread') !== f.stance) return false;
    const day = r.messageAt.slice(0, 10);
    if (f.from && day < f.from) return false;
    if (f.to && day > f.to) return false;
    if (f.action || f.outcome) {
      return v.actions.some((a) => (!f.action || a.type === f.action) && (!f.outcome || a.status === f.outcome));
    }
    return true;
  };
}

/** The incidents that pass every filter, newest first. */
export function filterIncidents(views: readonly IncidentView[], f: IncidentFilter): IncidentView[] {
  return views.filter(incidentFilterOf(f)).reverse();
}
