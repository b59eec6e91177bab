// `for (const i of prange(lo, hi, step))` → a parallel loop.
// Iterations share nothing but arrays and recognised reductions: any other
// write to an outer local, a read of a reduction's partial, or leaving the
// loop early is a diagnostic that says why.
import { Node, SyntaxKind, type Expression, type ForOfStatement, type ts } from 'ts-morph';
import { packageValue } from '../../frontend/aliases';
import type { Expr, Local, ReductionOp, Stmt } from '../nodes';
import { hull } from '../range';
import { I53, isInteger, isNumeric } from '../types';
import type { FnContext, PrangeScope } from './context';
import { convert, isIntValued } from './convert';
import { lowerExpr } from './expressions';
import { declareLocal, lowerStmt } from './statements';
import { readType } from './typenodes';

/** `for (… of prange(…))` with tsnative's prange (imported, maybe renamed, or through a namespace), not a local of that name. */
export function isPrange(ctx: FnContext, node: ForOfStatement): boolean {
  const e = node.getExpression();
  if (!Node.isCallExpression(e)) return false;
  const callee = e.getExpression();
  if (Node.isIdentifier(callee) && ctx.lookup(callee.getText())) return false;
  return packageValue(callee.compilerNode as ts.Expression) === 'prange';
}

export function lowerPrange(ctx: FnContext, node: ForOfStatement, label?: string): Stmt[] {
  const loc = ctx.loc(node);
  const call = node.getExpression().asKindOrThrow(SyntaxKind.CallExpression);
  const args = call.getArguments() as Expression[];
  if (args.length < 1 || args.length > 3) return ctx.fail(call, 'TSN1406');
  const bounds = args.map((a) => bound(ctx, a));
  const [start, end, step] =
    bounds.length === 1 ? [num(0, loc), bounds[0]!, num(1, loc)] : [bounds[0]!, bounds[1]!, bounds[2] ?? num(1, loc)];

  const list = node.getInitializer();
  if (!Node.isVariableDeclarationList(list) || list.getDeclarations().length !== 1) {
    return ctx.fail(list, 'TSN1204', ['prange without a `const` declaration', 'write `for (const i of prange(n))`']);
  }
  const decl = list.getDeclarations()[0]!;
  if (!Node.isIdentifier(decl.getNameNode())) return ctx.fail(decl, 'TSN1105');
  const scope: PrangeScope = { depth: ctx.scopeDepth + 1, reductions: new Map(), reads: new Map() };
  const index = ctx.declareSynthetic('k', I53);
  index.range = hull(start, end);
  const indexRef: Expr = { k: 'local', type: I53, local: index, loc };
  ctx.pranges.push(scope);
  let body: Stmt[];
  try {
    body = ctx.within({ kind: 'prange', label }, () =>
      ctx.inScope(() => {
        const first = declareLocal(ctx, decl, decl.getName(), readType(decl.getTypeNode()), indexRef, decl);
        const inner = node.getStatement();
        const rest = Node.isBlock(inner) ? inner.getStatements().flatMap((st) => lowerStmt(ctx, st)) : lowerStmt(ctx, inner);
        return [first, ...rest];
      }),
    );
  } finally {
    ctx.pranges.pop();
  }
  for (const [local] of scope.reductions) {
    const read = scope.reads.get(local);
    if (read) return ctx.fail(read, 'TSN1403', [local.name]);
  }
  const reductions = [...scope.reductions].map(([local, op]) => ({ local, op }));
  return [{ k: 'prange', index, start, end, step, body, reductions, label, loc }];
}

const num = (value: number, loc: Expr['loc']): Expr => ({ k: 'num', type: I53, value, loc });

function bound(ctx: FnContext, node: Expression): Expr {
  const e = lowerExpr(ctx, node);
  if (!isNumeric(e.type) || !isIntValued(e)) return ctx.fail(node, 'TSN1406');
  if (isInteger(e.type)) return convert(e, 'i53');
  return { k: 'prangeBound', type: I53, operand: e, loc: e.loc };
}

/** A read of an outer local inside prange loops (refused later if it is a reduction). */
export function noteRead(ctx: FnContext, local: Local, node: Node): void {
  if (ctx.reductionRead?.local === local) {
    ctx.reductionRead.count++;
    return;
  }
  for (const p of ctx.pranges) if (ctx.isOuter(local, p) && !p.reads.has(local)) p.reads.set(local, node);
}

/**
 * A write to `local` inside prange loops: allowed only as reduction `op`
 * (undefined: not a reduction form). Records it in every loop it is outer to.
 */
export function noteWrite(ctx: FnContext, local: Local, node: Node, op: ReductionOp | undefined, what: string): void {
  for (const p of ctx.pranges) {
    if (!ctx.isOuter(local, p)) continue;
    if (local.type.tag === 'array') return ctx.fail(node, 'TSN1401', ['reassign', local.name]);
    if (!op) return ctx.fail(node, 'TSN1401', [what, local.name]);
    const earlier = p.reductions.get(local);
    if (earlier && earlier !== op) return ctx.fail(node, 'TSN1404', [local.name, earlier, op]);
    p.reductions.set(local, op);
  }
}

/** Lowers a reduction's update so that its own read of the variable is not a "read of the partial". */
export function lowerReductionUpdate<T>(ctx: FnContext, local: Local, expectedReads: number, node: Node, fn: () => T): T {
  if (!ctx.pranges.some((p) => ctx.isOuter(local, p))) return fn();
  const saved = ctx.reductionRead;
  ctx.reductionRead = { local, count: 0 };
  try {
    const out = fn();
    if (ctx.reductionRead.count !== expectedReads) ctx.fail(node, 'TSN1403', [local.name]);
    return out;
  } finally {
    ctx.reductionRead = saved;
  }
}
