// The C++ back end's type table: how each IR kind is held in C++, read at the
// N-API boundary and named to N-API. The IR's own table (ir/types.ts) says
// what each kind means; this one says how C++ spells it.
import { ARRAYS, type ArrayKind, type IrType, type ScalarKind } from '../../ir/types';
import { dialect } from './dialect';

export const C_TYPE: Record<ScalarKind, string> = {
  f64: 'double',
  f32: 'float',
  i32: 'int32_t',
  u32: 'uint32_t',
  i16: 'int16_t',
  u16: 'uint16_t',
  i8: 'int8_t',
  u8: 'uint8_t',
  i53: 'int64_t',
  bool: 'bool',
};

/** The argument reader of tsn::Args that checks a parameter of a kind: named after it (i53 is never a parameter's). */
export const argReader = (kind: ScalarKind): string => (kind === 'bool' ? 'boolean' : kind === 'i53' ? 'f64' : kind);

/** N-API's name for each typed-array kind. */
export const NAPI_ARRAY: Record<ArrayKind, string> = {
  Float64Array: 'napi_float64_array',
  Float32Array: 'napi_float32_array',
  Int32Array: 'napi_int32_array',
  Uint32Array: 'napi_uint32_array',
  Int16Array: 'napi_int16_array',
  Uint16Array: 'napi_uint16_array',
  Int8Array: 'napi_int8_array',
  Uint8Array: 'napi_uint8_array',
  Uint8ClampedArray: 'napi_uint8_clamped_array',
};

/** The C++ element type of a typed-array kind. */
export const elementType = (kind: ArrayKind): string => C_TYPE[ARRAYS[kind].element];

export function cppType(t: IrType): string {
  if (t.tag === 'void') return 'void';
  if (t.tag === 'array') return dialect()?.arrayType(elementType(t.kind)) ?? `tsn::View<${elementType(t.kind)}>`;
  return C_TYPE[t.kind];
}

/** A C++ literal for a double that reads back as exactly the same value. */
export function doubleLiteral(v: number): string {
  if (Number.isNaN(v)) return 'NAN';
  if (v === Infinity) return 'INFINITY';
  if (v === -Infinity) return '(-INFINITY)';
  if (Object.is(v, -0)) return '(-0.0)';
  const s = String(v);
  const text = /[.e]/.test(s) ? s : `${s}.0`;
  return v < 0 ? `(${text})` : text;
}

export function integerLiteral(v: number): string {
  const text = Math.abs(v) <= 2147483647 ? String(v) : `${v}LL`;
  return v < 0 ? `(${text})` : text;
}

/** A C string literal; bytes outside printable ASCII as octal escapes. */
export function stringLiteral(s: string): string {
  let out = '"';
  for (const byte of Buffer.from(s, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (byte >= 0x20 && byte < 0x7f && ch !== '?') out += ch;
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${out}"`;
}
