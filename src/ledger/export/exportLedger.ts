import type { SignedCheckpoint } from '../checkpoints/signedCheckpoint.js';
import type { Ledger } from '../ledger.js';
import { ledgerToCsvYielding } from './toCsv.js';
import { ledgerToJson } from './toJson.js';
import { ledgerToMarkdownYielding } from './toMarkdown.js';

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

/**
 * One group's ledger as a file: csv, json (every hash and kept text, re-checkable from the file
 * alone) or md (the owner's management report, stating the chain's verification). Each carries
 * the group's signed chain head where there is one. The csv and md are written in slices with a
 * turn of the event loop between them, so a large export does not hold up moderation.
 */
export async function exportLedger(ledger: Ledger, groupId: string, options: ExportOptions): Promise<string> {
  const range = { ...(options.since ? { since: options.since } : {}), ...(options.until ? { until: options.until } : {}) };
  const entries = await ledger.entries(groupId, range);
  const checkpoint = options.checkpoint ?? ledger.checkpoint(groupId);
  if (options.format === 'csv') return ledgerToCsvYielding(entries, checkpoint);
  if (options.format === 'json') return ledgerToJson(groupId, entries, checkpoint);
  const check = await ledger.verify(groupId, { ...(checkpoint ? { checkpoint } : {}), ...(options.trustedKey ? { trustedKey: options.trustedKey } : {}) });
  return ledgerToMarkdownYielding(entries, { groupId, ...range, check, ...(checkpoint ? { checkpoint } : {}) });
}
