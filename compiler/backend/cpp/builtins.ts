// How each builtin of ir/builtins.ts is spelled in C++; args arrive printed.
import type { Expr } from '../../ir/nodes';

type Emit = (args: string[], e: Expr & { k: 'builtin' }) => string;

const call = (fn: string): Emit => (a) => `${fn}(${a.join(', ')})`;
const fold = (fn: string, empty: string) => (a: string[]): string => (a.length === 0 ? empty : a.reduce((acc, x) => `${fn}(${acc}, ${x})`));

const minMax = (js: string, int: string, empty: string): Emit => (a, e) =>
  fold(e.type.tag === 'scalar' && e.type.kind === 'i53' ? int : js, empty)(a);

export const BUILTIN_EMIT: Record<string, Emit> = {
  sqrt: call('std::sqrt'),
  abs: (a, e) => (e.type.tag === 'scalar' && e.type.kind === 'i53' ? `std::llabs(${a[0]})` : `std::fabs(${a[0]})`),
  floor: call('std::floor'),
  ceil: call('std::ceil'),
  trunc: call('std::trunc'),
  round: call('tsn::js_round'),
  sign: call('tsn::js_sign'),
  fround: (a) => `static_cast<float>(${a[0]})`,
  min: minMax('tsn::js_min', 'std::min<int64_t>', 'INFINITY'),
  max: minMax('tsn::js_max', 'std::max<int64_t>', '(-INFINITY)'),
  imul: call('tsn::imul'),
  clz32: call('tsn::clz32'),
  sin: call('std::sin'), cos: call('std::cos'), tan: call('std::tan'),
  asin: call('std::asin'), acos: call('std::acos'), atan: call('std::atan'), atan2: call('std::atan2'),
  sinh: call('std::sinh'), cosh: call('std::cosh'), tanh: call('std::tanh'),
  asinh: call('std::asinh'), acosh: call('std::acosh'), atanh: call('std::atanh'),
  exp: call('std::exp'), expm1: call('std::expm1'), log: call('std::log'), log1p: call('std::log1p'),
  log2: call('std::log2'), log10: call('std::log10'),
  pow: call('tsn::js_pow'), cbrt: call('std::cbrt'),
  hypot: (a) => (a.length === 0 ? '0.0' : a.length === 1 ? `std::fabs(${a[0]})` : fold('std::hypot', '0.0')(a)),
  'Number.isFinite': call('std::isfinite'),
  'Number.isNaN': call('std::isnan'),
  'Number.isInteger': call('tsn::js_is_integer'),
  'Number.isSafeInteger': call('tsn::js_is_safe_integer'),
  'tsn.to_index': call('tsn::to_index'),
  // The exact int64 index, or the double one if a step left ±2^53 (compiler/ir/opt/int-index.ts).
  'tsn.index53': (a) => `TSN_INDEX53(${a[0]}, ${a[1]})`,
  // Exact int64 evaluation of double arithmetic on integers (compiler/ir/opt/exact-values.ts).
  'tsn.exact53': (a) => `TSN_EXACT53(${a.join(', ')})`,
  'tsn.exact53_nonzero': (a) => `TSN_EXACT53_NONZERO(${a.join(', ')})`,
  'tsn.within': call('tsn::within'),
  'tsn.index53_guarded': (a) => `(__builtin_expect(static_cast<bool>(${a[0]}), 1) ? ${a[1]} : tsn::to_index(${a[2]}))`,
  'tsn.exact53_or_fail': (a) => `TSN_EXACT53_OR_FAIL(${a[0]})`,
  'tsn.clamp_u8': call('tsn::to_u8_clamped'),
  'tsn.prange_bound': (a) => `tsn::to_i53(${a[0]}, tsn_fn, "bound")`,
};
