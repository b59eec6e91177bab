// cuda.atomic.*: each returns the element's old value, as Numba's do. In the
// simulator a thread runs alone until it pauses, so a plain read-modify-write
// is atomic; the operations are spelled as the JS they must agree with.
import { hostArrayOf, isDeviceArray, type DeviceArray } from './device-array';
import type { TypedArray } from './typed-arrays';

type Element<A extends TypedArray> = A[number];
type Cell = Record<number, number>;

function cells(array: TypedArray | DeviceArray): Cell {
  return (isDeviceArray(array) ? hostArrayOf(array) : array) as unknown as Cell;
}

// BigInt64Array elements: Math.min/max take numbers only, so compare directly.
function lesser(a: number, b: number): number {
  return typeof a === 'bigint' ? (b < a ? b : a) : Math.min(a, b);
}

function greater(a: number, b: number): number {
  return typeof a === 'bigint' ? (b > a ? b : a) : Math.max(a, b);
}

export interface Atomic {
  /** `old = a[i]; a[i] = old + v; return old`. */
  add<A extends TypedArray>(array: A, index: number, value: Element<A>): Element<A>;
  /** `old = a[i]; a[i] = old - v; return old`. */
  sub<A extends TypedArray>(array: A, index: number, value: Element<A>): Element<A>;
  /** `old = a[i]; a[i] = Math.min(old, v); return old`. */
  min<A extends TypedArray>(array: A, index: number, value: Element<A>): Element<A>;
  /** `old = a[i]; a[i] = Math.max(old, v); return old`. */
  max<A extends TypedArray>(array: A, index: number, value: Element<A>): Element<A>;
  /** `old = a[i]; a[i] = v; return old`. */
  exch<A extends TypedArray>(array: A, index: number, value: Element<A>): Element<A>;
  /** `old = a[i]; if (old === compare) a[i] = v; return old`. */
  cas<A extends TypedArray>(array: A, index: number, compare: Element<A>, value: Element<A>): Element<A>;
}

function update(array: TypedArray, index: number, op: (old: number) => number): never {
  const a = cells(array);
  const old = a[index];
  a[index] = op(old);
  return old as never;
}

export const atomic: Atomic = Object.freeze({
  add: (array: TypedArray, index: number, value: number) => update(array, index, (old) => old + value),
  sub: (array: TypedArray, index: number, value: number) => update(array, index, (old) => old - value),
  min: (array: TypedArray, index: number, value: number) => update(array, index, (old) => lesser(old, value)),
  max: (array: TypedArray, index: number, value: number) => update(array, index, (old) => greater(old, value)),
  exch: (array: TypedArray, index: number, value: number) => update(array, index, () => value),
  cas(array: TypedArray, index: number, compare: number, value: number): never {
    const a = cells(array);
    const old = a[index];
    if (old === compare) a[index] = value;
    return old as never;
  },
}) as unknown as Atomic;
