// setNumThreads/getNumThreads and the internal setParallelThreshold: through
// the runtime addon's process-wide state when it is there (no environment
// writes), through the environment when it is missing.
import * as os from 'node:os';
import { runtimeAddon, type RuntimeAddon } from '../../runtime/runtime-addon';
import { getNumThreads, setNumThreads, setParallelThreshold } from '../../runtime/threads';

let addon: RuntimeAddon;
let saved: { threads: number; threshold: number; env: string | undefined };
beforeEach(() => {
  const loaded = runtimeAddon();
  if (!loaded) throw new Error('build/Release/tsnative_runtime.node is missing: run `npx node-gyp configure build`');
  addon = loaded;
  saved = { threads: addon.getNumThreads(), threshold: addon.getParallelThreshold(), env: process.env.TSNATIVE_NUM_THREADS };
  delete process.env.TSNATIVE_NUM_THREADS;
});
afterEach(() => {
  addon.setNumThreads(saved.threads);
  addon.setParallelThreshold(saved.threshold < 0 ? undefined : saved.threshold);
  if (saved.env === undefined) delete process.env.TSNATIVE_NUM_THREADS;
  else process.env.TSNATIVE_NUM_THREADS = saved.env;
});

it('setNumThreads sets the shared count, not the environment', () => {
  setNumThreads(3);
  expect(addon.getNumThreads()).toBe(3);
  expect(getNumThreads()).toBe(3);
  expect(process.env.TSNATIVE_NUM_THREADS).toBeUndefined();
});

it('getNumThreads reads the shared count, so a change made elsewhere (a worker) shows', () => {
  addon.setNumThreads(5);
  expect(getNumThreads()).toBe(5);
  addon.setNumThreads(0);
  expect(getNumThreads()).toBe(os.availableParallelism());
});

it('rejects what is not a positive integer', () => {
  for (const bad of [0, -2, 1.5, NaN, Infinity, 2 ** 31]) {
    expect(() => setNumThreads(bad)).toThrow(new RangeError(`setNumThreads: expected a positive integer, got ${String(bad)}`));
  }
  expect(() => setNumThreads('2' as unknown as number)).toThrow(RangeError);
});

it('setParallelThreshold overrides every loop’s minimum until it is given undefined', () => {
  expect(setParallelThreshold(1)).toBe(true);
  expect(addon.getParallelThreshold()).toBe(1);
  expect(setParallelThreshold(undefined)).toBe(true);
  expect(addon.getParallelThreshold()).toBe(-1);
  expect(() => setParallelThreshold(-1)).toThrow(RangeError);
});

it('without the runtime addon: the JS keeps the count and writes the environment', () => {
  jest.isolateModules(() => {
    jest.doMock('../../runtime/runtime-addon', () => ({ runtimeAddon: () => undefined }));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const threads = require('../../runtime/threads') as typeof import('../../runtime/threads');
    process.env.TSNATIVE_NUM_THREADS = '2';
    expect(threads.getNumThreads()).toBe(2);
    threads.setNumThreads(3);
    expect(process.env.TSNATIVE_NUM_THREADS).toBe('3');
    expect(threads.getNumThreads()).toBe(3);
    expect(threads.setParallelThreshold(1)).toBe(false);
  });
  jest.dontMock('../../runtime/runtime-addon');
  expect(addon.getNumThreads()).toBe(saved.threads);
});
