// Reductions over a Float64Array: the hello-world of tsnative. `prange` loops
// run on every core; a float sum then adds in another order than JS does
// (within rounding of the JS result), while min/max stay exact.
import type { f64 } from 'tsnative';
import { prange } from 'tsnative';

/** Dot product of two equal-length vectors. @native */
export function dot(a: Float64Array, b: Float64Array): f64 {
  let s = 0;
  for (const i of prange(a.length)) s += a[i] * b[i];
  return s;
}

/** Sum of squares. @native */
export function sumsq(xs: Float64Array): f64 {
  let s = 0;
  for (const i of prange(xs.length)) s += xs[i] * xs[i];
  return s;
}

/** Largest minus smallest element (0 for an empty array). @native */
export function spread(xs: Float64Array): f64 {
  if (xs.length === 0) return 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const i of prange(xs.length)) {
    lo = Math.min(lo, xs[i]);
    hi = Math.max(hi, xs[i]);
  }
  return hi - lo;
}

/** Population variance, calling another native function. @native */
export function variance(xs: Float64Array): f64 {
  if (xs.length === 0) return 0;
  let mean = 0;
  for (let i = 0; i < xs.length; i++) mean += xs[i];
  mean /= xs.length;
  return sumsq(xs) / xs.length - mean * mean;
}
