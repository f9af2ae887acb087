import type { IndexedPhrase } from './phraseIndex.js';
import type { PreparedMessage } from './prepareMessage.js';

/** Window positions holding one of the phrase's terms: a bitmap reused across calls. */
let filled = new Uint8Array(256);

/**
 * The separate stretches of a message window that a phrase's terms fill: maximal runs of
 * consecutive token positions holding one of them. In Chinese, where terms are overlapping
 * character pairs, one stretch is one unbroken piece of text shared with the phrase, however
 * many pairs it holds: "幼儿园老师" is one stretch of four pairs.
 */
export function countStretches(phrase: IndexedPhrase, message: PreparedMessage, first: number, last: number): number {
  const span = last - first + 1;
  if (filled.length < span) filled = new Uint8Array(Math.max(span, filled.length * 2));
  filled.fill(0, 0, span);
  for (let k = 0; k < phrase.terms.length; k++) {
    const at = message.positions.get(phrase.terms[k]!);
    if (at) for (const p of at) if (p >= first && p <= last) filled[p - first] = 1;
  }
  let stretches = 0;
  for (let i = 0; i < span; i++) if (filled[i] === 1 && (i === 0 || filled[i - 1] === 0)) stretches++;
  return stretches;
}

