// The parallel loops of a compiled function, read from the IR (the code of a
// prange is scaffolding; the IR says what the loop reduces) and the target's
// cost model (below how many iterations it stays on one thread).
import type { Backend } from '../backend/backend';
import type { IrFunction, ReductionOp } from '../ir/nodes';
import { statements } from '../ir/walk';

export interface ParallelLoop {
  line: number;
  reductions: { name: string; op: ReductionOp }[];
  /** Below this trip count the loop runs on one thread. */
  minIterations: number;
}

/** Every `prange` in `fn`, in source order, however deeply nested. */
export function parallelLoops(fn: IrFunction, backend: Pick<Backend, 'parallelThreshold'>): ParallelLoop[] {
  const loops: ParallelLoop[] = [];
  for (const s of statements(fn.body)) {
    if (s.k !== 'prange') continue;
    loops.push({
      line: s.loc.line,
      reductions: s.reductions.map((r) => ({ name: r.local.name, op: r.op })),
      minIterations: backend.parallelThreshold(s),
    });
  }
  return loops.sort((a, b) => a.line - b.line);
}

/** "s (+), lo (min)" or "" */
export function describeReductions(loop: ParallelLoop): string {
  return loop.reductions.map((r) => `${r.name} (${r.op})`).join(', ');
}
