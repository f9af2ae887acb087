import { stringify } from 'csv-stringify/sync';
import type { LedgerEntry } from '../ledgerEntry.js';

const COLUMNS = ['seq', 'at', 'type', 'platform', 'message_id', 'link', 'member_id', 'member_name', 'debunk_id', 'score', 'refuting', 'message_at', 'strikes', 'actions_done', 'actions_withheld', 'by', 'admin_action', 'detail', 'prev', 'hash'];

const byName = (e: LedgerEntry) => (e.record.by.kind === 'bot' ? 'bot' : `${e.record.by.name} (${e.record.by.id})`);

/** One row per entry, hashes included, so a spreadsheet export can still be checked. */
export function ledgerToCsv(entries: readonly LedgerEntry[]): string {
  const rows = entries.map((e) => {
    const r = e.record;
    const common = { seq: e.seq, at: e.at, type: r.type, platform: r.platform, by: byName(e), prev: e.prev, hash: e.hash };
    if (r.type === 'admin') return { ...common, admin_action: r.action, detail: r.detail };
    return {
      ...common,
      message_id: r.messageId,
      link: r.link ?? '',
      member_id: r.member.id,
      member_name: r.member.name,
      debunk_id: r.debunkId,
      score: r.score,
      refuting: r.refuting,
      message_at: r.messageAt,
      strikes: r.strikes,
      actions_done: r.actions.filter((a) => a.done).map((a) => a.type).join(' '),
      actions_withheld: r.actions.filter((a) => !a.done).map((a) => a.type).join(' '),
      detail: r.note ?? '',
    };
  });
  // Cells that start with = + - @ would run as formulas in a spreadsheet: quote them as text.
  return stringify(rows, { header: true, columns: COLUMNS, cast: { string: (v) => (/^[=+\-@]/.test(v) ? `'${v}` : v) } });
}
