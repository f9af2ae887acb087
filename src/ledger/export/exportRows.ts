import { incidentView, type IncidentView } from '../incidentOutcomes.js';
import type { LedgerEntry } from '../ledgerEntry.js';
import type { ActionResult, IncidentRecord } from '../ledgerRecord.js';
import type { StoredItem } from '../storedEntry.js';
import { keptText, keptTextAltered } from '../messageText.js';

/**
 * A group's entries for a streamed export, a page at a time, in chain order, as stored (see
 * Ledger.storedEntryPages); each call reads them again from the start, with the message texts
 * still kept for the page's incidents when `texts` is true (not joined into the entries: a row
 * carries its text beside its entry, see ExportRow, which spares a copy of every incident). `observe`
 * sees each page of the storage as read (damage and entries out of range included), so that a
 * verification of the chain takes no pass of its own.
 */
export type EntryPages = (
  texts: boolean,
  observe?: (items: readonly StoredItem[]) => void,
) => AsyncIterable<{ entries: readonly LedgerEntry[]; texts: ReadonlyMap<string, string> }>;

/** An entry as an export writes it: an incident comes with what became of its actions. */
export interface ExportRow {
  entry: LedgerEntry;
  view?: IncidentView;
  /** An incident's message text still kept beside the chain (see keptText), which its record lacks. */
  text?: string;
  /** The text kept under the incident's hash was edited: it no longer hashes to it (see keptTextAltered). */
  altered?: true;
}

/**
 * Entries an incident waits for its outcome records before it is written. Outcomes follow their
 * incident within seconds (once the platform answered), so almost all arrive within this many
 * entries; the few that come later are found on the way (LateOutcomes). Memory holds this many
 * entries, however long the chain.
 */
export const OUTCOME_WINDOW = 5_000;

/**
 * Outcome results (by incident) that come more than OUTCOME_WINDOW entries after their incident,
 * or with no incident before them. An export writes its rows in one pass, and in the rare case
 * that it met such outcomes, writes them again knowing them, so that its rows are the same as
 * incidentViews makes from the whole chain in memory.
 */
export class LateOutcomes {
  readonly found = new Map<string, ActionResult[]>();
  readonly add = (incidentId: string, results: readonly ActionResult[]): void => {
    const list = this.found.get(incidentId);
    if (list) for (const r of results) list.push(r);
    else this.found.set(incidentId, [...results]);
  };
}

/**
 * The entries of `pages` in chain order, each incident joined with its outcomes (those within
 * OUTCOME_WINDOW entries, and `late` ones), a page at a time; `texts` and `observe` as for
 * EntryPages; `onLate` is told of the outcomes that came too late for their incident's row (see
 * LateOutcomes).
 */
export async function* exportRows(
  pages: EntryPages,
  late: ReadonlyMap<string, readonly ActionResult[]>,
  texts: boolean,
  observe?: (items: readonly StoredItem[]) => void,
  onLate?: (incidentId: string, results: readonly ActionResult[]) => void,
): AsyncGenerator<ExportRow[]> {
  const join = new OutcomeJoin(late, onLate);
  for await (const page of pages(texts, observe)) {
    for (const e of page.entries) {
      const text = page.texts.size > 0 ? keptText(e, page.texts) : undefined;
      join.add(e, text, text === undefined && page.texts.size > 0 && keptTextAltered(e, page.texts));
    }
    // About a page at a time: rows held behind an incident still waiting for its outcome all come
    // free at once when its window passes (a turn of the event loop between each page's worth).
    for (let rows = join.take(false, ROWS_AT_ONCE), more = false; rows.length > 0; rows = join.take(false, ROWS_AT_ONCE), more = true) {
      if (more) await new Promise<void>((resolve) => setImmediate(resolve));
      yield rows;
    }
  }
  // The last window's entries, a page's worth at a time like the rest.
  for (let rows = join.take(true, ROWS_AT_ONCE); rows.length > 0; rows = join.take(true, ROWS_AT_ONCE)) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    yield rows;
  }
}

/** Rows handed on at once (when many come free together, and when the window is emptied at the end): about a page. */
const ROWS_AT_ONCE = 1000;

// What the join makes for each entry (its place in the window, its row) is made with `new`, not as
// object literals: V8 had found that a window's entries outlive several young collections and made
// what those literals' sites make in the old generation from then on (some 1.8 GB of it in an
// export of 2M entries), where only a full collection frees it.

/** An entry in the window, waiting to be made into its row. */
class Waiting {
  /** An incident's outcome results so far (it waits for them). */
  open: OpenIncident | undefined = undefined;

  constructor(
    readonly index: number,
    readonly entry: LedgerEntry,
    readonly text: string | undefined,
    readonly altered: true | undefined,
  ) {}
}

/** An incident (by recordId) that outcomes still join, until its window has passed. */
class OpenIncident {
  results: ActionResult[] = [];

  constructor(
    /** Its place in the rows waiting; gone once its row was made (early, once it was settled). */
    public waiting: Waiting | undefined,
    /** Whether its results already settle every action it planned (see settles). */
    public settled: boolean,
  ) {}
}

/** An ExportRow (its members undefined where absent). */
class Row implements ExportRow {
  constructor(
    readonly entry: LedgerEntry,
    readonly view?: IncidentView,
    readonly text?: string,
    readonly altered?: true,
  ) {}
}

/**
 * Whether `results` settle every action an incident planned: each action not withheld has a
 * result of its type (incidentView gives each planned action the first result of its type not yet
 * taken, so results that come later, or late ones, which come after these, change nothing).
 */
function settles(record: IncidentRecord, results: readonly ActionResult[]): boolean {
  // A type planned twice is checked twice, to the same answer: an incident plans a few actions.
  for (const { type } of record.actions) {
    let planned = 0;
    for (const a of record.actions) if (a.type === type && !withheld(a)) planned += 1;
    let found = 0;
    for (const r of results) if (r.type === type) found += 1;
    if (found < planned) return false;
  }
  return true;
}

/** As incidentView reads it: an action a rule kept from being done. */
const withheld = (a: IncidentRecord['actions'][number]): boolean => a.status === 'withheld' || (a.status === undefined && a.done === false);

/**
 * Joins incidents with the outcome records that follow them, within a sliding window of entries.
 * A row is handed on once its window has passed, or sooner once it and every row before it are
 * settled (an incident whose actions all have their outcome, any other entry): outcomes follow
 * their incident within a few entries, so almost no entry is held for the whole window. Held,
 * each of the window's 5,000 entries outlived several collections of the young generation and was
 * promoted, and collecting them took some 20% of an export. An incident stays open to the outcomes
 * that come for it until its window has passed, as when its row waited, so the same outcomes are
 * found late (see LateOutcomes), and the rows are the same.
 */
class OutcomeJoin {
  private readonly waiting: Waiting[] = [];
  /** The first still waiting in `waiting` (taken ones are dropped at the end of each take). */
  private first = 0;
  private readonly open = new Map<string, OpenIncident>();
  /** Incidents whose rows were made while still open, in chain order: closed when their window has passed. */
  private readonly closing: { index: number; id: string }[] = [];
  private closed = 0;
  private index = 0;

  constructor(
    private readonly late: ReadonlyMap<string, readonly ActionResult[]> | undefined,
    private readonly onLate?: (incidentId: string, results: readonly ActionResult[]) => void,
  ) {}

  add(entry: LedgerEntry, text?: string, altered = false): void {
    const r = entry.record;
    const item = new Waiting(this.index++, entry, text, altered ? true : undefined);
    if (r.type === 'incident' && r.recordId !== undefined) {
      item.open = new OpenIncident(item, settles(r, []));
      this.open.set(r.recordId, item.open);
    } else if (r.type === 'outcome') {
      const open = this.open.get(r.incidentId);
      // An incident whose row was made takes its outcomes without keeping them: they change nothing.
      if (open?.waiting) {
        for (const a of r.actions) open.results.push(a);
        if (!open.settled) open.settled = settles(open.waiting.entry.record as IncidentRecord, open.results);
      } else if (!open) this.onLate?.(r.incidentId, r.actions);
    }
    this.waiting.push(item);
  }

  /**
   * The entries whose window has passed (all of them at the end), and those settled before them,
   * at `most` so many, as rows.
   */
  take(all: boolean, most = Number.POSITIVE_INFINITY): ExportRow[] {
    const rows: ExportRow[] = [];
    const until = all ? this.index : this.index - OUTCOME_WINDOW;
    while (this.first < this.waiting.length && rows.length < most) {
      const item = this.waiting[this.first]!;
      if (item.index >= until && item.open?.settled === false) break;
      this.first += 1;
      rows.push(this.row(item, item.index < until));
    }
    // Incidents made into rows early are closed to outcomes when their window has passed.
    while (this.closed < this.closing.length && this.closing[this.closed]!.index < until) this.close(this.closing[this.closed++]!.id);
    if (this.closed > OUTCOME_WINDOW) {
      this.closing.splice(0, this.closed);
      this.closed = 0;
    }
    // Rows taken let go of at once (a page's worth at a time), so that no entry outlives its row.
    if (this.first > 0) {
      this.waiting.splice(0, this.first);
      this.first = 0;
    }
    return rows;
  }

  /** Closes incident `id` to the outcomes that follow (an incident of the same id added since included, as always). */
  private close(id: string): void {
    this.open.delete(id);
  }

  /** The row of `item`; `passed`: its window has passed (else it is settled, and stays open meanwhile). */
  private row(item: Waiting, passed: boolean): ExportRow {
    const { entry, open, text, altered } = item;
    if (entry.record.type !== 'incident') return new Row(entry);
    const id = entry.record.recordId;
    if (id !== undefined) {
      if (passed) this.close(id);
      else this.closing.push({ index: item.index, id });
    }
    const results = open?.results ?? [];
    if (open) {
      open.waiting = undefined;
      open.results = [];
    }
    const late = id === undefined ? undefined : this.late?.get(id);
    const all = late ? [...results, ...late] : results;
    const view = incidentView(entry as LedgerEntry & { record: IncidentRecord }, all);
    return text === undefined ? new Row(entry, view, undefined, altered) : new Row(entry, view, text);
  }
}
