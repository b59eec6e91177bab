// The module both annotate tests read: one function per kind of run-time
// work (bounds checks, none, a parallel reduction, conversions, a throw and an
// allocation), one diagnostic, and code outside any @native function.
// Line numbers matter to the tests: add lines at the end only.
export const ANNOTATE_SOURCE = `import type { f64, i32 } from 'tsnative';
import { prange } from 'tsnative';

/** Dot product: every read is bounds-checked. @native */
export function dot(a: Float64Array, b: Float64Array): f64 {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** The same loop without the checks. @native noboundscheck */
export function dotUnchecked(a: Float64Array, b: Float64Array): f64 {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Sum of squares on every core. @native */
export function sumsq(xs: Float64Array): f64 {
  let s = 0;
  for (const i of prange(xs.length)) s += xs[i] * xs[i];
  return s;
}

/** Counts of values in [0, 1) over equal bins. @native */
export function histogram(xs: Float64Array, bins: i32): Int32Array {
  if (bins <= 0) throw new RangeError('bins must be positive');
  const counts = new Int32Array(bins);
  for (const x of xs) {
    const b = Math.min(bins - 1, Math.floor(x * bins));
    counts[b] = counts[b] + 1;
  }
  return counts;
}

/** @native */
export function noisy(n: i32): f64 {
  return Math.random() * n;
}

// Not marked: stays JavaScript.
export function mean(xs: Float64Array): number {
  return xs.length === 0 ? 0 : dot(xs, new Float64Array(xs.length).fill(1)) / xs.length;
}
`;

/** The lines the tests look at. */
export const LINES = {
  dotDecl: 5,
  dotLoop: 7,
  uncheckedLoop: 14,
  prange: 21,
  throws: 27,
  alloc: 28,
  histogramStore: 31,
  diagnostic: 38,
  plainCall: 43,
};
