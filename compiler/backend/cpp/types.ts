// C++ spellings of IR types (from the numeric-type table).
import { ARRAYS, SCALARS, type IrType } from '../../ir/types';

export function cppType(t: IrType): string {
  if (t.tag === 'void') return 'void';
  if (t.tag === 'array') return `tsn::View<${SCALARS[ARRAYS[t.kind].element].cType}>`;
  return SCALARS[t.kind].cType;
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
