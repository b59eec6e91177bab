// The OpenMP wait settings the loader chooses before libgomp loads.
import { preferPassiveWait } from '../../runtime/openmp';

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

it('sleeps after a short spin when the user chose nothing', () => {
  preferPassiveWait();
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
