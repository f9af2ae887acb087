import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT } from '../../src/matching/features.js';
import { boostedLogit, VERIFIER_WEIGHTS, verify } from '../../src/matching/verifier.js';

/** A fixed pseudo-random sequence in [0, 1), so the test reads the same vectors every run. */
function sequence(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('verifier: the committed trees in flat arrays', () => {
  it('GIVEN feature vectors on both sides of the splits THEN the score is the trees walked node by node', () => {
    const next = sequence(7);
    // Thresholds of the committed trees, so comparisons land exactly on them too.
    const thresholds = [VERIFIER_WEIGHTS.en, VERIFIER_WEIGHTS.zh].flatMap((m) =>
      m.trees.flatMap((t) => [t, t.l, t.r]).flatMap((n) => (n?.t === undefined ? [] : [n.t])),
    );
    for (let k = 0; k < 2000; k++) {
      const x = new Float64Array(FEATURE_COUNT);
      for (let f = 0; f < FEATURE_COUNT; f++) {
        const r = next();
        x[f] = r < 0.3 ? thresholds[Math.floor(next() * thresholds.length)]! : r < 0.35 ? Number.NaN : 2 * next() - 0.5;
      }
      for (const ideographic of [false, true]) {
        const logit = boostedLogit(ideographic ? VERIFIER_WEIGHTS.zh : VERIFIER_WEIGHTS.en, x);
        expect(verify(x, ideographic)).toBe(1 / (1 + Math.exp(-logit)));
      }
    }
  });
});
