import type { BoostedTrees, TreeNode } from '../matching/verifier.js';
import type { LabelledRow } from './logisticRegression.js';

/**
 * Gradient-boosted regression trees for logistic loss (Friedman's LogitBoost-style Newton steps),
 * small and deterministic: the same rows give the same trees on any machine. Shallow trees let the
 * verifier learn what a linear model cannot, e.g. that the margin over the runner-up matters in a
 * large database and hardly in a small one.
 */
export interface BoostOptions {
  trees: number;
  depth: number;
  /** Shrinkage per tree. */
  rate: number;
  /** Fewest total sample weight in a leaf, as a share of all weight. */
  minLeafShare: number;
  /** L2 penalty on leaf values (in units of hessian weight). */
  lambda: number;
}

export function fitBoostedTrees(rows: readonly LabelledRow[], dims: number, options: BoostOptions): BoostedTrees {
  const n = rows.length;
  const w = rows.map((r) => r.w ?? 1);
  const totalW = w.reduce((s, v) => s + v, 0);
  const posW = rows.reduce((s, r, i) => s + (r.y === 1 ? w[i]! : 0), 0);
  const p0 = Math.min(0.99, Math.max(0.01, posW / totalW));
  const bias = Math.log(p0 / (1 - p0));
  const logit = new Float64Array(n).fill(bias);
  const minLeaf = options.minLeafShare * totalW;
  // Candidate thresholds per feature: midpoints between distinct sorted values (at most 64 quantiles).
  const cuts: number[][] = [];
  for (let f = 0; f < dims; f++) {
    const values = [...new Set(rows.map((r) => r.x[f]!))].sort((a, b) => a - b);
    const step = Math.max(1, Math.floor(values.length / 64));
    const c: number[] = [];
    for (let i = step; i < values.length; i += step) c.push((values[i - 1]! + values[i]!) / 2);
    cuts.push(c);
  }
  const trees: TreeNode[] = [];
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  for (let t = 0; t < options.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-logit[i]!));
      g[i] = (rows[i]!.y - p) * w[i]!;
      h[i] = Math.max(p * (1 - p), 1e-6) * w[i]!;
    }
    const all = Array.from({ length: n }, (_, i) => i);
    const tree = grow(all, options.depth);
    trees.push(tree);
    for (let i = 0; i < n; i++) {
      let node = tree;
      while (node.f !== undefined) node = rows[i]!.x[node.f]! < node.t! ? node.l! : node.r!;
      logit[i] = logit[i]! + node.v!;
    }
  }
  return { bias: round(bias), trees };

  function leaf(idx: readonly number[]): TreeNode {
    let sg = 0;
    let sh = 0;
    for (const i of idx) {
      sg += g[i]!;
      sh += h[i]!;
    }
    return { v: round((options.rate * sg) / (sh + options.lambda * totalW * 1e-3)) };
  }

  function grow(idx: number[], depth: number): TreeNode {
    if (depth === 0) return leaf(idx);
    let best: { f: number; t: number; gain: number } | undefined;
    let sg = 0;
    let sh = 0;
    let sw = 0;
    for (const i of idx) {
      sg += g[i]!;
      sh += h[i]!;
      sw += w[i]!;
    }
    const reg = options.lambda * totalW * 1e-3;
    const parent = (sg * sg) / (sh + reg);
    for (let f = 0; f < dims; f++) {
      const sorted = [...idx].sort((a, b) => rows[a]!.x[f]! - rows[b]!.x[f]!);
      let lg = 0;
      let lh = 0;
      let lw = 0;
      let k = 0;
      for (const cut of cuts[f]!) {
        while (k < sorted.length && rows[sorted[k]!]!.x[f]! < cut) {
          const i = sorted[k]!;
          lg += g[i]!;
          lh += h[i]!;
          lw += w[i]!;
          k++;
        }
        if (lw < minLeaf || sw - lw < minLeaf) continue;
        const gain = (lg * lg) / (lh + reg) + ((sg - lg) * (sg - lg)) / (sh - lh + reg) - parent;
        if (!best || gain > best.gain + 1e-12) best = { f, t: cut, gain };
      }
    }
    if (!best || best.gain <= 1e-9) return leaf(idx);
    const left = idx.filter((i) => rows[i]!.x[best.f]! < best.t);
    const right = idx.filter((i) => rows[i]!.x[best.f]! >= best.t);
    return { f: best.f, t: round(best.t), l: grow(left, depth - 1), r: grow(right, depth - 1) };
  }
}

const round = (v: number): number => Math.round(v * 1e6) / 1e6;
