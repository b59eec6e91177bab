// Long-running functions for offload() and worker_threads tests.
import type { f64, i32 } from 'tsnative';

/** Busy arithmetic that takes about `rounds` × 10 ms. @native */
export function spin(rounds: i32): f64 {
  let x = 0;
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < 10000000; i++) x = (x * 1.0000001 + i) % 1000003;
  }
  return x;
}

/** @native */
export function sumTo(xs: Float64Array, n: i32): f64 {
  let s = 0;
  for (let i = 0; i < n; i++) s += xs[i];
  return s;
}

/** @native */
export function scaleInPlace(xs: Float64Array, k: f64): Float64Array {
  for (let i = 0; i < xs.length; i++) xs[i] *= k;
  return xs;
}

/** @native */
export function makeArray(n: i32): Float64Array {
  return new Float64Array(n);
}
