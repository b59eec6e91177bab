// The first slice of the subset, compiled and compared with JS on random and
// edge inputs (test/support/differential.ts).
import fc from 'fast-check';
import * as path from 'node:path';
import { assertAgree } from '../support/differential';
import { buildModules, loadAddon, type LoadedAddon } from '../support/native';
import * as js from './cases/core';

const file = path.join(__dirname, 'cases', 'core.ts');
let addon: LoadedAddon;

beforeAll(() => {
  buildModules([file]);
  addon = loadAddon(file);
});

// Inputs that keep a function's run time small; the rest come from the signature.
const overrides: Record<string, fc.Arbitrary<unknown[]>> = {
  fib: fc.tuple(fc.integer({ min: 0, max: 18 })),
  nestedLoops: fc.tuple(fc.integer({ min: -3, max: 40 })),
};

const jsFunctions = js as unknown as Record<string, (...args: unknown[]) => unknown>;

it('compiles every function of the module', () => {
  const exported = Object.keys(js).sort();
  const compiled = addon.entry.functions.filter((f) => f.exported).map((f) => f.name).sort();
  expect(compiled).toEqual(exported);
});

describe('native agrees with JS', () => {
  const names = Object.keys(js);
  it.each(names)('%s', (name) => {
    const sig = addon.entry.functions.find((f) => f.name === name)!;
    assertAgree(sig, jsFunctions[name]!, addon.exports[name]!, overrides[name]);
  });
});
