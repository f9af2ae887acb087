import type { Engine } from '../../engine/engine.js';
import type { IncidentView } from '../../ledger/incidentOutcomes.js';
import type { IncidentTally } from '../../ledger/scanIncidents.js';
import { rumorsOf } from '../../ledger/incidentRecord.js';

/** Days the overview's chart covers. */
export const CHART_DAYS = 30;
/** Rumors the overview lists. */
const TOP_RUMORS = 10;
/** Members whose strikes the overview asks the store for at most (the most recent offenders). */
const STRIKE_CANDIDATES = 100;

export interface OverviewStats {
  /** One bar per day (UTC), oldest first, ending today. */
  perDay: { day: string; count: number }[];
  topRumors: { debunkId: string; claim?: string; messages: number; members: number }[];
  /** Refutations posted, with the median and slowest delay from message to refutation. */
  refutations: { count: number; medianMs?: number; slowestMs?: number };
  /** Members whose strikes are in force now, most first. */
  struck: { id: string; name: string; strikes: number }[];
}

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The overview's figures from a group's incidents: incidents per day, the rumors seen most, the
 * delay to refutation counted as the management report counts it (from the message to the
 * moment the platform accepted the reply), and the members with strikes in force now, as the
 * store has them (the ledger only names the candidates).
 */
export async function overviewStats(engine: Engine, groupId: string, views: readonly IncidentView[], now: number): Promise<OverviewStats> {
  const tally = new OverviewTally(now);
  for (const v of views) tally.add(v);
  return tally.stats(engine, groupId);
}

/**
 * {@link overviewStats} taken one incident at a time, in chain order (see scanIncidents): what it
 * keeps grows with the group's rumors and members, never with its incidents, except one number
 * per refutation for the median delay.
 */
export class OverviewTally implements IncidentTally<OverviewTally> {
  /** Incidents added. */
  count = 0;
  private readonly perDay: { day: string; count: number }[] = [];
  private readonly dayIndex = new Map<string, number>();
  private readonly rumors = new Map<string, { messages: number; members: Set<string> }>();
  private readonly delays: number[] = [];
  /** The most recent offenders (with strikes when they offended), oldest first, at most STRIKE_CANDIDATES. */
  private readonly candidates = new Map<string, string>();

  constructor(now: number) {
    const today = new Date(now);
    for (let i = CHART_DAYS - 1; i >= 0; i--) {
      const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - i)).toISOString().slice(0, 10);
      this.dayIndex.set(day, this.perDay.length);
      this.perDay.push({ day, count: 0 });
    }
  }

  add(v: IncidentView): void {
    this.count += 1;
    const r = v.entry.record;
    const at = this.dayIndex.get(r.messageAt.slice(0, 10));
    if (at !== undefined) this.perDay[at]!.count += 1;
    // Counted as the management report counts them (QA: the two disagreed): a message the admins
    // found was not that rumor does not count for it, and a refutation posted after an admin
    // reviewed a report waited for the admin, not the bot.
    // A message that carried several rumors counts for each.
    if (v.overturnedBy === undefined) {
      for (const id of rumorsOf(r)) {
        let rumor = this.rumors.get(id);
        if (!rumor) this.rumors.set(id, (rumor = { messages: 0, members: new Set<string>() }));
        rumor.messages += 1;
        rumor.members.add(r.member.id);
      }
    }
    const reply = v.actions.find((a) => a.type === 'reply_refutation' && a.status === 'done' && a.settledAt);
    if (reply && r.by.kind !== 'admin') this.delays.push(Date.parse(reply.settledAt!) - Date.parse(r.messageAt));
    if (r.strikes > 0) {
      // Moved to the end as the most recent; the oldest goes once there are more than enough.
      this.candidates.delete(r.member.id);
      this.candidates.set(r.member.id, r.member.name);
      if (this.candidates.size > STRIKE_CANDIDATES) this.candidates.delete(this.candidates.keys().next().value!);
    }
  }

  result(): OverviewTally {
    return this;
  }

  async stats(engine: Engine, groupId: string): Promise<OverviewStats> {
    const delays = [...this.delays].sort((a, b) => a - b);
    const topRumors = [...this.rumors]
      .sort((a, b) => b[1].messages - a[1].messages)
      .slice(0, TOP_RUMORS)
      .map(([debunkId, r]) => {
        const claim = engine.debunk(debunkId)?.claim;
        return { debunkId, ...(claim ? { claim } : {}), messages: r.messages, members: r.members.size };
      });
    // The most recent offenders first: each one's strikes as the store has them now.
    const candidates = [...this.candidates].reverse();
    const struck = (await Promise.all(candidates.map(async ([id, name]) => ({ id, name, strikes: (await engine.strikesOf(groupId, id)).length }))))
      .filter((m) => m.strikes > 0)
      .sort((a, b) => b.strikes - a.strikes);
    return {
      perDay: this.perDay.map((d) => ({ ...d })),
      topRumors,
      refutations: { count: delays.length, ...(delays.length > 0 ? { medianMs: median(delays), slowestMs: delays.at(-1)! } : {}) },
      struck,
    };
  }
}

/** "350 ms", "4.2 s", "3.5 min": a delay, as the report writes it (and finer below a second). */
export function formatDelay(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))} s`;
  return `${Number((ms / 60_000).toFixed(1))} min`;
}
