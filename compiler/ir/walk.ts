// The one traversal of IR trees: passes, back ends, annotate and the CLI ask
// here for children, copies, searches and structural keys, so a new node kind
// is taught to the walker once.
import type { Expr, LValue, Local, Stmt } from './nodes';

/** The direct sub-expressions of `e`, in evaluation order. */
export function children(e: Expr): Expr[] {
  switch (e.k) {
    case 'num':
    case 'bool':
    case 'local':
    case 'thread':
    case 'sharedArray':
      return [];
    case 'atomic':
      return e.compare ? [e.array, e.index, e.compare, e.value] : [e.array, e.index, e.value];
    case 'arith':
    case 'bit':
    case 'compare':
    case 'logical':
    case 'seq':
      return [e.left, e.right];
    case 'bitnot':
    case 'neg':
    case 'not':
    case 'truthy':
    case 'convert':
      return [e.operand];
    case 'toIndex':
    case 'within':
    case 'storeClamp':
    case 'prangeBound':
      return [e.operand];
    case 'cond':
      return [e.test, e.then, e.else];
    case 'element':
      return [e.array, e.index];
    case 'length':
      return [e.array];
    case 'call':
    case 'builtin':
      return e.args;
    case 'assign':
      return [...(e.target.k === 'element' ? [e.target.array, e.target.index] : []), e.value];
    case 'update':
      return e.target.k === 'element' ? [e.target.array, e.target.index] : [];
    case 'newArray':
      return [e.length];
    case 'fill':
      return [e.array, e.value, e.start, e.end];
    case 'subarray':
      return [e.array, e.start, e.end];
    case 'setArray':
      return [e.target, e.source, e.offset, e.convert];
    case 'exactIndex':
      return e.guard ? [e.guard, e.exact, e.fallback] : [e.exact, e.fallback];
    case 'exactValue':
      return [e.guard, e.exact, e.fallback];
    case 'exactOffset':
      return [e.exact];
  }
}

/** `e` and every expression inside it, depth first. */
export function* exprTree(e: Expr): Generator<Expr> {
  yield e;
  for (const child of children(e)) yield* exprTree(child);
}

/** The expressions a statement holds directly (not those of nested statements). */
export function ownExprs(s: Stmt): Expr[] {
  switch (s.k) {
    case 'let':
      return [s.init];
    case 'expr':
      return [s.expr];
    case 'return':
      return s.value ? [s.value] : [];
    case 'if':
    case 'while':
    case 'do':
      return [s.test];
    case 'for':
      return [...(s.test ? [s.test] : []), ...s.update];
    case 'switch':
      return [s.discriminant, ...s.cases.flatMap((c) => (c.match ? [c.match] : []))];
    case 'prange':
      return [s.start, s.end, s.step];
    default:
      return [];
  }
}

/** The statement lists directly inside `s` (a for loop's init first). */
export function childLists(s: Stmt): Stmt[][] {
  switch (s.k) {
    case 'if':
      return s.else ? [s.then, s.else] : [s.then];
    case 'for':
      return [s.init, s.body];
    case 'while':
    case 'do':
    case 'block':
    case 'prange':
      return [s.body];
    case 'switch':
      return s.cases.map((c) => c.body);
    default:
      return [];
  }
}

/** Every statement in `stmts`, nested ones included, outer first. */
export function* statements(stmts: readonly Stmt[]): Generator<Stmt> {
  for (const s of stmts) {
    yield s;
    for (const list of childLists(s)) yield* statements(list);
  }
}

/** Every expression in `stmts`, depth first, in source order (a for loop's init before its test). */
export function* expressions(stmts: readonly Stmt[]): Generator<Expr> {
  for (const s of stmts) {
    if (s.k === 'for') yield* expressions(s.init);
    for (const e of ownExprs(s)) yield* exprTree(e);
    for (const list of childLists(s)) if (!(s.k === 'for' && list === s.init)) yield* expressions(list);
  }
}

export function someStmt(stmts: readonly Stmt[], pred: (s: Stmt) => boolean): boolean {
  for (const s of statements(stmts)) if (pred(s)) return true;
  return false;
}

/** Some expression in `within` (statements, or one expression) satisfies `pred`. */
export function someExpr(within: readonly Stmt[] | Expr, pred: (e: Expr) => boolean): boolean {
  const all = Array.isArray(within) ? expressions(within) : exprTree(within as Expr);
  for (const e of all) if (pred(e)) return true;
  return false;
}

/**
 * A copy of `stmts` in which `fn` may replace any expression, children first.
 * Element targets of assignments and updates go through `fn` as well.
 */
export function mapExprs(stmts: readonly Stmt[], fn: (e: Expr) => Expr): Stmt[] {
  return stmts.map((s) => mapStmtExprs(s, fn));
}

function mapStmtExprs(s: Stmt, fn: (e: Expr) => Expr): Stmt {
  const ex = (e: Expr) => mapExpr(e, fn);
  const list = (l: Stmt[]) => mapExprs(l, fn);
  switch (s.k) {
    case 'let':
      return { ...s, init: ex(s.init) };
    case 'expr':
      return { ...s, expr: ex(s.expr) };
    case 'return':
      return s.value ? { ...s, value: ex(s.value) } : s;
    case 'if':
      return { ...s, test: ex(s.test), then: list(s.then), else: s.else ? list(s.else) : undefined };
    case 'while':
      return { ...s, test: ex(s.test), body: list(s.body) };
    case 'do':
      return { ...s, test: ex(s.test), body: list(s.body) };
    case 'for':
      return { ...s, init: list(s.init), test: s.test ? ex(s.test) : undefined, update: s.update.map(ex), body: list(s.body) };
    case 'block':
      return { ...s, body: list(s.body) };
    case 'switch':
      return {
        ...s,
        discriminant: ex(s.discriminant),
        cases: s.cases.map((c) => ({ match: c.match ? ex(c.match) : undefined, body: list(c.body) })),
      };
    case 'prange':
      return { ...s, start: ex(s.start), end: ex(s.end), step: ex(s.step), body: list(s.body) };
    default:
      return s;
  }
}

function mapTarget(t: LValue, fn: (e: Expr) => Expr): LValue {
  if (t.k !== 'element') return t;
  return fn({ ...t, array: mapExpr(t.array, fn), index: mapExpr(t.index, fn) }) as LValue;
}

/** A copy of the expression `e` in which `fn` may replace any part, children first. */
export function mapExpr(e: Expr, fn: (e: Expr) => Expr): Expr {
  const r = (x: Expr) => mapExpr(x, fn);
  let out: Expr;
  switch (e.k) {
    case 'num':
    case 'bool':
    case 'local':
    case 'thread':
    case 'sharedArray':
      out = e;
      break;
    case 'atomic':
      out = { ...e, array: r(e.array), index: r(e.index), compare: e.compare ? r(e.compare) : undefined, value: r(e.value) };
      break;
    case 'arith':
    case 'bit':
    case 'compare':
    case 'logical':
    case 'seq':
      out = { ...e, left: r(e.left), right: r(e.right) } as Expr;
      break;
    case 'bitnot':
    case 'neg':
    case 'not':
    case 'truthy':
    case 'convert':
    case 'toIndex':
    case 'within':
    case 'storeClamp':
    case 'prangeBound':
      out = { ...e, operand: r(e.operand) } as Expr;
      break;
    case 'cond':
      out = { ...e, test: r(e.test), then: r(e.then), else: r(e.else) };
      break;
    case 'element':
      out = { ...e, array: r(e.array), index: r(e.index) };
      break;
    case 'length':
      out = { ...e, array: r(e.array) };
      break;
    case 'call':
    case 'builtin':
      out = { ...e, args: e.args.map(r) } as Expr;
      break;
    case 'assign':
      out = { ...e, target: mapTarget(e.target, fn), value: r(e.value) };
      break;
    case 'update':
      out = { ...e, target: mapTarget(e.target, fn) };
      break;
    case 'newArray':
      out = { ...e, length: r(e.length) };
      break;
    case 'fill':
      out = { ...e, array: r(e.array), value: r(e.value), start: r(e.start), end: r(e.end) };
      break;
    case 'subarray':
      out = { ...e, array: r(e.array), start: r(e.start), end: r(e.end) };
      break;
    case 'setArray':
      out = { ...e, target: r(e.target), source: r(e.source), offset: r(e.offset), convert: r(e.convert) };
      break;
    case 'exactIndex':
      out = { ...e, guard: e.guard ? r(e.guard) : undefined, exact: r(e.exact), fallback: r(e.fallback) };
      break;
    case 'exactValue':
      out = { ...e, guard: r(e.guard), exact: r(e.exact), fallback: r(e.fallback) };
      break;
    case 'exactOffset':
      out = { ...e, exact: r(e.exact) };
      break;
  }
  return fn(out);
}

/** `s` with `fn` applied to each statement list directly inside it (a for loop's init excepted). */
export function mapBodies(s: Stmt, fn: (stmts: Stmt[]) => Stmt[]): Stmt {
  switch (s.k) {
    case 'if':
      return { ...s, then: fn(s.then), else: s.else ? fn(s.else) : undefined };
    case 'while':
    case 'do':
    case 'block':
    case 'for':
    case 'prange':
      return { ...s, body: fn(s.body) } as Stmt;
    case 'switch':
      return { ...s, cases: s.cases.map((c) => ({ ...c, body: fn(c.body) })) };
    default:
      return s;
  }
}

const EFFECTS = new Set<Expr['k']>(['assign', 'update', 'call', 'newArray', 'fill', 'subarray', 'setArray', 'atomic']);

/** Evaluating `e` may change state (so it must be evaluated exactly once). */
export function hasSideEffects(e: Expr): boolean {
  return someExpr(e, (x) => EFFECTS.has(x.k));
}

/** Locals a statement declares for the code after it or inside it. */
export function declaredBy(s: Stmt): Local[] {
  switch (s.k) {
    case 'let':
      return [s.local];
    case 'prange':
      return [s.index];
    case 'switch':
      return [s.value];
    default:
      return [];
  }
}

/** Locals declared anywhere in `stmts` (by `let`, prange loops and switches). */
export function declaredLocals(stmts: readonly Stmt[]): Set<Local> {
  const out = new Set<Local>();
  for (const s of statements(stmts)) for (const l of declaredBy(s)) out.add(l);
  return out;
}

/** Locals assigned or updated anywhere in `stmts`. */
export function assignedLocals(stmts: readonly Stmt[]): Set<Local> {
  const out = new Set<Local>();
  for (const e of expressions(stmts)) if ((e.k === 'assign' || e.k === 'update') && e.target.k === 'local') out.add(e.target.local);
  return out;
}

/** The functions `fns` call, as `module#name`. */
export function calledFunctions(fns: readonly { body: readonly Stmt[] }[]): string[] {
  const out = new Set<string>();
  for (const fn of fns) for (const e of expressions(fn.body)) if (e.k === 'call') out.add(`${e.module}#${e.callee}`);
  return [...out];
}

/** Locals read or written anywhere in `e`. */
export function localsIn(e: Expr): Set<Local> {
  const out = new Set<Local>();
  for (const x of exprTree(e)) {
    if (x.k === 'local') out.add(x.local);
    if ((x.k === 'assign' || x.k === 'update') && x.target.k === 'local') out.add(x.target.local);
  }
  return out;
}

const num = (v: number): string => (Object.is(v, -0) ? '-0' : String(v));

/** The fields of `e` other than its children and location. */
function attributes(e: Expr): string {
  const type = e.type.tag === 'void' ? 'void' : e.type.kind;
  switch (e.k) {
    case 'num':
      return `${type} ${num(e.value)}`;
    case 'bool':
      return String(e.value);
    case 'local':
      return `#${e.local.id}`;
    case 'arith':
      return `${type} ${e.op}${e.checked ? '!' : ''}`;
    case 'bit':
    case 'compare':
    case 'logical':
      return `${type} ${e.op}`;
    case 'convert':
      return `${e.to}${e.overflowCheck ? '!' : ''}`;
    case 'element':
      return `${e.arrayKind}${e.checked ? '!' : ''}`;
    case 'newArray':
    case 'subarray':
      return e.arrayKind;
    case 'setArray':
      return `#${e.element.id}`;
    case 'call':
      return `${e.module}#${e.callee}`;
    case 'builtin':
      return `${type} ${e.name}`;
    case 'assign':
      return e.target.k === 'local' ? `#${e.target.local.id}` : `${e.target.arrayKind}${e.target.checked ? '!' : ''}`;
    case 'update':
      return `${e.op}${e.prefix ? 'pre' : 'post'}${e.target.k === 'local' ? ` #${e.target.local.id}` : ` ${e.target.arrayKind}${e.target.checked ? '!' : ''}`}`;
    case 'exactIndex':
      return e.guard ? 'guarded' : '';
    case 'exactValue':
      return `${num(e.scale)}${e.nonZero ? ' nonzero' : ''}`;
    case 'within':
      return num(e.bound);
    case 'thread':
      return `${e.name}.${'xyz'[e.axis]}`;
    case 'atomic':
      return `${e.op} ${e.arrayKind}${e.checked ? '!' : ''}`;
    case 'sharedArray':
      return `${e.arrayKind} ${e.length} @${e.slot}`;
    default:
      return type;
  }
}

/** A string equal for two expressions exactly when they have the same shape, values and locals (locations ignored). */
export function exprKey(e: Expr): string {
  const inner = children(e).map(exprKey);
  return `${e.k}[${attributes(e)}](${inner.join(',')})`;
}

/**
 * A copy of `stmts` with locals replaced as `map` says, everywhere a local
 * appears (declarations, reads, writes, reductions, lanes); a local whose
 * `below` bound is replaced is itself replaced by a copy pointing at the new one.
 */
export function substituteLocals(stmts: readonly Stmt[], map: ReadonlyMap<Local, Local>): Stmt[] {
  const memo = new Map<Local, Local>(map);
  const sub = (l: Local): Local => {
    let out = memo.get(l);
    if (!out) {
      out = l.below && sub(l.below) !== l.below ? { ...l, below: sub(l.below) } : l;
      memo.set(l, out);
    }
    return out;
  };
  const mapped = mapExprs(stmts, (e) => {
    if (e.k === 'local') return sub(e.local) === e.local ? e : { ...e, local: sub(e.local) };
    if ((e.k === 'assign' || e.k === 'update') && e.target.k === 'local' && sub(e.target.local) !== e.target.local) {
      return { ...e, target: { ...e.target, local: sub(e.target.local) } } as Expr;
    }
    if (e.k === 'setArray' && sub(e.element) !== e.element) return { ...e, element: sub(e.element) };
    return e;
  });
  const declarations = (s: Stmt): Stmt => {
    const inner =
      s.k === 'for'
        ? ({ ...mapBodies(s, (l) => l.map(declarations)), init: s.init.map(declarations) } as Stmt)
        : mapBodies(s, (l) => l.map(declarations));
    switch (inner.k) {
      case 'let':
        return { ...inner, local: sub(inner.local) };
      case 'switch':
        return { ...inner, value: sub(inner.value) };
      case 'prange':
        return { ...inner, index: sub(inner.index), reductions: inner.reductions.map((r) => ({ ...r, local: sub(r.local) })) };
      case 'for':
        return inner.lanes ? { ...inner, lanes: { ...inner.lanes, locals: inner.lanes.locals.map(sub) } } : inner;
      default:
        return inner;
    }
  };
  return mapped.map(declarations);
}
