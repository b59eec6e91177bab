// The options after @native, and the one documented difference of checked
// indexing (an out-of-bounds index throws where JS reads undefined).
import type { f64, i32, u8 } from 'tsnative';

/** @native overflowcheck */
export function checkedSum(xs: Int32Array): i32 {
  let s: i32 = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
}

/** @native overflowcheck */
export function checkedByte(x: f64): u8 {
  const b: u8 = Math.floor(x);
  return b;
}

/** @native overflowcheck */
export function checkedCounter(n: i32): i32 {
  let k: i32 = 2147483600;
  for (let i = 0; i < n; i++) k++;
  return k;
}

/** @native noboundscheck */
export function uncheckedDot(a: Float64Array, b: Float64Array): f64 {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** @native */
export function readAt(xs: Float64Array, i: i32): f64 {
  return xs[i];
}

/** @native fastmath */
export function fastSum(xs: Float64Array): f64 {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
}

/** @native */
export function readPair(a: Float64Array, b: Float64Array): f64 {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** An affine index: the range test before the loop picks the unchecked copy. @native */
export function sumRow(a: Float64Array, row: i32, n: i32): f64 {
  let s = 0;
  for (let j = 0; j < n; j++) s += a[row * n + j];
  return s;
}
