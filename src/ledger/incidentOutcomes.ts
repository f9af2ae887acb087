import type { LedgerEntry } from './ledgerEntry.js';
import type { ActionResult, IncidentRecord, OutcomeRecord, RecordedAction } from './ledgerRecord.js';
import { appendAll } from '../lib/appendAll.js';

/**
 * What became of one action of an incident, as far as the ledger knows:
 * - `done`, `skipped`, `failed`: from the outcome record written after it was attempted;
 * - `withheld`: a rule kept it from being done (in the incident itself);
 * - `pending`: planned, and no outcome recorded (yet, or ever: the bot stopped before it could tell).
 */
export type ActionStatus = 'done' | 'withheld' | 'skipped' | 'failed' | 'pending';

export interface ActionView {
  type: RecordedAction['type'];
  status: ActionStatus;
  /** The rule that withheld it, the reason it was skipped, or the platform's error. */
  why?: string;
  detail: string;
  /** When the outcome was recorded (ISO 8601), where it was. */
  settledAt?: string;
  /** How long a mute was for, as the incident planned it (RecordedAction.durationMs). */
  durationMs?: number;
  /** The rumors it was about, when the incident names several (RecordedAction.debunkIds). */
  debunkIds?: readonly string[];
}

/**
 * Why an action was not done, as the report and the dashboard tell it: the recorded reason, except
 * an owner alert skipped for want of a target, which had no owner to go to ('no_owner'), not
 * nothing to alert about (real-client QA: "owner alert: skipped (nothing to act on)").
 */
export function reasonOf(a: Pick<ActionView, 'type' | 'why'>): string | undefined {
  return a.type === 'alert_owners' && a.why === 'no_target' ? 'no_owner' : a.why;
}

/** An incident with the outcome of every action it planned. */
export interface IncidentView {
  entry: LedgerEntry & { record: IncidentRecord };
  actions: ActionView[];
  /** An admin overturned the match as not a rumor, later in the entries read: who, and when (UTC). */
  overturnedBy?: string;
}

// The views an export makes, one or more per entry of chains of millions, are made with `new`
// rather than as object literals: V8 may decide that what an object literal's site makes lives long
// (the views of a window of rows waiting for outcomes did) and make all of it in the old generation
// from then on, where only a full collection frees it; a constructor's objects start young, and
// all have one shape. Their optional members are present and undefined where absent, which reads
// (and writes as JSON) as their absence.

class Action implements ActionView {
  constructor(
    public type: RecordedAction['type'],
    public status: ActionStatus,
    public detail: string,
    public why?: string,
    public settledAt?: string,
    public durationMs?: number,
    public debunkIds?: readonly string[],
  ) {}
}

class View implements IncidentView {
  constructor(
    public entry: LedgerEntry & { record: IncidentRecord },
    public actions: ActionView[],
  ) {}
}

/** An incident's key among the overturned matches: its message and the debunk it was matched to. */
const overturnKey = (messageId: string, debunkId: string): string => JSON.stringify([messageId, debunkId]);

/** The overturn an admin record states, as "name, YYYY-MM-DD HH:MM" (UTC), by overturnKey; added to `into`. */
export function addOverturns(e: LedgerEntry, into: Map<string, string>): void {
  if (e.record.type !== 'admin' || !e.record.overturns) return;
  const by = `${e.record.by.kind === 'admin' ? e.record.by.name : 'bot'}, ${e.at.slice(0, 16).replace('T', ' ')}`;
  for (const o of e.record.overturns) into.set(overturnKey(o.messageId, o.debunkId), by);
}

/** The view with who overturned its match, when `overturns` (see addOverturns) names it. */
export function withOverturn(view: IncidentView, overturns: ReadonlyMap<string, string>): IncidentView {
  // Most passes meet no overturn at all: no key to make for each incident.
  if (overturns.size === 0) return view;
  const r = view.entry.record;
  const by = overturns.get(overturnKey(r.messageId, r.debunkId));
  return by === undefined ? view : { ...view, overturnedBy: by };
}

/**
 * Joins each incident with its outcome records (linked by the incident's recordId), in chain
 * order. Linear in the entries. Records from before outcomes were tracked (`done: true`) count as
 * `pending`: they said what was decided, never what was done.
 */
export function incidentViews(entries: readonly LedgerEntry[]): IncidentView[] {
  const outcomes = new Map<string, ActionResult[]>();
  const overturned = new Map<string, string>();
  for (const e of entries) {
    addOverturns(e, overturned);
    if (e.record.type !== 'outcome') continue;
    const r: OutcomeRecord = e.record;
    const list = outcomes.get(r.incidentId);
    if (list) appendAll(list, r.actions);
    else outcomes.set(r.incidentId, [...r.actions]);
  }
  const views: IncidentView[] = [];
  for (const e of entries) {
    if (e.record.type !== 'incident') continue;
    const results = e.record.recordId ? (outcomes.get(e.record.recordId) ?? []) : [];
    views.push(withOverturn(incidentView(e as LedgerEntry & { record: IncidentRecord }, results), overturned));
  }
  return views;
}

/**
 * One incident with what became of each action it planned, given the results of its outcome
 * records in chain order.
 */
export function incidentView(entry: LedgerEntry & { record: IncidentRecord }, outcomeResults: readonly ActionResult[]): IncidentView {
  const results = [...outcomeResults];
  const actions = entry.record.actions.map((a): ActionView => {
    if (a.status === 'withheld' || (a.status === undefined && a.done === false)) return new Action(a.type, 'withheld', a.detail, a.withheldBecause || undefined, undefined, undefined, a.debunkIds);
    // Each planned action takes the first outcome of its type not yet taken.
    const i = results.findIndex((r) => r.type === a.type);
    if (i < 0) return new Action(a.type, 'pending', a.detail, undefined, undefined, undefined, a.debunkIds);
    const [r] = results.splice(i, 1) as [ActionResult];
    const why = r.status === 'skipped' ? r.reason : r.status === 'failed' ? r.error : undefined;
    return new Action(a.type, r.status, r.detail ? `${a.detail}; ${r.detail}` : a.detail, why || undefined, r.at, a.durationMs, a.debunkIds);
  });
  return new View(entry, actions);
}

