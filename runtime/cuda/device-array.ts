// Arrays that stay "on the device" across launches. Without a GPU the device
// is the host: the storage is a private copy that simulators compute on in
// place. The storage sits behind DeviceStorage so the native side can
// attach GPU memory (a handle plus copy functions) without changing the class.
import { processState } from './process-state';
import {
  constructorOf,
  describeValue,
  isTypedArrayConstructor,
  kindOf,
  type TypedArray,
  type TypedArrayConstructor,
  type TypedArrayKind,
} from './typed-arrays';

export interface DeviceStorage {
  readonly kind: TypedArrayKind;
  readonly length: number;
  /** The array a simulator computes on in place; undefined when the data lives only in GPU memory. */
  host(): TypedArray | undefined;
  /** What a GPU launcher takes in place of the array (a native handle); undefined for host memory, which it copies like any typed array. */
  handle?(): unknown;
  /** Copies the data into `into`, of the same kind and length. */
  readInto(into: TypedArray): void;
  release(): void;
}

/** How DeviceArrays get their storage: host copies until the native side installs GPU allocation. */
export interface DeviceAllocator {
  copyOf(array: TypedArray): DeviceStorage;
  zeros(kind: TypedArrayConstructor, length: number): DeviceStorage;
}

class HostStorage implements DeviceStorage {
  readonly kind: TypedArrayKind;
  readonly length: number;
  private array: TypedArray | undefined;

  constructor(array: TypedArray) {
    this.array = array;
    this.kind = kindOf(array) as TypedArrayKind;
    this.length = array.length;
  }

  host(): TypedArray | undefined {
    return this.array;
  }

  readInto(into: TypedArray): void {
    if (this.array) (into as Float64Array).set(this.array as Float64Array);
  }

  release(): void {
    // Dropping the reference is the free: the memory goes when nothing else holds it.
    this.array = undefined;
  }
}

export const hostAllocator: DeviceAllocator = {
  copyOf: (array) => {
    const Kind = constructorOf(kindOf(array) as TypedArrayKind) as unknown as new (from: TypedArray) => TypedArray;
    return new HostStorage(new Kind(array));
  },
  zeros: (kind, length) => new HostStorage(new kind(length)),
};

const allocation = processState('allocator', () => ({ allocator: hostAllocator }));

/** Internal: where cuda.toDevice/deviceArray allocate (undefined restores host memory). */
export function setDeviceAllocator(a: DeviceAllocator | undefined): void {
  allocation.allocator = a ?? hostAllocator;
}

// A registered symbol rather than a private field: a program may load two
// copies of the runtime (see registry.ts), and a DeviceArray made by one must
// work with the other's launch.
const STORAGE = Symbol.for('tsnative.cuda.deviceStorage');

interface Branded {
  [STORAGE]: DeviceStorage | null;
}

/**
 * An array in device memory: made by `cuda.toDevice(array)` or
 * `cuda.deviceArray(Kind, n)`, passed to `launch` wherever the kernel takes a
 * typed array of its kind, and read back with `copyToHost`. It stays on the
 * device across launches until `free()`.
 */
export class DeviceArray<T extends TypedArray = TypedArray> {
  /** The typed-array kind, e.g. 'Float32Array'. */
  readonly kind: T[typeof Symbol.toStringTag];
  readonly length: number;

  /** Internal: use cuda.toDevice or cuda.deviceArray. */
  constructor(storage: DeviceStorage) {
    this.kind = storage.kind as T[typeof Symbol.toStringTag];
    this.length = storage.length;
    Object.defineProperty(this, STORAGE, { value: storage, writable: true, enumerable: false });
  }

  /** The data, in a new typed array, or in `into` (which must be of the same kind and length). */
  copyToHost(into?: T): T {
    const storage = liveStorage(this, 'copyToHost');
    if (into === undefined) {
      const out = new (constructorOf(this.kind))(this.length) as T;
      storage.readInto(out);
      return out;
    }
    if (kindOf(into) !== this.kind || into.length !== this.length) {
      throw new TypeError(`DeviceArray.copyToHost: expected a ${this.kind} of length ${this.length}, got ${describeValue(into)}`);
    }
    storage.readInto(into);
    return into;
  }

  /** Releases the device memory; the DeviceArray cannot be used afterwards. */
  free(): void {
    liveStorage(this, 'free').release();
    (this as unknown as Branded)[STORAGE] = null;
  }

  get [Symbol.toStringTag](): string {
    return 'DeviceArray';
  }
}

export function isDeviceArray(x: unknown): x is DeviceArray {
  return typeof x === 'object' && x !== null && STORAGE in x;
}

/** Describes a DeviceArray for messages: DeviceArray(Float32Array, 10). */
export function describeDeviceArray(dev: DeviceArray): string {
  return `DeviceArray(${dev.kind}, ${dev.length})`;
}

function liveStorage(dev: DeviceArray, use: string): DeviceStorage {
  const storage = (dev as unknown as Branded)[STORAGE];
  if (storage === null) throw new Error(`DeviceArray.${use}: this ${describeDeviceArray(dev)} was freed; it cannot be used any more`);
  return storage;
}

/** Internal: the storage behind a DeviceArray (an Error if it was freed), for a launcher that knows how to pass it. */
export function storageOf(dev: DeviceArray): DeviceStorage {
  return liveStorage(dev, 'storage');
}

/** Internal: whether a DeviceArray was freed. */
export function isFreed(dev: DeviceArray): boolean {
  return (dev as unknown as Branded)[STORAGE] === null;
}

/** Internal: the host array a simulator computes on in place of `dev` (an Error if freed or only in GPU memory). */
export function hostArrayOf(dev: DeviceArray): TypedArray {
  const host = liveStorage(dev, 'hostArrayOf').host();
  if (host === undefined) {
    throw new Error(`this ${describeDeviceArray(dev)} is in GPU memory, which a simulator cannot compute on; copy it to the host first`);
  }
  return host;
}

export function toDevice<T extends TypedArray>(array: T): DeviceArray<T> {
  if (kindOf(array) === undefined) throw new TypeError(`cuda.toDevice: expected a typed array, got ${describeValue(array)}`);
  return new DeviceArray<T>(allocation.allocator.copyOf(array));
}

export function deviceArray<K extends TypedArrayConstructor>(kind: K, length: number): DeviceArray<InstanceType<K>> {
  if (!isTypedArrayConstructor(kind)) {
    throw new TypeError(`cuda.deviceArray: expected a typed-array constructor such as Float32Array, got ${describeValue(kind)}`);
  }
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
    throw new RangeError(`cuda.deviceArray: the length must be a non-negative integer, got ${describeValue(length)}`);
  }
  return new DeviceArray<InstanceType<K>>(allocation.allocator.zeros(kind, length));
}
