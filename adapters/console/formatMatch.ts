import type { Debunk } from '../../src/debunks/schema.js';
import type { MessageMatch } from '../../src/matching/types.js';

/** The refutation in the reader's language, else the first one written. */
export function refutationText(d: Debunk, lang: string): string {
  if (typeof d.refutation === 'string') return d.refutation;
  return d.refutation[lang] ?? d.refutation.en ?? Object.values(d.refutation)[0] ?? '';
}

/** What the matcher found in one message, as lines for the terminal. */
export function formatMatch(
  result: MessageMatch,
  byId: ReadonlyMap<string, Debunk>,
  actThreshold: number,
  lang: string,
): string[] {
  if (result.matches.length === 0) {
    return [result.refuting ? `  (no known rumor; refuting cues: ${result.refutingCues.join(', ')})` : '  (no known rumor)'];
  }
  const lines: string[] = [];
  for (const m of result.matches) {
    const d = byId.get(m.debunkId);
    const level = m.score >= actThreshold ? 'ACT' : 'suggest';
    const e = m.explanation;
    lines.push(`  ${level} ${m.debunkId} score ${m.score.toFixed(2)} (coverage ${e.coverage.toFixed(2)}, similarity ${e.similarity.toFixed(2)})`);
    lines.push(`    matched ${e.phrase.kind === 'claim' ? 'claim' : `variant ${e.phrase.variantIndex}`}: ${e.phrase.text}`);
    lines.push(`    in the message: "${e.excerpt.replace(/\s+/g, ' ')}"`);
    if (d) lines.push(`    refutation (${d.verdict}): ${refutationText(d, lang)}`);
  }
  if (result.refuting) lines.push(`  the message refutes rather than spreads (${result.refutingCues.join(', ')}): nobody would be warned`);
  return lines;
}
