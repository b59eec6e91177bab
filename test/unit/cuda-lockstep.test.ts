import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { cuda, launch } from '../../runtime/index';
import { recordKernel } from '../../runtime/registry';
import * as B from './fixtures/cuda/barriers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { earlyExitJs } = require('./fixtures/cuda/lines.js') as { earlyExitJs: (x: Float64Array) => void };

const FIXTURE = path.join(__dirname, 'fixtures/cuda/barriers.ts');

/** The sum blockSum computes for one block: the same tree, in the same order. */
function treeSum(values: number[], width: number): number {
  const s = Array.from({ length: width }, (_, t) => values[t] ?? 0);
  for (let stride = width >> 1; stride > 0; stride >>= 1) for (let t = 0; t < stride; t++) s[t] += s[t + stride];
  return s[0];
}

/** The lines of the cuda.syncthreads() calls of a function in the barriers fixture. */
function barrierLines(name: string): number[] {
  const text = fs.readFileSync(FIXTURE, 'utf8').split('\n');
  const start = text.findIndex((l) => l.includes(`function ${name}(`));
  const end = text.findIndex((l, i) => i > start && l === '}');
  return text.map((_, i) => i + 1).filter((n) => n > start && n <= end && text[n - 1].includes('cuda.syncthreads()'));
}

function errorOf(f: () => void): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('kernels with barriers', () => {
  it('block tree reduction with shared memory equals the same tree summed in JS', () => {
    fc.assert(
      fc.property(fc.float64Array({ noNaN: true, maxLength: 700 }), fc.constantFrom(1, 2, 8, 32, 128), (x, block) => {
        const grid = Math.max(1, Math.ceil(x.length / block));
        const partial = new Float64Array(grid);
        launch(B.blockSum, { grid, block }, x, partial);
        const expected = Array.from({ length: grid }, (_, b) => treeSum(Array.from(x.subarray(b * block, (b + 1) * block)), block));
        expect(Array.from(partial)).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('shared-memory histogram with atomics counts every value once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 400 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 40 }),
        (data, grid, block) => {
          const bins = new Uint32Array(B.BINS);
          launch(B.histogram, { grid, block }, Int32Array.from(data), bins);
          const expected = new Uint32Array(B.BINS);
          for (const v of data) expected[v & (B.BINS - 1)]++;
          expect(bins).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a tiled transpose with 2-D blocks and a barrier', () => {
    for (const [rows, cols] of [
      [1, 1],
      [4, 4],
      [5, 9],
      [12, 3],
    ]) {
      const src = Float64Array.from({ length: rows * cols }, (_, i) => i + 0.5);
      const dst = new Float64Array(rows * cols);
      launch(B.transpose, { grid: [Math.ceil(cols / B.TILE), Math.ceil(rows / B.TILE)], block: [B.TILE, B.TILE] }, src, dst, rows, cols);
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) expect(dst[c * rows + r]).toBe(src[r * cols + c]);
    }
  });

  it('between barriers, the threads of a block run in order, each up to the next barrier', () => {
    const log = new Int32Array(2 * 3 * 4 * 2);
    launch(B.phases, { grid: 2, block: 4 }, log, new Int32Array(1));
    const expected: number[] = [];
    for (let block = 0; block < 2; block++) for (let phase = 0; phase < 3; phase++) for (let t = 0; t < 4; t++) expected.push(t, phase);
    expect(Array.from(log)).toEqual(expected);
  });

  it('a thread reads its neighbour only after the barrier, as on a GPU', () => {
    const x = Float64Array.from({ length: 12 }, (_, i) => i);
    launch(B.shiftLeft, { grid: 3, block: 4 }, x);
    expect(Array.from(x)).toEqual([1, 2, 3, 0, 5, 6, 7, 0, 9, 10, 11, 0]);
  });

  it('reads module variables afresh at each launch', () => {
    const x = new Float64Array([1, 2]);
    launch(B.scaled, { grid: 1, block: 2 }, x);
    expect(Array.from(x)).toEqual([1, 2]);
    B.setScale(3);
    try {
      launch(B.scaled, { grid: 1, block: 2 }, x);
    } finally {
      B.setScale(1);
    }
    expect(Array.from(x)).toEqual([3, 6]);
  });

  it('errors thrown by a kernel propagate unchanged', () => {
    const x = new Float64Array(8);
    const e = errorOf(() => launch(B.throwsAfterBarrier, { grid: 2, block: 4 }, x, 5));
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message).toBe('thread 5 fails');
    // Every thread of the first block finished; in the second, those before thread 5 (in block order) had run.
    expect(Array.from(x)).toEqual([1, 1, 1, 1, 1, 0, 0, 0]);
  });
});

describe('divergent barriers', () => {
  it('a thread that returns while the others wait is an Error naming the kernel, the line and both threads', () => {
    const e = errorOf(() => launch(B.earlyExit, { grid: [1, 2], block: 4 }, new Float64Array(4)));
    expect(e.constructor).toBe(Error);
    expect(e.message).toBe(
      `earlyExit: cuda.syncthreads() at line ${barrierLines('earlyExit')[0]} was reached by thread (0,0,0) of block (0,0,0) ` +
        'but not by thread (2,0,0), which returned without reaching it; every thread of a block must reach the same barriers',
    );
  });

  it('threads waiting at different barriers are an Error too; lines come from the source map of the script', () => {
    const e = errorOf(() => launch(B.splitBarrier, { grid: 1, block: 2 }, new Float64Array(2)));
    const [even, odd] = barrierLines('splitBarrier');
    expect(e.message).toMatch(
      new RegExp(
        `^splitBarrier: cuda\\.syncthreads\\(\\) at line ${even} was reached by thread \\(0,0,0\\) of block \\(0,0,0\\) but not by thread \\(1,0,0\\), ` +
          `which waits at the cuda\\.syncthreads\\(\\) at line ${odd}`,
      ),
    );
  });

  it('gives the TypeScript lines when the kernel is bound to its source', () => {
    recordKernel({ name: 'splitBarrier', source: FIXTURE, js: B.splitBarrier, params: ['x'], reason: 'not built' });
    const e = errorOf(() => launch(B.splitBarrier, { grid: 1, block: 2 }, new Float64Array(2)));
    const lines = barrierLines('splitBarrier');
    expect(e.message).toContain(`at line ${lines[0]} was reached`);
    expect(e.message).toContain(`waits at the cuda.syncthreads() at line ${lines[1]}`);
  });

  it('gives the lines of the script the kernel runs from otherwise', () => {
    const e = errorOf(() => launch(earlyExitJs, { grid: 1, block: 2 }, new Float64Array(1)));
    expect(e.message).toMatch(
      /^earlyExitJs: cuda\.syncthreads\(\) at line 7 was reached by thread \(0,0,0\) of block \(0,0,0\) but not by thread \(1,0,0\)/,
    );
  });

  it('a barrier in a function the kernel calls cannot pause the thread: an Error says so', () => {
    expect(() => launch(B.viaHelper, { grid: 1, block: 2 }, new Float64Array(2))).toThrow(
      /^viaHelper: cuda\.syncthreads\(\) was called where the JS simulator cannot pause the thread: the kernel does not call it directly/,
    );
  });

  it('threads of a block that declare different shared arrays are an Error', () => {
    expect(() => launch(B.mismatchedShared, { grid: 1, block: 2 }, new Float64Array(1))).toThrow(
      'mismatchedShared: shared array #1 is Float64Array(8) for thread (0,0,0) of block (0,0,0) but Int32Array(8) for thread (1,0,0) of block (0,0,0)',
    );
  });
});

describe('the generator rewrite', () => {
  const WIDTH = 4;
  const double = (v: number): number => 2 * v;

  it('resolves the closure variables, helpers and imports of a kernel defined in a test', () => {
    let offset = 10;
    function local(x: Float64Array): void {
      const s = cuda.shared.array(Float64Array, WIDTH);
      const t = cuda.threadIdx.x;
      s[t] = double(x[t]) + offset;
      cuda.syncthreads();
      x[t] = s[(t + 1) % WIDTH];
    }
    const x = new Float64Array([1, 2, 3, 4]);
    launch(local, { grid: 1, block: WIDTH }, x);
    expect(Array.from(x)).toEqual([14, 16, 18, 12]);
    offset = 0;
    launch(local, { grid: 1, block: WIDTH }, x);
    expect(Array.from(x)).toEqual([32, 36, 24, 28]);
  });

  it('takes any receiver for syncthreads, element access included, and arrow and method kernels', () => {
    const c = cuda;
    const arrow = (x: Int32Array): void => {
      x[c.threadIdx.x] = c.threadIdx.x;
      c['syncthreads']();
      if (c.threadIdx.x === 0) x[0] = x[1] + x[2];
    };
    const x = new Int32Array(3);
    launch(arrow, { grid: 1, block: 3 }, x);
    expect(Array.from(x)).toEqual([3, 1, 2]);

    const holder = {
      method(y: Int32Array): void {
        y[cuda.threadIdx.x] = 1;
        cuda.syncthreads?.();
        if (cuda.threadIdx.x === 0) y[0] = y[0] + y[1];
      },
    };
    const y = new Int32Array(2);
    launch(holder.method, { grid: 1, block: 2 }, y);
    expect(Array.from(y)).toEqual([2, 1]);
  });

  it('an expression-bodied arrow kernel with a barrier', () => {
    const k = (x: Int32Array, y: Int32Array): number => (
      (x[cuda.threadIdx.x] = cuda.threadIdx.x + 1),
      cuda.syncthreads(),
      (y[cuda.threadIdx.x] = x[0] + x[1])
    );
    const y = new Int32Array(2);
    launch(k, { grid: 1, block: 2 }, new Int32Array(2), y);
    expect(Array.from(y)).toEqual([3, 3]);
  });

  it("keeps the kernel's name in stack traces, while the name inside the kernel still means the kernel", () => {
    const seen: { self?: unknown; stack?: string } = {};
    function named(): void {
      seen.self = named;
      cuda.syncthreads();
      seen.stack = new Error('here').stack;
    }
    launch(named, { grid: 1, block: 1 });
    expect(seen.self).toBe(named);
    expect(seen.stack?.split('\n')[1]).toMatch(/at named \(tsnative-js-simulator\/named\.js:\d+:\d+\)/);
  });

  it('a barrier kernel that assigns to a variable outside it is refused: the write would be lost', () => {
    let count = 0;
    let a = 0;
    let b = 0;
    function counts(): void {
      count++;
      cuda.syncthreads();
    }
    function destructures(): void {
      const local = [1, 2];
      let mine = 0;
      [a, { b }] = [local[0], { b: local[1] }] as [number, { b: number }];
      mine += 1;
      cuda.syncthreads();
      void mine;
    }
    expect(() => launch(counts, { grid: 1, block: 1 })).toThrow(/^counts: the kernel assigns to count, declared outside it/);
    expect(() => launch(destructures, { grid: 1, block: 1 })).toThrow(/^destructures: the kernel assigns to a, b, declared outside it/);
    expect(count + a + b).toBe(0);
  });

  it('a mention of syncthreads in a string or comment is not a barrier', () => {
    function k(x: Int32Array): void {
      // syncthreads is not called here
      x[cuda.grid(1)] = 'syncthreads'.length;
    }
    const x = new Int32Array(4);
    launch(k, { grid: 2, block: 2 }, x);
    expect(Array.from(x)).toEqual([11, 11, 11, 11]);
  });

  it('a shared array is the same object for every thread of a block, and a new zero-filled one per block', () => {
    const seen: Float32Array[] = [];
    function k(): void {
      const s = cuda.shared.array(Float32Array, 3);
      if (cuda.threadIdx.x === 0) {
        expect(Array.from(s)).toEqual([0, 0, 0]);
        s[0] = 7;
      }
      cuda.syncthreads();
      seen.push(s);
    }
    launch(k, { grid: 2, block: 2 }, ...([] as []));
    expect(seen[0]).toBe(seen[1]);
    expect(seen[2]).toBe(seen[3]);
    expect(seen[0]).not.toBe(seen[2]);
    expect(seen[2][0]).toBe(7);
  });
});

describe('an ES module kernel', () => {
  it("finds cuda among the module scope's imports, rereads module variables, and gives lines of the .mts source", () => {
    const fixture = path.join(__dirname, 'fixtures/cuda/esm-kernel.mts');
    const out = execFileSync(process.execPath, ['--import', 'tsx', fixture], { encoding: 'utf8', cwd: path.join(__dirname, '../..') });
    const { x, message } = JSON.parse(out) as { x: number[]; message: string };
    expect(x).toEqual([102, 103, 100, 101, 106, 107, 104, 105]);
    const line =
      fs
        .readFileSync(fixture, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('if (cuda.threadIdx.x > 0) cuda.syncthreads()')) + 1;
    expect(message).toMatch(
      new RegExp(
        `^diverge: cuda\\.syncthreads\\(\\) at line ${line} was reached by thread \\(1,0,0\\) of block \\(0,0,0\\) but not by thread \\(0,0,0\\), which returned`,
      ),
    );
  });
});
