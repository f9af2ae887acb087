import type { SignedCheckpoint } from '../checkpoints/signedCheckpoint.js';
import { inRange, type Ledger } from '../ledger.js';
import type { LedgerEntry } from '../ledgerEntry.js';
import type { ChainCheck } from '../verifyChain.js';
import { isDamaged, type StoredItem } from '../storedEntry.js';
import { LateOutcomes, type EntryPages } from './exportRows.js';
import type { TextSink } from './textSink.js';
import { writeCsv } from './toCsv.js';
import { writeJson } from './toJson.js';
import { writeMarkdownReport } from './toMarkdown.js';

export type ExportFormat = 'csv' | 'json' | 'md';

export interface ExportOptions {
  format: ExportFormat;
  since?: Date;
  until?: Date;
  /** The group's latest signed checkpoint, which every format carries; else the ledger's own. */
  checkpoint?: SignedCheckpoint;
  /** The key the checkpoint must be signed with (base64 DER), when known. */
  trustedKey?: string;
}

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
 * as it ends when the export starts, a page at a time, and written a page at a time, so a ledger
 * of millions of entries is exported in bounded memory without holding up moderation (the json
 * holds the kept message texts until its end, where they are written).
 */
export async function exportLedger(ledger: Ledger, groupId: string, options: ExportOptions, sink: TextSink): Promise<ExportSummary> {
  const range = { ...(options.since ? { since: options.since } : {}), ...(options.until ? { until: options.until } : {}) };
  const end = await ledger.chainEnd(groupId);
  const pages: EntryPages = (texts) => ledger.entryPages(groupId, range, end, texts);
  const checkpoint = options.checkpoint ?? ledger.checkpoint(groupId);
  if (options.format === 'csv') return { entries: await writeCsv(pages, checkpoint, sink) };
  if (options.format === 'json') return { entries: await writeJson(groupId, pages, checkpoint, sink) };
  // Verification reads the whole chain: late outcomes are found in the same pass.
  const late = new LateOutcomes();
  const observe = (items: readonly StoredItem[]) => late.add(items.filter((e): e is LedgerEntry => !isDamaged(e) && inRange(e, range)));
  const check = await ledger.verify(groupId, { ...(checkpoint ? { checkpoint } : {}), ...(options.trustedKey ? { trustedKey: options.trustedKey } : {}) }, end, observe);
  const entries = await writeMarkdownReport(pages, { groupId, ...range, check, ...(checkpoint ? { checkpoint } : {}) }, sink, late.found);
  return { entries, check };
}
