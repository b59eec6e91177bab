// The CPU target's cost model: the numbers behind choices that depend on the
// machine rather than on JS semantics. Passes read them through TargetCosts;
// the C++ emitter reads the rest here.
import type { Stmt } from '../../ir/nodes';
import type { TargetCosts } from '../../ir/opt';
import { someExpr, someStmt } from '../../ir/walk';

export const CPU_COSTS: TargetCosts = {
  name: 'cpu',
  // Four doubles per step: two SSE2 vectors (measured: 2.5× mandelbrot; 8 and 16 were slower).
  laneWidth: 4,
};

// Below this many iterations a loop whose body has no inner loop or call runs
// serially: waking sleeping (passive) OpenMP threads costs tens of µs, more
// than such a loop saves below this size (bench: sumsq n=10k, 2 threads).
const MIN_ITERATIONS_SIMPLE = 100_000;

/** Below this trip count a prange loop runs on one thread. */
export function parallelThreshold(loop: Stmt & { k: 'prange' }): number {
  const loops = someStmt(loop.body, (s) => s.k === 'for' || s.k === 'while' || s.k === 'do' || s.k === 'prange');
  return loops || someExpr(loop.body, (e) => e.k === 'call') ? 2 : MIN_ITERATIONS_SIMPLE;
}
