// SAXPY, the "hello world" of GPU kernels: y ← a·x + y on f32 data, one
// element per thread. The grid is rounded up to whole blocks, so the threads
// past the end of the arrays must do nothing.
import { cuda, type f32 } from 'tsnative';

/** @kernel */
export function saxpy(a: f32, x: Float32Array, y: Float32Array): void {
  const i = cuda.grid(1);
  // a * x[i] + y[i] is computed in double, as JS does, and rounded to f32 once, at the store.
  if (i < x.length) y[i] = a * x[i] + y[i];
}
