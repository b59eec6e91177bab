// The parallel loops of a compiled function, read from the IR (the C++ of a
// prange is scaffolding; the IR says what the loop reduces).
import type { IrFunction, ReductionOp } from '../ir/nodes';

export interface ParallelLoop {
  line: number;
  reductions: { name: string; op: ReductionOp }[];
  /** Below this trip count the loop runs on one thread. */
  minIterations: number;
}

/** Every `prange` in `fn`, in source order, however deeply nested (a walk that needs no knowledge of other node shapes). */
export function parallelLoops(fn: IrFunction): ParallelLoop[] {
  const loops: ParallelLoop[] = [];
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    const node = v as { k?: unknown };
    if (node.k === 'prange') {
      const loop = v as Extract<IrFunction['body'][number], { k: 'prange' }>;
      loops.push({
        line: loop.loc.line,
        reductions: loop.reductions.map((r) => ({ name: r.local.name, op: r.op })),
        minIterations: loop.minIterations,
      });
    }
    for (const child of Array.isArray(v) ? v : Object.values(v)) visit(child);
  };
  visit(fn.body);
  return loops.sort((a, b) => a.line - b.line);
}

/** "s (+), lo (min)" or "" */
export function describeReductions(loop: ParallelLoop): string {
  return loop.reductions.map((r) => `${r.name} (${r.op})`).join(', ');
}
