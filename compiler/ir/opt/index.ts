// The optimisation passes, in order: integer index arithmetic first (it makes
// the affine indices that range-check elimination recognises), then exact
// integer evaluation of the remaining double arithmetic on integers.
import type { Stmt } from '../nodes';
import { removeProvenChecks } from './bounds';
import { exactValues } from './exact-values';
import { integerIndices } from './int-index';

export function optimiseBody(body: Stmt[]): Stmt[] {
  return exactValues(removeProvenChecks(integerIndices(body)));
}
