// Kernels refuse what a GPU thread cannot do, and the cuda namespace stays inside kernels.
import { cuda, type f64, type i32 } from 'tsnative';

const SIZE = 64;

/** @native */
export function notAKernel(xs: Float64Array): f64 {
  return xs[cuda.threadIdx.x]; // expect: TSN1501
}

/** @kernel */
export function returnsValue(xs: Float64Array): f64 { // expect: TSN1502
  return xs[0];
}

/** @kernel */
export function allocates(xs: Float64Array): void { // expect: TSN1503
  const tmp = new Float64Array(4);
  xs[0] = tmp[0];
}

/** @native */
function recurse(n: i32): i32 {
  return n <= 0 ? 0 : recurse(n - 1) + 1;
}

/** @kernel */
export function callsRecursion(xs: Int32Array): void { // expect: TSN1503
  xs[0] = recurse(xs.length);
}

/** @kernel */
export function unknownMember(xs: Float64Array): void {
  xs[0] = cuda.warpSize.x; // expect: TSN1504
}

/** @kernel */
export function sharedSize(xs: Float64Array, n: i32): void {
  const s = cuda.shared.array(Float64Array, n); // expect: TSN1505
  s[0] = xs[0];
}

/** @kernel */
export function floatCas(xs: Float64Array): void {
  cuda.atomic.cas(xs, 0, 1, 2); // expect: TSN1506
}

/** @kernel */
export function barrierValue(xs: Float64Array): void {
  xs[0] = (cuda.syncthreads(), 1); // expect: TSN1507
}

/** @kernel */
export function inner(xs: Float64Array): void {
  xs[cuda.grid(1)] = 1;
}

/** @native */
export function callsKernel(xs: Float64Array): void {
  inner(xs); // expect: TSN1508
}

/** @kernel */
export function gridTwo(xs: Float64Array): void {
  xs[0] = cuda.grid(2); // expect: TSN1510
}

/** @kernel */
export function stillCompiles(xs: Float64Array): void {
  const s = cuda.shared.array(Float64Array, SIZE);
  const t = cuda.threadIdx.x;
  s[t] = xs[cuda.grid(1)];
  cuda.syncthreads();
  xs[cuda.grid(1)] = s[SIZE - 1 - t];
}
