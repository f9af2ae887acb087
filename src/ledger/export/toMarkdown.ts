import type { LedgerEntry } from '../ledgerEntry.js';
import type { AdminRecord, IncidentRecord } from '../ledgerRecord.js';
import type { ChainCheck } from '../verifyChain.js';
import { CHAIN_FAULTS } from '../verifyChain.js';

export interface ReportOptions {
  groupId: string;
  since?: Date;
  until?: Date;
  /** The verification of the whole chain, stated at the top of the report. */
  check: ChainCheck;
}

/** Text from members and admins goes into table cells: no pipes, no line breaks, no markup. */
const cell = (text: string) => text.replace(/[|\\`*_<>[\]]/g, (c) => `\\${c}`).replace(/\s+/g, ' ').trim();
const day = (d?: Date) => (d ? d.toISOString().slice(0, 10) : '…');

function minutes(ms: number): string {
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))} s`;
  return `${Number((ms / 60_000).toFixed(1))} min`;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The owner's management report: what rumors appeared, what the bot and the admins did, and how
 * fast. Readable as it is, and backed by the chain it states as verified.
 */
export function ledgerToMarkdown(entries: readonly LedgerEntry[], options: ReportOptions): string {
  const incidents = entries.map((e) => e.record).filter((r): r is IncidentRecord => r.type === 'incident');
  const admin = entries.filter((e) => e.record.type === 'admin') as (LedgerEntry & { record: AdminRecord })[];
  const done = (r: IncidentRecord, type: string) => r.actions.some((a) => a.done && a.type === type);
  const count = (type: string) => incidents.filter((r) => done(r, type)).length;

  const lines: string[] = [];
  lines.push(`# RumorGuard management report: group ${cell(options.groupId)}`);
  lines.push('');
  lines.push(`Period: ${day(options.since)} to ${day(options.until)}. ${entries.length} ledger entries in this period.`);
  lines.push(
    options.check.ok
      ? `Ledger chain verified: ${options.check.entries} entries, none edited, missing, reordered or forked${options.check.head ? ` (head ${options.check.head.slice(0, 16)}…)` : ''}.`
      : `**Ledger chain FAILED verification at entry ${options.check.seq}: ${CHAIN_FAULTS[options.check.fault]}.**`,
  );
  lines.push('');
  lines.push('## Totals');
  lines.push('');
  lines.push('| | count |');
  lines.push('|---|---|');
  const refuting = incidents.filter((r) => r.refuting).length;
  for (const [label, n] of [
    ['Messages repeating a known rumor', incidents.length - refuting],
    ['Messages refuting a rumor (never punished)', refuting],
    ['Refutations posted', count('reply_refutation')],
    ['Pointers to an earlier refutation', count('pointer')],
    ['Warnings', count('warn')],
    ['Mutes', count('mute')],
    ['Messages deleted', count('delete')],
    ['Owner alerts', count('alert_owners')],
    ['Admin actions', admin.length],
  ] as const) {
    lines.push(`| ${label} | ${n} |`);
  }

  lines.push('');
  lines.push('## Incidents by rumor');
  lines.push('');
  const byDebunk = new Map<string, IncidentRecord[]>();
  for (const r of incidents) byDebunk.set(r.debunkId, [...(byDebunk.get(r.debunkId) ?? []), r]);
  if (byDebunk.size === 0) lines.push('No incidents in this period.');
  else {
    lines.push('| rumor (debunk id) | messages | members | refuted in the chat |');
    lines.push('|---|---|---|---|');
    for (const [id, list] of [...byDebunk].sort((a, b) => b[1].length - a[1].length)) {
      const members = new Set(list.map((r) => r.member.id)).size;
      lines.push(`| ${cell(id)} | ${list.length} | ${members} | ${list.filter((r) => done(r, 'reply_refutation') || done(r, 'pointer')).length} |`);
    }
  }

  lines.push('');
  lines.push('## Members warned or muted');
  lines.push('');
  const members = new Map<string, { name: string; warned: number; muted: number; strikes: number }>();
  for (const r of incidents) {
    if (!done(r, 'warn') && !done(r, 'mute')) continue;
    const m = members.get(r.member.id) ?? { name: r.member.name, warned: 0, muted: 0, strikes: 0 };
    m.warned += done(r, 'warn') ? 1 : 0;
    m.muted += done(r, 'mute') ? 1 : 0;
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
  const delays = entries
    .filter((e) => e.record.type === 'incident' && done(e.record, 'reply_refutation'))
    .map((e) => Date.parse(e.at) - Date.parse((e.record as IncidentRecord).messageAt));
  lines.push(
    delays.length === 0
      ? 'No refutations were posted in this period.'
      : `${delays.length} refutations: median ${minutes(median(delays))}, slowest ${minutes(Math.max(...delays))} (from the message to the ledger entry of the reply).`,
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
  return lines.join('\n');
}
