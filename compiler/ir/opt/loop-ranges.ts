// The range of a counting loop's counter. In
//   for (let j = S; j < E; j++) { … }   (or j <= E)
// whose body never assigns j, j only steps from S up to E (E + 1 for <=), so
// where S and E have known ranges (compiler/ir/range.ts), so has j. The
// typer gave const locals their ranges before counters had any, so theirs are
// computed again here, in program order. Later passes use them: leaf bounds
// in exact-values.ts, small terms in affine.ts. A local that gains a range is
// replaced by a copy that carries it (locals are shared, never changed).
import type { Local, Stmt } from '../nodes';
import { exactRange } from '../range';
import { assignedLocals, mapBodies, substituteLocals } from '../walk';
import { countingLoop, isI53 } from './counting';
import type { Pass } from './pass';

export const loopRanges: Pass = { name: 'loop-ranges', run: (body) => counterRanges(body) };

function counterRanges(input: Stmt[]): Stmt[] {
  let stmts = input;
  const out: Stmt[] = [];
  for (let i = 0; i < stmts.length; i++) {
    let s = stmts[i]!;
    // Outer counters first: an inner loop's bounds may be made of them.
    const counter = s.k === 'for' ? counterWithRange(s) : undefined;
    if (counter) [s] = substituteLocals([s], new Map([counter]));
    if (s.k === 'let' && s.local.constant && isI53(s.local.type)) {
      const range = exactRange(s.init);
      if (range && !sameRange(range, s.local.range)) {
        // A const is visible to the statements after it: they read the new copy.
        stmts = [...out, ...substituteLocals(stmts.slice(i), new Map([[s.local, { ...s.local, range }]]))];
        s = stmts[i]!;
      }
    }
    out.push(mapBodies(s, counterRanges));
  }
  return out;
}

function sameRange(a: readonly [number, number], b: readonly [number, number] | undefined): boolean {
  return b !== undefined && a[0] === b[0] && a[1] === b[1];
}

function counterWithRange(s: Stmt & { k: 'for' }): [Local, Local] | undefined {
  const loop = countingLoop(s);
  if (!loop || loop.counter.range || assignedLocals(s.body).has(loop.counter)) return undefined;
  const start = exactRange(loop.start);
  const end = exactRange(loop.end);
  if (!start || !end) return undefined;
  const range: [number, number] = [start[0], Math.max(start[1], end[1] + (loop.op === '<=' ? 1 : 0))];
  return [loop.counter, { ...loop.counter, range }];
}
