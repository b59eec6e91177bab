// Thread count (and, for tests, the parallel threshold) of prange loops.
// Both live in the runtime addon's process-wide state, which every generated
// addon reads with an atomic load per loop: a change here reaches addons
// already loaded, worker threads and loops running on the libuv pool alike.
// Without the runtime addon the JS keeps its own count and the environment
// variable, which only addons loaded afterwards read.
import * as os from 'node:os';
import { runtimeAddon } from './runtime-addon';

const MAX_THREADS = 2 ** 31 - 1;
let chosen: number | undefined;

function fromEnv(): number | undefined {
  const raw = process.env.TSNATIVE_NUM_THREADS;
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 && n <= MAX_THREADS ? n : undefined;
}

/** Threads a prange loop may use: setNumThreads(n), else TSNATIVE_NUM_THREADS at start-up, else every core. */
export function getNumThreads(): number {
  const addon = runtimeAddon();
  const n = addon ? addon.getNumThreads() : (chosen ?? fromEnv());
  return n || os.availableParallelism();
}

export function setNumThreads(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > MAX_THREADS)
    throw new RangeError(`setNumThreads: expected a positive integer, got ${String(n)}`);
  const addon = runtimeAddon();
  if (addon) {
    addon.setNumThreads(n);
    return;
  }
  chosen = n;
  process.env.TSNATIVE_NUM_THREADS = String(n);
}

/**
 * Internal (not exported by the package): the minimum trip count for a prange
 * loop to run in parallel, overriding each loop's own; undefined restores
 * them. Tests use 1 so small inputs take the parallel path. Needs the runtime
 * addon (false without it: only TSNATIVE_PARALLEL_THRESHOLD at start-up works then).
 */
export function setParallelThreshold(n: number | undefined): boolean {
  if (n !== undefined && (!Number.isSafeInteger(n) || n < 0))
    throw new RangeError(`setParallelThreshold: expected a non-negative integer, got ${String(n)}`);
  const addon = runtimeAddon();
  if (!addon) return false;
  addon.setParallelThreshold(n);
  return true;
}
