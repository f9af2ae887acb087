import { FEATURE_NAMES } from './features.js';
import WEIGHTS from './verifierWeights.json' with { type: 'json' };

/**
 * The match score: roughly the probability that the message carries the claim. A small ensemble
 * of shallow boosted trees over the match features (features.ts), fitted on the development sets
 * by `npm run eval -- --fit` (src/eval/fitVerifier.ts) and committed as verifierWeights.json.
 * Chinese and English phrases have their own trees: character pairs and stemmed words overlap
 * differently in a paraphrase.
 */
export interface TreeNode {
  /** Feature index; absent on a leaf. */
  f?: number;
  /** Go left when x[f] < t. */
  t?: number;
  l?: TreeNode;
  r?: TreeNode;
  /** Leaf value (added to the logit). */
  v?: number;
}

export interface BoostedTrees {
  bias: number;
  trees: TreeNode[];
}

export interface VerifierWeights {
  /** FEATURE_NAMES at fitting time; a mismatch means the weights are stale. */
  features: readonly string[];
  en: BoostedTrees;
  zh: BoostedTrees;
  /** How it was fitted: command, data, options. */
  fitted: Record<string, unknown>;
}

export const VERIFIER_WEIGHTS = WEIGHTS as unknown as VerifierWeights;

/**
 * Whether weights fit today's features. Stale weights (features added or removed since the last
 * fit) would score nonsense; until `npm run eval -- --fit` is run again, coverage stands in.
 */
export const weightsAreCurrent = (weights: VerifierWeights): boolean => weights.features.join(',') === FEATURE_NAMES.join(',');

/** weightsAreCurrent per weights object: joining the names on every call cost as much as the trees. */
const currentness = new WeakMap<VerifierWeights, boolean>();
function isCurrent(weights: VerifierWeights): boolean {
  let current = currentness.get(weights);
  if (current === undefined) {
    current = weightsAreCurrent(weights);
    currentness.set(weights, current);
  }
  return current;
}

/** Sum of the trees' leaf values for x, plus the bias: the logit. */
export function boostedLogit(model: BoostedTrees, x: ArrayLike<number>): number {
  let z = model.bias;
  for (const tree of model.trees) {
    let node = tree;
    while (node.f !== undefined) node = x[node.f]! < node.t! ? node.l! : node.r!;
    z += node.v!;
  }
  return z;
}

let active: VerifierWeights = VERIFIER_WEIGHTS;

/**
 * Runs `fn` with other weights in place of the committed ones: the cross-validation scores each
 * fold with weights fitted without it (`rumorguard eval --cv`). Synchronous, so nothing else
 * matches meanwhile.
 */
export function withVerifierWeights<T>(weights: VerifierWeights, fn: () => T): T {
  const before = active;
  active = weights;
  try {
    return fn();
  } finally {
    active = before;
  }
}

/**
 * Trees of depth two at most (as fitted) in flat arrays, each padded to a full tree: a leaf above
 * the bottom becomes a split whose two leaves hold its value. Walking them reads no objects and
 * takes no branch: which way a split goes is a coin toss, and the mispredictions cost more than
 * the comparisons. The same comparisons and the same sum in the same order as boostedLogit.
 */
interface FlatTrees {
  bias: number;
  /** Per tree k: the root's feature and threshold at k, its children's at 2k and 2k + 1. */
  rootFeature: Int32Array;
  rootThreshold: Float64Array;
  childFeature: Int32Array;
  childThreshold: Float64Array;
  /** Per tree k: its leaves at 4k to 4k + 3, left to right. */
  leaf: Float64Array;
}

/** Whether every tree has depth two at most, so it can be padded to a full one. */
const shallow = (model: BoostedTrees): boolean =>
  model.trees.every((t) => t.f === undefined || [t.l!, t.r!].every((c) => c.f === undefined || (c.l!.f === undefined && c.r!.f === undefined)));

function flatten(model: BoostedTrees): FlatTrees {
  const n = model.trees.length;
  const flat: FlatTrees = {
    bias: model.bias,
    rootFeature: new Int32Array(n),
    rootThreshold: new Float64Array(n),
    childFeature: new Int32Array(2 * n),
    childThreshold: new Float64Array(2 * n),
    leaf: new Float64Array(4 * n),
  };
  // A leaf stands in for a split on feature 0 whose two sides are itself. An absent threshold
  // compares false, as undefined did; an absent leaf value adds NaN, as undefined did.
  const split = (node: TreeNode): [number, number, TreeNode, TreeNode] =>
    node.f === undefined ? [0, 0, node, node] : [node.f, node.t ?? Number.NaN, node.l!, node.r!];
  model.trees.forEach((tree, k) => {
    const [f, t, l, r] = split(tree);
    flat.rootFeature[k] = f;
    flat.rootThreshold[k] = t;
    [l, r].forEach((child, side) => {
      const [cf, ct, cl, cr] = split(child);
      flat.childFeature[2 * k + side] = cf;
      flat.childThreshold[2 * k + side] = ct;
      flat.leaf[4 * k + 2 * side] = cl.v ?? Number.NaN;
      flat.leaf[4 * k + 2 * side + 1] = cr.v ?? Number.NaN;
    });
  });
  return flat;
}

function flatLogit(model: FlatTrees, x: ArrayLike<number>): number {
  const { rootFeature, rootThreshold, childFeature, childThreshold, leaf } = model;
  let z = model.bias;
  for (let k = 0; k < rootFeature.length; k++) {
    // 0 to go left (x < threshold), 1 to go right, as numbers rather than branches.
    const side = 1 - +(x[rootFeature[k]!]! < rootThreshold[k]!);
    const child = 2 * k + side;
    const last = 1 - +(x[childFeature[child]!]! < childThreshold[child]!);
    z += leaf[2 * child + last]!;
  }
  return z;
}

/**
 * The committed weights, flattened on first use (they never change; weights fitted at run time are
 * walked as trees); null when they hold a deeper tree, which is walked as a tree too.
 */
let committed: { en: FlatTrees; zh: FlatTrees } | null | undefined;

/** The match score in [0,1]. */
export function verify(features: Float64Array, ideographic: boolean, weights: VerifierWeights = active): number {
  if (!isCurrent(weights)) return features[0]!;
  if (weights === VERIFIER_WEIGHTS) {
    if (committed === undefined) committed = shallow(weights.en) && shallow(weights.zh) ? { en: flatten(weights.en), zh: flatten(weights.zh) } : null;
    if (committed) return 1 / (1 + Math.exp(-flatLogit(ideographic ? committed.zh : committed.en, features)));
  }
  return 1 / (1 + Math.exp(-boostedLogit(ideographic ? weights.zh : weights.en, features)));
}
