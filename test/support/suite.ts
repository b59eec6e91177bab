// One jest suite per compiled test module: build it once (cached by the CLI),
// then check every exported function against its JS source.
import type fc from 'fast-check';
import { assertAgree } from './differential';
import { buildModules, loadAddon, type LoadedAddon } from './native';

export interface SuiteOptions {
  /** Inputs for functions that need a narrower domain (run time, or a documented exception). */
  arbs?: Record<string, fc.Arbitrary<unknown[]>>;
  /** Allowed ulps per function: only the transcendental Math functions (SPEC §2). */
  ulps?: Record<string, number>;
  numRuns?: number;
}

export function differentialSuite(file: string, jsModule: object, opts: SuiteOptions = {}): () => LoadedAddon {
  let addon: LoadedAddon | undefined;
  beforeAll(() => {
    buildModules([file]);
    addon = loadAddon(file);
  });
  const js = jsModule as Record<string, (...args: unknown[]) => unknown>;
  const names = Object.keys(js).filter((k) => typeof js[k] === 'function');

  it('compiles every exported function', () => {
    const compiled = addon!.entry.functions
      .filter((f) => f.exported)
      .map((f) => f.name)
      .sort();
    expect(compiled).toEqual([...names].sort());
  });

  describe('native agrees with JS', () => {
    it.each(names)('%s', (name) => {
      const sig = addon!.entry.functions.find((f) => f.name === name)!;
      assertAgree(sig, js[name]!, addon!.exports[name]!, { arb: opts.arbs?.[name], ulps: opts.ulps?.[name], numRuns: opts.numRuns });
    });
  });
  return () => addon!;
}
