// Each marked function has one mistake; the comment `// expect: CODE` on a
// line says which diagnostic must point at that line.
import type { f64, i32, f32 } from 'tsnative';

function plain(x: number): number {
  return x + 1;
}

/** @native */
export function usesString(x: f64): f64 {
  const s = 'abc'; // expect: TSN1206
  return x;
}

/** @native */
export function callsUnmarked(x: f64): f64 {
  return plain(x); // expect: TSN1203
}

/** @native */
export function usesRandom(): f64 {
  return Math.random(); // expect: TSN1209
}

/** @native */
export function fractionIntoInt(x: f64): i32 {
  const n: i32 = x / 2; // expect: TSN1301
  return n;
}

/** @native */
export function closure(x: f64): f64 {
  const g = (y: number) => y * 2; // expect: TSN1207
  return x;
}

/** @native */
export function objectLiteral(x: f64): f64 {
  const o = { x }; // expect: TSN1208
  return x;
}

/** @native */
export function anyParam(x: any): f64 { // expect: TSN1102
  return 1;
}

/** @native fastmath sloppy */ // expect: TSN1001
export function unknownOption(x: f64): f64 {
  return x;
}

/** @native */
export function f32Accumulate(xs: Float32Array): f32 {
  let acc: f32 = 0;
  for (let i = 0; i < xs.length; i++) acc += xs[i]; // expect: TSN1306
  return acc;
}

/** @native */
export function unknownName(x: f64): f64 {
  return x + y; // expect: TSN1202
}

/** @native */
export function usesVar(x: f64): f64 {
  var t = x; // expect: TSN1204
  return t;
}

/** @native */
export function fractionalIndex(xs: Float64Array): f64 {
  return xs[0.5]; // expect: TSN1303
}

/** @native */
export function optionalParam(x?: f64): f64 { // expect: TSN1104
  return 1;
}

/** @native */
export function unsupportedMath(x: f64): f64 {
  return Math.sumPrecise(x); // expect: TSN1204
}

/** @native */
export function unknownParam(x: unknown): f64 { // expect: TSN1102
  return 1;
}

/** @native */
export function plainArray(xs: number[]): f64 { // expect: TSN1102
  return xs.length;
}

/** @native */
export function templateString(x: f64): f64 {
  const t = `${x}`; // expect: TSN1206
  return x;
}

/** @native */
export const arrow = (x: number): number => x; // expect: TSN1002

/** @native */
export function stillCompiles(x: f64): f64 {
  return x * 2;
}
