import { messageHash } from './incidentRecord.js';
import type { KeptText } from './ledgerBackend.js';
import type { LedgerEntry } from './ledgerEntry.js';
import type { LedgerRecord } from './ledgerRecord.js';

/** How long message texts are kept beside the chain when nothing else is said, in days. */
export const DEFAULT_TEXT_DAYS = 180;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Splits an incident's message text off its record: the record keeps `messageHash` (chained),
 * the text goes beside the chain until `now + textDays` (not at all when textDays is 0).
 * Other records pass through unchanged.
 */
export function splitMessageText(record: LedgerRecord, now: Date, textDays: number): { record: LedgerRecord; text?: KeptText } {
  if (record.type !== 'incident' || record.messageText === undefined) return { record };
  const { messageText, ...chained } = record;
  const hash = record.messageHash ?? messageHash(messageText);
  const kept = { record: { ...chained, messageHash: hash } };
  if (textDays <= 0) return kept;
  return { ...kept, text: { hash, text: messageText, keepUntil: new Date(now.getTime() + textDays * DAY_MS) } };
}

/** The message hashes of incidents that carry no text in their chained record. */
export const hashesWithoutText = (entries: readonly LedgerEntry[]): string[] =>
  entries.flatMap((e) => (e.record.type === 'incident' && e.record.messageHash && e.record.messageText === undefined ? [e.record.messageHash] : []));

/**
 * The kept text of an entry's incident (from `texts`, by sha256) where its record chains only the
 * hash and the text still hashes to it: a text changed in the side table is never shown as what
 * was said.
 */
export function keptText(e: LedgerEntry, texts: ReadonlyMap<string, string>): string | undefined {
  const kept = keptUnderHash(e, texts);
  return kept && messageHash(kept.text) === kept.hash ? kept.text : undefined;
}

/** The text `texts` keep under the hash of an entry's incident that chains only the hash, as found. */
function keptUnderHash(e: LedgerEntry, texts: ReadonlyMap<string, string>): { hash: string; text: string } | undefined {
  const r = e.record;
  if (r.type !== 'incident' || !r.messageHash || r.messageText !== undefined) return undefined;
  const text = texts.get(r.messageHash);
  return text === undefined ? undefined : { hash: r.messageHash, text };
}

/** Puts kept texts back into their incidents (as `messageText`), where {@link keptText} has one. */
export function joinMessageTexts(entries: readonly LedgerEntry[], texts: ReadonlyMap<string, string>): LedgerEntry[] {
  if (texts.size === 0) return [...entries];
  return entries.map((e) => {
    const text = keptText(e, texts);
    return text === undefined ? e : { ...e, record: { ...e.record, messageText: text } as LedgerEntry['record'] };
  });
}

/**
 * Whether an entry's incident has a text kept beside the chain under its hash that no longer
 * hashes to it: the side table was edited, which a report must say rather than call the text purged.
 */
export function keptTextAltered(e: LedgerEntry, texts: ReadonlyMap<string, string>): boolean {
  const kept = keptUnderHash(e, texts);
  return kept !== undefined && messageHash(kept.text) !== kept.hash;
}
