// Lane batching (outer-loop vectorisation). In
//   for (let px = 0; px < width; px++) {
//     const cr = …; let zr = 0, zi = 0, k = 0;
//     while (k < maxIter && zr * zr + zi * zi <= 4) { …; k++; }
//     out[py * width + px] = k;
//   }
// each iteration's inner loop is one long chain of dependent steps, and g++
// runs it one pixel at a time. The lets and the while touch only scalars of
// their own iteration and cannot throw, so several iterations can run them
// side by side: the back end steps every lane while any is live (a finished
// lane keeps its values), then runs each iteration's rest in order. Each lane
// computes exactly what its iteration computes alone, so results are
// bit-identical; the lanes fill the pipeline and vectorise.
import type { Expr, Lanes, Local, Stmt } from '../nodes';
import { assignedLocals, expressions, exprTree, mapBodies } from '../walk';
import { countingLoop, isI53 } from './counting';
import type { Pass } from './pass';

type For = Stmt & { k: 'for' };

/** The target's cost model says how many lanes (none: no batching). */
export const lanes: Pass = {
  name: 'lanes',
  run: (body, ctx) => (ctx.target.laneWidth > 1 ? batchLanes(body, ctx.target.laneWidth) : body),
};

function batchLanes(stmts: Stmt[], width: number): Stmt[] {
  return stmts.map((s) => {
    const inner = mapBodies(s, (list) => batchLanes(list, width));
    if (inner.k !== 'for') return inner;
    const found = lanesOf(inner, width);
    return found ? { ...inner, lanes: found } : inner;
  });
}

function lanesOf(s: For, width: number): Lanes | undefined {
  const counting = countingLoop(s);
  if (!counting || s.label || counting.op !== '<' || !isI53(counting.end.type)) return undefined;
  const { counter, end } = counting;

  const split = s.body.findIndex((x) => x.k !== 'let');
  const loop = s.body[split];
  if (split < 1 || !loop || loop.k !== 'while' || loop.label) return undefined;
  const prologue = s.body.slice(0, split) as (Stmt & { k: 'let' })[];
  const rest = s.body.slice(split + 1);
  const assigned = assignedLocals(s.body);
  if (assigned.has(counter) || !readsOnly(end, assigned, new Set())) return undefined;
  // Elements may be read ahead of earlier iterations' rest only if nothing in the loop stores to any array (views may alias).
  const readsElements = !writesArrays(s.body);

  // The lanes' own scalars: the lets, and the temporaries of the while's body.
  const own = new Set<Local>([counter]);
  for (const l of prologue) {
    if (l.local.type.tag !== 'scalar' || !readsOnly(l.init, assigned, own, readsElements)) return undefined;
    own.add(l.local);
  }
  if (!readsOnly(loop.test, assigned, own)) return undefined;
  for (const b of loop.body) {
    if (b.k === 'let' && b.local.type.tag === 'scalar' && readsOnly(b.init, assigned, own)) own.add(b.local);
    else if (b.k !== 'expr' || !scalarUpdate(b.expr, assigned, own)) return undefined;
  }
  // A break would end every lane's loop; the rest runs once per lane.
  if (rest.some((x) => jumps(x))) return undefined;
  return { width, split, locals: prologue.map((l) => l.local) };
}

/** `x = e`, `x++` or `x--` on one of the lanes' own scalars. */
function scalarUpdate(e: Expr, assigned: Set<Local>, own: Set<Local>): boolean {
  if (e.k === 'update') return e.target.k === 'local' && own.has(e.target.local);
  return e.k === 'assign' && e.target.k === 'local' && own.has(e.target.local) && readsOnly(e.value, assigned, own);
}

/**
 * Scalar arithmetic that cannot throw, reading only the lanes' own scalars
 * and locals that nothing in the loop assigns (so every lane sees the values
 * its iteration would), and, where `elements`, array elements known in range.
 */
function readsOnly(e: Expr, assigned: Set<Local>, own: Set<Local>, elements = false): boolean {
  for (const x of exprTree(e)) {
    switch (x.k) {
      case 'length':
        if (x.array.k !== 'local' || assigned.has(x.array.local)) return false;
        break;
      case 'element':
        // Only reads proven in range: a check could throw before earlier iterations finished.
        if (
          !elements ||
          x.checked ||
          x.index.k === 'toIndex' ||
          x.index.k === 'exactIndex' ||
          x.array.k !== 'local' ||
          assigned.has(x.array.local)
        )
          return false;
        break;
      // Pure, and cannot throw (Math and Number builtins included).
      case 'num':
      case 'bool':
      case 'arith':
      case 'bit':
      case 'bitnot':
      case 'neg':
      case 'compare':
      case 'logical':
      case 'not':
      case 'truthy':
      case 'cond':
      case 'seq':
      case 'builtin':
      case 'exactValue':
      case 'within':
      case 'storeClamp':
        break;
      case 'local':
        if (!own.has(x.local) && assigned.has(x.local)) return false;
        break;
      case 'convert':
        if (x.overflowCheck) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

function writesArrays(stmts: Stmt[]): boolean {
  for (const e of expressions(stmts)) {
    if ((e.k === 'assign' || e.k === 'update') && e.target.k === 'element') return true;
    if (e.k === 'fill' || e.k === 'setArray' || e.k === 'call') return true;
  }
  return false;
}

function jumps(s: Stmt): boolean {
  switch (s.k) {
    case 'break':
    case 'continue':
      return true;
    case 'if':
      return s.then.some(jumps) || (s.else ?? []).some(jumps);
    case 'for':
    case 'while':
    case 'do':
    case 'block':
    case 'prange':
      return s.body.some(jumps);
    case 'switch':
      return s.cases.some((c) => c.body.some(jumps));
    default:
      return false;
  }
}
