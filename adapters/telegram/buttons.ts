import type { InlineKeyboardButton } from 'telegraf/types';
import { debunkRef } from '../../src/debunks/debunkRef.js';
import type { Language } from '../../src/engine/templates.js';
import { text } from './texts.js';
import { inScript } from '../../src/engine/script.js';

/** Telegram refuses callback data longer than 64 bytes. */
const MAX_CALLBACK_BYTES = 64;

/** What a button under a refutation asks for. */
export type ButtonPress =
  | { kind: 'sources'; debunkRef: string }
  | { kind: 'not_a_rumor'; messageId: number; debunkRef: string };

/** The buttons under a refutation: "Sources" and "Not a rumor?"; `traditional`: labels in traditional Chinese characters. */
export function refutationButtons(lang: Language, debunkId: string, messageId: number, traditional?: boolean): InlineKeyboardButton[][] {
  const notRumorPrefix = `n:${messageId}:`;
  return [
    [
      { text: inScript(text(lang, 'sources'), traditional), callback_data: `s:${debunkRef(debunkId, MAX_CALLBACK_BYTES - 2)}` },
      { text: inScript(text(lang, 'notRumor'), traditional), callback_data: `${notRumorPrefix}${debunkRef(debunkId, MAX_CALLBACK_BYTES - notRumorPrefix.length)}` },
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
