import type { Language } from '../../engine/templates.js';
import type { SignedCheckpoint } from '../checkpoints/signedCheckpoint.js';
import type { ChainEnd, ReaderSource } from '../ledgerBackend.js';
import type { ExportFormat, ExportSummary } from './exportLedger.js';

/** Marks workerData as an export, so the worker module does nothing when imported otherwise. */
export const EXPORT_WORKER_TAG = 'rumorguard:export-ledger';

/**
 * Characters (or bytes) of the export the worker posts ahead of what the main thread has written:
 * past this it waits, so a slow reader (a download) slows the export instead of filling memory.
 */
export const IN_FLIGHT_CHARS = 8_000_000;

/** What the worker exports: everything exportLedger decided before it was started. */
export interface ExportRequest {
  tag: typeof EXPORT_WORKER_TAG;
  source: ReaderSource;
  groupId: string;
  /** The group's name, for the md report's title. */
  groupTitle?: string;
  format: ExportFormat;
  since?: Date;
  until?: Date;
  checkpoint?: SignedCheckpoint;
  trustedKey?: string;
  /** The md report's words (see ExportOptions.lang). */
  lang?: Language;
  /** Where the chain ended when the export began, read by the main thread. */
  end: ChainEnd;
  /** The ledger's time when the export began (ms since 1970): which kept texts are still kept. */
  now: number;
  /**
   * The sink takes bytes (TextSink.bytes): the text is posted encoded as UTF-8, its buffer
   * handed over rather than copied, and the main thread writes it as it comes, without
   * encoding it; else it is posted as strings, which the sink gets as the export wrote them.
   */
  bytes: boolean;
  /**
   * The sink is done with each buffer once it wrote it (TextSink.bytesDone): the main thread hands
   * each buffer back with its `written`, and the worker fills it again.
   */
  reuse?: boolean;
}

/** What the worker sends, in this order: the text a chunk at a time, then done (or failed at any point). */
export type ExportMessage =
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'done'; summary: ExportSummary }
  | { kind: 'failed'; message: string };

/**
 * What the main thread tells the worker: each text written (once the sink took it), or to stop
 * (the sink failed: nobody reads on). The worker is never terminated: a SQLite read still under
 * way when its thread is torn down brings the whole process down (node-sqlite3 throws into a
 * JavaScript environment that is gone), so it stops itself and closes its connection.
 */
export type ExportReply = { kind: 'written'; size: number; buffer?: ArrayBuffer } | { kind: 'stop' };
