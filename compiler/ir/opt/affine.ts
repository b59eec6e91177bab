// Range-check elimination for affine indices. In a counting loop
//   for (let j = S; j < E; j++) { … a[X + j] … }
// whose body never assigns j, a, or anything X, S and E are made of, every
// index lies in [S + X, E - 1 + X]. One test before the loop (E <= S, or every
// such range inside its array) selects a copy of the loop without those
// checks; otherwise the original loop runs, and throws where it would. The
// moving term may also be a local that a branch's test bounds by [lo, L) with
// L invariant (guarded-index.ts: `if (b >= 0 && b < bins) rows[c * bins + b]`),
// whose indices lie in [X + lo, X + L - 1]. An X
// computed by the exact integer index path (int-index.ts) must not have left
// ±2^53 in the test, so the copy can use plain int64 arithmetic for it.
import type { Expr, Local, Stmt } from '../nodes';
import { exactRange } from '../range';
import { BOOL, I53 } from '../types';
import { assignedLocals, declaredLocals, expressions, exprKey, exprTree, mapExpr, mapExprs } from '../walk';
import { countingLoop } from './counting';
import { versioned } from './versioning';

type For = Stmt & { k: 'for' };

const I53T = I53;

/** Pure, and made only of locals the body leaves alone. */
function invariant(e: Expr, changed: Set<Local>): boolean {
  for (const x of exprTree(e)) {
    if (!['num', 'local', 'arith', 'convert', 'length', 'neg'].includes(x.k)) return false;
    if (x.k === 'local' && changed.has(x.local)) return false;
  }
  return true;
}

/** A local that takes several values in the loop: each lies in [lo, hi). */
interface Mover {
  lo: Expr;
  hi: Expr;
}

interface Access {
  array: Local;
  mover: Mover;
  /** index = offset + coef·mover. */
  coef: number;
  /** The invariant part of the index: index = offset + j. */
  offset: Expr;
  /** The offset as the loop test evaluates it (-2^62, failing the test, when its exact computation left ±2^53). */
  tested: Expr;
}

interface Term {
  e: Expr;
  /** The term counts `coef` times (a literal factor, with the sign of a subtraction). */
  coef: number;
}

/** Literal factors this large would make the range test's products overflow. */
const MAX_COEF = 2 ** 10;

/** The terms of a sum of integers (i53 + and -, and products by a literal; checked or not). */
function terms(e: Expr, coef: number, out: Term[]): Term[] {
  const i53 = e.type.tag === 'scalar' && e.type.kind === 'i53';
  if (i53 && e.k === 'arith' && (e.op === '+' || e.op === '-')) {
    terms(e.left, coef, out);
    terms(e.right, e.op === '-' ? -coef : coef, out);
  } else if (i53 && e.k === 'arith' && e.op === '*' && (literal(e.right) || literal(e.left))) {
    const [factor, other] = literal(e.right) ? [e.right, e.left] : [e.left, e.right];
    terms(other, coef * (factor as Expr & { k: 'num' }).value, out);
  } else out.push({ e, coef });
  return out;
}

const literal = (e: Expr): boolean => e.k === 'num' && Number.isInteger(e.value) && e.value !== 0 && Math.abs(e.value) <= MAX_COEF;

/**
 * At most 2^40 in magnitude (times its factor), by type or proven range: an
 * array in memory has fewer than 2^48 bytes, so an in-range index plus a few
 * such terms stays far below 2^53.
 */
function small(t: Term): boolean {
  const r = exactRange(t.e);
  return r !== undefined && Math.max(Math.abs(r[0]), Math.abs(r[1])) * Math.abs(t.coef) <= 2 ** 40;
}

/**
 * index = offset + c·j (c a positive literal), where the sum has exactly one
 * j term, at most one other term of any size and the rest small. Then, while
 * the index is in an array's range (far below 2^53), every partial sum in
 * the source's order is too, so plain int64 arithmetic in that order gives
 * the JS value.
 */
function offsetOf(
  index: Expr,
  movers: Map<Local, Mover>,
  changed: Set<Local>,
  loc: Expr['loc'],
): { mover: Mover; coef: number; offset: Expr; tested: Expr } | undefined {
  const exact = index.k === 'exactIndex' && !index.guard ? index.exact : index;
  if (exact.type.tag !== 'scalar' || exact.type.kind !== 'i53') return undefined;
  const all = terms(exact, 1, []);
  const isMover = (t: Term) => t.e.k === 'local' && movers.has(t.e.local);
  const js = all.filter(isMover);
  const rest = all.filter((t) => !isMover(t));
  if (js.length !== 1 || js[0]!.coef <= 0 || rest.some((t) => !invariant(t.e, changed))) return undefined;
  const { coef } = js[0]!;
  const mover = movers.get((js[0]!.e as Expr & { k: 'local' }).local)!;
  // Beyond a factor of 1 the mover's bounds must be small, so coef·bound cannot overflow.
  if (coef !== 1 && ![mover.lo, mover.hi].every((b) => small({ e: b, coef }))) return undefined;
  if (rest.filter((t) => !small(t)).length > 1) return undefined;
  const checked = index !== exact;
  const term = (t: Term, withChecks: boolean): Expr => {
    const e = withChecks ? t.e : unchecked(t.e);
    const n = Math.abs(t.coef);
    return n === 1
      ? e
      : { k: 'arith', type: I53T, op: '*', left: e, right: { k: 'num', type: I53T, value: n, loc }, loc, checked: withChecks || undefined };
  };
  const sum = (ts: Term[], withChecks: boolean): Expr =>
    ts.reduce<Expr>(
      (acc, t) => ({
        k: 'arith',
        type: I53T,
        op: t.coef > 0 ? '+' : '-',
        left: acc,
        right: term(t, withChecks),
        loc,
        checked: withChecks || undefined,
      }),
      { k: 'num', type: I53T, value: 0, loc },
    );
  if (!checked) return { mover, coef, offset: sum(rest, false), tested: sum(rest, false) };
  return { mover, coef, offset: sum(rest, false), tested: { k: 'exactOffset', type: I53T, exact: sum(rest, true), loc } };
}

/** The same integer expression without overflow checks (valid once the test has seen it stay within ±2^53). */
function unchecked(e: Expr): Expr {
  return mapExpr(e, (x) => (x.k === 'arith' && x.checked ? { ...x, checked: false } : x));
}

/** `s` with a copy free of the checks on affine indices, chosen by one test before the loop; `fallback` otherwise. */
export function versionAffine(s: For, fallback: Stmt): Stmt {
  const loop = countingLoop(s);
  if (!loop || s.label) return s;
  const { counter: j, start, op, end: bound } = loop;
  const assigned = assignedLocals(s.body);
  const changed = new Set(assigned);
  if (changed.has(j)) return s;
  // The counter and the body's own locals vary too: an offset or bound must not mention them.
  changed.add(j);
  const declared = declaredLocals(s.body);
  for (const l of declared) changed.add(l);
  if (!invariant(bound, changed) || !invariant(start, changed)) return s;

  const loc = s.loc;
  const one: Expr = { k: 'num', type: I53T, value: 1, loc };
  // The counter's values: [S, E) for <, [S, E + 1) for <=.
  const end: Expr = op === '<' ? bound : { k: 'arith', type: I53T, op: '+', left: bound, right: one, loc };
  const movers = new Map<Local, Mover>([[j, { lo: start, hi: end }]]);
  for (const l of declared) {
    if (l.below && l.range && !changed.has(l.below) && !assigned.has(l)) {
      movers.set(l, { lo: { k: 'num', type: I53T, value: l.range[0], loc }, hi: { k: 'local', type: l.below.type, local: l.below, loc } });
    }
  }
  const accesses = new Map<string, Access>();
  const key = (a: Local, e: Expr) => `${a.id}:${exprKey(e)}`;
  const consider = (e: Expr) => {
    const exactIndex = e.k === 'element' && e.index.k === 'exactIndex' && !e.index.guard;
    if (e.k !== 'element' || !(e.checked || exactIndex) || e.array.k !== 'local' || changed.has(e.array.local)) return;
    const o = offsetOf(e.index, movers, changed, loc);
    if (o) accesses.set(key(e.array.local, e.index), { array: e.array.local, ...o });
  };
  for (const e of expressions(s.body)) {
    consider(e);
    if ((e.k === 'assign' || e.k === 'update') && e.target.k === 'element') consider(e.target as Expr);
  }
  if (accesses.size === 0) return s;

  const add = (a: Expr, b: Expr): Expr => ({ k: 'arith', type: I53T, op: '+', left: a, right: b, loc });
  const cmp = (op: '<=' | '>=', a: Expr, b: Expr): Expr => ({ k: 'compare', type: BOOL, op, left: a, right: b, loc });
  const and = (a: Expr, b: Expr): Expr => ({ k: 'logical', type: BOOL, op: '&&', left: a, right: b, loc });
  const zero: Expr = { k: 'num', type: I53T, value: 0, loc };
  const times = (coef: number, e: Expr): Expr =>
    coef === 1 ? e : { k: 'arith', type: I53T, op: '*', left: e, right: { k: 'num', type: I53T, value: coef, loc }, loc };
  const inRange = [...accesses.values()].map((a) => {
    const len: Expr = { k: 'length', type: I53T, array: { k: 'local', type: a.array.type, local: a.array, loc }, loc };
    // The largest index is offset + coef·(hi - 1): it must be below the length.
    const last: Expr =
      a.coef === 1
        ? a.mover.hi
        : {
            k: 'arith',
            type: I53T,
            op: '+',
            left: times(a.coef, { k: 'arith', type: I53T, op: '-', left: a.mover.hi, right: one, loc }),
            right: one,
            loc,
          };
    return and(cmp('>=', add(a.tested, times(a.coef, a.mover.lo)), zero), cmp('<=', add(a.tested, last), len));
  });
  const empty: Expr = { k: 'compare', type: BOOL, op: op === '<' ? '<=' : '<', left: bound, right: start, loc };
  const test: Expr = { k: 'logical', type: BOOL, op: '||', left: empty, right: inRange.reduce(and), loc };

  const fastBody = mapExprs(s.body, (e) => {
    if (e.k !== 'element' || e.array.k !== 'local' || !accesses.has(key(e.array.local, e.index))) return e;
    // The index in the source's order, without overflow checks (see offsetOf).
    return { ...e, checked: false, index: e.index.k === 'exactIndex' ? unchecked(e.index.exact) : e.index };
  });
  return versioned(test, { ...s, body: fastBody }, fallback);
}
