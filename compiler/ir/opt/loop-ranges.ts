// The range of a counting loop's counter. In
//   for (let j = S; j < E; j++) { … }   (or j <= E)
// whose body never assigns j, j only steps from S up to E (E + 1 for <=), so
// where S and E have known ranges (compiler/ir/range.ts), so has j. The
// typer gave const locals their ranges before counters had any, so theirs are
// computed again here, in program order. Later passes use them: leaf bounds
// in exact-values.ts, small terms in affine.ts.
import type { Local, Stmt } from '../nodes';
import { exactRange } from '../range';
import { assignedLocals, mapBodies } from './walk';

export function counterRanges(stmts: Stmt[]): Stmt[] {
  for (const s of stmts) {
    // Outer counters first: an inner loop's bounds may be made of them.
    if (s.k === 'for') annotate(s);
    if (s.k === 'let' && s.local.constant && isI53(s.local)) s.local.range = exactRange(s.init) ?? s.local.range;
    mapBodies(s, counterRanges);
  }
  return stmts;
}

function annotate(s: Stmt & { k: 'for' }): void {
  const [init] = s.init;
  const [update] = s.update;
  const t = s.test;
  if (s.init.length !== 1 || !init || init.k !== 'let' || s.update.length !== 1 || !update || !t) return;
  const j = init.local;
  if (!isI53(j) || j.range) return;
  if (update.k !== 'update' || update.op !== '++' || update.target.k !== 'local' || update.target.local !== j) return;
  if (t.k !== 'compare' || (t.op !== '<' && t.op !== '<=') || t.left.k !== 'local' || t.left.local !== j) return;
  if (assignedLocals(s.body).has(j)) return;
  const start = exactRange(init.init);
  const end = exactRange(t.right);
  if (!start || !end) return;
  j.range = [start[0], Math.max(start[1], end[1] + (t.op === '<=' ? 1 : 0))];
}

const isI53 = (l: Local): boolean => l.type.tag === 'scalar' && l.type.kind === 'i53';
