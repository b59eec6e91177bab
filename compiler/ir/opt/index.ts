// The optimisation passes, in order. Each keeps results bit-identical to JS
// (its file says why); the verifier checks the IR after each one.
//   loop-ranges    ranges of loop counters (later passes bound indices by them)
//   guarded-index  an integer-valued double bounded by a branch's test indexes as an int64
//   int-index      index arithmetic on integers in int64, with the double computation as fallback
//   bounds         checks that cannot fail removed; loops versioned on one test where that needs one
//   exact-values   double arithmetic on integers as one int64 computation under run-time bounds
//   lanes          counting loops whose iterations' inner loops can run side by side (SIMD lanes)
import type { IrFunction } from '../nodes';
import { verifyFunction } from '../verify';
import { boundsChecks } from './bounds';
import { exactValues } from './exact-values';
import { guardedIndices } from './guarded-index';
import { integerIndices } from './int-index';
import { lanes } from './lanes';
import { loopRanges } from './loop-ranges';
import { passContext, type Pass, type TargetCosts } from './pass';

export type { Pass, PassContext, TargetCosts } from './pass';

export const PASSES: readonly Pass[] = [loopRanges, guardedIndices, integerIndices, boundsChecks, exactValues, lanes];

export interface OptimiseOptions {
  /** Stop after the pass of this name (`tsnative emit --ir --after`). */
  after?: string;
}

/** `fn` after the passes for `target`; the verifier runs before the first and after each. */
export function optimiseFunction(fn: IrFunction, target: TargetCosts, opts: OptimiseOptions = {}): IrFunction {
  verifyFunction(fn, 'the typer');
  const ctx = passContext(fn, target);
  let out = fn;
  for (const pass of PASSES) {
    out = { ...out, body: pass.run(out.body, ctx) };
    verifyFunction(out, `pass ${pass.name}`);
    if (pass.name === opts.after) break;
  }
  return out;
}
