// Local, returned, swapped and aliased typed arrays agree with JS.
import fc from 'fast-check';
import * as path from 'node:path';
import { differentialSuite } from '../support/suite';
import * as js from './cases/arrays';

differentialSuite(path.join(__dirname, 'cases', 'arrays.ts'), js, {
  arbs: {
    fannkuch: fc.tuple(fc.integer({ min: 1, max: 7 })),
    // Both views over one buffer: the aliasing JS allows.
    punning: fc.integer({ min: 0, max: 8 }).map((n) => {
      const buffer = new ArrayBuffer(n * 8);
      return [new Int32Array(buffer), new Float64Array(buffer)];
    }),
  },
});
