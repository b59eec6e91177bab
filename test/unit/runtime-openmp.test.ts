// The OpenMP wait settings before libgomp loads: the runtime addon sets them
// (build-runtime-addon.test.ts checks it, in a process of its own: jest's
// process.env is a copy the addon cannot see); the JS sets them only when
// the runtime addon is missing.
import { prepareForAddons, preferPassiveWait } from '../../runtime/openmp';

const KEYS = ['OMP_WAIT_POLICY', 'GOMP_SPINCOUNT'] as const;
let saved: Record<string, string | undefined>;
beforeEach(() => {
  saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
  for (const k of KEYS) delete process.env[k];
});
afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

/** prepareForAddons as it runs when build/Release/tsnative_runtime.node is absent. */
function prepareWithoutRuntime(): void {
  jest.isolateModules(() => {
    jest.doMock('../../runtime/runtime-addon', () => ({ runtimeAddon: () => undefined }));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('../../runtime/openmp') as typeof import('../../runtime/openmp')).prepareForAddons();
  });
  jest.dontMock('../../runtime/runtime-addon');
}

it('leaves the wait policy to the runtime addon when it loads', () => {
  prepareForAddons();
  expect(process.env.OMP_WAIT_POLICY).toBeUndefined();
  expect(process.env.GOMP_SPINCOUNT).toBeUndefined();
});

describe('without the runtime addon', () => {
  it('sleeps after a short spin when the user chose nothing', () => {
    prepareWithoutRuntime();
    expect(process.env.OMP_WAIT_POLICY).toBe('PASSIVE');
    expect(process.env.GOMP_SPINCOUNT).toBe('3000');
  });

  it("leaves the user's choice alone", () => {
    process.env.OMP_WAIT_POLICY = 'ACTIVE';
    preferPassiveWait();
    expect(process.env.OMP_WAIT_POLICY).toBe('ACTIVE');
    expect(process.env.GOMP_SPINCOUNT).toBeUndefined();
    delete process.env.OMP_WAIT_POLICY;
    process.env.GOMP_SPINCOUNT = '100';
    preferPassiveWait();
    expect(process.env.OMP_WAIT_POLICY).toBeUndefined();
  });
});
