// prange loops and their reductions, compared with the sequential JS.
import { prange } from 'tsnative';
import type { f64, i32, u32 } from 'tsnative';

/** @native */
export function parallelSum(xs: Float64Array): f64 {
  let s = 0;
  for (const i of prange(xs.length)) s += xs[i];
  return s;
}

/** @native */
export function parallelMinMax(xs: Float64Array): f64 {
  let lo = Infinity;
  let hi = -Infinity;
  for (const i of prange(xs.length)) {
    lo = Math.min(lo, xs[i]);
    hi = Math.max(xs[i], hi);
  }
  return hi - lo;
}

/** @native */
export function parallelCount(xs: Int32Array, limit: i32): f64 {
  let n = 0;
  let bits = 0;
  let all = -1;
  let x: u32 = 0;
  for (const i of prange(xs.length)) {
    if (xs[i] > limit) n++;
    bits |= xs[i];
    all &= xs[i];
    x ^= xs[i];
  }
  return n + (bits ^ all ^ x);
}

/** @native */
export function parallelHistogram(xs: Float64Array, bins: Int32Array): void {
  // Each iteration owns one bin: no races.
  for (const b of prange(bins.length)) {
    let c = 0;
    for (let i = 0; i < xs.length; i++) {
      if (Math.floor(xs[i]) === b) c++;
    }
    bins[b] = c;
  }
}

/** @native */
export function parallelProduct(xs: Float64Array, lo: i32, hi: i32, step: i32): f64 {
  let p = 1;
  let m = 0;
  // Bounds within ±64 of the array keep the trip count small for any input.
  for (const i of prange(Math.max(-64, Math.min(lo, 64)), Math.max(-64, Math.min(hi, 64)), step === 0 ? 1 : step)) {
    if (i < 0 || i >= xs.length) continue;
    p *= xs[i];
    m -= xs[i];
  }
  return p + m;
}

/** @native */
export function parallelThrows(xs: Float64Array): f64 {
  let s = 0;
  for (const i of prange(xs.length)) {
    if (xs[i] < -100) throw new RangeError('below -100');
    if (xs[i] < 0) throw new TypeError('negative');
    s += xs[i];
  }
  return s;
}

/** @native */
export function parallelNested(out: Float64Array, n: i32): void {
  const m = Math.min(n, 16);
  for (const i of prange(m)) {
    for (const j of prange(m)) {
      if (i * m + j < out.length) out[i * m + j] = i - j * 0.5;
    }
  }
}
