// Statements and expressions outside the subset, each with its fix.
import type { f64, i32 } from 'tsnative';

const LIMIT = 10;

/** @native */
export function twice(x: f64): f64 {
  return 2 * x;
}

/** @native */
export function tries(x: f64): f64 {
  try { // expect: TSN1201
    return x;
  } catch {
    return 0;
  }
}

/** @native */
export function wrongArity(x: f64): f64 {
  return twice(x, x); // expect: TSN1205
}

/** @native */
export function functionAsValue(x: f64): f64 {
  const g = twice; // expect: TSN1210
  return x;
}

/** @native */
export function arrayAsCondition(xs: Float64Array): f64 {
  if (xs) return 1; // expect: TSN1302
  return 0;
}

/** @native */
export function assignsConstant(x: f64): f64 {
  LIMIT = x; // expect: TSN1304
  return x;
}

/** @native */
export function stillCompiles(n: i32): f64 {
  let s = 0;
  for (let i = 0; i < n && i < LIMIT; i++) s += twice(i);
  return s;
}
