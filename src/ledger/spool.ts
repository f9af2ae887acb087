import { existsSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { type FileHandle, open, rename } from 'node:fs/promises';
import path from 'node:path';
import type { LedgerRecord } from './ledgerRecord.js';

/** A record in the spool: on disk, and waiting for the ledger until it is marked delivered. */
export interface Spooled {
  readonly record: LedgerRecord;
  /** When it was acknowledged (flushed to disk), ms since the epoch. */
  readonly at: number;
  /** Its line's length in the file, in bytes. */
  readonly bytes: number;
  delivered: boolean;
}

export interface SpoolOptions {
  /**
   * Flush each write to the disk (fdatasync) before acknowledging it: a power cut then loses
   * nothing acknowledged. Off only for benchmarks and tests that measure something else.
   * @defaultValue true
   */
  sync?: boolean;
  /**
   * Bytes of delivered lines a file may carry before it is rewritten with the undelivered ones
   * only (while some group's records cannot be delivered, the file would grow without end).
   * @defaultValue SPOOL_DEFAULTS.compactBytes
   */
  compactBytes?: number;
  /** The clock for acknowledgement times. @defaultValue Date.now */
  now?: () => number;
  /** Told about lines of an existing file that are not records (damaged by hand or a disk error). */
  onDamagedLine?: (line: number, reason: string) => void;
}

export const SPOOL_DEFAULTS = { compactBytes: 8 * 1024 * 1024 } as const;

/** What the spool did, for `npm run bench` (fsyncs per record) and tests. */
export interface SpoolStats {
  appended: number;
  /** Disk flushes: one covers every record that arrived while the previous one ran. */
  syncs: number;
  compactions: number;
}

interface Waiting {
  line: string;
  record: LedgerRecord;
  resolve: (item: Spooled) => void;
  reject: (error: unknown) => void;
}

/**
 * A local append-only file of ledger records not yet in the store: the ledger's write-ahead log.
 * A record is acknowledged once its line is flushed to disk, so neither a store outage nor a
 * `kill -9` loses it.
 *
 * Group commit: records that arrive while a write is under way are written, and flushed, together
 * by the next one: one fsync covers them all, and nothing here blocks the event loop (the file is
 * read synchronously once, when the spool is opened at start-up). What is waiting is kept in
 * memory, in order; delivered records are dropped from memory at once, and from the file when
 * everything is delivered (the file is emptied) or when delivered lines pile up (it is rewritten
 * with the rest). A process that dies after the ledger took a record but before the file forgot
 * it leaves the record in both: the recorder checks for that at the next start.
 */
export class Spool {
  private readonly sync: boolean;
  private readonly compactBytes: number;
  private readonly now: () => number;
  /** Waiting and delivered records still in the file, in file order; `first` skips delivered ones. */
  private items: Spooled[] = [];
  private first = 0;
  private undelivered = 0;
  /** Bytes in the file, and bytes of delivered lines among them. */
  private fileBytes = 0;
  private deliveredBytes = 0;
  private queue: Waiting[] = [];
  private writing: Promise<void> | undefined;
  private handle: FileHandle | undefined;
  private closed = false;
  private readonly counts: SpoolStats = { appended: 0, syncs: 0, compactions: 0 };

  constructor(
    readonly file: string,
    options: SpoolOptions = {},
  ) {
    this.sync = options.sync ?? true;
    this.compactBytes = options.compactBytes ?? SPOOL_DEFAULTS.compactBytes;
    this.now = options.now ?? Date.now;
    mkdirSync(path.dirname(file), { recursive: true });
    this.load(options.onDamagedLine);
  }

  /** Writes one record; resolves once it is on disk (with the others of its group commit). */
  append(record: LedgerRecord): Promise<Spooled> {
    if (this.closed) return Promise.reject(new Error(`spool ${this.file} is closed`));
    return new Promise((resolve, reject) => {
      this.queue.push({ line: `${JSON.stringify(record)}\n`, record, resolve, reject });
      this.kick();
    });
  }

  /** Records not yet delivered, in the order they were acknowledged. */
  pending(): Spooled[] {
    const out: Spooled[] = [];
    for (let i = this.first; i < this.items.length; i++) if (!this.items[i]!.delivered) out.push(this.items[i]!);
    return out;
  }

  /** How many records wait for the ledger. */
  get waiting(): number {
    return this.undelivered;
  }

  /** Marks records delivered (they are in the ledger); any order. */
  delivered(items: readonly Spooled[]): void {
    for (const item of items) {
      if (item.delivered) continue;
      item.delivered = true;
      this.undelivered -= 1;
      this.deliveredBytes += item.bytes;
    }
    while (this.first < this.items.length && this.items[this.first]!.delivered) this.first += 1;
    // Drop the delivered head of the list now and then: amortized O(1) per record.
    if (this.first > 4096 && this.first * 2 > this.items.length) {
      this.items = this.items.slice(this.first);
      this.first = 0;
    }
    if (this.undelivered === 0 || this.deliveredBytes > this.compactBytes) this.kick();
  }

  stats(): SpoolStats {
    return { ...this.counts };
  }

  /** Resolves once the writes under way (and the tidying after them) are done. */
  async idle(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** Waits for the writes under way, leaves only waiting records in the file, and closes it. */
  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
    await this.tidy(true);
    await this.handle?.close();
    this.handle = undefined;
  }

  /** Starts the writer if it is idle (it also empties or compacts the file). */
  private kick(): void {
    this.writing ??= this.writeAll();
  }

  /**
   * The one writer: writes and flushes what is queued, batch after batch, then tidies the file.
   * It clears `writing` itself, in the same step in which it finds the queue empty: an append
   * that comes a moment later starts a new writer rather than waiting for one that is leaving.
   */
  private async writeAll(): Promise<void> {
    for (;;) {
      try {
        await this.tidy();
      } catch {
        // Tidying is housekeeping: a failure leaves a longer file, tried again next time.
      }
      const batch = this.queue;
      if (batch.length === 0) {
        this.writing = undefined;
        // Idle: the file is closed until the next write (a spool nobody closes leaks nothing).
        const handle = this.handle;
        this.handle = undefined;
        await handle?.close().catch(() => undefined);
        return;
      }
      this.queue = [];
      const data = batch.map((w) => w.line).join('');
      try {
        const handle = await this.open();
        await handle.appendFile(data, 'utf8');
        if (this.sync) await handle.datasync();
      } catch (error) {
        for (const w of batch) w.reject(error);
        continue;
      }
      this.counts.syncs += 1;
      const at = this.now();
      for (const w of batch) {
        const item: Spooled = { record: w.record, at, bytes: Buffer.byteLength(w.line), delivered: false };
        this.items.push(item);
        this.undelivered += 1;
        this.fileBytes += item.bytes;
        this.counts.appended += 1;
        w.resolve(item);
      }
    }
  }

  /**
   * Empties the file once everything is delivered; rewrites it when delivered lines pile up (or,
   * when `final`, whenever there are any: at shutdown).
   */
  private async tidy(final = false): Promise<void> {
    if (this.fileBytes === 0) return;
    if (this.undelivered === 0) {
      const handle = await this.open();
      await handle.truncate(0);
      this.items = [];
      this.first = 0;
      this.fileBytes = 0;
      this.deliveredBytes = 0;
      return;
    }
    if (this.deliveredBytes === 0 || (!final && this.deliveredBytes <= this.compactBytes)) return;
    // A new file with the waiting records only, flushed, then renamed over the old one: a crash in
    // between leaves one file or the other, both holding every waiting record.
    const keep = this.pending();
    const next = `${this.file}.compacting`;
    const data = keep.map((item) => `${JSON.stringify(item.record)}\n`).join('');
    const fresh = await open(next, 'w');
    try {
      await fresh.writeFile(data, 'utf8');
      if (this.sync) await fresh.datasync();
    } finally {
      await fresh.close();
    }
    await this.handle?.close();
    this.handle = undefined;
    await rename(next, this.file);
    this.items = keep;
    this.first = 0;
    this.fileBytes = keep.reduce((sum, item) => sum + item.bytes, 0);
    this.deliveredBytes = 0;
    this.counts.compactions += 1;
  }

  private async open(): Promise<FileHandle> {
    this.handle ??= await open(this.file, 'a');
    return this.handle;
  }

  /**
   * Reads what an earlier process left: every complete line is a waiting record. A last line
   * without its newline was being written when that process died: it was never acknowledged, and
   * is cut off so the next line starts clean.
   */
  private load(onDamagedLine: SpoolOptions['onDamagedLine']): void {
    if (!existsSync(this.file)) return;
    let buffer = readFileSync(this.file);
    // Spools of earlier versions kept the delivered prefix in a companion file.
    const offsetFile = `${this.file}.offset`;
    if (existsSync(offsetFile)) {
      const offset = Number(readFileSync(offsetFile, 'utf8').trim());
      if (Number.isInteger(offset) && offset > 0 && offset <= buffer.length) {
        buffer = buffer.subarray(offset);
        writeFileSync(this.file, buffer);
      }
      rmSync(offsetFile, { force: true });
    }
    const end = buffer.lastIndexOf(0x0a) + 1;
    if (end < buffer.length) {
      truncateSync(this.file, end);
      buffer = buffer.subarray(0, end);
    }
    let at = 0;
    let line = 0;
    const loadedAt = this.now();
    while (at < buffer.length) {
      const nl = buffer.indexOf(0x0a, at);
      const bytes = nl + 1 - at;
      const text = buffer.subarray(at, nl).toString('utf8');
      at = nl + 1;
      line += 1;
      this.fileBytes += bytes;
      if (text.trim() === '') {
        this.deliveredBytes += bytes;
        continue;
      }
      let record: unknown;
      try {
        record = JSON.parse(text);
      } catch {
        record = undefined;
      }
      if (typeof record !== 'object' || record === null || typeof (record as { groupId?: unknown }).groupId !== 'string') {
        onDamagedLine?.(line, 'not a ledger record');
        this.deliveredBytes += bytes;
        continue;
      }
      this.items.push({ record: record as LedgerRecord, at: loadedAt, bytes, delivered: false });
      this.undelivered += 1;
    }
  }
}
