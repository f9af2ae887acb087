import type { ChatMessage } from '../engine/chatMessage.js';
import { minHash, nearDuplicate } from '../matching/minHash.js';
import type { KeyValueStore } from '../store/keyValueStore.js';
import { storeKey } from '../store/storeKey.js';

/** When an unknown rumor is worth the operator's attention. */
export interface SpreadOptions {
  /** Groups it was seen in within `windowMs`. @defaultValue 3 */
  groups?: number;
  /** @defaultValue 6 hours */
  windowMs?: number;
  /** Member reports of it, in any groups. @defaultValue 5 */
  reports?: number;
  /** Texts shorter than this are too common to follow ("ok", a sticker caption). @defaultValue 30 */
  minChars?: number;
  /** Observations a group may add per minute: one group's flood cannot hammer the shared record. @defaultValue 20 */
  perGroupPerMinute?: number;
}

export const SPREAD_DEFAULTS = {
  groups: 3,
  windowMs: 6 * 3_600_000,
  reports: 5,
  minChars: 30,
  perGroupPerMinute: 20,
} as const satisfies Required<SpreadOptions>;

/**
 * One text followed across groups: its MinHash signature and counts, never its words. Group keys
 * are `platform:groupId`, so the operator can be told where it spreads.
 */
interface Cluster {
  signature: number[];
  /** Group key → when it was last seen there. */
  groups: Record<string, number>;
  reports: number;
  firstAt: number;
  alertedAt?: number;
}

/** Texts followed at once; the stalest give way. */
const MAX_CLUSTERS = 200;
/** An alerted text is not alerted again for this long. */
const ALERT_QUIET_MS = 7 * 86_400_000;
const KEY = storeKey('spread');

/** What became of one observation. */
export type SpreadOutcome = 'ignored' | 'counted' | 'alerted';

/**
 * Follows messages that are not in the database but look like rumors in the making — forwarded
 * into several groups, or reported by members — across every group the bot serves (on one store,
 * every process). Only MinHash signatures, group ids and counts are stored; the text stays in the
 * message. When one crosses a threshold the operator is alerted once, with the text of the message
 * that crossed it and the groups it was seen in. Groups with `spread.share: false` are not counted.
 */
export class SpreadTracker {
  private readonly config: Required<SpreadOptions>;
  /** This process's recent (group, signature) pairs: a text already counted for a group is not written again. */
  private readonly recent: { group: string; signature: number[]; at: number }[] = [];
  private readonly budget = new Map<string, { minute: number; used: number }>();

  constructor(
    private readonly store: KeyValueStore,
    private readonly alert: (text: string) => Promise<unknown>,
    options: SpreadOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.config = { ...SPREAD_DEFAULTS, ...options };
  }

  /** Counts a forwarded message that matched nothing, or a member's report. Never rejects for bad input. */
  async observe(message: Pick<ChatMessage, 'platform' | 'groupId' | 'text'>, kind: 'forward' | 'report'): Promise<SpreadOutcome> {
    const text = message.text.trim();
    if (text.length < this.config.minChars) return 'ignored';
    const signature = minHash(text);
    if (signature.length === 0) return 'ignored';
    const group = `${message.platform}:${message.groupId}`;
    const now = this.now();
    if (kind === 'forward' && this.seenHere(group, signature, now)) return 'ignored';
    if (!this.take(group, now)) return 'ignored';
    const { windowMs } = this.config;
    let crossed: Cluster | undefined;
    await this.store.update<{ clusters: Cluster[] }>(KEY, (current) => {
      crossed = undefined;
      const clusters = (current?.clusters ?? [])
        .map((c) => ({ ...c, groups: Object.fromEntries(Object.entries(c.groups).filter(([, at]) => now - at < windowMs)) }))
        .filter((c) => Object.keys(c.groups).length > 0 || (c.alertedAt !== undefined && now - c.alertedAt < ALERT_QUIET_MS));
      let cluster = clusters.find((c) => nearDuplicate(c.signature, signature));
      if (!cluster) {
        cluster = { signature, groups: {}, reports: 0, firstAt: now };
        clusters.push(cluster);
      }
      cluster.groups[group] = now;
      if (kind === 'report') cluster.reports++;
      const due = Object.keys(cluster.groups).length >= this.config.groups || cluster.reports >= this.config.reports;
      if (due && cluster.alertedAt === undefined) {
        cluster.alertedAt = now;
        crossed = { ...cluster, groups: { ...cluster.groups } };
      }
      const kept = clusters.sort((a, b) => latest(b) - latest(a)).slice(0, MAX_CLUSTERS);
      return { clusters: kept };
    });
    this.remember(group, signature, now);
    if (!crossed) return 'counted';
    const where = Object.keys(crossed.groups).join(', ');
    const hours = Math.round(windowMs / 3_600_000);
    await this.alert(
      `A rumor that is not in the database is spreading: seen in ${Object.keys(crossed.groups).length} group(s) within ${hours} h (${where}), reported ${crossed.reports} time(s).\n` +
        `Text: ${text.slice(0, 1000)}\n` +
        'To answer it everywhere, report it in one of those groups and accept the report as a debunk (/rg accept <id> | <verdict> | <refutation> | <source url>).',
    );
    return 'alerted';
  }

  private seenHere(group: string, signature: number[], now: number): boolean {
    return this.recent.some((r) => r.group === group && now - r.at < this.config.windowMs && nearDuplicate(r.signature, signature));
  }

  private remember(group: string, signature: number[], now: number): void {
    this.recent.push({ group, signature, at: now });
    // Bounded: the comparison above is linear in it.
    if (this.recent.length > 500) this.recent.shift();
  }

  private take(group: string, now: number): boolean {
    const minute = Math.floor(now / 60_000);
    const b = this.budget.get(group);
    if (!b || b.minute !== minute) {
      if (this.budget.size > 10_000) this.budget.clear();
      this.budget.set(group, { minute, used: 1 });
      return true;
    }
    if (b.used >= this.config.perGroupPerMinute) return false;
    b.used++;
    return true;
  }
}

function latest(c: Cluster): number {
  return Math.max(c.firstAt, c.alertedAt ?? 0, ...Object.values(c.groups));
}
