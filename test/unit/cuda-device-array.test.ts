import { cuda, DeviceArray, launch } from '../../runtime/index';
import { hostArrayOf } from '../../runtime/cuda/device-array';
import { saxpy, vectorAdd } from './fixtures/cuda/basic';
import { blockSum } from './fixtures/cuda/barriers';

// Wrong arguments on purpose, as untyped JS would pass them.
const loose = <T>(x: unknown): T => x as T;

describe('DeviceArray', () => {
  it('toDevice copies: later changes to the source do not reach the device', () => {
    const host = new Float32Array([1, 2, 3]);
    const d = cuda.toDevice(host);
    host[0] = 99;
    expect(d).toBeInstanceOf(DeviceArray);
    expect(d.kind).toBe('Float32Array');
    expect(d.length).toBe(3);
    expect(Array.from(d.copyToHost())).toEqual([1, 2, 3]);
    expect(String(d)).toBe('[object DeviceArray]');
  });

  it('deviceArray is zero-filled, of the kind asked for', () => {
    const d = cuda.deviceArray(BigInt64Array, 4);
    expect(d.kind).toBe('BigInt64Array');
    const back = d.copyToHost();
    expect(back).toBeInstanceOf(BigInt64Array);
    expect(Array.from(back)).toEqual([0n, 0n, 0n, 0n]);
    expect(cuda.deviceArray(Uint8ClampedArray, 0).length).toBe(0);
  });

  it('stays on the device across launches', () => {
    const n = 100;
    const x = cuda.toDevice(Float32Array.from({ length: n }, (_, i) => i));
    const y = cuda.deviceArray(Float32Array, n);
    for (let k = 0; k < 3; k++) launch(saxpy, { grid: 4, block: 32 }, 0.5, x, y);
    const expected = new Float32Array(n);
    for (let k = 0; k < 3; k++) for (let i = 0; i < n; i++) expected[i] = 0.5 * i + expected[i];
    expect(y.copyToHost()).toEqual(expected);
    // A host array and device arrays mix in one launch.
    const out = cuda.deviceArray(Float64Array, 4);
    launch(vectorAdd, { grid: 1, block: 4 }, cuda.toDevice(new Float64Array([1, 2, 3, 4])), new Float64Array([10, 20, 30, 40]), out);
    const partial = cuda.deviceArray(Float64Array, 1);
    launch(blockSum, { grid: 1, block: 4 }, out, partial);
    expect(Array.from(partial.copyToHost())).toEqual([110]);
  });

  it('copyToHost(into) fills and returns into; another kind or length is a TypeError', () => {
    const d = cuda.toDevice(new Int32Array([5, 6]));
    const into = new Int32Array(2);
    expect(d.copyToHost(into)).toBe(into);
    expect(Array.from(into)).toEqual([5, 6]);
    expect(() => d.copyToHost(loose(new Uint32Array(2)))).toThrow(
      new TypeError('DeviceArray.copyToHost: expected a Int32Array of length 2, got Uint32Array(2)'),
    );
    expect(() => d.copyToHost(new Int32Array(3))).toThrow(
      new TypeError('DeviceArray.copyToHost: expected a Int32Array of length 2, got Int32Array(3)'),
    );
    expect(() => d.copyToHost(loose([0, 0]))).toThrow(TypeError);
    // A view of a larger buffer is fine, and only the view is written.
    const big = new Int32Array(4);
    d.copyToHost(big.subarray(1, 3));
    expect(Array.from(big)).toEqual([0, 5, 6, 0]);
  });

  it('after free(), using it is an Error', () => {
    const d = cuda.toDevice(new Float64Array(4));
    d.free();
    expect(() => d.copyToHost()).toThrow(
      new Error('DeviceArray.copyToHost: this DeviceArray(Float64Array, 4) was freed; it cannot be used any more'),
    );
    expect(() => d.free()).toThrow(/was freed/);
    expect(() => hostArrayOf(d)).toThrow(/was freed/);
    expect(() => launch(vectorAdd, { grid: 1, block: 4 }, d, new Float64Array(4), new Float64Array(4))).toThrow(
      new Error('launch(vectorAdd): a is a DeviceArray(Float64Array, 4) that was freed'),
    );
    expect(d.length).toBe(4);
  });

  it('toDevice and deviceArray refuse what is not a typed array or a size', () => {
    expect(() => cuda.toDevice(loose<Float32Array>([1, 2]))).toThrow(new TypeError('cuda.toDevice: expected a typed array, got an array'));
    expect(() => cuda.toDevice(loose<Float32Array>(new DataView(new ArrayBuffer(4))))).toThrow(TypeError);
    expect(() => cuda.deviceArray(loose<Float32ArrayConstructor>(Array), 2)).toThrow(TypeError);
    expect(() => cuda.deviceArray(Float32Array, -1)).toThrow(
      new RangeError('cuda.deviceArray: the length must be a non-negative integer, got -1'),
    );
    expect(() => cuda.deviceArray(Float32Array, 1.5)).toThrow(RangeError);
  });

  it('is typed by its kind: launch takes it only where the kernel takes that kind', () => {
    // Never called: the type checker is what this test exercises.
    const typeOnly = (): void => {
      const f32 = cuda.deviceArray(Float32Array, 4);
      launch(saxpy, { grid: 1, block: 4 }, 2, f32, new Float32Array(4));
      // @ts-expect-error: a Float64Array DeviceArray where the kernel takes a Float32Array
      launch(saxpy, { grid: 1, block: 4 }, 2, cuda.deviceArray(Float64Array, 4), new Float32Array(4));
      // @ts-expect-error: copyToHost into another kind
      f32.copyToHost(new Float64Array(4));
      const k: 'Float32Array' = f32.kind;
      void k;
    };
    expect(typeof typeOnly).toBe('function');
  });
});
