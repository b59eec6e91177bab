// overflowcheck, noboundscheck, fastmath, and checked indexing.
import fc from 'fast-check';
import * as path from 'node:path';
import { assertAgree } from '../support/differential';
import { buildModules, loadAddon, type LoadedAddon } from '../support/native';
import * as js from './cases/options';
import { expectError } from '../support/errors';

const file = path.join(__dirname, 'cases', 'options.ts');
let addon: LoadedAddon;
const native = (name: string) => addon.exports[name]!;
const sig = (name: string) => addon.entry.functions.find((f) => f.name === name)!;

beforeAll(() => {
  buildModules([file]);
  addon = loadAddon(file);
});

describe('overflowcheck', () => {
  it('agrees with JS while nothing wraps', () => {
    const small = fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 20 }).map((a) => Int32Array.from(a));
    assertAgree(sig('checkedSum'), js.checkedSum, native('checkedSum'), { arb: fc.tuple(small) });
    assertAgree(sig('checkedByte'), js.checkedByte, native('checkedByte'), {
      arb: fc.tuple(fc.double({ min: 0, max: 255.9, noNaN: true })),
    });
  });

  it('turns a store that would wrap into a RangeError naming the function, value, kind and line', () => {
    expectError(
      () => native('checkedSum')(Int32Array.of(2 ** 31 - 1, 1)),
      'RangeError',
      'checkedSum: 2147483648 does not fit in i32 (test/differential/cases/options.ts:8)',
    );
    expectError(() => native('checkedByte')(256), 'RangeError', /256 does not fit in u8/);
    expect(() => native('checkedByte')(NaN)).toThrow(/NaN does not fit in u8/);
    expect(native('checkedCounter')(47)).toBe(2147483647);
    expect(() => native('checkedCounter')(48)).toThrow(/checkedCounter: 2147483648 does not fit in i32/);
  });
});

it('noboundscheck agrees with JS on in-bounds inputs', () => {
  assertAgree(sig('uncheckedDot'), js.uncheckedDot, native('uncheckedDot'));
});

it('an out-of-bounds index is a RangeError with the function, index, length and line', () => {
  expect(native('readAt')(Float64Array.of(1, 2), 1)).toBe(2);
  expectError(
    () => native('readAt')(Float64Array.of(1, 2), 2),
    'RangeError',
    'readAt: index 2 is out of bounds for length 2 (test/differential/cases/options.ts:34)',
  );
  expect(() => native('readAt')(new Float64Array(0), -1)).toThrow(/index -1 is out of bounds for length 0/);
});

it('a shorter second array still throws at the first index past its end', () => {
  expectError(
    () => native('readPair')(new Float64Array(5), new Float64Array(3)),
    'RangeError',
    /readPair: index 3 is out of bounds for length 3/,
  );
  expect(native('readPair')(Float64Array.of(1, 2), Float64Array.of(3, 4, 5))).toBe(11);
});

it('an affine index agrees with JS in range and throws at the first index out of range', () => {
  const a = Float64Array.from({ length: 12 }, (_, i) => i * 1.5);
  const inRange = fc
    .tuple(fc.constant(a), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }))
    .filter(([, r, n]) => r * n + n <= 12);
  assertAgree(sig('sumRow'), js.sumRow, native('sumRow'), { arb: inRange });
  expectError(() => native('sumRow')(a, 3, 4), 'RangeError', /sumRow: index 12 is out of bounds for length 12/);
  expectError(() => native('sumRow')(a, -1, 4), 'RangeError', /sumRow: index -4 is out of bounds/);
});

it('fastmath stays within reassociation of the exact sum', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { maxLength: 64 }), (xs) => {
      const a = Float64Array.from(xs);
      const exact = js.fastSum(a);
      const bound = 64 * Number.EPSILON * xs.reduce((m, x) => m + Math.abs(x), 0);
      expect(Math.abs((native('fastSum')(a) as number) - exact)).toBeLessThanOrEqual(bound);
    }),
  );
});
