// Transcendental Math functions agree with V8 within the documented ulps on
// random inputs, and exactly on every special value (NaN, ±0, ±Infinity).
import * as path from 'node:path';
import { differentialSuite } from '../support/suite';
import * as js from './cases/transcendental';

const names = Object.keys(js);
const ULPS = 4;
const addon = differentialSuite(path.join(__dirname, 'cases', 'transcendental.ts'), js, {
  ulps: Object.fromEntries(names.map((n) => [n, ULPS])),
  numRuns: 500,
});

const SPECIAL = [NaN, 0, -0, Infinity, -Infinity, 1, -1, 0.5, -0.5, 2, -2, 5e-324, -5e-324, 1e308, -1e308];

it.each(names)('%s: special values are exact', (name) => {
  const native = addon().exports[name]!;
  const f = (js as unknown as Record<string, (...a: number[]) => number>)[name]!;
  const special = (v: number) => Number.isNaN(v) || v === 0 || !Number.isFinite(v);
  for (const a of SPECIAL) {
    for (const b of f.length === 2 ? SPECIAL : [0]) {
      const args = f.length === 2 ? [a, b] : [a];
      const expected = f(...args);
      const got = native(...args) as number;
      if (special(expected) || special(got)) expect([name, a, b, Object.is(got, expected)]).toEqual([name, a, b, true]);
    }
  }
});
