import type { SignedCheckpoint } from '../checkpoints/signedCheckpoint.js';
import { hashEntry, type LedgerEntry } from '../ledgerEntry.js';

/** `format` of a JSON export. */
export const JSON_EXPORT_FORMAT = 'rumorguard-ledger-v1';

/**
 * The entries exactly as chained: anyone can recompute every hash from this file. Message texts
 * still kept beside the chain are in `texts`, by their sha256 (each one's incident chains that
 * hash); `checkpoint`, when there is one, is the group's latest signed chain head, with the public
 * key to check its signature.
 */
export function ledgerToJson(groupId: string, entries: readonly LedgerEntry[], checkpoint?: SignedCheckpoint): string {
  const texts: Record<string, string> = {};
  const chained = entries.map((e) => {
    // A text joined back in from beside the chain goes back beside it; one that was chained
    // itself (records from before texts were kept apart) stays where its hash needs it.
    if (e.record.type !== 'incident' || e.record.messageText === undefined || hashEntry(e) === e.hash) return e;
    const { messageText, ...record } = e.record;
    if (record.messageHash) texts[record.messageHash] = messageText;
    return { ...e, record };
  });
  const file = {
    format: JSON_EXPORT_FORMAT,
    groupId,
    entries: chained,
    ...(Object.keys(texts).length > 0 ? { texts } : {}),
    ...(checkpoint ? { checkpoint } : {}),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
