// y = a·x + y over Float32Arrays: each element is computed in double and
// rounded once at the store, as JS does, so results are exact on any thread count.
import type { f64 } from 'tsnative';
import { prange } from 'tsnative';

/** y[i] = a·x[i] + y[i]. @native */
export function saxpy(a: f64, x: Float32Array, y: Float32Array): void {
  for (const i of prange(x.length)) y[i] = a * x[i] + y[i];
}
