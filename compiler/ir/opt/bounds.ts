// Bounds checks that cannot fail are not emitted. In the canonical loop
//   for (let i = <non-negative>; i < A.length; i++) { … }
// where the body never assigns i or A, every A[i] is in range. Other arrays B
// indexed by i are in range when B.length >= A.length; the loop is versioned
// on that test (one check before the loop): the fast copy has no checks, the
// other keeps them, so an out-of-bounds index still throws where it would.
//
// Inner loops are versioned first, and only the fast copy of an outer loop
// keeps their versions: its fallback is the loop with the checks removed that
// need no copy. So a loop body nested d deep is copied d + 1 times, not 2^d,
// and a loop larger than a budget is not copied at all.
import type { Expr, Local, Stmt } from '../nodes';
import { BOOL } from '../types';
import { assignedLocals, expressions, mapBodies, mapExprs } from '../walk';
import { versionAffine } from './affine';
import { countingLoop } from './counting';
import type { Pass } from './pass';
import { copyable, versioned } from './versioning';

export const boundsChecks: Pass = { name: 'bounds', run: (body) => removeProvenChecks(body, true) };

/** `copies`: loops may be versioned (else only checks that need no test go). */
function removeProvenChecks(stmts: Stmt[], copies: boolean): Stmt[] {
  return stmts.map((s) => {
    const inner = mapBodies(s, (list) => removeProvenChecks(list, copies));
    if (inner.k !== 'for' && inner.k !== 'prange') return inner;
    const fallback = copies && copyable(s) ? (removeProvenChecks([s], false)[0] as Loop) : undefined;
    const result = versionLoop(inner, fallback);
    return result.k === 'for' && fallback ? versionAffine(result, fallback) : result;
  });
}

interface Canonical {
  counter: Local;
  bound: Local;
}

type Loop = Stmt & { k: 'for' | 'prange' };

function canonical(s: Loop): Canonical | undefined {
  return s.k === 'for' ? canonicalFor(s) : canonicalPrange(s);
}

/** `for (const i of prange(A.length))` (start ≥ 0, step 1): the body's first statement declares i. */
function canonicalPrange(s: Stmt & { k: 'prange' }): Canonical | undefined {
  const first = s.body[0];
  const stepOne = s.step.k === 'num' && s.step.value === 1;
  const startOk = s.start.k === 'num' && s.start.value >= 0;
  if (!stepOne || !startOk || s.end.k !== 'length' || s.end.array.k !== 'local') return undefined;
  if (!first || first.k !== 'let' || !isLocal(first.init, s.index)) return undefined;
  if (first.local.type.tag !== 'scalar' || first.local.type.kind !== 'i53') return undefined;
  return { counter: first.local, bound: s.end.array.local };
}

function canonicalFor(s: Stmt & { k: 'for' }): Canonical | undefined {
  const loop = countingLoop(s);
  if (!loop || loop.op !== '<' || loop.end.k !== 'length' || loop.end.array.k !== 'local') return undefined;
  const startsNonNegative = (loop.start.k === 'num' && loop.start.value >= 0) || loop.start.k === 'length';
  return startsNonNegative ? { counter: loop.counter, bound: loop.end.array.local } : undefined;
}

const isLocal = (e: Expr, local: Local): boolean => e.k === 'local' && e.local === local;

/** Arrays (held in locals) indexed with a check by exactly `counter` in `stmts`. */
function indexedBy(stmts: Stmt[], counter: Local): Set<Local> {
  const out = new Set<Local>();
  const note = (x: { array: Expr; index: Expr; checked: boolean }) => {
    if (x.checked && isLocal(x.index, counter) && x.array.k === 'local') out.add(x.array.local);
  };
  for (const x of expressions(stmts)) {
    if (x.k === 'element') note(x);
    if ((x.k === 'assign' || x.k === 'update') && x.target.k === 'element') note(x.target);
  }
  return out;
}

/**
 * `s` (inner loops done) without the checks its counter proves; where that
 * needs a test, a version with `fallback` as the other branch (none: no copy).
 */
function versionLoop(s: Loop, fallback: Loop | undefined): Stmt {
  const c = canonical(s);
  if (!c) return s;
  const changed = assignedLocals(s.body);
  if (changed.has(c.counter) || changed.has(c.bound)) return s;
  const arrays = [...indexedBy(s.body, c.counter)].filter((a) => !changed.has(a));
  if (arrays.length === 0) return s;
  const others = arrays.filter((a) => a !== c.bound);
  const unchecked = (safe: ReadonlySet<Local>): Loop => ({
    ...s,
    body: mapExprs(s.body, (e) =>
      e.k === 'element' && e.checked && isLocal(e.index, c.counter) && e.array.k === 'local' && safe.has(e.array.local)
        ? { ...e, checked: false }
        : e,
    ),
  });
  const fast = unchecked(new Set(arrays));
  if (others.length === 0) return fast;
  // Without a copy, the bound array's own checks still go: they can never fail.
  if (!fallback) return arrays.includes(c.bound) ? unchecked(new Set([c.bound])) : s;
  const loc = s.loc;
  const len = (l: Local): Expr => ({
    k: 'length',
    type: { tag: 'scalar', kind: 'i53' },
    array: { k: 'local', type: l.type, local: l, loc },
    loc,
  });
  const test = others
    .map((b): Expr => ({ k: 'compare', type: BOOL, op: '>=', left: len(b), right: len(c.bound), loc }))
    .reduce((a, b): Expr => ({ k: 'logical', type: BOOL, op: '&&', left: a, right: b, loc }));
  return versioned(test, fast, fallback);
}
