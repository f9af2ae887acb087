import { incidentView, type IncidentView } from '../incidentOutcomes.js';
import type { LedgerEntry } from '../ledgerEntry.js';
import type { ActionResult, IncidentRecord } from '../ledgerRecord.js';
import type { StoredItem } from '../storedEntry.js';
import { keptText } from '../messageText.js';

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
    for (const e of page.entries) join.add(e, page.texts.size > 0 ? keptText(e, page.texts) : undefined);
    const rows = join.take(false);
    if (rows.length > 0) yield rows;
  }
  // The last window's entries, a page's worth at a time like the rest.
  for (let rows = join.take(true, ROWS_AT_ONCE); rows.length > 0; rows = join.take(true, ROWS_AT_ONCE)) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    yield rows;
  }
}

/** Rows handed on at once when the window is emptied at the end: about a page. */
const ROWS_AT_ONCE = 1000;

interface Waiting {
  index: number;
  entry: LedgerEntry;
  /** An incident's outcome results so far. */
  results?: ActionResult[];
  text?: string;
}

/** Joins incidents with the outcome records that follow them, within a sliding window of entries. */
class OutcomeJoin {
  private readonly waiting: Waiting[] = [];
  /** The first still waiting in `waiting` (taken ones are dropped a batch at a time). */
  private first = 0;
  private readonly open = new Map<string, ActionResult[]>();
  private index = 0;

  constructor(
    private readonly late: ReadonlyMap<string, readonly ActionResult[]> | undefined,
    private readonly onLate?: (incidentId: string, results: readonly ActionResult[]) => void,
  ) {}

  add(entry: LedgerEntry, text?: string): void {
    const r = entry.record;
    const item: Waiting = { index: this.index++, entry, ...(text !== undefined ? { text } : {}) };
    if (r.type === 'incident' && r.recordId !== undefined) {
      item.results = [];
      this.open.set(r.recordId, item.results);
    } else if (r.type === 'outcome') {
      const results = this.open.get(r.incidentId);
      if (results) for (const a of r.actions) results.push(a);
      else this.onLate?.(r.incidentId, r.actions);
    }
    this.waiting.push(item);
  }

  /** The entries whose window has passed (all of them at the end), at `most` so many, as rows. */
  take(all: boolean, most = Number.POSITIVE_INFINITY): ExportRow[] {
    const rows: ExportRow[] = [];
    const until = all ? this.index : this.index - OUTCOME_WINDOW;
    while (this.first < this.waiting.length && this.waiting[this.first]!.index < until && rows.length < most) {
      const item = this.waiting[this.first++]!;
      rows.push(this.row(item));
    }
    if (this.first > OUTCOME_WINDOW) {
      this.waiting.splice(0, this.first);
      this.first = 0;
    }
    return rows;
  }

  private row({ entry, results, text }: Waiting): ExportRow {
    if (entry.record.type !== 'incident') return { entry };
    const id = entry.record.recordId;
    if (id !== undefined) this.open.delete(id);
    const late = id === undefined ? undefined : this.late?.get(id);
    const all = late ? [...(results ?? []), ...late] : (results ?? []);
    const view = incidentView(entry as LedgerEntry & { record: IncidentRecord }, all);
    return text === undefined ? { entry, view } : { entry, view, text };
  }
}
