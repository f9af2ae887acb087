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
 * Trees in flat arrays, node by node (feature -1 on a leaf): walking them reads no objects. The
 * same comparisons and the same sum in the same order as boostedLogit.
 */
interface FlatTrees {
  bias: number;
  roots: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
}

function flatten(model: BoostedTrees): FlatTrees {
  const nodes: TreeNode[] = [];
  const number = (node: TreeNode): number => {
    const at = nodes.length;
    nodes.push(node);
    if (node.f !== undefined) {
      number(node.l!);
      number(node.r!);
    }
    return at;
  };
  const roots = Int32Array.from(model.trees.map(number));
  const at = new Map(nodes.map((n, i) => [n, i]));
  return {
    bias: model.bias,
    roots,
    feature: Int32Array.from(nodes, (n) => (n.f === undefined ? -1 : n.f)),
    // An absent threshold compares false, as undefined did; an absent leaf value adds NaN, as undefined did.
    threshold: Float64Array.from(nodes, (n) => n.t ?? Number.NaN),
    left: Int32Array.from(nodes, (n) => (n.f === undefined ? -1 : at.get(n.l!)!)),
    right: Int32Array.from(nodes, (n) => (n.f === undefined ? -1 : at.get(n.r!)!)),
    value: Float64Array.from(nodes, (n) => n.v ?? Number.NaN),
  };
}

function flatLogit(model: FlatTrees, x: ArrayLike<number>): number {
  const { roots, feature, threshold, left, right, value } = model;
  let z = model.bias;
  for (let k = 0; k < roots.length; k++) {
    let i = roots[k]!;
    for (let f = feature[i]!; f >= 0; f = feature[i]!) i = x[f]! < threshold[i]! ? left[i]! : right[i]!;
    z += value[i]!;
  }
  return z;
}

/** The committed weights, flattened on first use (they never change; weights fitted at run time are walked as trees). */
let committed: { en: FlatTrees; zh: FlatTrees } | undefined;

/** The match score in [0,1]. */
export function verify(features: Float64Array, ideographic: boolean, weights: VerifierWeights = active): number {
  if (!isCurrent(weights)) return features[0]!;
  if (weights === VERIFIER_WEIGHTS) {
    committed ??= { en: flatten(weights.en), zh: flatten(weights.zh) };
    return 1 / (1 + Math.exp(-flatLogit(ideographic ? committed.zh : committed.en, features)));
  }
  return 1 / (1 + Math.exp(-boostedLogit(ideographic ? weights.zh : weights.en, features)));
}
