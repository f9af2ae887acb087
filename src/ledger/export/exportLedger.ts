import type { Language } from '../../engine/templates.js';
import type { SignedCheckpoint } from '../checkpoints/signedCheckpoint.js';
import type { Ledger } from '../ledger.js';
import type { ChainEnd } from '../ledgerBackend.js';
import type { ChainCheck } from '../verifyChain.js';
import type { EntryPages } from './exportRows.js';
import { exportInWorker } from './exportInWorker.js';
import type { TextSink } from './textSink.js';
import { writeCsv } from './toCsv.js';
import { writeJson } from './toJson.js';
import { writeMarkdownReport } from './toMarkdown.js';

export type ExportFormat = 'csv' | 'json' | 'md';

export interface ExportOptions {
  format: ExportFormat;
  /** The group's name where the caller knows it (a chat's title, a server's name), for the md report's title. */
  groupTitle?: string;
  since?: Date;
  until?: Date;
  /** The group's latest signed checkpoint, which every format carries; else the ledger's own. */
  checkpoint?: SignedCheckpoint;
  /** The key the checkpoint must be signed with (base64 DER), when known. */
  trustedKey?: string;
  /**
   * The md report's words (see ReportOptions.lang): the dashboard's screen and a chat's `/rg
   * export` are in the admin's language; `ledger export` and the dashboard's downloads are
   * English, as the ledger is. @defaultValue 'en'
   */
  lang?: Language;
  /**
   * Whether to make the export in a worker thread (where the store can be opened by one: a SQLite
   * file). @defaultValue true for a chain of WORKER_MIN_ENTRIES entries or more
   */
  worker?: boolean;
}

/**
 * Entries from which an export is made in a worker thread: below them it takes well under a
 * second, and starting a worker (some tens of ms) would only make it slower.
 */
export const WORKER_MIN_ENTRIES = 20_000;

/** What an export wrote. */
export interface ExportSummary {
  /** Ledger entries in the file. */
  entries: number;
  /** The chain's verification, for the md report (which states it). */
  check?: ChainCheck;
}

/**
 * One group's ledger as a file, written to `sink`: csv, json (every hash and kept text,
 * re-checkable from the file alone) or md (the owner's management report, stating the chain's
 * verification). Each carries the group's signed chain head where there is one. The chain is read
 * as it ends when the export starts, a page at a time, in one pass (the md verifies the chain in
 * the same pass), and written a page at a time, so a ledger of millions of entries is exported in
 * bounded memory without holding up moderation. What has to wait for the end of the pass (the md's
 * incident table, under figures that need the whole chain; the json's kept texts, which come last;
 * the csv's rows, in case an outcome came too late for its incident's row) waits in memory while
 * small, else in a temporary file. A long chain in a SQLite file is exported in a worker thread
 * (see exportInWorker), so the bot's own thread only passes the text on; elsewhere, or when no
 * worker can start, in this thread, a page per turn of the event loop.
 */
export async function exportLedger(ledger: Ledger, groupId: string, options: ExportOptions, sink: TextSink): Promise<ExportSummary> {
  const end = await ledger.chainEnd(groupId);
  const { worker, ...rest } = options;
  const checkpoint = options.checkpoint ?? ledger.checkpoint(groupId);
  const settled = { ...rest, ...(checkpoint ? { checkpoint } : {}) };
  const source = (worker ?? end.end >= WORKER_MIN_ENTRIES) ? await ledger.readerSource() : undefined;
  if (source) {
    const done = await exportInWorker({ ...settled, source, groupId, end, now: ledger.time().getTime(), bytes: sink.bytes !== undefined, reuse: sink.bytes !== undefined && sink.bytesDone === true }, sink);
    if (!('fallback' in done)) return done;
    // Slower for nobody, but the bot's thread now does the reading and hashing between messages.
    ledger.warn(`ledger export: ${end.end} entries of group ${groupId} exported in the bot's own thread: ${done.fallback}`);
  }
  return exportFromLedger(ledger, groupId, settled, end, sink);
}

/**
 * {@link exportLedger} in this thread, of the chain up to `end`, with the checkpoint the file
 * carries (else none) in `options`: what the worker thread runs, and the main thread where no
 * worker can.
 */
export async function exportFromLedger(ledger: Ledger, groupId: string, options: Omit<ExportOptions, 'worker'>, end: ChainEnd, sink: TextSink): Promise<ExportSummary> {
  const range = { ...(options.since ? { since: options.since } : {}), ...(options.until ? { until: options.until } : {}) };
  const pages: EntryPages = (texts, observe) => ledger.storedEntryPages(groupId, range, end, texts, observe);
  const { checkpoint } = options;
  if (options.format === 'csv') return { entries: await writeCsv(pages, checkpoint, sink) };
  if (options.format === 'json') return { entries: await writeJson(groupId, () => pages(true), checkpoint, sink) };
  const scan = ledger.chainVerifier(groupId, { ...(checkpoint ? { checkpoint } : {}), ...(options.trustedKey ? { trustedKey: options.trustedKey } : {}) }, end);
  const title = options.groupTitle ? { groupTitle: options.groupTitle } : {};
  return writeMarkdownReport(pages, { groupId, ...title, ...range, ...(checkpoint ? { checkpoint } : {}), ...(options.lang ? { lang: options.lang } : {}) }, scan, sink);
}
