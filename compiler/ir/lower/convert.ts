// Where JS converts, the IR gets an explicit `convert` node; where JS would
// keep a value a slot cannot hold, the user gets a diagnostic (the typed subset's slot rules).
import type { Node } from 'ts-morph';
import { INTEGER_PRESERVING, INTEGER_VALUED } from '../builtins';
import type { Expr, Local } from '../nodes';
import {
  ARRAYS,
  BOOL,
  SCALARS,
  isInteger,
  isNumeric,
  scalar,
  sameType,
  typeName,
  type ArrayKind,
  type IrType,
  type ScalarKind,
} from '../types';
import type { FnContext } from './context';

/** A conversion node, folded into literals where the value is known. */
export function convert(e: Expr, to: ScalarKind): Expr {
  if (e.type.tag === 'scalar' && e.type.kind === to) return e;
  if (e.k === 'num' && (to === 'f64' || (to === 'i53' && Number.isInteger(e.value)))) {
    return { ...e, type: scalar(to) };
  }
  return { k: 'convert', type: scalar(to), to, operand: e, loc: e.loc };
}

export const toF64 = (e: Expr): Expr => convert(e, 'f64');

/**
 * What an un-annotated local's values have been so far, strongest first:
 * `i53` (all of integer types: held in an int64), `int` (all integer-valued:
 * a double that may enter integer slots), `f32` (all f32 values: a float),
 * `f64` (anything).
 */
export type LocalLevel = 'i53' | 'int' | 'f32' | 'f64';

export function levelOf(e: Expr): LocalLevel {
  if (isInteger(e.type)) return 'i53';
  if (isF32Valued(e)) return 'f32';
  return isIntValued(e) ? 'int' : 'f64';
}

export function levelOfLocal(local: Local): LocalLevel {
  if (local.type.tag === 'scalar' && local.type.kind === 'i53') return 'i53';
  if (local.type.tag === 'scalar' && local.type.kind === 'f32') return 'f32';
  return local.intValued ? 'int' : 'f64';
}

/** The strongest level both values satisfy. */
export function meetLevels(a: LocalLevel, b: LocalLevel): LocalLevel {
  if (a === b) return a;
  if ((a === 'i53' && b === 'int') || (a === 'int' && b === 'i53')) return 'int';
  return 'f64';
}

/** Integer-valued in the typed subset's sense: may enter an integer slot. */
export function isIntValued(e: Expr): boolean {
  if (isInteger(e.type)) return true;
  switch (e.k) {
    case 'local':
      return e.local.intValued === true;
    case 'num':
      return Number.isInteger(e.value) && !Object.is(e.value, -0);
    case 'arith':
      return e.op !== '/' && isIntValued(e.left) && isIntValued(e.right);
    case 'neg':
      return isIntValued(e.operand);
    case 'cond':
      return isIntValued(e.then) && isIntValued(e.else);
    case 'convert':
      return isIntValued(e.operand);
    case 'logical':
    case 'seq':
      return isIntValued(e.right) && (e.k === 'seq' || isIntValued(e.left));
    case 'builtin':
      return INTEGER_VALUED.has(e.name) || (INTEGER_PRESERVING.has(e.name) && e.args.every(isIntValued));
    default:
      return false;
  }
}

/** An f32 value in the typed subset's sense: may enter an f32 slot. */
export function isF32Valued(e: Expr): boolean {
  if (e.type.tag === 'scalar' && e.type.kind === 'f32') return true;
  switch (e.k) {
    case 'num':
      return Math.fround(e.value) === e.value || Number.isNaN(e.value);
    case 'neg':
      return isF32Valued(e.operand);
    case 'cond':
      return isF32Valued(e.then) && isF32Valued(e.else);
    case 'convert':
      return isF32Valued(e.operand);
    default:
      return false;
  }
}

/**
 * A value entering a slot (local, parameter, return value, argument) of `type`.
 * `slot` names it in messages.
 */
export function toSlot(ctx: FnContext, node: Node, e: Expr, type: IrType, slot: string): Expr {
  if (type.tag === 'array') {
    if (sameType(e.type, type)) return e;
    return ctx.fail(node, 'TSN1302', [type.kind, typeName(e.type), `pass a ${type.kind}`]);
  }
  if (type.tag === 'void') return ctx.fail(node, 'TSN1302', ['no value', typeName(e.type), 'remove the value']);
  const kind = type.kind;
  if (kind === 'bool') {
    if (sameType(e.type, BOOL)) return e;
    return ctx.fail(node, 'TSN1302', ['boolean', typeName(e.type), 'write a comparison, e.g. `x !== 0`']);
  }
  if (!isNumeric(e.type)) {
    return ctx.fail(node, 'TSN1302', ['a number', typeName(e.type), 'compiled code does not convert booleans or arrays to numbers']);
  }
  if (SCALARS[kind].integer && !isIntValued(e)) return ctx.fail(node, 'TSN1301', [slot, SCALARS[kind].source]);
  if (SCALARS[kind].integer && kind !== 'i53' && ctx.options.has('overflowcheck')) {
    const converted = convert(e, kind);
    return converted.k === 'convert' ? { ...converted, overflowCheck: true } : converted;
  }
  if (kind === 'f32' && !isF32Valued(e)) return ctx.fail(node, 'TSN1306', [slot]);
  if (kind === 'f32') return convert(e.type.tag === 'scalar' && isInteger(e.type) ? toF64(e) : e, 'f32');
  return convert(e, kind);
}

/** A value stored into a typed-array element: any number, converted as JS stores do. */
export function toStore(ctx: FnContext, node: Node, e: Expr, arrayKind: ArrayKind): Expr {
  if (!isNumeric(e.type)) {
    return ctx.fail(node, 'TSN1302', ['a number', typeName(e.type), `a ${arrayKind} element holds numbers`]);
  }
  const store = ARRAYS[arrayKind].store;
  if (store === 'clamped') {
    return { k: 'storeClamp', type: scalar('u8'), operand: toF64(e), loc: e.loc };
  }
  if (store === 'f64') return toF64(e);
  if (store === 'f32') return convert(toF64(e), 'f32');
  // Integer kinds convert from an integer directly (wrapping), otherwise ToInt32 of the double.
  return convert(isInteger(e.type) ? e : toF64(e), store);
}

/** A condition: booleans as they are, numbers by JS truthiness. */
export function toCondition(ctx: FnContext, node: Node, e: Expr): Expr {
  if (sameType(e.type, BOOL)) return e;
  // `a && b` on numbers, used as a condition, is the boolean `&&` of their truthiness.
  if (e.k === 'logical') return { ...e, type: BOOL, left: toCondition(ctx, node, e.left), right: toCondition(ctx, node, e.right) };
  if (isNumeric(e.type)) return { k: 'truthy', type: BOOL, operand: e, loc: e.loc };
  return ctx.fail(node, 'TSN1302', ['a condition', typeName(e.type), 'a typed array is always truthy; test `.length > 0`']);
}
