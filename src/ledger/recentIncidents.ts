import { plainName } from '../engine/plainText.js';
import { fillTemplate } from '../lib/fillTemplate.js';
import { actionName, type Language } from '../engine/templates.js';
import { REPORT_WORDS } from './export/reportWords.js';
import { incidentViews } from './incidentOutcomes.js';
import type { Ledger } from './ledger.js';
import type { LedgerEntry } from './ledgerEntry.js';

/** Most incidents one chat answer lists: a chat message is not an export. */
export const MAX_RECENT_INCIDENTS = 20;

/**
 * The latest `count` incidents of a group as one line each, newest last, for `/rg incidents`:
 * "#12 2025-01-15 12:00 Ada → 5g-spreads-coronavirus (0.93), strike 2: refutation, warning".
 * Actions are listed by what really became of them. Plain text, the member's name made safe
 * (plainName: no mentions, no direction characters, no links); the adapter escapes it for its platform.
 */
export function recentIncidents(entries: readonly LedgerEntry[], count: number, lang: Language = 'en'): string[] {
  const n = Math.max(1, Math.min(MAX_RECENT_INCIDENTS, Math.floor(count)));
  const w = LINE_WORDS[lang];
  const { statuses } = REPORT_WORDS[lang];
  return incidentViews(entries)
    .slice(-n)
    .map(({ entry: { seq, at, record: r }, actions, overturnedBy }) => {
      // In words, as the report names them (QA: "not done: suggest_check skipped"), in the group's language.
      const done = actions.filter((a) => a.status === 'done').map((a) => actionName(a.type, lang));
      const rest = actions.filter((a) => a.status !== 'done').map((a) => `${actionName(a.type, lang)} ${statuses[a.status]}`);
      const overturned = overturnedBy === undefined ? '' : `${w.overturnedBy}${plainName(overturnedBy)}`;
      const what = [done.join(w.list) || w.loggedOnly, rest.length > 0 ? `${w.notDone}${rest.join(w.list)}` : '', overturned].filter(Boolean).join(w.clauses);
      const matched = [r, ...(r.also ?? [])].map((c) => `${c.debunkId} (${c.score.toFixed(2)})`).join(' + ');
      // Only spreading earns a strike: a member who asked or refuted is not said to have earned one.
      const unstruck = r.stance === 'question' ? w.asked : r.stance === 'mock' ? w.mocked : r.refuting || r.stance === 'refute' ? w.refuted : undefined;
      const strikes = fillTemplate(unstruck ?? w.strike, { n: r.strikes });
      return `#${seq} ${at.slice(0, 16).replace('T', ' ')} ${plainName(r.member.name)} → ${matched}${strikes}${what}`;
    });
}

/** The words of an incident's line, per language. */
const LINE_WORDS: Readonly<Record<Language, Record<'strike' | 'asked' | 'refuted' | 'mocked' | 'loggedOnly' | 'notDone' | 'overturnedBy' | 'list' | 'clauses', string>>> = {
  en: {
    strike: ', strike {n}: ',
    asked: ', asked: no strike ({n} active): ',
    refuted: ', refuted it: no strike ({n} active): ',
    mocked: ', mocked it: no strike ({n} active): ',
    loggedOnly: 'logged only',
    notDone: 'not done: ',
    overturnedBy: 'overturned as not a rumor by ',
    list: ', ',
    clauses: '; ',
  },
  zh: {
    strike: '，第 {n} 次违规：',
    asked: '，提问，不计违规（现有 {n} 次）：',
    refuted: '，辟谣，不计违规（现有 {n} 次）：',
    mocked: '，嘲讽谣言，不计违规（现有 {n} 次）：',
    loggedOnly: '仅记录',
    notDone: '未执行：',
    overturnedBy: '已判定不是谣言（撤销），操作人 ',
    list: '、',
    clauses: '；',
  },
};

/** Entries read from the end of a chain at first (then four times as many). */
const FIRST_TAIL = 200;

/**
 * The last entries of a group's chain, more of them until `enough` says they hold what the caller
 * shows (or they are the whole chain): what a listing of the latest incidents reads instead of
 * the whole chain. An incident's outcomes come after it, so they are among them.
 */
export async function lastEntries(ledger: Pick<Ledger, 'tail' | 'chainEnd'>, groupId: string, enough: (entries: readonly LedgerEntry[]) => boolean): Promise<LedgerEntry[]> {
  const { end } = await ledger.chainEnd(groupId);
  for (let size = FIRST_TAIL; ; size *= 4) {
    const entries = await ledger.tail(groupId, size);
    if (size >= end || enough(entries)) return entries;
  }
}

/** {@link recentIncidents} of a group's ledger, read from the end of its chain (see lastEntries). */
export async function recentIncidentsOf(ledger: Pick<Ledger, 'tail' | 'chainEnd'>, groupId: string, count: number, lang: Language = 'en'): Promise<string[]> {
  const n = Math.max(1, Math.min(MAX_RECENT_INCIDENTS, Math.floor(count)));
  const entries = await lastEntries(ledger, groupId, (es) => es.filter((e) => e.record.type === 'incident').length >= n);
  return recentIncidents(entries, n, lang);
}
