// How each Math/Number builtin of ir/builtins.ts is spelled in C++; args arrive printed.
// std:: functions are what C++ would write anyway; tsn:: ones are JS-exact
// helpers, noted as calls for annotate.
import type { Expr } from '../../ir/nodes';
import { work } from './work';

type Emit = (args: string[], e: Expr & { k: 'builtin' }) => string;

const spell = (fn: string): string => (fn.startsWith('tsn::') ? work('call', fn) : fn);
const call =
  (fn: string): Emit =>
  (a) =>
    `${spell(fn)}(${a.join(', ')})`;
const fold =
  (fn: string, empty: string) =>
  (a: string[]): string =>
    a.length === 0 ? empty : a.reduce((acc, x) => `${spell(fn)}(${acc}, ${x})`);

const minMax =
  (js: string, int: string, empty: string): Emit =>
  (a, e) =>
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
  sin: call('std::sin'),
  cos: call('std::cos'),
  tan: call('std::tan'),
  asin: call('std::asin'),
  acos: call('std::acos'),
  atan: call('std::atan'),
  atan2: call('std::atan2'),
  sinh: call('std::sinh'),
  cosh: call('std::cosh'),
  tanh: call('std::tanh'),
  asinh: call('std::asinh'),
  acosh: call('std::acosh'),
  atanh: call('std::atanh'),
  exp: call('std::exp'),
  expm1: call('std::expm1'),
  log: call('std::log'),
  log1p: call('std::log1p'),
  log2: call('std::log2'),
  log10: call('std::log10'),
  pow: call('tsn::js_pow'),
  cbrt: call('std::cbrt'),
  hypot: (a) => (a.length === 0 ? '0.0' : a.length === 1 ? `std::fabs(${a[0]})` : fold('std::hypot', '0.0')(a)),
  'Number.isFinite': call('std::isfinite'),
  'Number.isNaN': call('std::isnan'),
  'Number.isInteger': call('tsn::js_is_integer'),
  'Number.isSafeInteger': call('tsn::js_is_safe_integer'),
};
