// Local, returned, swapped and aliased typed arrays agree with JS.
import fc from 'fast-check';
import * as path from 'node:path';
import { differentialSuite } from '../support/suite';
import * as js from './cases/arrays';

differentialSuite(path.join(__dirname, 'cases', 'arrays.ts'), js, {
  arbs: { fannkuch: fc.tuple(fc.integer({ min: 1, max: 7 })) },
});
