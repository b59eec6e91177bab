// TS statement → IR statements.
import {
  Node,
  VariableDeclarationKind,
  type Expression,
  type ForOfStatement,
  type Statement,
  type SwitchStatement,
  type VariableDeclarationList,
} from 'ts-morph';
import type { Expr, Stmt } from '../nodes';
import { exactRange } from '../range';
import { ARRAYS, BOOL, I53, isInteger, isNumeric, sameType, scalar, typeName, type IrType } from '../types';
import type { FnContext } from './context';
import { convert, levelOf, meetLevels, toCondition, toF64, toSlot } from './convert';
import { lowerExpr } from './expressions';
import { cudaPair, cudaStatement } from './cuda';
import { isPrange, lowerPrange } from './prange';
import { readType, rejectType } from './typenodes';

export function lowerBlock(ctx: FnContext, stmts: Statement[]): Stmt[] {
  return ctx.inScope(() => stmts.flatMap((s) => lowerStmt(ctx, s)));
}

function body(ctx: FnContext, node: Statement): Stmt[] {
  if (Node.isBlock(node)) return lowerBlock(ctx, node.getStatements());
  return ctx.inScope(() => lowerStmt(ctx, node));
}

function loop<T>(ctx: FnContext, label: string | undefined, fn: () => T): T {
  return ctx.within({ kind: 'loop', label }, fn);
}

export function lowerStmt(ctx: FnContext, node: Statement, label?: string): Stmt[] {
  const loc = ctx.loc(node);
  if (Node.isVariableStatement(node)) return declarations(ctx, node.getDeclarationList());
  if (Node.isExpressionStatement(node)) {
    const barrier = cudaStatement(ctx, node.getExpression());
    return [barrier ?? { k: 'expr', expr: lowerExpr(ctx, node.getExpression(), { discarded: true }), loc }];
  }
  if (Node.isBlock(node)) return [{ k: 'block', body: lowerBlock(ctx, node.getStatements()), loc }];
  if (Node.isEmptyStatement(node)) return [];
  if (Node.isIfStatement(node)) {
    const test = condition(ctx, node.getExpression());
    const elseNode = node.getElseStatement();
    return [{ k: 'if', test, then: body(ctx, node.getThenStatement()), else: elseNode ? body(ctx, elseNode) : undefined, loc }];
  }
  if (Node.isWhileStatement(node)) {
    const test = condition(ctx, node.getExpression());
    return [{ k: 'while', test, body: loop(ctx, label, () => body(ctx, node.getStatement())), label, loc }];
  }
  if (Node.isDoStatement(node)) {
    const b = loop(ctx, label, () => body(ctx, node.getStatement()));
    return [{ k: 'do', body: b, test: condition(ctx, node.getExpression()), label, loc }];
  }
  if (Node.isForStatement(node)) return ctx.inScope(() => forStatement(ctx, node, label));
  if (Node.isForOfStatement(node))
    return ctx.inScope(() => (isPrange(ctx, node) ? lowerPrange(ctx, node, label) : forOf(ctx, node, label)));
  if (Node.isSwitchStatement(node)) return ctx.inScope(() => switchStatement(ctx, node));
  if (Node.isLabeledStatement(node)) {
    const inner = node.getStatement();
    const name = node.getLabel().getText();
    if (!Node.isForStatement(inner) && !Node.isForOfStatement(inner) && !Node.isWhileStatement(inner) && !Node.isDoStatement(inner)) {
      return ctx.fail(node, 'TSN1201', ['a label on something other than a loop', 'label only loops']);
    }
    return lowerStmt(ctx, inner, name);
  }
  if (Node.isBreakStatement(node) || Node.isContinueStatement(node)) return [jump(ctx, node)];
  if (Node.isReturnStatement(node)) {
    if (ctx.pranges.length > 0) return ctx.fail(node, 'TSN1402', ['`return`']);
    return [returnStatement(ctx, node)];
  }
  if (Node.isThrowStatement(node)) return [throwStatement(ctx, node)];
  if (Node.isFunctionDeclaration(node)) return ctx.fail(node, 'TSN1207');
  const what = node
    .getKindName()
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return ctx.fail(node, 'TSN1201', [`a ${what}`, 'see the typed subset in the tsnative README']);
}

/**
 * `for (const v of xs) body` over a typed array: the array is read once, the
 * index is in range by construction, so the element read is unchecked.
 */
function forOf(ctx: FnContext, node: ForOfStatement, label?: string): Stmt[] {
  const loc = ctx.loc(node);
  const iterNode = node.getExpression();
  const iterable = lowerExpr(ctx, iterNode);
  if (iterable.type.tag !== 'array') {
    return ctx.fail(iterNode, 'TSN1204', [
      `for..of over ${typeName(iterable.type)}`,
      'iterate over a typed array (or prange(n) inside @native code)',
    ]);
  }
  const arrayKind = iterable.type.kind;
  const arr = ctx.declareSynthetic('arr', iterable.type);
  const idx = ctx.declareSynthetic('i', I53);
  const arrRef: Expr = { k: 'local', type: arr.type, local: arr, loc };
  const idxRef: Expr = { k: 'local', type: I53, local: idx, loc };
  const list = node.getInitializer();
  if (!Node.isVariableDeclarationList(list) || list.getDeclarations().length !== 1) {
    return ctx.fail(list, 'TSN1204', ['for..of without a `const`/`let` declaration', 'write `for (const v of xs)`']);
  }
  const decl = list.getDeclarations()[0]!;
  if (!Node.isIdentifier(decl.getNameNode())) return ctx.fail(decl, 'TSN1105');
  const element: Expr = {
    k: 'element',
    type: scalar(ARRAYS[arrayKind].element),
    array: arrRef,
    arrayKind,
    index: idxRef,
    checked: false,
    loc,
  };
  const b = loop(ctx, label, () =>
    ctx.inScope(() => {
      const first = declareLocal(ctx, decl, decl.getName(), readType(decl.getTypeNode()), element, decl);
      const inner = node.getStatement();
      const rest = Node.isBlock(inner) ? inner.getStatements().flatMap((st) => lowerStmt(ctx, st)) : lowerStmt(ctx, inner);
      return [first, ...rest];
    }),
  );
  return [
    { k: 'let', local: arr, init: iterable, loc },
    {
      k: 'for',
      init: [{ k: 'let', local: idx, init: { k: 'num', type: I53, value: 0, loc }, loc }],
      test: { k: 'compare', type: BOOL, op: '<', left: idxRef, right: { k: 'length', type: I53, array: arrRef, loc }, loc },
      update: [{ k: 'update', type: I53, target: { k: 'local', type: I53, local: idx, loc }, op: '++', prefix: false, loc }],
      body: b,
      label,
      loc,
    },
  ];
}

/**
 * `switch`: the discriminant is evaluated once; cases are tried in order with
 * `===`; the body is entered at the match (or `default`) and falls through.
 */
function switchStatement(ctx: FnContext, node: SwitchStatement): Stmt[] {
  const loc = ctx.loc(node);
  const discriminant = lowerExpr(ctx, node.getExpression());
  if (discriminant.type.tag !== 'scalar')
    return ctx.fail(node.getExpression(), 'TSN1302', ['a number or boolean', typeName(discriminant.type), 'switch on a number']);
  const value = ctx.declareSynthetic('switch', discriminant.type);
  const valueRef: Expr = { k: 'local', type: discriminant.type, local: value, loc };
  return ctx.within({ kind: 'switch' }, () => {
    const cases = node.getClauses().map((clause) => {
      const match = Node.isCaseClause(clause) ? compareValues(ctx, clause, valueRef, lowerExpr(ctx, clause.getExpression())) : undefined;
      const body = clause.getStatements().flatMap((st) => lowerStmt(ctx, st));
      return { match, body };
    });
    return [{ k: 'switch', value, discriminant, cases, loc }];
  });
}

function compareValues(ctx: FnContext, node: Node, left: Expr, right: Expr): Expr {
  const loc = ctx.loc(node);
  if (sameType(left.type, BOOL) !== sameType(right.type, BOOL)) {
    return ctx.fail(node, 'TSN1302', [typeName(left.type), typeName(right.type), 'a case value has the type of the switch value']);
  }
  if (sameType(left.type, BOOL)) return { k: 'compare', type: BOOL, op: '==', left, right, loc };
  if (isInteger(left.type) && isInteger(right.type))
    return { k: 'compare', type: BOOL, op: '==', left: convert(left, 'i53'), right: convert(right, 'i53'), loc };
  return { k: 'compare', type: BOOL, op: '==', left: toF64(left), right: toF64(right), loc };
}

/**
 * `break`/`continue` (labelled or not) resolved against the enclosing loops and
 * switches; leaving a prange loop early is refused, `continue` of one is its
 * next iteration.
 */
function jump(ctx: FnContext, node: import('ts-morph').BreakStatement | import('ts-morph').ContinueStatement): Stmt {
  const loc = ctx.loc(node);
  const isBreak = Node.isBreakStatement(node);
  const word = isBreak ? 'break' : 'continue';
  const label = node.getLabel()?.getText();
  let index = -1;
  for (let i = ctx.targets.length - 1; i >= 0; i--) {
    const t = ctx.targets[i]!;
    if (label !== undefined ? t.label === label : isBreak ? true : t.kind !== 'switch') {
      index = i;
      break;
    }
  }
  if (index < 0) {
    if (label !== undefined) return ctx.fail(node, 'TSN1202', [label]);
    return ctx.fail(node, 'TSN1201', [`\`${word}\` outside a loop`, 'use it inside a loop (or `break` inside a switch)']);
  }
  const target = ctx.targets[index]!;
  const crossesPrange = ctx.targets.slice(index + 1).some((t) => t.kind === 'prange');
  if (crossesPrange || (isBreak && target.kind === 'prange')) return ctx.fail(node, 'TSN1402', [`\`${word}${label ? ` ${label}` : ''}\``]);
  if (!isBreak && target.kind === 'prange') return { k: 'continue', label, nextIteration: true, loc };
  return { k: isBreak ? 'break' : 'continue', label, loc };
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
  const b = loop(ctx, label, () => body(ctx, node.getStatement()));
  return [{ k: 'for', init, test, update, body: b, label, loc }];
}

/** `let`/`const` declarations; un-annotated integer locals are assumed i53 until a store says otherwise. */
function declarations(ctx: FnContext, list: VariableDeclarationList): Stmt[] {
  if (list.getDeclarationKind() === VariableDeclarationKind.Var) {
    return ctx.fail(list, 'TSN1204', ['var', 'write `let` or `const`']);
  }
  return list.getDeclarations().flatMap((decl): Stmt | Stmt[] => {
    const pair = cudaPair(ctx, decl);
    if (pair) return pair;
    const nameNode = decl.getNameNode();
    if (!Node.isIdentifier(nameNode)) return ctx.fail(decl, 'TSN1105');
    const name = nameNode.getText();
    const typeNode = decl.getTypeNode();
    const declared = readType(typeNode);
    if (typeNode && !declared) return rejectType(ctx, typeNode, 'TSN1102');
    const initNode = decl.getInitializer();
    if (!initNode) {
      if (!declared || declared.tag === 'array') return ctx.fail(decl, 'TSN1106', [name]);
      const local = ctx.declare(name, declared, false);
      const zero: Expr =
        declared.tag === 'scalar' && declared.kind === 'bool'
          ? { k: 'bool', type: declared, value: false, loc: ctx.loc(decl) }
          : { k: 'num', type: declared, value: 0, loc: ctx.loc(decl) };
      return { k: 'let', local, init: zero, loc: ctx.loc(decl) };
    }
    return declareLocal(ctx, decl, name, declared, lowerExpr(ctx, initNode), initNode);
  });
}

/**
 * A local with its first value. Un-annotated: the type TypeScript would give,
 * except that integer (or f32) values make an i53 (or f32) candidate, which a
 * later non-integer (non-f32) store demotes to f64.
 */
export function declareLocal(ctx: FnContext, decl: Node, name: string, declared: IrType | undefined, init: Expr, initNode: Node): Stmt {
  if (declared || !isNumeric(init.type)) {
    const type = declared ?? init.type;
    if (type.tag === 'void') return ctx.fail(initNode, 'TSN1302', ['a value', 'void', 'a void function returns nothing to store']);
    const local = ctx.declare(name, type, false);
    if (init.k === 'sharedArray') {
      // Every access is to the block's array: one name for it, never another array.
      if (!isConstDeclaration(decl)) return ctx.fail(decl, 'TSN1505', [initNode.getText()]);
      local.constant = true;
      local.shared = init.slot;
    }
    return { k: 'let', local, init: toSlot(ctx, initNode, init, type, `\`${name}\``), loc: ctx.loc(decl) };
  }
  const earlier = ctx.demoted.get(decl);
  const level = earlier ? meetLevels(earlier, levelOf(init)) : levelOf(init);
  const type = level === 'i53' ? I53 : level === 'f32' ? scalar('f32') : scalar('f64');
  const local = ctx.declare(name, type, false, level === 'f64' ? undefined : decl, level === 'int');
  const value = toSlot(ctx, initNode, init, type, `\`${name}\``);
  if (isConstDeclaration(decl)) {
    local.constant = true;
    if (level === 'i53') local.range = exactRange(value);
  }
  return { k: 'let', local, init: value, loc: ctx.loc(decl) };
}

function isConstDeclaration(decl: Node): boolean {
  // `const [x, y] = …`: an element of a pattern of a declaration.
  const declaration = Node.isBindingElement(decl) ? decl.getParent()?.getParent() : decl;
  const list = declaration?.getParent();
  return Node.isVariableDeclarationList(list) && list.getDeclarationKind() === VariableDeclarationKind.Const;
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
  const hint = "write `throw new RangeError('message')` (Error, TypeError or RangeError with a string literal)";
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
