// Versioning nested loops copies the innermost body once per level plus
// once (d + 1 copies at depth d), not 2^d: an outer loop's fallback holds its
// inner loops as written (compiler/ir/opt/bounds.ts).
import type { f64, i32 } from 'tsnative';

/** @native */
export function cube(a: Float64Array, b: Float64Array, n: i32): f64 {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < a.length; j++) {
      for (let k = 0; k < a.length; k++) s += a[k] * b[k] + a[j] * b[j] + a[i] * b[i];
    }
  }
  return s;
}
