// Integer index arithmetic. JS computes `a[i * n + j]` in doubles; so does the
// typer (`*` of integers is a double product). Where such an index is built
// from integers by + - *, the int64 computation gives the same value whenever
// every step stays within ±2^53, so the index is computed that way, and only
// if a step leaves that range is the double form used: exact, and the common
// case compiles to integer instructions. Locals that only name such an
// expression (`const k = i * n + j`) are substituted into their uses first,
// when nothing they are made of changes before those uses.
import type { Expr, Local, Stmt } from '../nodes';
import { I53 } from '../types';
import { exactForm } from './exact';
import { assignedLocals, exprTree, mapBodies, mapExprs } from './walk';

export function integerIndices(stmts: Stmt[]): Stmt[] {
  return mapExprs(inlineIntegerNames(stmts), (e) => {
    if (e.k !== 'element') return e;
    const idx = e.index;
    if (idx.k !== 'builtin' || idx.name !== 'tsn.to_index') return e;
    const exact = asI53(idx.args[0]!);
    if (!exact) return e;
    return { ...e, index: { k: 'builtin', type: I53, name: 'tsn.index53', args: [exact, idx.args[0]!], loc: idx.loc } };
  });
}

/** The i53 form of an f64 expression made of integers, + - * and negation; undefined otherwise. */
function asI53(e: Expr): Expr | undefined {
  const form = exactForm(e);
  return form && form.shift === 0 ? form.expr : undefined;
}

function localsIn(e: Expr): Set<Local> {
  const out = new Set<Local>();
  for (const x of exprTree(e)) if (x.k === 'local') out.add(x.local);
  return out;
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

