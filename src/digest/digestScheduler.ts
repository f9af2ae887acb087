import type { Engine } from '../engine/engine.js';
import type { Ledger } from '../ledger/ledger.js';
import type { IncidentSink } from '../moderation/moderator.js';
import type { ReviewPort } from '../review/reviewPort.js';
import type { KeyValueStore } from '../store/keyValueStore.js';
import { storeKey } from '../store/storeKey.js';
import { DIGEST_PERIOD_MS, weeklyDigest } from './weeklyDigest.js';

/** How much earlier than the week a digest reads entries appended: see tick. */
const CLOCK_SLACK_MS = 24 * 60 * 60 * 1000;

/** The groups whose owners asked for the digest, with when each last got one. */
type Subscriptions = Record<string, { platform: string; groupId: string; since: number; lastSentAt?: number }>;

const KEY = storeKey('digest-subscriptions');
/** How often the scheduler looks for digests that are due. @defaultValue 1 hour */
export const DIGEST_CHECK_MS = 3_600_000;

export interface DigestDeps {
  store: KeyValueStore;
  ledger: Ledger;
  engine: Engine;
  ports: ReadonlyMap<string, ReviewPort>;
  sink?: IncidentSink;
  now?: () => number;
}

/**
 * Sends each opted-in group's weekly digest to its owners (`/rg digest on`), a week after the last
 * one (or after opting in), in the group's language, and records each sending in the group's
 * ledger. Sending is claimed in the store first, so two bot processes never both send it.
 */
export class DigestScheduler {
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(private readonly deps: DigestDeps) {
    this.now = deps.now ?? Date.now;
  }

  start(intervalMs = DIGEST_CHECK_MS): void {
    this.timer = setInterval(() => void this.tick().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  close(): void {
    clearInterval(this.timer);
  }

  /** Opts a group in or out (the `/rg digest on|off` setting is the group's own; this is the schedule). */
  async subscribe(platform: string, groupId: string, on: boolean): Promise<void> {
    const id = `${platform}:${groupId}`;
    await this.deps.store.update<Subscriptions>(KEY, (current) => {
      const subs = { ...current };
      if (on) subs[id] ??= { platform, groupId, since: this.now() };
      else delete subs[id];
      return subs;
    });
  }

  /** Sends every digest that is due; resolves with the groups sent to. */
  async tick(): Promise<string[]> {
    const now = this.now();
    const subs = (await this.deps.store.get<Subscriptions>(KEY)) ?? {};
    const sent: string[] = [];
    for (const [id, sub] of Object.entries(subs)) {
      if (now - (sub.lastSentAt ?? sub.since) < DIGEST_PERIOD_MS) continue;
      const settings = await this.deps.engine.settingsFor(sub.groupId);
      const port = this.deps.ports.get(sub.platform);
      if (!settings.digest.weekly || !port?.tellOwners) continue;
      // Claimed before it is sent: of two processes, one sends.
      let claimed = false;
      await this.deps.store.update<Subscriptions>(KEY, (current) => {
        const s = current?.[id];
        claimed = s !== undefined && now - (s.lastSentAt ?? s.since) >= DIGEST_PERIOD_MS;
        return claimed ? { ...current, [id]: { ...s!, lastSentAt: now } } : current;
      });
      if (!claimed) continue;
      // The week's entries (from a day earlier: a platform's clock may run ahead of the bot's),
      // read a page at a time, not the whole chain; the chain's last entry apart.
      const entries = await this.deps.ledger.entries(sub.groupId, { since: new Date(now - DIGEST_PERIOD_MS - CLOCK_SLACK_MS) });
      const [last] = await this.deps.ledger.tail(sub.groupId, 1);
      const text = weeklyDigest(entries, {
        ...(last ? { last } : {}),
        groupTitle: sub.groupId,
        lang: settings.language === 'zh' ? 'zh' : 'en',
        now,
        ...(this.deps.ledger.checkpoint(sub.groupId) ? { checkpoint: this.deps.ledger.checkpoint(sub.groupId)! } : {}),
        claimOf: (debunkId) => this.deps.engine.debunk(debunkId)?.claim,
      });
      const attempt = await port.tellOwners(sub.groupId, text).catch((error: unknown) => ({ status: 'failed' as const, error: String(error) }));
      const outcome = attempt.status === 'done' ? 'sent to the owners' : attempt.status === 'failed' ? `not sent: ${attempt.error}` : `not sent: ${attempt.reason}`;
      await this.deps.sink?.record({ type: 'admin', platform: sub.platform, groupId: sub.groupId, by: { kind: 'bot' }, action: 'digest', detail: `weekly digest ${outcome}` });
      if (attempt.status === 'done') sent.push(id);
    }
    return sent;
  }
}
