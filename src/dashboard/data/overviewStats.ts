import type { Engine } from '../../engine/engine.js';
import type { IncidentView } from '../../ledger/incidentOutcomes.js';

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
  const today = new Date(now);
  const perDay: { day: string; count: number }[] = [];
  const index = new Map<string, number>();
  for (let i = CHART_DAYS - 1; i >= 0; i--) {
    const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - i)).toISOString().slice(0, 10);
    index.set(day, perDay.length);
    perDay.push({ day, count: 0 });
  }
  const rumors = new Map<string, { messages: number; members: Set<string> }>();
  const delays: number[] = [];
  for (const v of views) {
    const r = v.entry.record;
    const at = index.get(r.messageAt.slice(0, 10));
    if (at !== undefined) perDay[at]!.count += 1;
    const rumor = rumors.get(r.debunkId) ?? { messages: 0, members: new Set<string>() };
    rumor.messages += 1;
    rumor.members.add(r.member.id);
    rumors.set(r.debunkId, rumor);
    const reply = v.actions.find((a) => a.type === 'reply_refutation' && a.status === 'done' && a.settledAt);
    if (reply) delays.push(Date.parse(reply.settledAt!) - Date.parse(r.messageAt));
  }
  delays.sort((a, b) => a - b);
  const topRumors = [...rumors]
    .sort((a, b) => b[1].messages - a[1].messages)
    .slice(0, TOP_RUMORS)
    .map(([debunkId, r]) => {
      const claim = engine.debunk(debunkId)?.claim;
      return { debunkId, ...(claim ? { claim } : {}), messages: r.messages, members: r.members.size };
    });

  // The most recent offenders first: each one's strikes as the store has them now.
  const candidates = new Map<string, string>();
  for (let i = views.length - 1; i >= 0 && candidates.size < STRIKE_CANDIDATES; i--) {
    const r = views[i]!.entry.record;
    if (r.strikes > 0 && !candidates.has(r.member.id)) candidates.set(r.member.id, r.member.name);
  }
  const struck = (
    await Promise.all([...candidates].map(async ([id, name]) => ({ id, name, strikes: (await engine.strikesOf(groupId, id)).length })))
  )
    .filter((m) => m.strikes > 0)
    .sort((a, b) => b.strikes - a.strikes);

  return {
    perDay,
    topRumors,
    refutations: { count: delays.length, ...(delays.length > 0 ? { medianMs: median(delays), slowestMs: delays.at(-1)! } : {}) },
    struck,
  };
}

/** "350 ms", "4.2 s", "3.5 min": a delay, as the report writes it (and finer below a second). */
export function formatDelay(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))} s`;
  return `${Number((ms / 60_000).toFixed(1))} min`;
}
