// The typed IR. Every expression carries its type; every conversion is an
// explicit `convert` node placed by the typer, so back ends only print.
import type { ArrayKind, IrType, ScalarKind } from './types';

export interface Loc {
  line: number;
  col: number;
}

export type ArithOp = '+' | '-' | '*' | '/' | '%';
export type BitOp = '|' | '&' | '^' | '<<' | '>>' | '>>>';
export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

export interface Local {
  /** Unique within the function. */
  id: number;
  name: string;
  type: IrType;
  isParam: boolean;
  /** Made by the compiler (switch values, for..of indices): named apart from user names. */
  synthetic?: boolean;
  /** An f64 local whose every value is integer-valued (the typed subset's sense): it may enter integer slots. */
  intValued?: boolean;
  /** An i53 local's proven bounds (const locals, prange indices, loop counters): see range.ts. */
  range?: readonly [number, number];
  /** Declared `const`: its value is its initialiser's. */
  constant?: boolean;
  /** An i53 local known to be less than this local's value: bounding that one bounds both. */
  below?: Local;
  /** A kernel's name for the block's shared array of this slot (a `sharedArray` initialises it). */
  shared?: number;
}

export type Expr =
  | { k: 'num'; type: IrType; value: number; loc: Loc }
  | { k: 'bool'; type: IrType; value: boolean; loc: Loc }
  | { k: 'local'; type: IrType; local: Local; loc: Loc }
  /**
   * Arithmetic in the domain of `type` (f64, or i53 for exact integer + and -).
   * `checked` (i53 only, in the `exact` part of an exactIndex or exactOffset):
   * a step beyond ±2^53 makes that node take its fallback.
   */
  | { k: 'arith'; type: IrType; op: ArithOp; left: Expr; right: Expr; loc: Loc; checked?: boolean }
  /** Bitwise and shift operators on ToInt32'd operands; `>>>` is u32, the rest i32. */
  | { k: 'bit'; type: IrType; op: BitOp; left: Expr; right: Expr; loc: Loc }
  | { k: 'bitnot'; type: IrType; operand: Expr; loc: Loc }
  | { k: 'neg'; type: IrType; operand: Expr; loc: Loc }
  /** Both operands already converted to one domain (f64, i53 or bool). */
  | { k: 'compare'; type: IrType; op: CompareOp; left: Expr; right: Expr; loc: Loc }
  /** On booleans; on numbers it returns the operand JS would return (both of `type`). */
  | { k: 'logical'; type: IrType; op: '&&' | '||'; left: Expr; right: Expr; loc: Loc }
  /** The comma operator: `left` for its effects, then `right`. */
  | { k: 'seq'; type: IrType; left: Expr; right: Expr; loc: Loc }
  | { k: 'not'; type: IrType; operand: Expr; loc: Loc }
  /** JS truthiness of a number. */
  | { k: 'truthy'; type: IrType; operand: Expr; loc: Loc }
  | { k: 'cond'; type: IrType; test: Expr; then: Expr; else: Expr; loc: Loc }
  /** A conversion JS performs (widening, or ToInt32-style wrapping into an integer kind). */
  | { k: 'convert'; type: IrType; to: ScalarKind; operand: Expr; loc: Loc; overflowCheck?: boolean }
  /** Typed-array element read; `index` is i53. */
  | { k: 'element'; type: IrType; array: Expr; arrayKind: ArrayKind; index: Expr; checked: boolean; loc: Loc }
  | { k: 'length'; type: IrType; array: Expr; loc: Loc }
  /** `new XArray(n)`: zero-filled, a JS object that may be returned; `length` is f64. */
  | { k: 'newArray'; type: IrType; arrayKind: ArrayKind; length: Expr; loc: Loc }
  /** `.fill(value, start, end)`: value converted to the element kind; start/end f64 (relative, as JS). */
  | { k: 'fill'; type: IrType; array: Expr; value: Expr; start: Expr; end: Expr; loc: Loc }
  | { k: 'subarray'; type: IrType; arrayKind: ArrayKind; array: Expr; start: Expr; end: Expr; loc: Loc }
  /** `.set(source, offset)`: each source element goes through `convert` (a store conversion of `element`). */
  | { k: 'setArray'; type: IrType; target: Expr; source: Expr; offset: Expr; element: Local; convert: Expr; loc: Loc }
  /** A call to the @native function `callee` of module `module` (a manifest key). */
  | { k: 'call'; type: IrType; callee: string; module: string; args: Expr[]; loc: Loc }
  /** A Math/Number builtin from the builtins table; args already converted. */
  | { k: 'builtin'; type: IrType; name: string; args: Expr[]; loc: Loc }
  /** A double used as an index: its value where that is an integer in [0, 2^53], else an index no array has (-1). */
  | { k: 'toIndex'; type: IrType; operand: Expr; loc: Loc }
  /**
   * An index computed in int64 (exact.ts, int-index.ts): `exact` where `guard`
   * holds (absent: always) and none of its `checked` steps left ±2^53, where it
   * equals the JS index; otherwise toIndex(`fallback`), the double computation.
   */
  | { k: 'exactIndex'; type: IrType; exact: Expr; fallback: Expr; guard?: Expr; loc: Loc }
  /**
   * Double arithmetic on integers computed in int64 (exact-values.ts): where
   * `guard` holds, `exact` × `scale` (a power of two) is exactly `fallback`'s
   * value; with `nonZero`, a 0 is taken from `fallback` too (JS may make it -0).
   * Otherwise `fallback`, the double computation.
   */
  | { k: 'exactValue'; type: IrType; guard: Expr; exact: Expr; scale: number; fallback: Expr; nonZero: boolean; loc: Loc }
  /** |operand| <= bound, for an integer operand and a power of two `bound`. */
  | { k: 'within'; type: IrType; operand: Expr; bound: number; loc: Loc }
  /**
   * A loop range test's offset (affine.ts): `exact` if none of its `checked`
   * steps left ±2^53, else -2^62, which fails every range test.
   */
  | { k: 'exactOffset'; type: IrType; exact: Expr; loc: Loc }
  /** Uint8ClampedArray's store conversion of a double: NaN to 0, clamped to [0, 255], ties to even. */
  | { k: 'storeClamp'; type: IrType; operand: Expr; loc: Loc }
  /** A prange bound given as a double: the integer it is, or a RangeError unless it is an integer within ±2^53. */
  | { k: 'prangeBound'; type: IrType; operand: Expr; loc: Loc }
  /** In a kernel: a component (0 = x, 1 = y, 2 = z) of the running thread's position or of the launch's shape; i53. */
  | { k: 'thread'; type: IrType; name: ThreadValue; axis: 0 | 1 | 2; loc: Loc }
  /**
   * In a kernel: `cuda.atomic.op(array, index, [compare,] value)`, one indivisible
   * read-modify-write of an element; its value is the element before. `value`
   * (and `compare`) are of the element kind.
   */
  | {
      k: 'atomic';
      type: IrType;
      op: AtomicOp;
      array: Expr;
      arrayKind: ArrayKind;
      index: Expr;
      compare?: Expr;
      value: Expr;
      checked: boolean;
      loc: Loc;
    }
  /** In a kernel: `cuda.shared.array(Kind, length)`, the block's `slot`-th shared array (zero-filled). */
  | { k: 'sharedArray'; type: IrType; arrayKind: ArrayKind; length: number; slot: number; loc: Loc }
  | { k: 'assign'; type: IrType; target: LValue; value: Expr; loc: Loc }
  /** ++/-- on an integer slot held as a machine integer. */
  | { k: 'update'; type: IrType; target: LValue; op: '++' | '--'; prefix: boolean; loc: Loc };

export type ThreadValue = 'threadIdx' | 'blockIdx' | 'blockDim' | 'gridDim';
export type AtomicOp = 'add' | 'sub' | 'min' | 'max' | 'exch' | 'cas';

export type LValue =
  | { k: 'local'; type: IrType; local: Local; loc: Loc }
  | { k: 'element'; type: IrType; array: Expr; arrayKind: ArrayKind; index: Expr; checked: boolean; loc: Loc };

export type Stmt =
  | { k: 'let'; local: Local; init: Expr; loc: Loc }
  | { k: 'expr'; expr: Expr; loc: Loc }
  /**
   * `versioned`: made by a pass, not the user: `test` chooses between `then`,
   * a copy of the code optimised on what the test proves, and `else`, the
   * code as written (annotate shades `then`, the path runs usually take).
   */
  | { k: 'if'; test: Expr; then: Stmt[]; else?: Stmt[]; versioned?: boolean; loc: Loc }
  /** `lanes`: the back end may run several iterations side by side (opt/lanes.ts). */
  | { k: 'for'; init: Stmt[]; test?: Expr; update: Expr[]; body: Stmt[]; label?: string; lanes?: Lanes; loc: Loc }
  | { k: 'while'; test: Expr; body: Stmt[]; label?: string; loc: Loc }
  | { k: 'do'; body: Stmt[]; test: Expr; label?: string; loc: Loc }
  | { k: 'break'; label?: string; loc: Loc }
  /** `nextIteration`: continues a prange loop (whose body the back end may outline). */
  | { k: 'continue'; label?: string; nextIteration?: boolean; loc: Loc }
  | { k: 'return'; value?: Expr; loc: Loc }
  | { k: 'block'; body: Stmt[]; loc: Loc }
  /** `switch`: `value` holds the discriminant; the first case whose `match` holds (else `default`) is entered, then falls through. */
  | { k: 'switch'; value: Local; discriminant: Expr; cases: { match?: Expr; body: Stmt[] }[]; loc: Loc }
  /**
   * `for (const i of prange(lo, hi, step))`: iterations may run on several
   * threads; `reductions` name the outer locals updated in place,
   * each thread with its own partial, combined in thread order afterwards.
   * How many iterations pay for a second thread is the target's to decide.
   */
  | { k: 'prange'; index: Local; start: Expr; end: Expr; step: Expr; body: Stmt[]; reductions: Reduction[]; label?: string; loc: Loc }
  | { k: 'throw'; error: 'Error' | 'TypeError' | 'RangeError'; message: string; loc: Loc }
  /** In a kernel: `cuda.syncthreads()`; `site` numbers the call in its kernel (reported when threads diverge). */
  | { k: 'barrier'; site: number; loc: Loc };

/**
 * A counting loop whose body is `lets; while (…) { scalar updates }; rest`,
 * where the lets and the while touch only scalars and cannot throw: `width`
 * iterations run their lets and while loops side by side (SIMD lanes), then
 * their `rest` in order. `split` is the position of the while in the body;
 * `locals` are the lets' locals, one per lane.
 */
export interface Lanes {
  width: number;
  split: number;
  locals: Local[];
}

export type ReductionOp = '+' | '*' | '|' | '&' | '^' | 'min' | 'max';

export interface Reduction {
  local: Local;
  op: ReductionOp;
}

export interface IrFunction {
  name: string;
  /** The name in the source, where `name` was made unique in a translation unit. */
  jsName?: string;
  /** The module (manifest key) the function is written in. */
  module: string;
  params: Local[];
  returns: IrType;
  body: Stmt[];
  options: Set<string>;
  exported: boolean;
  /** A `@kernel`: run by every thread of a launch; returns void. */
  kernel?: boolean;
  loc: Loc;
}

export interface IrModule {
  /** Source path shown in messages and comments (relative to the project root). */
  source: string;
  functions: IrFunction[];
  /** @native functions of imported modules that these call (directly or not): compiled in, not exported. */
  externals: IrFunction[];
  /** Source text of this module and of every module an external comes from, by key. */
  texts: Record<string, string>;
}
