// Bounds checks that cannot fail are not emitted. In the canonical loop
//   for (let i = <non-negative>; i < A.length; i++) { … }
// where the body never assigns i or A, every A[i] is in range. Other arrays B
// indexed by i are in range when B.length >= A.length; the loop is versioned
// on that test (one check before the loop): the fast copy has no checks, the
// other keeps them, so an out-of-bounds index still throws where it would.
import type { Expr, Local, Stmt } from '../nodes';
import { BOOL } from '../types';
import { versionAffine } from './affine';
import { countingLoop } from './counting';
import { assignedLocals, expressions, exprTree, mapBodies, mapExprs } from './walk';

export function removeProvenChecks(stmts: Stmt[]): Stmt[] {
  return stmts.map((s) => {
    const inner = mapBodies(s, removeProvenChecks);
    if (inner.k !== 'for' && inner.k !== 'prange') return inner;
    const versioned = versionLoop(inner);
    return versioned.k === 'for' ? versionAffine(versioned) : versioned;
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

/** Arrays (held in locals) indexed by exactly `counter` in `stmts`. */
function indexedBy(stmts: Stmt[], counter: Local): Set<Local> {
  const out = new Set<Local>();
  const visit = (e: Expr) => {
    for (const x of exprTree(e)) {
      if (x.k === 'element' && isLocal(x.index, counter) && x.array.k === 'local') out.add(x.array.local);
      if ((x.k === 'assign' || x.k === 'update') && x.target.k === 'element' && isLocal(x.target.index, counter) && x.target.array.k === 'local') {
        out.add(x.target.array.local);
      }
    }
  };
  for (const e of expressions(stmts)) visit(e);
  return out;
}

function hasLabels(s: Stmt): boolean {
  return JSON.stringify(s, (key, value: unknown) => (key === 'local' || key === 'loc' ? undefined : value)).includes('"label"');
}

function versionLoop(s: Loop): Stmt {
  const c = canonical(s);
  if (!c) return s;
  const changed = assignedLocals(s.body);
  if (changed.has(c.counter) || changed.has(c.bound)) return s;
  const arrays = [...indexedBy(s.body, c.counter)].filter((a) => !changed.has(a));
  if (arrays.length === 0) return s;
  const others = arrays.filter((a) => a !== c.bound);
  const safe = new Set(arrays);
  const fast: Loop = { ...s, body: mapExprs(s.body, (e) => (e.k === 'element' && e.checked && isLocal(e.index, c.counter) && e.array.k === 'local' && safe.has(e.array.local) ? { ...e, checked: false } : e)) };
  // Versioning copies the loop: C++ labels (from labelled break/continue) must stay unique.
  if (others.length === 0 || hasLabels(s)) return others.length === 0 ? fast : s;
  const loc = s.loc;
  const len = (l: Local): Expr => ({ k: 'length', type: { tag: 'scalar', kind: 'i53' }, array: { k: 'local', type: l.type, local: l, loc }, loc });
  const test = others
    .map((b): Expr => ({ k: 'compare', type: BOOL, op: '>=', left: len(b), right: len(c.bound), loc }))
    .reduce((a, b): Expr => ({ k: 'logical', type: BOOL, op: '&&', left: a, right: b, loc }));
  return { k: 'if', test, then: [fast], else: [s], loc };
}
