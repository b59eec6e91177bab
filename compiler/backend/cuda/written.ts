// Which array parameters a kernel may write (directly, or through a function
// it calls): only those are copied back from the GPU after a launch.
import type { Expr, IrFunction, Local } from '../../ir/nodes';
import { expressions } from '../../ir/walk';

/** The array a write goes to, when it is a local (a parameter, or a local that may hold one). */
const rootLocal = (e: Expr): Local | undefined => (e.k === 'local' ? e.local : undefined);

function writtenTargets(fn: IrFunction): { locals: Set<Local>; unknown: boolean } {
  const locals = new Set<Local>();
  let unknown = false;
  const note = (array: Expr) => {
    const l = rootLocal(array);
    if (l) locals.add(l);
    else unknown = true;
  };
  for (const e of expressions(fn.body)) {
    if ((e.k === 'assign' || e.k === 'update') && e.target.k === 'element') note(e.target.array);
    if (e.k === 'atomic') note(e.array);
  }
  return { locals, unknown };
}

/** For each parameter of `kernel`, whether a launch may change its elements. */
export function writtenParams(kernel: IrFunction, functions: readonly IrFunction[]): boolean[] {
  const byId = new Map(functions.map((f) => [`${f.module}#${f.name}`, f]));
  const memo = new Map<IrFunction, boolean[]>();
  const visit = (fn: IrFunction): boolean[] => {
    const known = memo.get(fn);
    if (known) return known;
    // Recursion is refused in kernels; a cycle here answers conservatively.
    memo.set(
      fn,
      fn.params.map(() => true),
    );
    const { locals, unknown } = writtenTargets(fn);
    // A write through a local array that is not a parameter may go to any of them (`let a = x; a[i] = …`).
    const throughOther = unknown || [...locals].some((l) => !l.isParam && l.shared === undefined);
    const out = fn.params.map((p) => p.type.tag === 'array' && (throughOther || locals.has(p)));
    for (const e of expressions(fn.body)) {
      if (e.k !== 'call') continue;
      const callee = byId.get(`${e.module}#${e.callee}`);
      const inner = callee ? visit(callee) : e.args.map(() => true);
      e.args.forEach((a, i) => {
        if (!inner[i] || a.type.tag !== 'array') return;
        const l = rootLocal(a);
        fn.params.forEach((p, j) => {
          if (p.type.tag === 'array' && (l === undefined || l === p || !l.isParam)) out[j] = true;
        });
      });
    }
    memo.set(fn, out);
    return out;
  };
  return visit(kernel);
}
