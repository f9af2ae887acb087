import { createHash } from 'node:crypto';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { Debunk } from '../../src/debunks/schema.js';
import type { Language } from '../../src/engine/templates.js';
import { text } from './texts.js';

/** Telegram refuses callback data longer than 64 bytes. */
const MAX_CALLBACK_BYTES = 64;

/** What a button under a refutation asks for. */
export type ButtonPress =
  | { kind: 'sources'; debunkRef: string }
  | { kind: 'not_a_rumor'; messageId: number; debunkRef: string };

/** A debunk id, or `#` and a short hash of it when the id would not fit in the callback data. */
export function debunkRef(id: string, room: number): string {
  if (Buffer.byteLength(id) <= room) return id;
  return `#${createHash('sha256').update(id).digest('base64url').slice(0, 12)}`;
}

/** The debunk a reference names: by id, or by hash among the debunks in force (rare: long ids). */
export function resolveDebunkRef(ref: string, byId: (id: string) => Debunk | undefined, all: () => Iterable<Debunk>): Debunk | undefined {
  if (!ref.startsWith('#')) return byId(ref);
  for (const d of all()) if (debunkRef(d.id, 0) === ref) return d;
  return undefined;
}

/** The buttons under a refutation: "Sources" and "Not a rumor?". */
export function refutationButtons(lang: Language, debunkId: string, messageId: number): InlineKeyboardButton[][] {
  const notRumorPrefix = `n:${messageId}:`;
  return [
    [
      { text: text(lang, 'sources'), callback_data: `s:${debunkRef(debunkId, MAX_CALLBACK_BYTES - 2)}` },
      { text: text(lang, 'notRumor'), callback_data: `${notRumorPrefix}${debunkRef(debunkId, MAX_CALLBACK_BYTES - notRumorPrefix.length)}` },
    ],
  ];
}

/** Reads a button's callback data; undefined for anything this bot did not make. */
export function parseButton(data: string): ButtonPress | undefined {
  const sources = /^s:(.+)$/.exec(data);
  if (sources) return { kind: 'sources', debunkRef: sources[1]! };
  const dispute = /^n:(\d{1,12}):(.+)$/.exec(data);
  if (dispute) return { kind: 'not_a_rumor', messageId: Number(dispute[1]), debunkRef: dispute[2]! };
  return undefined;
}
