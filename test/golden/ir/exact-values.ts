// Double arithmetic on integers as one int64 computation (compiler/ir/opt/exact-values.ts).
import type { f64, i16, i32 } from 'tsnative';

/** The spectral-norm denominator: i32 leaves bounded by 2^25, scaled by 1/2. @native */
export function a(i: i32, j: i32): f64 {
  return 1 / (((i + j) * (i + j + 1)) / 2 + i + 1);
}

/** i16 leaves keep every step exact: no bound needed. @native */
export function small(x: i16, y: i16, z: i16): f64 {
  return x * y * z + (x - y) * 2;
}

/** A 0 that JS might make -0 comes from the double computation. @native */
export function signed(i: i32, j: i32, k: i32): f64 {
  return (i * j) / 4 - k * 0.5 + j * k * 2;
}

/** Short or non-integer arithmetic stays double. @native */
export function mixed(i: i32, j: i32, x: f64): f64 {
  return i * j + (i * x + j * 3) * 2;
}

/** An index made of integers: int64 with the double index as fallback. @native */
export function at(a: Float64Array, i: i32, n: i32, j: i32): f64 {
  return a[i * n + j];
}
