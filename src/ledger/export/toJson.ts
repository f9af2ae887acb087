import type { SignedCheckpoint } from '../checkpoints/signedCheckpoint.js';
import { hashEntry, type LedgerEntry } from '../ledgerEntry.js';
import { keptText } from '../messageText.js';
import { Spill } from './spill.js';
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
  // A Map keeps the order an object's keys would have (a sha256 is never an array index).
  const texts = new Map<string, string>();
  const chained = entries.map((e) => asChained(e, (hash, text) => texts.set(hash, text)));
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
 * same text. The entries are written as stored, which is as chained; the kept message texts
 * (which come last in the file) wait in a Spill (memory, or a temporary file when large) with
 * only their hashes in memory, and follow the entries. Returns the entries written.
 */
export async function writeJson(groupId: string, pages: () => ReturnType<EntryPages>, checkpoint: SignedCheckpoint | undefined, sink: TextSink): Promise<number> {
  const seen = new Set<string>();
  const texts = new Spill();
  let count = 0;
  try {
    await sink(`{\n  "format": ${JSON.stringify(JSON_EXPORT_FORMAT)},\n  "groupId": ${JSON.stringify(groupId)},\n  "entries": [`);
    for await (const page of pages()) {
      // The page's kept texts as members of `texts`, kept as pieces (see Spill).
      const kept: string[] = [];
      const keep = (hash: string, text: string) => {
        if (seen.has(hash)) return;
        kept.push(`${seen.size > 0 ? ',' : ''}\n    ${JSON.stringify(hash)}: ${JSON.stringify(text)}`);
        seen.add(hash);
      };
      const entries = page.entries.map((e) => {
        if (e.record.type !== 'incident') return e;
        // A text chained in its record stays unless its hash says it was not chained (see asChained).
        if (e.record.messageText !== undefined) return asChained(e, keep);
        const text = keptText(e, page.texts);
        if (text !== undefined) keep(e.record.messageHash!, text);
        return e;
      });
      // A few entries at a time: a page's text in one string (about 1 MB) was made in the large
      // object space, in memory touched for the first time, and again when it was encoded.
      for (let i = 0; i < entries.length; i += ENTRIES_AT_ONCE) {
        await sink(`${count > 0 ? ',' : ''}${entriesText(entries.slice(i, i + ENTRIES_AT_ONCE))}`);
        count += Math.min(ENTRIES_AT_ONCE, entries.length - i);
      }
      await texts.add(kept);
    }
    await sink(count > 0 ? '\n  ]' : ']');
    if (seen.size > 0) {
      await sink(',\n  "texts": {');
      await texts.drainTo(sink);
      await sink('\n  }');
    }
  } finally {
    await texts.discard();
  }
  await sink(`${checkpoint ? `,\n  "checkpoint": ${indented(checkpoint, 2).trimStart()}` : ''}\n}\n`);
  return count;
}

/** Entries made into text with one call of JSON.stringify (about 50 kB of text). */
const ENTRIES_AT_ONCE = 50;

/** Where the entries of `{ "entries": [...] }` begin and end in JSON.stringify(…, null, 2). */
const ENTRIES_OPEN = '{\n  "entries": ['.length;
const ENTRIES_CLOSE = '\n  ]\n}'.length;

/**
 * Entries as the file's `entries` member holds them, each on its own lines 4 spaces deep, with a
 * comma between them: one call of the engine's JSON.stringify for them all (the same text as each
 * entry's indented on its own, without a pass over the text to indent it).
 */
function entriesText(entries: readonly LedgerEntry[]): string {
  const text = JSON.stringify({ entries }, null, 2);
  return text.slice(ENTRIES_OPEN, text.length - ENTRIES_CLOSE);
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
function asChained(e: LedgerEntry, keep: (hash: string, text: string) => void): LedgerEntry {
  if (e.record.type !== 'incident' || e.record.messageText === undefined || hashEntry(e) === e.hash) return e;
  const { messageText, ...record } = e.record;
  if (record.messageHash) keep(record.messageHash, messageText);
  return { ...e, record };
}
