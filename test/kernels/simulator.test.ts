// The compiled simulator against the JS lock-step simulation (launch() of the
// unbuilt kernel: the oracle): on random inputs and launch shapes, every
// array ends bit-identical. Then what the simulator checks beyond JS:
// out-of-bounds indices, divergent barriers and shared-memory races.
import fc from 'fast-check';
import * as path from 'node:path';
import { launch, type LaunchConfig } from '../../runtime/index';
import { expectError } from '../support/errors';
import { buildModules, loadAddon, type LoadedAddon } from '../support/native';
import * as k from './cases/kernels';

const file = path.join(__dirname, 'cases', 'kernels.ts');
let addon: LoadedAddon;

beforeAll(() => {
  buildModules([file]);
  addon = loadAddon(file);
});

type Dim3 = [number, number, number];
const dims = (d: LaunchConfig['grid']): Dim3 => {
  const a = typeof d === 'number' ? [d] : [...d];
  return [a[0]!, a[1] ?? 1, a[2] ?? 1];
};

/** The compiled simulator's launcher for `name` (the export launch() binds). */
function simulate(name: string, config: LaunchConfig, ...args: unknown[]): void {
  const run = addon.exports[`sim:${name}`]!;
  run(...dims(config.grid), ...dims(config.block), config.sharedBytes ?? 0, ...args);
}

const copy = <T>(args: T[]): T[] => args.map((a) => (ArrayBuffer.isView(a) ? ((a as unknown as Float64Array).slice() as unknown as T) : a));

/** Runs `kernel` both ways on copies of `args` and compares every array argument with Object.is. */
function agree(kernel: (...a: never[]) => void, config: LaunchConfig, args: unknown[]): void {
  const js = copy(args);
  const sim = copy(args);
  launch(kernel as unknown as (...a: unknown[]) => void, config, ...js);
  simulate(kernel.name, config, ...sim);
  js.forEach((a, i) => {
    if (!ArrayBuffer.isView(a)) return;
    const x = Array.from(a as Float64Array);
    const y = Array.from(sim[i] as Float64Array);
    expect(y.length).toBe(x.length);
    for (let j = 0; j < x.length; j++)
      if (!Object.is(x[j], y[j])) throw new Error(`${kernel.name}: argument ${i}[${j}] is ${y[j]} simulated, ${x[j]} in JS`);
  });
}

const doubles = (max: number) =>
  fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: max }).map((a) => Float64Array.from(a));
const floats = (max: number) =>
  fc.array(fc.float({ noNaN: true, min: -1e4, max: 1e4 }), { minLength: 1, maxLength: max }).map((a) => Float32Array.from(a));
const powerOfTwo = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((e) => 2 ** e);

describe('the compiled simulator computes what the JS lock-step simulation computes', () => {
  it('vector add, any launch that covers the arrays', () => {
    fc.assert(
      fc.property(doubles(400), fc.integer({ min: 1, max: 96 }), (a, block) => {
        const b = a.map((v, i) => v / 3 - i);
        agree(k.vectorAdd, { grid: Math.max(1, Math.ceil(a.length / block)), block }, [a, b, new Float64Array(a.length)]);
      }),
      { numRuns: 40 },
    );
  });

  it('SAXPY on f32 data rounds at each store', () => {
    fc.assert(
      fc.property(floats(300), fc.float({ noNaN: true, min: -100, max: 100 }), fc.integer({ min: 1, max: 64 }), (x, a, block) => {
        const y = x.map((v, i) => Math.fround(v * 0.1 + i));
        agree(k.saxpy, { grid: Math.ceil(x.length / block), block }, [Math.fround(a), x, y]);
      }),
      { numRuns: 40 },
    );
  });

  it('a grid-stride loop, on grids smaller and larger than the array', () => {
    fc.assert(
      fc.property(
        doubles(500),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: -4, max: 4, noNaN: true }),
        (xs, grid, block, s) => agree(k.gridStride, { grid, block }, [xs, s]),
      ),
      { numRuns: 40 },
    );
  });

  it('a block tree reduction in shared memory, with barriers in a loop', () => {
    fc.assert(
      fc.property(doubles(1000), powerOfTwo(0, 7), (xs, block) => {
        const grid = Math.max(1, Math.ceil(xs.length / block));
        agree(k.blockSum, { grid, block }, [xs, new Float64Array(grid)]);
      }),
      { numRuns: 40 },
    );
  });

  it('a shared-memory histogram with atomics', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 2000 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 16, max: 128 }),
        (values, grid, block) => agree(k.histogram, { grid, block }, [Int32Array.from(values), new Int32Array(16)]),
      ),
      { numRuns: 30 },
    );
  });

  it('a 2-D stencil with 2-D blocks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 16 }),
        (w, h, bx, by) => {
          const src = Float32Array.from({ length: w * h }, (_, i) => Math.fround(Math.sin(i) * 10));
          agree(k.stencil, { grid: [Math.ceil(w / bx), Math.ceil(h / by)], block: [bx, by] }, [src, new Float32Array(w * h), w, h]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('atomics return the old value (one block: a fixed order)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 256 }),
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 4, maxLength: 4 }),
        (n, start) => agree(k.atomics, { grid: 1, block: n }, [Int32Array.from(start), new Float64Array(1), new Float64Array(n)]),
      ),
      { numRuns: 30 },
    );
  });

  it('barriers in a loop that `break` leaves (run as coroutines, not thread loops)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 128 }), fc.integer({ min: 0, max: 5 }), (grid, block, rounds) =>
        agree(k.breakLoop, { grid, block }, [new Float64Array(grid * block), rounds]),
      ),
      { numRuns: 30 },
    );
  });

  it('a kernel that calls a @native helper, and keeps device arrays of other launches', () => {
    const xs = Float64Array.from({ length: 700 }, (_, i) => i * 0.25);
    agree(k.blockSum, { grid: 6, block: 128 }, [xs, new Float64Array(6)]);
  });
});

describe('what the simulator reports', () => {
  it('an index out of bounds: a RangeError naming the kernel, index, length and line', () => {
    expectError(
      () => simulate('outOfBounds', { grid: 2, block: 8 }, new Float64Array(10)),
      'RangeError',
      'outOfBounds: index 10 is out of bounds for length 10 (test/kernels/cases/kernels.ts:86)',
    );
  });

  it('a barrier not every thread of the block reaches', () => {
    const message =
      /^divergent: divergent barrier in block \(0,0,0\): the condition at line 93 is true for thread \(0,0,0\) and false for thread \(2,0,0\), and a cuda\.syncthreads\(\) depends on it/;
    expectError(() => simulate('divergent', { grid: 1, block: 8 }, new Float64Array(8)), 'Error', message);
    // The JS simulation refuses it too.
    expect(() => launch(k.divergent, { grid: 1, block: 8 }, new Float64Array(8))).toThrow(/syncthreads/);
  });

  it('a thread that returns before a barrier the others wait at (thread loops and coroutines alike)', () => {
    for (const name of ['earlyExit', 'earlyExitInLoop']) {
      expectError(
        () => simulate(name, { grid: 1, block: 8 }, new Float64Array(8)),
        'Error',
        new RegExp(
          `^${name}: divergent barrier in block \\(0,0,0\\): thread \\(0,0,0\\) waits at the cuda\\.syncthreads\\(\\) at line \\d+, but thread \\(4,0,0\\) finished without reaching it`,
        ),
      );
    }
  });

  it('two threads on one shared element between barriers, one of them writing', () => {
    expectError(
      () => simulate('racy', { grid: 1, block: 32 }, new Float64Array(32)),
      'Error',
      /^racy: shared-memory race on element 1 of shared array #0 in block \(0,0,0\): thread \(0,0,0\) read it at line 105 and thread \(1,0,0\) wrote it at line 104/,
    );
  });

  it("a kernel's throw, as the JS simulation throws it", () => {
    expectError(() => simulate('throws', { grid: 2, block: 4 }, new Float64Array(1)), 'RangeError', 'thread five');
    expect(() => launch(k.throws, { grid: 2, block: 4 }, new Float64Array(1))).toThrow(new RangeError('thread five'));
  });

  it('a launch beyond the limits, and arguments of the wrong kind', () => {
    const one = () => new Float64Array(1);
    expectError(
      () => simulate('vectorAdd', { grid: 1, block: 2048 }, one(), one(), one()),
      'RangeError',
      /block\.x must be an integer from 1 to 1024, got 2048/,
    );
    expectError(() => simulate('vectorAdd', { grid: 1, block: [32, 32, 2] }, one(), one(), one()), 'RangeError', /at most 1024 threads/);
    // Shared arrays count against a block's shared memory with sharedBytes, as in the JS simulation.
    const shared =
      /^blockSum: the shared memory of a block \(1024 bytes in shared arrays and 48129 bytes of config\.sharedBytes\) exceeds the 49152 bytes/;
    expectError(() => simulate('blockSum', { grid: 1, block: 1, sharedBytes: 48129 }, one(), one()), 'RangeError', shared);
    expect(() => launch(k.blockSum, { grid: 1, block: 1, sharedBytes: 48129 }, one(), one())).toThrow(shared);
    expectError(
      () => simulate('vectorAdd', { grid: 1, block: 1 }, new Float32Array(1), one(), one()),
      'TypeError',
      'vectorAdd(a): expected Float64Array, got Float32Array',
    );
  });
});
