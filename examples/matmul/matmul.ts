// Dense matrix product, row-major n×n. The i-k-j order streams rows of b and
// c, so the inner loop is a contiguous a·x+y; rows of c run in parallel, and
// each element is summed in the same order as the JS loop (exact).
import type { i32 } from 'tsnative';
import { prange } from 'tsnative';

/** c = a·b for n×n row-major matrices (c must not overlap a or b). @native */
export function matmul(a: Float64Array, b: Float64Array, c: Float64Array, n: i32): void {
  for (const i of prange(n)) {
    const row = i * n;
    for (let j = 0; j < n; j++) c[row + j] = 0;
    for (let k = 0; k < n; k++) {
      const aik = a[row + k];
      const bk = k * n;
      for (let j = 0; j < n; j++) c[row + j] += aik * b[bk + j];
    }
  }
}
