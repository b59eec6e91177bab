// SPEC §2's semantics rules, each compared with JS bit for bit; the documented
// exceptions (integer slots wrap, transcendental ulps) are checked on their own.
import fc from 'fast-check';
import * as path from 'node:path';
import { differentialSuite } from '../support/suite';
import * as js from './cases/semantics';

const addon = differentialSuite(path.join(__dirname, 'cases', 'semantics.ts'), js, {
  // In JS a value outside an integer slot's range stays as it is; natively the
  // slot wraps (SPEC §2 exception), so this function is compared in range...
  arbs: { narrowSlots: fc.tuple(fc.integer({ min: 0, max: 127 })) },
  // ...and `**` is libm's pow, within the documented ulp exception.
  ulps: { powSpecials: 2 },
});

it('wraps integer slots exactly as the matching typed-array store would', () => {
  const wrapped = (x: number) =>
    Int8Array.of(x)[0]! + Uint8Array.of(x)[0]! * 2 + Int16Array.of(x)[0]! * 3 + Uint16Array.of(x)[0]! * 5 + Uint32Array.of(x)[0]! * 7;
  fc.assert(
    fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (x) => {
      expect(addon().exports.narrowSlots!(x)).toBe(wrapped(x));
    }),
  );
});

it('keeps the special values of pow exact', () => {
  const pow = addon().exports.powSpecials!;
  for (const [a, b] of [
    [1, Infinity],
    [1, -Infinity],
    [-1, Infinity],
    [1, NaN],
    [NaN, 0],
    [0, -1],
    [-0, -1],
    [-0, -3],
    [-Infinity, 3],
    [-8, 1 / 3],
    [2, 1024],
    [0.5, -Infinity],
  ]) {
    expect(Object.is(pow(a, b), a! ** b!)).toBe(true);
  }
});
