// The typed-array kinds a kernel may take or allocate, told apart by their
// intrinsic tag rather than by `instanceof`, so arrays from another realm
// (a vm context, a worker's transferred buffer) and subclasses still count.

export type TypedArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

export type TypedArrayConstructor =
  | Int8ArrayConstructor
  | Uint8ArrayConstructor
  | Uint8ClampedArrayConstructor
  | Int16ArrayConstructor
  | Uint16ArrayConstructor
  | Int32ArrayConstructor
  | Uint32ArrayConstructor
  | Float32ArrayConstructor
  | Float64ArrayConstructor
  | BigInt64ArrayConstructor
  | BigUint64ArrayConstructor;

export type TypedArrayKind = TypedArray[typeof Symbol.toStringTag];

export const TYPED_ARRAY_KINDS: readonly TypedArrayKind[] = [
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
];

const tagGetter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Int8Array.prototype), Symbol.toStringTag)?.get as (
  this: unknown,
) => TypedArrayKind | undefined;

/** The kind of a typed array ('Float32Array', …), or undefined for anything else (DataView included). */
export function kindOf(x: unknown): TypedArrayKind | undefined {
  return typeof x === 'object' && x !== null ? tagGetter.call(x) : undefined;
}

export function isTypedArray(x: unknown): x is TypedArray {
  return kindOf(x) !== undefined;
}

/** Whether `k` is one of the typed-array constructors (of any realm). */
export function isTypedArrayConstructor(k: unknown): k is TypedArrayConstructor {
  return (
    typeof k === 'function' &&
    (TYPED_ARRAY_KINDS as readonly string[]).includes(k.name) &&
    typeof (k as TypedArrayConstructor).BYTES_PER_ELEMENT === 'number'
  );
}

/** This realm's constructor of a kind. */
export function constructorOf(kind: TypedArrayKind): TypedArrayConstructor {
  return (globalThis as unknown as Record<TypedArrayKind, TypedArrayConstructor>)[kind];
}

/** A short description of a value for error messages. */
export function describeValue(x: unknown): string {
  if (x === null) return 'null';
  const kind = kindOf(x);
  if (kind) return `${kind}(${(x as TypedArray).length})`;
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'function') return 'a function';
  if (typeof x === 'object') return (x as object).constructor?.name ? `a ${(x as object).constructor.name}` : 'an object';
  if (typeof x === 'string') return JSON.stringify(x);
  if (typeof x === 'bigint') return `${x}n`;
  if (Object.is(x, -0)) return '-0';
  return String(x);
}
