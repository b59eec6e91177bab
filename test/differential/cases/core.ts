// Functions a user writes with the first slice of the subset. Each runs as JS
// and as native code on the same inputs; results and arrays must be identical.
import type { f64, i32, u32 } from 'tsnative';

const OFFSET = 3;
const HALF = 0.5;

/** @native */
export function dot(a: Float64Array, b: Float64Array): f64 {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** @native */
export function sumsq(xs: Float64Array): number {
  let s = 0;
  let i = 0;
  while (i < xs.length) {
    s += xs[i] * xs[i];
    i++;
  }
  return s;
}

/** @native */
export function arith(a: f64, b: f64): f64 {
  return ((a + b) * (a - b)) / (b + HALF) + (a % b) - -a;
}

/** @native */
export function compareAll(a: f64, b: f64): i32 {
  let r = 0;
  if (a < b) r += 1;
  if (a <= b) r += 2;
  if (a > b) r += 4;
  if (a >= b) r += 8;
  if (a === b) r += 16;
  if (a !== b) r += 32;
  if (!(a < b) && a !== a) r += 64;
  return r;
}

/** @native */
export function mathBasics(x: f64, y: f64): f64 {
  return Math.sqrt(Math.abs(x)) + Math.floor(y) - Math.ceil(x) + Math.min(x, y) * 3 - Math.max(y, x, OFFSET);
}

/** @native */
export function minMaxSigns(x: f64, y: f64): f64 {
  // -0 and NaN must come through exactly: 1/-0 is -Infinity.
  return 1 / Math.min(x, y) + 1 / Math.max(x, y);
}

/** @native */
export function intArith(a: i32, b: i32): i32 {
  const s = a + b;
  const d = a - b;
  return ((s ^ d) + Math.imul(a, b)) | 0;
}

/** @native */
export function u32Ops(a: u32, b: u32): u32 {
  return ((a >>> 3) ^ (b << 5)) >>> 0;
}

/** @native */
export function shifts(a: i32, n: i32): f64 {
  return (a << n) + (a >> n) + (a >>> n) + ~a;
}

/** @native */
export function toInt32(x: f64): i32 {
  return x | 0;
}

/** @native */
export function toUint32(x: f64): u32 {
  return x >>> 0;
}

/** @native */
export function boolLogic(a: boolean, b: boolean, x: f64): boolean {
  return (a && !b) || (x > 0 && a === b);
}

/** @native */
export function truthiness(x: f64): i32 {
  let r = 0;
  if (x) r = 1;
  if (!x) r += 2;
  return x ? r : -r;
}

/** @native */
export function countAbove(xs: Int32Array, limit: i32): i32 {
  let n = 0;
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] > limit) n++;
  }
  return n;
}

/** @native */
export function scaleInPlace(xs: Float32Array, k: f64): void {
  for (let i = 0; i < xs.length; i++) xs[i] *= k;
}

/** @native */
export function bytesToWords(src: Float64Array, bytes: Uint8Array, words: Int32Array): void {
  for (let i = 0; i < src.length; i++) {
    bytes[i] = src[i];
    words[i] = src[i] * 1000;
  }
}

/** @native */
export function prefixSums(xs: Float64Array, out: Float64Array): f64 {
  let acc = 0;
  for (let i = 0; i < xs.length; i++) {
    acc += xs[i];
    out[i] = acc;
  }
  return acc;
}

/** @native */
export function reverseInPlace(xs: Int32Array): void {
  let i = 0;
  let j = xs.length - 1;
  while (i < j) {
    const t = xs[i];
    xs[i] = xs[j];
    xs[j] = t;
    i++;
    j--;
  }
}

/** @native */
export function firstIndexOf(xs: Float64Array, v: f64): i32 {
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] === v) return i;
  }
  return -1;
}

/** @native */
export function nestedLoops(n: i32): f64 {
  let s = 0;
  outer: for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (j > i) continue outer;
      if (i * j > 50) break outer;
      s += i - j;
    }
  }
  return s;
}

/** @native */
export function doWhileCountdown(n: u32): f64 {
  let k = n % 40;
  let steps = 0;
  do {
    steps += k;
    k--;
  } while (k > 0);
  return steps;
}

/** @native */
function square(x: f64): f64 {
  return x * x;
}

/** @native */
export function hypotenuse(a: f64, b: f64): f64 {
  return Math.sqrt(square(a) + square(b));
}

/** @native */
export function fib(n: u32): f64 {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

/** @native */
export function ternaryMix(c: boolean, a: i32, b: f64): f64 {
  return c ? a : b;
}

/** @native */
export function compound(x: f64): f64 {
  let y = x;
  y += 1;
  y -= 0.25;
  y *= 3;
  y /= 7;
  y %= 5;
  return y;
}

/** @native */
export function intCompound(a: i32): i32 {
  let x: i32 = a;
  x += 7;
  x *= 3;
  x -= a;
  x |= 1;
  x &= 0xffff;
  x ^= a;
  x <<= 2;
  x >>= 1;
  return x;
}

/** @native */
export function updates(xs: Float64Array): f64 {
  let k = 0;
  for (let i = 0; i < xs.length; i++) {
    xs[i]++;
    ++xs[i];
    xs[i]--;
    k += xs[i]--;
  }
  return k;
}

/** @native */
export function empty(xs: Float64Array): i32 {
  return xs.length;
}
