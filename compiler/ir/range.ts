// Value ranges of IR expressions, for the typer's integer decisions: a product
// of integers, or Math.floor/ceil/round/trunc of a bounded double, is a
// machine integer (i53) when its whole range is exact in int64 and it can be
// neither NaN nor -0. Ranges come from types, literals, `.length` and the
// ranges recorded on const locals and prange indices (Local.range).
import type { Expr, ThreadValue } from './nodes';
import { ARRAYS, type ArrayKind, type ScalarKind } from './types';

export interface ValueRange {
  lo: number;
  hi: number;
  /** May be NaN. */
  nan: boolean;
  /** May be -0. */
  negZero: boolean;
}

const SAFE = 2 ** 53;
const ANY: ValueRange = { lo: -Infinity, hi: Infinity, nan: true, negZero: true };

const TYPE_RANGE: Partial<Record<ScalarKind, [number, number]>> = {
  i32: [-(2 ** 31), 2 ** 31 - 1],
  u32: [0, 2 ** 32 - 1],
  i16: [-32768, 32767],
  u16: [0, 65535],
  i8: [-128, 127],
  u8: [0, 255],
  i53: [-SAFE, SAFE],
};

const BYTES: Record<string, number> = { f64: 8, f32: 4, i32: 4, u32: 4, i16: 2, u16: 2, i8: 1, u8: 1 };

// The limits of a launch (the runtime refuses larger ones): 1024 threads a block, grids below 2^31.
const THREAD_RANGE: Record<ThreadValue, [number, number]> = {
  threadIdx: [0, 1023],
  blockDim: [1, 1024],
  blockIdx: [0, 2 ** 31 - 2],
  gridDim: [1, 2 ** 31 - 1],
};

const ints = (lo: number, hi: number): ValueRange => ({ lo, hi, nan: false, negZero: false });
const has0 = (r: ValueRange): boolean => r.lo <= 0 && r.hi >= 0;

/** Rounded endpoints pushed outwards, so a computed bound never understates. */
function widen(lo: number, hi: number): [number, number] {
  return [lo - Math.abs(lo) * 2 ** -50, hi + Math.abs(hi) * 2 ** -50];
}

export function rangeOf(e: Expr): ValueRange {
  const typed = e.type.tag === 'scalar' ? TYPE_RANGE[e.type.kind] : undefined;
  switch (e.k) {
    case 'num':
      return Number.isNaN(e.value) ? ANY : { lo: e.value, hi: e.value, nan: false, negZero: Object.is(e.value, -0) };
    case 'local':
      return e.local.range ? ints(...e.local.range) : typed ? ints(...typed) : ANY;
    case 'length': {
      const kind = e.array.type.tag === 'array' ? e.array.type.kind : 'Uint8Array';
      return ints(0, Math.floor((SAFE - 1) / BYTES[ARRAYS[kind as ArrayKind].element]!));
    }
    case 'thread':
      return ints(...THREAD_RANGE[e.name]);
    case 'convert':
      return e.to === 'f64' || e.to === 'i53' ? rangeOf(e.operand) : typed ? ints(...typed) : ANY;
    case 'arith':
      return arith(e.op, rangeOf(e.left), rangeOf(e.right));
    case 'neg': {
      const r = rangeOf(e.operand);
      return { lo: -r.hi, hi: -r.lo, nan: r.nan, negZero: has0(r) };
    }
    case 'builtin':
      return builtin(e.name, e.args.map(rangeOf)) ?? (typed ? ints(...typed) : ANY);
    case 'cond': {
      const a = rangeOf(e.then);
      const b = rangeOf(e.else);
      return { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi), nan: a.nan || b.nan, negZero: a.negZero || b.negZero };
    }
    default:
      return typed ? ints(...typed) : ANY;
  }
}

function arith(op: string, a: ValueRange, b: ValueRange): ValueRange {
  const nan = a.nan || b.nan;
  switch (op) {
    case '+': {
      const [lo, hi] = widen(a.lo + b.lo, a.hi + b.hi);
      return { lo, hi, nan: nan || !Number.isFinite(lo) || !Number.isFinite(hi), negZero: a.negZero && b.negZero };
    }
    case '-': {
      const [lo, hi] = widen(a.lo - b.hi, a.hi - b.lo);
      return { lo, hi, nan: nan || !Number.isFinite(lo) || !Number.isFinite(hi), negZero: a.negZero && has0(b) };
    }
    case '*': {
      const ends = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
      if (ends.some(Number.isNaN)) return ANY;
      const [lo, hi] = widen(Math.min(...ends), Math.max(...ends));
      return { lo, hi, nan, negZero: a.negZero || b.negZero || (has0(a) && b.lo < 0) || (has0(b) && a.lo < 0) };
    }
    case '/': {
      if (has0(b) || b.nan || !Number.isFinite(b.lo) || !Number.isFinite(b.hi)) return ANY;
      const ends = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi];
      if (ends.some(Number.isNaN)) return ANY;
      const [lo, hi] = widen(Math.min(...ends), Math.max(...ends));
      // A tiny quotient may underflow to a zero of either sign.
      return { lo, hi, nan, negZero: a.negZero || lo < 0 };
    }
    default:
      return ANY;
  }
}

function builtin(name: string, args: ValueRange[]): ValueRange | undefined {
  const a = args[0];
  if (!a) return undefined;
  switch (name) {
    case 'floor':
    case 'ceil':
    case 'trunc':
    case 'round': {
      const f = Math[name];
      // Each maps some negative inputs (or -0 itself) to -0.
      return { lo: f(a.lo), hi: f(a.hi), nan: a.nan, negZero: a.negZero || a.lo < 0 };
    }
    case 'min':
    case 'max': {
      const f = Math[name];
      return {
        lo: f(...args.map((r) => r.lo)),
        hi: f(...args.map((r) => r.hi)),
        nan: args.some((r) => r.nan),
        negZero: args.some((r) => r.negZero),
      };
    }
    default:
      return undefined;
  }
}

/** A range whose every value is an integer exact in int64 (no NaN, no -0, within ±2^53). */
export function isExactIntRange(r: ValueRange): boolean {
  return !r.nan && !r.negZero && r.lo >= -SAFE && r.hi <= SAFE;
}

/** The bounds of an integer expression whose range is exact in int64. */
export function exactRange(e: Expr): readonly [number, number] | undefined {
  const r = rangeOf(e);
  return isExactIntRange(r) ? [Math.floor(r.lo), Math.ceil(r.hi)] : undefined;
}

/** Bounds covering both ends of a counted range (either direction). */
export function hull(a: Expr, b: Expr): readonly [number, number] | undefined {
  const x = exactRange(a);
  const y = exactRange(b);
  return x && y ? [Math.min(x[0], y[0]), Math.max(x[1], y[1])] : undefined;
}
