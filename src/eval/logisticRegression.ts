/**
 * L2-regularized logistic regression fitted by Newton's method (iteratively reweighted least
 * squares). Deterministic: the same pairs give the same weights on any machine, so the committed
 * weights can be reproduced by running the fit again.
 */
export interface LogisticFit {
  bias: number;
  weights: number[];
  iterations: number;
}

export interface LabelledRow {
  x: ArrayLike<number>;
  y: 0 | 1;
  /** Sample weight. @defaultValue 1 */
  w?: number;
}

/**
 * Fits p(y=1 | x) = σ(bias + weights·x). `lambda` penalizes the weights (not the bias) in units
 * of the total sample weight, so it means the same whatever the number of rows.
 */
export function fitLogistic(rows: readonly LabelledRow[], dims: number, lambda: number, maxIterations = 50): LogisticFit {
  const n = dims + 1;
  const beta = new Float64Array(n);
  const totalWeight = rows.reduce((s, r) => s + (r.w ?? 1), 0) || 1;
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const grad = new Float64Array(n);
    const hess = Array.from({ length: n }, () => new Float64Array(n));
    const row = new Float64Array(n);
    for (const r of rows) {
      row[0] = 1;
      for (let j = 0; j < dims; j++) row[j + 1] = r.x[j]!;
      let z = 0;
      for (let j = 0; j < n; j++) z += beta[j]! * row[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const w = (r.w ?? 1) / totalWeight;
      const g = (p - r.y) * w;
      const h = Math.max(p * (1 - p), 1e-9) * w;
      for (let j = 0; j < n; j++) {
        grad[j] = grad[j]! + g * row[j]!;
        const hj = hess[j]!;
        for (let k = 0; k <= j; k++) hj[k] = hj[k]! + h * row[j]! * row[k]!;
      }
    }
    for (let j = 0; j < n; j++) for (let k = 0; k < j; k++) hess[k]![j] = hess[j]![k]!;
    for (let j = 1; j < n; j++) {
      grad[j] = grad[j]! + lambda * beta[j]!;
      hess[j]![j] = hess[j]![j]! + lambda;
    }
    const step = solve(hess, grad);
    let change = 0;
    for (let j = 0; j < n; j++) {
      beta[j] = beta[j]! - step[j]!;
      change = Math.max(change, Math.abs(step[j]!));
    }
    if (change < 1e-9) break;
  }
  return { bias: beta[0]!, weights: Array.from(beta.subarray(1)), iterations };
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const m = a.map((row, i) => {
    const r = new Float64Array(n + 1);
    r.set(row);
    r[n] = b[i]!;
    return r;
  });
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    if (Math.abs(p) < 1e-15) continue;
    for (let r = col + 1; r < n; r++) {
      const f = m[r]![col]! / p;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) m[r]![c] = m[r]![c]! - f * m[col]![c]!;
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let c = r + 1; c < n; c++) s -= m[r]![c]! * x[c]!;
    const p = m[r]![r]!;
    x[r] = Math.abs(p) < 1e-15 ? 0 : s / p;
  }
  return x;
}
