// The spectral-norm benchmark: the largest singular value of the infinite
// matrix A(i,j) = 1/((i+j)(i+j+1)/2 + i + 1), by power iteration on AᵀA.
// Each output element is one sequential sum, so results are exact in parallel.
import type { f64, i32 } from 'tsnative';
import { prange } from 'tsnative';

/** The element A(i, j). @native */
export function entry(i: i32, j: i32): f64 {
  return 1 / (((i + j) * (i + j + 1)) / 2 + i + 1);
}

/** out = A·v, or Aᵀ·v when `transpose` is set. @native */
export function multiply(v: Float64Array, out: Float64Array, transpose: boolean): void {
  const n = v.length;
  for (const i of prange(n)) {
    let s = 0;
    for (let j = 0; j < n; j++) s += (transpose ? entry(j, i) : entry(i, j)) * v[j];
    out[i] = s;
  }
}

/** The spectral norm of the n×n corner of A after `iterations` rounds. @native */
export function spectralNorm(n: i32, iterations: i32): f64 {
  const u = new Float64Array(n);
  const v = new Float64Array(n);
  const tmp = new Float64Array(n);
  u.fill(1);
  for (let k = 0; k < iterations; k++) {
    multiply(u, tmp, false);
    multiply(tmp, v, true);
    multiply(v, tmp, false);
    multiply(tmp, u, true);
  }
  let vBv = 0;
  let vv = 0;
  for (let i = 0; i < n; i++) {
    vBv += u[i] * v[i];
    vv += v[i] * v[i];
  }
  return Math.sqrt(vBv / vv);
}
