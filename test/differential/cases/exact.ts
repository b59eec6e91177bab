// Double arithmetic on integers that the compiler evaluates in int64 where
// that cannot change a result (compiler/ir/opt/exact-values.ts): values near
// the run-time bounds, -0 from a product of 0 and a negative, and halves.
import type { f64, i16, i32, u32 } from 'tsnative';

/** The spectral-norm denominator: its leaves get a run-time bound of 2^25. @native */
export function denominator(i: i32, j: i32): f64 {
  return ((i + j) * (i + j + 1)) / 2 + i + 1;
}

/** Can end in -0 (i = 0, j < 0, k = 0): a 0 must come from the double computation. @native */
export function negativeZero(i: i32, j: i32, k: i32): f64 {
  return (i * j) / 4 - k * 0.5 + j * k * 2;
}

/** Halves and quarters that do not cancel, summed over an array. @native */
export function quarters(a: Int32Array, n: u32): f64 {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] * n + i) / 8 - a[i] * 3;
  return s;
}

/** Narrow leaves need no bound at all: every step fits. @native */
export function narrow(a: i16, b: i16, c: i16): f64 {
  return a * b * c + ((a - b) * (b + c)) / 2;
}

/** Products beyond 2^53 round in JS; the bound sends them to the double computation. @native */
export function wide(i: i32, j: i32, k: i32): f64 {
  return i * j * k + i * 3 - j;
}

/** Negation of a zero product. @native */
export function negated(i: i32, j: i32): f64 {
  return -(i * j) / 2 - (i - j) * 0;
}
