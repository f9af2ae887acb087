import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from 'discord.js';
import type { Language } from '../../src/engine/templates.js';
import { debunkRef } from '../../src/debunks/debunkRef.js';
import { text } from './texts.js';
import { inScript } from '../../src/engine/script.js';

/** Discord refuses custom ids longer than 100 characters. */
const MAX_CUSTOM_ID = 100;

export type ButtonPress =
  | { kind: 'sources'; debunkRef: string }
  | { kind: 'not_a_rumor'; messageId: string; debunkRef: string }
  /** `debunkRef`: the rumor the refutation it sits under answered (absent from buttons posted before it was carried). */
  | { kind: 'report'; messageId: string; debunkRef?: string };

/** "Sources", "Not a rumor?" and "Report" under a refutation of message `messageId`; `traditional`: labels in traditional Chinese characters. */
export function refutationButtons(lang: Language, debunkId: string, messageId: string, traditional?: boolean): APIActionRowComponent<APIButtonComponent>[] {
  const label = (name: 'sources' | 'notRumor' | 'report') => inScript(text(lang, name), traditional);
  const dispute = `rg:n:${messageId}:`;
  // A report from under a refutation names the rumor matched, so the admins see it was answered already.
  const report = `rg:r:${messageId}:`;
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: label('sources'), custom_id: `rg:s:${debunkRef(debunkId, MAX_CUSTOM_ID - 5)}` },
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: label('notRumor'), custom_id: `${dispute}${debunkRef(debunkId, MAX_CUSTOM_ID - dispute.length)}` },
        { type: ComponentType.Button, style: ButtonStyle.Danger, label: label('report'), custom_id: `${report}${debunkRef(debunkId, MAX_CUSTOM_ID - report.length)}` },
      ],
    },
  ];
}

/** Reads a button's custom id; undefined for anything this bot did not make. */
export function parseButton(customId: string): ButtonPress | undefined {
  const sources = /^rg:s:(.+)$/.exec(customId);
  if (sources) return { kind: 'sources', debunkRef: sources[1]! };
  const dispute = /^rg:n:(\d{1,25}):(.+)$/.exec(customId);
  if (dispute) return { kind: 'not_a_rumor', messageId: dispute[1]!, debunkRef: dispute[2]! };
  const report = /^rg:r:(\d{1,25})(?::(.+))?$/.exec(customId);
  if (report) return { kind: 'report', messageId: report[1]!, ...(report[2] ? { debunkRef: report[2] } : {}) };
  return undefined;
}
