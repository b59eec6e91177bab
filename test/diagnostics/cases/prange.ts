// prange loops refuse what iterations running in parallel cannot honour.
import { prange } from 'tsnative';
import type { f64, i32 } from 'tsnative';

/** @native */
export function writesShared(xs: Float64Array): f64 {
  let last = 0;
  for (const i of prange(xs.length)) last = xs[i]; // expect: TSN1401
  return last;
}

/** @native */
export function breaksOut(xs: Float64Array): f64 {
  for (const i of prange(xs.length)) {
    if (xs[i] > 0) break; // expect: TSN1402
  }
  return 0;
}

/** @native */
export function returnsOut(xs: Float64Array): f64 {
  for (const i of prange(xs.length)) {
    if (xs[i] > 0) return xs[i]; // expect: TSN1402
  }
  return 0;
}

/** @native */
export function readsPartial(xs: Float64Array): f64 {
  let s = 0;
  for (const i of prange(xs.length)) {
    s += xs[i];
    if (s > 10) xs[i] = 0; // expect: TSN1403
  }
  return s;
}

/** @native */
export function twoOperators(xs: Float64Array): f64 {
  let s = 0;
  for (const i of prange(xs.length)) {
    s += xs[i];
    s *= 2; // expect: TSN1404
  }
  return s;
}

/** @native */
export function allocates(n: i32): f64 {
  let s = 0;
  for (const i of prange(n)) {
    const tmp = new Float64Array(4); // expect: TSN1405
    s += tmp.length + i;
  }
  return s;
}

/** @native */
export function fractionalBound(n: f64): f64 {
  let s = 0;
  for (const i of prange(n / 2)) s += i; // expect: TSN1406
  return s;
}

/** @native */
export function stillCompiles(xs: Float64Array): f64 {
  let s = 0;
  for (const i of prange(xs.length)) s += xs[i];
  return s;
}
