// Generic traversal of IR trees for the optimisation passes.
import type { Expr, LValue, Local, Stmt } from '../nodes';

/** Every expression in `stmts`, depth first (including nested statements). */
export function* expressions(stmts: Stmt[]): Generator<Expr> {
  for (const s of stmts) yield* stmtExprs(s);
}

function* stmtExprs(s: Stmt): Generator<Expr> {
  switch (s.k) {
    case 'let': yield* exprTree(s.init); return;
    case 'expr': yield* exprTree(s.expr); return;
    case 'return': if (s.value) yield* exprTree(s.value); return;
    case 'if': yield* exprTree(s.test); yield* expressions(s.then); if (s.else) yield* expressions(s.else); return;
    case 'while': case 'do': yield* exprTree(s.test); yield* expressions(s.body); return;
    case 'for':
      yield* expressions(s.init);
      if (s.test) yield* exprTree(s.test);
      for (const u of s.update) yield* exprTree(u);
      yield* expressions(s.body);
      return;
    case 'block': yield* expressions(s.body); return;
    case 'switch': yield* exprTree(s.discriminant); for (const c of s.cases) { if (c.match) yield* exprTree(c.match); yield* expressions(c.body); } return;
    case 'prange': yield* exprTree(s.start); yield* exprTree(s.end); yield* exprTree(s.step); yield* expressions(s.body); return;
    default: return;
  }
}

export function* exprTree(e: Expr): Generator<Expr> {
  yield e;
  for (const child of children(e)) yield* exprTree(child);
}

function children(e: Expr): Expr[] {
  switch (e.k) {
    case 'num': case 'bool': case 'local': return [];
    case 'arith': case 'bit': case 'compare': case 'logical': case 'seq': return [e.left, e.right];
    case 'bitnot': case 'neg': case 'not': case 'truthy': case 'convert': return [e.operand];
    case 'cond': return [e.test, e.then, e.else];
    case 'element': return [e.array, e.index];
    case 'length': return [e.array];
    case 'call': case 'builtin': return e.args;
    case 'assign': return [...(e.target.k === 'element' ? [e.target.array, e.target.index] : []), e.value];
    case 'update': return e.target.k === 'element' ? [e.target.array, e.target.index] : [];
    case 'newArray': return [e.length];
    case 'fill': return [e.array, e.value, e.start, e.end];
    case 'subarray': return [e.array, e.start, e.end];
    case 'setArray': return [e.target, e.source, e.offset, e.convert];
  }
}

/**
 * A copy of `stmts` in which `fn` may replace any expression, children first.
 * Element targets of assignments and updates go through `fn` as well.
 */
export function mapExprs(stmts: Stmt[], fn: (e: Expr) => Expr): Stmt[] {
  return rebuild(stmts, fn);
}

function rebuild(stmts: Stmt[], fn: (e: Expr) => Expr): Stmt[] {
  return stmts.map((s) => rebuildStmt(s, fn));
}

function rebuildStmt(s: Stmt, fn: (e: Expr) => Expr): Stmt {
  const ex = (e: Expr) => rebuildExpr(e, fn);
  switch (s.k) {
    case 'let': return { ...s, init: ex(s.init) };
    case 'expr': return { ...s, expr: ex(s.expr) };
    case 'return': return s.value ? { ...s, value: ex(s.value) } : s;
    case 'if': return { ...s, test: ex(s.test), then: rebuild(s.then, fn), else: s.else ? rebuild(s.else, fn) : undefined };
    case 'while': return { ...s, test: ex(s.test), body: rebuild(s.body, fn) };
    case 'do': return { ...s, test: ex(s.test), body: rebuild(s.body, fn) };
    case 'for': return { ...s, init: rebuild(s.init, fn), test: s.test ? ex(s.test) : undefined, update: s.update.map(ex), body: rebuild(s.body, fn) };
    case 'block': return { ...s, body: rebuild(s.body, fn) };
    case 'switch': return { ...s, discriminant: ex(s.discriminant), cases: s.cases.map((c) => ({ match: c.match ? ex(c.match) : undefined, body: rebuild(c.body, fn) })) };
    case 'prange': return { ...s, start: ex(s.start), end: ex(s.end), step: ex(s.step), body: rebuild(s.body, fn) };
    default: return s;
  }
}

function target(t: LValue, fn: (e: Expr) => Expr): LValue {
  if (t.k !== 'element') return t;
  return fn({ ...t, array: rebuildExpr(t.array, fn), index: rebuildExpr(t.index, fn) }) as LValue;
}

/** A copy of the expression `e` in which `fn` may replace any part, children first. */
export function mapExpr(e: Expr, fn: (e: Expr) => Expr): Expr {
  return rebuildExpr(e, fn);
}

function rebuildExpr(e: Expr, fn: (e: Expr) => Expr): Expr {
  const r = (x: Expr) => rebuildExpr(x, fn);
  let out: Expr;
  switch (e.k) {
    case 'num': case 'bool': case 'local': out = e; break;
    case 'arith': case 'bit': case 'compare': case 'logical': case 'seq': out = { ...e, left: r(e.left), right: r(e.right) } as Expr; break;
    case 'bitnot': case 'neg': case 'not': case 'truthy': case 'convert': out = { ...e, operand: r(e.operand) } as Expr; break;
    case 'cond': out = { ...e, test: r(e.test), then: r(e.then), else: r(e.else) }; break;
    case 'element': out = { ...e, array: r(e.array), index: r(e.index) }; break;
    case 'length': out = { ...e, array: r(e.array) }; break;
    case 'call': case 'builtin': out = { ...e, args: e.args.map(r) } as Expr; break;
    case 'assign': out = { ...e, target: target(e.target, fn), value: r(e.value) }; break;
    case 'update': out = { ...e, target: target(e.target, fn) }; break;
    case 'newArray': out = { ...e, length: r(e.length) }; break;
    case 'fill': out = { ...e, array: r(e.array), value: r(e.value), start: r(e.start), end: r(e.end) }; break;
    case 'subarray': out = { ...e, array: r(e.array), start: r(e.start), end: r(e.end) }; break;
    case 'setArray': out = { ...e, target: r(e.target), source: r(e.source), offset: r(e.offset), convert: r(e.convert) }; break;
  }
  return fn(out);
}

const EFFECTS = new Set<Expr['k']>(['assign', 'update', 'call', 'newArray', 'fill', 'subarray', 'setArray']);

/** Evaluating `e` may change state (so it must be evaluated exactly once). */
export function hasSideEffects(e: Expr): boolean {
  for (const x of exprTree(e)) if (EFFECTS.has(x.k)) return true;
  return false;
}

/** Locals declared (by `let`) anywhere in `stmts`. */
export function declaredLocals(stmts: Stmt[], out = new Set<Local>()): Set<Local> {
  for (const s of stmts) {
    switch (s.k) {
      case 'let': out.add(s.local); break;
      case 'if': declaredLocals(s.then, out); if (s.else) declaredLocals(s.else, out); break;
      case 'for': declaredLocals(s.init, out); declaredLocals(s.body, out); break;
      case 'prange': out.add(s.index); declaredLocals(s.body, out); break;
      case 'while': case 'do': case 'block': declaredLocals(s.body, out); break;
      case 'switch': out.add(s.value); for (const c of s.cases) declaredLocals(c.body, out); break;
      default: break;
    }
  }
  return out;
}

/** Locals assigned or updated anywhere in `stmts`. */
export function assignedLocals(stmts: Stmt[]): Set<Local> {
  const out = new Set<Local>();
  for (const e of expressions(stmts)) if ((e.k === 'assign' || e.k === 'update') && e.target.k === 'local') out.add(e.target.local);
  return out;
}

/** `s` with `fn` applied to each statement list directly inside it. */
export function mapBodies(s: Stmt, fn: (stmts: Stmt[]) => Stmt[]): Stmt {
  switch (s.k) {
    case 'if': return { ...s, then: fn(s.then), else: s.else ? fn(s.else) : undefined };
    case 'while': case 'do': case 'block': case 'for': case 'prange': return { ...s, body: fn(s.body) } as Stmt;
    case 'switch': return { ...s, cases: s.cases.map((c) => ({ ...c, body: fn(c.body) })) };
    default: return s;
  }
}
