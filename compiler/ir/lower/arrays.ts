// Typed arrays made or reshaped in compiled code (the typed subset's "local typed arrays"):
// `new XArray(n)`, `.fill`, `.set`, `.subarray`.
import type { CallExpression, Expression, NewExpression } from 'ts-morph';
import type { Expr } from '../nodes';
import { ARRAYS, F64, VOID, array, isArrayKind, isNumeric, scalar, typeName } from '../types';
import type { FnContext } from './context';
import { toF64, toStore } from './convert';
import { lowerExpr } from './expressions';

const HINT = 'write `new Float64Array(n)` (any typed-array kind) with a length';

export function newArray(ctx: FnContext, node: NewExpression): Expr {
  const loc = ctx.loc(node);
  const kind = node.getExpression().getText();
  if (!isArrayKind(kind)) return ctx.fail(node, 'TSN1208');
  if (ctx.pranges.length > 0) return ctx.fail(node, 'TSN1405', [`new ${kind}`]);
  const args = node.getArguments() as Expression[];
  if (args.length > 1) return ctx.fail(node, 'TSN1204', [`new ${kind} with ${args.length} arguments`, HINT]);
  const lengthNode = args[0];
  const length = lengthNode ? lowerExpr(ctx, lengthNode) : { k: 'num' as const, type: F64, value: 0, loc };
  if (!isNumeric(length.type)) return ctx.fail(lengthNode ?? node, 'TSN1204', [`new ${kind} from ${typeName(length.type)}`, HINT]);
  return { k: 'newArray', type: array(kind), arrayKind: kind, length: toF64(length), loc };
}

const optionalF64 = (ctx: FnContext, node: Expression | undefined, fallback: number, loc: Expr['loc']): Expr => {
  if (!node) return { k: 'num', type: F64, value: fallback, loc };
  const e = lowerExpr(ctx, node);
  if (!isNumeric(e.type)) return ctx.fail(node, 'TSN1302', ['a number', typeName(e.type), 'indices are numbers']);
  return toF64(e);
};

/** `xs.fill(…)`, `xs.set(…)`, `xs.subarray(…)`; undefined if `node` is no such call. */
export function arrayMethod(ctx: FnContext, node: CallExpression, method: string, target: Expr): Expr | undefined {
  if (target.type.tag !== 'array') return undefined;
  const loc = ctx.loc(node);
  const kind = target.type.kind;
  const args = node.getArguments() as Expression[];
  const arity = (max: number) => {
    if (args.length > max) ctx.fail(node, 'TSN1205', [`.${method}`, `at most ${max}`, String(args.length)]);
  };
  switch (method) {
    case 'fill': {
      arity(3);
      if (!args[0]) return ctx.fail(node, 'TSN1205', ['.fill', '1 to 3', '0']);
      const value = toStore(ctx, args[0], lowerExpr(ctx, args[0]), kind);
      return {
        k: 'fill',
        type: target.type,
        array: target,
        value,
        start: optionalF64(ctx, args[1], 0, loc),
        end: optionalF64(ctx, args[2], Infinity, loc),
        loc,
      };
    }
    case 'subarray':
      arity(2);
      if (ctx.pranges.length > 0) return ctx.fail(node, 'TSN1405', ['.subarray']);
      return {
        k: 'subarray',
        type: target.type,
        arrayKind: kind,
        array: target,
        start: optionalF64(ctx, args[0], 0, loc),
        end: optionalF64(ctx, args[1], Infinity, loc),
        loc,
      };
    case 'set': {
      arity(2);
      if (!args[0]) return ctx.fail(node, 'TSN1205', ['.set', '1 or 2', '0']);
      const source = lowerExpr(ctx, args[0]);
      if (source.type.tag !== 'array')
        return ctx.fail(args[0], 'TSN1302', ['a typed array', typeName(source.type), '.set copies from another typed array']);
      const element = ctx.declareSynthetic('x', scalar(ARRAYS[source.type.kind].element));
      const convert = toStore(ctx, node, { k: 'local', type: element.type, local: element, loc }, kind);
      return { k: 'setArray', type: VOID, target, source, offset: optionalF64(ctx, args[1], 0, loc), element, convert, loc };
    }
    default:
      return undefined;
  }
}
