import type { SignedCheckpoint } from '../checkpoints/signedCheckpoint.js';
import { incidentViews, type ActionView } from '../incidentOutcomes.js';
import type { LedgerEntry } from '../ledgerEntry.js';
import { exportRows, lateOutcomes, type EntryPages } from './exportRows.js';
import type { TextSink } from './textSink.js';

const COLUMNS = [
  'seq', 'at', 'type', 'platform', 'message_id', 'link', 'member_id', 'member_name', 'debunk_id', 'score', 'refuting', 'stance',
  'message_at', 'message_sha256', 'message_text', 'images_sha256', 'matched_in', 'strikes', 'actions_done', 'actions_skipped', 'actions_failed', 'actions_withheld',
  'actions_pending', 'incident_id', 'by', 'admin_action', 'detail', 'prev', 'hash',
];

const byName = (e: LedgerEntry) => (e.record.by.kind === 'bot' ? 'bot' : `${e.record.by.name} (${e.record.by.id})`);
const listOf = (actions: readonly ActionView[], status: ActionView['status']) =>
  actions
    .filter((a) => a.status === status)
    .map((a) => (a.why ? `${a.type}(${a.why})` : a.type))
    .join(' ');

/**
 * One row per entry, hashes included, so a spreadsheet export can still be checked. Incident rows
 * carry what really became of each action (from the outcome records that follow them). With a
 * checkpoint, a last row of type `checkpoint` carries the group's signed chain head: its seq, time
 * and hash, and in `detail` the whole signed checkpoint as JSON (signature and public key).
 */
export function ledgerToCsv(entries: readonly LedgerEntry[], checkpoint?: SignedCheckpoint): string {
  const views = new Map(incidentViews(entries).map((v) => [v.entry.seq, v.actions]));
  return stringifyRows([...entries.map((e) => csvRow(e, views.get(e.seq) ?? [])), ...checkpointRows(checkpoint)], true);
}

/**
 * {@link ledgerToCsv} of the entries `pages` reads, written to `sink` a page at a time (late
 * outcomes in a first pass, see lateOutcomes), so neither the entries nor the file is ever in
 * memory whole and the event loop turns between pages. The same text as ledgerToCsv. Returns the
 * entries written.
 */
export async function writeCsv(pages: EntryPages, checkpoint: SignedCheckpoint | undefined, sink: TextSink): Promise<number> {
  const late = await lateOutcomes(pages);
  await sink(stringifyRows([], true));
  let count = 0;
  for await (const rows of exportRows(pages, late, true)) {
    count += rows.length;
    await sink(stringifyRows(rows.map((r) => csvRow(r.entry, r.view?.actions ?? [])), false));
  }
  await sink(stringifyRows(checkpointRows(checkpoint), false));
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
  let text = value === true ? '1' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const stringifyRows = (rows: Record<string, unknown>[], header: boolean): string => {
  let out = header ? `${COLUMNS.join(',')}\n` : '';
  for (const row of rows) out += `${COLUMNS.map((c) => csvCell(row[c])).join(',')}\n`;
  return out;
};

const checkpointRows = (checkpoint: SignedCheckpoint | undefined): Record<string, unknown>[] =>
  checkpoint ? [{ seq: checkpoint.seq, at: checkpoint.at, type: 'checkpoint', hash: checkpoint.hash, detail: JSON.stringify(checkpoint) }] : [];

/** The row of one entry, with what became of an incident's actions. */
function csvRow(e: LedgerEntry, actions: readonly ActionView[]): Record<string, unknown> {
  const r = e.record;
  const common = () => ({ seq: e.seq, at: e.at, type: r.type, platform: r.platform, by: byName(e), prev: e.prev, hash: e.hash });
  if (r.type === 'admin') return { ...common(), admin_action: r.action, detail: r.detail };
  if (r.type === 'outcome') {
    return {
      ...common(),
      message_id: r.messageId,
      incident_id: r.incidentId,
      detail: r.actions.map((a) => `${a.type}: ${a.status}${a.status === 'skipped' ? ` (${a.reason})` : a.status === 'failed' ? ` (${a.error})` : ''}`).join('; '),
    };
  }
  // Written out rather than spread from `common`: spreading into a literal this large takes
  // V8's slow path (about 25 µs a row, most of a large export's time).
  return {
    seq: e.seq,
    at: e.at,
    type: r.type,
    platform: r.platform,
    by: byName(e),
    prev: e.prev,
    hash: e.hash,
    message_id: r.messageId,
    link: r.link ?? '',
    member_id: r.member.id,
    member_name: r.member.name,
    debunk_id: r.debunkId,
    score: r.score,
    refuting: r.refuting,
    stance: r.stance ?? '',
    message_at: r.messageAt,
    message_sha256: r.messageHash ?? '',
    message_text: r.messageText ?? '',
    // Pictures whose text was read: their sha256, and whether the match was in a picture.
    images_sha256: r.images?.sha256.join(' ') ?? '',
    matched_in: r.images?.matchedIn ?? '',
    strikes: r.strikes,
    actions_done: listOf(actions, 'done'),
    actions_skipped: listOf(actions, 'skipped'),
    actions_failed: listOf(actions, 'failed'),
    actions_withheld: listOf(actions, 'withheld'),
    actions_pending: listOf(actions, 'pending'),
    incident_id: r.recordId ?? '',
    detail: r.note ?? '',
  };
}
