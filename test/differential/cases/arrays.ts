// Typed arrays made and reshaped inside compiled code, returned to JS, swapped
// and aliased, compared with JS.
import type { f64, i32 } from 'tsnative';

/** @native */
export function cumulative(xs: Float64Array): Float64Array {
  const out = new Float64Array(xs.length);
  let acc = 0;
  for (let i = 0; i < xs.length; i++) {
    acc += xs[i];
    out[i] = acc;
  }
  return out;
}

/** @native */
export function quantize(xs: Float64Array): Uint8ClampedArray {
  const out = new Uint8ClampedArray(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = xs[i] * 17;
  return out;
}

/** @native */
export function fillRanges(xs: Int32Array, v: f64, start: i32, end: i32): Int32Array {
  xs.fill(v, start, end);
  return xs.fill(7, -2);
}

/** @native */
export function setConverts(src: Float64Array, dst: Int16Array, offset: i32): f64 {
  if (offset < 0 || offset + src.length > dst.length) return -1;
  dst.set(src, offset);
  return dst.length;
}

/** @native */
export function subarraySum(xs: Float64Array, start: i32, end: i32): f64 {
  const part = xs.subarray(start, end);
  let s = 0;
  for (const v of part) s += v;
  if (part.length > 0) part[0] = 99;
  return s + part.length;
}

/** @native */
export function overlappingSet(xs: Float64Array): void {
  if (xs.length < 3) return;
  xs.set(xs.subarray(0, xs.length - 2), 2);
}

/** @native */
export function swapBuffers(xs: Float64Array, steps: i32): Float64Array {
  let a = xs;
  let b: Float64Array = new Float64Array(xs.length);
  for (let s = 0; s < steps % 8; s++) {
    for (let i = 1; i + 1 < a.length; i++) b[i] = (a[i - 1] + a[i] + a[i + 1]) / 3;
    const t = a;
    a = b;
    b = t;
  }
  return a;
}

/** @native */
export function aliasing(xs: Float64Array): f64 {
  const ys = xs.subarray(1);
  for (let i = 0; i < ys.length; i++) ys[i] = xs[i] * 2 + ys[i];
  return xs.length > 0 ? xs[xs.length - 1] : 0;
}

/** @native */
export function fannkuch(n: i32): i32 {
  const perm = new Int32Array(n);
  const perm1 = new Int32Array(n);
  const count = new Int32Array(n);
  for (let i = 0; i < n; i++) perm1[i] = i;
  let maxFlips = 0;
  let checksum = 0;
  let permCount = 0;
  let r = n;
  for (;;) {
    while (r !== 1) {
      count[r - 1] = r;
      r--;
    }
    perm.set(perm1);
    let flips = 0;
    let k = perm[0];
    while (k !== 0) {
      let i = 0;
      let j = k;
      while (i < j) {
        const t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
        i++;
        j--;
      }
      flips++;
      k = perm[0];
    }
    if (flips > maxFlips) maxFlips = flips;
    checksum += permCount % 2 === 0 ? flips : -flips;
    for (;;) {
      if (r === n) return maxFlips * 1000 + checksum;
      const perm0 = perm1[0];
      for (let i = 0; i < r; i++) perm1[i] = perm1[i + 1];
      perm1[r] = perm0;
      count[r]--;
      if (count[r] > 0) break;
      r++;
    }
    permCount++;
  }
}

/** Two kinds of view over one buffer: stores through one are seen through the other. @native */
export function punning(words: Int32Array, doubles: Float64Array): f64 {
  let s = 0;
  for (let i = 0; i < doubles.length && 2 * i + 1 < words.length; i++) {
    words[2 * i] = i;
    s += doubles[i];
    words[2 * i + 1] = 1072693248;
    s += doubles[i];
  }
  return s;
}
