// Functions that do almost nothing, so their time is the cost of the call:
// a scalar one and one that takes a typed array.
import type { f64 } from 'tsnative';

/** @native */
export function add(a: f64, b: f64): f64 {
  return a + b;
}

/** The first element. @native */
export function head(xs: Float64Array): f64 {
  return xs[0];
}
