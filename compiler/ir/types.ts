// The numeric-type table of the IR: each kind's JS meaning (integer or not,
// its conversion rule, its source spelling). How a back end represents a kind
// is that back end's table (backend/cpp/types.ts for C++ and N-API).

export type IntKind = 'i32' | 'u32' | 'i16' | 'u16' | 'i8' | 'u8';
/**
 * `i53` is internal: an integer-valued JS number held in an int64_t. The typer
 * gives it to un-annotated locals whose every assigned value is an integer
 * type (loop counters, `.length`, sums of those), so they compile to machine
 * integers; its values stay within ±2^53, where int64 and double agree.
 */
export type ScalarKind = 'f64' | 'f32' | IntKind | 'i53' | 'bool';
export type ArrayKind =
  | 'Float64Array'
  | 'Float32Array'
  | 'Int32Array'
  | 'Uint32Array'
  | 'Int16Array'
  | 'Uint16Array'
  | 'Int8Array'
  | 'Uint8Array'
  | 'Uint8ClampedArray';

export type IrType = { tag: 'scalar'; kind: ScalarKind } | { tag: 'array'; kind: ArrayKind } | { tag: 'void' };

export interface ScalarInfo {
  /** Holds only integers (a store converts by the typed-array rule). */
  integer: boolean;
  /** The TS spelling for signatures and .d.ts files. */
  source: string;
}

export const SCALARS: Record<ScalarKind, ScalarInfo> = {
  f64: { integer: false, source: 'f64' },
  f32: { integer: false, source: 'f32' },
  i32: { integer: true, source: 'i32' },
  u32: { integer: true, source: 'u32' },
  i16: { integer: true, source: 'i16' },
  u16: { integer: true, source: 'u16' },
  i8: { integer: true, source: 'i8' },
  u8: { integer: true, source: 'u8' },
  i53: { integer: true, source: 'number' },
  bool: { integer: false, source: 'boolean' },
};

export interface ArrayInfo {
  element: ScalarKind;
  /** The element kind a store converts to (clamped arrays clamp, the rest wrap). */
  store: 'f64' | 'f32' | IntKind | 'clamped';
}

export const ARRAYS: Record<ArrayKind, ArrayInfo> = {
  Float64Array: { element: 'f64', store: 'f64' },
  Float32Array: { element: 'f32', store: 'f32' },
  Int32Array: { element: 'i32', store: 'i32' },
  Uint32Array: { element: 'u32', store: 'u32' },
  Int16Array: { element: 'i16', store: 'i16' },
  Uint16Array: { element: 'u16', store: 'u16' },
  Int8Array: { element: 'i8', store: 'i8' },
  Uint8Array: { element: 'u8', store: 'u8' },
  Uint8ClampedArray: { element: 'u8', store: 'clamped' },
};

/**
 * The number aliases 'tsnative' exports, by exported name. A name in source
 * means one of these only where it resolves to that export (frontend/aliases).
 */
export const ALIASES: Readonly<Record<string, ScalarKind>> = {
  f64: 'f64',
  f32: 'f32',
  i32: 'i32',
  u32: 'u32',
  i16: 'i16',
  u16: 'u16',
  i8: 'i8',
  u8: 'u8',
};

export function isAliasName(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(ALIASES, name);
}

export const scalar = (kind: ScalarKind): IrType => ({ tag: 'scalar', kind });
export const array = (kind: ArrayKind): IrType => ({ tag: 'array', kind });
export const VOID: IrType = { tag: 'void' };
export const F64 = scalar('f64');
export const I53 = scalar('i53');
export const I32 = scalar('i32');
export const U32 = scalar('u32');
export const BOOL = scalar('bool');

export function isArrayKind(name: string): name is ArrayKind {
  return Object.prototype.hasOwnProperty.call(ARRAYS, name);
}

export function isInteger(t: IrType): boolean {
  return t.tag === 'scalar' && SCALARS[t.kind].integer;
}

export function isNumeric(t: IrType): boolean {
  return t.tag === 'scalar' && t.kind !== 'bool';
}

export function sameType(a: IrType, b: IrType): boolean {
  return a.tag === b.tag && (a.tag === 'void' || (a as { kind: string }).kind === (b as { kind: string }).kind);
}

/** The TS spelling of a type, for messages, signatures and .d.ts files. */
export function typeName(t: IrType): string {
  if (t.tag === 'void') return 'void';
  if (t.tag === 'array') return t.kind;
  return SCALARS[t.kind].source;
}
