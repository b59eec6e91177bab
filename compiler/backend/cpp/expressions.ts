// IR expression → C++ expression text. Operands of compound forms are
// parenthesised, so C++ precedence never decides a meaning.
import type { Expr, LValue } from '../../ir/nodes';
import { SCALARS, type ScalarKind } from '../../ir/types';
import { someExpr } from '../../ir/walk';
import { localName, implName } from '../names';
import { BUILTIN_EMIT } from './builtins';
import { kernelDialect } from './dialect';
import { helper, silently, work } from './work';
import { C_TYPE, NAPI_ARRAY, cppType, doubleLiteral, elementType, integerLiteral } from './types';

export function expr(e: Expr): string {
  switch (e.k) {
    case 'num':
      return e.type.tag === 'scalar' && e.type.kind === 'i53' ? integerLiteral(e.value) : doubleLiteral(e.value);
    case 'bool':
      return e.value ? 'true' : 'false';
    case 'local':
      return localName(e.local);
    case 'arith':
      if (e.checked)
        return `${helper({ '+': 'add53', '-': 'sub53', '*': 'mul53' }[e.op as '+' | '-' | '*'])}(${expr(e.left)}, ${expr(e.right)}, tsn_o)`;
      // `%` on doubles is fmod, exactly JS's remainder.
      if (e.op === '%') return `std::fmod(${expr(e.left)}, ${expr(e.right)})`;
      return `(${expr(e.left)} ${e.op} ${expr(e.right)})`;
    case 'bit':
      if (e.op === '<<') return `${helper('js_shl')}(${expr(e.left)}, ${expr(e.right)})`;
      if (e.op === '>>') return `${helper('js_sar')}(${expr(e.left)}, ${expr(e.right)})`;
      if (e.op === '>>>') return `${helper('js_shr')}(${expr(e.left)}, ${expr(e.right)})`;
      return `(${expr(e.left)} ${e.op} ${expr(e.right)})`;
    case 'bitnot':
      return `(~${expr(e.operand)})`;
    case 'neg':
      return `(-${expr(e.operand)})`;
    case 'compare':
      return `(${expr(e.left)} ${e.op} ${expr(e.right)})`;
    case 'logical':
      return e.type.tag === 'scalar' && e.type.kind === 'bool' ? `(${expr(e.left)} ${e.op} ${expr(e.right)})` : valueLogical(e);
    case 'seq':
      return `((void)${expr(e.left)}, ${expr(e.right)})`;
    case 'not':
      return `(!${expr(e.operand)})`;
    case 'truthy':
      return truthy(e.operand);
    case 'cond':
      return `(${expr(e.test)} ? ${expr(e.then)} : ${expr(e.else)})`;
    case 'convert':
      if (e.overflowCheck) {
        return `${helper('checked_store', 'convert')}<${C_TYPE[e.to]}>(${expr(e.operand)}, "${e.to}", tsn_fn, TSN_SOURCE_FILE, ${e.loc.line})`;
      }
      return convert(e.operand, e.to);
    case 'element':
      return elementRef(e);
    case 'length':
      return `${expr(e.array)}.length`;
    case 'newArray':
      return `${helper('alloc', 'alloc')}<${elementType(e.arrayKind)}>(${expr(e.length)}, ${NAPI_ARRAY[e.arrayKind]}, "${e.arrayKind}")`;
    case 'fill': {
      const t = cppType(e.value.type);
      return `${helper('fill')}<${t}>(${expr(e.array)}, ${expr(e.value)}, ${expr(e.start)}, ${expr(e.end)})`;
    }
    case 'subarray':
      return `${helper('subarray', 'alloc')}(${expr(e.array)}, ${expr(e.start)}, ${expr(e.end)}, ${NAPI_ARRAY[e.arrayKind]})`;
    case 'setArray': {
      const convert = `[](${cppType(e.element.type)} ${localName(e.element)}) { return ${expr(e.convert)}; }`;
      return `${helper('set')}(${expr(e.target)}, ${expr(e.source)}, ${expr(e.offset)}, tsn_fn, ${convert})`;
    }
    case 'call':
      return `${work('call', implName(e.callee), e.callee)}(${e.args.map(expr).join(', ')})`;
    case 'builtin': {
      const emit = BUILTIN_EMIT[e.name];
      if (!emit) throw new Error(`no C++ form for builtin ${e.name}`);
      return emit(e.args.map(expr), e);
    }
    case 'assign':
      return `(${lvalue(e.target)} = ${expr(e.value)})`;
    case 'update':
      return e.prefix ? `(${e.op}${lvalue(e.target)})` : `(${lvalue(e.target)}${e.op})`;
    case 'toIndex':
      return `${helper('to_index', 'convert')}(${expr(e.operand)})`;
    case 'exactIndex':
      return exactIndex(e);
    case 'exactValue':
      return exactValue(e);
    case 'within':
      return `${helper('within')}(${expr(e.operand)}, ${integerLiteral(e.bound)})`;
    case 'exactOffset':
      // -2^62 fails every range test and cannot overflow when offsets are added to it.
      return `([&]() -> int64_t { bool tsn_o = false; const int64_t tsn_v = ${expr(e.exact)}; return tsn_o ? -(INT64_C(1) << 62) : tsn_v; }())`;
    case 'storeClamp':
      return `${helper('to_u8_clamped', 'convert')}(${expr(e.operand)})`;
    case 'prangeBound':
      return `${helper('to_i53', 'convert')}(${expr(e.operand)}, tsn_fn, "bound")`;
    case 'thread':
      return kernelDialect('cuda.' + e.name).thread(e.name, e.axis);
    case 'atomic': {
      const d = kernelDialect('cuda.atomic');
      const shared = e.array.k === 'local' && e.array.local.shared !== undefined;
      const args = [...(e.compare ? [expr(e.compare)] : []), expr(e.value)];
      return work('call', d.atomic(e.op, elementRef(e), shared, args), `atomic ${e.op}`);
    }
    case 'sharedArray':
      throw new Error('a shared array outside its declaration');
  }
}

const hasChecked = (e: Expr): boolean => someExpr(e, (x) => x.k === 'arith' && x.checked === true);

/**
 * The int64 index where it is exact, else the double one: checked steps of
 * `exact` set the flag `tsn_o` (tsn::add53 and friends) in a lambda of its own.
 */
function exactIndex(e: Expr & { k: 'exactIndex' }): string {
  const fallback = silently(() => `tsn::to_index(${expr(e.fallback)})`);
  const guard = e.guard ? `__builtin_expect(static_cast<bool>(${expr(e.guard)}), 1)` : undefined;
  if (!hasChecked(e.exact)) return guard ? `(${guard} ? ${expr(e.exact)} : ${fallback})` : expr(e.exact);
  const exact = `bool tsn_o = false; const int64_t tsn_v = ${expr(e.exact)};`;
  if (!guard) return `([&]() -> int64_t { ${exact} return __builtin_expect(tsn_o, 0) ? ${fallback} : tsn_v; }())`;
  return `([&]() -> int64_t { if (${guard}) { ${exact} if (!tsn_o) return tsn_v; } return ${fallback}; }())`;
}

/** The scaled int64 value where the guard holds (and, if `nonZero`, it is not 0), else the double computation. */
function exactValue(e: Expr & { k: 'exactValue' }): string {
  const guard = `static_cast<bool>(${expr(e.guard)})`;
  const scale = doubleLiteral(e.scale);
  const fallback = silently(() => expr(e.fallback));
  if (!e.nonZero) return `(__builtin_expect(${guard}, 1) ? static_cast<double>(${expr(e.exact)}) * ${scale} : ${fallback})`;
  return `([&]() -> double { const int64_t tsn_v = ${expr(e.exact)}; return __builtin_expect(${guard} && tsn_v != 0, 1) ? static_cast<double>(tsn_v) * ${scale} : ${fallback}; }())`;
}

function elementRef(e: { array: Expr; index: Expr; checked: boolean; loc: { line: number } }): string {
  const arr = expr(e.array);
  const idx = expr(e.index);
  return e.checked ? `${work('bounds', 'TSN_AT')}(${arr}, ${idx}, ${e.loc.line})` : `${arr}[${idx}]`;
}

export function lvalue(t: LValue): string {
  return t.k === 'local' ? localName(t.local) : elementRef(t);
}

/** `a && b` on numbers yields an operand: the left one is evaluated once, the right one only if needed. */
function valueLogical(e: Expr & { k: 'logical' }): string {
  const t = cppType(e.type);
  const test = truthyText(e.type.tag === 'scalar' ? e.type.kind : 'f64', 'tsn_t');
  const [pick, other] = e.op === '&&' ? [expr(e.right), 'tsn_t'] : ['tsn_t', expr(e.right)];
  return `([&]() -> ${t} { const ${t} tsn_t = ${expr(e.left)}; return ${test} ? ${pick} : ${other}; }())`;
}

function truthy(operand: Expr): string {
  return truthyText(operand.type.tag === 'scalar' ? operand.type.kind : 'f64', expr(operand));
}

function truthyText(kind: ScalarKind, text: string): string {
  if (SCALARS[kind].integer) return `(${text} != 0)`;
  if (kind === 'bool') return text;
  return `${helper('truthy', 'convert')}(${text})`;
}

const WRAP: Partial<Record<ScalarKind, string>> = { i32: 'to_i32', u32: 'to_u32', i16: 'to_i16', u16: 'to_u16', i8: 'to_i8', u8: 'to_u8' };

/**
 * Conversions JS performs. From a double into an integer kind: ToInt32 and
 * wrap (tsn::to_*); between integer kinds: modular casts (g++ defines them);
 * into double or i53 from narrower kinds: exact widening; into i53 from a
 * double the typer proved an exact integer (compiler/ir/range.ts): a cast.
 */
function convert(operand: Expr, to: ScalarKind): string {
  const from = operand.type.tag === 'scalar' ? operand.type.kind : 'f64';
  const inner = expr(operand);
  const toC = C_TYPE[to];
  const wrap = WRAP[to];
  if (from === 'f64' && wrap) return `${helper(wrap, 'convert')}(${inner})`;
  if (from === 'f32' && wrap) return `${helper(wrap, 'convert')}(static_cast<double>(${inner}))`;
  return `static_cast<${toC}>(${inner})`;
}
