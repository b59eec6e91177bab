// Lane batching, compared with JS: the lanes must give each iteration's own
// result, with tails, early exits and errors where JS has them.
import fc from 'fast-check';
import * as path from 'node:path';
import { differentialSuite } from '../support/suite';
import { optimisedCpp } from '../support/emit';
import * as fs from 'node:fs';
import * as js from './cases/lanes';

const FILE = path.join(__dirname, 'cases', 'lanes.ts');
const sizes = fc.integer({ min: 0, max: 23 });

differentialSuite(FILE, js, {
  arbs: {
    escapeTimes: fc.tuple(
      sizes.map((n) => new Int32Array(n)),
      fc.double({ min: -2.5, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 0.3, noNaN: true }),
      fc.double({ min: -1.2, max: 1.2, noNaN: true }),
      fc.integer({ min: 0, max: 60 }),
    ),
    collatz: fc.tuple(
      fc.array(fc.integer({ min: -5, max: 100000 }), { maxLength: 23 }).map((xs) => Int32Array.from(xs)),
      fc.integer({ min: 0, max: 300 }),
    ),
    restEffects: fc.tuple(
      fc.integer({ min: 0, max: 60 }).map((n) => new Float32Array(n)),
      fc.integer({ min: -1, max: 70 }),
    ),
    shortLoops: fc.tuple(
      sizes.map((n) => new Float64Array(n)),
      fc.integer({ min: -6, max: 12 }),
      fc.integer({ min: -6, max: 30 }),
      fc.double({ min: -4, max: 1e4, noNaN: true }),
    ),
  },
});

it('runs a loop of every function in lanes', () => {
  const code = optimisedCpp(fs.readFileSync(FILE, 'utf8').replace(/^import .*$/gm, ''));
  const bodies = code.split(/\n(?=\S.* tsn_fn_\w+\(.*\) \{$)/m).slice(1);
  expect(bodies.map((b) => /tsn_fn_(\w+)/.exec(b)![1]).sort()).toEqual(Object.keys(js).sort());
  for (const b of bodies) expect(b).toContain('bool tsn_live[4];');
});
