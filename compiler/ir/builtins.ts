// Math.* and Number.* as compiled code sees them: how each builtin is typed.
// Emission lives in backend/cpp/builtins.ts, keyed by the same names.
import { BOOL, F64, I32, I53, U32, isInteger, scalar, type IrType } from './types';

export interface BuiltinTyping {
  /** Types the arguments are converted to before the call. */
  params: IrType[];
  result: IrType;
}

type Typer = (args: IrType[]) => BuiltinTyping | undefined;

const f64s = (n: number): IrType[] => Array.from({ length: n }, () => F64);
const allInt = (args: IrType[]): boolean => args.every(isInteger);

const unaryF64: Typer = (a) => (a.length === 1 ? { params: f64s(1), result: F64 } : undefined);
const binaryF64: Typer = (a) => (a.length === 2 ? { params: f64s(2), result: F64 } : undefined);
const variadicF64: Typer = (a) => ({ params: f64s(a.length), result: F64 });
const unaryPredicate: Typer = (a) => (a.length === 1 ? { params: f64s(1), result: BOOL } : undefined);

// min/max/abs of integers stay exact in int64 (no NaN, no -0 among integers).
const minMax: Typer = (a) =>
  allInt(a) && a.length > 0 ? { params: a.map(() => I53), result: I53 } : { params: f64s(a.length), result: F64 };
const abs: Typer = (a) => (a.length !== 1 ? undefined : allInt(a) ? { params: [I53], result: I53 } : { params: [F64], result: F64 });

/** `Math.<name>` functions; transcendental ones go through libm (a documented exception: they may differ from V8 in the last place). */
export const MATH_FUNCTIONS: Record<string, Typer> = {
  sqrt: unaryF64,
  abs,
  floor: unaryF64,
  ceil: unaryF64,
  trunc: unaryF64,
  round: unaryF64,
  sign: unaryF64,
  fround: (a) => (a.length === 1 ? { params: [F64], result: scalar('f32') } : undefined),
  min: minMax,
  max: minMax,
  imul: (a) => (a.length === 2 ? { params: [I32, I32], result: I32 } : undefined),
  clz32: (a) => (a.length === 1 ? { params: [U32], result: I32 } : undefined),
  sin: unaryF64,
  cos: unaryF64,
  tan: unaryF64,
  asin: unaryF64,
  acos: unaryF64,
  atan: unaryF64,
  atan2: binaryF64,
  sinh: unaryF64,
  cosh: unaryF64,
  tanh: unaryF64,
  asinh: unaryF64,
  acosh: unaryF64,
  atanh: unaryF64,
  exp: unaryF64,
  expm1: unaryF64,
  log: unaryF64,
  log1p: unaryF64,
  log2: unaryF64,
  log10: unaryF64,
  pow: binaryF64,
  cbrt: unaryF64,
  hypot: variadicF64,
};

export const NUMBER_FUNCTIONS: Record<string, Typer> = {
  isFinite: unaryPredicate,
  isNaN: unaryPredicate,
  isInteger: unaryPredicate,
  isSafeInteger: unaryPredicate,
};

/** Builtins whose result is an integer-valued number whatever the input (the typed subset's integer-valued list). */
export const INTEGER_VALUED = new Set(['floor', 'ceil', 'trunc', 'round', 'imul', 'clz32']);
/** Integer-valued when every argument is. */
export const INTEGER_PRESERVING = new Set(['abs', 'sign', 'min', 'max']);

export const MATH_CONSTANTS: Record<string, number> = {
  E: Math.E,
  LN10: Math.LN10,
  LN2: Math.LN2,
  LOG10E: Math.LOG10E,
  LOG2E: Math.LOG2E,
  PI: Math.PI,
  SQRT1_2: Math.SQRT1_2,
  SQRT2: Math.SQRT2,
};

export const NUMBER_CONSTANTS: Record<string, number> = {
  EPSILON: Number.EPSILON,
  MAX_VALUE: Number.MAX_VALUE,
  MIN_VALUE: Number.MIN_VALUE,
  MAX_SAFE_INTEGER: Number.MAX_SAFE_INTEGER,
  MIN_SAFE_INTEGER: Number.MIN_SAFE_INTEGER,
  POSITIVE_INFINITY: Infinity,
  NEGATIVE_INFINITY: -Infinity,
  NaN: NaN,
};

export const GLOBAL_CONSTANTS: Record<string, number> = { Infinity, NaN };
