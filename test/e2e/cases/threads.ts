// A float prange sum: its result tells how many threads the loop ran on
// (test/e2e/threads.test.ts).
import { prange } from 'tsnative';
import type { f64 } from 'tsnative';

/** @native */
export function sum(xs: Float64Array): f64 {
  let s = 0;
  for (const i of prange(xs.length)) s += xs[i];
  return s;
}
