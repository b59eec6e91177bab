// The first slice of the subset, compiled and compared with JS on random and
// edge inputs (test/support/differential.ts).
import fc from 'fast-check';
import * as path from 'node:path';
import { differentialSuite } from '../support/suite';
import * as js from './cases/core';

differentialSuite(path.join(__dirname, 'cases', 'core.ts'), js, {
  // Inputs that keep the run time small; the rest come from the signature.
  arbs: {
    fib: fc.tuple(fc.integer({ min: 0, max: 18 })),
    nestedLoops: fc.tuple(fc.integer({ min: -3, max: 40 })),
  },
});
