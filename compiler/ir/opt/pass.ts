// What a pass is and what it may see. A pass takes a function body and returns
// a new one; it never changes the IR it was given (IR is shared: a function's
// body may be printed, or optimised again for another target). New locals come
// from the context, so ids stay unique within the function.
import type { IrFunction, Local, Stmt } from '../nodes';
import type { IrType } from '../types';
import { declaredLocals, expressions } from '../walk';

/** The choices a pass makes differently per target, from the back end's cost model. */
export interface TargetCosts {
  /** The target's name (`cpu`, `cuda`). */
  name: string;
  /** Loop iterations run side by side by lane batching; 0 turns it off. */
  laneWidth: number;
}

export interface PassContext {
  readonly target: TargetCosts;
  /** The function's options (`fastmath`, `noboundscheck`, `overflowcheck`). */
  readonly options: ReadonlySet<string>;
  readonly params: readonly Local[];
  /** A compiler-made local with an id no other local of the function has. */
  fresh(name: string, type: IrType, facts?: Pick<Local, 'range' | 'below' | 'intValued'>): Local;
}

export interface Pass {
  /** Names the pass in `tsnative emit --ir --after NAME` and in errors. */
  name: string;
  run(body: Stmt[], ctx: PassContext): Stmt[];
}

export function passContext(fn: IrFunction, target: TargetCosts): PassContext {
  let next = 0;
  const seen = (l: Local) => (next = Math.max(next, l.id + 1));
  fn.params.forEach(seen);
  declaredLocals(fn.body).forEach(seen);
  for (const e of expressions(fn.body)) {
    if (e.k === 'local') seen(e.local);
    if (e.k === 'setArray') seen(e.element);
  }
  return {
    target,
    options: fn.options,
    params: fn.params,
    fresh: (name, type, facts = {}) => ({ id: next++, name, type, isParam: false, synthetic: true, ...facts }),
  };
}
