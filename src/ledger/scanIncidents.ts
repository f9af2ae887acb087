import { exportRows, LateOutcomes, type EntryPages } from './export/exportRows.js';
import { addOverturns, type IncidentView, withOverturn } from './incidentOutcomes.js';
import type { Ledger } from './ledger.js';
import type { StoredItem } from './storedEntry.js';
import type { ChainCheck } from './verifyChain.js';

/** What one pass over a group's incidents makes of them (see scanIncidents). */
export interface IncidentTally<T> {
  add(view: IncidentView): void;
  result(): T;
}

/**
 * Every incident of a group with what became of its actions (as incidentViews makes them from the
 * whole chain), handed to a tally one at a time in chain order and read a page at a time, without
 * message texts: a group of a million incidents is summed up in bounded memory, the event loop
 * turning between pages, where reading the whole chain first took 99 s and 2.6 GB for the
 * dashboard's overview. An outcome recorded too long after its incident for the pass to join it
 * (see LateOutcomes; rare), or a match an admin overturned, makes a second pass, with a fresh tally,
 * that knows it (the views then carry `overturnedBy`). With `verify`,
 * the chain is verified in the first pass, as `Ledger.verify` does.
 */
export async function scanIncidents<T>(
  ledger: Ledger,
  groupId: string,
  tally: () => IncidentTally<T>,
  verify = false,
): Promise<{ result: T; check?: ChainCheck; overturns: ReadonlyMap<string, string> }> {
  const end = await ledger.chainEnd(groupId);
  const pages: EntryPages = (texts, observe) => ledger.storedEntryPages(groupId, {}, end, texts, observe);
  const verifier = verify ? ledger.chainVerifier(groupId, {}, end) : undefined;
  const observe = verifier
    ? (items: readonly StoredItem[]) => {
        for (const item of items) verifier.add(item);
      }
    : undefined;
  const late = new LateOutcomes();
  // The matches admins overturned, which the admin records after their incidents name.
  const overturns = new Map<string, string>();
  let current = tally();
  for await (const rows of exportRows(pages, new Map(), false, observe, late.add)) {
    for (const row of rows) {
      addOverturns(row.entry, overturns);
      if (row.view) current.add(row.view);
    }
  }
  // A match an admin overturned is named by an admin record after its incident: the tally saw the
  // incident before it knew (QA: the overview counted an overturned match for its rumor, where the
  // report, which makes its table again so, did not). Tallied again, like a late outcome.
  if (late.found.size > 0 || overturns.size > 0) {
    current = tally();
    for await (const rows of exportRows(pages, late.found, false)) for (const row of rows) if (row.view) current.add(withOverturn(row.view, overturns));
  }
  return { result: current.result(), ...(verifier ? { check: verifier.result() } : {}), overturns };
}

/**
 * The newest `limit` incidents that `keep` accepts (newest first) and how many it accepted: what a
 * page lists, without holding the rest.
 */
export class NewestIncidents implements IncidentTally<{ newest: IncidentView[]; count: number }> {
  private kept: IncidentView[] = [];
  private count = 0;

  constructor(
    private readonly limit: number,
    private readonly keep: (view: IncidentView) => boolean = () => true,
  ) {}

  add(view: IncidentView): void {
    if (!this.keep(view)) return;
    this.count += 1;
    this.kept.push(view);
    // Dropped a batch at a time: the list never holds more than twice the limit.
    if (this.kept.length >= 2 * this.limit) this.kept = this.kept.slice(-this.limit);
  }

  result(): { newest: IncidentView[]; count: number } {
    return { newest: this.kept.slice(-this.limit).reverse(), count: this.count };
  }
}

/**
 * The newest `limit` incidents of a group that `keep` accepts, newest first, with their kept message
 * texts (read for these only), and how many it accepted; `alongside` sees every incident of the pass.
 */
export async function newestIncidents(
  ledger: Ledger,
  groupId: string,
  limit: number,
  keep?: (view: IncidentView) => boolean,
  alongside?: (view: IncidentView) => void,
): Promise<{ views: IncidentView[]; count: number }> {
  const { result, overturns } = await scanIncidents(ledger, groupId, () => {
    const listed = new NewestIncidents(limit, keep);
    return {
      add: (v: IncidentView) => {
        alongside?.(v);
        listed.add(v);
      },
      result: () => listed.result(),
    };
  });
  const entries = await ledger.withTexts(groupId, result.newest.map((v) => v.entry));
  return { views: result.newest.map((v, i) => withOverturn({ ...v, entry: entries[i]! }, overturns)), count: result.count };
}
