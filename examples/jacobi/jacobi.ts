// Heat diffusion on a square plate: Jacobi sweeps of the 2-D five-point
// stencil. Each sweep reads one buffer and writes the other, then the two
// swap; the edge cells are fixed (they must be equal in both buffers).
import type { i32 } from 'tsnative';
import { prange } from 'tsnative';

/** Runs `steps` sweeps on the n×n grid `u`, using `scratch` (a copy of u) as the second buffer; the result ends in u. @native */
export function jacobi(u: Float64Array, scratch: Float64Array, n: i32, steps: i32): void {
  let src = u;
  let dst = scratch;
  for (let s = 0; s < steps; s++) {
    for (const i of prange(1, n - 1)) {
      for (let j = 1; j < n - 1; j++) {
        const k = i * n + j;
        dst[k] = 0.25 * (src[k - 1] + src[k + 1] + src[k - n] + src[k + n]);
      }
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (steps % 2 === 1) u.set(scratch);
}
