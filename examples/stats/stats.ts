// Reductions over a Float64Array: the hello-world of tsnative.
import type { f64 } from 'tsnative';

/** Dot product of two equal-length vectors. @native */
export function dot(a: Float64Array, b: Float64Array): f64 {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Sum of squares. @native */
export function sumsq(xs: Float64Array): f64 {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] * xs[i];
  return s;
}

/** Population variance, calling another native function. @native */
export function variance(xs: Float64Array): f64 {
  if (xs.length === 0) return 0;
  let mean = 0;
  for (let i = 0; i < xs.length; i++) mean += xs[i];
  mean /= xs.length;
  return sumsq(xs) / xs.length - mean * mean;
}
