// Value ranges and guarded indices, compared with JS: NaN, -0 and huge values
// reach the guards, and indices run past the arrays.
import fc from 'fast-check';
import * as path from 'node:path';
import { EDGE_F64 } from '../support/differential';
import { differentialSuite } from '../support/suite';
import * as js from './cases/ranges';

const values = fc.oneof(fc.constantFrom(...EDGE_F64), fc.double({ min: -2, max: 12, noNaN: true }), fc.integer({ min: -3, max: 12 }));
const floats = (min: number, max: number) => fc.array(values, { minLength: min, maxLength: max }).map((xs) => Float64Array.from(xs));

const addon = differentialSuite(path.join(__dirname, 'cases', 'ranges.ts'), js, {
  arbs: {
    chunkedCounts: fc.tuple(
      floats(0, 40),
      fc.constantFrom(0.5, 1, 2, -1, NaN, Infinity),
      fc.integer({ min: 0, max: 9 }).map((n) => new Int32Array(n)),
    ),
    guardedValue: fc.tuple(
      floats(0, 20),
      fc.integer({ min: 0, max: 6 }).map((n) => new Float64Array(n)),
    ),
    windowSums: fc
      .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 3 }))
      .chain(([w, h, r]) =>
        fc.tuple(floats(2 * w * h, 2 * w * h), fc.constant(w), fc.constant(h), fc.constant(r), fc.constant(new Float64Array(2 * w * h))),
      ),
    // In range (k + j <= 11): out of bounds is a RangeError natively (SPEC §2).
    bodyLocalIndex: fc.tuple(
      floats(12, 12),
      fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 8 }).map((xs) => Int32Array.from(xs)),
    ),
  },
});

it('keeps -0 stored through a guarded index', () => {
  const out = new Float64Array(2);
  addon().exports.guardedValue!(Float64Array.of(-0), out);
  const expected = new Float64Array(2);
  js.guardedValue(Float64Array.of(-0), expected);
  expect(Object.is(out[0], expected[0])).toBe(true);
  expect(Object.is(out[0], -0)).toBe(true);
});
