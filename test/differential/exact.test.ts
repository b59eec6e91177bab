// Integer evaluation of double arithmetic (compiler/ir/opt/exact-values.ts),
// compared with JS on values chosen around the run-time bounds it introduces.
import fc from 'fast-check';
import * as path from 'node:path';
import { differentialSuite } from '../support/suite';
import * as js from './cases/exact';

// Either side of the bounds (2^16 … 2^31) and of the zero cases, plus anything.
const edges = [
  0,
  1,
  -1,
  2,
  -2,
  2 ** 16,
  2 ** 17 + 1,
  2 ** 25,
  2 ** 25 + 1,
  -(2 ** 25),
  -(2 ** 25) - 1,
  2 ** 26,
  94906265,
  94906266,
  2 ** 31 - 1,
  -(2 ** 31),
];
const i32 = fc.oneof(fc.constantFrom(...edges), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: -3, max: 3 }));

const addon = differentialSuite(path.join(__dirname, 'cases', 'exact.ts'), js, {
  arbs: {
    denominator: fc.tuple(i32, i32),
    negativeZero: fc.tuple(i32, i32, i32),
    wide: fc.tuple(i32, i32, i32),
    negated: fc.tuple(i32, i32),
  },
  numRuns: 400,
});

it('returns -0 where JS does, and +0 where JS does', () => {
  const { negativeZero, negated, denominator } = addon().exports;
  for (const [i, j, k] of [
    [0, -1, 0],
    [0, 1, 0],
    [0, -(2 ** 31), 0],
    [2 ** 30, 0, 0],
  ])
    expect(Object.is(negativeZero!(i, j, k), js.negativeZero(i!, j!, k!))).toBe(true);
  for (const [i, j] of [
    [0, 0],
    [0, -5],
    [-5, 0],
    [3, 0],
  ])
    expect(Object.is(negated!(i, j), js.negated(i!, j!))).toBe(true);
  expect(Object.is(denominator!(-1, 0), 0)).toBe(true);
});
