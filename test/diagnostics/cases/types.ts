// Signatures and annotations compiled code cannot take, and names that look
// like the aliases but are not tsnative's.
import type { f64, i32 } from 'tsnative';
import type * as t from 'tsnative';
import type { u8 } from './elsewhere';

type f32 = string;

/** @native */
export async function isAsync(x: f64): Promise<f64> { // expect: TSN1003
  return x;
}

/** @native */
export function* isGenerator(n: i32) { // expect: TSN1003
  yield n;
}

/** @native */
export function untyped(x): f64 { // expect: TSN1101
  return 1;
}

/** @native */
export function returnsString(x: f64): string { // expect: TSN1103
  return 'x';
}

/** @native */
export function destructures([a]: Float64Array): f64 { // expect: TSN1105
  return 1;
}

/** @native */
export function noTypeNoValue(x: f64): f64 {
  let s; // expect: TSN1106
  return x;
}

/** @native */
export function ownAlias(x: f32): f64 { // expect: TSN1107
  return 1;
}

/** @native */
export function aliasFromElsewhere(x: f64): u8 { // expect: TSN1107
  return 1;
}

/** @native */
export function shadowedLocal<i32>(x: f64): f64 {
  const n: i32 = 1; // expect: TSN1107
  return x + n;
}

/** @native */
export function stillCompiles(x: f64, n: t.u16): i32 {
  const m: t.i32 = n + 1;
  return m | 0;
}
