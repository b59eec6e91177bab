// The GPU section's kernels, and the same work as @native prange loops for
// the CPU side of the comparison.
import { cuda, prange, type f32, type f64, type i32 } from 'tsnative';

const BLOCK = 256;
const TILE = 16;

/** @kernel */
export function saxpyKernel(a: f32, x: Float32Array, y: Float32Array): void {
  const i = cuda.grid(1);
  if (i < x.length) y[i] = a * x[i] + y[i];
}

/** A block tree reduction: each block leaves the sum of its squares in `partial`. */
/** @kernel */
export function sumsqKernel(xs: Float64Array, partial: Float64Array): void {
  const s = cuda.shared.array(Float64Array, BLOCK);
  const t = cuda.threadIdx.x;
  let acc = 0;
  for (let i = cuda.grid(1); i < xs.length; i += cuda.gridsize(1)) acc += xs[i] * xs[i];
  s[t] = acc;
  cuda.syncthreads();
  for (let step = BLOCK >> 1; step > 0; step >>= 1) {
    if (t < step) s[t] += s[t + step];
    cuda.syncthreads();
  }
  if (t === 0) partial[cuda.blockIdx.x] = s[0];
}

/** C = A·B for n×n row-major matrices, with TILE×TILE tiles in shared memory. */
/** @kernel */
export function matmulKernel(a: Float64Array, b: Float64Array, c: Float64Array, n: i32): void {
  const ta = cuda.shared.array(Float64Array, TILE * TILE);
  const tb = cuda.shared.array(Float64Array, TILE * TILE);
  const tx = cuda.threadIdx.x;
  const ty = cuda.threadIdx.y;
  const [col, row] = cuda.grid(2);
  let acc = 0;
  for (let k0 = 0; k0 < n; k0 += TILE) {
    ta[ty * TILE + tx] = row < n && k0 + tx < n ? a[row * n + k0 + tx] : 0;
    tb[ty * TILE + tx] = col < n && k0 + ty < n ? b[(k0 + ty) * n + col] : 0;
    cuda.syncthreads();
    for (let k = 0; k < TILE; k++) acc += ta[ty * TILE + k] * tb[k * TILE + tx];
    cuda.syncthreads();
  }
  if (row < n && col < n) c[row * n + col] = acc;
}

/** @native */
export function saxpyCpu(a: f32, x: Float32Array, y: Float32Array): void {
  for (const i of prange(x.length)) y[i] = a * x[i] + y[i];
}

/** @native */
export function sumsqCpu(xs: Float64Array): f64 {
  let s = 0;
  for (const i of prange(xs.length)) s += xs[i] * xs[i];
  return s;
}

/** @native */
export function matmulCpu(a: Float64Array, b: Float64Array, c: Float64Array, n: i32): void {
  for (const i of prange(n)) {
    for (let j = 0; j < n; j++) c[i * n + j] = 0;
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k];
      for (let j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
    }
  }
}
