// A sum in two steps, as GPUs add up large arrays: each block of threads adds
// its share in shared memory (a tree: half the threads add the other half's
// values, then a quarter, …), and the host adds the one partial per block.
// The order of the additions is fixed by the launch shape, so the sum is the
// same on the GPU, on the simulator and in JS.
import { cuda } from 'tsnative';

/** Threads per block; the kernel's shared array has one slot per thread. */
export const BLOCK = 256;

/** Sums xs into partials[blockIdx.x]; launch it with blocks of BLOCK threads (a power of two). @kernel */
export function blockSums(xs: Float64Array, partials: Float64Array): void {
  const s = cuda.shared.array(Float64Array, BLOCK);
  const t = cuda.threadIdx.x;
  // A grid-stride loop: a grid smaller than the array covers it, each thread adding every gridsize-th value.
  let sum = 0;
  for (let i = cuda.grid(1); i < xs.length; i += cuda.gridsize(1)) sum += xs[i];
  s[t] = sum;
  cuda.syncthreads();
  for (let half = cuda.blockDim.x >> 1; half > 0; half >>= 1) {
    if (t < half) s[t] += s[t + half];
    // Every thread of the block reaches this barrier, also those with nothing left to add.
    cuda.syncthreads();
  }
  if (t === 0) partials[cuda.blockIdx.x] = s[0];
}
