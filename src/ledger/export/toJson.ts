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
  const texts = new Map<string, string>();
  const chained = entries.map((e) => asChained(e, texts));
  const file = {
    format: JSON_EXPORT_FORMAT,
    groupId,
    entries: chained,
    ...(texts.size > 0 ? { texts: Object.fromEntries(texts) } : {}),
    ...(checkpoint ? { checkpoint } : {}),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * {@link ledgerToJson} of the entries `pages` reads, written to `sink` a page at a time: the
 * same text, with only the kept message texts (which come last in the file) held until the end,
 * then written a thousand at a time.
 * Returns the entries written.
 */
export async function writeJson(groupId: string, pages: EntryPages, checkpoint: SignedCheckpoint | undefined, sink: TextSink): Promise<number> {
  // A Map keeps the order an object's keys would have (a sha256 is never an array index).
  const texts = new Map<string, string>();
  await sink(`{\n  "format": ${JSON.stringify(JSON_EXPORT_FORMAT)},\n  "groupId": ${JSON.stringify(groupId)},\n  "entries": [`);
  let count = 0;
  for await (const page of pages(true)) {
    let chunk = '';
    for (const e of page) chunk += `${count++ > 0 ? ',' : ''}\n${indented(asChained(e, texts), 4)}`;
    await sink(chunk);
  }
  await sink(count > 0 ? '\n  ]' : ']');
  if (texts.size > 0) await writeTexts(texts, sink);
  await sink(`${checkpoint ? `,\n  "checkpoint": ${indented(checkpoint, 2).trimStart()}` : ''}\n}\n`);
  return count;
}

/** The `texts` member, TEXTS_AT_ONCE texts a write with a turn of the event loop between. */
async function writeTexts(texts: ReadonlyMap<string, string>, sink: TextSink): Promise<void> {
  let chunk = ',\n  "texts": {';
  let i = 0;
  for (const [hash, text] of texts) {
    chunk += `${i > 0 ? ',' : ''}\n    ${JSON.stringify(hash)}: ${JSON.stringify(text)}`;
    if (++i % TEXTS_AT_ONCE === 0) {
      await sink(chunk);
      chunk = '';
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  await sink(`${chunk}\n  }`);
}

/** Texts written at once: a few ms of work. */
const TEXTS_AT_ONCE = 1000;

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
function asChained(e: LedgerEntry, texts: Map<string, string>): LedgerEntry {
  if (e.record.type !== 'incident' || e.record.messageText === undefined || hashEntry(e) === e.hash) return e;
  const { messageText, ...record } = e.record;
  if (record.messageHash) texts.set(record.messageHash, messageText);
  return { ...e, record };
}
