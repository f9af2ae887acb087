import type { SignedCheckpoint } from '../checkpoints/signedCheckpoint.js';
import { hashEntry, type LedgerEntry } from '../ledgerEntry.js';
import type { EntryPages } from './exportRows.js';
import type { TextSink } from './textSink.js';

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
  const file = {
    format: JSON_EXPORT_FORMAT,
    groupId,
    entries: entries.map((e) => asChained(e, texts)),
    ...(Object.keys(texts).length > 0 ? { texts } : {}),
    ...(checkpoint ? { checkpoint } : {}),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * {@link ledgerToJson} of the entries `pages` reads, written to `sink` a page at a time: the
 * same text, with only the kept message texts (which come last in the file) held until the end.
 * Returns the entries written.
 */
export async function writeJson(groupId: string, pages: EntryPages, checkpoint: SignedCheckpoint | undefined, sink: TextSink): Promise<number> {
  const texts: Record<string, string> = {};
  await sink(`{\n  "format": ${JSON.stringify(JSON_EXPORT_FORMAT)},\n  "groupId": ${JSON.stringify(groupId)},\n  "entries": [`);
  let count = 0;
  for await (const page of pages(true)) {
    let chunk = '';
    for (const e of page) chunk += `${count++ > 0 ? ',' : ''}\n${indented(asChained(e, texts), 4)}`;
    await sink(chunk);
  }
  let tail = count > 0 ? '\n  ]' : ']';
  if (Object.keys(texts).length > 0) tail += `,\n  "texts": ${indented(texts, 2).trimStart()}`;
  if (checkpoint) tail += `,\n  "checkpoint": ${indented(checkpoint, 2).trimStart()}`;
  await sink(`${tail}\n}\n`);
  return count;
}

/** `value` as JSON.stringify(…, null, 2) writes it `depth` spaces deep inside a larger document. */
function indented(value: unknown, depth: number): string {
  const pad = ' '.repeat(depth);
  return pad + JSON.stringify(value, null, 2).replaceAll('\n', `\n${pad}`);
}

/**
 * The entry as chained. A text joined back in from beside the chain goes back beside it (into
 * `texts`); one that was chained itself (records from before texts were kept apart) stays where
 * its hash needs it.
 */
function asChained(e: LedgerEntry, texts: Record<string, string>): LedgerEntry {
  if (e.record.type !== 'incident' || e.record.messageText === undefined || hashEntry(e) === e.hash) return e;
  const { messageText, ...record } = e.record;
  if (record.messageHash) texts[record.messageHash] = messageText;
  return { ...e, record };
}
