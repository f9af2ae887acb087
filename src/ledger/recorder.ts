import { randomUUID } from 'node:crypto';
import type { Ledger } from './ledger.js';
import type { LedgerEntry } from './ledgerEntry.js';
import type { LedgerRecord } from './ledgerRecord.js';
import type { Spool } from './spool.js';

/** What happened to a record handed to the recorder. */
export interface RecordOutcome {
  /** The record is on disk (spool) and will reach the ledger; always true once this resolves. */
  acknowledged: true;
  /** Records still waiting for the store after this call (0 when the store is reachable). */
  waiting: number;
  /** The store error that kept records waiting, if any (never includes credentials). */
  storeError?: string;
}

export interface RecorderOptions {
  /**
   * Told the entries each delivery of a batch put in the ledger (in chain order), right after the
   * batch, including a batch cut short by a store error. Must not throw; whatever it starts runs
   * on its own (the checkpointer signs and writes in the background).
   */
  onDelivered?: (entries: readonly LedgerEntry[]) => void;
}

/**
 * Writes ledger records so that nothing acknowledged is ever lost: each record first goes to the
 * local spool (flushed to disk), then the spool is delivered to the ledger in order. When the
 * store is down, records wait in the spool and the bot keeps moderating; the next delivery
 * (the next record, or `flush()`) replays them in order.
 */
export class Recorder {
  private delivering: Promise<void> | undefined;
  private lastError: string | undefined;
  /**
   * Whether the next record may already be in the ledger: after a start (the last process may
   * have died between the two writes) and after a failed append (the store may have committed
   * before the connection broke). Otherwise checking would cost a read per record.
   */
  private uncertain = true;

  constructor(
    private readonly ledger: Ledger,
    private readonly spool: Spool,
    private readonly options: RecorderOptions = {},
  ) {}

  async record(record: LedgerRecord): Promise<RecordOutcome> {
    this.spool.append({ ...record, recordId: record.recordId ?? randomUUID() });
    await this.flush();
    const waiting = this.spool.pending().length;
    return { acknowledged: true, waiting, ...(waiting > 0 && this.lastError ? { storeError: this.lastError } : {}) };
  }

  /** Delivers what the spool holds; one delivery at a time, later callers wait for it. */
  flush(): Promise<void> {
    this.delivering ??= this.deliver().finally(() => {
      this.delivering = undefined;
    });
    return this.delivering;
  }

  private async deliver(): Promise<void> {
    for (;;) {
      const batch = this.spool.pending();
      if (batch.length === 0) return;
      const written: LedgerEntry[] = [];
      try {
        for (const { record, end } of batch) {
          try {
            const already = this.uncertain ? await this.alreadyWritten(record) : undefined;
            written.push(already ?? (await this.ledger.append(record)));
          } catch (err) {
            this.lastError = err instanceof Error ? err.message : String(err);
            this.uncertain = true;
            return;
          }
          this.uncertain = false;
          this.lastError = undefined;
          this.spool.delivered(end);
        }
      } finally {
        if (written.length > 0) this.options.onDelivered?.(written);
      }
    }
  }

  /**
   * A process that died between writing to the ledger and marking the spool line delivered
   * left that one record in both: it is then the head of its group's chain, returned here.
   */
  private async alreadyWritten(record: LedgerRecord): Promise<LedgerEntry | undefined> {
    const head = await this.ledger.headEntry(record.groupId);
    return head !== undefined && record.recordId !== undefined && head.record.recordId === record.recordId ? head : undefined;
  }
}
