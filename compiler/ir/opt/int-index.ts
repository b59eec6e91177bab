// Integer index arithmetic. JS computes `a[i * n + j]` in doubles; so does the
// typer (`*` of integers is a double product). Where such an index is built
// from integers by + - *, the int64 computation gives the same value whenever
// every step stays within ±2^53, so the index is computed that way, and only
// if a step leaves that range is the double form used: exact, and the common
// case compiles to integer instructions. Locals that only name such an
// expression (`const k = i * n + j`) are substituted into their uses first,
// when nothing they are made of changes before those uses.
import type { Expr, Stmt } from '../nodes';
import { I53 } from '../types';
import { assignedLocals, localsIn, mapBodies, mapExprs } from '../walk';
import { exactForm } from './exact';
import type { Pass } from './pass';

export const integerIndices: Pass = {
  name: 'int-index',
  run: (body) =>
    mapExprs(inlineIntegerNames(body), (e) => {
      if (e.k !== 'element' || e.index.k !== 'toIndex') return e;
      const exact = asI53(e.index.operand);
      if (!exact) return e;
      return { ...e, index: { k: 'exactIndex', type: I53, exact, fallback: e.index.operand, loc: e.index.loc } };
    }),
};

/** The i53 form of an f64 expression made of integers, + - * and negation; undefined otherwise. */
function asI53(e: Expr): Expr | undefined {
  const form = exactForm(e);
  return form && form.shift === 0 ? form.expr : undefined;
}

/**
 * `let k = <integers + - *>` (an integer-valued double) whose value and parts
 * are never reassigned later in its block: its uses become the expression.
 */
function inlineIntegerNames(stmts: Stmt[]): Stmt[] {
  const out: Stmt[] = [];
  for (let i = 0; i < stmts.length; i++) {
    const s = mapBodies(stmts[i]!, inlineIntegerNames);
    if (s.k === 'let' && s.local.intValued && asI53(s.init)) {
      const rest = stmts.slice(i + 1);
      const changed = assignedLocals(rest);
      const parts = localsIn(s.init);
      if (!changed.has(s.local) && ![...parts].some((p) => changed.has(p))) {
        const local = s.local;
        const init = s.init;
        const replaced = mapExprs(rest, (e) => (e.k === 'local' && e.local === local ? init : e));
        out.push(s, ...inlineIntegerNames(replaced));
        return out;
      }
    }
    out.push(s);
  }
  return out;
}
