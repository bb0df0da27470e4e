/**
 * The indices of the first `n` of `count` items in the order `cmp` gives them, without sorting
 * them all: each item costs one comparison against the current n-th best unless it beats it.
 * `cmp` must be a total order (no two items equal) for the answer to match a full sort's first n.
 */
export function topN(count: number, n: number, cmp: (i: number, j: number) => number): number[] {
  if (n <= 0) return [];
  // When most items are kept anyway, one sort is cheaper than many insertions.
  if (n * 4 >= count) return Array.from({ length: count }, (_, i) => i).sort(cmp).slice(0, n);
  const best: number[] = [];
  for (let x = 0; x < count; x++) {
    if (best.length === n && cmp(x, best[n - 1]!) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(x, best[mid]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    best.splice(lo, 0, x);
    if (best.length > n) best.pop();
  }
  return best;
}
