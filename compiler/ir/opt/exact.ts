// Exact integer forms of double arithmetic. JS computes `(i + j) * (i + j + 1) / 2`
// in doubles; when every step's exact value is a multiple of 2^-s no larger
// than 2^53·2^-s, every double step is exact too, so an int64 computation of
// the value scaled by 2^s gives the same number. The int64 steps that could
// leave ±2^53 are `checked`: the exactIndex or exactOffset around them then
// uses the double computation instead.
import type { Expr } from '../nodes';
import { I53, isInteger } from '../types';
import { mapExpr } from '../walk';
import { isI53 } from './counting';

/** `expr` (i53) equals the double value times 2^shift. */
export interface ExactForm {
  expr: Expr;
  shift: number;
}

/** Scales beyond this are not worth it (and would need care near int64's edge). */
const MAX_SHIFT = 52;

/** The exact form of a numeric expression made of integers, + - *, negation and division by a power of two. */
export function exactForm(e: Expr): ExactForm | undefined {
  switch (e.k) {
    case 'num':
      return dyadic(e);
    case 'convert':
      if (!isInteger(e.operand.type)) return undefined;
      return { expr: isI53(e.operand.type) ? e.operand : { ...e, type: I53, to: 'i53' }, shift: 0 };
    case 'neg': {
      if (isInteger(e.type)) return { expr: e, shift: 0 };
      const inner = exactForm(e.operand);
      return inner && { expr: { ...e, type: I53, operand: inner.expr }, shift: inner.shift };
    }
    case 'arith':
      return isInteger(e.type) ? (e.op === '+' || e.op === '-' ? { expr: e, shift: 0 } : undefined) : arith(e);
    case 'local':
      return isInteger(e.type) ? { expr: e, shift: 0 } : undefined;
    case 'exactValue':
      return exactForm(e.fallback);
    default:
      return undefined;
  }
}

function arith(e: Expr & { k: 'arith' }): ExactForm | undefined {
  const left = exactForm(e.left);
  if (!left) return undefined;
  if (e.op === '/') {
    const k = powerOfTwo(e.right);
    return k === undefined || left.shift + k > MAX_SHIFT ? undefined : { expr: left.expr, shift: left.shift + k };
  }
  if (e.op === '%') return undefined;
  const right = exactForm(e.right);
  if (!right) return undefined;
  const checked = (op: '+' | '-' | '*', l: Expr, r: Expr): Expr => ({
    k: 'arith',
    type: I53,
    op,
    left: l,
    right: r,
    loc: e.loc,
    checked: true,
  });
  if (e.op === '*') {
    const shift = left.shift + right.shift;
    return shift > MAX_SHIFT ? undefined : { expr: checked('*', left.expr, right.expr), shift };
  }
  const shift = Math.max(left.shift, right.shift);
  const scaled = (f: ExactForm): Expr | undefined => {
    const factor = 2 ** (shift - f.shift);
    if (f.expr.k !== 'num') return factor === 1 ? f.expr : checked('*', f.expr, { k: 'num', type: I53, value: factor, loc: e.loc });
    const value = f.expr.value * factor;
    return Math.abs(value) <= 2 ** 53 ? { ...f.expr, value } : undefined;
  };
  const l = scaled(left);
  const r = scaled(right);
  return l && r ? { expr: checked(e.op, l, r), shift } : undefined;
}

/** A literal m·2^-s with m an integer within ±2^53 (not -0, whose sign the scaled form cannot keep). */
function dyadic(e: Expr & { k: 'num' }): ExactForm | undefined {
  if (!Number.isFinite(e.value) || Object.is(e.value, -0)) return undefined;
  for (let s = 0; s <= MAX_SHIFT; s++) {
    const m = e.value * 2 ** s;
    if (Math.abs(m) > 2 ** 53) return undefined;
    if (Number.isInteger(m)) return { expr: { ...e, type: I53, value: m }, shift: s };
  }
  return undefined;
}

/** k where `e` is the literal 2^k (k ≥ 0). */
function powerOfTwo(e: Expr): number | undefined {
  if (e.k !== 'num' || !(e.value >= 1) || !Number.isInteger(e.value)) return undefined;
  const k = Math.log2(e.value);
  return Number.isInteger(k) ? k : undefined;
}

/** The double computation of `e`, without the exact forms a pass wrapped around parts of it. */
export function doubleForm(e: Expr): Expr {
  return mapExpr(e, (x) => (x.k === 'exactValue' ? x.fallback : x));
}
