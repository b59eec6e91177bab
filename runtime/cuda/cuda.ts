// The `cuda` object kernels are written against. In JS it reads the
// simulated thread that is running (thread-state.ts); compiled kernels never
// call it: the compiler turns each use into the CUDA builtin.
import { atomic, type Atomic } from './atomics';
import { deviceArray, toDevice, type DeviceArray } from './device-array';
import { sharedArray } from './shared-memory';
import { currentRun, type KernelRun } from './thread-state';
import type { TypedArray, TypedArrayConstructor } from './typed-arrays';

export interface Dim3View {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

export interface Cuda {
  /** This thread's index in its block. */
  readonly threadIdx: Dim3View;
  /** This block's index in the grid. */
  readonly blockIdx: Dim3View;
  /** Threads per block. */
  readonly blockDim: Dim3View;
  /** Blocks in the grid. */
  readonly gridDim: Dim3View;
  /** The global thread index: blockIdx.x * blockDim.x + threadIdx.x (and the same for y, z). */
  grid(ndim: 1): number;
  grid(ndim: 2): [number, number];
  grid(ndim: 3): [number, number, number];
  /** Threads in the grid: blockDim.x * gridDim.x (and the same for y, z), the stride of a grid-stride loop. */
  gridsize(ndim: 1): number;
  gridsize(ndim: 2): [number, number];
  gridsize(ndim: 3): [number, number, number];
  /** Waits until every thread of the block has reached this call. */
  syncthreads(): void;
  readonly shared: {
    /** The block's shared array (zero-filled); the k-th call a thread makes gives the block's k-th array. */
    array<K extends TypedArrayConstructor>(kind: K, length: number): InstanceType<K>;
  };
  readonly atomic: Atomic;
  /** A copy of `array` in device memory. */
  toDevice<T extends TypedArray>(array: T): DeviceArray<T>;
  /** A zero-filled array of `length` elements in device memory. */
  deviceArray<K extends TypedArrayConstructor>(kind: K, length: number): DeviceArray<InstanceType<K>>;
}

function view(what: string, read: (run: KernelRun, axis: 0 | 1 | 2) => number): Dim3View {
  return Object.freeze({
    get x() {
      return read(currentRun(`${what}`), 0);
    },
    get y() {
      return read(currentRun(`${what}`), 1);
    },
    get z() {
      return read(currentRun(`${what}`), 2);
    },
  });
}

const AXES = ['x', 'y', 'z'] as const;

function checkNdim(what: string, ndim: unknown): 1 | 2 | 3 {
  if (ndim !== 1 && ndim !== 2 && ndim !== 3) throw new RangeError(`cuda.${what}: ndim must be 1, 2 or 3, got ${String(ndim)}`);
  return ndim;
}

function grid(ndim: 1 | 2 | 3): number | number[] {
  const run = currentRun('grid');
  const n = checkNdim('grid', ndim);
  const b = run.blockState;
  const t = run.thread;
  const ix = b.x * run.block[0] + t.x;
  if (n === 1) return ix;
  const iy = b.y * run.block[1] + t.y;
  return n === 2 ? [ix, iy] : [ix, iy, b.z * run.block[2] + t.z];
}

function gridsize(ndim: 1 | 2 | 3): number | number[] {
  const run = currentRun('gridsize');
  const n = checkNdim('gridsize', ndim);
  const sizes = [0, 1, 2].map((i) => run.block[i] * run.grid[i]);
  return n === 1 ? sizes[0] : sizes.slice(0, n);
}

function syncthreads(): void {
  const run = currentRun('syncthreads()');
  // Reached only when the call was not rewritten into a pause (see barrier-rewrite.ts).
  throw new Error(
    `${run.kernel}: cuda.syncthreads() was called where the JS simulator cannot pause the thread: ` +
      (run.lockstep ? 'in a function the kernel calls, or through an alias' : 'the kernel does not call it directly') +
      '. Without a build, call cuda.syncthreads() directly in the kernel body (run `npx tsnative build` to compile the kernel).',
  );
}

export const cuda: Cuda = Object.freeze({
  threadIdx: view('threadIdx', (run, i) => run.thread[AXES[i]]),
  blockIdx: view('blockIdx', (run, i) => run.blockState[AXES[i]]),
  blockDim: view('blockDim', (run, i) => run.block[i]),
  gridDim: view('gridDim', (run, i) => run.grid[i]),
  grid,
  gridsize,
  syncthreads,
  shared: Object.freeze({ array: sharedArray }),
  atomic,
  toDevice,
  deviceArray,
}) as Cuda;
