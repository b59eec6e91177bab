// Thread count for prange loops. For now only the value the JS side reports;
// native addons read TSNATIVE_NUM_THREADS, which setNumThreads keeps in step.
import * as os from 'node:os';

let chosen: number | undefined;

function fromEnv(): number | undefined {
  const raw = process.env.TSNATIVE_NUM_THREADS;
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Threads a prange loop may use: setNumThreads(n), else TSNATIVE_NUM_THREADS, else every core. */
export function getNumThreads(): number {
  return chosen ?? fromEnv() ?? os.availableParallelism();
}

export function setNumThreads(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`setNumThreads: expected a positive integer, got ${String(n)}`);
  chosen = n;
  process.env.TSNATIVE_NUM_THREADS = String(n);
}
