// JS is the oracle: run a function as JS and as native code on the same random
// inputs (plus the edge values that break naive C), and compare the results
// and every array argument afterwards with Object.is (so -0 and NaN count).
import fc from 'fast-check';
import type { FunctionSignature } from '../../runtime/manifest';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFn = (...args: any[]) => unknown;

export const EDGE_F64 = [
  0,
  -0,
  1,
  -1,
  0.5,
  -0.5,
  1.5,
  2.5,
  -2.5,
  NaN,
  Infinity,
  -Infinity,
  5e-324,
  -5e-324,
  2.2250738585072014e-308,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31),
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 32 - 1,
  2 ** 53,
  -(2 ** 53),
  2 ** 53 + 2,
  1e21,
  -1e300,
  Number.MAX_VALUE,
  0.49999999999999994,
  4294967296.5,
  -4294967297.5,
];

const f64 = (): fc.Arbitrary<number> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...EDGE_F64) },
    { weight: 3, arbitrary: fc.double() },
    { weight: 2, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
    { weight: 2, arbitrary: fc.double({ min: -100, max: 100, noNaN: true }) },
  );
const int = (min: number, max: number): fc.Arbitrary<number> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(min, max, 0, 1, -1 < min ? 0 : -1) },
    { weight: 3, arbitrary: fc.integer({ min, max }) },
    { weight: 2, arbitrary: fc.integer({ min: Math.max(min, -50), max: Math.min(max, 50) }) },
  );
const f32 = (): fc.Arbitrary<number> => fc.oneof(fc.float(), fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1.5, -2.5));

const SCALARS: Record<string, () => fc.Arbitrary<unknown>> = {
  f64,
  number: f64,
  f32,
  i32: () => int(-(2 ** 31), 2 ** 31 - 1),
  u32: () => int(0, 2 ** 32 - 1),
  i16: () => int(-32768, 32767),
  u16: () => int(0, 65535),
  i8: () => int(-128, 127),
  u8: () => int(0, 255),
  boolean: () => fc.boolean(),
};

const ARRAYS: Record<string, [new (n: number) => ArrayLike<number> & { [i: number]: number }, () => fc.Arbitrary<number>]> = {
  Float64Array: [Float64Array, f64],
  Float32Array: [Float32Array, f64],
  Int32Array: [Int32Array, SCALARS.i32 as () => fc.Arbitrary<number>],
  Uint32Array: [Uint32Array, SCALARS.u32 as () => fc.Arbitrary<number>],
  Int16Array: [Int16Array, SCALARS.i16 as () => fc.Arbitrary<number>],
  Uint16Array: [Uint16Array, SCALARS.u16 as () => fc.Arbitrary<number>],
  Int8Array: [Int8Array, SCALARS.i8 as () => fc.Arbitrary<number>],
  Uint8Array: [Uint8Array, SCALARS.u8 as () => fc.Arbitrary<number>],
  Uint8ClampedArray: [Uint8ClampedArray, SCALARS.u8 as () => fc.Arbitrary<number>],
};

/** Arguments for a signature: every array parameter has the same length (0 to 12). */
export function argsFor(sig: FunctionSignature): fc.Arbitrary<unknown[]> {
  return fc.integer({ min: 0, max: 12 }).chain((n) =>
    fc.tuple(
      ...sig.params.map((p): fc.Arbitrary<unknown> => {
        const arr = ARRAYS[p.type];
        if (arr) {
          const [Ctor, element] = arr;
          // Views over a SharedArrayBuffer must work the same (SPEC §2).
          return fc.tuple(fc.array(element(), { minLength: n, maxLength: n }), fc.boolean()).map(([xs, shared]) => {
            const a = shared
              ? new (Ctor as unknown as new (b: SharedArrayBuffer) => ArrayLike<number> & { [i: number]: number })(
                  new SharedArrayBuffer(n * (Ctor as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT),
                )
              : new Ctor(n);
            xs.forEach((x, i) => (a[i] = x));
            return a;
          });
        }
        const scalar = SCALARS[p.type];
        if (!scalar) throw new Error(`no arbitrary for ${p.type}`);
        return scalar();
      }),
    ),
  );
}

/**
 * A copy of the arguments in which arrays keep their relations: views of one
 * buffer stay views of one (copied) buffer, a SharedArrayBuffer stays shared.
 */
const clone = (args: unknown[]): unknown[] => {
  const buffers = new Map<ArrayBufferLike, ArrayBufferLike>();
  const copyOf = (b: ArrayBufferLike): ArrayBufferLike => {
    let c = buffers.get(b);
    if (!c) {
      c = b instanceof SharedArrayBuffer ? new SharedArrayBuffer(b.byteLength) : new ArrayBuffer(b.byteLength);
      new Uint8Array(c).set(new Uint8Array(b));
      buffers.set(b, c);
    }
    return c;
  };
  return args.map((a) => {
    if (!ArrayBuffer.isView(a)) return a;
    const view = a as Float64Array;
    const Ctor = view.constructor as new (b: ArrayBufferLike, offset: number, length: number) => Float64Array;
    return new Ctor(copyOf(view.buffer), view.byteOffset, view.length);
  });
};

type Outcome = { value: unknown } | { error: string };

function run(fn: AnyFn, args: unknown[]): Outcome {
  try {
    return { value: fn(...args) };
  } catch (e) {
    return { error: (e as Error).constructor.name + ': ' + (e as Error).message };
  }
}

/** Distance in units in the last place between two finite doubles of one sign. */
function ulpDistance(a: number, b: number): number {
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  return Math.abs(Number(view.getBigInt64(0) - view.getBigInt64(8)));
}

/**
 * Equal, or — for the documented transcendental exception — within `ulps`
 * units in the last place; special values (NaN, ±0, ±Infinity) stay exact.
 */
function closeEnough(a: unknown, b: unknown, ulps: number): boolean {
  if (Object.is(a, b)) return true;
  if (ulps === 0 || typeof a !== 'number' || typeof b !== 'number') return false;
  if (!Number.isFinite(a) || !Number.isFinite(b) || a === 0 || b === 0 || Math.sign(a) !== Math.sign(b)) return false;
  return ulpDistance(a, b) <= ulps;
}

function sameValue(a: unknown, b: unknown, ulps = 0): boolean {
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    const x = a as unknown as ArrayLike<number>;
    const y = b as unknown as ArrayLike<number>;
    return x.length === y.length && Array.from(x).every((v, i) => closeEnough(v, y[i], ulps));
  }
  return closeEnough(a, b, ulps);
}

const show = (v: unknown): string =>
  ArrayBuffer.isView(v)
    ? `${v.constructor.name}[${Array.from(v as unknown as ArrayLike<number>)
        .map((x) => (Object.is(x, -0) ? '-0' : String(x)))
        .join(', ')}]`
    : Object.is(v, -0)
      ? '-0'
      : String(v);

/** Compares one call; returns a description of the difference, or undefined. */
export function compareCall(js: AnyFn, native: AnyFn, args: unknown[], ulps = 0): string | undefined {
  const jsArgs = clone(args);
  const nativeArgs = clone(args);
  const a = run(js, jsArgs);
  const b = run(native, nativeArgs);
  const input = args.map(show).join(', ');
  if ('error' in a || 'error' in b) {
    const ea = 'error' in a ? a.error.split(':')[0] : undefined;
    const eb = 'error' in b ? b.error.split(':')[0] : undefined;
    return ea === eb
      ? undefined
      : `(${input}): JS ${'error' in a ? a.error : show(a.value)}, native ${'error' in b ? b.error : show(b.value)}`;
  }
  if (!sameValue(a.value, b.value, ulps)) return `(${input}): JS returned ${show(a.value)}, native ${show(b.value)}`;
  for (let i = 0; i < args.length; i++) {
    if (!sameValue(jsArgs[i], nativeArgs[i], ulps))
      return `(${input}): argument ${i} afterwards: JS ${show(jsArgs[i])}, native ${show(nativeArgs[i])}`;
  }
  return undefined;
}

export interface AgreeOptions {
  arb?: fc.Arbitrary<unknown[]>;
  numRuns?: number;
  /** Only for the transcendental Math functions (SPEC §2 exceptions). */
  ulps?: number;
}

/** A fast-check property asserting JS and native agree on `sig`'s inputs. */
export function assertAgree(sig: FunctionSignature, js: AnyFn, native: AnyFn, opts: AgreeOptions = {}): void {
  fc.assert(
    fc.property(opts.arb ?? argsFor(sig), (args) => {
      const diff = compareCall(js, native, args, opts.ulps ?? 0);
      if (diff) throw new Error(`${sig.name}${diff}`);
    }),
    { numRuns: opts.numRuns ?? 300 },
  );
}
