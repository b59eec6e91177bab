// Bounds checks that cannot fail, and loop versioning (compiler/ir/opt/bounds.ts, affine.ts).
import type { f64, i32 } from 'tsnative';
import { prange } from 'tsnative';

/** A[i] in `for (i < A.length)` needs no check and no copy. @native */
export function sum(a: Float64Array): f64 {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

/** Another array indexed by i: one length test chooses a copy without checks. @native */
export function dot(a: Float64Array, b: Float64Array): f64 {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** The same for prange(A.length). @native */
export function psum(a: Float64Array): f64 {
  let s = 0;
  for (const i of prange(a.length)) s += a[i];
  return s;
}

/** The body moves the index: every check stays. @native */
export function skips(a: Float64Array): f64 {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    s += a[i];
    i += 2;
  }
  return s;
}

/** An affine index in an inner loop: one range test per outer iteration. @native */
export function rows(a: Float64Array, c: Float64Array, n: i32): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) c[i * n + j] = a[j];
  }
}

/** A `<=` loop and a literal factor on the counter. @native */
export function strided(a: Float64Array, lo: i32, hi: i32): f64 {
  let s = 0;
  for (let x = lo; x <= hi; x++) s += a[x * 4 + 3];
  return s;
}

/** A labelled loop is not copied (labels must stay unique). @native */
export function labelled(a: Float64Array, b: Float64Array): f64 {
  let s = 0;
  outer: for (let i = 0; i < a.length; i++) {
    if (b[i] < 0) break outer;
    s += a[i];
  }
  return s;
}
