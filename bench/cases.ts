// What the benchmark runs: each suite (one process per implementation) builds
// its inputs and lists cases. A case calls the kernels through `Kernels`, so
// the same code times the TypeScript functions (JS, or native under the
// register hook) and the hand-written C++ addon, which exports the same names.
import { add, head } from './kernels/calls';
import * as plain from './kernels/plain';
import { saxpy } from './kernels/saxpy';
import { countInside } from '../examples/monte-carlo-pi/monte-carlo-pi';
import { digest, reassociationBound } from '../examples/timing';
import { dot, sumsq } from '../examples/stats/stats';
import { histogram } from '../examples/histogram/histogram';
import { normalSamples } from '../examples/histogram/samples';
import { jacobi } from '../examples/jacobi/jacobi';
import { mandelbrot } from '../examples/mandelbrot/mandelbrot';
import { matmul } from '../examples/matmul/matmul';
import { advance, energy, offsetMomentum } from '../examples/nbody/nbody';
import { solarSystem, type State } from '../examples/nbody/planets';
import { spectralNorm } from '../examples/spectral-norm/spectral-norm';

export const typescriptKernels = {
  sumsq,
  dot,
  saxpy,
  matmul,
  mandelbrot,
  advance,
  energy,
  spectralNorm,
  jacobi,
  countInside,
  histogram,
  add,
  head,
};
export type Kernels = typeof typescriptKernels;
/** The JS baseline where the TypeScript's only loop is a prange (see kernels/plain.ts). */
export const plainKernels: Kernels = { ...typescriptKernels, ...plain };

export interface Case {
  name: string;
  /** 'ms' per run, or 'ns' per call with `calls` calls in each run. */
  unit: 'ms' | 'ns';
  calls: number;
  /** Has a prange loop: timed again on every thread. */
  parallel: boolean;
  /** Its only loop is a prange: JS is also timed with plainKernels. */
  plainLoop?: boolean;
  /** Parallel float sums may differ from JS by reassociation, within this distance. */
  tolerance?: number;
  /** Restores mutated inputs before each run (not timed). */
  reset?(): void;
  run(k: Kernels): unknown;
  /** The value every implementation must agree on, from the last run's return value. */
  result?(ret: unknown): unknown;
}

function wave(n: number, f: (i: number) => number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => f(i));
}

const count = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e4 ? `${n / 1e3}k` : String(n));

const one = (c: Omit<Case, 'unit' | 'calls'>): Case[] => [{ unit: 'ms', calls: 1, ...c }];

/** sumsq, dot and saxpy: one prange over n elements, called `calls` times per run. */
function streamCase(name: string, n: number, calls: number, c: Pick<Case, 'tolerance' | 'reset' | 'run' | 'result'>): Case {
  return { name: `${name} n=${count(n)}`, unit: calls > 1 ? 'ns' : 'ms', calls, parallel: true, plainLoop: true, ...c };
}

function sumsqCase(n: number, calls = 1): Case {
  const xs = wave(n, (i) => Math.sin(i));
  const abs = xs.reduce((s, x) => s + x * x, 0);
  return streamCase('sumsq', n, calls, { tolerance: reassociationBound(n, abs), run: (k) => repeat(calls, () => k.sumsq(xs)) });
}

function dotCase(n: number, calls = 1): Case {
  const a = wave(n, (i) => Math.sin(i) * 3);
  const b = wave(n, (i) => Math.cos(i * 0.5));
  const abs = a.reduce((s, x, i) => s + Math.abs(x * b[i]!), 0);
  return streamCase('dot', n, calls, { tolerance: reassociationBound(n, abs), run: (k) => repeat(calls, () => k.dot(a, b)) });
}

function saxpyCase(n: number, calls = 1): Case {
  const x = Float32Array.from({ length: n }, (_, i) => Math.fround(Math.sin(i)));
  const y0 = Float32Array.from({ length: n }, (_, i) => Math.fround(Math.cos(i)));
  const y = y0.slice();
  return streamCase('saxpy', n, calls, {
    reset: () => y.set(y0),
    run: (k) => repeat(calls, () => k.saxpy(0.5, x, y)),
    result: () => digest(y),
  });
}

function repeat(calls: number, f: () => unknown): unknown {
  let r: unknown;
  for (let i = 0; i < calls; i++) r = f();
  return r;
}

function nbody(): Case[] {
  const { state: start, mass } = solarSystem();
  offsetMomentum(start[3], start[4], start[5], mass);
  const s = start.map((a) => a.slice()) as State;
  return one({
    name: 'n-body 300k steps',
    parallel: false,
    reset: () => s.forEach((a, i) => a.set(start[i]!)),
    run: (k) => k.advance(...s, mass, 0.01, 300_000),
    result: () => energy(...s, mass),
  });
}

export const SUITES: Record<string, () => Case[]> = {
  sumsq: () => [sumsqCase(2_000_000)],
  dot: () => [dotCase(2_000_000)],
  saxpy: () => [saxpyCase(2_000_000)],
  matmul: () => {
    const n = 300;
    const a = wave(n * n, (i) => Math.sin(i) + 0.5);
    const b = wave(n * n, (i) => Math.cos(i * 0.7));
    const c = new Float64Array(n * n);
    return one({ name: `matmul ${n}×${n}`, parallel: true, run: (k) => k.matmul(a, b, c, n), result: () => digest(c) });
  },
  mandelbrot: () => {
    const [w, h] = [800, 600];
    const out = new Int32Array(w * h);
    return one({
      name: `mandelbrot ${w}×${h}`,
      parallel: true,
      run: (k) => k.mandelbrot(out, w, h, -2.2, -1.2, 1, 1.2, 200),
      result: (inside) => `${inside} #${digest(out)}`,
    });
  },
  nbody,
  'spectral-norm': () => one({ name: 'spectral norm n=1000', parallel: true, run: (k) => k.spectralNorm(1000, 10) }),
  jacobi: () => {
    const [n, steps] = [512, 100];
    const start = new Float64Array(n * n).fill(100, 0, n);
    const u = start.slice();
    const scratch = start.slice();
    return one({
      name: `jacobi ${n}² ×${steps}`,
      parallel: true,
      reset: () => (u.set(start), scratch.set(start)),
      run: (k) => k.jacobi(u, scratch, n, steps),
      result: () => digest(u),
    });
  },
  'monte-carlo': () => one({ name: 'monte-carlo π 64×250k', parallel: true, run: (k) => k.countInside(64, 250_000, 2463534242) }),
  histogram: () => {
    const xs = normalSamples(4_000_000);
    const counts = new Int32Array(256);
    return one({ name: 'histogram 4M → 256', parallel: true, run: (k) => k.histogram(xs, -4, 4, counts), result: () => digest(counts) });
  },
  // Small inputs, where the cost of crossing into native code matters.
  small: () => [100, 1_000, 10_000].flatMap((n) => [sumsqCase(n, 2e6 / n), dotCase(n, 2e6 / n), saxpyCase(n, 2e6 / n)]),
  // The loops are written out: a closure per call would be timed too.
  calls: () => {
    const xs = new Float64Array([1.5, 2, 3]);
    const calls = 1e6;
    const scalar = (k: Kernels) => {
      let s = 0;
      for (let i = 0; i < calls; i++) s = k.add(s, 1);
      return s;
    };
    const array = (k: Kernels) => {
      let s = 0;
      for (let i = 0; i < calls; i++) s += k.head(xs);
      return s;
    };
    return [
      { name: 'call f(x, y) with numbers', unit: 'ns', calls, parallel: false, run: scalar },
      { name: 'call f(xs) with a Float64Array', unit: 'ns', calls, parallel: false, run: array },
    ];
  },
};

/** The kernels that the headline table and chart show, in order. */
export const KERNEL_SUITES = [
  'sumsq',
  'dot',
  'saxpy',
  'matmul',
  'mandelbrot',
  'nbody',
  'spectral-norm',
  'jacobi',
  'monte-carlo',
  'histogram',
];
