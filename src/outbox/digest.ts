/** Lines a digest shows before it only counts: one message stays short (Telegram caps at 4096 characters). */
export const DIGEST_LINES = 10;

/** Notices folded into one message under a flood: the lines shown and how many more there were. */
export interface Digest {
  readonly lines: readonly string[];
  readonly more: number;
}

/** One notice as a digest of itself. */
export const digestOf = (line: string): Digest => ({ lines: [line], more: 0 });

/** Two digests as one: the first DIGEST_LINES lines, the rest counted. */
export function foldDigests(earlier: Digest, later: Digest): Digest {
  const all = [...earlier.lines, ...later.lines];
  const lines = all.slice(0, DIGEST_LINES);
  return { lines, more: earlier.more + later.more + (all.length - lines.length) };
}

/** The digest as the text of one message: its lines, then "(+N)" for the ones not shown. */
export const digestText = (d: Digest): string => [...d.lines, ...(d.more > 0 ? [`(+${d.more})`] : [])].join('\n');
