// Kernels a user writes first. Each runs on the compiled simulator and as JS
// in lock-step (launch() without a build); arrays must end identical.
import { cuda, type f32, type i32 } from 'tsnative';

const BLOCK = 128;
const BINS = 16;

/** @native */
export function square(v: number): number {
  return v * v;
}

/** @kernel */
export function vectorAdd(a: Float64Array, b: Float64Array, out: Float64Array): void {
  const i = cuda.grid(1);
  if (i < out.length) out[i] = a[i] + b[i];
}

/** @kernel */
export function saxpy(a: f32, x: Float32Array, y: Float32Array): void {
  const i = cuda.grid(1);
  if (i < x.length) y[i] = a * x[i] + y[i];
}

/** @kernel */
export function gridStride(xs: Float64Array, scale: number): void {
  for (let i = cuda.grid(1); i < xs.length; i += cuda.gridsize(1)) xs[i] = xs[i] * scale + i;
}

/** A block tree reduction: each block sums its slice in shared memory. */
/** @kernel */
export function blockSum(xs: Float64Array, partial: Float64Array): void {
  const s = cuda.shared.array(Float64Array, BLOCK);
  const t = cuda.threadIdx.x;
  const i = cuda.grid(1);
  s[t] = i < xs.length ? square(xs[i]) : 0;
  cuda.syncthreads();
  for (let step = cuda.blockDim.x >> 1; step > 0; step >>= 1) {
    if (t < step) s[t] += s[t + step];
    cuda.syncthreads();
  }
  if (t === 0) partial[cuda.blockIdx.x] = s[0];
}

/** A histogram in shared memory with atomics, merged into the global one. */
/** @kernel */
export function histogram(values: Int32Array, bins: Int32Array): void {
  const local = cuda.shared.array(Int32Array, BINS);
  const t = cuda.threadIdx.x;
  if (t < BINS) local[t] = 0;
  cuda.syncthreads();
  for (let i = cuda.grid(1); i < values.length; i += cuda.gridsize(1)) cuda.atomic.add(local, values[i] & (BINS - 1), 1);
  cuda.syncthreads();
  if (t < BINS) cuda.atomic.add(bins, t, local[t]);
}

/** A 5-point stencil on a 2-D grid with 2-D blocks. */
/** @kernel */
export function stencil(src: Float32Array, dst: Float32Array, width: i32, height: i32): void {
  const [x, y] = cuda.grid(2);
  if (x >= width || y >= height) return;
  const at = y * width + x;
  if (x === 0 || y === 0 || x === width - 1 || y === height - 1) {
    dst[at] = src[at];
    return;
  }
  dst[at] = Math.fround(0.2 * (src[at] + src[at - 1] + src[at + 1] + src[at - width] + src[at + width]));
}

/** Atomics of every kind return the old value. */
/** @kernel */
export function atomics(ints: Int32Array, floats: Float64Array, olds: Float64Array): void {
  const i = cuda.grid(1);
  if (i >= olds.length) return;
  const k = i % 4;
  if (k === 0) olds[i] = cuda.atomic.max(ints, 0, i);
  else if (k === 1) olds[i] = cuda.atomic.min(ints, 1, -i);
  else if (k === 2) olds[i] = cuda.atomic.sub(ints, 2, 3);
  else olds[i] = cuda.atomic.cas(ints, 3, i - 1, i);
  cuda.atomic.add(floats, 0, 0.5);
}

/** @kernel */
export function outOfBounds(xs: Float64Array): void {
  const i = cuda.grid(1);
  xs[i] = 1;
}

/** A barrier only some threads reach. */
/** @kernel */
export function divergent(xs: Float64Array): void {
  const t = cuda.threadIdx.x;
  if (t < 2) {
    cuda.syncthreads();
  }
  xs[t] = t;
}

/** Neighbours read each other's shared element with no barrier between the write and the read. */
/** @kernel */
export function racy(xs: Float64Array): void {
  const s = cuda.shared.array(Float64Array, BLOCK);
  const t = cuda.threadIdx.x;
  s[t] = xs[t];
  xs[t] = s[(t + 1) % cuda.blockDim.x];
}

/** Barriers in a loop left by `break`: the simulator runs it as coroutines. */
/** @kernel */
export function breakLoop(xs: Float64Array, rounds: i32): void {
  const s = cuda.shared.array(Float64Array, BLOCK);
  const t = cuda.threadIdx.x;
  s[t] = t;
  for (let r = 0; ; r++) {
    cuda.syncthreads();
    if (r >= rounds) break;
    const v = s[(t + 1) % cuda.blockDim.x];
    cuda.syncthreads();
    s[t] = v + 1;
  }
  xs[cuda.grid(1)] = s[t];
}

/** Threads that return before a barrier the others wait at. */
/** @kernel */
export function earlyExit(xs: Float64Array): void {
  const t = cuda.threadIdx.x;
  if (t >= 4) return;
  cuda.syncthreads();
  xs[t] = t;
}

/** The same, in a loop that `break` leaves (coroutines). */
/** @kernel */
export function earlyExitInLoop(xs: Float64Array): void {
  const t = cuda.threadIdx.x;
  for (let r = 0; ; r++) {
    if (t >= 4) return;
    cuda.syncthreads();
    if (r > 1) break;
  }
  xs[t] = t;
}

/** @kernel */
export function throws(xs: Float64Array): void {
  if (cuda.grid(1) === 5) throw new RangeError('thread five');
  xs[0] = 1;
}
