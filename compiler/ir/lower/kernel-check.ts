// What a GPU thread cannot do, checked over a kernel and every @native
// function it calls (those become device functions): allocate or reshape
// typed arrays (the JS heap is not on the device), run prange loops, or
// recurse (a device stack is small and fixed).
import type { IrFunction, Stmt } from '../nodes';
import { expressions, someStmt } from '../walk';

const NO_ALLOCATION =
  'allocate memory on the device: allocate with cuda.deviceArray (or pass a typed array) before the launch, or use cuda.shared.array';

/** The kernel's first problem as the TSN1503 arguments [what it cannot do, the hint], or undefined. */
export function deviceProblem(kernel: IrFunction, functions: readonly IrFunction[]): [string, string] | undefined {
  const byId = new Map(functions.map((f) => [`${f.module}#${f.name}`, f]));
  const seen = new Set<IrFunction>();
  const visit = (fn: IrFunction, path: IrFunction[]): [string, string] | undefined => {
    const via = fn === kernel ? '' : ` (in \`${fn.name}\`, which it calls)`;
    if (path.includes(fn)) return [`recurse${via}`, 'a GPU thread has a small fixed stack: write the recursion as a loop'];
    if (seen.has(fn)) return undefined;
    seen.add(fn);
    for (const e of expressions(fn.body)) {
      if (e.k === 'newArray') return [`allocate a ${e.arrayKind}${via}`, NO_ALLOCATION];
      if (e.k === 'subarray' || e.k === 'fill' || e.k === 'setArray') {
        const name = e.k === 'setArray' ? 'set' : e.k;
        return [`call .${name}()${via}`, 'write the loop out: each thread handles its own elements'];
      }
    }
    if (someStmt(fn.body, (s: Stmt) => s.k === 'prange'))
      return [`run a prange loop${via}`, 'the threads of the launch are the parallel loop: use cuda.grid(1) and a grid-stride loop'];
    for (const e of expressions(fn.body)) {
      if (e.k !== 'call') continue;
      const callee = byId.get(`${e.module}#${e.callee}`);
      const found = callee && visit(callee, [...path, fn]);
      if (found) return found;
    }
    return undefined;
  };
  return visit(kernel, []);
}
