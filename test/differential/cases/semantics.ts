// SPEC §2 semantics rules, one function per rule, compared with JS bit for bit.
import type { f32, f64, i16, i32, i8, u16, u32, u8 } from 'tsnative';

const LIMIT: i32 = 7;
const NEG = -2.5;

/** @native */
export function switchFallthrough(x: i32): i32 {
  let r = 0;
  switch (x % 5) {
    case 0:
      r += 1;
    // falls through
    case 1:
      r += 10;
      break;
    case -1:
    case 3:
      r = 100;
      break;
    default:
      r = -1;
    // falls through
    case 4:
      r *= 2;
  }
  return r;
}

/** @native */
export function switchOnDouble(x: f64): f64 {
  switch (x) {
    case 0.5:
      return 1;
    case NEG:
      return 2;
    case Infinity:
      return 3;
    case LIMIT:
      return 4;
  }
  return x === x ? 0 : -0;
}

/** @native */
export function forOfSum(xs: Float32Array, ys: Int16Array): f64 {
  let s = 0;
  for (const v of xs) s += v;
  for (const w of ys) {
    if (w < 0) continue;
    s -= w;
  }
  return s;
}

/** @native */
export function numberLogic(a: f64, b: f64): f64 {
  const x = a && b;
  const y = a || b;
  return (x || 1) * 3 + (y && 2) - (a && b && 7);
}

/** @native */
export function intLogic(a: i32, b: i32): i32 {
  return (a && b) || LIMIT;
}

/** @native */
export function commaOperator(a: f64): f64 {
  let k = 0;
  const r = (k++, (k += 2), a * k);
  return r;
}

/** @native */
export function f32Locals(xs: Float32Array): f32 {
  let acc = Math.fround(0);
  for (let i = 0; i < xs.length; i++) acc = Math.fround(acc + xs[i]);
  const last = xs.length > 0 ? xs[xs.length - 1] : Math.fround(0.5);
  return Math.fround(acc * last);
}

/** @native */
export function storesConvert(
  v: f64,
  i8s: Int8Array,
  u8s: Uint8Array,
  c8s: Uint8ClampedArray,
  i16s: Int16Array,
  u16s: Uint16Array,
  u32s: Uint32Array,
  f32s: Float32Array,
): void {
  for (let i = 0; i < i8s.length; i++) {
    const x = v * (i + 1) - i * 100.5;
    i8s[i] = x;
    u8s[i] = x;
    c8s[i] = x;
    i16s[i] = x;
    u16s[i] = x;
    u32s[i] = x;
    f32s[i] = x;
  }
}

/** @native */
export function clampedArith(c: Uint8ClampedArray, k: f64): void {
  for (let i = 0; i < c.length; i++) {
    c[i] += k;
    c[i]++;
  }
}

/** @native */
export function narrowSlots(x: i32): f64 {
  const a: i8 = x;
  const b: u8 = x;
  const c: i16 = x;
  const d: u16 = x;
  const e: u32 = x;
  return a + b * 2 + c * 3 + d * 5 + e * 7;
}

/** @native */
export function roundSignClz(x: f64): f64 {
  return Math.round(x) * 1000 + Math.sign(x) * 10 + Math.clz32(x) + Math.trunc(x) / 3 + Math.fround(x);
}

/** @native */
export function roundKeepsNegZero(x: f64): f64 {
  return 1 / Math.round(x);
}

/** @native */
export function numberPredicates(x: f64): i32 {
  let r = 0;
  if (Number.isFinite(x)) r |= 1;
  if (Number.isNaN(x)) r |= 2;
  if (Number.isInteger(x)) r |= 4;
  if (Number.isSafeInteger(x)) r |= 8;
  if (x > Number.MAX_SAFE_INTEGER) r |= 16;
  if (x < Number.EPSILON && x > -Number.EPSILON) r |= 32;
  if (x === Number.POSITIVE_INFINITY || x === -Infinity) r |= 64;
  return r;
}

/** @native */
export function remainders(a: f64, b: f64): f64 {
  return (a % b) + (a % 3) * 7 + (-a % 1);
}

/** @native */
export function remainderNegZero(a: f64): f64 {
  return 1 / (a % 1);
}

/** @native */
export function intDivision(a: i32, b: i32): i32 {
  return (a / b) | 0;
}

/** @native */
export function intRemainder(a: i32, b: i32): f64 {
  return a % b;
}

/** @native */
export function powSpecials(a: f64, b: f64): f64 {
  return a ** b;
}

/** @native */
export function imulClz(a: i32, b: i32): i32 {
  return Math.imul(a, b) ^ Math.clz32(b);
}

/** @native */
export function minMaxMany(a: f64, b: f64, c: f64): f64 {
  return Math.min(a, b, c) - Math.max(c, b, a) + Math.min() * 0 + Math.abs(Math.min(a, 0));
}

/** @native */
export function intMinMax(a: i32, b: u32): f64 {
  return Math.max(a, b) - Math.min(a, b, 3) + Math.abs(a);
}

/** @native */
export function negZero(x: f64): f64 {
  const z = -x;
  return 1 / z + 1 / (0 * x) + 1 / -0;
}

/** @native */
export function throwsRange(x: f64): f64 {
  if (x > 1e6) throw new RangeError('too big');
  if (x !== x) throw new TypeError('not a number');
  return x;
}

/** @native */
export function hypotSpecials(a: f64, b: f64): f64 {
  return Math.hypot(a, b) === Infinity ? 1 : Math.hypot(a) + Math.hypot();
}

/** @native */
export function constants(): f64 {
  return Math.PI + Math.E + Math.LN2 + Math.SQRT2 + Number.MAX_VALUE / 1e300 + Number.MIN_VALUE * 1e300;
}
