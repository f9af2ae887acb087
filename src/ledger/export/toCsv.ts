import type { SignedCheckpoint } from '../checkpoints/signedCheckpoint.js';
import { incidentViews, type ActionView } from '../incidentOutcomes.js';
import type { LedgerEntry } from '../ledgerEntry.js';
import type { IncidentRecord } from '../ledgerRecord.js';
import { exportRows, LateOutcomes, type EntryPages, type ExportRow } from './exportRows.js';
import { Spill } from './spill.js';
import type { TextSink } from './textSink.js';

const COLUMNS = [
  'seq', 'at', 'type', 'platform', 'message_id', 'link', 'member_id', 'member_name', 'debunk_id', 'score', 'refuting', 'stance',
  'message_at', 'message_sha256', 'message_text', 'images_sha256', 'matched_in', 'strikes', 'actions_done', 'actions_skipped', 'actions_failed', 'actions_withheld',
  'actions_pending', 'incident_id', 'by', 'admin_action', 'detail', 'prev', 'hash',
];

const byName = (e: LedgerEntry) => (e.record.by.kind === 'bot' ? 'bot' : `${e.record.by.name} (${e.record.by.id})`);
/** The actions of this status, space-separated, each with why in parentheses where there is a why. */
function listOf(actions: readonly ActionView[], status: ActionView['status']): string {
  let list = '';
  let first = true;
  for (const a of actions) {
    if (a.status !== status) continue;
    list += `${first ? '' : ' '}${a.why ? `${a.type}(${a.why})` : a.type}`;
    first = false;
  }
  return list;
}

/**
 * One row per entry, hashes included, so a spreadsheet export can still be checked. Incident rows
 * carry what really became of each action (from the outcome records that follow them). With a
 * checkpoint, a last row of type `checkpoint` carries the group's signed chain head: its seq, time
 * and hash, and in `detail` the whole signed checkpoint as JSON (signature and public key).
 */
export function ledgerToCsv(entries: readonly LedgerEntry[], checkpoint?: SignedCheckpoint): string {
  const views = new Map(incidentViews(entries).map((v) => [v.entry.seq, v]));
  return stringifyRows(entries.map((entry) => ({ entry, ...(views.has(entry.seq) ? { view: views.get(entry.seq)! } : {}) })), true, checkpoint);
}

/**
 * {@link ledgerToCsv} of the entries `pages` reads, written to `sink` a page at a time, so neither
 * the entries nor the file is ever in memory whole and the event loop turns between pages. The
 * rows wait in a Spill (memory, or a temporary file when large) until the pass is over: when
 * outcomes came too late for their incident's row (see LateOutcomes), they are dropped and the rows
 * written again in a second pass that knows them. The same text as ledgerToCsv. Returns the
 * entries written.
 */
export async function writeCsv(pages: EntryPages, checkpoint: SignedCheckpoint | undefined, sink: TextSink): Promise<number> {
  const late = new LateOutcomes();
  const kept = new Spill();
  let count = 0;
  try {
    for await (const rows of exportRows(pages, new Map(), true, undefined, late.add)) {
      count += rows.length;
      await kept.add(rows.map(csvRowLine));
    }
    await sink(stringifyRows([], true));
    if (late.found.size === 0) await kept.drainTo(sink);
    else {
      await kept.discard();
      for await (const rows of exportRows(pages, late.found, true)) await sink(stringifyRows(rows, false));
    }
  } finally {
    await kept.discard();
  }
  await sink(stringifyRows([], false, checkpoint));
  return count;
}

// Cells that start with = + - @ (or a tab or carriage return before one) would run as formulas
// in a spreadsheet: quote them as text (OWASP's CSV injection advice).
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell as RFC 4180 writes it (and as csv-stringify did, which took 100 µs or more a row:
 * too slow for a million entries): booleans as 1 and empty, a cell holding a comma, quote or
 * line break in quotes with its quotes doubled.
 */
function csvCell(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (value === true) return '1';
  // A number is digits, a sign, a point and an exponent: nothing to quote.
  if (typeof value === 'number') return String(value);
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV line of one row (ending in a line break). */
const csvRowLine = (row: ExportRow): string => csvLine(row.entry, row.view?.actions ?? [], row.text);

/** Rows as CSV lines (each ending in a line break), after the header when `header` is true. */
function stringifyRows(rows: readonly ExportRow[], header: boolean, checkpoint?: SignedCheckpoint): string {
  let out = header ? `${COLUMNS.join(',')}\n` : '';
  for (const row of rows) out += csvRowLine(row);
  if (checkpoint) out += checkpointLine(checkpoint);
  return out;
}

/**
 * An incident's detail: the further rumors its message carried, each with its score (debunk_id
 * holds the first, so a spreadsheet sorts by it), then the record's note.
 */
function incidentDetail(r: IncidentRecord): string | undefined {
  if (!r.also) return r.note;
  const also = `also: ${r.also.map((o) => `${o.debunkId} (${o.score.toFixed(2)})`).join(', ')}`;
  return r.note ? `${also}; ${r.note}` : also;
}

/** Empty cells, by how many. */
const EMPTY = Array.from({ length: COLUMNS.length + 1 }, (_, n) => ','.repeat(n));

/** The last row: the group's signed chain head (type `checkpoint`), the whole of it in `detail`. */
const checkpointLine = (c: SignedCheckpoint): string =>
  `${csvCell(c.seq)},${csvCell(c.at)},checkpoint${EMPTY[24]}${csvCell(JSON.stringify(c))},,${csvCell(c.hash)}\n`;

/**
 * The line of one entry, with what became of an incident's actions and its `kept` text: its cells in COLUMNS order,
 * written straight into the line (no row object per entry, nor a lookup per column).
 */
function csvLine(e: LedgerEntry, actions: readonly ActionView[], kept: string | undefined): string {
  const r = e.record;
  const head = `${csvCell(e.seq)},${csvCell(e.at)},${csvCell(r.type)},${csvCell(r.platform)},`;
  const tail = `${csvCell(e.prev)},${csvCell(e.hash)}\n`;
  if (r.type === 'admin') {
    // The matches it overturned, by message and debunk, so a spreadsheet can find their incidents.
    const overturns = r.overturns ? `; overturns: ${r.overturns.map((o) => `message ${o.messageId} (${o.debunkId})`).join(', ')}` : '';
    return `${head}${EMPTY[20]}${csvCell(byName(e))},${csvCell(r.action)},${csvCell(r.detail + overturns)},${tail}`;
  }
  if (r.type === 'outcome') {
    const detail = r.actions.map((a) => `${a.type}: ${a.status}${a.status === 'skipped' ? ` (${a.reason})` : a.status === 'failed' ? ` (${a.error})` : ''}`).join('; ');
    return `${head}${csvCell(r.messageId)}${EMPTY[19]}${csvCell(r.incidentId)},${csvCell(byName(e))},,${csvCell(detail)},${tail}`;
  }
  return (
    `${head}${csvCell(r.messageId)},${csvCell(r.link)},${csvCell(r.member.id)},${csvCell(r.member.name)},${csvCell(r.debunkId)},` +
    `${csvCell(r.score)},${csvCell(r.refuting)},${csvCell(r.stance)},${csvCell(r.messageAt)},${csvCell(r.messageHash)},${csvCell(kept ?? r.messageText)},` +
    // Pictures whose text was read: their sha256, and whether the match was in a picture.
    `${csvCell(r.images?.sha256.join(' '))},${csvCell(r.images?.matchedIn)},${csvCell(r.strikes)},` +
    `${csvCell(listOf(actions, 'done'))},${csvCell(listOf(actions, 'skipped'))},${csvCell(listOf(actions, 'failed'))},` +
    `${csvCell(listOf(actions, 'withheld'))},${csvCell(listOf(actions, 'pending'))},${csvCell(r.recordId)},${csvCell(byName(e))},,${csvCell(incidentDetail(r))},${tail}`
  );
}
