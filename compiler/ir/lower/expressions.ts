// TS expression → typed IR expression. Contract per form in the comments.
import { Node, SyntaxKind, type Expression } from 'ts-morph';
import { GLOBAL_CONSTANTS, INTEGER_VALUED, MATH_CONSTANTS, MATH_FUNCTIONS, NUMBER_CONSTANTS, NUMBER_FUNCTIONS } from '../builtins';
import { isExactIntRange, rangeOf } from '../range';
import type { ArithOp, BitOp, CompareOp, Expr, LValue, Local, ReductionOp } from '../nodes';
import { ARRAYS, BOOL, F64, I32, I53, SCALARS, U32, isInteger, isNumeric, sameType, scalar, typeName, type IrType } from '../types';
import { arrayMethod, newArray } from './arrays';
import type { FnContext } from './context';
import { cudaCall, cudaProperty } from './cuda';
import { lowerReductionUpdate, noteRead, noteWrite } from './prange';
import { convert, levelOf, levelOfLocal, meetLevels, toCondition, toF64, toSlot, toStore } from './convert';
import { hasSideEffects } from '../walk';

const ARITH: Partial<Record<SyntaxKind, ArithOp>> = {
  [SyntaxKind.PlusToken]: '+',
  [SyntaxKind.MinusToken]: '-',
  [SyntaxKind.AsteriskToken]: '*',
  [SyntaxKind.SlashToken]: '/',
  [SyntaxKind.PercentToken]: '%',
};
const BIT: Partial<Record<SyntaxKind, BitOp>> = {
  [SyntaxKind.BarToken]: '|',
  [SyntaxKind.AmpersandToken]: '&',
  [SyntaxKind.CaretToken]: '^',
  [SyntaxKind.LessThanLessThanToken]: '<<',
  [SyntaxKind.GreaterThanGreaterThanToken]: '>>',
  [SyntaxKind.GreaterThanGreaterThanGreaterThanToken]: '>>>',
};
const COMPARE: Partial<Record<SyntaxKind, CompareOp>> = {
  [SyntaxKind.LessThanToken]: '<',
  [SyntaxKind.LessThanEqualsToken]: '<=',
  [SyntaxKind.GreaterThanToken]: '>',
  [SyntaxKind.GreaterThanEqualsToken]: '>=',
  [SyntaxKind.EqualsEqualsEqualsToken]: '==',
  [SyntaxKind.ExclamationEqualsEqualsToken]: '!=',
  [SyntaxKind.EqualsEqualsToken]: '==',
  [SyntaxKind.ExclamationEqualsToken]: '!=',
};
const COMPOUND: Partial<Record<SyntaxKind, SyntaxKind>> = {
  [SyntaxKind.PlusEqualsToken]: SyntaxKind.PlusToken,
  [SyntaxKind.MinusEqualsToken]: SyntaxKind.MinusToken,
  [SyntaxKind.AsteriskEqualsToken]: SyntaxKind.AsteriskToken,
  [SyntaxKind.SlashEqualsToken]: SyntaxKind.SlashToken,
  [SyntaxKind.PercentEqualsToken]: SyntaxKind.PercentToken,
  [SyntaxKind.BarEqualsToken]: SyntaxKind.BarToken,
  [SyntaxKind.AmpersandEqualsToken]: SyntaxKind.AmpersandToken,
  [SyntaxKind.CaretEqualsToken]: SyntaxKind.CaretToken,
  [SyntaxKind.LessThanLessThanEqualsToken]: SyntaxKind.LessThanLessThanToken,
  [SyntaxKind.GreaterThanGreaterThanEqualsToken]: SyntaxKind.GreaterThanGreaterThanToken,
  [SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken]: SyntaxKind.GreaterThanGreaterThanGreaterThanToken,
  [SyntaxKind.AsteriskAsteriskEqualsToken]: SyntaxKind.AsteriskAsteriskToken,
};

export interface ExprOptions {
  /** The value is discarded (expression statement, for-update): assignments may convert. */
  discarded?: boolean;
}

export function lowerExpr(ctx: FnContext, node: Expression, opts: ExprOptions = {}): Expr {
  const loc = ctx.loc(node);
  if (Node.isParenthesizedExpression(node)) return lowerExpr(ctx, node.getExpression(), opts);
  // compilerNode.text is the normalised decimal (ts-morph's getLiteralValue() misreads 1e300 as 1).
  if (Node.isNumericLiteral(node)) return numberLiteral(Number(node.compilerNode.text), loc);
  if (node.getKind() === SyntaxKind.TrueKeyword) return { k: 'bool', type: BOOL, value: true, loc };
  if (node.getKind() === SyntaxKind.FalseKeyword) return { k: 'bool', type: BOOL, value: false, loc };
  if (Node.isIdentifier(node)) return identifier(ctx, node);
  if (Node.isBinaryExpression(node)) return binary(ctx, node, opts);
  if (Node.isPrefixUnaryExpression(node)) return prefix(ctx, node, opts);
  if (Node.isPostfixUnaryExpression(node))
    return update(ctx, node, node.getOperand(), node.getOperatorToken() === SyntaxKind.PlusPlusToken ? '++' : '--', false, opts);
  if (Node.isConditionalExpression(node)) return conditional(ctx, node);
  if (Node.isElementAccessExpression(node)) return element(ctx, node);
  if (Node.isPropertyAccessExpression(node)) return property(ctx, node);
  if (Node.isCallExpression(node)) return call(ctx, node);
  if (Node.isNewExpression(node)) return newArray(ctx, node);
  return unsupported(ctx, node);
}

function unsupported(ctx: FnContext, node: Node): never {
  if (Node.isStringLiteral(node) || Node.isTemplateExpression(node) || Node.isNoSubstitutionTemplateLiteral(node))
    return ctx.fail(node, 'TSN1206');
  if (Node.isArrowFunction(node) || Node.isFunctionExpression(node)) return ctx.fail(node, 'TSN1207');
  if (Node.isObjectLiteralExpression(node) || Node.isArrayLiteralExpression(node)) return ctx.fail(node, 'TSN1208');
  const what = node
    .getKindName()
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return ctx.fail(node, 'TSN1201', [
    `\`${firstLine(node)}\` (${what})`,
    'see the typed subset in the tsnative README: numbers, booleans, typed arrays, loops and Math',
  ]);
}

const firstLine = (node: Node): string => {
  const text = node.getText().split('\n')[0] ?? '';
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

export function numberLiteral(value: number, loc: Expr['loc']): Expr {
  const isI53 = Number.isInteger(value) && Math.abs(value) <= 2 ** 53 && !Object.is(value, -0);
  return { k: 'num', type: isI53 ? I53 : F64, value, loc };
}

function identifier(ctx: FnContext, node: Node): Expr {
  const name = node.getText();
  const loc = ctx.loc(node);
  const local = ctx.lookup(name);
  if (local) {
    if (ctx.pranges.length > 0) noteRead(ctx, local, node);
    return { k: 'local', type: local.type, local, loc };
  }
  const constant = ctx.module.constants.get(name);
  if (constant) return convert(numberLiteral(constant.value, loc), constant.type.tag === 'scalar' ? constant.type.kind : 'f64');
  if (name in GLOBAL_CONSTANTS) return { k: 'num', type: F64, value: GLOBAL_CONSTANTS[name]!, loc };
  if (ctx.module.functions.has(name)) return ctx.fail(node, 'TSN1210', [`the function \`${name}\` as a value`]);
  if (name === 'undefined')
    return ctx.fail(node, 'TSN1204', ['undefined', 'compiled code has no undefined: use a number such as NaN, or a boolean']);
  return ctx.fail(node, 'TSN1202', [name]);
}

/** `a op b` with JS meaning: +,- of integers stay exact in int64; everything else is double. */
export function arith(op: ArithOp, left: Expr, right: Expr, loc: Expr['loc']): Expr {
  const integers = isInteger(left.type) && isInteger(right.type);
  if (integers && (op === '+' || op === '-')) {
    return { k: 'arith', type: I53, op, left: convert(left, 'i53'), right: convert(right, 'i53'), loc };
  }
  const product: Expr = { k: 'arith', type: F64, op, left: toF64(left), right: toF64(right), loc };
  // A product of integers is a double, unless its range is exact in int64 and excludes -0.
  if (integers && op === '*' && isExactIntRange(rangeOf(product))) {
    return { ...product, type: I53, left: convert(left, 'i53'), right: convert(right, 'i53') };
  }
  return product;
}

/** Math.floor/ceil/round/trunc of a bounded double is an int64 where its range allows. */
function exactRounding(e: Expr): Expr {
  return e.k === 'builtin' && INTEGER_VALUED.has(e.name) && e.type.tag === 'scalar' && e.type.kind === 'f64' && isExactIntRange(rangeOf(e))
    ? convert(e, 'i53')
    : e;
}

/** Bitwise operators: ToInt32 (ToUint32 for the right of `>>>` is the same bits) of both sides. */
function bitwise(op: BitOp, left: Expr, right: Expr, loc: Expr['loc']): Expr {
  const int32 = (e: Expr): Expr => convert(isInteger(e.type) ? e : toF64(e), 'i32');
  return { k: 'bit', type: op === '>>>' ? U32 : I32, op, left: int32(left), right: int32(right), loc };
}

function numericOperand(ctx: FnContext, node: Node, e: Expr, op: string): Expr {
  if (isNumeric(e.type)) return e;
  return ctx.fail(node, 'TSN1302', ['a number', typeName(e.type), `\`${op}\` works on numbers here`]);
}

function binaryValue(ctx: FnContext, node: Node, opKind: SyntaxKind, left: Expr, right: Expr): Expr {
  const loc = ctx.loc(node);
  const arithOp = ARITH[opKind];
  if (arithOp) return arith(arithOp, numericOperand(ctx, node, left, arithOp), numericOperand(ctx, node, right, arithOp), loc);
  if (opKind === SyntaxKind.AsteriskAsteriskToken) {
    return {
      k: 'builtin',
      type: F64,
      name: 'pow',
      args: [toF64(numericOperand(ctx, node, left, '**')), toF64(numericOperand(ctx, node, right, '**'))],
      loc,
    };
  }
  const bitOp = BIT[opKind];
  if (bitOp) return bitwise(bitOp, numericOperand(ctx, node, left, bitOp), numericOperand(ctx, node, right, bitOp), loc);
  return ctx.fail(node, 'TSN1201', [`the operator \`${SyntaxKind[opKind]}\``, 'use arithmetic, comparison, bitwise or logical operators']);
}

function binary(ctx: FnContext, node: import('ts-morph').BinaryExpression, opts: ExprOptions): Expr {
  const opKind = node.getOperatorToken().getKind();
  const loc = ctx.loc(node);
  const compound = COMPOUND[opKind];
  const shared =
    ctx.pranges.length > 0 && (opKind === SyntaxKind.EqualsToken || compound !== undefined) ? sharedLocal(ctx, node.getLeft()) : undefined;
  if (shared) return reduction(ctx, node, shared, opts);
  if (opKind === SyntaxKind.EqualsToken) return assign(ctx, node, node.getLeft(), () => lowerExpr(ctx, node.getRight()), opts);
  if (compound !== undefined) {
    return assign(
      ctx,
      node,
      node.getLeft(),
      () => binaryValue(ctx, node, compound, lowerExpr(ctx, node.getLeft()), lowerExpr(ctx, node.getRight())),
      opts,
    );
  }
  if (opKind === SyntaxKind.AmpersandAmpersandToken || opKind === SyntaxKind.BarBarToken) {
    const op = opKind === SyntaxKind.AmpersandAmpersandToken ? '&&' : '||';
    const [left, right] = unify(ctx, node, lowerExpr(ctx, node.getLeft()), lowerExpr(ctx, node.getRight()), `\`${op}\``);
    if (left.type.tag !== 'scalar')
      return ctx.fail(node, 'TSN1302', ['booleans or numbers', typeName(left.type), `\`${op}\` works on booleans and numbers`]);
    return { k: 'logical', type: left.type, op, left, right, loc };
  }
  const cmp = COMPARE[opKind];
  if (cmp) return compare(ctx, node, cmp, lowerExpr(ctx, node.getLeft()), lowerExpr(ctx, node.getRight()));
  if (opKind === SyntaxKind.CommaToken) {
    const left = lowerExpr(ctx, node.getLeft(), { discarded: true });
    const right = lowerExpr(ctx, node.getRight(), opts);
    return { k: 'seq', type: right.type, left, right, loc };
  }
  return binaryValue(ctx, node, opKind, lowerExpr(ctx, node.getLeft()), lowerExpr(ctx, node.getRight()));
}

/** The local a prange body assigns to, when it is declared outside the loop. */
function sharedLocal(ctx: FnContext, target: Expression): Local | undefined {
  if (!Node.isIdentifier(target)) return undefined;
  const local = ctx.lookup(target.getText());
  return local && ctx.pranges.some((p) => ctx.isOuter(local, p)) ? local : undefined;
}

const REDUCTION_OPS: Partial<Record<SyntaxKind, ReductionOp>> = {
  [SyntaxKind.PlusEqualsToken]: '+',
  [SyntaxKind.MinusEqualsToken]: '+',
  [SyntaxKind.AsteriskEqualsToken]: '*',
  [SyntaxKind.BarEqualsToken]: '|',
  [SyntaxKind.AmpersandEqualsToken]: '&',
  [SyntaxKind.CaretEqualsToken]: '^',
};

/** `s op= e` or `s = Math.min(s, e)` on a local shared by prange iterations: a reduction, or a diagnostic. */
function reduction(ctx: FnContext, node: import('ts-morph').BinaryExpression, local: Local, opts: ExprOptions): Expr {
  const opKind = node.getOperatorToken().getKind();
  const right = node.getRight();
  let op = REDUCTION_OPS[opKind];
  if (opKind === SyntaxKind.EqualsToken && Node.isCallExpression(right)) {
    const callee = right.getExpression().getText();
    const args = right.getArguments();
    if ((callee === 'Math.min' || callee === 'Math.max') && args.length === 2 && args.some((a) => a.getText() === local.name)) {
      op = callee === 'Math.min' ? 'min' : 'max';
    }
  }
  noteWrite(ctx, local, node, op, 'assign to');
  if (!opts.discarded) return ctx.fail(node, 'TSN1201', ['a reduction used as a value', 'write the reduction as a statement of its own']);
  const compound = COMPOUND[opKind];
  return lowerReductionUpdate(ctx, local, 1, node, () =>
    compound === undefined
      ? assign(ctx, node, node.getLeft(), () => lowerExpr(ctx, right), opts)
      : assign(
          ctx,
          node,
          node.getLeft(),
          () => binaryValue(ctx, node, compound, lowerExpr(ctx, node.getLeft()), lowerExpr(ctx, right)),
          opts,
        ),
  );
}

function compare(ctx: FnContext, node: Node, op: CompareOp, left: Expr, right: Expr): Expr {
  const loc = ctx.loc(node);
  if (sameType(left.type, BOOL) && sameType(right.type, BOOL) && (op === '==' || op === '!=')) {
    return { k: 'compare', type: BOOL, op, left, right, loc };
  }
  numericOperand(ctx, node, left, op);
  numericOperand(ctx, node, right, op);
  if (isInteger(left.type) && isInteger(right.type)) {
    return { k: 'compare', type: BOOL, op, left: convert(left, 'i53'), right: convert(right, 'i53'), loc };
  }
  return { k: 'compare', type: BOOL, op, left: toF64(left), right: toF64(right), loc };
}

function prefix(ctx: FnContext, node: import('ts-morph').PrefixUnaryExpression, opts: ExprOptions): Expr {
  const loc = ctx.loc(node);
  const op = node.getOperatorToken();
  const operandNode = node.getOperand();
  if (op === SyntaxKind.PlusPlusToken || op === SyntaxKind.MinusMinusToken) {
    return update(ctx, node, operandNode, op === SyntaxKind.PlusPlusToken ? '++' : '--', true, opts);
  }
  const operand = lowerExpr(ctx, operandNode);
  switch (op) {
    case SyntaxKind.MinusToken:
      numericOperand(ctx, node, operand, '-');
      if (operand.k === 'num') return numberLiteral(-operand.value, loc);
      // Negation stays in double: -0 must survive.
      return { k: 'neg', type: F64, operand: toF64(operand), loc };
    case SyntaxKind.PlusToken:
      return numericOperand(ctx, node, operand, '+');
    case SyntaxKind.ExclamationToken:
      return { k: 'not', type: BOOL, operand: toCondition(ctx, operandNode, operand), loc };
    case SyntaxKind.TildeToken: {
      numericOperand(ctx, node, operand, '~');
      return { k: 'bitnot', type: I32, operand: convert(isInteger(operand.type) ? operand : toF64(operand), 'i32'), loc };
    }
  }
  return unsupported(ctx, node);
}

function conditional(ctx: FnContext, node: import('ts-morph').ConditionalExpression): Expr {
  const test = toCondition(ctx, node.getCondition(), lowerExpr(ctx, node.getCondition()));
  const [a, b] = unify(ctx, node, lowerExpr(ctx, node.getWhenTrue()), lowerExpr(ctx, node.getWhenFalse()), '`?:`');
  return { k: 'cond', type: a.type, test, then: a, else: b, loc: ctx.loc(node) };
}

/** Two values that may each be the result (`?:`, `&&`, `||`): one common type. */
function unify(ctx: FnContext, node: Node, a: Expr, b: Expr, what: string): [Expr, Expr] {
  if (sameType(a.type, b.type)) return [a, b];
  if (isInteger(a.type) && isInteger(b.type)) return [convert(a, 'i53'), convert(b, 'i53')];
  if (isNumeric(a.type) && isNumeric(b.type)) return [toF64(a), toF64(b)];
  return ctx.fail(node, 'TSN1302', [typeName(a.type), typeName(b.type), `both sides of ${what} must be the same kind of value`]);
}

/** Lowers an element access target: the array expression and an i53 index. */
function elementParts(ctx: FnContext, node: import('ts-morph').ElementAccessExpression) {
  const arr = lowerExpr(ctx, node.getExpression());
  if (arr.type.tag !== 'array') {
    return ctx.fail(node, 'TSN1302', ['a typed array', typeName(arr.type), 'only typed arrays can be indexed']);
  }
  const argNode = node.getArgumentExpressionOrThrow();
  const idx = lowerExpr(ctx, argNode);
  if (!isNumeric(idx.type)) return ctx.fail(argNode, 'TSN1303');
  let index: Expr;
  if (isInteger(idx.type)) index = convert(idx, 'i53');
  else if (isIntValuedIndex(idx)) index = { k: 'toIndex', type: I53, operand: idx, loc: idx.loc };
  else return ctx.fail(argNode, 'TSN1303');
  return { array: arr, arrayKind: arr.type.kind, index, checked: ctx.boundsChecked };
}

function isIntValuedIndex(e: Expr): boolean {
  return e.k !== 'num' || Number.isInteger(e.value);
}

function element(ctx: FnContext, node: import('ts-morph').ElementAccessExpression): Expr {
  const parts = elementParts(ctx, node);
  const type = scalar(ARRAYS[parts.arrayKind].element);
  return { k: 'element', type, ...parts, loc: ctx.loc(node) };
}

function property(ctx: FnContext, node: import('ts-morph').PropertyAccessExpression): Expr {
  const onCuda = cudaProperty(ctx, node);
  if (onCuda) return onCuda;
  const loc = ctx.loc(node);
  const objNode = node.getExpression();
  const name = node.getName();
  if (Node.isIdentifier(objNode) && !ctx.lookup(objNode.getText())) {
    const ns = objNode.getText();
    if (ns === 'Math' && name in MATH_CONSTANTS) return { k: 'num', type: F64, value: MATH_CONSTANTS[name]!, loc };
    if (ns === 'Number' && name in NUMBER_CONSTANTS) return numberLiteral(NUMBER_CONSTANTS[name]!, loc);
    if (ns === 'Math' || ns === 'Number')
      return ctx.fail(node, 'TSN1204', [`${ns}.${name}`, `this ${ns} member is not available in compiled code`]);
  }
  const obj = lowerExpr(ctx, objNode);
  if (obj.type.tag === 'array' && name === 'length') return { k: 'length', type: I53, array: obj, loc };
  return ctx.fail(node, 'TSN1204', [
    `.${name}`,
    obj.type.tag === 'array' ? 'typed arrays offer `.length` and indexing here' : 'compiled code has no objects',
  ]);
}

function call(ctx: FnContext, node: import('ts-morph').CallExpression): Expr {
  const loc = ctx.loc(node);
  const callee = node.getExpression();
  const argNodes = node.getArguments() as Expression[];
  const onCuda = cudaCall(ctx, node);
  if (onCuda) return onCuda;
  if (
    Node.isPropertyAccessExpression(callee) &&
    Node.isIdentifier(callee.getExpression()) &&
    !ctx.lookup(callee.getExpression().getText())
  ) {
    const ns = callee.getExpression().getText();
    const name = callee.getName();
    if (ns === 'Math' && name === 'random') return ctx.fail(node, 'TSN1209');
    const table = ns === 'Math' ? MATH_FUNCTIONS : ns === 'Number' ? NUMBER_FUNCTIONS : undefined;
    if (table) {
      const typer = table[name];
      if (!typer) return ctx.fail(callee, 'TSN1204', [`${ns}.${name}`, `this ${ns} function is not available in compiled code`]);
      const args = argNodes.map((a) => numericOperand(ctx, a, lowerExpr(ctx, a), `${ns}.${name}`));
      const typing = typer(args.map((a) => a.type));
      if (!typing) return ctx.fail(node, 'TSN1205', [`${ns}.${name}`, 'a different number of', String(args.length)]);
      const converted = args.map((a, i) => convertArg(a, typing.params[i]!));
      return exactRounding({ k: 'builtin', type: typing.result, name: ns === 'Math' ? name : `Number.${name}`, args: converted, loc });
    }
  }
  if (Node.isPropertyAccessExpression(callee)) {
    const method = arrayMethod(ctx, node, callee.getName(), lowerExpr(ctx, callee.getExpression()));
    if (method) return method;
    return ctx.fail(callee, 'TSN1204', [`.${callee.getName()}()`, 'typed arrays offer .fill, .set and .subarray here']);
  }
  if (Node.isIdentifier(callee)) {
    const name = callee.getText();
    const sig = ctx.module.functions.get(name);
    if (!sig) {
      if (ctx.lookup(name)) return ctx.fail(callee, 'TSN1210', [`\`${name}\` as a function`]);
      return ctx.fail(callee, 'TSN1203', [name]);
    }
    if (sig.kernel) return ctx.fail(callee, 'TSN1508', [name]);
    if (argNodes.length !== sig.params.length) return ctx.fail(node, 'TSN1205', [name, String(sig.params.length), String(argNodes.length)]);
    const args = argNodes.map((a, i) => toSlot(ctx, a, lowerExpr(ctx, a), sig.params[i]!, `parameter ${i + 1} of ${name}`));
    return { k: 'call', type: sig.returns, callee: sig.name, module: sig.module, args, loc };
  }
  return ctx.fail(callee, 'TSN1203', [firstLine(callee)]);
}

function convertArg(e: Expr, to: IrType): Expr {
  if (to.tag !== 'scalar') return e;
  if (to.kind === 'i32' || to.kind === 'u32') return convert(isInteger(e.type) ? e : toF64(e), to.kind);
  return convert(e, to.kind);
}

/** `target = value` (value built by `make`, which may read the target for compound forms). */
function assign(ctx: FnContext, node: Node, targetNode: Expression, make: () => Expr, opts: ExprOptions): Expr {
  const loc = ctx.loc(node);
  const target = lvalue(ctx, targetNode);
  if (target.k === 'local' && target.type.tag === 'array' && ctx.pranges.length > 0)
    noteWrite(ctx, target.local, node, undefined, 'reassign');
  const raw = make();
  if (target.k === 'local') {
    if (demotes(ctx, target.local, raw)) return { k: 'assign', type: F64, target, value: toF64(raw), loc };
    const value = toSlot(ctx, node, raw, target.local.type, `\`${target.local.name}\``);
    if (!opts.discarded && value !== raw && !isExactWidening(raw, value)) {
      return ctx.fail(node, 'TSN1201', [
        'an assignment that converts its value, used as a value',
        'write the assignment as a statement of its own',
      ]);
    }
    return { k: 'assign', type: target.type, target, value, loc };
  }
  const value = toStore(ctx, node, raw, target.arrayKind);
  if (!opts.discarded && target.arrayKind !== 'Float64Array') {
    return ctx.fail(node, 'TSN1201', ['a store into an integer or f32 array used as a value', 'write the store as a statement of its own']);
  }
  return { k: 'assign', type: target.type, target, value, loc };
}

function isExactWidening(raw: Expr, value: Expr): boolean {
  return value.type.tag === 'scalar' && (value.type.kind === 'f64' || value.type.kind === 'i53');
}

/**
 * A store into an un-annotated local of a value below the local's assumed
 * level (see LocalLevel): recorded, so the function is lowered again with the
 * local demoted.
 */
function demotes(ctx: FnContext, local: import('../nodes').Local, value: Expr): boolean {
  const decl = ctx.localDecl.get(local);
  if (!decl) return false;
  const level = levelOfLocal(local);
  const lowered = meetLevels(level, levelOf(value));
  if (lowered === level) return false;
  ctx.violations.set(decl, lowered);
  return true;
}

function lvalue(ctx: FnContext, node: Expression): LValue {
  if (Node.isParenthesizedExpression(node)) return lvalue(ctx, node.getExpression());
  const loc = ctx.loc(node);
  if (Node.isIdentifier(node)) {
    const local = ctx.lookup(node.getText());
    if (!local) {
      if (ctx.module.constants.has(node.getText()))
        return ctx.fail(node, 'TSN1304', [node.getText(), 'module-level constants cannot be assigned']);
      return ctx.fail(node, 'TSN1202', [node.getText()]);
    }
    if (local.type.tag === 'array' && !local.isParam) return { k: 'local', type: local.type, local, loc };
    return { k: 'local', type: local.type, local, loc };
  }
  if (Node.isElementAccessExpression(node)) {
    const parts = elementParts(ctx, node);
    if (hasSideEffects(parts.index)) {
      return ctx.fail(node, 'TSN1304', [
        firstLine(node),
        'an index with side effects here would run twice: compute it into a `const` first',
      ]);
    }
    return { k: 'element', type: scalar(ARRAYS[parts.arrayKind].element), ...parts, loc };
  }
  return ctx.fail(node, 'TSN1304', [firstLine(node), 'assign to a local variable, a parameter or a typed-array element']);
}

/** `x++`, `--a[i]`: machine increments where they equal JS's; otherwise `x = x ± 1`. */
function update(ctx: FnContext, node: Node, operandNode: Expression, op: '++' | '--', prefix: boolean, opts: ExprOptions): Expr {
  const loc = ctx.loc(node);
  const target = lvalue(ctx, operandNode);
  if (target.k === 'local' && ctx.pranges.length > 0) noteWrite(ctx, target.local, node, '+', `${op}`);
  if (target.type.tag !== 'scalar' || target.type.kind === 'bool') {
    return ctx.fail(node, 'TSN1302', ['a number', typeName(target.type), `\`${op}\` works on numbers`]);
  }
  const kind = target.type.kind;
  const clamped = target.k === 'element' && target.arrayKind === 'Uint8ClampedArray';
  if (target.k === 'local' && kind === 'f32') {
    if (demotes(ctx, target.local, numberLiteral(0.1, loc))) return { k: 'assign', type: F64, target, value: numberLiteral(0, loc), loc };
    return ctx.fail(node, 'TSN1306', [target.local.name]);
  }
  const checkedSlot = target.k === 'local' && SCALARS[kind].integer && kind !== 'i53' && ctx.options.has('overflowcheck');
  if (checkedSlot) {
    if (!opts.discarded)
      return ctx.fail(node, 'TSN1201', [`\`${op}\` on an overflow-checked integer used as a value`, 'write it as a statement of its own']);
    const current: Expr = { ...target } as Expr;
    const value = toSlot(
      ctx,
      node,
      arith(op === '++' ? '+' : '-', current, numberLiteral(1, loc), loc),
      target.type,
      `\`${target.local.name}\``,
    );
    return { k: 'assign', type: target.type, target, value, loc };
  }
  if (clamped || (!opts.discarded && target.k === 'element' && kind !== 'f64')) {
    if (!opts.discarded)
      return ctx.fail(node, 'TSN1201', [`\`${op}\` on a narrow array element used as a value`, 'write it as a statement of its own']);
    const current: Expr = { ...target } as Expr;
    const value = toStore(ctx, node, arith(op === '++' ? '+' : '-', current, numberLiteral(1, loc), loc), target.arrayKind);
    return { k: 'assign', type: target.type, target, value, loc };
  }
  return { k: 'update', type: target.type, target, op, prefix, loc };
}
