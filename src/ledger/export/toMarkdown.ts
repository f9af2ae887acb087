import type { SignedCheckpoint } from '../checkpoints/signedCheckpoint.js';
import type { LedgerEntry } from '../ledgerEntry.js';
import type { AdminRecord } from '../ledgerRecord.js';
import { type ActionStatus, incidentViews, wasDone, type IncidentView } from '../incidentOutcomes.js';
import type { ChainCheck } from '../verifyChain.js';
import { CHAIN_FAULTS } from '../verifyChain.js';
import type { ActionType } from '../../rules/actionTypes.js';
import { cutText } from '../../lib/cutText.js';
import { appendAll } from '../../lib/appendAll.js';

export interface ReportOptions {
  groupId: string;
  since?: Date;
  until?: Date;
  /** The verification of the whole chain, stated at the top of the report. */
  check: ChainCheck;
  /** The group's latest signed chain head, printed under the verification so the report carries it. */
  checkpoint?: SignedCheckpoint;
}

/** The heading above the signed checkpoint; `ledger verify --checkpoint REPORT.md` looks for it. */
export const SIGNED_HEAD_HEADING = '## Signed chain head';

/**
 * The signed checkpoint as one line of JSON in a fenced block: backticks and angle brackets are
 * written as JSON escapes, so no group id can close the block or become markup, and the JSON
 * still reads back to the same checkpoint.
 */
const fencedJson = (value: unknown) => ['```json', JSON.stringify(value).replace(/[`<>]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`), '```'];

function signedHead(c: SignedCheckpoint | undefined): string[] {
  if (!c) return ['No signed checkpoint of this chain yet: entries cut off its end could not be told from a shorter chain.'];
  return [
    SIGNED_HEAD_HEADING,
    '',
    `The bot signed this chain's head with its Ed25519 key ${c.keyId} at ${c.at}: entry ${c.seq}, hash \`${c.hash}\`. ` +
      'Keep this report: `rumorguard ledger verify --group <group> --checkpoint <this file>` shows later whether any entry up to this one was removed or rewritten. ' +
      'The signature covers the RFC 8785 JSON of groupId, seq, hash and at; the public key is in the checkpoint below (base64 DER).',
    '',
    ...fencedJson(c),
  ];
}

/** Text from members and admins goes into table cells: no pipes, no line breaks, no markup. */
const cell = (text: string) => text.replace(/[|\\`*_<>[\]#]/g, (c) => `\\${c}`).replace(/\s+/g, ' ').trim();
const day = (d?: Date) => (d ? d.toISOString().slice(0, 10) : '…');

function minutes(ms: number): string {
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))} s`;
  return `${Number((ms / 60_000).toFixed(1))} min`;
}

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The actions a report counts, in the order it lists them, with their names for owners. */
const ACTION_ROWS = [
  ['reply_refutation', 'Refutations'],
  ['pointer', 'Pointers to an earlier refutation'],
  ['suggest_check', 'Soft "please check" replies'],
  ['warn', 'Warnings'],
  ['mute', 'Mutes'],
  ['delete', 'Messages deleted'],
  ['alert_owners', 'Owner alerts'],
] as const satisfies readonly (readonly [Exclude<ActionType, 'log'>, string])[];

const STATUSES = ['done', 'skipped', 'failed', 'withheld', 'pending'] as const satisfies readonly ActionStatus[];

/** Counts of every action type by what really became of it. */
export function outcomeCounts(views: readonly IncidentView[]): Map<ActionType, Record<ActionStatus, number>> {
  const counts = new Map<ActionType, Record<ActionStatus, number>>();
  for (const v of views) {
    for (const a of v.actions) {
      let row = counts.get(a.type);
      if (!row) counts.set(a.type, (row = { done: 0, skipped: 0, failed: 0, withheld: 0, pending: 0 }));
      row[a.status] += 1;
    }
  }
  return counts;
}

/**
 * The owner's management report: what rumors appeared, what the bot and the admins did (counted
 * by what really happened, not by what was decided), and how fast. Readable as it is, and backed
 * by the chain it states as verified. Linear in the entries.
 */
export function ledgerToMarkdown(entries: readonly LedgerEntry[], options: ReportOptions): string {
  const views = incidentViews(entries);
  const lines = reportHead(entries, views, options);
  for (const v of views) lines.push(incidentRow(v));
  lines.push('');
  return lines.join('\n');
}

/**
 * {@link ledgerToMarkdown}, giving the event loop a turn after every `slice` incidents of the
 * incident table (the bulk of a large report), so a report of a million incidents made in the
 * bot's process never holds up moderation for long.
 */
export async function ledgerToMarkdownYielding(entries: readonly LedgerEntry[], options: ReportOptions, slice = 2_000): Promise<string> {
  const views = incidentViews(entries);
  await turn();
  const lines = reportHead(entries, views, options);
  for (let i = 0; i < views.length; i++) {
    lines.push(incidentRow(views[i]!));
    if ((i + 1) % slice === 0) await turn();
  }
  lines.push('');
  return lines.join('\n');
}

/** Lets whatever waits on the event loop (messages to moderate) run first. */
export const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One row of the incident table. */
function incidentRow(v: IncidentView): string {
  const r = v.entry.record;
  const said = r.messageText !== undefined ? cell(cutText(r.messageText, 300)) : r.messageHash ? `(text purged; sha256 ${r.messageHash.slice(0, 12)}…)` : '';
  const picture = r.images ? `(${r.images.matchedIn === 'image' ? 'matched in a picture' : 'with a picture'}, sha256 ${r.images.sha256[0]?.slice(0, 12) ?? ''}…) ` : '';
  const text = picture + said;
  const did = v.actions.map((a) => `${a.type}: ${a.status}${a.why ? ` (${a.why})` : ''}`).join('; ') || 'logged';
  return `| ${v.entry.seq} | ${r.messageAt.slice(0, 16).replace('T', ' ')} | ${cell(r.member.name)} | ${cell(r.debunkId)} | ${r.score.toFixed(2)} | ${text} | ${cell(did)} |`;
}

/** Everything of the report up to and including the incident table's header. */
function reportHead(entries: readonly LedgerEntry[], views: readonly IncidentView[], options: ReportOptions): string[] {
  const admin = entries.filter((e) => e.record.type === 'admin') as (LedgerEntry & { record: AdminRecord })[];

  const lines: string[] = [];
  lines.push(`# RumorGuard management report: group ${cell(options.groupId)}`);
  lines.push('');
  lines.push(`Period: ${day(options.since)} to ${day(options.until)}. ${entries.length} ledger entries in this period.`);
  lines.push(
    options.check.ok
      ? `Ledger chain verified: ${options.check.entries} entries, none edited, missing, reordered or forked${options.check.head ? ` (head ${options.check.head.slice(0, 16)}…)` : ''}.` +
          (options.check.checkpoint ? ` It reaches the head the bot signed at ${options.check.checkpoint.at} (entry ${options.check.checkpoint.seq}) unchanged.` : '')
      : `**Ledger chain FAILED verification at entry ${options.check.seq}: ${CHAIN_FAULTS[options.check.fault]}${options.check.detail ? ` (${cell(options.check.detail)})` : ''}.**`,
  );
  lines.push('');
  appendAll(lines, signedHead(options.checkpoint));
  lines.push('');
  lines.push('## Totals');
  lines.push('');
  const refuting = views.filter((v) => v.entry.record.refuting).length;
  lines.push('| | count |');
  lines.push('|---|---|');
  lines.push(`| Messages repeating a known rumor | ${views.length - refuting} |`);
  lines.push(`| Messages refuting a rumor (never punished) | ${refuting} |`);
  lines.push(`| Admin actions | ${admin.length} |`);
  lines.push('');
  lines.push('## What was done');
  lines.push('');
  lines.push('Each action the rules asked for, by what really happened: done; skipped (a cooldown, folded into another message, no room under the rate limits); failed (the platform refused, with its error in the ledger); withheld by the group\'s settings (observe mode, action not enabled); no outcome recorded (the bot stopped before it could tell).');
  lines.push('');
  lines.push('| action | done | skipped | failed | withheld | no outcome recorded |');
  lines.push('|---|---|---|---|---|---|');
  const counts = outcomeCounts(views);
  for (const [type, label] of ACTION_ROWS) {
    const row = counts.get(type);
    lines.push(`| ${label} | ${STATUSES.map((s) => row?.[s] ?? 0).join(' | ')} |`);
  }

  lines.push('');
  lines.push('## Incidents by rumor');
  lines.push('');
  const byDebunk = new Map<string, IncidentView[]>();
  for (const v of views) {
    const list = byDebunk.get(v.entry.record.debunkId);
    if (list) list.push(v);
    else byDebunk.set(v.entry.record.debunkId, [v]);
  }
  if (byDebunk.size === 0) lines.push('No incidents in this period.');
  else {
    lines.push('| rumor (debunk id) | messages | members | answered in the chat |');
    lines.push('|---|---|---|---|');
    for (const [id, list] of [...byDebunk].sort((a, b) => b[1].length - a[1].length)) {
      const members = new Set(list.map((v) => v.entry.record.member.id)).size;
      const answered = list.filter((v) => wasDone(v, 'reply_refutation') || wasDone(v, 'pointer')).length;
      lines.push(`| ${cell(id)} | ${list.length} | ${members} | ${answered} |`);
    }
  }

  lines.push('');
  lines.push('## Members warned or muted');
  lines.push('');
  const members = new Map<string, { name: string; warned: number; muted: number; strikes: number }>();
  for (const v of views) {
    const warned = wasDone(v, 'warn');
    const muted = wasDone(v, 'mute');
    if (!warned && !muted) continue;
    const r = v.entry.record;
    const m = members.get(r.member.id) ?? { name: r.member.name, warned: 0, muted: 0, strikes: 0 };
    m.warned += warned ? 1 : 0;
    m.muted += muted ? 1 : 0;
    m.strikes = Math.max(m.strikes, r.strikes);
    members.set(r.member.id, m);
  }
  if (members.size === 0) lines.push('Nobody was warned or muted in this period.');
  else {
    lines.push('| member | id | warnings | mutes | most strikes |');
    lines.push('|---|---|---|---|---|');
    for (const [id, m] of members) lines.push(`| ${cell(m.name)} | ${cell(id)} | ${m.warned} | ${m.muted} | ${m.strikes} |`);
  }

  lines.push('');
  lines.push('## Time from message to refutation');
  lines.push('');
  const delays: number[] = [];
  for (const v of views) {
    const reply = v.actions.find((a) => a.type === 'reply_refutation' && a.status === 'done' && a.settledAt);
    if (reply) delays.push(Date.parse(reply.settledAt!) - Date.parse(v.entry.record.messageAt));
  }
  delays.sort((a, b) => a - b);
  lines.push(
    delays.length === 0
      ? 'No refutations were posted in this period.'
      : `${delays.length} refutations: median ${minutes(median(delays))}, slowest ${minutes(delays[delays.length - 1]!)} (from the message to the moment the platform accepted the reply).`,
  );

  lines.push('');
  lines.push('## Admin actions');
  lines.push('');
  if (admin.length === 0) lines.push('No admin actions in this period.');
  else {
    lines.push('| when | admin | action | detail |');
    lines.push('|---|---|---|---|');
    for (const e of admin) {
      const by = e.record.by.kind === 'admin' ? `${e.record.by.name} (${e.record.by.id})` : 'bot';
      lines.push(`| ${e.at.slice(0, 16).replace('T', ' ')} | ${cell(by)} | ${cell(e.record.action)} | ${cell(e.record.detail)} |`);
    }
  }

  lines.push('');
  lines.push('## Incidents');
  lines.push('');
  if (views.length === 0) lines.push('No incidents in this period.');
  else {
    lines.push('| seq | when | member | rumor | score | message | what was done |');
    lines.push('|---|---|---|---|---|---|---|');
  }
  return lines;
}
