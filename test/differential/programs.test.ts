// Programs a user would write (hashes, an RNG, spectral norm, LU, sorting,
// dynamic programming) compiled unchanged and compared with JS.
import fc from 'fast-check';
import * as path from 'node:path';
import { differentialSuite } from '../support/suite';
import * as js from './cases/programs';

const bytes = fc.uint8Array({ maxLength: 200 });
const square = fc.integer({ min: 0, max: 6 }).chain((n) =>
  fc.tuple(
    fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n * n, maxLength: n * n }).map((a) => Float64Array.from(a)),
    fc.constant(n),
    fc.constant(new Int32Array(n)),
  ),
);
const ints = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 30 }).map((a) => Int32Array.from(a));

differentialSuite(path.join(__dirname, 'cases', 'programs.ts'), js, {
  arbs: {
    fnv1a: fc.tuple(bytes),
    crc32: fc.tuple(bytes),
    spectralNorm: fc.tuple(fc.integer({ min: 1, max: 40 })),
    luDeterminant: square,
    lcs: fc.tuple(ints, ints),
  },
  numRuns: 200,
});

it('computes the published checksums', () => {
  const text = new TextEncoder().encode('The quick brown fox jumps over the lazy dog');
  expect(js.crc32(text)).toBe(0x414fa339);
  expect(js.fnv1a(new TextEncoder().encode('a'))).toBe(0xe40c292c);
});
