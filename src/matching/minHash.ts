import { normalize } from './normalize.js';

/** Number of hash functions in a signature: similarity is estimated to about ±0.06 (1/√64). */
export const MINHASH_SIZE = 64;
/**
 * Signatures at least this similar are the same text passed on: a forward with "FWD:" before it,
 * a copy with a changed word or two, the same rumor with its emoji stripped.
 * @defaultValue 0.6
 */
export const NEAR_DUPLICATE = 0.6;
/** Only this much of a text is read: enough to tell two texts apart, and bounded per message. */
const MAX_CHARS = 4000;
/** Characters per shingle: short enough for Chinese (two-character words), long enough for English. */
const SHINGLE = 3;

/**
 * A MinHash signature of a text: for each of MINHASH_SIZE hash functions the smallest hash of
 * the text's character 3-grams, over the normalized text (case, width, homoglyphs, spacing tricks
 * folded), so the fraction of equal positions estimates the Jaccard similarity of the two texts'
 * 3-gram sets. Only the signature is shared across groups, never the text. Empty for a text
 * with no letters or digits.
 */
export function minHash(text: string): number[] {
  const folded = normalize(typeof text === 'string' ? text.slice(0, MAX_CHARS) : '').text.replace(/ /g, '');
  if (folded.length === 0) return [];
  const shingles = new Set<number>();
  if (folded.length <= SHINGLE) shingles.add(fnv1a(folded));
  for (let i = 0; i + SHINGLE <= folded.length; i++) shingles.add(fnv1a(folded.slice(i, i + SHINGLE)));
  const signature = new Array<number>(MINHASH_SIZE).fill(0xffffffff);
  for (const h of shingles) {
    for (let k = 0; k < MINHASH_SIZE; k++) {
      const v = mix(h ^ SEEDS[k]!);
      if (v < signature[k]!) signature[k] = v;
    }
  }
  return signature;
}

/** Estimated Jaccard similarity of the texts two signatures came from (0 when either is empty). */
export function similarity(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** True when the two signatures come from the same text or a near copy of it. */
export const nearDuplicate = (a: readonly number[], b: readonly number[], threshold = NEAR_DUPLICATE): boolean => similarity(a, b) >= threshold;

/** 32-bit FNV-1a over UTF-16 units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finalizer: spreads every input bit over the output, so XOR with a seed gives independent-looking hashes. */
function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed seeds (signatures must compare across processes and restarts), drawn once from a fixed LCG. */
const SEEDS: readonly number[] = (() => {
  const seeds: number[] = [];
  let s = 0x9e3779b9;
  for (let i = 0; i < MINHASH_SIZE; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    seeds.push(s);
  }
  return seeds;
})();
