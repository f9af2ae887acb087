import { stringify } from 'yaml';
import type { Debunk } from '../schema.js';

/** Where an import came from, for the comment at the top of the file it writes. */
export interface ImportOrigin {
  /** The input file as given. */
  file: string;
  format: string;
  at: Date;
  /** Which part of a large import this file is (1-based), and of how many. */
  part?: { index: number; of: number };
}

/**
 * The YAML of an imported file: a comment saying where and when the entries came from, then the
 * entries as a bare list in the field order of the README. Fields at their default (no variants,
 * no tags, `example: false`) are left out to keep the file short.
 */
export function renderImportFile(debunks: readonly Debunk[], origin: ImportOrigin): string {
  const header = [
    `Imported by "rumorguard db import" on ${origin.at.toISOString()}`,
    `from ${oneLine(origin.file)} (format: ${origin.format}), ${debunks.length} ${debunks.length === 1 ? 'entry' : 'entries'}.`,
    ...(origin.part ? [`Part ${origin.part.index} of ${origin.part.of}: a large import is written in files of at most 10,000 entries.`] : []),
  ];
  const body = stringify(debunks.map(toPlainEntry), { lineWidth: 0 });
  return `${header.map((line) => `# ${line}`).join('\n')}\n\n${body}`;
}

function toPlainEntry(d: Debunk): Record<string, unknown> {
  const entry: Record<string, unknown> = { id: d.id, claim: d.claim };
  if (d.variants.length > 0) entry.variants = d.variants;
  Object.assign(entry, { verdict: d.verdict, refutation: d.refutation, sources: d.sources });
  if (d.tags.length > 0) entry.tags = d.tags;
  Object.assign(entry, { severity: d.severity, lang: d.lang, published: d.published });
  if (d.expires !== undefined) entry.expires = d.expires;
  if (d.example) entry.example = true;
  return entry;
}

/** A file name with a line break would end the comment early and put the rest into the data. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
