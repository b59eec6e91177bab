// The range of a counting loop's counter. In
//   for (let j = S; j < E; j++) { … }   (or j <= E)
// whose body never assigns j, j only steps from S up to E (E + 1 for <=), so
// where S and E have known ranges (compiler/ir/range.ts), so has j. The
// typer gave const locals their ranges before counters had any, so theirs are
// computed again here, in program order. Later passes use them: leaf bounds
// in exact-values.ts, small terms in affine.ts.
import type { Stmt } from '../nodes';
import { exactRange } from '../range';
import { countingLoop, isI53 } from './counting';
import { assignedLocals, mapBodies } from './walk';

export function counterRanges(stmts: Stmt[]): Stmt[] {
  for (const s of stmts) {
    // Outer counters first: an inner loop's bounds may be made of them.
    if (s.k === 'for') annotate(s);
    if (s.k === 'let' && s.local.constant && isI53(s.local.type)) s.local.range = exactRange(s.init) ?? s.local.range;
    mapBodies(s, counterRanges);
  }
  return stmts;
}

function annotate(s: Stmt & { k: 'for' }): void {
  const loop = countingLoop(s);
  if (!loop || loop.counter.range || assignedLocals(s.body).has(loop.counter)) return;
  const start = exactRange(loop.start);
  const end = exactRange(loop.end);
  if (start && end) loop.counter.range = [start[0], Math.max(start[1], end[1] + (loop.op === '<=' ? 1 : 0))];
}
