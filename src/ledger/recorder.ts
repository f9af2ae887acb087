import { randomUUID } from 'node:crypto';
import type { Ledger } from './ledger.js';
import type { LedgerEntry } from './ledgerEntry.js';
import type { LedgerRecord } from './ledgerRecord.js';
import type { Spool, Spooled } from './spool.js';

/** What happened to a record handed to the recorder. */
export interface RecordOutcome {
  /** The record is on disk (spool) and will reach the ledger; always true once this resolves. */
  acknowledged: true;
  /** Records waiting for the store when this one was acknowledged, itself included. */
  waiting: number;
  /** Why records are waiting: the last delivery failed with this (never with credentials). */
  storeError?: string;
}

export interface RecorderOptions {
  /**
   * Told the entries each delivery put in the ledger (one group's, in chain order), right after
   * it. Must not throw; whatever it starts runs on its own (the checkpointer signs in the background).
   */
  onDelivered?: (entries: readonly LedgerEntry[]) => void;
  /**
   * Told once when a group's records cannot be appended while other groups' can (a damaged chain
   * head, say): its records stay in the spool and are tried again now and then; the rest flow.
   */
  onGroupStuck?: (groupId: string, error: string) => void;
  /** Told when a stuck group's records go through again. */
  onGroupRecovered?: (groupId: string) => void;
  /**
   * Told when a record could not be written to the spool (a full disk, a read-only folder) and
   * went to the store directly instead, or, with the store failing too, was lost: `lost` says
   * which. Must not throw.
   */
  onSpoolFailed?: (error: unknown, lost: boolean) => void;
  /** @defaultValue RECORDER_DEFAULTS.batch */
  batch?: number;
  /** The clock for retry pauses and lag; tests pass a fake one. @defaultValue Date.now */
  now?: () => number;
}

export const RECORDER_DEFAULTS = {
  /** Records of one group appended in one write (one transaction, one round trip). */
  batch: 500,
  /** Groups delivered at once. */
  parallelGroups: 8,
  /** First pause before a failed group is tried again, doubling up to `maxRetryMs`. */
  retryMs: 250,
  maxRetryMs: 30_000,
  /** Delivery lags remembered for `stats()` (the latest ones). */
  lagSamples: 10_000,
} as const;

/** Where a group's delivery stands. */
interface GroupState {
  /** A failed append may have been committed before the reply was lost: check before writing. */
  uncertain: boolean;
  failures: number;
  /** When the current run of failures began. */
  failingSince: number;
  retryAt: number;
  stuck: boolean;
}

/** Delivery figures for `npm run bench`. */
export interface RecorderStats {
  delivered: number;
  /** Appends to the store: each carries a batch of one group's records. */
  batches: number;
  /** From acknowledgement (on disk) to delivery (in the store), ms, over the latest deliveries. */
  lagP50Ms: number;
  lagP99Ms: number;
}

/**
 * Writes ledger records so that nothing acknowledged is ever lost: each record first goes to the
 * local spool (flushed to disk, many records a flush), and is acknowledged then; delivery to the
 * ledger follows in the background, per group in order, many records a write. When the store is
 * down, records wait in the spool and the bot keeps moderating; they are replayed, in order, when
 * it is back. One group whose chain cannot be appended to never holds up the others.
 */
export class Recorder {
  private delivering: Promise<void> | undefined;
  private again = false;
  private lastError: string | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  /** Groups with something to remember (a failure, a doubt); the others are forgotten. */
  private readonly groups = new Map<string, GroupState>();
  /** When a delivery last went through, for telling one stuck group from a store that is down. */
  private lastSuccess = Number.NEGATIVE_INFINITY;
  private readonly lags: number[] = [];
  private lagNext = 0;
  private readonly counts = { delivered: 0, batches: 0 };
  private readonly now: () => number;
  private readonly batch: number;
  private stopped = false;

  constructor(
    private readonly ledger: Ledger,
    private readonly spool: Spool,
    private readonly options: RecorderOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.batch = options.batch ?? RECORDER_DEFAULTS.batch;
    // Whatever an earlier process left may already be in the ledger (it died between the two).
    for (const item of spool.pending()) this.group(item.record.groupId).uncertain = true;
  }

  /** Acknowledges a record once it is on disk; its delivery to the store follows in the background. */
  async record(record: LedgerRecord): Promise<RecordOutcome> {
    const stamped = { ...record, recordId: record.recordId ?? randomUUID() };
    try {
      await this.spool.append(stamped);
    } catch (spoolError) {
      // The spool cannot be written (a full disk, a read-only folder): the record goes to the store
      // at once, so that an incident whose strike was counted is still in the ledger; with the
      // store failing too, the caller hears of it (and the operator from onSpoolFailed).
      try {
        await this.ledger.append(stamped);
      } catch (storeError) {
        this.options.onSpoolFailed?.(spoolError, true);
        throw storeError;
      }
      this.options.onSpoolFailed?.(spoolError, false);
      return this.acknowledged();
    }
    this.schedule();
    return this.acknowledged();
  }

  private acknowledged(): RecordOutcome {
    return { acknowledged: true, waiting: this.spool.waiting, ...(this.lastError ? { storeError: this.lastError } : {}) };
  }

  /**
   * Delivers everything waiting, now (at start-up and shutdown, and in tests): resolves when the
   * spool is empty or a round delivered nothing (the store is down; records stay in the spool).
   */
  async flush(): Promise<void> {
    for (const state of this.groups.values()) state.retryAt = 0;
    for (;;) {
      const before = this.spool.waiting;
      if (before === 0) break;
      this.again = true;
      await this.run();
      if (this.spool.waiting >= before) break;
    }
    await this.spool.idle();
  }

  /** Resolves once no delivery is under way (records whose store is down keep waiting). */
  async settled(): Promise<void> {
    while (this.delivering) await this.delivering;
  }

  /** Stops retrying in the background (at shutdown, after a last flush). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
  }

  stats(): RecorderStats {
    const sorted = [...this.lags].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return { ...this.counts, lagP50Ms: at(0.5), lagP99Ms: at(0.99) };
  }

  /** Starts a delivery round, or asks the running one for another. */
  private schedule(): void {
    this.again = true;
    if (!this.stopped) void this.run();
  }

  /**
   * Runs delivery rounds while someone asked for one. The runner clears `delivering` in the same
   * step in which it finds no request left, so a request a moment later starts a new runner.
   */
  private run(): Promise<void> {
    this.delivering ??= (async () => {
      for (;;) {
        if (!this.again) {
          this.delivering = undefined;
          return;
        }
        this.again = false;
        try {
          await this.round();
        } catch {
          // round() turns every delivery failure into a group's retry; nothing else may stop the runner.
        }
      }
    })();
    return this.delivering;
  }

  /** One pass over the waiting records: each group's, in order, a batch at a time, a few groups at once. */
  private async round(): Promise<void> {
    const byGroup = new Map<string, Spooled[]>();
    for (const item of this.spool.pending()) {
      const list = byGroup.get(item.record.groupId);
      if (list) list.push(item);
      else byGroup.set(item.record.groupId, [item]);
    }
    const now = this.now();
    const due = [...byGroup].filter(([groupId]) => (this.groups.get(groupId)?.retryAt ?? 0) <= now);
    let next = 0;
    const worker = async () => {
      while (next < due.length) {
        const [groupId, items] = due[next++]!;
        await this.deliverGroup(groupId, items);
      }
    };
    await Promise.all(Array.from({ length: Math.min(RECORDER_DEFAULTS.parallelGroups, due.length) }, worker));
    this.planRetry();
  }

  /** A group's waiting records, in order, a batch per write; stops at the first failure. */
  private async deliverGroup(groupId: string, waiting: Spooled[]): Promise<void> {
    let items = waiting;
    try {
      const state = this.groups.get(groupId);
      if (state?.uncertain) {
        items = await this.withoutWritten(groupId, items);
        state.uncertain = false;
      }
    } catch (error) {
      this.failed(groupId, error);
      return;
    }
    for (let i = 0; i < items.length; i += this.batch) {
      const chunk = items.slice(i, i + this.batch);
      try {
        const entries = await this.ledger.appendMany(groupId, chunk.map((item) => item.record));
        this.spool.delivered(chunk);
        this.lastSuccess = this.now();
        if (entries.length > 0) this.counts.batches += 1;
        this.noteDelivered(chunk);
        if (entries.length > 0) this.options.onDelivered?.(entries);
      } catch (error) {
        this.failed(groupId, error);
        return;
      }
    }
    const state = this.groups.get(groupId);
    if (state) {
      this.groups.delete(groupId);
      if (state.stuck) this.options.onGroupRecovered?.(groupId);
    }
    if (!this.anyFailing()) this.lastError = undefined;
  }

  /**
   * The records not already in the ledger. After a crash (or a lost reply) a prefix of them may
   * be: records delivered whose spool lines were not yet forgotten, as many as a flood left, so
   * far more than one batch. Appends of a group go in spool order, so the newest chain entry that
   * is one of these records ends that prefix: everything up to it is marked delivered, the rest
   * returned. The chain is searched back from its head, in growing pages, as far as these records
   * plus a batch of entries other writers (an admin's action from another process) may have put
   * after them; when none of them is found, none was written.
   */
  private async withoutWritten(groupId: string, items: Spooled[]): Promise<Spooled[]> {
    const position = new Map<string, number>();
    items.forEach((item, i) => {
      if (item.record.recordId !== undefined) position.set(item.record.recordId, i);
    });
    if (position.size === 0) return items;
    const reach = items.length + this.batch;
    for (let page = Math.min(reach, 64); ; page = Math.min(reach, page * 4)) {
      const tail = await this.ledger.tail(groupId, page);
      for (let j = tail.length - 1; j >= 0; j--) {
        const at = position.get(tail[j]!.record.recordId ?? '');
        if (at === undefined) continue;
        this.spool.delivered(items.slice(0, at + 1));
        return items.slice(at + 1);
      }
      if (tail.length < page || page >= reach) return items;
    }
  }

  private failed(groupId: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const state = this.group(groupId);
    const now = this.now();
    this.lastError = message;
    state.uncertain = true;
    if (state.failures === 0) state.failingSince = now;
    state.failures += 1;
    state.retryAt = now + Math.min(RECORDER_DEFAULTS.maxRetryMs, RECORDER_DEFAULTS.retryMs * 2 ** (state.failures - 1));
    // Stuck, rather than the store being down: this group keeps failing while others go through.
    if (!state.stuck && state.failures >= 3 && this.lastSuccess > state.failingSince) {
      state.stuck = true;
      this.options.onGroupStuck?.(groupId, message);
    }
  }

  private anyFailing(): boolean {
    for (const state of this.groups.values()) if (state.failures > 0) return true;
    return false;
  }

  /** One timer for the earliest group due again, while records wait. */
  private planRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    if (this.stopped || this.spool.waiting === 0) return;
    let earliest = Number.POSITIVE_INFINITY;
    for (const state of this.groups.values()) if (state.failures > 0) earliest = Math.min(earliest, state.retryAt);
    if (!Number.isFinite(earliest)) return;
    this.retryTimer = setTimeout(() => this.schedule(), Math.max(0, earliest - this.now()));
    this.retryTimer.unref();
  }

  private noteDelivered(items: readonly Spooled[]): void {
    const now = this.now();
    for (const item of items) {
      this.counts.delivered += 1;
      this.lags[this.lagNext] = now - item.at;
      this.lagNext = (this.lagNext + 1) % RECORDER_DEFAULTS.lagSamples;
    }
  }

  private group(groupId: string): GroupState {
    let state = this.groups.get(groupId);
    if (!state) this.groups.set(groupId, (state = { uncertain: false, failures: 0, failingSince: 0, retryAt: 0, stuck: false }));
    return state;
  }
}
