import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync, ftruncateSync } from 'node:fs';
import path from 'node:path';
import type { LedgerRecord } from './ledgerRecord.js';

/**
 * A local append-only file of ledger records not yet in the store: the ledger's write-ahead log.
 * A record is acknowledged once its line is flushed to disk, so neither a store outage nor a
 * `kill -9` loses it. Lines are taken out in order; a companion file holds the byte offset of the
 * first line not yet delivered, flushed after every delivery.
 */
export class Spool {
  private readonly offsetFile: string;

  constructor(readonly file: string) {
    this.offsetFile = `${file}.offset`;
    mkdirSync(path.dirname(file), { recursive: true });
  }

  /** Writes one record and flushes it to disk before returning. */
  append(record: LedgerRecord): void {
    const fd = openSync(this.file, 'a');
    try {
      writeSync(fd, `${JSON.stringify(record)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Records not yet delivered, in order, each with the offset just past its line. A last line
   * without its newline was being written when the process died: it was never acknowledged,
   * and is left out.
   */
  pending(): { record: LedgerRecord; end: number }[] {
    if (!existsSync(this.file)) return [];
    const buffer = readFileSync(this.file);
    let at = this.deliveredOffset();
    if (at > buffer.length) at = 0;
    const out: { record: LedgerRecord; end: number }[] = [];
    while (at < buffer.length) {
      const nl = buffer.indexOf(0x0a, at);
      if (nl < 0) break;
      const line = buffer.subarray(at, nl).toString('utf8');
      at = nl + 1;
      if (line.trim() === '') continue;
      out.push({ record: JSON.parse(line) as LedgerRecord, end: at });
    }
    return out;
  }

  /** Marks everything before `end` delivered; empties the file once all of it is. */
  delivered(end: number): void {
    const size = existsSync(this.file) ? readFileSync(this.file).length : 0;
    if (end >= size) {
      // Truncate first: if we die in between, an offset past the end reads as "start over"
      // on an empty file, which is right.
      const fd = openSync(this.file, 'r+');
      try {
        ftruncateSync(fd, 0);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      this.writeOffset(0);
    } else {
      this.writeOffset(end);
    }
  }

  private deliveredOffset(): number {
    if (!existsSync(this.offsetFile)) return 0;
    const n = Number(readFileSync(this.offsetFile, 'utf8').trim());
    return Number.isFinite(n) && n >= 0 ? n : 0;
  }

  private writeOffset(n: number): void {
    const fd = openSync(this.offsetFile, 'w');
    try {
      writeSync(fd, String(n));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}
