// One Jacobi sweep of the 2-D five-point stencil on an n×n f32 grid: each
// thread updates one interior cell from its four neighbours in `src` and
// writes it to `dst`. The edges are fixed (equal in both buffers), so the
// threads there, and those past the grid, do nothing.
import { cuda, type i32 } from 'tsnative';

/** @kernel */
export function jacobiStep(src: Float32Array, dst: Float32Array, n: i32): void {
  const [x, y] = cuda.grid(2);
  if (x < 1 || y < 1 || x >= n - 1 || y >= n - 1) return;
  const k = y * n + x;
  dst[k] = 0.25 * (src[k - 1] + src[k + 1] + src[k - n] + src[k + n]);
}
