// Indices made exact by the test that guards them. In
//   const b = Math.floor((x - lo) * scale);
//   if (b >= 0 && b < bins) rows[c * bins + b]++;
// b is a double that may be NaN or huge, but inside the branch it is an
// integer within [0, bins), so it equals an int64 copy: the index becomes
// integer arithmetic (int-index.ts) instead of a double checked per access.
// Only index expressions use the copy: as a value b may still be -0.
import type { Expr, Local, Stmt } from '../nodes';
import { exactRange } from '../range';
import { F64, I53 } from '../types';
import { assignedLocals, mapBodies, mapExpr, mapExprs } from '../walk';
import type { Pass, PassContext } from './pass';

export const guardedIndices: Pass = { name: 'guarded-index', run: (body, ctx) => narrowAll(body, ctx) };

function narrowAll(stmts: Stmt[], ctx: PassContext): Stmt[] {
  return stmts.map((s) => {
    const inner = mapBodies(s, (l) => narrowAll(l, ctx));
    return inner.k === 'if' ? narrowBranch(inner, ctx) : inner;
  });
}

type If = Stmt & { k: 'if' };

function narrowBranch(s: If, ctx: PassContext): If {
  const changed = assignedLocals(s.then);
  let then = s.then;
  const copies: Stmt[] = [];
  for (const [local, { range, below }] of boundedLocals(s.test)) {
    if (changed.has(local) || (below && changed.has(below))) continue;
    const copy = ctx.fresh(`${local.name}_int`, I53, { range, below });
    const ref = (e: Expr): Expr => ({ k: 'local', type: I53, local: copy, loc: e.loc });
    let used = false;
    then = mapExprs(then, (e) => {
      if (e.k !== 'toIndex') return e;
      const operand = mapExpr(e.operand, (x) => {
        if (x.k !== 'local' || x.local !== local) return x;
        used = true;
        return { k: 'convert', type: F64, to: 'f64', operand: ref(x), loc: x.loc };
      });
      return { ...e, operand };
    });
    if (used)
      copies.push({
        k: 'let',
        local: copy,
        init: { k: 'convert', type: I53, to: 'i53', operand: { k: 'local', type: F64, local, loc: s.loc }, loc: s.loc },
        loc: s.loc,
      });
  }
  return copies.length ? { ...s, then: [...copies, ...then] } : s;
}

/**
 * f64 locals that `test` (a chain of &&) bounds below and above by integers
 * exact in int64: integer-valued locals are then exact integers in the branch.
 */
interface Bounds {
  range: [number, number];
  /** An integer local the test bounds it by from above (strictly). */
  below?: Local;
}

function boundedLocals(test: Expr): Map<Local, Bounds> {
  const lower = new Map<Local, number>();
  const upper = new Map<Local, number>();
  const below = new Map<Local, Local>();
  for (const c of conjuncts(test)) {
    if (c.k !== 'compare') continue;
    const [local, op, other] =
      c.left.k === 'local' ? [c.left.local, c.op, c.right] : c.right.k === 'local' ? [c.right.local, mirror(c.op), c.left] : [];
    if (!local || !op || !other || !local.intValued || local.type.tag !== 'scalar' || local.type.kind !== 'f64') continue;
    const bound = exactRange(other);
    if (!bound) continue;
    if (op === '>=' || op === '>' || op === '==') lower.set(local, Math.max(lower.get(local) ?? -Infinity, bound[0]));
    if (op === '<' || op === '<=' || op === '==') {
      upper.set(local, Math.min(upper.get(local) ?? Infinity, bound[1]));
      const named = other.k === 'convert' ? other.operand : other;
      if (op === '<' && named.k === 'local' && named.type.tag === 'scalar' && named.type.kind === 'i53') below.set(local, named.local);
    }
  }
  const out = new Map<Local, Bounds>();
  for (const [local, lo] of lower) if (upper.has(local)) out.set(local, { range: [lo, upper.get(local)!], below: below.get(local) });
  return out;
}

function conjuncts(e: Expr): Expr[] {
  return e.k === 'logical' && e.op === '&&' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

const MIRROR: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };
const mirror = (op: string): string => MIRROR[op]!;
