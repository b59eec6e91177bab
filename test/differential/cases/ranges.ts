// Integers the compiler proves from value ranges (compiler/ir/range.ts) and
// from the tests that guard an index (compiler/ir/opt/guarded-index.ts).
import type { f64, i32 } from 'tsnative';
import { prange } from 'tsnative';

const PARTS = 7;

/** A histogram cut into PARTS rows: Math.ceil of a bounded length, products of bounded integers. @native */
export function chunkedCounts(xs: Float64Array, scale: f64, counts: Int32Array): void {
  const bins = counts.length;
  const per = Math.ceil(xs.length / PARTS);
  const rows = new Int32Array(PARTS * bins);
  for (const c of prange(PARTS)) {
    const end = Math.min(xs.length, (c + 1) * per);
    for (let i = c * per; i < end; i++) {
      const b = Math.floor(xs[i] * scale);
      if (b >= 0 && b < bins) rows[c * bins + b]++;
    }
  }
  counts.fill(0);
  for (let c = 0; c < PARTS; c++) for (let b = 0; b < bins; b++) counts[b] += rows[c * bins + b];
}

/** Inside the guard b may still be -0 as a value, while it indexes as 0. @native */
export function guardedValue(xs: Float64Array, out: Float64Array): void {
  for (let i = 0; i < xs.length; i++) {
    const b = Math.ceil(xs[i]);
    if (b >= 0 && b < out.length) out[b] = b * 2;
    if (-1 < b && b <= 3 && b < out.length) out[b] *= 1 - b;
  }
}

/** Roundings whose range includes negatives keep -0 (they stay doubles). @native */
export function roundingsOfNegatives(n: i32): f64 {
  const a = Math.ceil(n / 8);
  const b = Math.trunc(-n / 3);
  const c = Math.round(n / 16);
  return 1 / a + 1 / b + 1 / c;
}

/** Products whose range stays exact are int64; wider ones and possible -0 stay doubles. @native */
export function products(a: Int32Array, k: i32): f64 {
  let s = 0;
  for (const i of prange(a.length)) {
    const j = (i + 1) * 3;
    s += j * 2 + a[i] * k;
  }
  const z = 0 * k;
  return s + 1 / z;
}

/** A local of the loop body in an index: not an invariant of the loop. @native */
export function bodyLocalIndex(a: Float64Array, idx: Int32Array): f64 {
  let s = 0;
  for (let j = 0; j < idx.length; j++) {
    const k = idx[j];
    s += a[k + j];
  }
  return s;
}

/** `<=` loops over a window, indices with a literal factor (affine.ts versions each loop on one test). @native */
export function windowSums(img: Float64Array, w: i32, h: i32, r: i32, out: Float64Array): void {
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const y0 = Math.max(0, y - r);
      const y1 = Math.min(h - 1, y + r);
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(w - 1, x + r);
      let s = 0;
      for (let yy = y0; yy <= y1; yy++) {
        for (let xx = x0; xx <= x1; xx++) s += img[(yy * w + xx) * 2 + 1];
      }
      out[(y * w + x) * 2] = s;
    }
  }
}
