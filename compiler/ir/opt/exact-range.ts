// Interval analysis of an exact form (exact.ts): the range of every int64 step
// given ranges for its leaves, and whether JS's double computation could end
// in -0 (which the int64 one, holding 0, cannot tell apart). This decides
// which integer leaves need a run-time bound so that no step can leave ±2^53:
// a couple of comparisons instead of an overflow check on every step.
import type { Expr } from '../nodes';
import type { IntKind } from '../types';

interface Range {
  lo: bigint;
  hi: bigint;
  /** JS's double value could be -0 here. */
  negZero: boolean;
}

const LIMIT = 2n ** 53n;

const TYPE_RANGE: Record<IntKind | 'i53', [bigint, bigint]> = {
  i32: [-(2n ** 31n), 2n ** 31n - 1n],
  u32: [0n, 2n ** 32n - 1n],
  i16: [-(2n ** 15n), 2n ** 15n - 1n],
  u16: [0n, 2n ** 16n - 1n],
  i8: [-128n, 127n],
  u8: [0n, 255n],
  i53: [-LIMIT, LIMIT],
};

/** The range of values an integer leaf's type allows. */
export function leafRange(e: Expr): [bigint, bigint] {
  if (e.k === 'convert') return leafRange(e.operand);
  if (e.k === 'local' && e.local.range) return [BigInt(e.local.range[0]), BigInt(e.local.range[1])];
  if (e.k === 'length') return [0n, LIMIT];
  const kind = e.type.tag === 'scalar' ? e.type.kind : 'i53';
  return TYPE_RANGE[kind as IntKind | 'i53'] ?? TYPE_RANGE.i53;
}

/** The leaves of an exact form: the integer values it is computed from. */
export function leaves(e: Expr): Expr[] {
  if (e.k === 'arith') return [...leaves(e.left), ...leaves(e.right)];
  if (e.k === 'neg') return leaves(e.operand);
  return e.k === 'num' ? [] : [e];
}

export interface Fit {
  /** Every step stays within ±2^53. */
  exact: boolean;
  negZero: boolean;
}

/** Whether `e` stays exact when each leaf lies within `bound(leaf)`. */
export function fits(e: Expr, bound: (leaf: Expr) => [bigint, bigint]): Fit {
  let exact = true;
  const walk = (x: Expr): Range => {
    const r = rangeOf(x, walk, bound);
    if (r.lo < -LIMIT || r.hi > LIMIT) exact = false;
    return r;
  };
  const r = walk(e);
  return { exact, negZero: r.negZero };
}

const has0 = (r: Range): boolean => r.lo <= 0n && r.hi >= 0n;
const min = (xs: bigint[]): bigint => xs.reduce((a, b) => (b < a ? b : a));
const max = (xs: bigint[]): bigint => xs.reduce((a, b) => (b > a ? b : a));

function rangeOf(e: Expr, walk: (x: Expr) => Range, bound: (leaf: Expr) => [bigint, bigint]): Range {
  if (e.k === 'num') return { lo: BigInt(e.value), hi: BigInt(e.value), negZero: false };
  if (e.k === 'neg') {
    const a = walk(e.operand);
    return { lo: -a.hi, hi: -a.lo, negZero: has0(a) };
  }
  if (e.k !== 'arith') {
    const [lo, hi] = bound(e);
    return { lo, hi, negZero: false };
  }
  const a = walk(e.left);
  const b = walk(e.right);
  switch (e.op) {
    case '+':
      return { lo: a.lo + b.lo, hi: a.hi + b.hi, negZero: a.negZero && b.negZero };
    case '-':
      return { lo: a.lo - b.hi, hi: a.hi - b.lo, negZero: a.negZero && has0(b) };
    default: {
      const ends = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
      const negZero = a.negZero || b.negZero || (has0(a) && b.lo < 0n) || (has0(b) && a.lo < 0n);
      return { lo: min(ends), hi: max(ends), negZero };
    }
  }
}
