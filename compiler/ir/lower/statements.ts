// TS statement → IR statements.
import { Node, VariableDeclarationKind, type Expression, type Statement, type VariableDeclarationList } from 'ts-morph';
import type { Expr, Stmt } from '../nodes';
import { I53, isInteger, scalar, type IrType } from '../types';
import type { FnContext } from './context';
import { toCondition, toSlot } from './convert';
import { lowerExpr } from './expressions';
import { readType } from './typenodes';

export function lowerBlock(ctx: FnContext, stmts: Statement[]): Stmt[] {
  return ctx.inScope(() => stmts.flatMap((s) => lowerStmt(ctx, s)));
}

function body(ctx: FnContext, node: Statement): Stmt[] {
  if (Node.isBlock(node)) return lowerBlock(ctx, node.getStatements());
  return ctx.inScope(() => lowerStmt(ctx, node));
}

function loop<T>(ctx: FnContext, fn: () => T): T {
  ctx.loopDepth++;
  try {
    return fn();
  } finally {
    ctx.loopDepth--;
  }
}

export function lowerStmt(ctx: FnContext, node: Statement, label?: string): Stmt[] {
  const loc = ctx.loc(node);
  if (Node.isVariableStatement(node)) return declarations(ctx, node.getDeclarationList());
  if (Node.isExpressionStatement(node)) return [{ k: 'expr', expr: lowerExpr(ctx, node.getExpression(), { discarded: true }), loc }];
  if (Node.isBlock(node)) return [{ k: 'block', body: lowerBlock(ctx, node.getStatements()), loc }];
  if (Node.isEmptyStatement(node)) return [];
  if (Node.isIfStatement(node)) {
    const test = condition(ctx, node.getExpression());
    const elseNode = node.getElseStatement();
    return [{ k: 'if', test, then: body(ctx, node.getThenStatement()), else: elseNode ? body(ctx, elseNode) : undefined, loc }];
  }
  if (Node.isWhileStatement(node)) {
    const test = condition(ctx, node.getExpression());
    return [{ k: 'while', test, body: loop(ctx, () => body(ctx, node.getStatement())), label, loc }];
  }
  if (Node.isDoStatement(node)) {
    const b = loop(ctx, () => body(ctx, node.getStatement()));
    return [{ k: 'do', body: b, test: condition(ctx, node.getExpression()), label, loc }];
  }
  if (Node.isForStatement(node)) return ctx.inScope(() => forStatement(ctx, node, label));
  if (Node.isLabeledStatement(node)) {
    const inner = node.getStatement();
    const name = node.getLabel().getText();
    if (!Node.isForStatement(inner) && !Node.isWhileStatement(inner) && !Node.isDoStatement(inner)) {
      return ctx.fail(node, 'TSN1201', ['a label on something other than a loop', 'label only loops']);
    }
    ctx.labels.push(name);
    try {
      return lowerStmt(ctx, inner, name);
    } finally {
      ctx.labels.pop();
    }
  }
  if (Node.isBreakStatement(node) || Node.isContinueStatement(node)) {
    const target = node.getLabel()?.getText();
    if (target !== undefined && !ctx.labels.includes(target)) return ctx.fail(node, 'TSN1202', [target]);
    if (ctx.loopDepth === 0) return ctx.fail(node, 'TSN1201', ['`break`/`continue` outside a loop (switch is not supported yet)', 'use if/else']);
    return [{ k: Node.isBreakStatement(node) ? 'break' : 'continue', label: target, loc }];
  }
  if (Node.isReturnStatement(node)) return [returnStatement(ctx, node)];
  if (Node.isThrowStatement(node)) return [throwStatement(ctx, node)];
  if (Node.isFunctionDeclaration(node)) return ctx.fail(node, 'TSN1207');
  const what = node.getKindName().replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return ctx.fail(node, 'TSN1201', [`a ${what}`, 'see the typed subset in SPEC §2']);
}

function condition(ctx: FnContext, node: Expression): Expr {
  return toCondition(ctx, node, lowerExpr(ctx, node));
}

function forStatement(ctx: FnContext, node: import('ts-morph').ForStatement, label?: string): Stmt[] {
  const loc = ctx.loc(node);
  const initNode = node.getInitializer();
  let init: Stmt[] = [];
  if (initNode && Node.isVariableDeclarationList(initNode)) init = declarations(ctx, initNode);
  else if (initNode) init = [{ k: 'expr', expr: lowerExpr(ctx, initNode as Expression, { discarded: true }), loc }];
  const condNode = node.getCondition();
  const test = condNode ? condition(ctx, condNode) : undefined;
  const incNode = node.getIncrementor();
  const update = incNode ? [lowerExpr(ctx, incNode, { discarded: true })] : [];
  const b = loop(ctx, () => body(ctx, node.getStatement()));
  return [{ k: 'for', init, test, update, body: b, label, loc }];
}

/** `let`/`const` declarations; un-annotated integer locals are assumed i53 until a store says otherwise. */
function declarations(ctx: FnContext, list: VariableDeclarationList): Stmt[] {
  if (list.getDeclarationKind() === VariableDeclarationKind.Var) {
    return ctx.fail(list, 'TSN1204', ['var', 'write `let` or `const`']);
  }
  return list.getDeclarations().map((decl): Stmt => {
    const nameNode = decl.getNameNode();
    if (!Node.isIdentifier(nameNode)) return ctx.fail(decl, 'TSN1105');
    const name = nameNode.getText();
    const typeNode = decl.getTypeNode();
    const declared = readType(typeNode);
    if (typeNode && !declared) return ctx.fail(typeNode, 'TSN1102', [typeNode.getText()]);
    const initNode = decl.getInitializer();
    if (!initNode) {
      if (!declared || declared.tag === 'array') return ctx.fail(decl, 'TSN1106', [name]);
      const local = ctx.declare(name, declared, false);
      const zero: Expr = declared.tag === 'scalar' && declared.kind === 'bool'
        ? { k: 'bool', type: declared, value: false, loc: ctx.loc(decl) }
        : { k: 'num', type: declared, value: 0, loc: ctx.loc(decl) };
      return { k: 'let', local, init: zero, loc: ctx.loc(decl) };
    }
    const init = lowerExpr(ctx, initNode);
    let type: IrType;
    let candidate = false;
    if (declared) type = declared;
    else if (isInteger(init.type)) {
      candidate = !ctx.demoted.has(decl);
      type = candidate ? I53 : scalar('f64');
    } else if (init.type.tag === 'scalar' && init.type.kind === 'f32') type = scalar('f64');
    else type = init.type;
    if (type.tag === 'void') return ctx.fail(initNode, 'TSN1302', ['a value', 'void', 'a void function returns nothing to store']);
    const value = toSlot(ctx, initNode, init, type, `\`${name}\``);
    const local = ctx.declare(name, type, false, candidate ? decl : undefined);
    return { k: 'let', local, init: value, loc: ctx.loc(decl) };
  });
}

function returnStatement(ctx: FnContext, node: import('ts-morph').ReturnStatement): Stmt {
  const loc = ctx.loc(node);
  const valueNode = node.getExpression();
  if (!valueNode) {
    if (ctx.returns.tag !== 'void') return ctx.fail(node, 'TSN1302', ['a return value', 'nothing', 'return a value']);
    return { k: 'return', loc };
  }
  if (ctx.returns.tag === 'void') return ctx.fail(valueNode, 'TSN1302', ['no return value', 'a value', 'declare the return type']);
  return { k: 'return', value: toSlot(ctx, valueNode, lowerExpr(ctx, valueNode), ctx.returns, 'the return value'), loc };
}

const ERRORS = new Set(['Error', 'TypeError', 'RangeError']);

function throwStatement(ctx: FnContext, node: import('ts-morph').ThrowStatement): Stmt {
  const e = node.getExpression();
  const hint = 'write `throw new RangeError(\'message\')` (Error, TypeError or RangeError with a string literal)';
  if (!Node.isNewExpression(e)) return ctx.fail(node, 'TSN1204', ['throw of this value', hint]);
  const ctor = e.getExpression().getText();
  const args = e.getArguments();
  if (!ERRORS.has(ctor)) return ctx.fail(e, 'TSN1204', [`throw new ${ctor}`, hint]);
  const msg = args[0];
  if (args.length > 1 || (msg && !Node.isStringLiteral(msg) && !Node.isNoSubstitutionTemplateLiteral(msg))) {
    return ctx.fail(e, 'TSN1204', ['an error message that is not a string literal', hint]);
  }
  const message = msg && (Node.isStringLiteral(msg) || Node.isNoSubstitutionTemplateLiteral(msg)) ? msg.getLiteralValue() : '';
  return { k: 'throw', error: ctor as 'Error' | 'TypeError' | 'RangeError', message, loc: ctx.loc(node) };
}

