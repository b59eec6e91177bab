// prange: with one thread every loop is bit-identical to the sequential JS;
// with two, integer and min/max reductions stay exact, float sums differ only
// by reassociation and are deterministic, and the lowest failing iteration's
// error is the one thrown.
import fc from 'fast-check';
import * as path from 'node:path';
import { assertAgree } from '../support/differential';
import { expectError } from '../support/errors';
import { buildModules, loadAddon, type LoadedAddon } from '../support/native';
import { runtimeAddon } from '../../runtime/runtime-addon';
import { setNumThreads, setParallelThreshold } from '../../runtime/threads';
import * as js from './cases/parallel';

const file = path.join(__dirname, 'cases', 'parallel.ts');
let addon: LoadedAddon;
const sig = (name: string) => addon.entry.functions.find((f) => f.name === name)!;
const native = (name: string) => addon.exports[name]!;
const jsFn = (name: string) => (js as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;

// Through the runtime's shared state, which the already loaded addon reads
// at every loop (the environment is read once, at start-up).
function withThreads(threads: number, body: () => void): void {
  let saved: number;
  beforeAll(() => {
    saved = runtimeAddon()!.getNumThreads(); // 0 (every core) included
    setNumThreads(threads);
    // Small test inputs must take the parallel path too.
    expect(setParallelThreshold(1)).toBe(true);
  });
  afterAll(() => {
    runtimeAddon()!.setNumThreads(saved);
    setParallelThreshold(undefined);
  });
  body();
}

beforeAll(() => {
  buildModules([file]);
  addon = loadAddon(file);
});

const names = Object.keys(js);
const longArrays = fc
  .array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 0, maxLength: 300 })
  .map((a) => Float64Array.from(a));

describe('one thread: identical to JS', () => {
  withThreads(1, () => {
    it.each(names)('%s', (name) => assertAgree(sig(name), jsFn(name), native(name)));
  });
});

describe('two threads', () => {
  withThreads(2, () => {
    it.each(['parallelMinMax', 'parallelCount', 'parallelHistogram', 'parallelNested', 'parallelThrows'])('%s is exact', (name) => {
      assertAgree(sig(name), jsFn(name), native(name));
    });

    it('float sums differ from JS only by reassociation, and are deterministic', () => {
      fc.assert(
        fc.property(longArrays, (a) => {
          const got = native('parallelSum')(a) as number;
          expect(native('parallelSum')(a)).toBe(got);
          const bound = a.length * Number.EPSILON * a.reduce((m, x) => m + Math.abs(x), 0);
          expect(Math.abs(got - js.parallelSum(a))).toBeLessThanOrEqual(bound);
        }),
      );
    });

    it('rethrows the error of the lowest iteration that threw', () => {
      const xs = new Float64Array(1000).fill(1);
      xs[700] = -500; // RangeError, in the second thread's half
      xs[600] = -1; // TypeError, lower: this one must win
      expectError(() => native('parallelThrows')(xs), 'TypeError', 'negative');
      expect(() => js.parallelThrows(xs)).toThrow('negative');
    });

    it('products and differences agree on inputs without rounding', () => {
      const small = fc.tuple(
        fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 40 }).map((a) => Float64Array.from(a)),
        fc.integer({ min: -70, max: 70 }),
        fc.integer({ min: -70, max: 70 }),
        fc.integer({ min: -5, max: 5 }),
      );
      assertAgree(sig('parallelProduct'), js.parallelProduct, native('parallelProduct'), { arb: small });
    });
  });
});
