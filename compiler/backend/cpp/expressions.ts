// IR expression → C++ expression text. Operands of compound forms are
// parenthesised, so C++ precedence never decides a meaning.
import type { Expr, LValue } from '../../ir/nodes';
import { ARRAYS, SCALARS, type ScalarKind } from '../../ir/types';
import { localName, implName } from '../names';
import { BUILTIN_EMIT } from './builtins';
import { cppType, doubleLiteral, integerLiteral } from './types';

export function expr(e: Expr): string {
  switch (e.k) {
    case 'num':
      return e.type.tag === 'scalar' && e.type.kind === 'i53' ? integerLiteral(e.value) : doubleLiteral(e.value);
    case 'bool':
      return e.value ? 'true' : 'false';
    case 'local':
      return localName(e.local);
    case 'arith':
      if (e.checked) return `tsn::${{ '+': 'add53', '-': 'sub53', '*': 'mul53' }[e.op as '+' | '-' | '*']}(${expr(e.left)}, ${expr(e.right)}, tsn_o)`;
      // `%` on doubles is fmod, exactly JS's remainder.
      if (e.op === '%') return `std::fmod(${expr(e.left)}, ${expr(e.right)})`;
      return `(${expr(e.left)} ${e.op} ${expr(e.right)})`;
    case 'bit':
      if (e.op === '<<') return `tsn::js_shl(${expr(e.left)}, ${expr(e.right)})`;
      if (e.op === '>>') return `tsn::js_sar(${expr(e.left)}, ${expr(e.right)})`;
      if (e.op === '>>>') return `tsn::js_shr(${expr(e.left)}, ${expr(e.right)})`;
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
        return `tsn::checked_store<${SCALARS[e.to].cType}>(${expr(e.operand)}, "${e.to}", tsn_fn, TSN_SOURCE_FILE, ${e.loc.line})`;
      }
      return convert(e.operand, e.to);
    case 'element':
      return elementRef(e);
    case 'length':
      return `${expr(e.array)}.length`;
    case 'newArray': {
      const info = ARRAYS[e.arrayKind];
      return `tsn::alloc<${SCALARS[info.element].cType}>(${expr(e.length)}, ${info.napi}, "${e.arrayKind}")`;
    }
    case 'fill': {
      const t = cppType(e.value.type);
      return `tsn::fill<${t}>(${expr(e.array)}, ${expr(e.value)}, ${expr(e.start)}, ${expr(e.end)})`;
    }
    case 'subarray':
      return `tsn::subarray(${expr(e.array)}, ${expr(e.start)}, ${expr(e.end)}, ${ARRAYS[e.arrayKind].napi})`;
    case 'setArray': {
      const convert = `[](${cppType(e.element.type)} ${localName(e.element)}) { return ${expr(e.convert)}; }`;
      return `tsn::set(${expr(e.target)}, ${expr(e.source)}, ${expr(e.offset)}, tsn_fn, ${convert})`;
    }
    case 'call':
      return `${implName(e.callee)}(${e.args.map(expr).join(', ')})`;
    case 'builtin': {
      const emit = BUILTIN_EMIT[e.name];
      if (!emit) throw new Error(`no C++ form for builtin ${e.name}`);
      return emit(e.args.map(expr), e);
    }
    case 'assign':
      return `(${lvalue(e.target)} = ${expr(e.value)})`;
    case 'update':
      return e.prefix ? `(${e.op}${lvalue(e.target)})` : `(${lvalue(e.target)}${e.op})`;
  }
}

function elementRef(e: { array: Expr; index: Expr; checked: boolean; loc: { line: number } }): string {
  const arr = expr(e.array);
  const idx = expr(e.index);
  return e.checked ? `TSN_AT(${arr}, ${idx}, ${e.loc.line})` : `${arr}[${idx}]`;
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
  return `tsn::truthy(${text})`;
}

const WRAP: Partial<Record<ScalarKind, string>> = {
  i32: 'tsn::to_i32', u32: 'tsn::to_u32', i16: 'tsn::to_i16', u16: 'tsn::to_u16', i8: 'tsn::to_i8', u8: 'tsn::to_u8',
};

/**
 * Conversions JS performs. From a double into an integer kind: ToInt32 and
 * wrap (tsn::to_*); between integer kinds: modular casts (g++ defines them);
 * into double or i53 from narrower kinds: exact widening; into i53 from a
 * double the typer proved an exact integer (compiler/ir/range.ts): a cast.
 */
function convert(operand: Expr, to: ScalarKind): string {
  const from = operand.type.tag === 'scalar' ? operand.type.kind : 'f64';
  const inner = expr(operand);
  const toC = SCALARS[to].cType;
  if (from === 'f64' && WRAP[to]) return `${WRAP[to]}(${inner})`;
  if (from === 'f32' && WRAP[to]) return `${WRAP[to]}(static_cast<double>(${inner}))`;
  return `static_cast<${toC}>(${inner})`;
}
