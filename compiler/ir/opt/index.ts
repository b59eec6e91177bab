// The optimisation passes, in order: ranges of loop counters, indices that a
// branch's test bounds, then integer index arithmetic (it makes the affine indices that range-check
// elimination recognises), then exact integer evaluation of the remaining
// double arithmetic on integers; last, counting loops whose iterations can
// run side by side are marked for the back end.
import type { Stmt } from '../nodes';
import { removeProvenChecks } from './bounds';
import { exactValues } from './exact-values';
import { guardedIndices } from './guarded-index';
import { integerIndices } from './int-index';
import { batchLanes } from './lanes';
import { counterRanges } from './loop-ranges';

export function optimiseBody(body: Stmt[]): Stmt[] {
  return batchLanes(exactValues(removeProvenChecks(integerIndices(guardedIndices(counterRanges(body))))));
}
