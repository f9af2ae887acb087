import type { Language } from '../engine/templates.js';
import type { SignedCheckpoint } from '../ledger/checkpoints/signedCheckpoint.js';
import { incidentViews } from '../ledger/incidentOutcomes.js';
import type { LedgerEntry } from '../ledger/ledgerEntry.js';
import { formatDelay } from '../dashboard/data/overviewStats.js';

/** The week a digest covers. */
export const DIGEST_PERIOD_MS = 7 * 86_400_000;
/** Rumors named in a digest. */
const TOP = 5;

const TEXTS = {
  en: {
    title: 'RumorGuard weekly digest for {group}, {from} to {to}',
    incidents: 'Incidents: {n} messages repeated a known rumor ({members} member(s)).',
    rumors: 'Rumors that reached the group:',
    none: 'No known rumor reached the group this week.',
    speed: 'Answered: {n} refutation(s); median {median} from message to refutation, slowest {slowest}.',
    noSpeed: 'No refutation was posted.',
    reports: 'Member reports and disputes handled: {accepted} accepted, {rejected} rejected; {debunks} new debunk(s) written from reports.',
    head: 'Signed chain head: seq {seq}, sha256 {hash}, signed {at} by key {key}; signature {signature}',
    noHead: 'Chain head: seq {seq}, sha256 {hash} (not signed yet).',
    empty: 'The ledger holds no entries for this group yet.',
  },
  zh: {
    title: 'RumorGuard 每周摘要：{group}，{from} 至 {to}',
    incidents: '事件：{n} 条消息重复了已知谣言（涉及 {members} 名成员）。',
    rumors: '本周在群内出现的谣言：',
    none: '本周没有已知谣言在群内出现。',
    speed: '回复：{n} 条辟谣；从消息到辟谣的中位时间 {median}，最慢 {slowest}。',
    noSpeed: '本周没有发出辟谣。',
    reports: '处理的举报和异议：接受 {accepted} 条，驳回 {rejected} 条；据举报新写辟谣条目 {debunks} 条。',
    head: '已签名的链头：序号 {seq}，sha256 {hash}，{at} 由密钥 {key} 签名；签名 {signature}',
    noHead: '链头：序号 {seq}，sha256 {hash}（尚未签名）。',
    empty: '账本中还没有本群的记录。',
  },
} as const satisfies Record<Language, Record<string, string>>;

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

/**
 * The weekly digest an owner forwards: the week's incidents, the rumors that reached the group,
 * how fast they were answered (from the message to the platform accepting the refutation), the
 * reports the admins handled, and the chain's signed head, so whoever receives it can hold the
 * ledger to it later. Plain text, in the group's language; counts come from the ledger alone.
 */
export function weeklyDigest(
  entries: readonly LedgerEntry[],
  options: {
    groupTitle: string;
    lang: Language;
    now: number;
    checkpoint?: SignedCheckpoint;
    claimOf?: (debunkId: string) => string | undefined;
    /** The chain's last entry, when `entries` are only the week's (else their last). */
    last?: { seq: number; hash: string };
  },
): string {
  const t = TEXTS[options.lang];
  const from = options.now - DIGEST_PERIOD_MS;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const lines = [fill(t.title, { group: options.groupTitle, from: day(from), to: day(options.now) }), ''];
  const inWeek = (iso: string) => {
    const at = Date.parse(iso);
    return at >= from && at <= options.now;
  };
  const views = incidentViews(entries).filter((v) => inWeek(v.entry.record.messageAt));
  const members = new Set(views.map((v) => v.entry.record.member.id));
  lines.push(fill(t.incidents, { n: views.length, members: members.size }));
  const rumors = new Map<string, number>();
  for (const v of views) rumors.set(v.entry.record.debunkId, (rumors.get(v.entry.record.debunkId) ?? 0) + 1);
  if (rumors.size === 0) lines.push(t.none);
  else {
    lines.push(t.rumors);
    for (const [id, n] of [...rumors].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
      const claim = options.claimOf?.(id);
      lines.push(`  • ${id} ×${n}${claim ? `: ${claim.slice(0, 160)}` : ''}`);
    }
  }
  const delays = views
    .flatMap((v) => v.actions.filter((a) => a.type === 'reply_refutation' && a.status === 'done' && a.settledAt).map((a) => Date.parse(a.settledAt!) - Date.parse(v.entry.record.messageAt)))
    .filter((d) => Number.isFinite(d) && d >= 0)
    .sort((a, b) => a - b);
  if (delays.length === 0) lines.push(t.noSpeed);
  else {
    const mid = Math.floor(delays.length / 2);
    const median = delays.length % 2 ? delays[mid]! : (delays[mid - 1]! + delays[mid]!) / 2;
    lines.push(fill(t.speed, { n: delays.length, median: formatDelay(median), slowest: formatDelay(delays.at(-1)!) }));
  }
  const week = entries.filter((e) => e.record.type === 'admin' && Date.parse(e.at) >= from && Date.parse(e.at) <= options.now).map((e) => e.record);
  const accepted = week.filter((r) => r.type === 'admin' && r.action === 'accept');
  const rejected = week.filter((r) => r.type === 'admin' && r.action === 'reject');
  const debunks = accepted.filter((r) => r.type === 'admin' && / as new debunk /.test(r.detail));
  lines.push(fill(t.reports, { accepted: accepted.length, rejected: rejected.length, debunks: debunks.length }));
  lines.push('');
  const last = options.last ?? entries.at(-1);
  const cp = options.checkpoint;
  if (cp) lines.push(fill(t.head, { seq: cp.seq, hash: cp.hash, at: cp.at, key: cp.keyId, signature: cp.signature }));
  else if (last) lines.push(fill(t.noHead, { seq: last.seq, hash: last.hash }));
  else lines.push(t.empty);
  return lines.join('\n');
}
