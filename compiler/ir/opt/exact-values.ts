// Exact integer evaluation of double arithmetic on integers, such as the
// spectral-norm denominator `(i + j) * (i + j + 1) / 2 + i + 1`: JS computes it
// in doubles (a conversion per integer operand, then double steps); the int64
// form (exact.ts) gives the same number with one conversion at the end. Each
// integer leaf whose type allows values too large for that gets a run-time
// bound (exact-range.ts); outside it, the double computation runs instead.
import type { Expr } from '../nodes';
import { BOOL, F64 } from '../types';
import { exprKey, exprTree, hasSideEffects, mapExpr, mapExprs } from '../walk';
import { doubleForm, exactForm } from './exact';
import { fits, leafRange, leaves } from './exact-range';
import type { Pass } from './pass';

/**
 * Fewer double steps than this are not worth a guarded integer form: a single
 * product of two integers, for one, vectorises better as doubles.
 */
const MIN_DOUBLE_STEPS = 3;
/** Leaf bounds below 2^16 would send ordinary values down the slow path. */
const MIN_BOUND_BITS = 16;

export const exactValues: Pass = {
  name: 'exact-values',
  run: (body) => mapExprs(body, exactValue),
};

function exactValue(e: Expr): Expr {
  if (e.k === 'exactIndex' && !e.guard) return guardedIndex(e);
  if (e.k !== 'arith' || e.type.tag !== 'scalar' || e.type.kind !== 'f64') return e;
  const plain = doubleForm(e);
  const form = exactForm(plain);
  if (!form || doubleSteps(plain) < MIN_DOUBLE_STEPS || hasSideEffects(plain)) return e;
  const exact = unchecked(form.expr);
  const guard = guardFor(exact);
  if (!guard) return e;
  // A 0 whose sign JS's computation might make -0 is taken from that computation.
  return {
    k: 'exactValue',
    type: F64,
    guard: all(guard.tests, e.loc),
    exact,
    scale: 2 ** -form.shift,
    fallback: plain,
    nonZero: guard.negZero,
    loc: e.loc,
  };
}

/**
 * An exact index (int-index.ts) with bounds on its leaves instead of an
 * overflow check on every step; with none needed, the bare int64 index.
 */
function guardedIndex(e: Expr & { k: 'exactIndex' }): Expr {
  const exact = unchecked(e.exact);
  const fallback = doubleForm(e.fallback);
  const guard = guardFor(exact);
  if (!guard) return { ...e, fallback };
  if (guard.tests.length === 0) return exact;
  return { ...e, guard: all(guard.tests, e.loc), exact, fallback };
}

function all(tests: Expr[], loc: Expr['loc']): Expr {
  return (
    tests.reduce<Expr | undefined>((acc, t) => (acc ? { k: 'logical', type: BOOL, op: '&&', left: acc, right: t, loc } : t), undefined) ?? {
      k: 'bool',
      type: BOOL,
      value: true,
      loc,
    }
  );
}

/**
 * The run-time tests that keep every int64 step of `exact` within ±2^53: the
 * widest bound 2^g on the leaves whose types allow more; none if no such
 * bound of at least 2^16 exists.
 */
function guardFor(exact: Expr): { tests: Expr[]; negZero: boolean } | undefined {
  const all = leaves(exact);
  for (let g = 53; g >= MIN_BOUND_BITS; g--) {
    const limit = 2n ** BigInt(g);
    const wide = (leaf: Expr): boolean => {
      const [lo, hi] = leafRange(leaf);
      return lo < -limit || hi > limit;
    };
    const fit = fits(exact, (leaf) => {
      const [lo, hi] = leafRange(leaf);
      return [lo < -limit ? -limit : lo, hi > limit ? limit : hi];
    });
    if (!fit.exact) continue;
    const seen = new Set<string>();
    const tests: Expr[] = [];
    for (const wideLeaf of all.filter(wide)) {
      const leaf = standIn(wideLeaf, limit);
      const key = exprKey(leaf);
      if (seen.has(key)) continue;
      seen.add(key);
      tests.push({ k: 'within', type: BOOL, operand: leaf, bound: 2 ** g, loc: leaf.loc });
    }
    return { tests, negZero: fit.negZero };
  }
  return undefined;
}

/**
 * What to test for |leaf| <= limit: a local known to lie in [lo, L] with
 * lo >= -limit is bounded by testing L instead, often a loop invariant.
 */
function standIn(leaf: Expr, limit: bigint): Expr {
  if (leaf.k !== 'local' || !leaf.local.below || !leaf.local.range || BigInt(leaf.local.range[0]) < -limit) return leaf;
  return { k: 'local', type: leaf.local.below.type, local: leaf.local.below, loc: leaf.loc };
}

/** Overflow checks are not needed where leaf bounds keep every step exact. */
function unchecked(e: Expr): Expr {
  return mapExpr(e, (x) => (x.k === 'arith' && x.checked ? { ...x, checked: false } : x));
}

function doubleSteps(e: Expr): number {
  let n = 0;
  for (const x of exprTree(e)) if (x.k === 'arith' && x.type.tag === 'scalar' && x.type.kind === 'f64') n++;
  return n;
}
