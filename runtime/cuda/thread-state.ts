// Which simulated thread is running. The `cuda` object reads it, so kernel
// code (and the device functions it calls) sees its own indices without
// being passed them, as in CUDA. One run at a time per realm: a kernel that
// launches another saves and restores the outer run.
import type { TypedArray } from './typed-arrays';

export type Dim3 = readonly [number, number, number];

export interface ThreadState {
  x: number;
  y: number;
  z: number;
  /** How many cuda.shared.array calls this thread has made in its block: the next call gets the block's array of this index. */
  sharedCalls: number;
}

export interface BlockState {
  x: number;
  y: number;
  z: number;
  shared: TypedArray[];
  /** Who allocated each shared array, for the message when another thread asks for a different one. */
  sharedBy: string[];
  sharedBytes: number;
}

export interface KernelRun {
  kernel: string;
  grid: Dim3;
  block: Dim3;
  /** The dynamic shared memory of the launch plus the static arrays may not exceed this. */
  maxSharedBytes: number;
  dynamicSharedBytes: number;
  blockState: BlockState;
  thread: ThreadState;
  /** Whether the kernel's own syncthreads calls were turned into pauses; a call that still reaches cuda.syncthreads() was not. */
  lockstep: boolean;
}

// On globalThis under a registered symbol, as the registry is: a kernel may
// import `cuda` through another copy of the runtime (ESM and CJS entry points,
// a nested install) than the one whose launch() runs it.
const CURRENT = Symbol.for('tsnative.cuda.currentRun');
const holder = globalThis as unknown as Record<symbol, KernelRun | undefined>;

export function currentRun(what: string): KernelRun {
  const current = holder[CURRENT];
  if (current === undefined) {
    throw new Error(`cuda.${what} exists only inside a kernel run by launch() (or launchAsync()); it was used outside one`);
  }
  return current;
}

/** Makes `run` current and returns the run it replaces, for restoreRun. */
export function enterRun(run: KernelRun): KernelRun | undefined {
  const outer = holder[CURRENT];
  holder[CURRENT] = run;
  return outer;
}

export function restoreRun(outer: KernelRun | undefined): void {
  holder[CURRENT] = outer;
}

export function formatIndex(i: { x: number; y: number; z: number }): string {
  return `(${i.x},${i.y},${i.z})`;
}
