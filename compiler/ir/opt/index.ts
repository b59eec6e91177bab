// The optimisation passes, in order: integer index arithmetic first (it makes
// the affine indices that range-check elimination recognises).
import type { Stmt } from '../nodes';
import { removeProvenChecks } from './bounds';
import { integerIndices } from './int-index';

export function optimiseBody(body: Stmt[]): Stmt[] {
  return removeProvenChecks(integerIndices(body));
}
