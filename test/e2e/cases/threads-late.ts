// The same sum in an addon of its own, loaded after setNumThreads
// (test/e2e/threads.test.ts).
import { prange } from 'tsnative';
import type { f64 } from 'tsnative';

/** @native */
export function sumLate(xs: Float64Array): f64 {
  let s = 0;
  for (const i of prange(xs.length)) s += xs[i];
  return s;
}
