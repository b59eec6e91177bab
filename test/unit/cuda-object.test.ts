import fc from 'fast-check';
import { cuda, launch } from '../../runtime/index';

describe('the cuda object outside a kernel', () => {
  it('thread indices, grid, barriers and shared memory exist only inside a kernel run by launch()', () => {
    const uses: [string, () => unknown][] = [
      ['threadIdx', () => cuda.threadIdx.x],
      ['blockIdx', () => cuda.blockIdx.y],
      ['blockDim', () => cuda.blockDim.z],
      ['gridDim', () => cuda.gridDim.x],
      ['grid', () => cuda.grid(1)],
      ['gridsize', () => cuda.gridsize(2)],
      ['syncthreads()', () => cuda.syncthreads()],
      ['shared.array', () => cuda.shared.array(Float32Array, 4)],
    ];
    for (const [what, use] of uses) {
      expect(use).toThrow(
        new Error(`cuda.${what} exists only inside a kernel run by launch() (or launchAsync()); it was used outside one`),
      );
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(cuda)).toBe(true);
    expect(Object.isFrozen(cuda.atomic)).toBe(true);
  });
});

describe('cuda.grid and gridsize', () => {
  it('give the global index and the grid size, in 1, 2 and 3 dimensions', () => {
    const got: unknown[] = [];
    function k(): void {
      got.push([cuda.grid(1), cuda.grid(2), cuda.grid(3), cuda.gridsize(1), cuda.gridsize(2), cuda.gridsize(3)]);
    }
    launch(k, { grid: [2, 3, 2], block: [3, 2, 2] });
    expect(got).toHaveLength(144);
    expect(got[0]).toEqual([0, [0, 0], [0, 0, 0], 6, [6, 6], [6, 6, 4]]);
    // Block (1,2,1), thread (2,1,1): the last of all.
    expect(got[143]).toEqual([5, [5, 5], [5, 5, 3], 6, [6, 6], [6, 6, 4]]);
  });

  it('ndim must be 1, 2 or 3', () => {
    const bad = cuda.grid as unknown as (n: number) => unknown;
    function k(): void {
      bad(4);
    }
    expect(() => launch(k, { grid: 1, block: 1 })).toThrow(new RangeError('cuda.grid: ndim must be 1, 2 or 3, got 4'));
  });
});

describe('cuda.shared.array', () => {
  it('refuses what is not a typed-array kind or a length', () => {
    const array = cuda.shared.array as unknown as (k: unknown, n: unknown) => unknown;
    function badKind(): void {
      array(Array, 4);
    }
    function badLength(): void {
      array(Int8Array, -1);
    }
    expect(() => launch(badKind, { grid: 1, block: 1 })).toThrow(TypeError);
    expect(() => launch(badLength, { grid: 1, block: 1 })).toThrow(
      new RangeError('badLength: cuda.shared.array expects a non-negative integer length, got -1'),
    );
  });

  it('the k-th call of each thread gets the k-th array of its block, in a kernel without barriers too', () => {
    const arrays: Int16Array[][] = [];
    function k(): void {
      arrays.push([cuda.shared.array(Int16Array, 2), cuda.shared.array(Int16Array, 3)]);
    }
    launch(k, { grid: 2, block: 2 });
    expect(arrays[0][0]).toBe(arrays[1][0]);
    expect(arrays[0][1]).toBe(arrays[1][1]);
    expect(arrays[0][0]).not.toBe(arrays[0][1]);
    expect(arrays[2][0]).not.toBe(arrays[0][0]);
    expect(arrays[0][1].length).toBe(3);
  });
});

describe('cuda.atomic', () => {
  it('each returns the old value and stores what the plain JS would', () => {
    const ops: Record<string, (old: number, v: number) => number> = {
      add: (o, v) => o + v,
      sub: (o, v) => o - v,
      min: (o, v) => Math.min(o, v),
      max: (o, v) => Math.max(o, v),
      exch: (_o, v) => v,
    };
    const value = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 2 ** 31, -(2 ** 31) - 1, 0.5));
    const kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array];
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.constantFrom(...Object.keys(ops)), value, value, (Kind, op, start, v) => {
        const a = new Kind([start]);
        const b = new Kind([start]);
        const old = b[0];
        b[0] = ops[op](old, v);
        const atomic = cuda.atomic as unknown as Record<string, (a: unknown, i: number, v: number) => number>;
        expect(Object.is(atomic[op](a, 0, v), old)).toBe(true);
        expect(Object.is(a[0], b[0])).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('cas stores only when the old value === compare', () => {
    const a = new Int32Array([5]);
    expect(cuda.atomic.cas(a, 0, 4, 9)).toBe(5);
    expect(a[0]).toBe(5);
    expect(cuda.atomic.cas(a, 0, 5, 9)).toBe(5);
    expect(a[0]).toBe(9);
    const f = new Float64Array([NaN, -0]);
    expect(cuda.atomic.cas(f, 0, NaN, 1)).toBeNaN();
    expect(f[0]).toBeNaN();
    expect(Object.is(cuda.atomic.cas(f, 1, 0, 1), -0)).toBe(true);
    expect(f[1]).toBe(1);
  });

  it('works on BigInt64Array and BigUint64Array', () => {
    const a = new BigInt64Array([5n]);
    expect(cuda.atomic.add(a, 0, 3n)).toBe(5n);
    expect(cuda.atomic.min(a, 0, -2n)).toBe(8n);
    expect(cuda.atomic.max(a, 0, 7n)).toBe(-2n);
    expect(a[0]).toBe(7n);
    const u = new BigUint64Array([1n]);
    expect(cuda.atomic.sub(u, 0, 2n)).toBe(1n);
    expect(u[0]).toBe(2n ** 64n - 1n);
  });

  it('an index outside the array reads undefined and stores nothing, as JS does', () => {
    const a = new Float64Array(2);
    expect(cuda.atomic.add(a, 2, 1)).toBeUndefined();
    expect(Array.from(a)).toEqual([0, 0]);
  });

  it('takes a DeviceArray too', () => {
    const d = cuda.toDevice(new Int32Array([1]));
    expect(cuda.atomic.add(d as unknown as Int32Array, 0, 1)).toBe(1);
    expect(Array.from(d.copyToHost())).toEqual([2]);
  });
});
