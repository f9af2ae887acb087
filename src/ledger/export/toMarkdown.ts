import { codePointName, DIRECTION_CHARS } from '../../lib/directionChars.js';
import type { SignedCheckpoint } from '../checkpoints/signedCheckpoint.js';
import type { LedgerEntry } from '../ledgerEntry.js';
import type { ActionResult, AdminRecord } from '../ledgerRecord.js';
import { type ActionStatus, type ActionView, addOverturns, incidentViews, reasonOf, withOverturn, type IncidentView } from '../incidentOutcomes.js';
import { exportRows, LateOutcomes, type EntryPages } from './exportRows.js';
import { Spill } from './spill.js';
import type { StoredItem } from '../storedEntry.js';
import type { TextSink } from './textSink.js';
import type { ChainCheck } from '../verifyChain.js';
import type { ActionType } from '../../rules/actionTypes.js';
import { actionName, durationText, type Language } from '../../engine/templates.js';
import { fillTemplate } from '../../lib/fillTemplate.js';
import { REPORT_WORDS, type ReportWords } from './reportWords.js';
import { cutText } from '../../lib/cutText.js';
import { appendAll } from '../../lib/appendAll.js';
import { median } from '../../lib/median.js';
import { rumorsOf } from '../incidentRecord.js';

export interface ReportOptions {
  groupId: string;
  /** The group's name, where the caller knows it: the title names it beside the id. */
  groupTitle?: string;
  since?: Date;
  until?: Date;
  /** The verification of the whole chain, stated at the top of the report. */
  check: ChainCheck;
  /** The group's latest signed chain head, printed under the verification so the report carries it. */
  checkpoint?: SignedCheckpoint;
  /**
   * The language of the report's words (see REPORT_WORDS): the dashboard's screen and a chat's
   * `/rg export` are in the admin's. @defaultValue 'en'
   */
  lang?: Language;
}

/**
 * The headings above the signed checkpoint, one per language a report is written in; `ledger
 * verify --checkpoint REPORT.md` looks for them.
 */
export const SIGNED_HEAD_HEADINGS: readonly string[] = Object.values(REPORT_WORDS).map((w) => w.signedHeadHeading);

/** One of the report's words, filled in. */
const say = (template: string, values: Readonly<Record<string, string | number>> = {}) => fillTemplate(template, values);

/**
 * The signed checkpoint as one line of JSON in a fenced block: backticks and angle brackets are
 * written as JSON escapes, so no group id can close the block or become markup, and the JSON
 * still reads back to the same checkpoint.
 */
const fencedJson = (value: unknown) => ['```json', JSON.stringify(value).replace(/[`<>]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`), '```'];

/** A word the shell reads as itself: letters, digits and `_@%+=:,./-` stay bare, anything else is single-quoted. */
const shellWord = (text: string) => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`);

/** What cannot sit in a one-line code span: a line break would end its paragraph, a direction mark turn it around. */
const NOT_IN_SPAN = new RegExp(`[\\p{Cc}\\p{Zl}\\p{Zp}${DIRECTION_CHARS}]`, 'u');

/**
 * Text as a Markdown code span, fenced with more backticks than any run of them inside, so no
 * group id can close it; undefined for a text that cannot be one (see NOT_IN_SPAN).
 */
function codeSpan(text: string): string | undefined {
  if (NOT_IN_SPAN.test(text)) return undefined;
  const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * The signed head, with the command that checks the chain against it later, naming the group
 * (QA: it said `--group <group>` though the report knows it), shell-quoted. A group id no code
 * span can hold (a line break in it: no platform's is) keeps the placeholder.
 */
function signedHead(c: SignedCheckpoint | undefined, w: ReportWords): string[] {
  if (!c) return [w.noCheckpoint];
  const command = codeSpan(say(w.verifyCommand, { group: shellWord(c.groupId) })) ?? codeSpan(say(w.verifyCommand, { group: '<group>' }))!;
  return [w.signedHeadHeading, '', say(w.signedHead, { key: c.keyId, at: c.at, seq: c.seq, hash: c.hash, command }), '', ...fencedJson(c)];
}

/**
 * What `cell` changes: markup, whitespace other than a space, two spaces, a space at either end,
 * and the direction marks, embeddings, overrides and isolates (DIRECTION), which would turn a
 * name around ("\u202Eecila" read as "alice"). Most cells (names, rumor ids, what was done) have
 * none, and are taken as they are.
 */
const CELL_CHANGES = new RegExp(`[|\\\\\`*_<>[\\]#${DIRECTION_CHARS}]|[^\\S ]| {2}|^ | $`);
const DIRECTION = new RegExp(`[${DIRECTION_CHARS}]`, 'g');
/**
 * Text from members and admins goes into table cells: no pipes, no line breaks, no markup, and a
 * direction character written as its code point (`U+202E`), shown instead of obeyed.
 */
const cell = (text: string) =>
  CELL_CHANGES.test(text)
    ? text
        .replace(/[|\\`*_<>[\]#]/g, (c) => `\\${c}`)
        .replace(DIRECTION, codePointName)
        .replace(/\s+/g, ' ')
        .trim()
    : text;
/** A bound of the period: its day, with its time to the minute when it is not midnight (UTC). */
const moment = (d: Date) => {
  const iso = d.toISOString();
  return iso.slice(11, 23) === '00:00:00.000' ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
};

/** A delay as the dashboard's overview says it (formatDelay): under a second in ms, where "0 s" read as nothing measured (QA). */
function minutes(ms: number, w: ReportWords): string {
  if (ms < 1000) return say(w.milliseconds, { n: Math.round(ms) });
  if (ms < 60_000) return say(w.seconds, { n: Number((ms / 1000).toFixed(1)) });
  return say(w.minutes, { n: Number((ms / 60_000).toFixed(1)) });
}


const STATUSES = ['done', 'skipped', 'failed', 'withheld', 'pending'] as const satisfies readonly ActionStatus[];

/**
 * The management report's figures, gathered one entry and one incident at a time, so a streamed
 * export never holds the incidents: its memory grows with the group's members, rumors, admin
 * actions and refutation times, not with the entries.
 */
class ReportTotals {
  entries = 0;
  incidents = 0;
  refuting = 0;
  /** Incidents an admin overturned (IncidentView.overturnedBy): the bot's mistakes, counted apart. */
  overturned = 0;
  /** The overturns the admin records of this pass name (see addOverturns): who and when. */
  readonly overturnsFound = new Map<string, string>();
  /** Incidents whose member asked whether the rumor is true (stance `question`), answered: never punished. */
  asking = 0;
  /**
   * Incidents on which nothing was decided but the log entry (a match below the threshold that
   * applied, a question below the answer threshold, a repeat of a rumor answered moments before
   * to a member not addressed): told apart from the messages the bot acted on. Refutations and
   * overturned matches are counted apart already.
   */
  loggedOnly = 0;
  readonly admin: (LedgerEntry & { record: AdminRecord })[] = [];
  /** Every action type by what really became of it. */
  readonly counts = new Map<ActionType, Record<ActionStatus, number>>();
  readonly byDebunk = new Map<string, { messages: number; members: Set<string>; answered: number }>();
  readonly members = new Map<string, MemberRow>();
  /** Every member's most strikes, whether or not a warning or mute went out. */
  private readonly strikes = new Map<string, number>();
  /** ms from message to posted refutation. */
  readonly delays: number[] = [];

  /** When the first and the last entry of the report were written (ISO), for its period. */
  firstAt: string | undefined;
  lastAt: string | undefined;

  addEntry(e: LedgerEntry): void {
    this.entries += 1;
    this.firstAt ??= e.at;
    this.lastAt = e.at;
    if (e.record.type === 'admin') {
      this.admin.push(e as LedgerEntry & { record: AdminRecord });
      addOverturns(e, this.overturnsFound);
    }
  }

  addIncident(v: IncidentView): void {
    const r = v.entry.record;
    this.incidents += 1;
    const overturned = v.overturnedBy !== undefined;
    if (overturned) this.overturned += 1;
    else if (r.refuting) this.refuting += 1;
    else if (v.actions.length === 0) this.loggedOnly += 1;
    else if (r.stance === 'question') this.asking += 1;
    // One pass over the actions: their counts, and what the figures below need of them.
    let answered = false;
    let warned = false;
    /** The length of the mute done (undefined in records that did not keep it), when one was. */
    let muted: { length: number | undefined } | undefined;
    // A warning or mute the platform refused, that never got an outcome, or that the group's
    // settings withheld (observe mode, action not enabled) is told too: the member reached that
    // step whether or not it went out (QA: a member whose warnings were withheld was not listed).
    let undone = 0;
    /** When the first refutation posted was posted. */
    let replied: string | undefined;
    for (const a of v.actions) {
      let row = this.counts.get(a.type);
      if (!row) this.counts.set(a.type, (row = { done: 0, skipped: 0, failed: 0, withheld: 0, pending: 0 }));
      row[a.status] += 1;
      const done = a.status === 'done';
      switch (a.type) {
        case 'reply_refutation':
          if (done) {
            answered = true;
            replied ||= a.settledAt;
          }
          break;
        case 'pointer':
          answered ||= done;
          break;
        case 'warn':
          if (done) warned = true;
          else undone += 1;
          break;
        case 'mute':
          if (done) muted = { length: a.durationMs };
          else undone += 1;
          break;
      }
    }
    // What was done stays counted (it was done); which rumors spread does not count a message
    // the admins found was not that rumor. A message that carried several counts for each, answered
    // where a refutation or pointer about it was done (QA: the others were in no row).
    if (!overturned) {
      this.countRumor(r.debunkId, r.member.id, r.also ? answeredAbout(v.actions, r.debunkId, true) : answered);
      for (const other of r.also ?? []) this.countRumor(other.debunkId, r.member.id, answeredAbout(v.actions, other.debunkId, false));
    }
    const strikes = Math.max(this.strikes.get(r.member.id) ?? 0, r.strikes);
    this.strikes.set(r.member.id, strikes);
    const m = this.members.get(r.member.id);
    if (m) m.strikes = strikes;
    if (warned || muted || undone > 0) {
      const row = m ?? { name: r.member.name, warned: 0, muted: 0, muteLengths: new Map(), undone: 0, strikes };
      row.warned += warned ? 1 : 0;
      if (muted) {
        row.muted += 1;
        row.muteLengths.set(muted.length, (row.muteLengths.get(muted.length) ?? 0) + 1);
      }
      row.undone += undone;
      this.members.set(r.member.id, row);
    }
    // The bot's own speed: a message an admin answered after reviewing a report waited for the
    // admin, and is told apart in its row (see incidentRow).
    if (replied && r.by.kind !== 'admin') this.delays.push(Date.parse(replied) - Date.parse(r.messageAt));
  }

  private countRumor(debunkId: string, memberId: string, answered: boolean): void {
    let rumor = this.byDebunk.get(debunkId);
    if (!rumor) this.byDebunk.set(debunkId, (rumor = { messages: 0, members: new Set(), answered: 0 }));
    rumor.messages += 1;
    rumor.members.add(memberId);
    if (answered) rumor.answered += 1;
  }
}

/**
 * Whether a refutation or a pointer about this rumor of an incident was done: the actions name
 * the rumors they were about (debunkIds) when the incident has several; an action that names none
 * was about the incident's first (`first`).
 */
function answeredAbout(actions: readonly ActionView[], debunkId: string, first: boolean): boolean {
  for (const a of actions) {
    if (a.status !== 'done' || (a.type !== 'reply_refutation' && a.type !== 'pointer')) continue;
    if (a.debunkIds ? a.debunkIds.includes(debunkId) : first) return true;
  }
  return false;
}

/** A member's row of the members table. */
interface MemberRow {
  name: string;
  warned: number;
  /** Mutes done, and how many of each length (QA: a 1-hour and a 24-hour mute were one count of 2). */
  muted: number;
  muteLengths: Map<number | undefined, number>;
  undone: number;
  strikes: number;
}

/** "2 (1 hour: 1, 24 hours: 1)" / "2（1小时 1 次，24小时 1 次）": the mutes done, by length, shortest first. */
function mutesCell(m: MemberRow, w: ReportWords): string {
  if (m.muted === 0) return '0';
  const lengths = [...m.muteLengths]
    .sort(([a], [b]) => (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY))
    .map(([ms, n]) => say(w.muteLength, { length: ms === undefined ? w.muteLengthUnknown : durationText(w.lang, ms), n }));
  return say(w.mutesByLength, { n: m.muted, lengths: lengths.join(w.listSeparator) });
}

/**
 * The owner's management report: what rumors appeared, what the bot and the admins did (counted
 * by what really happened, not by what was decided), and how fast. Readable as it is, and backed
 * by the chain it states as verified. Linear in the entries.
 */
export function ledgerToMarkdown(entries: readonly LedgerEntry[], options: ReportOptions): string {
  const totals = new ReportTotals();
  for (const e of entries) totals.addEntry(e);
  // The views carry who overturned their match (incidentViews reads every admin record first).
  const views = incidentViews(entries);
  for (const v of views) totals.addIncident(v);
  const lines = reportHead(totals, options);
  const w = REPORT_WORDS[options.lang ?? 'en'];
  for (const v of views) lines.push(incidentRow(v, w));
  lines.push('');
  return lines.join('\n');
}

/** A verification of the chain fed the pages an export reads (see Ledger.chainVerifier). */
export interface ChainScan {
  add(item: StoredItem): void;
  result(): ChainCheck;
}

/**
 * {@link ledgerToMarkdown} of the entries `pages` reads, with the chain verified by `scan` in the
 * same pass, written to `sink`: the figures at the top once the pass is over, then the incident
 * table, which waited in a Spill (memory, or a temporary file when large), so neither the entries
 * nor the report is ever in memory whole, and the event loop turns between pages. When outcomes
 * came too late for their incident's row (see LateOutcomes), the table is made again in a second
 * pass that knows them. The same text as ledgerToMarkdown. Returns the entries counted and the
 * verification.
 */
export async function writeMarkdownReport(pages: EntryPages, options: Omit<ReportOptions, 'check'>, scan: ChainScan, sink: TextSink): Promise<{ entries: number; check: ChainCheck }> {
  const late = new LateOutcomes();
  const observe = (items: readonly StoredItem[]) => {
    for (const item of items) scan.add(item);
  };
  const w = REPORT_WORDS[options.lang ?? 'en'];
  let report = await reportPass(pages, w, new Map(), new Map(), observe, late.add);
  const check = scan.result();
  // Rows made before an admin overturned their incident are made again too.
  const overturned = report.totals.overturnsFound;
  if (late.found.size > 0 || overturned.size > 0) {
    await report.table.discard();
    report = await reportPass(pages, w, late.found, overturned);
  }
  try {
    await sink(`${reportHead(report.totals, { ...options, check }).join('\n')}\n`);
    await report.table.drainTo(sink);
  } finally {
    await report.table.discard();
  }
  return { entries: report.totals.entries, check };
}

/** One pass of writeMarkdownReport: the figures, and the incident table kept aside. */
async function reportPass(
  pages: EntryPages,
  w: ReportWords,
  late: ReadonlyMap<string, readonly ActionResult[]>,
  overturned: ReadonlyMap<string, string>,
  observe?: (items: readonly StoredItem[]) => void,
  onLate?: (incidentId: string, results: readonly ActionResult[]) => void,
): Promise<{ totals: ReportTotals; table: Spill }> {
  const totals = new ReportTotals();
  const table = new Spill();
  try {
    for await (const rows of exportRows(pages, late, true, observe, onLate)) {
      // The page's table rows, kept as rows (see Spill).
      const lines: string[] = [];
      for (const row of rows) {
        totals.addEntry(row.entry);
        if (row.view) {
          const view = withOverturn(row.view, overturned);
          totals.addIncident(view);
          lines.push(`${incidentRow(view, w, row.text, row.altered)}\n`);
        }
      }
      await table.add(lines);
    }
  } catch (error) {
    await table.discard();
    throw error;
  }
  return { totals, table };
}

/**
 * What became of an action, in words ("refutation: done"). Those without a reason are the same
 * few again and again, kept by language, type and status (a few dozen in all).
 */
function outcomeWords(a: ActionView, w: ReportWords): string {
  const why = reasonOf(a);
  if (why) return say(w.outcomeWhy, { action: actionName(a.type, w.lang), status: w.statuses[a.status], why: w.why[why] ?? why });
  const key = `${w.lang} ${a.type} ${a.status}`;
  let words = OUTCOME_WORDS.get(key);
  if (words === undefined) {
    words = say(w.outcome, { action: actionName(a.type, w.lang), status: w.statuses[a.status], why: '' });
    // Bounded whatever comes (a type or status from a newer version): a few languages × types × statuses.
    if (OUTCOME_WORDS.size < 200) OUTCOME_WORDS.set(key, words);
  }
  return words;
}
const OUTCOME_WORDS = new Map<string, string>();

/**
 * One row of the incident table; `kept`, the message text kept beside the chain (else the
 * record's); `altered`, the one kept there was edited (see keptTextAltered).
 */
function incidentRow(v: IncidentView, w: ReportWords, kept?: string, altered?: true): string {
  const r = v.entry.record;
  const message = kept ?? r.messageText;
  // Where there is no text, why not: it was edited beside the chain, or purged.
  const hash = r.messageHash?.slice(0, 12) ?? '';
  const said = message !== undefined ? cell(cutText(message, 300)) : altered ? say(w.textAltered, { hash }) : r.messageHash ? say(w.textPurged, { hash }) : '';
  const picture = r.images ? `(${r.images.matchedIn === 'image' ? w.inPicture : w.withPicture}, sha256 ${r.images.sha256[0]?.slice(0, 12) ?? ''}…) ` : '';
  const text = picture + said;
  const by = v.overturnedBy;
  const reviewed = r.by.kind === 'admin' ? say(w.answeredAfterReview, { name: r.by.name }) : '';
  let did = '';
  for (let i = 0; i < v.actions.length; i++) did += (i > 0 ? w.separator : '') + outcomeWords(v.actions[i]!, w);
  did = (did || w.loggedOnly) + reviewed + (by ? say(w.overturnedBy, { by }) : '');
  // Every rumor the message carried, best first (one strike and one reply for them all).
  const rumors = rumorsOf(r).join(', ');
  return `| ${v.entry.seq} | ${r.messageAt.slice(0, 16).replace('T', ' ')} | ${cell(r.member.name)} | ${cell(rumors)} | ${r.score.toFixed(2)} | ${text} | ${cell(did)} |`;
}

/** Everything of the report up to and including the incident table's header. */
function reportHead(totals: ReportTotals, options: ReportOptions): string[] {
  const admin = totals.admin;
  const w = REPORT_WORDS[options.lang ?? 'en'];

  const lines: string[] = [];
  const titled = options.groupTitle !== undefined && options.groupTitle !== options.groupId;
  lines.push(say(w.title, { group: titled ? say(w.titleNamedGroup, { title: cell(options.groupTitle!), id: cell(options.groupId) }) : say(w.titleGroup, { id: cell(options.groupId) }) }));
  lines.push('');
  // A bound not asked for is the date of the first or last entry: "… to …" told the owner nothing.
  // One asked for is given to the minute when it has a time of day, and the end, which is not
  // included, as "before" it ("to 2026-12-08" read as including the 8th).
  const from = options.since ? moment(options.since) : (totals.firstAt?.slice(0, 10) ?? '…');
  const to = options.until ? say(w.periodBefore, { moment: moment(options.until) }) : (totals.lastAt?.slice(0, 10) ?? '…');
  lines.push(say(w.period, { from, to, whole: options.since || options.until ? '' : w.wholeLedger, entries: totals.entries }));
  const check = options.check;
  lines.push(
    check.ok
      ? say(w.verified, { n: check.entries, head: check.head ? say(w.verifiedHead, { head: check.head.slice(0, 16) }) : '' }) +
          (check.checkpoint ? say(w.verifiedCheckpoint, { at: check.checkpoint.at, seq: check.checkpoint.seq }) : '')
      : say(w.verifyFailed, { seq: check.seq, fault: w.faults[check.fault], detail: check.detail ? ` (${cell(check.detail)})` : '' }),
  );
  lines.push('');
  appendAll(lines, signedHead(options.checkpoint, w));
  lines.push('');
  lines.push(w.totals);
  lines.push('');
  const refuting = totals.refuting;
  lines.push(w.count);
  lines.push('|---|---|');
  lines.push(`| ${w.spread} | ${totals.incidents - refuting - totals.asking - totals.overturned - totals.loggedOnly} |`);
  lines.push(`| ${w.asking} | ${totals.asking} |`);
  lines.push(`| ${w.refuting} | ${refuting} |`);
  lines.push(`| ${w.loggedOnlyRow} | ${totals.loggedOnly} |`);
  if (totals.overturned > 0) lines.push(`| ${w.overturnedRow} | ${totals.overturned} |`);
  lines.push(`| ${w.adminActionsRow} | ${admin.length} |`);
  lines.push('');
  lines.push(w.whatWasDone);
  lines.push('');
  lines.push(w.whatWasDoneIntro);
  lines.push('');
  lines.push(w.whatWasDoneHeader);
  lines.push('|---|---|---|---|---|---|');
  const counts = totals.counts;
  for (const [type, label] of Object.entries(w.actionRows) as [ActionType, string][]) {
    const row = counts.get(type);
    lines.push(`| ${label} | ${STATUSES.map((s) => row?.[s] ?? 0).join(' | ')} |`);
  }

  lines.push('');
  lines.push(w.byRumor);
  lines.push('');
  const byDebunk = totals.byDebunk;
  if (byDebunk.size === 0) lines.push(w.noIncidents);
  else {
    lines.push(w.byRumorHeader);
    lines.push('|---|---|---|---|');
    for (const [id, rumor] of [...byDebunk].sort((a, b) => b[1].messages - a[1].messages)) {
      lines.push(`| ${cell(id)} | ${rumor.messages} | ${rumor.members.size} | ${rumor.answered} |`);
    }
  }

  lines.push('');
  lines.push(w.members);
  lines.push('');
  const members = totals.members;
  if (members.size === 0) lines.push(w.nobodyStruck);
  else {
    lines.push(w.membersHeader);
    lines.push('|---|---|---|---|---|---|');
    for (const [id, m] of members) lines.push(`| ${cell(m.name)} | ${cell(id)} | ${m.warned} | ${mutesCell(m, w)} | ${m.undone} | ${m.strikes} |`);
  }

  lines.push('');
  lines.push(w.delays);
  lines.push('');
  const delays = totals.delays;
  let slowest = Number.NEGATIVE_INFINITY;
  for (const d of delays) slowest = Math.max(slowest, d);
  lines.push(delays.length === 0 ? w.noRefutations : say(w.refutations, { n: delays.length, median: minutes(median(delays), w), slowest: minutes(slowest, w) }));

  lines.push('');
  lines.push(w.adminActions);
  lines.push('');
  if (admin.length === 0) lines.push(w.noAdminActions);
  else {
    lines.push(w.adminActionsHeader);
    lines.push('|---|---|---|---|');
    for (const e of admin) {
      const by = e.record.by.kind === 'admin' ? `${e.record.by.name} (${e.record.by.id})` : w.bot;
      lines.push(`| ${e.at.slice(0, 16).replace('T', ' ')} | ${cell(by)} | ${cell(e.record.action)} | ${cell(e.record.detail)} |`);
    }
  }

  lines.push('');
  lines.push(w.incidents);
  lines.push('');
  if (totals.incidents === 0) lines.push(w.noIncidents);
  else {
    lines.push(w.incidentsHeader);
    lines.push('|---|---|---|---|---|---|---|');
  }
  return lines;
}
