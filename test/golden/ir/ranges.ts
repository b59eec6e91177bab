// Integers proven from value ranges and guards (compiler/ir/range.ts,
// opt/loop-ranges.ts, opt/guarded-index.ts): the histogram kernel compiles to
// int64 loop bounds and counters, and a guarded bin index.
import type { f64, i32 } from 'tsnative';
import { prange } from 'tsnative';

/** @native */
export function histogram(xs: Float64Array, scale: f64, counts: Int32Array): void {
  const bins = counts.length;
  const per = Math.ceil(xs.length / 32);
  const rows = new Int32Array(32 * bins);
  for (const c of prange(32)) {
    const end = Math.min(xs.length, (c + 1) * per);
    for (let i = c * per; i < end; i++) {
      const b = Math.floor(xs[i] * scale);
      if (b >= 0 && b < bins) rows[c * bins + b]++;
    }
  }
}

/** NaN, -0 or more than 2^53 keep a value a double. @native */
export function doubles(n: i32, m: i32, x: f64): f64 {
  const a = Math.ceil(n / 8);
  const b = Math.floor(x);
  const p = n * m;
  const z = 0 * n;
  return a + b + p + z;
}
