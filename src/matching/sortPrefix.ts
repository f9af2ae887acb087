/**
 * Sorts the first `n` entries of `a` ascending, in place, and returns `a`. Up to `insertionMax`
 * entries by insertion (cheaper than a subarray view and a call of the built-in sort for the few
 * a message usually has), more with the built-in sort.
 */
export function sortPrefix(a: Int32Array, n: number, insertionMax: number): Int32Array {
  if (n > insertionMax) {
    a.subarray(0, n).sort();
    return a;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i]!;
    let j = i;
    while (j > 0 && a[j - 1]! > v) {
      a[j] = a[j - 1]!;
      j--;
    }
    a[j] = v;
  }
  return a;
}
